/** One export path: the pane's 导出网页 over a workbook and `ogi-report export` over the same tables saved as .xlsx
 *  build the same document — the same text, the same 同比 sentences from last year's report, the same error count. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../src/cli/main';
import { exportFromWorkbook } from '../../src/app/export';
import { reportSource } from '../../src/report/check';
import { parseReportJson, setReportValue } from '../../src/report/report';
import { templateWorkbook } from '../../src/file/xlsx';
import type { Report } from '../../src/report/types';
import { inserted, type } from '../app/helpers';
import { setup } from '../excel/helpers';

const FIX = path.join(__dirname, '..', 'fixtures');

let dir: string;
let lastYearFile: string;
let thisYear: Report;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-onepath-'));
  lastYearFile = path.join(FIX, 'huaian-2024.json');
  // 2025: the same figures as 2024 (so every 同比 is 与上年持平), no prose, one wrong total (行政复议总计 13 → 14)
  thisYear = parseReportJson(await fs.readFile(lastYearFile, 'utf8'));
  thisYear.year = 2025;
  delete thisYear.text;
  const review = reportSource(thisYear)('reviews.review.total');
  setReportValue(thisYear, 'reviews.review.total', Number(review) + 1);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The visible text of an exported page, tags dropped and whitespace collapsed. */
const textOf = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

test('the pane and the command line export the same document from the same tables and last year', async () => {
  // the pane: tables inserted by the add-in, typed in, last year's report kept by 导入上年报告
  const ctx = setup();
  const refs = await inserted(ctx, 2025, '淮安市人民政府');
  type(ctx, refs, reportSource(thisYear));
  await ctx.host.storeLastYear(await fs.readFile(lastYearFile, 'utf8'));
  const pane = await exportFromWorkbook(ctx.host, 'html', { fee: 0 });
  if (!pane) throw new Error('the pane found no tables');
  const paneHtml = await pane.blob.text();

  // the command line: the same values in an .xlsx made by the tool, last year given with --last-year
  const xlsx = path.join(dir, 'huaian-2025.xlsx');
  const wb = templateWorkbook({ format: '2021', year: 2025, agency: '淮安市人民政府', values: reportSource(thisYear), formulas: true });
  await wb.xlsx.writeFile(xlsx);
  const out = path.join(dir, 'huaian-2025.html');
  let err = '';
  const code = await main(['export', xlsx, '--out', out, '--last-year', lastYearFile, '--fee', '0'], {
    out: () => undefined,
    err: (s) => (err += s),
  });
  const cliHtml = await fs.readFile(out, 'utf8');

  expect(pane.fileName).toBe('淮安市人民政府2025年政府信息公开工作年度报告.html');
  // the wrong total (T3-SUM), and 上年结转 34 against 2024's 结转下年度 103 in two columns (X-CARRY): last year counts
  expect(pane.errors).toBe(3);
  expect(code).toBe(1);
  expect(err).toContain('仍有 3 个错误');
  const text = textOf(paneHtml);
  expect(text).toContain('与上年持平');
  expect(text).toContain('2025年，淮安市人民政府未收取政府信息公开信息处理费。');
  expect(textOf(cliHtml)).toBe(text);
});
