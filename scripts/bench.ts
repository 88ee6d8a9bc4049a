/**
 * npm run bench — prints JSON lines, numbers not pass/fail:
 *  - Excel round trips (context.sync) per action on the in-browser workbook: insert, validate, clear, select, generate;
 *  - the task pane's initial JavaScript (gzip) against the 250 KB budget / 150 KB target, and the lazy chunks;
 *  - time from page load to an interactive pane in headless Chromium (median of 7);
 *  - the rule engine's throughput;
 *  - PDF import per report next to bare pdf.js text extraction of the same file;
 *  - `ogi-report check --summary xlsx` over 200 .xlsx next to a bare exceljs read of the same files;
 *  - `ogi-report check` over 1,000 .xlsx reports (wall time, peak memory of the process);
 *  - the corpus of real published reports (test/corpus): cells right / total per kind of source and overall,
 *    numbers read wrong, the findings on the raw files as judged true / false by reading them, import time.
 * `npm run bench -- --quick` skips the Chromium and 1,000-file parts; `-- --only=summary,cli-startup` runs just those.
 */
import { spawnSync } from 'child_process';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import { performance } from 'perf_hooks';
import { createWorkbookSim } from '../src/excel-sim';
import { createExcelHost } from '../src/excel/excelHost';
import { checkWorkbook } from '../src/app/check';
import { insertTables } from '../src/app/insert';
import { narrativeFromWorkbook } from '../src/app/narrative';
import { templateWorkbook } from '../src/file/xlsx';
import { reportSource } from '../src/report/check';
import { checkReport } from '../src/report/check';
import { emptyReport, setReportValue } from '../src/report/report';
import { allLayouts } from '../src/report/layout';
import type { CellKey, FormatId, Report } from '../src/report/types';
import { corpusEntries, measure, rawFindings } from '../test/corpus/measure';
import { consistentReport, seeded } from '../test/report/helpers';

const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));

function randomReport(format: FormatId, seed: number): Report {
  const r = emptyReport(format, format === '2019' ? 2020 : 2025);
  let x = seed;
  const rnd = (): number => (x = (x * 1103515245 + 12345) % 2147483648) % 100;
  for (const l of allLayouts(format)) for (const c of l.data) setReportValue(r, c.key as CellKey, rnd());
  return r;
}

async function excelActions(): Promise<void> {
  const sim = createWorkbookSim({ sheets: ['Sheet1'] });
  const host = createExcelHost({ Excel: sim.Excel, Office: sim.Office });
  const time = async <T>(action: string, fn: () => Promise<T>, extra: Record<string, unknown> = {}): Promise<T> => {
    sim.resetSyncCount();
    const t0 = performance.now();
    const out = await fn();
    line({ action, syncs: sim.syncCount, ms: Math.round((performance.now() - t0) * 10) / 10, ...extra });
    return out;
  };
  await time('insert', () => insertTables(host, { year: 2025, target: { kind: 'selection' } }), { tables: 3 });
  sim.setCell('Sheet1', 'D23', 5);
  await time('validate', () => checkWorkbook(host), { note: 'names seen in this session' });
  const fresh = createExcelHost({ Excel: sim.Excel, Office: sim.Office });
  await time('validate', () => checkWorkbook(fresh), { note: 'first check after the pane opens' });
  await time('clear', () => fresh.clearMarks());
  await time('select', () => fresh.selectCells('OGI_applications', [{ r: 3, c: 3 }]));
  await time('generate', () => narrativeFromWorkbook(fresh, {}), { note: '生成文字: read the tables, write nothing' });
}

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const kb = (n: number): number => Math.round(n / 102.4) / 10;

