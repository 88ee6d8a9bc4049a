/**
 * PDF in, directly: the two real reports printed to PDF by LibreOffice in four layouts
 * (scripts/make-test-pdfs.ts → test/fixtures/pdf/), read through pdf.js (the command line's adapter,
 * src/pdf/node.ts) and the geometry (positioned.ts), every table cell against the checked
 * transcriptions; and the files that are not readable reports.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { readPdfText } from '../../src/pdf/node';
import { PdfReadError } from '../../src/pdf/text';
import { importPositioned, importReport } from '../../src/report/import';
import { cellPairs, FIXTURES, keysOf, loadReport, readFixture } from './helpers';

jest.setTimeout(60000);

const PDF = path.join(FIXTURES, 'pdf');
const read = async (name: string): Promise<Uint8Array> => new Uint8Array(await fs.readFile(path.join(PDF, name)));
const LAYOUTS = ['song-a4', 'hei-narrow', 'landscape', 'large-repeat'];

describe.each([
  ['gaoan-2020', '2019', 2020, '高安市'],
  ['huaian-2024', '2021', 2024, '淮安市人民政府'],
])('%s', (id, format, year, agency) => {
  const expected = loadReport(`${id}.json`);
  // what importing the published text finds: the same label warnings are expected from every PDF
  const fromText = importReport(readFixture(`${id}.txt`));

  it.each(LAYOUTS)('%s: every cell of all three tables as transcribed, no problems, the label warnings of the text', async (layout) => {
    const result = importPositioned(await readPdfText(await read(`${id}-${layout}.pdf`)));
    expect(result.kind).toBe('pdf');
    expect([result.report.format, result.report.year, result.report.agency]).toEqual([format, year, agency]);
    const { expected: exp, actual } = cellPairs(expected, result.report);
    expect(actual).toEqual(exp);
    expect(keysOf(result.report).sort()).toEqual(keysOf(expected).sort());
    expect(result.problems).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.actual, f.expected])).toEqual(
      fromText.findings.map((f) => [f.rule, f.actual, f.expected]),
    );
    expect(Object.keys(result.report.text ?? {})).toEqual(['1', '2', '3', '4', '5', '6']);
  });
});

describe('text layers of other producers', () => {
  it.each([
    ['huaian-2024-hei-narrow.pdf', 'huaian-2024.json'],
    ['gaoan-2020-song-a4.pdf', 'gaoan-2020.json'],
  ])('%s with one item per character (as some PDF writers emit): the same cells', async (file, json) => {
    const pages = await readPdfText(await read(file));
    const perGlyph = pages.map((p) => ({
      ...p,
      items: p.items.flatMap((it) => {
        // advance widths: a Chinese character one em, a digit or letter about half, a space less
        const chars = [...it.str];
        const em = (ch: string): number => (ch === ' ' ? 0.3 : /[\x21-\x7e]/.test(ch) ? 0.55 : 1);
        const scale =
          it.width /
          Math.max(
            1e-6,
            chars.reduce((a, ch) => a + em(ch), 0),
          );
        let x = it.x;
        return chars.map((ch) => {
          const glyph = { ...it, str: ch, x, width: em(ch) * scale };
          x += glyph.width;
          return glyph;
        });
      }),
    }));
    const result = importPositioned(perGlyph);
    const { expected: exp, actual } = cellPairs(loadReport(json), result.report);
    expect(actual).toEqual(exp);
    expect(result.problems).toEqual([]);
  });

  it.each([
    ['cmap-font.pdf', 'a Chinese font not embedded, through a predefined CMap (UniGB-UCS2-H): read with the shipped cMaps'],
    ['rotated.pdf', 'the same on a page turned to landscape by /Rotate 90 (its text drawn turned back)'],
  ])('%s: %s', async (file) => {
    const result = importPositioned(await readPdfText(await read(file)));
    expect([result.report.year, result.report.agency]).toEqual([2024, '淮安市人民政府']);
    expect(result.report.tables.active).toEqual(loadReport('huaian-2024.json').tables.active);
    expect(Object.keys(result.report.tables)).toEqual(['active']);
    expect(result.problems.map((p) => p.slice(0, 4))).toEqual(['未找到表', '未找到表']);
  });
});

describe('files that are not readable reports', () => {
  it('a scan (an image, no text layer): no characters, and importPositioned says so', async () => {
    const pages = await readPdfText(await read('scan.pdf'));
    expect(pages).toHaveLength(1);
    const result = importPositioned(pages);
    expect(result.chars).toBe(0);
    expect(result.problems[0]).toMatch(/没有文字层（可能是扫描件或图片）/);
    expect(result.report.tables).toEqual({});
  });

  const fails = async (data: Uint8Array): Promise<PdfReadError> => {
    try {
      await readPdfText(data);
    } catch (e) {
      if (e instanceof PdfReadError) return e;
      throw e;
    }
    throw new Error('read without an error');
  };

  it('a text file renamed .pdf, an empty file, an encrypted PDF, a damaged one: a PdfReadError in Chinese, never a crash', async () => {
    expect(await fails(await read('not-a-pdf.pdf'))).toMatchObject({
      problem: 'not-pdf',
      message: expect.stringMatching(/^不是 PDF 文件/),
    });
    expect(await fails(new Uint8Array())).toMatchObject({ problem: 'empty' });
    expect(await fails(await read('encrypted.pdf'))).toMatchObject({
      problem: 'encrypted',
      message: expect.stringMatching(/设置了打开密码/),
    });
    const whole = await read('huaian-2024-song-a4.pdf');
    expect(await fails(whole.slice(0, 4000))).toMatchObject({
      problem: 'damaged',
      message: expect.stringMatching(/^PDF 文件已损坏或不完整/),
    });
    const garbled = whole.slice();
    garbled.fill(0x20, 200, garbled.length);
    expect(await fails(garbled)).toMatchObject({ problem: 'damaged' });
  });
});
