/**
 * The two real reports transcribed into report JSON (test/fixtures): 高安 2020 (2019 format) has
 * exactly its two blank cells of row （一）予以公开; 淮安 2024 (2021 format) reconciles completely.
 */
import { checkReport, checkValues, reportSource } from '../../src/report/check';
import { allKeys } from '../../src/report/layout';
import { parseReportJson, reportValue } from '../../src/report/report';
import type { Report } from '../../src/report/types';
import { readFixture, readSpec } from './helpers';

const load = (name: string): Report => parseReportJson(readFixture(name));
const tablesOnly = (r: Report): Report => {
  const { text: _text, ...rest } = r;
  return rest;
};

describe('高安市人民政府 2020 (format 2019)', () => {
  const report = load('gaoan-2020.json');

  it('is read as a 2019-format report for 2020', () => {
    expect([report.format, report.year, report.agency]).toEqual(['2019', 2020, '高安市人民政府']);
    // every cell of the format is present (blank cells as null)
    for (const k of allKeys('2019')) expect([k, reportValue(report, k) !== undefined]).toEqual([k, true]);
  });

  it('has exactly the two blank cells of row （一）予以公开, said in one BLANK warning, and nothing else in its tables', () => {
    const expected = [
      {
        rule: 'BLANK',
        severity: 'warning',
        cells: ['applications.granted.nonprofit', 'applications.granted.other_org'],
        message: '表2 依申请公开：2 个单元格为空（（一）予以公开 · 社会公益组织、（一）予以公开 · 其他），格式要求填写0；计算时按0处理',
        expected: 0,
        actual: '',
      },
    ];
    expect(checkReport(tablesOnly(report))).toEqual(expected);
    expect(checkValues('2019', reportSource(report))).toEqual(expected);
  });

  it('with its prose, the table findings are still only those two (the rest are narrative findings)', () => {
    const all = checkReport(report);
    expect(all.filter((f) => !f.rule.startsWith('N-')).map((f) => [f.rule, f.cells])).toEqual([
      ['BLANK', ['applications.granted.nonprofit', 'applications.granted.other_org']],
    ]);
    // the spec: its text says 行政复议1件 while table 3 shows 总计 12
    expect(reportValue(report, 'reviews.review.total')).toBe(12);
    expect(all.some((f) => f.rule === 'N-REVIEWS' && f.cells.includes('reviews.review.total') && f.expected === 12 && f.actual === 1)).toBe(
      true,
    );
  });

  it('keeps the figures the spec quotes (采购总金额 2.43, change may be negative)', () => {
    expect(reportValue(report, 'active.procurement.amount')).toBe(2.43);
    expect(reportValue(report, 'active.enforcement.change')).toBe(-2);
  });
});

describe('淮安市人民政府 2024 (format 2021)', () => {
  const report = load('huaian-2024.json');

  it('reconciles completely: no findings, with or without its prose', () => {
    expect([report.format, report.year]).toEqual(['2021', 2024]);
    expect(checkReport(report)).toEqual([]);
    expect(checkReport(tablesOnly(report))).toEqual([]);
    for (const k of allKeys('2021')) expect([k, typeof reportValue(report, k)]).toEqual([k, 'number']);
  });

  it('holds the values of the example in report-json.md', () => {
    const md = readSpec('report-json.md');
    const json = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    const grab = (row: string): Record<string, number> => {
      const m = new RegExp(`"${row}":\\s*(\\{[^{}]*\\})`).exec(json);
      if (!m) throw new Error(`report-json.md: no example row ${row}`);
      return JSON.parse(m[1]) as Record<string, number>;
    };
    expect(json).toContain('"agency": "淮安市人民政府"');
    expect(report.tables.active?.rules).toEqual(grab('rules'));
    expect(report.tables.applications?.new).toEqual(grab('new'));
    expect(report.tables.reviews?.review).toEqual(grab('review'));
  });
});
