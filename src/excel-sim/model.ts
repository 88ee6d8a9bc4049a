/**
 * Workbook state of the Excel simulator: plain JSON-serialisable data plus the pure operations on it
 * (cell input, display text, structural insert/delete with reference adjustment, sheet rename/removal).
 * Rows and columns are 0-based; rectangles are inclusive.
 */
import { MAX_COLS, MAX_ROWS } from '../report/a1';
import { cellKey, formatAddress, isValidFormula, looksNumeric, mapRefs, numText, parseKey, shiftRef, ERROR_CODES } from './formula';
import type { Ref } from './formula';

export type CellValue = number | string | boolean | null;
export type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'DiagonalDown' | 'DiagonalUp';
export interface BorderState {
  style: string;
  color: string;
  weight: string;
}
export interface FillState {
  color: string | null;
  pattern: 'None' | 'Solid';
}
export interface FontState {
  bold: boolean;
  color: string;
  name?: string;
  size?: number;
}

export interface CellState {
  /** Constant or last computed value; '' when empty (as Excel returns); error values are strings like '#REF!'. */
  value: CellValue;
  /** Present for formula cells; always starts with '='. */
  formula?: string;
  numberFormat: string;
  fill: FillState;
  font: FontState;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Per-cell edges. Range-level InsideHorizontal/InsideVertical map onto the cells' bottom/right (and mirrored) edges;
   *  the diagonals are the cell's own (not shared with a neighbour). */
  borders: Partial<Record<Edge, BorderState>>;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ValidationState {
  range: Rect;
  /** Excel.DataValidationRule shape with formulas normalised to '=…' strings, e.g. {wholeNumber: {formula1: '=0', operator: 'GreaterThan'}}. */
  rule: Record<string, Record<string, unknown>>;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

export interface CondFormatState {
  id: string;
  range: Rect;
  type: 'Custom';
  /** Formula written for the top-left cell of `range`; relative refs move for the other cells. */
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** Keyed by cellKey(row, col) = "row,col". */
  cells: Record<string, CellState>;
  merges: Rect[];
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  defaultColWidth: number;
  defaultRowHeight: number;
  validations: ValidationState[];
  conditionalFormats: CondFormatState[];
  /** Notes keyed by cellKey. */
  notes: Record<string, string>;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface WorkbookState {
  /** In tab order (position = index). */
  sheets: SheetState[];
  names: NameState[];
  settings: Record<string, unknown>;
  activeSheetId: string;
  /** The active area (`rect`), and every area of a multi-area selection (`areas`, when more than one). */
  selection: { sheetId: string; rect: Rect; areas?: Rect[] };
  nextId: number;
  /** Application.calculationMode: in 'Manual' nothing recalculates until Application.calculate (F9). */
  calculationMode?: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
}

/** The error the simulator throws; shaped like OfficeExtension.Error (code, message, debugInfo). */
export class SimError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message?: string,
    errorLocation?: string,
  ) {
    super(message ?? DEFAULT_MESSAGES[code] ?? code);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message: this.message, errorLocation };
  }
}
const DEFAULT_MESSAGES: Record<string, string> = {
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource already exists.',
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidReference: "This reference isn't valid for the current operation.",
  NotImplemented: 'The requested feature is not implemented in the simulator.',
  GeneralException: 'There was an internal error while processing the request.',
};

export const DEFAULT_FONT = { name: 'Calibri', size: 11 };
export const newCell = (): CellState => ({
  value: '',
  numberFormat: 'General',
  fill: { color: null, pattern: 'None' },
  font: { bold: false, color: '#000000' },
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  borders: {},
});
const FORMAT_KEYS = ['numberFormat', 'fill', 'font', 'wrapText', 'horizontalAlignment', 'verticalAlignment', 'borders'] as const;
const DEFAULT_FORMAT = JSON.stringify(FORMAT_KEYS.map((k) => newCell()[k]));
export const hasDefaultFormat = (c: CellState): boolean => JSON.stringify(FORMAT_KEYS.map((k) => c[k])) === DEFAULT_FORMAT;
export function copyFormat(from: CellState, to: CellState): void {
  const src = JSON.parse(JSON.stringify(FORMAT_KEYS.map((k) => from[k])));
  FORMAT_KEYS.forEach((k, i) => ((to as unknown as Record<string, unknown>)[k] = src[i]));
}
export const isEmptyCell = (c: CellState | undefined): boolean => !c || (c.formula === undefined && (c.value === '' || c.value === null));

