/**
 * The formulas the inserted tables carry are plain sums (=SUM(D6:I6,D9), see buildPlan). They are recomputed here
 * after every change and on open — an opened file's cached results may be stale or missing — and the results are
 * stored in the cells, so the grid, the checks and the saved copy all see current totals. Formulas of any other
 * shape (a user's own) keep the result the file holds.
 */
import type ExcelJS from 'exceljs';
import { parseAddress } from '../../report/a1';
import { eachCell, isMergedSlave, placedTables } from './cells';

type Memo = Map<string, number | null>;

const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue =>
  !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);

/** The references of a formula we can compute: SUM(refs) or a single reference, on the same sheet; null otherwise. */
function sumRefs(formula: string): string[] | null {
  const f = formula.replace(/^=/, '').replace(/\$/g, '').trim();
  const inner = /^SUM\(([^()!]*)\)$/i.exec(f)?.[1] ?? (/^[A-Z]{1,3}\d+$/i.test(f) ? f : null);
  return inner === null ? null : inner.split(',').map((s) => s.trim());
}

/** A cell's number for a sum: numbers count, formulas are computed (or their cached number), text and blanks not. */
function cellNumber(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, memo: Memo, depth: number): number | null {
  if (isMergedSlave(cell)) return null;
  const v = cell.value;
  if (typeof v === 'number') return v;
  if (!isFormula(v)) return null;
  const computed = evaluate(ws, cell, memo, depth + 1);
  if (computed !== null) return computed;
  return typeof v.result === 'number' ? v.result : null;
}

/** A formula cell's value, or null when the formula is not one we compute (or refers to itself). */
function evaluate(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, memo: Memo, depth = 0): number | null {
  const key = cell.address;
  if (memo.has(key)) return memo.get(key) ?? null;
  if (depth > 50) return null;
  memo.set(key, null); // a circular reference stays uncomputed
  const refs = sumRefs(cell.formula ?? '');
  if (!refs) return null;
  let total = 0;
  for (const ref of refs) {
    const p = parseAddress(ref);
    if (!p || p.sheet) return null;
    eachCell(ws, p.rect, (c) => {
      total += cellNumber(ws, c, memo, depth) ?? 0;
    });
  }
  // as Excel shows a sum of decimals: no binary noise (0.1+0.2 → 0.3)
  const value = Number(total.toPrecision(15));
  memo.set(key, value);
  return value;
}

/** Recompute every computable formula in the registered tables and store its result in the cell. Returns how many
 *  cached results changed. */
export function recalculate(wb: ExcelJS.Workbook): number {
  let changed = 0;
  for (const { ws, rect } of placedTables(wb)) {
    const memo: Memo = new Map();
    eachCell(ws, rect, (cell) => {
      const v = cell.value;
      if (isMergedSlave(cell) || !isFormula(v)) return;
      const result = evaluate(ws, cell, memo);
      if (result === null || v.result === result) return;
      cell.value = { ...v, result };
      changed++;
    });
  }
  return changed;
}
