/**
 * Formulas recomputed by the file host, on open and after every change, and their results stored in the cells, so
 * the grid, the checks and the saved copy see current numbers:
 * - the inserted tables' totals (plain sums, see buildPlan): always — an opened file's cached results may be stale;
 * - the user's own formulas that read our tables (directly or through other formulas): recomputed when they are
 *   sums the host understands (./formula.ts). Any other such formula whose inputs changed since the file was opened
 *   loses its cached result (the grid shows 待重算, not a stale number) and the saved copy asks Excel, WPS and
 *   LibreOffice to recalculate on open (fullCalcOnLoad); when its inputs are back as they were, so is its result.
 * The user's formulas that do not read our tables keep the results the file holds.
 */
import type ExcelJS from 'exceljs';
import { ALL_NAMES } from '../../report/plan';
import { rectsOverlap, type Rect } from '../../report/a1';
import { isMergedSlave, placedTables, type Placed } from './cells';
import { parseSum, referencesOf, type Ref, type Term } from './formula';

type FormulaCell = ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;

export const isFormula = (v: ExcelJS.CellValue): v is FormulaCell =>
  !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);

/** A formula's cached result. exceljs' cell.value leaves out a result of 0 or '' (it copies only truthy ones), so
 *  it is read from the cell, and written through the cell's model (setResult). */
export const resultOf = (cell: ExcelJS.Cell): FormulaCell['result'] => (cell as unknown as { result: FormulaCell['result'] }).result;

const keyOf = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): string => `${ws.name}!${cell.address}`;
const overlaps = rectsOverlap;

/** The cells of a reference that exist (a whole column reads only the rows the sheet has). */
function eachExisting(ws: ExcelJS.Worksheet, rect: Rect, fn: (cell: ExcelJS.Cell) => void): void {
  const lastRow = Math.min(rect.r + rect.rs, ws.rowCount);
  for (let r = rect.r + 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const lastCol = Math.min(rect.c + rect.cs, row.cellCount);
    for (let c = rect.c + 1; c <= lastCol; c++) {
      const cell = row.findCell(c);
      if (cell) fn(cell);
    }
  }
}

/** Evaluation of the sums the host understands over one workbook, each formula computed once. */
class Evaluator {
  private memo = new Map<string, number | null>();
  constructor(private readonly wb: ExcelJS.Workbook) {}

  private sheetOf(home: ExcelJS.Worksheet, ref: Ref): ExcelJS.Worksheet | undefined {
    return ref.sheet === undefined ? home : this.wb.getWorksheet(ref.sheet);
  }

  /** A cell's number as SUM reads it: numbers and formulas' numbers count, text and blanks not; an error: null. */
  private sumValue(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number | null {
    if (isMergedSlave(cell)) return 0;
    const v = cell.value;
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && 'error' in v) return null;
    if (!isFormula(v)) return 0;
    const n = this.value(ws, cell);
    if (n !== null) return n;
    const result = resultOf(cell);
    if (result && typeof result === 'object' && 'error' in result) return null;
    return typeof result === 'number' ? result : result === undefined ? null : 0;
  }

  /** A cell's number as + reads it: numbers, blanks as 0, formulas' numbers; anything else: null. */
  private plusValue(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number | null {
    if (isMergedSlave(cell)) return 0;
    const v = cell.value;
    if (typeof v === 'number') return v;
    if (v === null || v === undefined) return 0;
    if (!isFormula(v)) return null;
    const n = this.value(ws, cell);
    const result = resultOf(cell);
    return n ?? (typeof result === 'number' ? result : null);
  }

  private term(ws: ExcelJS.Worksheet, t: Term): number | null {
    if (t.kind === 'number') return t.value;
    if (t.kind === 'cell') {
      const sheet = this.sheetOf(ws, t.ref);
      return sheet ? this.plusValue(sheet, sheet.getCell(t.ref.rect.r + 1, t.ref.rect.c + 1)) : null;
    }
    let total = 0;
    for (const a of t.args) {
      if (typeof a === 'number') {
        total += a;
        continue;
      }
      const sheet = this.sheetOf(ws, a);
      if (!sheet) return null;
      let bad = false;
      eachExisting(sheet, a.rect, (cell) => {
        const n = this.sumValue(sheet, cell);
        if (n === null) bad = true;
        else total += n;
      });
      if (bad) return null;
    }
    return total;
  }

  /** A formula cell's value when it is a sum the host understands (null otherwise, or when it refers to itself). */
  value(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number | null {
    const key = keyOf(ws, cell);
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    this.memo.set(key, null); // a circular reference stays uncomputed
    const terms = parseSum(cell.formula ?? '');
    if (!terms) return null;
    let total = 0;
    for (const t of terms) {
      const n = this.term(ws, t);
      if (n === null) return null;
      total += t.sign * n;
    }
    // as Excel shows a sum of decimals: no binary noise (0.1+0.2 → 0.3)
    const value = Number(total.toPrecision(15));
    this.memo.set(key, value);
    return value;
  }
}

type Read = { ws: ExcelJS.Worksheet; rect: Rect };
type UserFormula = { ws: ExcelJS.Worksheet; cell: ExcelJS.Cell; key: string; reads: Read[] };

const cellRect = (cell: ExcelJS.Cell): Rect => ({ r: Number(cell.row) - 1, c: Number(cell.col) - 1, rs: 1, cs: 1 });

/** What a formula reads: its references, and the names of our tables it uses resolved to their place. */
function readsOf(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, tables: Placed[]): Read[] {
  const { refs, names } = referencesOf(cell.formula ?? '', ALL_NAMES);
  const out: Read[] = [];
  for (const ref of refs) {
    const sheet = ref.sheet === undefined ? ws : wb.getWorksheet(ref.sheet);
    if (sheet) out.push({ ws: sheet, rect: ref.rect });
  }
  for (const t of tables) if (names.includes(t.name)) out.push({ ws: t.ws, rect: t.rect });
  return out;
}

/** Every formula outside our tables. */
function userFormulas(wb: ExcelJS.Workbook, tables: Placed[]): UserFormula[] {
  const out: UserFormula[] = [];
  for (const ws of wb.worksheets) {
    const here = tables.filter((t) => t.ws === ws);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (isMergedSlave(cell) || !isFormula(cell.value) || here.some((t) => overlaps(t.rect, cellRect(cell)))) return;
        out.push({ ws, cell, key: keyOf(ws, cell), reads: readsOf(wb, ws, cell, tables) });
      }),
    );
  }
  return out;
}