export function newSheet(state: WorkbookState, name: string): SheetState {
  return {
    id: `{sheet-${state.nextId++}}`,
    name,
    visibility: 'Visible',
    protected: false,
    cells: {},
    merges: [],
    colWidths: {},
    rowHeights: {},
    defaultColWidth: 48,
    defaultRowHeight: 15,
    validations: [],
    conditionalFormats: [],
    notes: {},
  };
}

export function createWorkbookState(sheetNames: string[] = ['Sheet1']): WorkbookState {
  const state: WorkbookState = {
    sheets: [],
    names: [],
    settings: {},
    activeSheetId: '',
    selection: { sheetId: '', rect: { r0: 0, c0: 0, r1: 0, c1: 0 } },
    nextId: 1,
  };
  for (const n of sheetNames.length ? sheetNames : ['Sheet1']) state.sheets.push(newSheet(state, n));
  state.activeSheetId = state.selection.sheetId = state.sheets[0].id;
  return state;
}

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The text of a value passed to the API where Excel takes text: a string as it is, a number or logical as its text,
 *  null/undefined as '', anything else as the JSON office-js would have sent. */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v === null || v === undefined) return '';
  return JSON.stringify(v) ?? '';
}
export const findSheet = (state: WorkbookState, name: string): SheetState | undefined => state.sheets.find((s) => sameName(s.name, name));
export function sheetById(state: WorkbookState, id: string): SheetState {
  const s = state.sheets.find((x) => x.id === id);
  if (!s) throw new SimError('ItemNotFound');
  return s;
}
export function ensureCell(sheet: SheetState, r: number, c: number): CellState {
  return (sheet.cells[cellKey(r, c)] ??= newCell());
}
export const cellAt = (sheet: SheetState, r: number, c: number): CellState => sheet.cells[cellKey(r, c)] ?? newCell();

// ---------------------------------------------------------------------------------------------------------------
// Cell input and display
// ---------------------------------------------------------------------------------------------------------------

/**
 * Applies a value the way Excel applies typed input or `range.values`: '=…' is a formula, and so is text that
 * starts with '+' or '-' and is not a number (Excel takes "-A1" as "=-A1"; "-某某局" is a formula Excel cannot
 * read, so it is refused); numeric text is a number; a leading apostrophe keeps the rest as text.
 */
export function inputToCell(cell: CellState, v: unknown): void {
  const asFormula =
    typeof v === 'string' &&
    cell.numberFormat !== '@' &&
    v.length > 1 &&
    (v.startsWith('=') || ((v.startsWith('+') || v.startsWith('-')) && !looksNumeric(v)));
  if (asFormula) {
    const f = v.startsWith('=') ? v : `=${v}`;
    if (!isValidFormula(f)) throw new SimError('InvalidArgument', `The formula '${f}' is not valid.`);
    cell.formula = f;
    return;
  }
  delete cell.formula;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SimError('InvalidArgument');
    cell.value = v;
  } else if (typeof v === 'boolean') cell.value = v;
  else if (typeof v === 'string') {
    if (cell.numberFormat === '@') cell.value = v;
    else if (v.startsWith("'")) cell.value = v.slice(1);
    else if (looksNumeric(v)) cell.value = Number(v);
    else if (/^(true|false)$/i.test(v)) cell.value = v.toUpperCase() === 'TRUE';
    else cell.value = v;
  } else throw new SimError('InvalidArgument');
}

export function valueType(cell: CellState | undefined): string {
  if (isEmptyCell(cell)) return 'Empty';
  const v = cell!.value;
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return typeof v === 'string' && ERROR_CODES.includes(v) ? 'Error' : 'String';
}

