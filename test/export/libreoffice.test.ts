/**
 * The Word file opens in a real word processor: LibreOffice (Writer) converts it to PDF, pdftoppm renders
 * the first pages. The pages, the .docx, the .html and the .pdf are kept in test-output/ (gitignored) for
 * a person to look at: test-output/export-<fixture>-p<page>.png (pages 1–3 and the pages the tables
 * start on).
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { convert } from '../../scripts/libreoffice';
import { buildDocument } from '../../src/report/export/document';
import { toHtml } from '../../src/report/export/html';
import { narrativeOf } from '../../src/report/narrative';
import { parseReportJson } from '../../src/report/report';
import { docxBuffer } from '../../src/file/docx';

jest.setTimeout(180000);

const run = promisify(execFile);
const FIX = path.join(__dirname, '..', 'fixtures');
const OUT = path.join(__dirname, '..', '..', 'test-output');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-export-lo-'));
  await fs.mkdir(OUT, { recursive: true });
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test.each([
  ['huaian-2024', 3940],
  ['gaoan-2020', null],
] as const)('%s: LibreOffice turns the .docx into a PDF of several A4 pages; the first pages are rendered', async (name, fee) => {
  const report = parseReportJson(await fs.readFile(path.join(FIX, `${name}.json`), 'utf8'));
  const doc = buildDocument({ report, generated: narrativeOf(report, { fee }), meta: { contact: '办公室，电话 0000-1234567' } });
  const docx = path.join(dir, `export-${name}.docx`);
  await fs.writeFile(docx, await docxBuffer(doc));
  let pdf: string;
  try {
    pdf = await convert(docx, 'pdf', dir);
  } catch (e) {
    throw new Error(
      `LibreOffice could not convert the .docx (is Writer installed? apt-get install -y --no-install-recommends libreoffice-writer-nogui): ${(e as Error).message}`,
    );
  }
  const info = (await run('pdfinfo', [pdf])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  // the text of the PDF: title, section titles and a table value made it through
  const text = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 24 })).stdout.replace(/[ \t]+/g, '');
  expect(text).toContain(`${report.year}年政府信息公开工作年度报告`);
  expect(text).toContain('六、其他需要报告的事项');
  expect(text).toContain(String(report.tables.applications?.new?.total));
  expect(text).toMatch(/—1—/);

  const render = async (first: number, last: number): Promise<string[]> => {
    const prefix = path.join(dir, `export-${name}-${first}`);
    await run('pdftoppm', ['-png', '-r', '50', '-f', String(first), '-l', String(last), pdf, prefix]);
    // pdftoppm numbers the files with as many digits as the last page number of the document has
    return (await fs.readdir(dir))
      .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
      .sort()
      .map((f) => path.join(dir, f));
  };
  const keep = async (png: string, page: number): Promise<void> => {
    const data = await fs.readFile(png);
    expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(data.length).toBeGreaterThan(2000);
    await fs.writeFile(path.join(OUT, `export-${name}-p${page}.png`), data);
  };
  const firstPages = await render(1, 3);
  expect(firstPages).toHaveLength(Math.min(3, pages));
  for (const [i, png] of firstPages.entries()) await keep(png, i + 1);
  // and the pages the three tables start on, for a look at them too
  const pageTexts = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 1 << 24 })).stdout
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''));
  const tablePages = [
    ...new Set(['第二十条第（一）项', '申请人情况', '未经复议直接起诉'].map((t) => pageTexts.findIndex((p) => p.includes(t)) + 1)),
  ];
  expect(tablePages.every((p) => p > 0)).toBe(true);
  for (const page of tablePages.filter((p) => p > 3)) {
    const [png] = await render(page, page);
    await keep(png, page);
  }
  await fs.copyFile(docx, path.join(OUT, `export-${name}.docx`));
  await fs.copyFile(pdf, path.join(OUT, `export-${name}.pdf`));
  await fs.writeFile(path.join(OUT, `export-${name}.html`), toHtml(doc));
});