/** The user's formulas that read our tables, directly or through other formulas. */
function readersOfTables(wb: ExcelJS.Workbook, tables: Placed[]): UserFormula[] {
  const formulas = userFormulas(wb, tables);
  const readers: UserFormula[] = [];
  const reads = (f: UserFormula, targets: Array<{ ws: ExcelJS.Worksheet; rect: Rect }>): boolean =>
    f.reads.some((x) => targets.some((t) => t.ws === x.ws && overlaps(t.rect, x.rect)));
  let found = formulas.filter((f) => reads(f, tables));
  // until nothing more is found: a formula reading a formula that reads our tables reads them too
  while (found.length) {
    readers.push(...found);
    const targets = found.map((f) => ({ ws: f.ws, rect: cellRect(f.cell) }));
    found = formulas.filter((f) => !readers.includes(f) && reads(f, targets));
  }
  return readers;
}

/** What a cell holds, for comparing a formula's inputs (a formula by its result). */
const heldValue = (cell: ExcelJS.Cell): unknown => (isFormula(cell.value) ? resultOf(cell) : cell.value);

/** The values a formula reads, as one text (to know whether they changed since the file was opened). */
function inputsOf(f: UserFormula): string {
  const parts: string[] = [];
  for (const x of f.reads)
    eachExisting(x.ws, x.rect, (cell) => parts.push(`${x.ws.name}!${cell.address}=${JSON.stringify(heldValue(cell))}`));
  return parts.join('|');
}

/** Store a formula's result in its cell; whether it changed. */
function setResult(cell: ExcelJS.Cell, result: FormulaCell['result']): boolean {
  if (resultOf(cell) === result) return false;
  cell.model = { ...cell.model, result };
  return true;
}

/** Whether a workbook has a formula without a result (one Excel, WPS or LibreOffice must compute). */
function hasUncomputed(wb: ExcelJS.Workbook): boolean {
  let found = false;
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!found && !isMergedSlave(cell) && isFormula(cell.value) && resultOf(cell) === undefined) found = true;
      }),
    );
  return found;
}

export class Recalculator {
  /** The user's formulas reading our tables when the file was opened: their inputs and result then. */
  private readonly opened = new Map<string, { inputs: string; result: FormulaCell['result'] }>();

  constructor(private readonly wb: ExcelJS.Workbook) {
    // before the first run: a total the file held stale, recomputed now, is a changed input
    for (const f of readersOfTables(wb, placedTables(wb))) this.opened.set(f.key, { inputs: inputsOf(f), result: resultOf(f.cell) });
    this.run();
  }

  /** Recompute (see the top of this file). Returns how many cached results changed. */
  run(): number {
    const tables = placedTables(this.wb);
    let ev = new Evaluator(this.wb);
    let changed = 0;
    for (const { ws, rect } of tables)
      eachExisting(ws, rect, (cell) => {
        const n = !isMergedSlave(cell) && isFormula(cell.value) ? ev.value(ws, cell) : null;
        if (n !== null && setResult(cell, n)) changed++;
      });
    const readers = readersOfTables(this.wb, tables);
    // a result dropped or put back changes what the formulas after it read: again, at most as deep as the chain
    for (let pass = 0, again = true; again && pass <= readers.length; pass++) {
      again = false;
      ev = new Evaluator(this.wb);
      for (const f of readers) {
        const n = ev.value(f.ws, f.cell);
        const first = this.opened.get(f.key);
        const result = n ?? (first && inputsOf(f) === first.inputs ? first.result : undefined);
        if (setResult(f.cell, result)) {
          changed++;
          again = true;
        }
      }
    }
    if (hasUncomputed(this.wb)) this.wb.calcProperties.fullCalcOnLoad = true;
    return changed;
  }
}
