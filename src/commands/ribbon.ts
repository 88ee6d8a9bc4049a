/** Ribbon actions, host-neutral: the function commands call these. */
import type { WorkbookHost } from '../host/types';
import { insertAt } from '../app/insert';
import { reportYearNow } from '../taskpane/year';

/** How a ribbon command ended, for the person who pressed the button: done, refused (nothing was written: the
 *  area is in use, the sheet is protected, Excel is too old) or failed (Excel reported an error). */
export interface RibbonOutcome {
  kind: 'done' | 'refused' | 'failed';
  text: string;
}

/** 插入全部表格 from the ribbon: all three tables for last year, always on a new sheet (never overwrites). Never
 *  throws: every ending is an outcome to show. */
export async function insertAllFromRibbon(host: WorkbookHost, now = new Date()): Promise<RibbonOutcome> {
  const year = reportYearNow(now);
  try {
    const outcome = await insertAt(host, { year }, 'newSheet');
    if (outcome.ok) return { kind: 'done', text: `已在工作表“${outcome.sheet}”插入${year}年度的全部表格。` };
    return { kind: outcome.reason === 'failed' ? 'failed' : 'refused', text: outcome.message };
  } catch (e) {
    return { kind: 'failed', text: e instanceof Error ? e.message : String(e) };
  }
}
