/** 批量核查 (issue 16, item 2): 20 real files, two of them unreadable, give 18 rows and 2 clear reasons, read at most
 *  two at a time with progress; the summary downloaded is the workbook `ogi-report check --summary xlsx` writes. */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import {
  checkBatch,
  checkOneFile,
  reasonOf,
  summaryCsvText,
  summaryWorkbookBytes,
  type BatchOutcome,
  type BatchProgress,
} from '../../../src/web/batch/batch';
import { readPdfText } from '../../../src/pdf/node';
import { run } from '../../cli/run';
import { batchSources, writeSources, type SourceFile } from './sources';

jest.setTimeout(60000);

let sources: SourceFile[];
let dir: string;
let outcome: BatchOutcome;
const progress: BatchProgress[] = [];
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  sources = await batchSources();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-web-batch-'));
  await fs.mkdir(path.join(dir, 'reports'));
  await writeSources(path.join(dir, 'reports'), sources);
  outcome = await checkBatch(
    sources.map((s) => ({
      name: s.name,
      bytes: async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return s.bytes;
      },
    })),
    {
      readPdf: readPdfText,
      concurrency: 2,
      onProgress: (p) => {
        if (p.done > (progress.at(-1)?.done ?? 0)) inFlight -= p.done - (progress.at(-1)?.done ?? 0);
        progress.push(p);
      },
    },
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('20 files: 18 reports and 2 files that cannot be read, each with a clear reason naming it', () => {
  expect(sources).toHaveLength(20);
  expect(outcome.rows).toHaveLength(20);
  expect(outcome.results).toHaveLength(18);
  expect(outcome.rows.map((r) => r.file)).toEqual(sources.map((s) => s.name).sort());
  const unreadable = outcome.rows.filter((r) => r.kind === 'unreadable');
  expect(unreadable.map((r) => r.file)).toEqual(['下载中断.xlsx', '改了扩展名.json']);
  expect(unreadable[0].reason).toMatch(/^不是有效的 \.xlsx 工作簿，文件可能已损坏（.+）$/);
  expect(unreadable[1].reason).toMatch(/^JSON 格式有误：[\s\S]+（invalid JSON）$/);
  for (const u of unreadable) if (u.kind === 'unreadable') expect(u.message).toBe(`${u.file}：${u.reason}`);
});

test('each report row says its agency, year and format as read from the file', () => {
  const byFile = new Map(outcome.results.map((r) => [r.file, r]));
  const row = (name: string) => {
    const r = byFile.get(name)!;
    return [r.agency, r.year, r.format, r.findings.filter((f) => f.severity === 'error').length];
  };
  expect(row('淮安市2024.json')).toEqual(['淮安市人民政府', 2024, '2021', 0]);
  expect(row('淮安市2024.pdf')).toEqual(['淮安市人民政府', 2024, '2021', 0]);
  expect(row('淮安市2024.xlsx')).toEqual(['淮安市人民政府', 2024, '2021', 0]);
  expect(row('手工录入2024.xlsx')).toEqual(['淮安市人民政府', 2024, '2021', 0]);
  expect(row('高安市2020.json').slice(0, 3)).toEqual(['高安市人民政府', 2020, '2019']);
  // the wrong total typed into table 3 is found in the workbook, on its cell
  const wrong = byFile.get('高安市2020-复议总计错.xlsx')!.findings.find((f) => f.rule === 'T3-SUM')!;
  expect([wrong.severity, wrong.cells[0], wrong.actual]).toEqual(['error', 'reviews.review.total', 9999]);
  expect(row('上海市政府办公厅2019.html')[1]).toBe(2019);
});

test('read at most two at a time, with progress from 0 to 20 that never goes back', () => {
  expect(maxInFlight).toBe(2);
  expect(progress[0]).toEqual({ done: 0, total: 20, current: sources.map((s) => s.name).sort()[0] });
  expect(progress.at(-1)).toEqual({ done: 20, total: 20 });
  for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
  // every file was named while it was read
  expect(new Set(progress.map((p) => p.current).filter(Boolean)).size).toBe(20);
});

