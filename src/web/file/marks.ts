/**
 * Reading the tables and marking findings in the file: the .xlsx reader (readTables) and marker (applyMarks) of
 * src/file/xlsx.ts, with last year's report kept in the workbook, and the check's own notes removed again by
 * clearMarks — only those, so the user's notes stay exactly as they were.
 */
import type ExcelJS from 'exceljs';
import { markBlock, MARK_BLOCK_COLS, MARK_CODES, MARK_META_ROW, MARK_SHEET } from '../../report/plan';
import type { Severity } from '../../report/types';
import type { Mark, ReadOptions, TablesRead } from '../../host/types';
import { applyMarks, readTables as readXlsx } from '../../file/xlsx';
import { eachCell, placedTables, removeOurNote, type Placed } from './cells';
import { readLastYear } from './lastYear';
import type { SheetCell } from '../fileHost';
import type { FileState } from './state';

/** The registered tables, the prose sheet and last year's report, as the file holds them now. */
export function readTables(wb: ExcelJS.Workbook, options?: ReadOptions): TablesRead {
  return { ...readXlsx(wb, options), lastYear: readLastYear(wb) };
}

/** Remove the check's notes from a table's cells. Returns how many were removed. */
function removeNotes(t: Placed): number {
  let n = 0;
  eachCell(t.ws, t.rect, (cell) => {
    if (removeOurNote(cell)) n++;
  });
  return n;
}

/** Read, decide, then replace the earlier marks: codes on the mark sheet, a note on each marked cell. */
export function checkAndMark<T>(s: FileState, decide: (read: TablesRead) => { marks: Mark[]; result: T }, options?: ReadOptions): T {
  const read = readTables(s.wb, options);
  const { marks, result } = decide(read);
  const registered = new Set(read.tables.filter((t) => !t.recognised).map((t) => t.name));
  if (registered.size) {
    for (const t of placedTables(s.wb)) if (registered.has(t.name)) removeNotes(t);
    applyMarks(
      s.wb,
      read,
      marks.filter((m) => registered.has(m.tableName)),
    );
  }
  s.changed('marks');
  return result;
}

/** The mark codes of a table's block (rows of the table, columns of the table), 0 where there is none. */
function codesOf(ms: ExcelJS.Worksheet, t: Placed, fn: (r: number, c: number, code: number) => void): void {
  const b = markBlock(t.name);
  for (let r = 0; r < Math.min(t.rect.rs, MARK_META_ROW); r++) {
    for (let c = 0; c < Math.min(t.rect.cs, MARK_BLOCK_COLS); c++) {
      const v = ms.getCell(b.r + r + 1, b.c + c + 1).value;
      if (typeof v === 'number' && v > 0) fn(r, c, v);
    }
  }
}

/** Every marked cell now, on its sheet, with its severity. */
export function markedCells(wb: ExcelJS.Workbook): Array<SheetCell & { severity: Severity }> {
  const ms = wb.getWorksheet(MARK_SHEET);
  if (!ms) return [];
  const out: Array<SheetCell & { severity: Severity }> = [];
  for (const t of placedTables(wb)) {
    codesOf(ms, t, (r, c, code) =>
      out.push({ sheet: t.ws.name, r: t.rect.r + r, c: t.rect.c + c, severity: code >= MARK_CODES.error ? 'error' : 'warning' }),
    );
  }
  return out;
}

/** Unmark every table (or those named): codes cleared, the check's notes removed. Returns how many cells were marked. */
export function clearMarks(s: FileState, only?: string[]): number {
  const ms = s.wb.getWorksheet(MARK_SHEET);
  if (!ms) return 0;
  let count = 0;
  for (const t of placedTables(s.wb).filter((x) => !only || only.includes(x.name))) {
    codesOf(ms, t, () => count++);
    const b = markBlock(t.name);
    for (let r = 0; r < MARK_META_ROW; r++) for (let c = 0; c < MARK_BLOCK_COLS; c++) ms.getCell(b.r + r + 1, b.c + c + 1).value = null;
    removeNotes(t);
  }
  s.changed('marks');
  return count;
}
