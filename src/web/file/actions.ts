/** The file host's other actions: taking the user to cells, registering typed tables, prose, typing numbers,
 *  discarding a scratch sheet. Each ends by telling the listeners (FileState.changed). */
import type ExcelJS from 'exceljs';
import { parseAreas, parseAddress, sheetAddress } from '../../report/a1';
import { freeNames, markBlock, MARK_BLOCK_COLS, MARK_META_ROW, MARK_SHEET, tableConditionalFormats } from '../../report/plan';
import { tableLayout } from '../../report/layout';
import { writeRegistrations } from '../../file/xlsx';
import { HostError, type TableRef, type WorkbookHost } from '../../host/types';
import { placedTables, takenNames } from './cells';
import { addSheet, freeSheetName, isProtected } from './insert';
import { isVisible, type FileState } from './state';

/** Where a registered table is now, or a Chinese message naming it. */
function placed(s: FileState, tableName: string): { ws: ExcelJS.Worksheet; r: number; c: number } {
  const t = placedTables(s.wb).find((x) => x.name === tableName);
  if (!t) throw new HostError(`找不到表格“${tableName}”：它所在的工作表或区域已被删除。`, 'notFound');
  return { ws: t.ws, r: t.rect.r, c: t.rect.c };
}

export function selectCells(s: FileState, tableName: string, cells: Array<{ r: number; c: number }>): void {
  if (!cells.length) return;
  const t = placed(s, tableName);
  s.select(
    t.ws.name,
    cells.map(({ r, c }) => ({ r: t.r + r, c: t.c + c })),
  );
}

/** The most cells a selection by address holds (a whole-sheet address would otherwise list millions). */
export const MAX_SELECTED = 10000;

/** Select by a sheet-qualified address of one or several areas ('Sheet1'!D6:I6,D9); every cell of the areas (at
 *  most 10,000), and that sheet shown. The sheet's name is compared as Excel compares it, ignoring case. */
export function selectAddress(s: FileState, address: string): void {
  const p = parseAreas(address);
  if (!p?.sheet || !p.areas.length)
    throw new HostError(`无法定位单元格“${address}”：应为带工作表名的地址，如 'Sheet1'!D6 或 'Sheet1'!D6:I6,D9。`, 'address');
  const wanted = p.sheet.toLowerCase();
  const ws = s.wb.worksheets.find((x) => x.name.toLowerCase() === wanted);
  if (!ws) throw new HostError(`无法定位单元格“${address}”：工作簿中没有名为“${p.sheet}”的工作表。`, 'notFound');
  const cells: Array<{ r: number; c: number }> = [];
  for (const a of p.areas)
    for (let r = a.r; r < a.r + a.rs; r++) for (let c = a.c; c < a.c + a.cs && cells.length < MAX_SELECTED; c++) cells.push({ r, c });
  s.select(ws.name, cells);
}

/** Register tables found by their labels. Every sheet is checked first (it exists, it is not protected: Excel
 *  refuses conditional formats on a protected sheet), so a refusal leaves nothing half-registered. */
export function registerTables(s: FileState, tables: Parameters<WorkbookHost['registerTables']>[0]): TableRef[] {
  const names = freeNames(
    tables.map((t) => t.table),
    takenNames(s.wb),
  );
  if (!names) throw new HostError('本工作簿中登记的年报表格已达上限，无法再登记。');
  const sheets = [...new Set(tables.map((t) => t.sheet))].map((sheetName) => {
    const ws = s.wb.getWorksheet(sheetName);
    if (!ws) throw new HostError(`找不到工作表“${sheetName}”，无法登记其中的表格。`, 'notFound');
    if (isProtected(ws)) throw new HostError(`工作表“${sheetName}”受保护，无法登记其中的表格。请先撤消工作表保护后再登记。`, 'protected');
    return ws;
  });
  const refs: TableRef[] = [];
  for (const ws of sheets) {
    const here = tables.filter((t) => t.sheet === ws.name).map((t) => ({ ...t, name: names[t.table] as string }));
    const cfs = here.flatMap((t) => tableConditionalFormats(tableLayout(t.format, t.table), t.rect, t.name));
    writeRegistrations(s.wb, ws, here, cfs);
    refs.push(...here.map(({ name, table, format, year, sheet, rect }) => ({ name, table, format, year, sheet, rect })));
  }
  s.changed();
  return refs;
}

export const sheetNames = (s: FileState): string[] => s.wb.worksheets.filter(isVisible).map((ws) => ws.name);

/** Rows of prose on a new sheet (`sheet`, or `sheet(2)`… when taken), shown. Returns the sheet's name. */
export function insertProse(s: FileState, sheet: string, rows: Array<[number | string, string]>): string {
  const ws = addSheet(s.wb, freeSheetName(s.wb, sheet));
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 86;
  rows.forEach((row, i) => {
    ws.getCell(i + 1, 1).value = row[0];
    ws.getCell(i + 1, 2).value = row[1];
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getRow(1).font = { bold: true };
  s.setActiveSheet(ws.name, false);
  s.changed();
  return ws.name;
}

/** Type numbers into a registered table's cells (as a person would: the value replaces what the cell held). */
export function writeCells(s: FileState, tableName: string, cells: Array<{ r: number; c: number; value: number }>): void {
  const t = placed(s, tableName);
  for (const { r, c, value } of cells) t.ws.getCell(t.r + r + 1, t.c + c + 1).value = value;
  s.changed();
}

/** Remove a sheet the add-in made, its registrations and their marks (and the mark sheet when no table is left). */
export function discardSheet(s: FileState, sheetName: string): void {
  const ws = s.wb.getWorksheet(sheetName);
  const ms = s.wb.getWorksheet(MARK_SHEET);
  const taken = [...takenNames(s.wb)];
  const onSheet = taken.filter((n) => parseAddress(s.wb.definedNames.getRanges(n).ranges[0] ?? '')?.sheet === sheetName);
  for (const n of onSheet) {
    const range = parseAddress(s.wb.definedNames.getRanges(n).ranges[0]);
    // exceljs removes a name one cell at a time
    if (range)
      for (let r = 0; r < range.rect.rs; r++)
        for (let c = 0; c < range.rect.cs; c++)
          s.wb.definedNames.remove(sheetAddress(sheetName, { r: range.rect.r + r, c: range.rect.c + c, rs: 1, cs: 1 }, true), n);
    const b = markBlock(n);
    if (ms)
      for (let r = 0; r <= MARK_META_ROW; r++) for (let c = 0; c < MARK_BLOCK_COLS; c++) ms.getCell(b.r + r + 1, b.c + c + 1).value = null;
  }
  if (ms && onSheet.length === taken.length) s.wb.removeWorksheet(ms.id);
  if (ws) s.wb.removeWorksheet(ws.id);
  s.changed();
}
