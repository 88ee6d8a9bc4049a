/** Registering tables the user typed or pasted (found by their labels): names, conditional formats, mark sheet. */
import type { Rect } from '../report/a1';
import { freeNames, tableConditionalFormats } from '../report/plan';
import { tableLayout } from '../report/layout';
import type { FormatId, TableId } from '../report/types';
import { HostError, type TableRef } from '../host/types';
import type { ExcelSession } from './context';
import { queueMarkSheetRead, queueNameReads, queueRegistration, takenNames } from './registrations';

export type TableToRegister = { table: TableId; format: FormatId; year: number; sheet: string; rect: Rect };

/** One read sync (the names taken, the mark sheet), one write sync (every sheet's registrations). */
export function registerTables(session: ExcelSession, tables: TableToRegister[]): Promise<TableRef[]> {
  return session.run(async (context) => {
    const wb = context.workbook;
    // ---- read
    const nameReads = queueNameReads(wb, 'name');
    const markSheet = queueMarkSheetRead(wb);
    await context.sync();
    // ---- decide
    const names = freeNames(
      tables.map((t) => t.table),
      takenNames(nameReads),
    );
    if (!names) throw new HostError('本工作簿中登记的年报表格已达上限，无法再登记。');
    // ---- write
    let markMissing = markSheet.isNullObject;
    const refs: TableRef[] = [];
    for (const sheetName of [...new Set(tables.map((t) => t.sheet))]) {
      const here = tables.filter((t) => t.sheet === sheetName).map((t) => ({ ...t, name: names[t.table] as string }));
      const cfs = here.flatMap((t) => tableConditionalFormats(tableLayout(t.format, t.table), t.rect, t.name));
      queueRegistration(session, wb, wb.worksheets.getItem(sheetName), here, cfs, markMissing);
      markMissing = false;
      refs.push(...here.map(({ name, table, format, year, sheet, rect }) => ({ name, table, format, year, sheet, rect })));
    }
    await context.sync();
    return refs;
  });
}
