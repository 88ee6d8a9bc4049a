/** The document model: titles, opening, tables from the layout, the person's prose, placeholders. */
import { promises as fs } from 'fs';
import path from 'path';
import {
  buildDocument,
  formatValue,
  proseParagraphs,
  sectionProse,
  documentTables,
  type ExportDocument,
} from '../../src/report/export/document';
import { SECTION_TITLES } from '../../src/report/formats';
import { tableLayout } from '../../src/report/layout';
import { narrativeOf } from '../../src/report/narrative';
import { emptyReport, parseReportJson, reportValue } from '../../src/report/report';
import type { CellKey, Report } from '../../src/report/types';

const FIX = path.join(__dirname, '..', 'fixtures');
const load = async (name: string): Promise<Report> => parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));
const texts = (doc: ExportDocument, section: number): string[] =>
  doc.sections[section - 1].blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));

describe.each(['huaian-2024', 'gaoan-2020'])('%s', (name) => {
  let report: Report;
  let doc: ExportDocument;
  beforeAll(async () => {
    report = await load(name);
    doc = buildDocument({ report, generated: narrativeOf(report, { fee: 3940 }), meta: { contact: '本机关办公室，电话 0000-1234567' } });
  });

  test('title, opening with basis, period and contact; the six sections in order', () => {
    expect(doc.title).toBe(`${report.agency}${report.year}年政府信息公开工作年度报告`);
    expect(doc.titleLines).toEqual([report.agency, `${report.year}年政府信息公开工作年度报告`]);
    const opening = doc.opening.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('');
    expect(opening).toContain('《中华人民共和国政府信息公开条例》');
    expect(opening).toContain(report.format === '2021' ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号');
    expect(opening).toContain(`${report.year}年1月1日起至${report.year}年12月31日止`);
    expect(opening).toContain('本机关办公室，电话 0000-1234567。');
    expect(doc.sections.map((s) => s.title)).toEqual(SECTION_TITLES);
  });

  test('sections 二 三 四 hold their table, laid out by the layout, with the values as written', () => {
    const tables = documentTables(doc);
    expect(tables.map((t) => [t.section, t.table.table])).toEqual([
      [2, 'active'],
      [3, 'applications'],
      [4, 'reviews'],
    ]);
    for (const { table } of tables) {
      const layout = tableLayout(report.format, table.table);
      expect(table.cells.map(({ r, c, rs, cs, role }) => ({ r, c, rs, cs, role }))).toEqual(
        [...layout.cells].sort((a, b) => a.r - b.r || a.c - b.c).map(({ r, c, rs, cs, role }) => ({ r, c, rs, cs, role })),
      );
      for (const cell of table.cells) {
        if (cell.role === 'data') {
          const v = reportValue(report, cell.key as CellKey);
          expect(cell.text).toBe(v === null || v === undefined ? '' : String(v));
        } else expect(cell.text).toBe(layout.cells.find((c) => c.r === cell.r && c.c === cell.c)?.text);
      }
    }
    // each table section starts with its generated paragraph
    for (const n of [2, 3, 4]) expect(doc.sections[n - 1].blocks[0]).toMatchObject({ kind: 'paragraph', origin: 'generated' });
  });

  test("sections 一 and 五 carry the person's prose, without repeating the heading", () => {
    for (const n of [1, 5]) {
      const own = texts(doc, n);
      expect(own.length).toBeGreaterThan(1);
      expect(doc.sections[n - 1].blocks.every((b) => b.kind === 'paragraph' && b.origin === 'user')).toBe(true);
      expect(own[0]).not.toContain(SECTION_TITLES[n - 1].slice(2));
      for (const p of own) {
        expect(p).not.toMatch(/\n|\f/);
        expect(p).not.toMatch(/^[-—]\d+[-—]$/);
      }
    }
  });
});

test('pdftotext prose: wrapped lines joined, page numbers dropped, a paragraph running over a page kept whole', async () => {
  const report = await load('huaian-2024');
  const five = sectionProse(report.text?.['5'], 5);
  expect(five).toHaveLength(2);
  expect(five[0]).toMatch(/^对照上级新要求和公众新期待，还有一些需要加强和改进的地方。主要表现在：一是政策解读质量仍需提升/);
  expect(five.join('')).not.toContain('-5-');
  const six = sectionProse(report.text?.['6'], 6);
  expect(six).toEqual(['2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。']);
});

test('web-copied prose: paragraphs at blank lines, the numberless heading of the copy removed', async () => {
  const report = await load('gaoan-2020');
  const one = sectionProse(report.text?.['1'], 1);
  expect(one[0]).toMatch(/^2020年，市政府办公室坚持/);
  expect(one.some((p) => p.startsWith('（一）主动公开情况。'))).toBe(true);
});

test('prose paragraphs: one per line when nothing is wrapped; a heading on the first line, alone or run in', () => {
  expect(proseParagraphs('第一段。\n第二段。\n\n第三段。')).toEqual(['第一段。', '第二段。', '第三段。']);
  expect(sectionProse('五、存在的主要问题及改进情况\n问题一。', 5)).toEqual(['问题一。']);
  expect(sectionProse('五、存在的主要问题及改进情况 问题一。', 5)).toEqual(['问题一。']);
  expect(sectionProse('  五、存在的主要问题及改进情况。', 5)).toEqual([]);
  expect(sectionProse('存在问题较多。', 5)).toEqual(['存在问题较多。']);
  expect(sectionProse('总体情况良好。\n其他。', 1)).toEqual(['总体情况良好。', '其他。']);
  expect(sectionProse('总体情况\n其他。', 1)).toEqual(['其他。']);
  expect(sectionProse('五、政府信息公开工作存在的主要问题及改进情况\n问题一。', 5)).toEqual(['问题一。']);
});

test('no prose: placeholders for what the person must write, the generated 一（二） and 六 in their place', () => {
  const report = emptyReport('2021', 2025, '某某县人民政府');
  const doc = buildDocument({ report, generated: narrativeOf(report, { fee: null }) });
  const one = doc.sections[0].blocks;
  expect(one[0]).toMatchObject({ kind: 'placeholder' });
  expect(one.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
    '（一）主动公开情况',
    '（二）依申请公开情况',
    '（三）政府信息管理情况',
    '（四）政府信息公开平台建设情况',
    '（五）监督保障情况',
  ]);
  // the tables are blank, so the generated paragraphs are notices: kept as placeholders
  const afterTwo = one[one.findIndex((b) => b.kind === 'heading' && b.text === '（二）依申请公开情况') + 1];
  expect(afterTwo).toMatchObject({ kind: 'placeholder' });
  expect(afterTwo.kind === 'placeholder' && afterTwo.text).toMatch(/^【待补充：表2 依申请公开尚未填写/);
  expect(doc.sections[4].blocks).toEqual([{ kind: 'placeholder', text: '【请填写：五、存在的主要问题及改进情况】' }]);
  expect(doc.sections[5].blocks).toEqual([
    { kind: 'paragraph', origin: 'generated', text: '2025年，本机关未收取政府信息公开信息处理费。', cells: [] },
  ]);
  // without generated paragraphs section 六 is a placeholder too
  const bare = buildDocument({ report });
  expect(bare.sections[5].blocks[0]).toMatchObject({
    kind: 'placeholder',
    text: expect.stringMatching(/^【请填写：六、其他需要报告的事项/),
  });
  expect(bare.sections[1].blocks.map((b) => b.kind)).toEqual(['table']);
  expect(bare.opening[0]).toMatchObject({ text: expect.not.stringContaining('请联系') });
});