/** Display text of a value under a number format (General, 0, 0.00, #,##0, #,##0.00, 0%, 0.0%, @; first section only). */
export function formatText(value: CellValue, numberFormat = 'General'): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return value ?? '';
  const m = /^(#,##)?0(?:\.(0+))?(%)?$/.exec(numberFormat.split(';')[0].trim());
  if (!m) return numberFormat === '@' ? numText(value) : numText(Number(value.toPrecision(11)));
  const n = m[3] ? value * 100 : value;
  const digits = m[2]?.length ?? 0;
  let s = Math.abs(n).toFixed(digits);
  if (m[1]) s = s.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  return (n < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : '') + s + (m[3] ? '%' : '');
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
  pink: '#FFC0CB',
  lightgray: '#D3D3D3',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  lightyellow: '#FFFFE0',
  darkred: '#8B0000',
  darkgreen: '#006400',
};
/** '#RRGGBB' (upper case) for '#rgb', '#rrggbb', 'rrggbb' or a common HTML colour name; null if unrecognised. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().toLowerCase();
  if (NAMED_COLORS[s]) return NAMED_COLORS[s];
  const hex = s.replace(/^#/, '');
  if (/^[0-9a-f]{6}$/.test(hex)) return '#' + hex.toUpperCase();
  if (/^#[0-9a-f]{3}$/.test(s))
    return (
      '#' +
      [...hex]
        .map((ch) => ch + ch)
        .join('')
        .toUpperCase()
    );
  return null;
}

export const validSheetName = (n: unknown): n is string =>
  typeof n === 'string' && n.length > 0 && n.length <= 31 && !/[[\]:*?/\\]/.test(n) && !/^'|'$/.test(n) && !sameName(n, 'History');

/** Defined-name rules: starts with a letter, '_' or '\', no spaces or operators, not a cell reference or R/C. */
export const validDefinedName = (n: unknown): n is string =>
  typeof n === 'string' &&
  n.length <= 255 &&
  /^[A-Za-z_\\\u00A0-\uFFFF][\w.\\\u00A0-\uFFFF]*$/.test(n) &&
  !/^[A-Za-z]{1,3}\d+$/.test(n) &&
  !/^[RrCc]$|^[Rr]\d*[Cc]\d*$/.test(n) &&
  !/^(TRUE|FALSE)$/i.test(n);

// ---------------------------------------------------------------------------------------------------------------
// Rectangles
// ---------------------------------------------------------------------------------------------------------------

export const rectSize = (r: Rect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
export const intersects = (a: Rect, b: Rect): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
export const containsRect = (outer: Rect, inner: Rect): boolean =>
  inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
export function intersection(a: Rect, b: Rect): Rect | null {
  return intersects(a, b)
    ? { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) }
    : null;
}
export const boundingRect = (a: Rect, b: Rect): Rect => ({
  r0: Math.min(a.r0, b.r0),
  c0: Math.min(a.c0, b.c0),
  r1: Math.max(a.r1, b.r1),
  c1: Math.max(a.c1, b.c1),
});

/** Iterates the positions of a rectangle, or only its existing cells when the rectangle is huge (whole rows/columns). */
export function forEachPos(sheet: SheetState, rect: Rect, fn: (r: number, c: number) => void, hugeLimit = 200_000): void {
  if (rectSize(rect) <= hugeLimit) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(r, c);
    return;
  }
  for (const k of Object.keys(sheet.cells)) {
    const [r, c] = parseKey(k);
    if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) fn(r, c);
  }
}

