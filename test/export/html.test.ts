/** The HTML page: self-contained and safe, tables merged as the layout, and read back cell for cell. */
import { promises as fs } from 'fs';
import path from 'path';
import { buildDocument } from '../../src/report/export/document';
import { escapeHtml, toHtml } from '../../src/report/export/html';
import { SECTION_TITLES } from '../../src/report/formats';
import { importReport } from '../../src/report/import';
import { readHtml } from '../../src/report/import/html';
import { allKeys, allLayouts } from '../../src/report/layout';
import { narrativeOf } from '../../src/report/narrative';
import { emptyReport, parseReportJson, reportValue } from '../../src/report/report';
import type { Report } from '../../src/report/types';

const FIX = path.join(__dirname, '..', 'fixtures');
const load = async (name: string): Promise<Report> => parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));
const pageOf = (report: Report): string =>
  toHtml(buildDocument({ report, generated: narrativeOf(report, { fee: 3940 }), meta: { contact: '电话 0000-1234567' } }));

describe.each(['huaian-2024', 'gaoan-2020'])('%s', (name) => {
  let report: Report;
  let html: string;
  beforeAll(async () => {
    report = await load(name);
    html = pageOf(report);
  });

  test('one self-contained page: utf-8, zh-CN, inline styles only, no script, nothing loaded from outside', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<style|<link|<img|<iframe|<object|<embed|<form|<base/i);
    expect(html).not.toMatch(/\s(src|href|srcset|action|class|id)\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/url\(|@import|https?:|\/\/[a-z]/i);
    for (const font of ['FangSong', '仿宋', 'SimSun', '宋体']) expect(html).toContain(`'${font}'`);
    expect(html).toMatch(/font-family:'FangSong', '仿宋'.*serif/);
  });

  test('the title and the six section titles, in order', () => {
    const { text } = readHtml(html);
    const at = SECTION_TITLES.map((t) => text.indexOf(`\n${t}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.startsWith(`${report.agency}${report.year}年政府信息公开工作年度报告`)).toBe(true);
  });

  test('tables with borders and colspan/rowspan exactly where the layout merges', () => {
    const { tables } = readHtml(html);
    const layouts = allLayouts(report.format);
    expect(tables).toHaveLength(3);
    tables.forEach((t, i) => {
      const layout = layouts[i];
      const expected = Array.from({ length: layout.rows }, (_, r) =>
        layout.cells
          .filter((c) => c.r === r)
          .sort((a, b) => a.c - b.c)
          .map((c) => ({ colspan: c.cs, rowspan: c.rs, ...(c.role === 'data' ? {} : { text: c.text }) })),
      );
      expect(
        t.rows.map((row, r) =>
          row.map((c, k) => ({ colspan: c.colspan, rowspan: c.rowspan, ...('text' in expected[r][k] ? { text: c.text } : {}) })),
        ),
      ).toEqual(expected);
    });
    const tds = html.match(/<td[^>]*>/g) ?? [];
    expect(tds.length).toBe(layouts.reduce((n, l) => n + l.cells.length, 0));
    for (const td of tds) expect(td).toContain('border:1px solid #000');
  });

  test('round trip: the importer reads the page back with every table cell equal to the report', () => {
    const back = importReport(html, { kind: 'html' });
    expect(back.problems).toEqual([]);
    expect(back.findings).toEqual([]);
    expect({ year: back.report.year, agency: back.report.agency, format: back.report.format }).toEqual({
      year: report.year,
      agency: report.agency,
      format: report.format,
    });
    const keys = allKeys(report.format);
    expect(keys.map((k) => [k, reportValue(back.report, k)])).toEqual(keys.map((k) => [k, reportValue(report, k)]));
    // and the prose comes back under its sections
    expect(back.report.text?.['5']).toContain('改进');
  });
});

test('user text is escaped: prose, agency and contact cannot inject markup', () => {
  const report: Report = {
    ...emptyReport('2021', 2024, '某局<b>"&\'</b>'),
    text: { 1: '<script>alert(1)</script>', 5: 'a & b < c > d "e" \'f\'' },
  };
  const html = toHtml(buildDocument({ report, meta: { contact: '<img src=x onerror=alert(1)>' } }));
  expect(html).not.toMatch(/<script|<img|<b>/i);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
  expect(html).toContain('某局&lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
});

test('placeholders are highlighted; blank cells and placeholders typed in cells come back as they were', async () => {
  const html = toHtml(buildDocument({ report: emptyReport('2019', 2020) }));
  expect(html).toContain('<span style="background-color:#ffff00">【请填写：五、存在的主要问题及改进情况】</span>');
  expect(html).toMatch(/<td style="[^"]*">&nbsp;<\/td>/);
  const report = await load('huaian-2024');
  delete report.text;
  const t = report.tables as Record<string, Record<string, Record<string, unknown>>>;
  t.applications.withheld_1.legal = null;
  t.applications.new.research = '/';
  t.reviews.review.other = '—';
  t.active.fees.amount = 7730.28;
  const back = importReport(toHtml(buildDocument({ report })), { kind: 'html' });
  for (const k of allKeys('2021')) expect([k, reportValue(back.report, k)]).toEqual([k, reportValue(report, k)]);
});