test("prose that only repeats the generated paragraphs keeps 一's outline and placeholders; the person's own words replace it", async () => {
  const report = { ...(await load('huaian-2024')) };
  delete report.text;
  const generated = narrativeOf(report, { fee: 0 });
  const pasted = generated.filter((p) => p.section === 1 && !p.blocked).map((p) => p.text);
  expect(pasted.length).toBeGreaterThan(0);
  const doc = buildDocument({ report: { ...report, text: { '1': pasted.join('\n') } }, generated });
  expect(doc.sections[0].blocks.filter((b) => b.kind === 'heading')).toHaveLength(5);
  expect(doc.sections[0].blocks.filter((b) => b.kind === 'placeholder').length).toBeGreaterThan(3);
  expect(texts(doc, 1)).toContain(pasted[0]);
  const own = buildDocument({ report: { ...report, text: { '1': '本年度，本机关认真贯彻《条例》。' } }, generated });
  expect(own.sections[0].blocks).toEqual([{ kind: 'paragraph', origin: 'user', text: '本年度，本机关认真贯彻《条例》。' }]);
});

test('section 六: "无。" gives way to the fee sentence; prose that states the fee keeps it alone', () => {
  const report = emptyReport('2021', 2025);
  const fee = narrativeOf(report, { fee: 120 });
  const withNothing = buildDocument({ report: { ...report, text: { 6: '六、其他需要报告的事项\n无。' } }, generated: fee });
  expect(texts(withNothing, 6)).toEqual(['2025年，本机关依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费120元。']);
  const stated = buildDocument({ report: { ...report, text: { 6: '本年度收取信息处理费100元。' } }, generated: fee });
  expect(texts(stated, 6)).toEqual(['本年度收取信息处理费100元。']);
  const other = buildDocument({ report: { ...report, text: { 6: '本年度无其他事项。' } }, generated: fee });
  expect(texts(other, 6)).toHaveLength(2);
  // no agency: the title is the year's report, the opening speaks of 本机关
  expect(withNothing.title).toBe('2025年政府信息公开工作年度报告');
  expect(withNothing.titleLines).toHaveLength(1);
});

test("meta: agency and basis replace the report's", () => {
  const doc = buildDocument({
    report: emptyReport('2019', 2020, 'A'),
    meta: { agency: '某某市人民政府办公室', basis: '《条例》第五十条' },
  });
  expect(doc.title).toBe('某某市人民政府办公室2020年政府信息公开工作年度报告');
  expect(doc.opening[0]).toMatchObject({ text: expect.stringMatching(/^本报告根据《条例》第五十条要求，由某某市人民政府办公室编制。/) });
});

test('values are printed as written: counts whole, amounts with their decimals, text as typed, blank empty', () => {
  expect(formatValue(3985758)).toBe('3985758');
  expect(formatValue(96171.6)).toBe('96171.6');
  expect(formatValue(59237.2449)).toBe('59237.2449');
  expect(formatValue(-2)).toBe('-2');
  expect(formatValue(1e21)).toBe('1000000000000000000000');
  expect(formatValue(null)).toBe('');
  expect(formatValue(undefined)).toBe('');
  expect(formatValue(' / ')).toBe('/');
  expect(formatValue('251000元')).toBe('251000元');
});
