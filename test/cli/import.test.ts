import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { run } from './run';

const FIX = path.join(__dirname, '..', 'fixtures');

let dir: string;
beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-import-')); });
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

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
  expect(r.code).toBe(1);
  const [res] = JSON.parse(r.out);
  // its two blank cells, in one finding for table 2
  expect(res.findings.filter((f: { rule: string }) => f.rule === 'BLANK').map((f: { cells: string[] }) => f.cells)).toEqual([['applications.granted.nonprofit', 'applications.granted.other_org']]);
  const review = res.findings.find((f: { rule: string }) => f.rule === 'N-REVIEWS');
  expect(review).toMatchObject({ expected: 12, actual: 1, cells: ['reviews.review.total'] });
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
