/**
 * Cells of the workbook as the file host reads them: registered tables' places, merged cells, notes, and the
 * recalculation of the SUM formulas the inserted tables carry (so what is shown, read and saved is current).
 */
import type ExcelJS from 'exceljs';
import { parseAddress, type Rect } from '../../report/a1';
import { ALL_NAMES, parseRegistrationName } from '../../report/plan';
import { NOTE_PREFIX } from '../../file/xlsx';

/** A registered table's place now: its name, sheet and rect (0-based). */
export interface Placed {
  name: string;
  ws: ExcelJS.Worksheet;
  rect: Rect;
}

/** Every registration name present whose sheet still exists. */
export function placedTables(wb: ExcelJS.Workbook): Placed[] {
  const out: Placed[] = [];
  for (const name of ALL_NAMES) {
    const range = wb.definedNames.getRanges(name).ranges[0];
    const p = range ? parseAddress(range) : null;
    const ws = p?.sheet ? wb.getWorksheet(p.sheet) : undefined;
    if (p && ws) out.push({ name, ws, rect: p.rect });
  }
  return out;
}

/** The names taken (whether or not their sheet is left). */
export const takenNames = (wb: ExcelJS.Workbook): Set<string> =>
  new Set(ALL_NAMES.filter((n) => wb.definedNames.getRanges(n).ranges.length > 0));

export const isRegistrationName = (name: string): boolean => parseRegistrationName(name) !== null;

/** A cell covered by a merged area but not its top-left one (Excel shows it empty; exceljs gives it the master's value). */
export const isMergedSlave = (cell: ExcelJS.Cell): boolean => cell.isMerged && cell.master.address !== cell.address;

/** Each cell of a rect (0-based) on a sheet. */
export function eachCell(ws: ExcelJS.Worksheet, rect: Rect, fn: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  for (let r = 0; r < rect.rs; r++) for (let c = 0; c < rect.cs; c++) fn(ws.getCell(rect.r + r + 1, rect.c + c + 1), r, c);
}

/** A note's text (a plain string, or rich text read from a file). */
export function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (note === undefined || note === null) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Whether a cell's note is one a check wrote (the user's own notes never begin with NOTE_PREFIX). */
export const hasOurNote = (cell: ExcelJS.Cell): boolean => noteText(cell.note).startsWith(NOTE_PREFIX);

/** Remove a check's note from a cell, leaving the cell exactly as it was before the note. exceljs has no public way
 *  to remove a note (its setter always makes one), so the cell's comment slot is emptied. */
export function removeOurNote(cell: ExcelJS.Cell): boolean {
  if (!hasOurNote(cell)) return false;
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  return true;
}