/** Bounding rectangle of cells with content (and, unless valuesOnly, non-default formats); null for an empty sheet. */
export function usedRect(sheet: SheetState, valuesOnly = false): Rect | null {
  let out: Rect | null = null;
  for (const [k, cell] of Object.entries(sheet.cells)) {
    if (isEmptyCell(cell) && (valuesOnly || hasDefaultFormat(cell))) continue;
    const [r, c] = parseKey(k);
    const one = { r0: r, c0: c, r1: r, c1: c };
    out = out ? boundingRect(out, one) : one;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Structural changes
// ---------------------------------------------------------------------------------------------------------------

/** Maps the formulas of a conditional format or data validation in place. */
function mapItemFormulas(x: CondFormatState | ValidationState, fn: (f: string) => string): void {
  if ('formula' in x) {
    x.formula = fn(x.formula);
    return;
  }
  for (const part of Object.values(x.rule)) {
    for (const k of ['formula1', 'formula2', 'source', 'formula']) if (typeof part[k] === 'string') part[k] = fn(part[k]);
  }
}

/** Calls `fn` for every formula in the workbook (cells, names and, unless `ranged` is false, conditional formats and validations). */
export function rewriteAllFormulas(state: WorkbookState, fn: (formula: string, homeSheet: string) => string, ranged = true): void {
  for (const sheet of state.sheets) {
    for (const cell of Object.values(sheet.cells)) if (cell.formula !== undefined) cell.formula = fn(cell.formula, sheet.name);
    if (!ranged) continue;
    for (const x of [...sheet.conditionalFormats, ...sheet.validations]) mapItemFormulas(x, (f) => fn(f, sheet.name));
  }
  for (const n of state.names) n.formula = fn(n.formula, '');
}

const rewriteRefs = (state: WorkbookState, fn: (sheetName: string, ref: Ref) => Ref | null) =>
  rewriteAllFormulas(state, (f, home) => mapRefs(f, home, fn));

export function renameSheet(state: WorkbookState, sheet: SheetState, newName: unknown): void {
  if (!validSheetName(newName)) throw new SimError('InvalidArgument', `The sheet name '${textOf(newName)}' is not valid.`);
  if (sameName(newName, sheet.name)) {
    sheet.name = newName;
    return;
  }
  if (findSheet(state, newName)) throw new SimError('ItemAlreadyExists', `A sheet named '${newName}' already exists.`);
  const old = sheet.name;
  rewriteRefs(state, (_s, ref) => (ref.sheet !== undefined && sameName(ref.sheet, old) ? { ...ref, sheet: newName } : ref));
  sheet.name = newName;
}

export function removeSheet(state: WorkbookState, sheet: SheetState): void {
  if (state.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
    throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
  }
  rewriteRefs(state, (_s, ref) => (ref.sheet !== undefined && sameName(ref.sheet, sheet.name) ? null : ref));
  const i = state.sheets.indexOf(sheet);
  state.sheets.splice(i, 1);
  if (state.activeSheetId === sheet.id) {
    const next =
      state.sheets.slice(Math.max(0, i - 1)).find((s) => s.visibility === 'Visible') ??
      state.sheets.find((s) => s.visibility === 'Visible')!;
    state.activeSheetId = next.id;
  }
  if (state.selection.sheetId === sheet.id) state.selection = { sheetId: state.activeSheetId, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
}

/** The geometry of one insert/delete: which band of `rect` moves along which axis, and where things go. */
interface Shift {
  /** true: rows move (shift Down/Up); false: columns move (shift Right/Left). */
  R: boolean;
  insert: boolean;
  /** Grid size along the axis. */
  limit: number;
  /** First line inserted/deleted, their count and the last one. */
  at: number;
  n: number;
  end: number;
  /** The band across the axis (columns b0..b1 when rows move). */
  b0: number;
  b1: number;
  /** The band spans the whole grid across the axis (whole rows or whole columns). */
  wholeLines: boolean;
}

function shiftOf(rect: Rect, axis: 'row' | 'col', insert: boolean): Shift {
  const R = axis === 'row';
  const at = R ? rect.r0 : rect.c0;
  const n = R ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
  const [b0, b1] = R ? [rect.c0, rect.c1] : [rect.r0, rect.r1];
  return {
    R,
    insert,
    limit: R ? MAX_ROWS : MAX_COLS,
    at,
    n,
    end: at + n - 1,
    b0,
    b1,
    wholeLines: b0 === 0 && b1 === (R ? MAX_COLS : MAX_ROWS) - 1,
  };
}

/** New position of a coordinate along the axis; null when deleted. */
function movePos(s: Shift, p: number): number | null {
  if (s.insert) return p >= s.at ? p + s.n : p;
  return p < s.at ? p : p > s.end ? p - s.n : null;
}

/** Where a rectangle goes: itself when untouched, undefined when it straddles the band (not moved), null when deleted. */
function moveRect(s: Shift, r: Rect): Rect | null | undefined {
  const [o0, o1] = s.R ? [r.c0, r.c1] : [r.r0, r.r1];
  const [p0, p1] = s.R ? [r.r0, r.r1] : [r.c0, r.c1];
  if (o1 < s.b0 || o0 > s.b1 || p1 < s.at || (p0 === 0 && p1 === s.limit - 1)) return r;
  if (o0 < s.b0 || o1 > s.b1) return undefined;
  let q0: number, q1: number;
  if (s.insert) [q0, q1] = [p0 >= s.at ? p0 + s.n : p0, Math.min(p1 + s.n, s.limit - 1)];
  else {
    if (p0 >= s.at && p1 <= s.end) return null;
    [q0, q1] = [p0 < s.at ? p0 : p0 > s.end ? p0 - s.n : s.at, p1 > s.end ? p1 - s.n : s.at - 1];
  }
  return s.R ? { ...r, r0: q0, r1: q1 } : { ...r, c0: q0, c1: q1 };
}

/** Moves the entries of a map keyed by cellKey (cells, notes); entries pushed off the grid or deleted are dropped. */
function moveKeyed<T>(s: Shift, map: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(map)) {
    const [r, c] = parseKey(k);
    const [p, o] = s.R ? [r, c] : [c, r];
    if (o < s.b0 || o > s.b1) {
      out[k] = v;
      continue;
    }
    const q = movePos(s, p);
    if (q !== null && q < s.limit) out[s.R ? cellKey(q, c) : cellKey(r, q)] = v;
  }
  return out;
}

/** Moves the merges; one straddling the band makes the operation fail, as in Excel. */
function shiftMerges(sheet: SheetState, s: Shift): void {
  const merges: Rect[] = [];
  for (const m of sheet.merges) {
    const moved = moveRect(s, m);
    if (moved === undefined)
      throw new SimError('InvalidOperation', "This operation can't be performed because it would move part of a merged cell.");
    if (moved && rectSize(moved) > 1) merges.push(moved);
  }
  sheet.merges = merges;
}

/** Like Excel, inserted cells take the formatting of the cells above / to the left (`before` = the cells before the move). */
function formatInserted(sheet: SheetState, before: Record<string, CellState>, s: Shift): void {
  if (!s.insert || s.at === 0) return;
  for (const [k, cell] of Object.entries(before)) {
    const [r, c] = parseKey(k);
    const [p, o] = s.R ? [r, c] : [c, r];
    if (p !== s.at - 1 || o < s.b0 || o > s.b1 || hasDefaultFormat(cell)) continue;
    for (let q = s.at; q <= s.end; q++) copyFormat(cell, ensureCell(sheet, s.R ? q : r, s.R ? c : q));
  }
}

/** Row heights or column widths move with whole rows or columns. */
function shiftLineSizes(sheet: SheetState, s: Shift): void {
  if (!s.wholeLines) return;
  const sizes = s.R ? sheet.rowHeights : sheet.colWidths;
  const moved: Record<number, number> = {};
  for (const [k, v] of Object.entries(sizes)) {
    const q = movePos(s, Number(k));
    if (q !== null && q < s.limit) moved[q] = v;
  }
  if (s.R) sheet.rowHeights = moved;
  else sheet.colWidths = moved;
}

type RefAdjust = (sheetName: string, ref: Ref) => Ref | null;

/**
 * Conditional formats and validations of every sheet: those on the shifted sheet move (or go, when deleted). Their
 * formulas are written for the top-left cell of their range, so same-sheet references that are relative along the
 * shifted axis follow the range's anchor; other references are adjusted like any formula's.
 */
function shiftRangedItems(state: WorkbookState, sheet: SheetState, s: Shift, adjust: RefAdjust): void {
  const relativeAlongAxis = (ref: Ref) => (s.R ? !ref.abs[0] && !ref.abs[2] : !ref.abs[1] && !ref.abs[3]);
  for (const other of state.sheets) {
    const move = <T extends CondFormatState | ValidationState>(list: T[]): T[] =>
      list.flatMap((x) => {
        const moved = other === sheet ? moveRect(s, x.range) : x.range;
        if (moved === null) return [];
        const y: T = JSON.parse(JSON.stringify(x));
        y.range = moved ?? x.range;
        const dr = y.range.r0 - x.range.r0,
          dc = y.range.c0 - x.range.c0;
        mapItemFormulas(y, (f) =>
          mapRefs(f, other.name, (sn, ref) =>
            other === sheet && sameName(sn, sheet.name) && relativeAlongAxis(ref) ? shiftRef(ref, dr, dc) : adjust(sn, ref),
          ),
        );
        return [y];
      });
    other.validations = move(other.validations);
    other.conditionalFormats = move(other.conditionalFormats);
  }
}

/**
 * Inserts (shift Down/Right) or deletes (shift Up/Left) the cells of `rect` on `sheet`, like Excel: cells, notes,
 * row heights/column widths, merges, validations and conditional formats move; every formula and defined name that
 * refers to moved cells is adjusted, references to deleted cells become #REF!. axis 'row' = shift Down/Up.
 * Objects straddling the shifted band are left alone, except merges, which make the operation fail like Excel.
 */
export function shiftCells(state: WorkbookState, sheet: SheetState, rect: Rect, axis: 'row' | 'col', insert: boolean): void {
  const s = shiftOf(rect, axis, insert);
  shiftMerges(sheet, s);
  const before = sheet.cells;
  sheet.cells = moveKeyed(s, before);
  formatInserted(sheet, before, s);
  sheet.notes = moveKeyed(s, sheet.notes);
  shiftLineSizes(sheet, s);
  const adjust: RefAdjust = (sheetName, ref) => {
    if (!sameName(sheetName, sheet.name)) return ref;
    const moved = moveRect(s, ref.rect);
    return moved === undefined || moved === ref.rect ? ref : moved && { ...ref, rect: moved };
  };
  rewriteAllFormulas(state, (f, home) => mapRefs(f, home, adjust), false);
  shiftRangedItems(state, sheet, s, adjust);
}

/** Sheet-qualified A1 address of a rectangle, e.g. `'2025年报表格'!A1:J28`. */
export const addressOf = (sheet: SheetState, rect: Rect, absolute = false): string => formatAddress(sheet.name, rect, absolute);
