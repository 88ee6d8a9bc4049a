/**
 * Last year's report (JSON text) kept in the file, so it survives download and re-opening: on a very hidden sheet,
 * in column A, cut into pieces below Excel's 32,767 characters a cell.
 */
import type ExcelJS from 'exceljs';

export const LAST_YEAR_SHEET = 'OGI_lastYear';
const PIECE = 30000;

export function readLastYear(wb: ExcelJS.Workbook): string | null {
  const ws = wb.getWorksheet(LAST_YEAR_SHEET);
  if (!ws) return null;
  const pieces: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== 'string') break;
    pieces.push(v);
  }
  return pieces.length ? pieces.join('') : null;
}

/** Replace what is kept (or remove it, with its sheet, when `json` is null). */
export function storeLastYear(wb: ExcelJS.Workbook, json: string | null): void {
  const old = wb.getWorksheet(LAST_YEAR_SHEET);
  if (old) wb.removeWorksheet(old.id);
  if (json === null) return;
  const ws = wb.addWorksheet(LAST_YEAR_SHEET, { state: 'veryHidden' });
  for (let i = 0, r = 1; i < json.length || r === 1; i += PIECE, r++) ws.getCell(r, 1).value = json.slice(i, i + PIECE);
}