/** The scripts taskpane.html loads before the first screen, gzip-compressed as a web server would send them. */
function bundleSizes(): void {
  const html = path.join(DIST, 'taskpane.html');
  if (!existsSync(html)) {
    line({ action: 'bundle', skipped: 'dist/ missing: npm run build first' });
    return;
  }
  const { gz, sizes } = initialScripts(html);
  line({ action: 'bundle', page: 'taskpane.html', initialGzipKB: gz, budgetKB: 250, targetKB: 150, files: sizes });
  const lazy = readdirSync(DIST)
    .filter(
      (f) =>
        f.endsWith('.js') &&
        !['taskpane.js', 'vendor.js', 'commands.js', 'preview.js', 'web.js', 'legacy-check.js'].includes(f) &&
        !f.startsWith('web-'),
    )
    .map((f) => {
      const buf = readFileSync(path.join(DIST, f));
      return { file: f, raw: kb(buf.length), gzip: kb(gzipSync(buf, { level: 9 }).length) };
    });
  line({
    action: 'bundle',
    lazyChunks: lazy,
    note: 'loaded on demand: actions with the first button clicked, help for 帮助’s rule list when it is opened, exceljs+xlsx to open a last-year workbook, importer for pasted text, pdf+pdfjs (worker in pdfjs/) to open a PDF, narrative for 生成文字, export+docx for 导出',
  });
  const worker = path.join(DIST, 'pdfjs', 'pdf.worker.min.js');
  if (existsSync(worker)) {
    const buf = readFileSync(worker);
    const data = ['cmaps', 'standard_fonts'].map((d) =>
      readdirSync(path.join(DIST, 'pdfjs', d)).reduce((a, f) => a + readFileSync(path.join(DIST, 'pdfjs', d, f)).length, 0),
    );
    line({
      action: 'bundle',
      pdfWorker: { file: 'pdfjs/pdf.worker.min.js', raw: kb(buf.length), gzip: kb(gzipSync(buf, { level: 9 }).length) },
      cmapsKB: kb(data[0]),
      standardFontsKB: kb(data[1]),
      note: 'fetched only when a PDF is opened (cMaps only for PDFs with predefined CMaps)',
    });
  }
  const commands = readFileSync(path.join(DIST, 'commands.js'));
  line({ action: 'bundle', page: 'commands.html', gzipKB: kb(gzipSync(commands, { level: 9 }).length) });
  const web = path.join(DIST, 'web.html');
  if (existsSync(web)) {
    const w = initialScripts(web);
    line({
      action: 'bundle',
      page: 'web.html',
      initialGzipKB: w.gz,
      files: w.sizes,
      note: 'the web edition: pane, file host and exceljs in one file; 批量核查 loads on demand',
    });
  }
}

/** The scripts a page loads before its first screen (its own, not office.js), gzip-compressed as a web server would send them. */
function initialScripts(html: string): { gz: number; sizes: Array<{ file: string; raw: number; gzip: number }> } {
  const initial = [...readFileSync(html, 'utf8').matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const sizes = initial.map((src) => {
    const buf = readFileSync(path.join(DIST, src));
    return { file: src, raw: kb(buf.length), gzip: kb(gzipSync(buf, { level: 9 }).length) };
  });
  return { gz: Math.round(sizes.reduce((a, x) => a + x.gzip, 0) * 10) / 10, sizes };
}

/** Page load → the pane's insert button enabled, on the preview page (pane + in-browser workbook), in headless Chromium. */
async function timeToInteractive(): Promise<void> {
  if (!existsSync(path.join(DIST, 'preview.html'))) return;
  const { launch, open } = await import('../test/e2e/browser');
  const browser = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { page } = await open(browser, 'preview.html');
      await page.getByTestId('insert-all').waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[data-testid="insert-all"]')?.disabled);
      times.push(Number(await page.evaluate('Math.round(performance.now())'))); // a string: tsx would rename `performance`
      await page.context().close();
    }
    times.sort((a, b) => a - b);
    line({ action: 'timeToInteractive', page: 'preview.html', medianMs: times[3], minMs: times[0], maxMs: times[6], runs: times.length });
  } finally {
    await browser.close();
  }
}

/** n filled .xlsx reports in .bench/reports-n (made once, kept between runs), as a reviewer receives them: reports
 *  whose tables hold together, every fifth with one wrong total (the check then has something to report). */
async function benchFiles(n: number): Promise<string> {
  const dir = path.join(ROOT, '.bench', `reports-${n}`);
  await fs.mkdir(dir, { recursive: true });
  const have = (await fs.readdir(dir)).filter((f) => f.endsWith('.xlsx')).length;
  if (have < n) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const format: FormatId = i % 3 ? '2021' : '2019';
      const r = consistentReport(format, seeded(i + 1));
      r.agency = `单位${i}`;
      if (i % 5 === 0) setReportValue(r, 'applications.new.total', Number(reportSource(r)('applications.new.total') ?? 0) + 1);
      const wb = templateWorkbook({ format, year: r.year, formulas: false, values: reportSource(r) });
      await wb.xlsx.writeFile(path.join(dir, `r${String(i).padStart(4, '0')}.xlsx`));
    }
    line({ action: 'batch-prepare', files: n, seconds: Math.round((performance.now() - t0) / 100) / 10 });
  }
  return dir;
}

/** `ogi-report check --summary xlsx` over 200 .xlsx side by side with a bare exceljs read of the same files, each
 *  a separate node process (start-up included), five rounds, bare read and check in turn; the median round's ratio and the spread. Target: the check ≤ 1.3× the bare read. */
