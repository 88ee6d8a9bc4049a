/** The Word file, read back from its XML: titles in order, every label and value, merges as the layout. */
import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { buildDocument, formatValue } from '../../src/report/export/document';
import { SECTION_TITLES } from '../../src/report/formats';
import { allLayouts } from '../../src/report/layout';
import { narrativeOf } from '../../src/report/narrative';
import { emptyReport, parseReportJson, reportValue } from '../../src/report/report';
import type { CellKey, Report } from '../../src/report/types';
import { DOCX_FONTS, TEXT_WIDTH, docxBuffer } from '../../src/file/docx';

const FIX = path.join(__dirname, '..', 'fixtures');
const load = async (name: string): Promise<Report> => parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));

interface Parts {
  document: string;
  styles: string;
  footers: string[];
}

async function unzip(buf: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string): Promise<string> => (zip.file(name) as JSZip.JSZipObject).async('string');
  const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footers: await Promise.all(footers.map(read)),
  };
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
const TABLE = /<w:tbl>[\s\S]*?<\/w:tbl>/g;

/** Texts of the body's paragraphs outside tables, in order. */
function paragraphs(document: string): string[] {
  return [...document.replace(TABLE, '').matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => textOf(m[1]));
}

interface GridCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
}

/** A Word table as placed cells: w:gridSpan widens a cell, w:vMerge continue extends the cell above. */
function grid(tbl: string): { cells: GridCell[]; cols: number[] } {
  const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const cells: GridCell[] = [];
  const open = new Map<number, GridCell>();
  const rows = tbl.match(/<w:tr[\s>][\s\S]*?<\/w:tr>/g) ?? [];
  rows.forEach((tr, r) => {
    let c = 0;
    for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const cs = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
      const vm = /<w:vMerge(?: w:val="(\w+)")?\s*\/>/.exec(tc);
      if (vm && vm[1] !== 'restart') {
        const above = open.get(c);
        if (!above || above.cs !== cs || textOf(tc) !== '') throw new Error(`bad vertical merge at row ${r} col ${c}`);
        above.rs += 1;
      } else {
        const cell = { r, c, rs: 1, cs, text: textOf(tc) };
        cells.push(cell);
        open.set(c, cell);
      }
      c += cs;
    }
    if (c !== cols.length) throw new Error(`row ${r} covers ${c} of ${cols.length} columns`);
  });
  return { cells, cols };
}

describe.each(['huaian-2024', 'gaoan-2020'])('%s', (name) => {
  let report: Report;
  let parts: Parts;
  beforeAll(async () => {
    report = await load(name);
    parts = await unzip(await docxBuffer(buildDocument({ report, generated: narrativeOf(report, { fee: 3940 }) })));
  });

  test('the title, then the six section titles in order', () => {
    const ps = paragraphs(parts.document);
    expect(ps[0]).toBe(`${report.agency}${report.year}年政府信息公开工作年度报告`);
    const at = SECTION_TITLES.map((t) => ps.indexOf(t));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('three tables: every label of the format, every value of the report, merged where the layout merges', () => {
    const tables = parts.document.match(TABLE) ?? [];
    const layouts = allLayouts(report.format);
    expect(tables).toHaveLength(3);
    tables.forEach((tbl, i) => {
      const layout = layouts[i];
      const { cells, cols } = grid(tbl);
      expect(cols).toHaveLength(layout.cols);
      expect(cols.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      const expected = [...layout.cells]
        .sort((a, b) => a.r - b.r || a.c - b.c)
        .map((c) => ({
          r: c.r,
          c: c.c,
          rs: c.rs,
          cs: c.cs,
          text: c.role === 'data' ? formatValue(reportValue(report, c.key as CellKey)) : c.text,
        }));
      expect(cells).toEqual(expected);
      // the merges are there as Word writes them
      const spans = layout.cells.filter((c) => c.cs > 1).length;
      expect((tbl.match(/<w:gridSpan w:val="\d+"\/>/g) ?? []).length).toBeGreaterThanOrEqual(spans);
      expect((tbl.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length).toBe(layout.cells.filter((c) => c.rs > 1).length);
    });
    // spelled out: each label and each value appears
    const all = tables.map(textOf).join('');
    for (const layout of layouts) {
      for (const c of layout.cells) {
        if (c.role !== 'data') expect(all).toContain(c.text);
        else expect(all).toContain(formatValue(reportValue(report, c.key as CellKey)));
      }
    }
  });

  test('A4 portrait, body and heading fonts set for East Asian text, page numbers in the footer', () => {
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    expect(parts.document).not.toContain('landscape');
    for (const f of [DOCX_FONTS.title, DOCX_FONTS.body, DOCX_FONTS.heading, DOCX_FONTS.table])
      expect(parts.styles).toContain(`w:eastAsia="${f}"`);
    expect(parts.styles).toMatch(/<w:style [^>]*w:styleId="ReportBody"[\s\S]*?<w:ind w:firstLine="640"\/>[\s\S]*?<w:sz w:val="32"\/>/);
    expect(parts.footers.some((f) => /PAGE/.test(f) && f.includes('— '))).toBe(true);
    // table 3 in the smaller size
    const reviews = (parts.document.match(TABLE) ?? [])[2];
    expect(reviews).toContain('<w:sz w:val="18"/>');
    expect(reviews).not.toContain('<w:sz w:val="21"/>');
  });
});

test('placeholders are highlighted; a font can be changed', async () => {
  const parts = await unzip(await docxBuffer(buildDocument({ report: emptyReport('2021', 2025) }), { fonts: { body: '仿宋' } }));
  expect(parts.document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?【请填写：五、存在的主要问题及改进情况】/);
  expect(parts.styles).toContain('w:eastAsia="仿宋"');
  expect(parts.styles).not.toContain('w:eastAsia="仿宋_GB2312"');
});

test('control characters pasted into prose or cells are left out (XML cannot hold them)', async () => {
  const report = emptyReport('2021', 2025, '某\u0007局');
  report.text = { 5: '问题\u0001一。\u000b问题二。' };
  (report.tables.reviews as Record<string, Record<string, unknown>>).review.total = '\u00023';
  const parts = await unzip(await docxBuffer(buildDocument({ report })));
  // eslint-disable-next-line no-control-regex
  for (const xml of [parts.document, parts.styles]) expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(paragraphs(parts.document)).toContain('问题一。问题二。');
  expect(paragraphs(parts.document)[0]).toBe('某局2025年政府信息公开工作年度报告');
});
