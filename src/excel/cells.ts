/** Writing numbers into a registered table's cells, and discarding a sheet the add-in made with its registrations. */
import { parseAddress } from '../report/a1';
import { markBlock, MARK_BLOCK_COLS, MARK_META_ROW } from '../report/plan';
import type { ExcelSession } from './context';
import { existingNames, queueMarkSheetRead, queueNameReads } from './registrations';

/** One write sync, nothing read. */
export async function writeCells(
  session: ExcelSession,
  tableName: string,
  cells: Array<{ r: number; c: number; value: number }>,
): Promise<void> {
  await session.run(async (context) => {
    const range = context.workbook.names.getItem(tableName).getRange();
    for (const { r, c, value } of cells) range.getCell(r, c).values = [[value]];
    await context.sync();
  });
}

/** One read sync (names, the sheet, the mark sheet), one write sync deleting the sheet, its names and their marks
 *  (and the mark sheet when no table is left). */
export async function discardSheet(session: ExcelSession, sheetName: string): Promise<void> {
  await session.run(async (context) => {
    const wb = context.workbook;
    // ---- read
    const nameReads = queueNameReads(wb, 'name,formula');
    const sheet = wb.worksheets.getItemOrNullObject(sheetName).load('name');
    const markSheet = queueMarkSheetRead(wb);
    await context.sync();
    // ---- decide
    const found = existingNames(nameReads);
    const onSheet = found.filter(({ item }) => parseAddress(String(item.formula).replace(/^=/, ''))?.sheet === sheetName);
    const dropMarkSheet = !markSheet.isNullObject && onSheet.length === found.length;
    // ---- write
    for (const { n, item } of onSheet) {
      item.delete();
      session.state.known.delete(n);
      if (!markSheet.isNullObject) {
        const b = markBlock(n);
        markSheet.getRangeByIndexes(b.r, b.c, MARK_META_ROW + 1, MARK_BLOCK_COLS).clear('Contents');
      }
    }
    if (dropMarkSheet) markSheet.delete();
    if (!sheet.isNullObject) sheet.delete();
    await context.sync();
    if (dropMarkSheet) session.state.hasMarkSheet = false;
  });
}
