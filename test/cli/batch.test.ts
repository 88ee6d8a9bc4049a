import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { run } from './run';
import { checkReport } from '../../src/report/check';
import { setReportValue } from '../../src/report/report';
import { consistentReport, seeded } from '../report/helpers';

jest.setTimeout(60000);

let dir: string;
const expected = new Map<string, { errors: number; warnings: number }>();
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-batch-'));
  await fs.mkdir(path.join(dir, 'reports'));
  for (let i = 0; i < 200; i++) {
    const r = consistentReport(i % 3 ? '2021' : '2019', seeded(i + 1));
    r.agency = `测试${i}局`;
    if (i % 4 === 0) setReportValue(r, 'applications.new.natural', 'x');
    if (i % 5 === 0) setReportValue(r, 'reviews.review.total', 9999);
    const name = `r${String(i).padStart(3, '0')}.json`;
    await fs.writeFile(path.join(dir, 'reports', name), JSON.stringify(r));
    const fs_ = checkReport(r);
    expected.set(name, { errors: fs_.filter((f) => f.severity === 'error').length, warnings: fs_.filter((f) => f.severity === 'warning').length });
  }
  await fs.writeFile(path.join(dir, 'reports', 'broken.json'), '{"format": "2021", ');
});
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

test('200 reports in a folder: one CSV row per report with the right counts; an unreadable file is a row too', async () => {
  const out = path.join(dir, 'summary.csv');
  const r = await run('check', '--summary', 'csv', '--out', out, path.join(dir, 'reports'));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/已检查 0\/201 个文件/);
  expect(r.err).toMatch(/broken\.json：JSON 格式有误/);
  const text = await fs.readFile(out, 'utf8');
  expect(text.startsWith('\ufeff文件,单位,年度,格式,错误数,提示数,主要问题')).toBe(true);
  const rows = text.replace(/^\ufeff/, '').trim().split('\r\n').slice(1);
  expect(rows).toHaveLength(201);
  for (const row of rows.filter((x) => !x.includes('broken.json'))) {
    const [file, agency, , , errors, warnings] = row.split(',');
    const want = expected.get(path.basename(file))!;
    expect([agency.startsWith('测试'), Number(errors), Number(warnings)]).toEqual([true, want.errors, want.warnings]);
  }
  expect(rows.find((x) => x.includes('broken.json'))).toContain('无法读取');
});

test('the same summary as .xlsx', async () => {
  const out = path.join(dir, 'summary.xlsx');
  const r = await run('check', '--summary', 'xlsx', '--out', out, path.join(dir, 'reports', 'r000.json'), path.join(dir, 'reports', 'r001.json'));
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('年报校验汇总')!;
  expect(ws.getRow(1).values).toEqual([undefined, '文件', '单位', '年度', '格式', '错误数', '提示数', '主要问题']);
  expect(ws.getCell('E2').value).toBe(expected.get('r000.json')!.errors);
  expect(String(ws.getCell('G2').value)).toMatch(/^\[/);
});
