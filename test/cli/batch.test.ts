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
const expected = new Map<string, { errors: number; warnings: number; newTotal: unknown; review: unknown; findings: number }>();
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
    expected.set(name, {
      errors: fs_.filter((f) => f.severity === 'error').length,
      warnings: fs_.filter((f) => f.severity === 'warning').length,
      newTotal: r.tables.applications?.new?.total,
      review: r.tables.reviews?.review?.total,
      findings: fs_.length,
    });
  }
  await fs.writeFile(path.join(dir, 'reports', 'broken.json'), '{"format": "2021", ');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('200 reports in a folder: one CSV row per report with the right counts; an unreadable file is a row too', async () => {
  const out = path.join(dir, 'summary.csv');
  const r = await run('check', '--summary', 'csv', '--out', out, path.join(dir, 'reports'));
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/已检查 0\/201 个文件/);
  expect(r.err).toMatch(/broken\.json：JSON 格式有误/);
  const text = await fs.readFile(out, 'utf8');
  expect(
    text.startsWith('\ufeff文件,单位,年度,格式,本年新收,上年结转,办理结果总计,结转下年度,行政复议,行政诉讼,错误数,提示数,主要问题'),
  ).toBe(true);
  const rows = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  expect(rows).toHaveLength(201);
  for (const row of rows.filter((x) => !x.includes('broken.json'))) {
    const [file, agency, , , newTotal, , , , review, , errors, warnings] = row.split(',');
    const want = expected.get(path.basename(file))!;
    expect([agency.startsWith('测试'), Number(errors), Number(warnings)]).toEqual([true, want.errors, want.warnings]);
    expect([Number(newTotal), Number(review)]).toEqual([want.newTotal, want.review]);
  }
  expect(rows.find((x) => x.includes('broken.json'))).toContain('无法读取');
});

test('the same summary as .xlsx: 汇总表 one row per report, 问题清单 one row per finding', async () => {
  const out = path.join(dir, 'summary.xlsx');
  const r = await run(
    'check',
    '--summary',
    'xlsx',
    '--out',
    out,
    path.join(dir, 'reports', 'r000.json'),
    path.join(dir, 'reports', 'r001.json'),
  );
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '问题清单']);
  const ws = wb.getWorksheet('汇总表')!;
  expect(ws.getRow(1).values).toEqual([
    undefined,
    '文件',
    '单位',
    '年度',
    '格式',
    '本年新收',
    '上年结转',
    '办理结果总计',
    '结转下年度',
    '行政复议',
    '行政诉讼',
    '错误数',
    '提示数',
    '主要问题',
  ]);
  const r000 = expected.get('r000.json')!;
  expect([ws.getCell('B2').value, ws.getCell('E2').value, ws.getCell('I2').value, ws.getCell('K2').value]).toEqual([
    '测试0局',
    r000.newTotal,
    r000.review,
    r000.errors,
  ]);
  expect(ws.getCell('M2').value).toEqual(expect.stringMatching(/^\[/));
  const issues = wb.getWorksheet('问题清单')!;
  expect(issues.getRow(1).values).toEqual([
    undefined,
    '文件',
    '单位',
    '年度',
    '表',
    '单元格',
    '规则',
    '级别',
    '应为',
    '实为',
    '说明',
    '所引原文',
  ]);
  expect(issues.rowCount - 1).toBe(r000.findings + expected.get('r001.json')!.findings);
  // r000 has a text in a table-2 cell (TEXT-NUM) and a wrong table-3 total (T3-SUM 9999)
  const rows = issues.getSheetValues().slice(2) as unknown[][];
  const t3 = rows.find((x) => x[6] === 'T3-SUM' && String(x[1]).endsWith('r000.json'))!;
  expect([t3[2], t3[4], t3[7], t3[9]]).toEqual(['测试0局', '表3', '错误', 9999]);
  expect(String(t3[5])).toContain('行政复议');
});
