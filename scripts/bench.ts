/**
 * npm run bench — prints JSON lines: Excel round trips per action on the in-browser workbook, and the
 * engine's throughput. Numbers, not pass/fail.
 */
import { performance } from 'perf_hooks';
import { createWorkbookSim } from '../src/excel-sim';
import { createExcelHost } from '../src/excel/excelHost';
import { checkWorkbook, insertTables } from '../src/app/service';
import { checkReport } from '../src/report/check';
import { emptyReport, setReportValue } from '../src/report/report';
import { allLayouts } from '../src/report/layout';
import type { FormatId, Report } from '../src/report/types';

const line = (o: Record<string, unknown>): void => console.log(JSON.stringify(o));

function randomReport(format: FormatId, seed: number): Report {
  const r = emptyReport(format, format === '2019' ? 2020 : 2025);
  let x = seed;
  const rnd = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) % 100);
  for (const l of allLayouts(format)) for (const c of l.data) setReportValue(r, c.key as string, rnd());
  return r;
}

async function excelActions(): Promise<void> {
  const sim = createWorkbookSim({ sheets: ['Sheet1'] });
  const host = createExcelHost({ Excel: sim.Excel as typeof Excel, Office: sim.Office as typeof Office });
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
  const fresh = createExcelHost({ Excel: sim.Excel as typeof Excel, Office: sim.Office as typeof Office });
  await time('validate', () => checkWorkbook(fresh), { note: 'first check after the pane opens' });
  await time('clear', () => fresh.clearMarks());
  await time('select', () => fresh.selectCells('OGI_applications', [{ r: 3, c: 3 }]));
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

void (async () => {
  await excelActions();
  engine();
})();
