/** Ribbon actions, host-neutral: the function commands call these. */
import type { WorkbookHost } from '../host/types';
import { defaultSheetName, insertTables } from '../app/service';
import { reportYearNow } from '../taskpane/year';

/** 插入全部表格 from the ribbon: all three tables for last year, always on a new sheet (never overwrites). */
export async function insertAllFromRibbon(host: WorkbookHost, now = new Date()): Promise<string> {
  const year = reportYearNow(now);
  const outcome = await insertTables(host, { year, target: { kind: 'newSheet', name: defaultSheetName(year, await host.sheetNames()) } });
  return outcome.ok ? `已在工作表“${outcome.sheet}”插入${year}年度的全部表格` : outcome.message;
}