/** Every cell of every sheet, with what the reviewer sees of the sheet's layout. */
async function contents(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        cells.push([r, c, cell.value, cell.font ?? null, cell.alignment ?? null]);
      }
    });
    return {
      name: ws.name,
      rows: ws.rowCount,
      columns: ws.columnCount,
      widths: Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? null),
      views: ws.views,
      autoFilter: ws.autoFilter ?? null,
      cells,
    };
  });
}

test('下载汇总: the same workbook as `ogi-report check --summary xlsx` of the folder, sheet by sheet and cell by cell', async () => {
  const out = path.join(dir, 'cli-summary.xlsx');
  const cwd = process.cwd();
  let r;
  try {
    process.chdir(path.join(dir, 'reports'));
    r = await run('check', '--summary', 'xlsx', '--out', out, '.');
  } finally {
    process.chdir(cwd);
  }
  expect(r.code).toBe(2);
  expect(r.out).toBe(`已写出汇总 ${out}：18 份报告，2 个文件无法读取\n`);
  const cli = await contents(new Uint8Array(await fs.readFile(out)));
  const web = await contents(await summaryWorkbookBytes(outcome));
  expect(web.map((s) => [s.name, s.rows])).toEqual([
    ['汇总表', 21],
    ['问题清单', 1 + outcome.results.reduce((n, x) => n + x.findings.length, 0) + 2],
  ]);
  expect(web).toEqual(cli);
  // the rows a reviewer reads: one per report, then the two unreadable files with their reasons
  const summary = web[0].cells.filter((c) => c[1] === 1 || c[1] === 13).map((c) => c[2]);
  expect(summary.filter((v) => typeof v === 'string' && v.startsWith('无法读取：'))).toEqual([
    `无法读取：${outcome.unreadable[0].message}`,
    `无法读取：${outcome.unreadable[1].message}`,
  ]);
});

test('the CSV is the one `ogi-report check --summary csv` writes', async () => {
  const out = path.join(dir, 'cli-summary.csv');
  const cwd = process.cwd();
  try {
    process.chdir(path.join(dir, 'reports'));
    await run('check', '--summary', 'csv', '--out', out, '.');
  } finally {
    process.chdir(cwd);
  }
  const csv = summaryCsvText(outcome);
  expect(csv).toBe(await fs.readFile(out, 'utf8'));
  expect(csv.split('\r\n')).toHaveLength(1 + 20 + 1);
});

test('a file that fails in an unexpected way is a row with the reason; the others are still checked', async () => {
  const good = sources.find((s) => s.name === '淮安市2024.json')!;
  const got = await checkBatch(
    [
      { name: 'gone.json', bytes: () => Promise.reject(new Error('NotReadableError: the file was moved')) },
      { name: good.name, bytes: async () => good.bytes },
      { name: '旧表.xls', bytes: async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
    ],
    { readPdf: readPdfText, concurrency: 1, pause: async () => undefined },
  );
  expect(got.rows.map((r) => [r.file, r.kind === 'unreadable' ? r.reason : r.result.year])).toEqual([
    ['gone.json', '读取时出现意外错误（NotReadableError: the file was moved）'],
    ['旧表.xls', expect.stringMatching(/^这是旧版 Excel 97-2003 工作簿（\.xls），只能读取 \.xlsx。请在 Excel 中打开它/)],
    ['淮安市2024.json', 2024],
  ]);
  expect(await checkOneFile({ name: 'x.docx', bytes: async () => new Uint8Array(3) }, readPdfText)).toEqual([
    {
      kind: 'unreadable',
      file: 'x.docx',
      message: 'x.docx：不支持的文件类型“.docx”，应为 .json、.xlsx、.txt、.html 或 .pdf',
      reason: '不支持的文件类型“.docx”，应为 .json、.xlsx、.txt、.html 或 .pdf',
    },
  ]);
  expect(reasonOf('a/b.json', 'a/b.json：文件为空（empty file）')).toBe('文件为空（empty file）');
});
