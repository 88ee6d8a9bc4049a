/**
 * The two real published reports, imported from their published text, against their checked
 * transcriptions (test/fixtures/*.json): every cell of all three tables, year, agency, format and the
 * six sections' prose.
 *
 * Prose convention (documented in src/report/import/sections.ts): a section's text runs from the start
 * of its heading line to the start of the next section's heading line, trailing whitespace removed;
 * tables, page numbers and line breaks inside it are kept as in the source; the title and opening
 * paragraph before section 一 are returned as `preamble`, not as prose. The 高安 transcription follows
 * exactly this. The 淮安 transcription differs in two ways, both handled below:
 *  - it keeps each section's trailing blank lines (and the final "-6-" page number's form feed), so it
 *    is compared after removing trailing whitespace;
 *  - it cut section 三 at the table row "四、结转下年度继续办理" as if that row were section 四's
 *    heading. The importer does not: that row belongs to table 2 in section 三, and section 四 opens at
 *    "四、政府信息公开行政复议、行政诉讼情况". Sections 三 and 四 together are the same text.
 */
import { checkReport } from '../../src/report/check';
import { importReport } from '../../src/report/import';
import type { Report } from '../../src/report/types';
import { cellPairs, keysOf, loadReport, readFixture } from './helpers';

const withoutText = (r: Report): Report => {
  const { text: _text, ...rest } = r;
  return rest;
};

describe('高安市 2020 (copied from the web page, one cell per line, 2019 format)', () => {
  const source = readFixture('gaoan-2020.txt');
  const expected = loadReport('gaoan-2020.json');
  const result = importReport(source);

  it('is detected as one-cell-per-line text of a 2019-format report for 2020', () => {
    expect(result.kind).toBe('text');
    expect([result.report.format, result.report.year]).toEqual(['2019', 2020]);
    // the title reads "高安市2020年政府信息公开工作年度报告": the agency is taken as written there
    // (the transcription names it 高安市人民政府)
    expect(result.report.agency).toBe('高安市');
    expect(expected.agency).toBe('高安市人民政府');
  });

  it('reads every cell of all three tables as transcribed, the two blank cells of （一）予以公开 as null', () => {
    const { expected: exp, actual } = cellPairs(expected, result.report);
    expect(actual).toEqual(exp);
    expect(keysOf(result.report).sort()).toEqual(keysOf(expected).sort());
    expect(result.report.tables.applications?.granted).toEqual({
      natural: 48,
      business: 0,
      research: 0,
      nonprofit: null,
      legal: 0,
      other_org: null,
      total: 48,
    });
    expect(result.report.tables.active?.enforcement?.change).toBe(-2);
    expect(result.report.tables.active?.procurement?.amount).toBe(2.43);
  });

  it('has no problems, and a STRUCTURE warning for each label typed differently from the format', () => {
    expect(result.problems).toEqual([]);
    expect(result.findings.every((f) => f.rule === 'STRUCTURE' && f.severity === 'warning')).toBe(true);
    expect(result.findings.map((f) => [f.actual, f.expected])).toEqual([
      ['采购总金额（亿元）', '采购总金额'],
      ['合计', '总计'],
      ['（二）部分公开（区分处理的，只记这一情形，不记其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
      ['1.信访投诉举报类申请', '1.信访举报投诉类申请'],
      ['结果维护', '结果维持'],
    ]);
    const upheld = result.findings.find((f) => f.actual === '结果维护');
    expect(upheld?.message).toContain('“结果维护”');
    expect(upheld?.message).toContain('“结果维持”');
    expect(upheld?.cells).toEqual(['reviews.review.upheld', 'reviews.litigation_direct.upheld', 'reviews.litigation_after_review.upheld']);
  });

  it('splits the prose exactly as transcribed, numberless headings of sections 一–三 included', () => {
    expect(result.report.text).toEqual(expected.text);
    expect(result.preamble.startsWith('高安市2020年政府信息公开工作年度报告\n本报告依据')).toBe(true);
  });

  it('checks like the transcription: the same table findings', () => {
    expect(checkReport(withoutText(result.report))).toEqual(checkReport(withoutText({ ...expected, agency: '高安市' })));
  });

  it('reads the same with the tabs stripped, where blank cells and row breaks are both empty lines', () => {
    // the known column counts place the two blank cells of （一）予以公开
    const stripped = source
      .split('\n')
      .map((l) => (l.trim() === '' ? '' : l.replace(/^\t/, '')))
      .join('\n');
    const again = importReport(stripped);
    expect(again.kind).toBe('text');
    expect(again.problems).toEqual([]);
    const { expected: exp, actual } = cellPairs(expected, again.report);
    expect(actual).toEqual(exp);
  });
});

describe('淮安市人民政府 2024 (pdftotext -layout, 2021 format)', () => {
  const source = readFixture('huaian-2024.txt');
  const expected = loadReport('huaian-2024.json');
  const result = importReport(source);

  it('is detected as pdftotext output of a 2021-format report for 2024 by 淮安市人民政府', () => {
    expect(result.kind).toBe('pdf-text');
    expect([result.report.format, result.report.year, result.report.agency]).toEqual(['2021', 2024, '淮安市人民政府']);
  });

  it('reads every cell of all three tables as transcribed (wrapped labels, the vertical 三、本年度办理结果, page breaks)', () => {
    const { expected: exp, actual } = cellPairs(expected, result.report);
    expect(actual).toEqual(exp);
    expect(keysOf(result.report).sort()).toEqual(keysOf(expected).sort());
  });

  it('has no problems and no findings', () => {
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('reconciles completely, as the transcription does', () => {
    expect(checkReport(withoutText(result.report))).toEqual([]);
  });

  it('splits the prose as transcribed (after the documented normalisation)', () => {
    const text = result.report.text ?? {};
    const exp = expected.text ?? {};
    for (const k of ['1', '2', '5', '6']) expect([k, text[k]]).toEqual([k, exp[k]?.trimEnd()]);
    // the transcription cut section 三 at the table row 四、结转下年度继续办理
    const cut = (exp['4'] as string).indexOf('     四、政府信息公开行政复议、行政诉讼情况');
    expect(cut).toBeGreaterThan(0);
    expect((exp['4'] as string).startsWith('四、结转下年度继续办理')).toBe(true);
    expect(text['3']).toBe(((exp['3'] as string) + (exp['4'] as string).slice(0, cut)).trimEnd());
    expect(text['4']).toBe((exp['4'] as string).slice(cut).trimEnd());
    expect(result.preamble).toContain('统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日');
  });
});
