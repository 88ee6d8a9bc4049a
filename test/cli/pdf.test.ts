/** `ogi-report import|check FILE.pdf`: a published report read from its PDF; unreadable PDFs exit 2 naming the file. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from './run';

jest.setTimeout(60000);

const FIX = path.join(__dirname, '..', 'fixtures');
const PDF = path.join(FIX, 'pdf');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-pdf-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('import a PDF to JSON: every cell equals the transcription', async () => {
  const out = path.join(dir, 'huaian.json');
  const r = await run('import', path.join(PDF, 'huaian-2024-hei-narrow.pdf'), '--out', out);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('huaian-2024-hei-narrow.pdf → ');
  const got = JSON.parse(await fs.readFile(out, 'utf8'));
  const want = JSON.parse(await fs.readFile(path.join(FIX, 'huaian-2024.json'), 'utf8'));
  expect(got.tables).toEqual(want.tables);
  expect([got.format, got.year, got.agency]).toEqual(['2021', 2024, '淮安市人民政府']);
});

test('check reads a PDF directly: 高安 2020 in landscape gets the findings of its published text', async () => {
  const [pdf, txt] = await Promise.all([
    run('check', path.join(PDF, 'gaoan-2020-landscape.pdf'), '--json'),
    run('check', path.join(FIX, 'gaoan-2020.txt'), '--json'),
  ]);
  // its one contradiction is about 市本级 (a warning), so no error, the same as its published text
  expect([pdf.code, txt.code]).toEqual([0, 0]);
  const [res] = JSON.parse(pdf.out);
  const [fromText] = JSON.parse(txt.out);
  expect([res.format, res.year, res.agency]).toEqual(['2019', 2020, '高安市人民政府']);
  // the same table findings (BLANK for the two blank cells, the label warnings); the prose is laid out
  // differently, so the narrative checks are compared by rule only
  const tableRules = (fs_: Array<{ rule: string; cells: string[] }>): string[] =>
    fs_.filter((f) => !f.rule.startsWith('N-')).map((f) => `${f.rule} ${f.cells.join(',')}`);
  expect(tableRules(res.findings)).toEqual(tableRules(fromText.findings));
  // the two blank cells of （一）予以公开: one BLANK finding for the table, naming both
  const blank = res.findings.filter((f: { rule: string }) => f.rule === 'BLANK');
  expect(blank.map((f: { cells: string[] }) => f.cells)).toEqual([['applications.granted.nonprofit', 'applications.granted.other_org']]);
});

test('check a folder: PDFs are picked up; a scan, an encrypted PDF and a renamed text file exit 2, each named, the others still checked', async () => {
  const folder = path.join(dir, 'mixed');
  await fs.mkdir(folder);
  for (const f of ['huaian-2024-song-a4.pdf', 'scan.pdf', 'encrypted.pdf', 'not-a-pdf.pdf'])
    await fs.copyFile(path.join(PDF, f), path.join(folder, f));
  const r = await run('check', folder, '--json');
  expect(r.code).toBe(2);
  const results = JSON.parse(r.out);
  expect(results.map((x: { file: string }) => path.basename(x.file))).toEqual(['huaian-2024-song-a4.pdf']);
  expect(results[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/encrypted\.pdf：PDF 设置了打开密码/);
  expect(lines[1]).toMatch(/not-a-pdf\.pdf：不是 PDF 文件/);
  expect(lines[2]).toMatch(/scan\.pdf：PDF 中没有文字层（可能是扫描件或图片）/);
});

test('import of a damaged PDF exits 2 with one line naming it', async () => {
  const bad = path.join(dir, '损坏.pdf');
  await fs.writeFile(bad, (await fs.readFile(path.join(PDF, 'huaian-2024-song-a4.pdf'))).subarray(0, 3000));
  const r = await run('import', bad, '--out', path.join(dir, 'x.json'));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^.*损坏\.pdf：PDF 文件已损坏或不完整，无法读取/);
  expect(r.err.trim().split('\n')).toHaveLength(1);
});
