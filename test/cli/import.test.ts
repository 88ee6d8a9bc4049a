import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from './run';

const FIX = path.join(__dirname, '..', 'fixtures');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-import-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('import a pdftotext report to JSON: every cell equals the transcription', async () => {
  const out = path.join(dir, 'huaian.json');
  const r = await run('import', path.join(FIX, 'huaian-2024.txt'), '--out', out);
  expect(r.code).toBe(0);
  const got = JSON.parse(await fs.readFile(out, 'utf8'));
  const want = JSON.parse(await fs.readFile(path.join(FIX, 'huaian-2024.json'), 'utf8'));
  expect(got.tables).toEqual(want.tables);
  expect([got.format, got.year, got.agency]).toEqual(['2021', 2024, '淮安市人民政府']);
});

test('check reads published text directly: 高安 2020 gets its narrative contradiction and label warnings', async () => {
  const r = await run('check', path.join(FIX, 'gaoan-2020.txt'), '--json');
  // its one contradiction is in a sentence about 市本级: a warning for a person to decide, so no error
  expect(r.code).toBe(0);
  const [res] = JSON.parse(r.out);
  // its two blank cells, in one finding for table 2
  expect(res.findings.filter((f: { rule: string }) => f.rule === 'BLANK').map((f: { cells: string[] }) => f.cells)).toEqual([
    ['applications.granted.nonprofit', 'applications.granted.other_org'],
  ]);
  const review = res.findings.find((f: { rule: string }) => f.rule === 'N-REVIEWS');
  expect(review).toMatchObject({ severity: 'warning', expected: 12, actual: 1, cells: ['reviews.review.total'] });
  expect(review.message).toContain('与表格的统计范围可能不同');
  expect(res.findings.some((f: { message: string }) => f.message.includes('结果维护'))).toBe(true);
});

test('a text with no report in it exits 2 naming the file', async () => {
  const junk = path.join(dir, 'notes.txt');
  await fs.writeFile(junk, '会议纪要\n今天讨论了食堂菜单。\n');
  const r = await run('check', junk);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/notes\.txt：没有读到年报表格/);
});

test('a published report whose tables are all blank (the empty template posted) is an error: 表格未填写', async () => {
  const source = await fs.readFile(path.join(FIX, 'import', 'huaian-2024-pipe.txt'), 'utf8');
  const blank = source
    .split('\n')
    .map((l) => (l.startsWith('|') ? l.replace(/\|\s*\d+(?:\.\d+)?\s*(?=\|)/g, '|  ') : l))
    .join('\n');
  expect(blank).not.toMatch(/\|\s*\d+(?:\.\d+)?\s*\|/);
  const file = path.join(dir, 'empty-template.txt');
  await fs.writeFile(file, blank);
  const checked = await run('check', file, '--json');
  expect(checked.code).toBe(1);
  const [res] = JSON.parse(checked.out);
  const empty = res.findings.filter((f: { rule: string }) => f.rule === 'BLANK-EMPTY');
  expect(empty).toHaveLength(1);
  expect(empty[0]).toMatchObject({ severity: 'error' });
  expect(empty[0].message).toMatch(/^表格未填写：报告中的统计表全部为空（\d+ 个单元格）/);
  // one finding, not a BLANK warning per cell or per table
  expect(res.findings.filter((f: { rule: string }) => f.rule === 'BLANK')).toEqual([]);
  const imported = await run('import', file, '--out', path.join(dir, 'empty.json'));
  expect(imported.code).toBe(1);
  expect(imported.err).toContain('表格未填写');
  const summary = path.join(dir, 'empty-summary.csv');
  const sum = await run('check', '--summary', 'csv', '--out', summary, file);
  expect(sum.code).toBe(1);
  const csv = await fs.readFile(summary, 'utf8');
  expect(csv.split('\r\n')[1]).toContain('[BLANK-EMPTY] 表格未填写');
});

test('--year and --format override what the title says, on import, check and narrative', async () => {
  const source = (await fs.readFile(path.join(FIX, 'huaian-2024.txt'), 'utf8')).replace(
    /2024年政府信息公开工作年度报告/,
    '政府信息公开工作年度报告',
  );
  const file = path.join(dir, 'no-title-year.txt');
  await fs.writeFile(file, source);
  const out = path.join(dir, 'no-title-year.json');
  expect((await run('import', file, '--out', out, '--year', '2024')).code).toBe(0);
  expect(JSON.parse(await fs.readFile(out, 'utf8')).year).toBe(2024);
  const checked = JSON.parse((await run('check', file, '--json', '--year', '2023')).out);
  expect(checked[0].year).toBe(2023);
  expect((await run('narrative', file, '--year', '2024')).out).toContain('2024年');
  const bad = await run('check', file, '--format', '2020');
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('--format 应为 2019 或 2021');
});

test("the reviewer's 问题清单 quotes the sentence that contradicts the tables, with the agency of a published text", async () => {
  const out = path.join(dir, 'gaoan-summary.xlsx');
  await run('check', '--summary', 'xlsx', '--out', out, path.join(FIX, 'gaoan-2020.txt'));
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows = wb.getWorksheet('问题清单')!.getSheetValues().slice(2) as unknown[][];
  const review = rows.find((x) => x[6] === 'N-REVIEWS')!;
  expect([review[2], review[3], review[4], review[7], review[8], review[9]]).toEqual(['高安市人民政府', 2020, '表3', '提示', 12, 1]);
  expect(String(review[11])).toContain('行政复议1件，均依法依规答复');
  expect(wb.getWorksheet('汇总表')!.getCell('B2').value).toBe('高安市人民政府');
});
