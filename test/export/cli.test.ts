/** `ogi-report export`: every input `check` reads, to .docx or .html; exit codes 0 / 1 (errors left) / 2. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { importReport } from '../../src/report/import';
import { allKeys } from '../../src/report/layout';
import { parseReportJson, reportValue, setReportValue } from '../../src/report/report';

const FIX = path.join(__dirname, '..', 'fixtures');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-export-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const docxText = async (file: string): Promise<string> => {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

test('report JSON → .docx, with the fee sentence and the speaker; no errors: exit 0', async () => {
  const out = path.join(dir, 'sub', 'huaian.docx');
  const r = await run('export', path.join(FIX, 'huaian-2024.json'), '--out', out, '--fee', '3940', '--who', '本市');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain(`已生成 ${out}（淮安市人民政府2024年政府信息公开工作年度报告，2021年格式）`);
  const text = await docxText(out);
  expect(text).toContain('六、其他需要报告的事项');
  expect(text).toContain('2024年，本市办结政府信息公开申请3050件');
});

test('errors left in the report: the file is still written, a Chinese warning with the count, exit 1', async () => {
  // 高安 2020 with one wrong total (its own contradiction is a 市本级 sentence: a warning, not an error)
  const source = parseReportJson(await fs.readFile(path.join(FIX, 'gaoan-2020.json'), 'utf8'));
  setReportValue(source, 'reviews.review.total', 13);
  const input = path.join(dir, 'gaoan-2020.json');
  await fs.writeFile(input, JSON.stringify(source));
  const out = path.join(dir, 'gaoan.html');
  const r = await run('export', input, '--out', out);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^警告：.*gaoan-2020\.json 仍有 1 个错误（用 ogi-report check .* 查看），文件已照常生成，发布前请先更正。\n$/);
  const html = await fs.readFile(out, 'utf8');
  const back = importReport(html, { kind: 'html' });
  for (const k of allKeys('2019')) expect([k, reportValue(back.report, k)]).toEqual([k, reportValue(source, k)]);
});

test('a workbook: tables from the registered ranges, prose from its 报告正文 sheet, agency from its title line', async () => {
  const xlsx = path.join(dir, 'huaian.xlsx');
  expect((await run('fill', path.join(FIX, 'huaian-2024.json'), '--out', xlsx)).code).toBe(0);
  const out = path.join(dir, 'from-xlsx.html');
  const r = await run('export', xlsx, '--out', out, '--fee', '0');
  expect(r.code).toBe(0);
  const html = await fs.readFile(out, 'utf8');
  expect(html).toContain('<h1 style="');
  expect(html).toContain('淮安市人民政府2024年政府信息公开工作年度报告</h1>');
  expect(html).toContain('对照上级新要求和公众新期待');
  const back = importReport(html, { kind: 'html' });
  const source = parseReportJson(await fs.readFile(path.join(FIX, 'huaian-2024.json'), 'utf8'));
  for (const k of allKeys('2021')) expect([k, reportValue(back.report, k)]).toEqual([k, reportValue(source, k)]);
});

test('a published report (.txt from pdftotext) → .docx', async () => {
  const out = path.join(dir, 'huaian-txt.docx');
  const r = await run('export', path.join(FIX, 'huaian-2024.txt'), '--out', out, '--contact', '淮安市人民政府办公室');
  expect(r.code).toBe(0);
  const text = await docxText(out);
  expect(text).toContain('淮安市人民政府2024年政府信息公开工作年度报告');
  expect(text).toContain('请联系：淮安市人民政府办公室。');
  expect(text).toContain('3985758');
});

test('unreadable input, a wrong --out or --fee: exit 2, nothing written', async () => {
  const missing = await run('export', path.join(dir, 'nope.json'), '--out', path.join(dir, 'nope.docx'));
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('无法读取');
  const badOut = await run('export', path.join(FIX, 'huaian-2024.json'), '--out', path.join(dir, 'x.pdf'));
  expect(badOut.code).toBe(2);
  expect(badOut.err).toContain('“.pdf”不是可导出的文件类型；可导出的有 .docx（Word 文档）和 .html（网页）');
  const badFee = await run('export', path.join(FIX, 'huaian-2024.json'), '--out', path.join(dir, 'y.docx'), '--fee', '很多');
  expect(badFee.code).toBe(2);
  expect(badFee.err).toContain('--fee “很多”');
  await expect(fs.stat(path.join(dir, 'y.docx'))).rejects.toThrow();
  expect((await run('export')).code).toBe(2);
});
