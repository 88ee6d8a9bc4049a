/** Issue 14, item 2: a half-filled table gives one finding for its blank cells, and the text never states a
 *  fact from a blank cell. */
import { checkReport } from '../../src/report/check';
import { narrativeOf } from '../../src/report/narrative';
import { emptyReport, setReportValue } from '../../src/report/report';
import { cellsToMark } from '../../src/report/rules';
import { tableLayout } from '../../src/report/layout';
import { consistentReport, seeded, zeroReport } from './helpers';

test('one cell filled in tables 1 and 2: one BLANK per table, saying how many and which rows, with every cell', () => {
  const r = emptyReport('2021', 2025);
  setReportValue(r, 'active.rules.issued', 1);
  setReportValue(r, 'applications.new.natural', 3);
  const blanks = checkReport(r).filter((f) => f.rule === 'BLANK');
  expect(blanks).toHaveLength(3);
  const [t1, t2] = blanks;
  expect(t1.cells).toHaveLength(tableLayout('2021', 'active').data.length - 1);
  expect(t1.message).toMatch(
    /^表1 主动公开：9 个单元格为空，涉及规章、行政规范性文件、行政许可、行政处罚等 6 行，格式要求填写0；计算时按0处理$/,
  );
  expect(t2.cells).toHaveLength(174);
  expect(t2.message).toContain('表2 依申请公开：174 个单元格为空，涉及一、本年新收、二、上年结转');
  // the cells are marked (amber), so the clerk sees what is left; a table not filled in yet is not
  expect(cellsToMark(t1)).toEqual(t1.cells);
  expect(cellsToMark(blanks[2])).toEqual([]);
});

test('a few blank cells are named one by one; "/" and "—" are said too', () => {
  const r = zeroReport('2021');
  setReportValue(r, 'applications.granted.nonprofit', null);
  setReportValue(r, 'applications.granted.other_org', '/');
  const blanks = checkReport(r).filter((f) => f.rule === 'BLANK');
  expect(blanks).toHaveLength(1);
  expect(blanks[0].cells).toEqual(['applications.granted.nonprofit', 'applications.granted.other_org']);
  expect(blanks[0].message).toBe(
    '表2 依申请公开：2 个单元格为空或填写了“/”（（一）予以公开 · 社会公益组织、（一）予以公开 · 其他），格式要求填写0；计算时按0处理',
  );
});

test('生成文字 never states a fact from a blank cell: the paragraph asks for the cells first', () => {
  const r = consistentReport('2021', seeded(7));
  r.year = 2025;
  setReportValue(r, 'active.fees.amount', null);
  const ps = narrativeOf(r);
  const two = ps.find((p) => p.section === 2)!;
  expect(two.blocked).toBe(true);
  expect(two.text).not.toContain('未收取行政事业性收费');
  expect(two.text).toBe(
    '表1 主动公开还有 1 个单元格未填写（行政事业性收费 · 本年收费金额），为避免写出表格中没有的数字，暂不生成本段。请先填写（没有数据的填0），再重新生成。',
  );
  expect(two.cells).toEqual(['active.fees.amount']);
  // the other tables are complete: their paragraphs are written
  expect(ps.filter((p) => p.blocked).map((p) => p.section)).toEqual([2]);
  // a "/" is the clerk saying none: it is read as 0, as the format has it
  setReportValue(r, 'active.fees.amount', '/');
  expect(narrativeOf(r).find((p) => p.section === 2)?.text).toContain('本年未收取行政事业性收费');
});