async function summaryAgainstExceljs(n = 200): Promise<void> {
  const dir = await benchFiles(n);
  const out = path.join(os.tmpdir(), `ogi-bench-summary-${process.pid}.xlsx`);
  const bin = path.join(ROOT, 'bin', 'ogi-report.js');
  const bareRead = [
    "const E=require('exceljs'),fs=require('fs'),p=require('path');",
    '(async()=>{const d=process.argv[1];let n=0;',
    "for(const f of fs.readdirSync(d).filter((f)=>f.endsWith('.xlsx')).sort()){const wb=new E.Workbook();await wb.xlsx.load(fs.readFileSync(p.join(d,f)));n+=wb.worksheets.length}",
    'console.log(n)})()',
  ].join('');
  const once = (args: string[]): number => {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    // check exits 1 when a report has errors (the random reports do); 2 or a signal is a failure
    if (res.status !== 0 && res.status !== 1) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${res.stderr}`);
    return performance.now() - t0;
  };
  // bare read and check in turns, five rounds: the ratio of each round, so that the machine's drift (another process,
  // a warmer disk cache) falls on both sides of it; the median round is reported, with the spread
  const rounds: Array<{ bare: number; check: number; ratio: number }> = [];
  for (let i = 0; i < 5; i++) {
    const bare = once(['-e', bareRead, dir]);
    const check = once([bin, 'check', '--summary', 'xlsx', '--out', out, dir]);
    rounds.push({ bare, check, ratio: check / bare });
  }
  rounds.sort((a, b) => a.ratio - b.ratio);
  const mid = rounds[2];
  line({
    action: 'check-summary-200-xlsx',
    files: n,
    bareExceljsReadMs: Math.round(mid.bare),
    checkSummaryXlsxMs: Math.round(mid.check),
    ratio: +mid.ratio.toFixed(2),
    ratioRange: `${rounds[0].ratio.toFixed(2)}–${rounds[4].ratio.toFixed(2)}`,
    rounds: 5,
    target: '≤ 1.3',
  });
  await fs.rm(out, { force: true });
}

/** `ogi-report check --summary csv` over 1,000 filled .xlsx files, as a separate process measured by /usr/bin/time. */
async function batchCheck(n = 1000): Promise<void> {
  const dir = await benchFiles(n);
  const out = path.join(os.tmpdir(), `ogi-bench-summary-${process.pid}.csv`);
  const bin = path.join(ROOT, 'bin', 'ogi-report.js');
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const args = ['check', '--summary', 'csv', '--out', out, dir];
  const t0 = performance.now();
  const res = timeBin
    ? spawnSync(timeBin, ['-f', 'OGI_MAXRSS_KB=%M', process.execPath, bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const rss = /OGI_MAXRSS_KB=(\d+)/.exec(res.stderr ?? '')?.[1];
  const rows = existsSync(out) ? readFileSync(out, 'utf8').trim().split(/\r?\n/).length - 1 : 0;
  line({
    action: 'check-1000-xlsx',
    files: n,
    summaryRows: rows,
    exit: res.status,
    seconds: Math.round(seconds * 10) / 10,
    filesPerSecond: Math.round(n / seconds),
    peakMemoryMB: rss ? Math.round(Number(rss) / 1024) : null,
  });
  await fs.rm(out, { force: true });
}

/** PDF import per report (test/fixtures/pdf/: the two real reports in four layouts): the whole import
 *  (pdf.js text layer → positioned runs → tables) next to bare pdf.js text extraction of the same file
 *  (getDocument + getTextContent of every page), medians of 5 runs after a warm-up. */
async function pdfImport(): Promise<void> {
  const dir = path.join(ROOT, 'test', 'fixtures', 'pdf');
  const files = readdirSync(dir)
    .filter((f) => /^(gaoan|huaian)-.*\.pdf$/.test(f))
    .sort();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const { readPdfText } = await import('../src/pdf/node');
  const { importPositioned } = await import('../src/report/import');
  const bare = async (data: Uint8Array): Promise<number> => {
    const doc = await pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, verbosity: 0 }).promise;
    let items = 0;
    for (let n = 1; n <= doc.numPages; n++) items += (await (await doc.getPage(n)).getTextContent()).items.length;
    await doc.destroy();
    return items;
  };
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
  const ms = async (fn: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const all = files.map((f) => ({ f, data: new Uint8Array(readFileSync(path.join(dir, f))) }));
  for (const { data } of all) {
    await bare(data);
    importPositioned(await readPdfText(data));
  } // warm-up
  const round = (x: number): number => Math.round(x * 10) / 10;
  for (const { f, data } of all) {
    const extract: number[] = [];
    const full: number[] = [];
    const geometry: number[] = [];
    let cells = 0;
    let pages = 0;
    for (let i = 0; i < 5; i++) {
      extract.push(await ms(() => bare(data)));
      full.push(
        await ms(async () => {
          const text = await readPdfText(data);
          pages = text.length;
          const t0 = performance.now();
          const r = importPositioned(text);
          geometry.push(performance.now() - t0);
          cells = Object.values(r.report.tables).reduce(
            (a, t) => a + Object.values(t ?? {}).reduce((b, row) => b + Object.keys(row).length, 0),
            0,
          );
        }),
      );
    }
    line({
      action: 'pdf-import',
      file: f,
      pages,
      cells,
      importMs: round(median(full)),
      pdfjsExtractMs: round(median(extract)),
      tablesFromPositionsMs: round(median(geometry)),
    });
  }
}

function engine(): void {
  for (const format of ['2021', '2019'] as FormatId[]) {
    const reports = Array.from({ length: 2000 }, (_, i) => randomReport(format, i + 1));
    checkReport(reports[0]);
    const t0 = performance.now();
    let findings = 0;
    for (const r of reports) findings += checkReport(r).length;
    const s = (performance.now() - t0) / 1000;
    line({ action: 'engine', format, reports: reports.length, reportsPerSecond: Math.round(reports.length / s), findings });
  }
}

/** Start-up of the command line, median of 7, side by side: bare node, the compiled CLI (what bin/ runs),
 *  and the same entry compiled on the fly by tsx (how bin/ ran before). */
function cliStartup(): void {
  const median = (cmd: string[]): number => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, cmd, { cwd: process.cwd(), stdio: 'ignore' });
      times.push(performance.now() - t0);
    }
    return Math.round(times.sort((a, b) => a - b)[3]);
  };
  const bare = median(['-e', '0']);
  const compiled = median(['bin/ogi-report.js', '--help']);
  const tsx = median(['-r', 'tsx/cjs', '-e', "require('./src/cli/main.ts').main(['--help'], { out() {}, err() {} })"]);
  const check = median(['bin/ogi-report.js', 'check', 'test/fixtures/huaian-2024.txt']);
  line({
    action: 'cli-startup',
    bareNodeMs: bare,
    compiledHelpMs: compiled,
    aboveBareMs: compiled - bare,
    tsxHelpMs: tsx,
    compiledCheckOneTextMs: check,
  });
}

function corpus(): void {
  const entries = corpusEntries();
  const kinds = new Map<string, { right: number; total: number; wrong: number; reports: number }>();
  let ms = 0;
  for (const e of entries) {
    const t0 = performance.now();
    const m = measure(e);
    ms += performance.now() - t0;
    const k = kinds.get(m.kind) ?? { right: 0, total: 0, wrong: 0, reports: 0 };
    kinds.set(m.kind, { right: k.right + m.right, total: k.total + m.total, wrong: k.wrong + m.wrong.length, reports: k.reports + 1 });
  }
  for (const [kind, k] of kinds)
    line({
      action: 'corpus',
      kind,
      reports: k.reports,
      cellsRight: k.right,
      cells: k.total,
      share: +(k.right / k.total).toFixed(3),
      wrong: k.wrong,
    });
  const all = [...kinds.values()].reduce((a, k) => ({ right: a.right + k.right, total: a.total + k.total, wrong: a.wrong + k.wrong }), {
    right: 0,
    total: 0,
    wrong: 0,
  });
  let judgedTrue = 0;
  let judgedFalse = 0;
  for (const e of entries) {
    const f = path.join(e.dir, 'judged.json');
    if (!existsSync(f)) continue;
    const judged = (JSON.parse(readFileSync(f, 'utf8')) as { findings: Array<{ message: string; verdict: string }> }).findings;
    for (const msg of rawFindings(e).map((x) => x.message)) {
      const j = judged.find((x) => x.message === msg);
      if (j?.verdict === 'true') judgedTrue += 1;
      else if (j?.verdict === 'false') judgedFalse += 1;
    }
  }
  line({
    action: 'corpus',
    kind: 'overall',
    reports: entries.length,
    cellsRight: all.right,
    cells: all.total,
    share: +(all.right / all.total).toFixed(3),
    wrong: all.wrong,
    findingsTrue: judgedTrue,
    findingsFalse: judgedFalse,
    importMsPerReport: +(ms / entries.length).toFixed(1),
  });
}

void (async () => {
  const quick = process.argv.includes('--quick');
  // `--only=name[,name]` runs just those parts (names as in the list below), for measuring one change
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const parts: Array<[string, boolean, () => unknown]> = [
    ['cli-startup', true, cliStartup],
    ['corpus', true, corpus],
    ['excel', true, excelActions],
    ['bundle', true, bundleSizes],
    ['interactive', !quick, timeToInteractive],
    ['engine', true, engine],
    ['pdf', true, pdfImport],
    ['summary', true, summaryAgainstExceljs],
    ['batch', !quick, batchCheck],
  ];
  for (const [name, wanted, run] of parts) if (only ? only.includes(name) : wanted) await run();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
