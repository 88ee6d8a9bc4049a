/** Test helpers over the one in-browser workbook (src/excel-sim): a host on a fresh workbook, and reads through the API. */
import { createWorkbookSim, NEWEST_EXCEL_API } from '../../src/excel-sim';
import { createExcelHost } from '../../src/excel/excelHost';
import type { WorkbookHost } from '../../src/host/types';

export type Sim = ReturnType<typeof createWorkbookSim>;

/** The ExcelApi levels every test of src/excel runs at: the manifest's minimum, the first with cell properties,
 *  the last without merged-area reads, the first with them, and the newest @types/office-js knows. */
export const API_LEVELS = ['1.8', '1.9', '1.12', '1.13', NEWEST_EXCEL_API] as const;
/** The two ends, for the slow tests. */
export const API_ENDS = ['1.8', NEWEST_EXCEL_API] as const;

export function setup(options: Parameters<typeof createWorkbookSim>[0] = {}): { sim: Sim; host: WorkbookHost; X: typeof Excel } {
  const sim = createWorkbookSim({ sheets: ['Sheet1'], ...options });
  const X = sim.Excel;
  const host = createExcelHost({ Excel: X, Office: sim.Office });
  return { sim, host, X };
}

/** Read through the public API (as a second, independent client would). */
export async function readRange(X: typeof Excel, sheet: string, address: string): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
  return X.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load('values,formulas');
    await ctx.sync();
    return { values: r.values, formulas: r.formulas };
  });
}

export async function select(X: typeof Excel, sheet: string, address: string): Promise<void> {
  await X.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
  });
}

export async function names(X: typeof Excel): Promise<Array<{ name: string; formula: string; comment: string }>> {
  return X.run(async (ctx) => {
    const n = ctx.workbook.names;
    n.load('items/name,items/formula,items/comment');
    await ctx.sync();
    return n.items.map((i) => ({ name: i.name, formula: i.formula, comment: i.comment }));
  });
}

export async function fillOf(X: typeof Excel, sheet: string, address: string): Promise<string> {
  return X.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.format.fill.load('color');
    await ctx.sync();
    return r.format.fill.color;
  });
}
