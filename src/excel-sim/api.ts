/**
 * Proxy objects that mimic the Excel JavaScript API (office-js) over a WorkbookState.
 *
 * One mechanism for everything: every proxy is a ClientObject with a lazy *resolver* (bound to a concrete target —
 * a sheet id, a range rectangle, a name… — the first time a queued operation needs it). Property writes, method
 * calls and `load(...)` only queue operations; `context.sync()` runs the queue in order. Loaded values are committed
 * to the proxies only when the whole batch succeeded.
 *
 * Deliberate simplification: a batch is atomic. If any queued operation fails, the workbook state is restored to what
 * it was before the sync (real Excel keeps the operations that ran before the failing one) and the sync rejects with
 * a SimError {code, message, debugInfo}.
 */
import {
  addressOf, boundingRect, cellAt, containsRect, copyFormat, DEFAULT_FONT, ensureCell, findSheet, forEachPos,
  inputToCell, intersection, intersects, isEmptyCell, hasDefaultFormat, newCell, newSheet, normalizeColor, rectSize, removeSheet, renameSheet,
  sameName, sheetById, shiftCells, SimError, usedRect, validDefinedName, validSheetName, valueType, formatText,
} from './model';
import type { BorderState, CellState, CondFormatState, Edge, NameState, Rect, SheetState, ValidationState, WorkbookState } from './model';
import { BLANK, cellKey, evaluate, FErr, isValidFormula, MAX_COLS, MAX_ROWS, parseAddress, parseKey, recalc, shiftFormula } from './formula';

/* eslint-disable @typescript-eslint/no-explicit-any */

// ---------------------------------------------------------------------------------------------------------------
// Engine and request context
// ---------------------------------------------------------------------------------------------------------------

/** Shared by every RequestContext of one simulated workbook. */
export class Engine {
  syncCount = 0;
  /** A fault to raise on the next sync: before any of its operations (afterOperations undefined) or after that many. */
  failNext: { code: string; message?: string; afterOperations?: number; sync?: number } | null = null;
  /** Number of operations queued in the last sync (writes, reads and loads alike). */
  lastSyncOperations = 0;
  private readonly listeners = new Set<() => void>();
  constructor(readonly state: WorkbookState) {}
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(): void {
    for (const l of [...this.listeners]) {
      try { l(); } catch (e) { console.error('excel-sim change listener failed', e); }
    }
  }
}

interface Op { loc: string; run: () => void }

export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _commits: Array<() => void> = [];
  /** @internal */ _bindings: ClientObject[] = [];
  /** @internal */ _dirty = false;
  /** @internal */ _mutated = false;

  constructor(readonly _engine: Engine) {
    this.workbook = new Workbook(this, () => 'workbook');
    this.application = this.workbook.application;
  }
  get _state(): WorkbookState { return this._engine.state; }
  /** Recalculates formulas before a read if something was written earlier in the batch. */
  _fresh(): void {
    if (this._dirty) { recalc(this._state); this._dirty = false; }
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    const engine = this._engine;
    engine.syncCount++;
    const queue = this._queue;
    this._queue = [];
    engine.lastSyncOperations = queue.length;
    let fault = engine.failNext;
    if (fault && (fault.sync ?? 1) > 1) {
      engine.failNext = { ...fault, sync: (fault.sync ?? 1) - 1 };
      fault = null;
    } else engine.failNext = null;
    if (fault && fault.afterOperations === undefined) {
      return Promise.reject(new SimError(fault.code, fault.message, 'RequestContext.sync'));
    }
    this._commits = [];
    this._bindings = [];
    this._mutated = false;
    let loc = '';
    try {
      queue.forEach((op, i) => {
        loc = op.loc;
        if (fault && i === fault.afterOperations) throw new SimError(fault.code, fault.message);
        op.run();
      });
      if (fault && fault.afterOperations !== undefined && fault.afterOperations >= queue.length) throw new SimError(fault.code, fault.message);
      this._fresh();
    } catch (e) {
      // Like Excel, a batch is not a transaction: the operations before the failing one stay applied;
      // the failing one and everything after it are dropped, and no loaded value is delivered.
      this._fresh();
      this._dirty = false;
      for (const o of this._bindings) o._unbind();
      if (this._mutated) engine.emit();
      const err = e instanceof SimError ? e : new SimError('GeneralException', e instanceof Error ? e.message : String(e));
      err.debugInfo.errorLocation ??= loc;
      return Promise.reject(err);
    }
    for (const c of this._commits) c();
    if (this._mutated) engine.emit();
    return Promise.resolve(passThroughValue as T);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The shared proxy mechanism
// ---------------------------------------------------------------------------------------------------------------

interface PropDef { get: (t: any, o: any) => unknown; set?: (t: any, v: any, o: any) => void }
type LoadTree = Map<string, LoadTree>;

export function propertyNotLoaded(prop: string): SimError {
  return new SimError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

function toTree(spec: unknown): LoadTree {
  const tree: LoadTree = new Map();
  const add = (path: string) => {
    let t = tree;
    for (const seg of path.split('/').map((s) => s.trim()).filter(Boolean)) {
      if (!t.has(seg)) t.set(seg, new Map());
      t = t.get(seg)!;
    }
  };
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'select' || k === 'expand') && typeof v === 'string') v.split(',').forEach((p) => add(prefix + p));
      else if (v === true) add(prefix + k);
      else if (v && typeof v === 'object' && !k.startsWith('$')) { add(prefix + k); walk(v as Record<string, unknown>, `${prefix}${k}/`); }
    }
  };
  if (typeof spec === 'string') spec.split(',').forEach(add);
  else if (Array.isArray(spec)) spec.forEach((s) => add(String(s)));
  else if (spec && typeof spec === 'object') walk(spec as Record<string, unknown>, '');
  return tree;
}

const copy = (v: unknown): any => (Array.isArray(v) ? v.map(copy) : v);
const json = <T>(v: T): T => (v === undefined ? (null as T) : JSON.parse(JSON.stringify(v)));

export class ClientResult<T> {
  /** @internal */ _has = false;
  /** @internal */ _v: T | undefined;
  get value(): T {
    if (!this._has) throw propertyNotLoaded('value');
    return this._v as T;
  }
}

abstract class ClientObject {
  declare _type: string;
  declare _props: Record<string, PropDef>;
  declare _collection: boolean;
  readonly _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined;
  private _binding?: { v: any };
  private _kids?: Record<string, ClientObject>;

  constructor(readonly context: RequestContext, private readonly _resolve: () => any, nullable = false) {
    this._isNull = nullable ? undefined : false;
    // *OrNullObject results are resolved where they were created in the queue and report isNullObject after sync.
    if (nullable) this._queue('', () => { const v = this._t(); this.context._commits.push(() => (this._isNull = v === null)); });
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject');
    return this._isNull;
  }
  get _st(): WorkbookState { return this.context._state; }

  /** The bound target (null for a null object). Resolves and binds on first use during a sync. */
  _t(): any {
    if (!this._binding) {
      this._binding = { v: this._resolve() };
      this.context._bindings.push(this);
    }
    return this._binding.v;
  }
  _unbind(): void { this._binding = undefined; }

  _queue(member: string, run: () => void): void {
    this.context._queue.push({ loc: `${this._type}${member ? '.' + member : ''}`, run });
  }
  /** Queues an operation on the target; skipped on a null object (like office-js). */
  _op(member: string, fn: (t: any) => void, write = true): void {
    this._queue(member, () => {
      const t = this._t();
      if (t === null) return;
      fn(t);
      if (write) this.context._dirty = this.context._mutated = true;
    });
  }
  /** Queues a computation whose value is available as `.value` after sync. */
  _result<T>(member: string, fn: (t: any) => T): ClientResult<T> {
    const res = new ClientResult<T>();
    this._queue(member, () => {
      this.context._fresh();
      const t = this._t();
      const v = t === null ? (null as T) : fn(t);
      this.context._commits.push(() => { res._v = v; res._has = true; });
    });
    return res;
  }
  _child<T extends ClientObject>(name: string, make: () => T): T {
    this._kids ??= {};
    return (this._kids[name] ??= make()) as T;
  }
  _items(_t: any): ClientObject[] { return []; }

  _get(name: string): unknown {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name);
  }
  _setProp(name: string, value: unknown): void {
    const def = this._props[name];
    if (!def.set) throw new TypeError(`Cannot set the read-only property '${name}' of ${this._type}.`);
    const v = copy(value);
    this._loaded.set(name, v);
    this._op(name, (t) => def.set!(t, v, this));
  }

  load(spec?: unknown): this {
    const tree = toTree(spec);
    this._queue('load', () => this._load(tree));
    return this;
  }
  _load(tree: LoadTree): void {
    this.context._fresh();
    const t = this._t();
    const commits = this.context._commits;
    if (this._collection) {
      const itemTree: LoadTree = new Map([...tree].filter(([k]) => k !== 'items'));
      for (const [k, v] of tree.get('items') ?? []) itemTree.set(k, v);
      const items = t === null ? [] : this._items(t);
      for (const item of items) item._load(itemTree);
      commits.push(() => this._loaded.set('items', items));
      return;
    }
    for (const name of tree.size ? [...tree.keys()] : Object.keys(this._props)) {
      if (name === 'isNullObject' || name === 'toJSON') continue;
      const def = this._props[name];
      if (def) {
        const v = t === null ? null : def.get(t, this);
        commits.push(() => this._loaded.set(name, v));
        continue;
      }
      const child = (this as any)[name];
      if (!(child instanceof ClientObject)) throw new SimError('InvalidArgument', `The property '${name}' of ${this._type} cannot be loaded.`);
      child._load(tree.get(name)!);
    }
  }

  set(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props ?? {})) {
      if (this._props[k]) { (this as any)[k] = v; continue; }
      const child = (this as any)[k];
      if (child instanceof ClientObject && v && typeof v === 'object') child.set(v as Record<string, unknown>);
      else throw new SimError('InvalidArgument', `Cannot set '${k}' on ${this._type}.`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = k === 'items' ? (v as ClientObject[]).map((i) => i.toJSON()) : v;
    for (const [k, kid] of Object.entries(this._kids ?? {})) if (kid._loaded.size) out[k] = kid.toJSON();
    return out;
  }
}

/** Installs the scalar properties of a proxy class (getter: loaded value or PropertyNotLoaded; setter: queued write). */
function defineProps(cls: { prototype: any }, type: string, props: Record<string, PropDef>, collection = false): void {
  const proto = cls.prototype;
  proto._type = type;
  proto._props = props;
  proto._collection = collection;
  for (const name of collection ? ['items'] : Object.keys(props)) {
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: ClientObject) { return this._get(name); },
      set(this: ClientObject, v: unknown) { this._setProp(name, v); },
    });
  }
}
const ro = (get: PropDef['get']): PropDef => ({ get });

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers for ranges and formats
// ---------------------------------------------------------------------------------------------------------------

interface RangeT { sheetId: string; rect: Rect }

const HALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];
const DV_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const DV_TYPES: Record<string, string> = { wholeNumber: 'WholeNumber', decimal: 'Decimal', textLength: 'TextLength', date: 'Date', time: 'Time', list: 'List', custom: 'Custom' };
const MISMATCH = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

function oneOf(v: unknown, allowed: string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new SimError('InvalidArgument', `Invalid ${what}: '${String(v)}'.`);
  return v;
}
function colorArg(v: unknown): string {
  const c = normalizeColor(v);
  if (!c) throw new SimError('InvalidArgument', `Invalid color: '${String(v)}'.`);
  return c;
}
function writable(st: WorkbookState, sheetId: string): SheetState {
  const sheet = sheetById(st, sheetId);
  if (sheet.protected) throw new SimError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet. To make a change, unprotect the sheet.');
  return sheet;
}
function checkRect(r: Rect): Rect {
  const ok = Number.isInteger(r.r0) && Number.isInteger(r.c0) && Number.isInteger(r.r1) && Number.isInteger(r.c1)
    && r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS && r.r0 <= r.r1 && r.c0 <= r.c1;
  if (!ok) throw new SimError('InvalidArgument', 'The range is outside the worksheet grid.');
  return r;
}
const cellRect = (r: number, c: number): Rect => ({ r0: r, c0: c, r1: r, c1: c });

/** Resolves 'B3', 'Sheet1!B3:D5', "'My Sheet'!A:A" or a defined name, relative to a default sheet. */
function resolveAddress(st: WorkbookState, defaultSheetId: string, address: unknown): RangeT {
  const text = String(address ?? '').trim();
  const ref = parseAddress(text);
  if (ref) {
    const sheet = ref.sheet !== undefined ? findSheet(st, ref.sheet) : sheetById(st, defaultSheetId);
    if (!sheet) throw new SimError('ItemNotFound', `The worksheet '${ref.sheet}' doesn't exist.`);
    return { sheetId: sheet.id, rect: ref.rect };
  }
  const name = st.names.find((n) => sameName(n.name, text));
  const target = name && nameTarget(st, name);
  if (target) return target;
  throw new SimError('InvalidArgument', `The address '${text}' is not valid.`);
}
function nameTarget(st: WorkbookState, n: NameState): RangeT | null {
  const ref = parseAddress(n.formula.replace(/^=/, ''));
  const sheet = ref?.sheet !== undefined ? findSheet(st, ref.sheet) : undefined;
  return ref && sheet ? { sheetId: sheet.id, rect: ref.rect } : null;
}
function rangeArg(st: WorkbookState, sheetId: string, arg: unknown): RangeT {
  if (arg instanceof Range) {
    const t = arg._t();
    if (!t) throw new SimError('ItemNotFound');
    return t;
  }
  return resolveAddress(st, sheetId, arg);
}

/** 2-D array over a range. */
function grid<T>(st: WorkbookState, t: RangeT, f: (cell: CellState | undefined, r: number, c: number, sheet: SheetState) => T): T[][] {
  const sheet = sheetById(st, t.sheetId);
  const { r0, c0, r1, c1 } = t.rect;
  const out: T[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: T[] = [];
    for (let c = c0; c <= c1; c++) row.push(f(sheet.cells[cellKey(r, c)], r, c, sheet));
    out.push(row);
  }
  return out;
}
/** A format property of a range: the common value, or null when the cells differ (like Excel). */
function uniform(st: WorkbookState, t: RangeT, f: (cell: CellState) => unknown): unknown {
  const sheet = sheetById(st, t.sheetId);
  let first: string | undefined, value: unknown, count = 0, mixed = false;
  const see = (cell: CellState) => {
    const v = f(cell), k = JSON.stringify(v);
    if (first === undefined) { first = k; value = v; } else if (k !== first) mixed = true;
  };
  forEachPos(sheet, t.rect, (r, c) => { count++; see(cellAt(sheet, r, c)); });
  if (count < rectSize(t.rect)) see(newCell());
  return mixed ? null : value;
}
/** Writes each cell of a range of a writable sheet (only the existing cells of whole-row/column ranges). */
function eachCell(st: WorkbookState, t: RangeT, fn: (cell: CellState, r: number, c: number, sheet: SheetState) => void): void {
  const sheet = writable(st, t.sheetId);
  forEachPos(sheet, t.rect, (r, c) => fn(ensureCell(sheet, r, c), r, c, sheet));
}
/** Writes a 2-D input (or a scalar / [[x]] that fills the range) cell by cell; null entries leave cells unchanged. */
function write2D(st: WorkbookState, t: RangeT, input: unknown, apply: (cell: CellState, x: unknown, dr: number, dc: number, filled: boolean) => void): void {
  const sheet = writable(st, t.sheetId);
  const { r0, c0, r1, c1 } = t.rect;
  const rows = r1 - r0 + 1, cols = c1 - c0 + 1;
  let at: (i: number, j: number) => unknown;
  let filled = true;
  if (!Array.isArray(input)) at = () => input;
  else if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) at = () => input[0][0];
  else if (input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols)) { at = (i, j) => input[i][j]; filled = false; }
  else throw new SimError('InvalidArgument', MISMATCH);
  forEachPos(sheet, t.rect, (r, c) => {
    const x = at(r - r0, c - c0);
    if (x !== null && x !== undefined) apply(ensureCell(sheet, r, c), x, r - r0, c - c0, filled);
  });
}
const writeInput = (cell: CellState, x: unknown, dr: number, dc: number, filled: boolean) =>
  inputToCell(cell, filled && typeof x === 'string' ? shiftFormula(x, dr, dc) : x);

function setFont(cell: CellState, key: string, v: unknown): void {
  if (key === 'bold') cell.font.bold = Boolean(v);
  else if (key === 'color') cell.font.color = colorArg(v);
  else if (key === 'name') {
    if (typeof v !== 'string' || !v) throw new SimError('InvalidArgument', 'Invalid font name.');
    cell.font.name = v;
  } else {
    if (typeof v !== 'number' || !(v > 0 && v <= 409)) throw new SimError('InvalidArgument', 'Invalid font size.');
    cell.font.size = v;
  }
}
const fontValue = (cell: CellState, key: string): unknown =>
  key === 'name' ? cell.font.name ?? DEFAULT_FONT.name : key === 'size' ? cell.font.size ?? DEFAULT_FONT.size : (cell.font as any)[key];

const OPPOSITE: Record<Edge, [Edge, number, number]> = {
  EdgeTop: ['EdgeBottom', -1, 0], EdgeBottom: ['EdgeTop', 1, 0], EdgeLeft: ['EdgeRight', 0, -1], EdgeRight: ['EdgeLeft', 0, 1],
};
/** Sets one edge of a cell and mirrors it onto the neighbour's opposite edge (borders are shared in Excel). */
function setBorder(sheet: SheetState, r: number, c: number, edge: Edge, patch: Partial<BorderState>): void {
  if (patch.style !== undefined) oneOf(patch.style, BORDER_STYLES, 'border style');
  if (patch.weight !== undefined) oneOf(patch.weight, BORDER_WEIGHTS, 'border weight');
  const color = patch.color !== undefined ? colorArg(patch.color) : undefined;
  const cur = ensureCell(sheet, r, c).borders[edge];
  const next: BorderState | undefined = patch.style === 'None' ? undefined
    : { style: patch.style ?? cur?.style ?? 'Continuous', color: color ?? cur?.color ?? '#000000', weight: patch.weight ?? cur?.weight ?? 'Thin' };
  const [opp, dr, dc] = OPPOSITE[edge];
  const targets: Array<[number, number, Edge]> = [[r, c, edge]];
  if (r + dr >= 0 && r + dr < MAX_ROWS && c + dc >= 0 && c + dc < MAX_COLS) targets.push([r + dr, c + dc, opp]);
  for (const [rr, cc, e] of targets) {
    const cell = ensureCell(sheet, rr, cc);
    if (next) cell.borders[e] = { ...next }; else delete cell.borders[e];
  }
}
/** The cells and per-cell edge that make up a range-level border index. */
function borderCells(rect: Rect, index: string): { rect: Rect; edge: Edge } | null {
  switch (index) {
    case 'EdgeTop': return { rect: { ...rect, r1: rect.r0 }, edge: 'EdgeTop' };
    case 'EdgeBottom': return { rect: { ...rect, r0: rect.r1 }, edge: 'EdgeBottom' };
    case 'EdgeLeft': return { rect: { ...rect, c1: rect.c0 }, edge: 'EdgeLeft' };
    case 'EdgeRight': return { rect: { ...rect, c0: rect.c1 }, edge: 'EdgeRight' };
    case 'InsideHorizontal': return rect.r0 === rect.r1 ? null : { rect: { ...rect, r1: rect.r1 - 1 }, edge: 'EdgeBottom' };
    default: return rect.c0 === rect.c1 ? null : { rect: { ...rect, c1: rect.c1 - 1 }, edge: 'EdgeRight' };
  }
}

/** Everything getCellProperties can return for one cell. */
function cellProperties(sheet: SheetState, r: number, c: number): Record<string, any> {
  const cell = cellAt(sheet, r, c);
  const border = (e: Edge) => ({ style: cell.borders[e]?.style ?? 'None', color: cell.borders[e]?.color ?? '#000000', weight: cell.borders[e]?.weight ?? 'Thin', tintAndShade: 0 });
  const address = addressOf(sheet, cellRect(r, c));
  return {
    address, addressLocal: address, hidden: false, style: 'Normal',
    format: {
      fill: { color: cell.fill.color ?? '#FFFFFF', pattern: cell.fill.pattern, tintAndShade: 0 },
      font: { bold: cell.font.bold, color: cell.font.color, name: fontValue(cell, 'name'), size: fontValue(cell, 'size'), italic: false },
      wrapText: cell.wrapText, horizontalAlignment: cell.horizontalAlignment, verticalAlignment: cell.verticalAlignment,
      borders: { top: border('EdgeTop'), bottom: border('EdgeBottom'), left: border('EdgeLeft'), right: border('EdgeRight') },
    },
  };
}
/** The requested part of cellProperties(); border options are flat in office-js ({style: true} applies to every side). */
function pick(obj: Record<string, any>, spec: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(spec ?? {})) {
    if (!v || !(k in obj)) continue;
    if (v === true || typeof obj[k] !== 'object') out[k] = json(obj[k]);
    else if (k === 'borders') out[k] = Object.fromEntries(Object.entries(obj[k]).map(([side, b]) => [side, pick(b as Record<string, any>, v)]));
    else out[k] = pick(obj[k], v);
  }
  return out;
}
function applyCellFormat(sheet: SheetState, r: number, c: number, f: Record<string, any> | undefined): void {
  if (!f) return;
  const cell = ensureCell(sheet, r, c);
  if (f.fill?.pattern === 'None') cell.fill = { color: null, pattern: 'None' };
  if (f.fill?.color !== undefined && f.fill?.color !== null) cell.fill = { color: colorArg(f.fill.color), pattern: 'Solid' };
  for (const k of ['bold', 'color', 'name', 'size']) if (f.font?.[k] !== undefined && f.font?.[k] !== null) setFont(cell, k, f.font[k]);
  if (f.wrapText !== undefined && f.wrapText !== null) cell.wrapText = Boolean(f.wrapText);
  if (f.horizontalAlignment) cell.horizontalAlignment = oneOf(f.horizontalAlignment, HALIGN, 'horizontalAlignment');
  if (f.verticalAlignment) cell.verticalAlignment = oneOf(f.verticalAlignment, VALIGN, 'verticalAlignment');
  const sides: Record<string, Edge> = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight' };
  for (const [side, edge] of Object.entries(sides)) if (f.borders?.[side]) setBorder(sheet, r, c, edge, f.borders[side]);
}

/** Column widths / row heights of a span: the common size or null. */
function lineSize(sizes: Record<number, number>, dflt: number, a: number, b: number): number | null {
  const vals = new Set<number>();
  let n = 0;
  for (const [k, v] of Object.entries(sizes)) if (Number(k) >= a && Number(k) <= b) { vals.add(v); n++; }
  if (n < b - a + 1) vals.add(dflt);
  return vals.size === 1 ? [...vals][0] : null;
}
function setLineSize(sheet: SheetState, axis: 'row' | 'col', a: number, b: number, v: unknown): void {
  if (typeof v !== 'number' || v < 0) throw new SimError('InvalidArgument', 'Invalid size.');
  const whole = a === 0 && b === (axis === 'row' ? MAX_ROWS : MAX_COLS) - 1;
  if (axis === 'row') { if (whole) { sheet.defaultRowHeight = v; sheet.rowHeights = {}; } else for (let i = a; i <= b; i++) sheet.rowHeights[i] = v; }
  else if (whole) { sheet.defaultColWidth = v; sheet.colWidths = {}; } else for (let i = a; i <= b; i++) sheet.colWidths[i] = v;
}

/** Removes `rect` from ranged items (validations, conditional formats), splitting them; split pieces re-anchor formulas. */
function removeArea<T extends { range: Rect }>(list: T[], rect: Rect, reanchor: (x: T, piece: Rect) => T): T[] {
  return list.flatMap((x) => {
    const cut = intersection(x.range, rect);
    if (!cut) return [x];
    const { r0, c0, r1, c1 } = x.range;
    const pieces: Rect[] = [];
    if (cut.r0 > r0) pieces.push({ r0, c0, r1: cut.r0 - 1, c1 });
    if (cut.r1 < r1) pieces.push({ r0: cut.r1 + 1, c0, r1, c1 });
    if (cut.c0 > c0) pieces.push({ r0: cut.r0, c0, r1: cut.r1, c1: cut.c0 - 1 });
    if (cut.c1 < c1) pieces.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1 });
    return pieces.map((p) => reanchor(x, p));
  });
}
const shiftAll = (f: unknown, x: Rect, p: Rect) => (typeof f === 'string' ? shiftFormula(f, p.r0 - x.r0, p.c0 - x.c0) : f);
const reanchorDv = (v: ValidationState, p: Rect): ValidationState => {
  const y: ValidationState = json(v);
  for (const part of Object.values(y.rule)) for (const k of ['formula1', 'formula2', 'formula']) if (k in part) part[k] = shiftAll(part[k], v.range, p);
  return { ...y, range: p };
};

// ---------------------------------------------------------------------------------------------------------------
// Workbook, application, worksheets
// ---------------------------------------------------------------------------------------------------------------

class Workbook extends ClientObject {
  get worksheets(): WorksheetCollection { return this._child('worksheets', () => new WorksheetCollection(this.context, () => 'workbook')); }
  get names(): NamedItemCollection { return this._child('names', () => new NamedItemCollection(this.context, () => 'workbook')); }
  get settings(): SettingCollection { return this._child('settings', () => new SettingCollection(this.context, () => 'workbook')); }
  get notes(): NoteCollection { return this._child('notes', () => new NoteCollection(this.context, () => '')); }
  get application(): Application { return this._child('application', () => new Application(this.context, () => 'workbook')); }
  getSelectedRange(): Range { return new Range(this.context, () => json(this._st.selection)); }
  getActiveCell(): Range {
    return new Range(this.context, () => { const s = this._st.selection; return { sheetId: s.sheetId, rect: cellRect(s.rect.r0, s.rect.c0) }; });
  }
}
defineProps(Workbook, 'Workbook', { name: ro(() => 'Book1') });

class Application extends ClientObject {
  suspendApiCalculationUntilNextSync(): void { /* formulas are always recalculated at sync */ }
  suspendScreenUpdatingUntilNextSync(): void { /* no screen */ }
  calculate(_type?: string): void { this._op('calculate', () => undefined); }
}
defineProps(Application, 'Application', { calculationMode: ro(() => 'Automatic') });

class WorksheetCollection extends ClientObject {
  override _items(): ClientObject[] { return this._st.sheets.map((s) => new Worksheet(this.context, () => s.id)); }
  private _find(key: string, nullable: boolean): Worksheet {
    return new Worksheet(this.context, () => {
      const s = this._st.sheets.find((x) => sameName(x.name, String(key)) || x.id === key);
      if (!s && !nullable) throw new SimError('ItemNotFound', `The worksheet '${key}' doesn't exist.`);
      return s ? s.id : null;
    }, nullable);
  }
  getItem(key: string): Worksheet { return this._find(key, false); }
  getItemOrNullObject(key: string): Worksheet { return this._find(key, true); }
  getActiveWorksheet(): Worksheet { return new Worksheet(this.context, () => this._st.activeSheetId); }
  getFirst(visibleOnly = false): Worksheet {
    return new Worksheet(this.context, () => this._st.sheets.find((s) => !visibleOnly || s.visibility === 'Visible')!.id);
  }
  getCount(visibleOnly = false): ClientResult<number> {
    return this._result('getCount', () => this._st.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length);
  }
  add(name?: string): Worksheet {
    let id: string | undefined;
    this._op('add', () => {
      const st = this._st;
      let n = name;
      if (n === undefined || n === null || n === '') {
        let i = st.sheets.length + 1;
        while (findSheet(st, `Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!validSheetName(n)) throw new SimError('InvalidArgument', `The sheet name '${n}' is not valid.`);
      if (findSheet(st, n)) throw new SimError('ItemAlreadyExists', `A worksheet with the name '${n}' already exists.`);
      const sheet = newSheet(st, n);
      st.sheets.push(sheet);
      id = sheet.id;
    });
    return new Worksheet(this.context, () => {
      if (id === undefined) throw new SimError('ItemNotFound');
      return id;
    });
  }
}
defineProps(WorksheetCollection, 'WorksheetCollection', {}, true);

class Worksheet extends ClientObject {
  private _sheet(t: string): SheetState { return sheetById(this._st, t); }
  get protection(): WorksheetProtection { return this._child('protection', () => new WorksheetProtection(this.context, () => this._t())); }
  get notes(): NoteCollection { return this._child('notes', () => new NoteCollection(this.context, () => this._t())); }
  private _range(fn: (sheetId: string) => RangeT | null, nullable = false): Range {
    return new Range(this.context, () => { const id = this._t(); return id === null ? null : fn(id); }, nullable);
  }
  getRange(address?: string): Range {
    return this._range((id) => {
      this._sheet(id);
      if (address === undefined || address === '') return { sheetId: id, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      return resolveAddress(this._st, id, address);
    });
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    return this._range((id) => ({ sheetId: this._sheet(id).id, rect: checkRect({ r0: row, c0: col, r1: row + rowCount - 1, c1: col + colCount - 1 }) }));
  }
  getCell(row: number, col: number): Range { return this.getRangeByIndexes(row, col, 1, 1); }
  /** Several areas of this sheet ("D6:F6, D9"), ExcelApi 1.9. */
  getRanges(address: string): RangeAreas {
    return new RangeAreas(this.context, () => {
      const id = this._t();
      if (id === null) return null;
      this._sheet(id);
      const rects = String(address ?? '').split(',').map((a) => {
        const t = resolveAddress(this._st, id, a.trim());
        if (t.sheetId !== id) throw new SimError('InvalidArgument', `The address '${a.trim()}' is not on this worksheet.`);
        return t.rect;
      });
      return { sheetId: id, rects };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return this._range((id) => ({ sheetId: id, rect: usedRect(this._sheet(id), valuesOnly) ?? cellRect(0, 0) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._range((id) => { const r = usedRect(this._sheet(id), valuesOnly); return r && { sheetId: id, rect: r }; }, true);
  }
  activate(): void {
    this._op('activate', (id: string) => {
      const st = this._st;
      if (this._sheet(id).visibility !== 'Visible') throw new SimError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      if (st.activeSheetId !== id) { st.activeSheetId = id; st.selection = { sheetId: id, rect: cellRect(0, 0) }; }
    });
  }
  delete(): void { this._op('delete', (id: string) => removeSheet(this._st, this._sheet(id))); }
}
defineProps(Worksheet, 'Worksheet', {
  id: ro((t) => t),
  name: { get: (t, o) => sheetById(o._st, t).name, set: (t, v, o) => renameSheet(o._st, sheetById(o._st, t), v) },
  position: {
    get: (t, o) => o._st.sheets.findIndex((s: SheetState) => s.id === t),
    set: (t, v, o) => {
      const sheets: SheetState[] = o._st.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length) throw new SimError('InvalidArgument', 'Invalid worksheet position.');
      const sheet = sheetById(o._st, t);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(v, 0, sheet);
    },
  },
  visibility: {
    get: (t, o) => sheetById(o._st, t).visibility,
    set: (t, v, o) => {
      const st: WorkbookState = o._st;
      const sheet = sheetById(st, t);
      sheet.visibility = oneOf(v, ['Visible', 'Hidden', 'VeryHidden'], 'visibility') as SheetState['visibility'];
      const visible = st.sheets.filter((s) => s.visibility === 'Visible');
      if (!visible.length) throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      if (sheet.visibility !== 'Visible' && st.activeSheetId === t) {
        st.activeSheetId = visible[0].id;
        st.selection = { sheetId: visible[0].id, rect: cellRect(0, 0) };
      }
    },
  },
  showGridlines: { get: () => true, set: () => undefined },
});

class WorksheetProtection extends ClientObject {
  protect(_options?: unknown, _password?: string): void { this._op('protect', (id) => (sheetById(this._st, id).protected = true)); }
  unprotect(_password?: string): void { this._op('unprotect', (id) => (sheetById(this._st, id).protected = false)); }
}
defineProps(WorksheetProtection, 'WorksheetProtection', { protected: ro((t, o) => sheetById(o._st, t).protected) });

// ---------------------------------------------------------------------------------------------------------------
// Range and its formats
// ---------------------------------------------------------------------------------------------------------------

class Range extends ClientObject {
  get format(): RangeFormat { return this._child('format', () => new RangeFormat(this.context, () => this._t())); }
  get dataValidation(): DataValidation { return this._child('dataValidation', () => new DataValidation(this.context, () => this._t())); }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, () => this._t()));
  }
  get worksheet(): Worksheet { return this._child('worksheet', () => new Worksheet(this.context, () => this._t()?.sheetId ?? null)); }

  private _derive(fn: (t: RangeT) => RangeT | null, nullable = false): Range {
    return new Range(this.context, () => { const t: RangeT | null = this._t(); return t === null ? null : fn(t); }, nullable);
  }
  private _rect(fn: (r: Rect) => Rect): Range { return this._derive((t) => ({ sheetId: t.sheetId, rect: checkRect(fn(t.rect)) })); }
  private _other(t: RangeT, other: Range | string): Rect {
    const o = rangeArg(this._st, t.sheetId, other);
    if (o.sheetId !== t.sheetId) throw new SimError('InvalidArgument', 'The ranges are on different worksheets.');
    return o.rect;
  }

  getCell(row: number, col: number): Range { return this._rect((r) => cellRect(r.r0 + row, r.c0 + col)); }
  getOffsetRange(dr: number, dc: number): Range { return this._rect((r) => ({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc })); }
  getResizedRange(dr: number, dc: number): Range { return this._rect((r) => ({ ...r, r1: r.r1 + dr, c1: r.c1 + dc })); }
  getAbsoluteResizedRange(rows: number, cols: number): Range { return this._rect((r) => ({ ...r, r1: r.r0 + rows - 1, c1: r.c0 + cols - 1 })); }
  getEntireRow(): Range { return this._rect((r) => ({ r0: r.r0, r1: r.r1, c0: 0, c1: MAX_COLS - 1 })); }
  getEntireColumn(): Range { return this._rect((r) => ({ r0: 0, r1: MAX_ROWS - 1, c0: r.c0, c1: r.c1 })); }
  getRow(i: number): Range { return this._rect((r) => ({ ...r, r0: r.r0 + i, r1: r.r0 + i })); }
  getColumn(i: number): Range { return this._rect((r) => ({ ...r, c0: r.c0 + i, c1: r.c0 + i })); }
  getLastCell(): Range { return this._rect((r) => cellRect(r.r1, r.c1)); }
  getBoundingRect(other: Range | string): Range { return this._derive((t) => ({ sheetId: t.sheetId, rect: boundingRect(t.rect, this._other(t, other)) })); }
  getIntersection(other: Range | string): Range {
    return this._derive((t) => {
      const rect = intersection(t.rect, this._other(t, other));
      if (!rect) throw new SimError('ItemNotFound', 'The ranges do not intersect.');
      return { sheetId: t.sheetId, rect };
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return this._derive((t) => { const rect = intersection(t.rect, this._other(t, other)); return rect && { sheetId: t.sheetId, rect }; }, true);
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._derive((t) => {
      const used = usedRect(sheetById(this._st, t.sheetId), valuesOnly);
      const rect = used && intersection(used, t.rect);
      return rect && { sheetId: t.sheetId, rect };
    }, true);
  }

  merge(across = false): void {
    this._op('merge', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      const { r0, c0, r1, c1 } = t.rect;
      const rects = across ? Array.from({ length: r1 - r0 + 1 }, (_, i) => ({ r0: r0 + i, c0, r1: r0 + i, c1 })) : [t.rect];
      for (const rr of rects) {
        if (rectSize(rr) === 1) continue;
        if (rectSize(rr) > 1_000_000) throw new SimError('InvalidArgument', 'The merge area is too large.');
        sheet.merges = sheet.merges.filter((m) => !intersects(m, rr));
        sheet.merges.push({ ...rr });
        const anchor = cellAt(sheet, rr.r0, rr.c0);
        forEachPos(sheet, rr, (r, c) => {
          if (r === rr.r0 && c === rr.c0) return;
          const cell = ensureCell(sheet, r, c);
          inputToCell(cell, '');
          copyFormat(anchor, cell);
        });
      }
    });
  }
  unmerge(): void {
    this._op('unmerge', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this.context, () => {
      const t: RangeT | null = this._t();
      if (t === null) return null;
      const rects = sheetById(this._st, t.sheetId).merges.filter((m) => intersects(m, t.rect));
      return rects.length ? { sheetId: t.sheetId, rects: json(rects) } : null;
    }, true);
  }
  select(): void {
    this._op('select', (t: RangeT) => {
      if (sheetById(this._st, t.sheetId).visibility !== 'Visible') throw new SimError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      this._st.selection = json(t);
      this._st.activeSheetId = t.sheetId;
    });
  }
  clear(applyTo = 'All'): void {
    this._op('clear', (t: RangeT) => {
      const what = oneOf(applyTo, ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'], 'applyTo');
      const contents = ['All', 'Contents', 'ResetContents'].includes(what);
      const formats = what === 'All' || what === 'Formats';
      const sheet = writable(this._st, t.sheetId);
      forEachPos(sheet, t.rect, (r, c) => {
        const k = cellKey(r, c), cell = sheet.cells[k];
        if (!cell) return;
        if (contents) inputToCell(cell, '');
        if (formats) copyFormat(newCell(), cell);
        if (isEmptyCell(cell) && hasDefaultFormat(cell)) delete sheet.cells[k];
      });
      if (what === 'All') for (const k of Object.keys(sheet.notes)) { const [r, c] = parseKey(k); if (containsRect(t.rect, cellRect(r, c))) delete sheet.notes[k]; }
      if (formats) {
        sheet.merges = sheet.merges.filter((m) => !containsRect(t.rect, m));
        sheet.conditionalFormats = removeArea(sheet.conditionalFormats, t.rect, reanchorCf(this._st));
      }
    });
  }
  insert(shift: string): Range {
    this._op('insert', (t: RangeT) => {
      const dir = oneOf(shift, ['Down', 'Right'], 'shift direction');
      shiftCells(this._st, writable(this._st, t.sheetId), t.rect, dir === 'Down' ? 'row' : 'col', true);
    });
    return this._derive((t) => t);
  }
  delete(shift: string): void {
    this._op('delete', (t: RangeT) => {
      const dir = oneOf(shift, ['Up', 'Left'], 'shift direction');
      shiftCells(this._st, writable(this._st, t.sheetId), t.rect, dir === 'Up' ? 'row' : 'col', false);
    });
  }
  getCellProperties(spec: Record<string, any>): ClientResult<Record<string, any>[][]> {
    return this._result('getCellProperties', (t: RangeT) => grid(this._st, t, (_c, r, c, sheet) => pick(cellProperties(sheet, r, c), spec)));
  }
  setCellProperties(values: Record<string, any>[][]): void {
    const input = copy(values);
    this._op('setCellProperties', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      const { r0, c0, r1, c1 } = t.rect;
      if (!Array.isArray(input) || input.length !== r1 - r0 + 1 || input.some((row: unknown) => !Array.isArray(row) || row.length !== c1 - c0 + 1)) {
        throw new SimError('InvalidArgument', MISMATCH);
      }
      forEachPos(sheet, t.rect, (r, c) => applyCellFormat(sheet, r, c, input[r - r0][c - c0]?.format));
    });
  }
}
defineProps(Range, 'Range', {
  address: ro((t, o) => addressOf(sheetById(o._st, t.sheetId), t.rect)),
  addressLocal: ro((t, o) => addressOf(sheetById(o._st, t.sheetId), t.rect)),
  rowIndex: ro((t) => t.rect.r0),
  columnIndex: ro((t) => t.rect.c0),
  rowCount: ro((t) => t.rect.r1 - t.rect.r0 + 1),
  columnCount: ro((t) => t.rect.c1 - t.rect.c0 + 1),
  cellCount: ro((t) => rectSize(t.rect)),
  isEntireRow: ro((t) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLS - 1),
  isEntireColumn: ro((t) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1),
  values: { get: (t, o) => grid(o._st, t, (c) => c?.value ?? ''), set: (t, v, o) => write2D(o._st, t, v, writeInput) },
  formulas: { get: (t, o) => grid(o._st, t, (c) => c?.formula ?? c?.value ?? ''), set: (t, v, o) => write2D(o._st, t, v, writeInput) },
  formulasLocal: { get: (t, o) => grid(o._st, t, (c) => c?.formula ?? c?.value ?? ''), set: (t, v, o) => write2D(o._st, t, v, writeInput) },
  numberFormat: {
    get: (t, o) => grid(o._st, t, (c) => c?.numberFormat ?? 'General'),
    set: (t, v, o) => write2D(o._st, t, v, (cell, x) => { cell.numberFormat = String(x); }),
  },
  text: ro((t, o) => grid(o._st, t, (c) => formatText(c?.value ?? '', c?.numberFormat))),
  valueTypes: ro((t, o) => grid(o._st, t, (c) => valueType(c))),
});

class RangeFormat extends ClientObject {
  get fill(): RangeFill { return this._child('fill', () => new RangeFill(this.context, () => this._t())); }
  get font(): RangeFont { return this._child('font', () => new RangeFont(this.context, () => this._t())); }
  get borders(): RangeBorderCollection { return this._child('borders', () => new RangeBorderCollection(this.context, () => this._t())); }
  autofitRows(): void { /* row heights are not measured */ }
  autofitColumns(): void { /* column widths are not measured */ }
}
const cellProp = (key: 'wrapText' | 'horizontalAlignment' | 'verticalAlignment', check: (v: unknown) => unknown): PropDef => ({
  get: (t, o) => uniform(o._st, t, (c) => c[key]),
  set: (t, v, o) => { const x = check(v); eachCell(o._st, t, (c) => { (c as any)[key] = x; }); },
});
defineProps(RangeFormat, 'RangeFormat', {
  wrapText: cellProp('wrapText', Boolean),
  horizontalAlignment: cellProp('horizontalAlignment', (v) => oneOf(v, HALIGN, 'horizontalAlignment')),
  verticalAlignment: cellProp('verticalAlignment', (v) => oneOf(v, VALIGN, 'verticalAlignment')),
  columnWidth: {
    get: (t, o) => { const s = sheetById(o._st, t.sheetId); return lineSize(s.colWidths, s.defaultColWidth, t.rect.c0, t.rect.c1); },
    set: (t, v, o) => setLineSize(writable(o._st, t.sheetId), 'col', t.rect.c0, t.rect.c1, v),
  },
  rowHeight: {
    get: (t, o) => { const s = sheetById(o._st, t.sheetId); return lineSize(s.rowHeights, s.defaultRowHeight, t.rect.r0, t.rect.r1); },
    set: (t, v, o) => setLineSize(writable(o._st, t.sheetId), 'row', t.rect.r0, t.rect.r1, v),
  },
});

class RangeFill extends ClientObject {
  clear(): void { this._op('clear', (t) => eachCell(this._st, t, (c) => { c.fill = { color: null, pattern: 'None' }; })); }
}
defineProps(RangeFill, 'RangeFill', {
  color: {
    get: (t, o) => uniform(o._st, t, (c) => c.fill.color ?? '#FFFFFF'),
    set: (t, v, o) => { const color = colorArg(v); eachCell(o._st, t, (c) => { c.fill = { color, pattern: 'Solid' }; }); },
  },
  pattern: {
    get: (t, o) => uniform(o._st, t, (c) => c.fill.pattern),
    set: (t, v, o) => {
      const p = oneOf(v, ['None', 'Solid'], 'fill pattern (the simulator models None and Solid)');
      eachCell(o._st, t, (c) => { c.fill = p === 'None' ? { color: null, pattern: 'None' } : { color: c.fill.color ?? '#FFFFFF', pattern: 'Solid' }; });
    },
  },
});

class RangeFont extends ClientObject {}
const fontProp = (key: string): PropDef => ({
  get: (t, o) => uniform(o._st, t, (c) => fontValue(c, key)),
  set: (t, v, o) => eachCell(o._st, t, (c) => setFont(c, key, v)),
});
defineProps(RangeFont, 'RangeFont', { bold: fontProp('bold'), color: fontProp('color'), name: fontProp('name'), size: fontProp('size') });

class RangeBorderCollection extends ClientObject {
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, () => {
      const t: RangeT | null = this._t();
      return t && { ...t, index: oneOf(index, BORDER_INDEX, 'border index') };
    });
  }
}
defineProps(RangeBorderCollection, 'RangeBorderCollection', {});

class RangeBorder extends ClientObject {}
const borderProp = (key: keyof BorderState, dflt: string): PropDef => ({
  get: (t, o) => {
    const cells = borderCells(t.rect, t.index);
    return cells ? uniform(o._st, { sheetId: t.sheetId, rect: cells.rect }, (c) => c.borders[cells.edge]?.[key] ?? dflt) : dflt;
  },
  set: (t, v, o) => {
    const cells = borderCells(t.rect, t.index);
    if (cells) eachCell(o._st, { sheetId: t.sheetId, rect: cells.rect }, (_c, r, c, sheet) => setBorder(sheet, r, c, cells.edge, { [key]: v }));
  },
});
defineProps(RangeBorder, 'RangeBorder', {
  sideIndex: ro((t) => t.index), style: borderProp('style', 'None'), color: borderProp('color', '#000000'), weight: borderProp('weight', 'Thin'),
});

class RangeAreas extends ClientObject {
  get areas(): RangeCollection { return this._child('areas', () => new RangeCollection(this.context, () => this._t())); }
  get worksheet(): Worksheet { return this._child('worksheet', () => new Worksheet(this.context, () => this._t()?.sheetId ?? null)); }
  select(): void {
    this._op('select', (t: { sheetId: string; rects: Rect[] }) => {
      if (sheetById(this._st, t.sheetId).visibility !== 'Visible') throw new SimError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      this._st.selection = { sheetId: t.sheetId, rect: json(t.rects[0]), ...(t.rects.length > 1 ? { areas: json(t.rects) } : {}) };
      this._st.activeSheetId = t.sheetId;
    });
  }
}
const areasAddress = ro((t, o) => t.rects.map((r: Rect) => addressOf(sheetById(o._st, t.sheetId), r)).join(', '));
defineProps(RangeAreas, 'RangeAreas', {
  address: areasAddress, addressLocal: areasAddress,
  areaCount: ro((t) => t.rects.length),
  cellCount: ro((t) => t.rects.reduce((n: number, r: Rect) => n + rectSize(r), 0)),
});

class RangeCollection extends ClientObject {
  override _items(t: { sheetId: string; rects: Rect[] }): ClientObject[] {
    return t.rects.map((rect) => new Range(this.context, () => ({ sheetId: t.sheetId, rect })));
  }
  getCount(): ClientResult<number> { return this._result('getCount', (t) => t.rects.length); }
  getItemAt(i: number): Range {
    return new Range(this.context, () => {
      const t = this._t();
      if (!t?.rects[i]) throw new SimError('ItemNotFound');
      return { sheetId: t.sheetId, rect: t.rects[i] };
    });
  }
}
defineProps(RangeCollection, 'RangeCollection', {}, true);

// ---------------------------------------------------------------------------------------------------------------
// Data validation and conditional formats
// ---------------------------------------------------------------------------------------------------------------

/** The validation that covers the whole range, undefined if none touches it, 'mixed' otherwise. */
function validationOf(st: WorkbookState, t: RangeT): ValidationState | undefined | 'mixed' {
  const hits = sheetById(st, t.sheetId).validations.filter((v) => intersects(v.range, t.rect));
  if (!hits.length) return undefined;
  return hits.length === 1 && containsRect(hits[0].range, t.rect) ? hits[0] : 'mixed';
}
/** The validation whose range is exactly this range, created (replacing others on these cells) if needed. */
function ownValidation(st: WorkbookState, t: RangeT): ValidationState {
  const sheet = writable(st, t.sheetId);
  const same = sheet.validations.find((v) => v.range.r0 === t.rect.r0 && v.range.c0 === t.rect.c0 && v.range.r1 === t.rect.r1 && v.range.c1 === t.rect.c1);
  if (same) return same;
  const dv: ValidationState = {
    range: { ...t.rect }, rule: {}, ignoreBlanks: true,
    prompt: { message: '', showPrompt: true, title: '' }, errorAlert: { message: '', showAlert: true, style: 'Stop', title: '' },
  };
  sheet.validations = [...removeArea(sheet.validations, t.rect, reanchorDv), dv];
  return dv;
}
function normalizeRule(st: WorkbookState, t: RangeT, rule: unknown): ValidationState['rule'] {
  const out: ValidationState['rule'] = {};
  const sheet = sheetById(st, t.sheetId);
  const formula = (v: unknown, listSource = false): unknown => {
    if (v instanceof Range) {
      const rt = rangeArg(st, t.sheetId, v);
      const target = sheetById(st, rt.sheetId);
      return '=' + (target === sheet ? addressOf(target, rt.rect, true).replace(/^.*!/, '') : addressOf(target, rt.rect, true));
    }
    if (typeof v === 'number') return `=${v}`;
    if (v instanceof Date) return `=${v.toISOString()}`;
    if (typeof v === 'string') return v.startsWith('=') || listSource ? v : `=${v}`;
    return v;
  };
  for (const [k, v] of Object.entries((rule ?? {}) as Record<string, any>)) {
    if (v === null || v === undefined) continue;
    if (!DV_TYPES[k] || typeof v !== 'object') throw new SimError('InvalidArgument', `Unknown data validation rule '${k}'.`);
    const part: Record<string, unknown> = { ...v };
    for (const f of ['formula1', 'formula2', 'formula']) if (part[f] !== undefined) part[f] = formula(part[f]);
    if (part.source !== undefined) part.source = formula(part.source, true);
    if (!['list', 'custom'].includes(k)) oneOf(part.operator, DV_OPERATORS, 'data validation operator');
    out[k] = part;
  }
  if (Object.keys(out).length !== 1) throw new SimError('InvalidArgument', 'A data validation rule must have exactly one type.');
  return out;
}

class DataValidation extends ClientObject {
  clear(): void {
    this._op('clear', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      sheet.validations = removeArea(sheet.validations, t.rect, reanchorDv);
    });
  }
}
const dvProp = (key: 'prompt' | 'errorAlert', dflt: () => Record<string, unknown>): PropDef => ({
  get: (t, o) => { const dv = validationOf(o._st, t); return dv === 'mixed' ? null : json(dv ? dv[key] : dflt()); },
  set: (t, v, o) => {
    if (key === 'errorAlert' && v?.style !== undefined) oneOf(v.style, ['Stop', 'Warning', 'Information'], 'alert style');
    Object.assign(ownValidation(o._st, t)[key], json(v));
  },
});
defineProps(DataValidation, 'DataValidation', {
  type: ro((t, o) => {
    const dv = validationOf(o._st, t);
    return dv === 'mixed' ? 'Inconsistent' : DV_TYPES[Object.keys(dv?.rule ?? {})[0]] ?? 'None';
  }),
  rule: {
    get: (t, o) => { const dv = validationOf(o._st, t); return dv === 'mixed' ? null : json(dv?.rule ?? {}); },
    set: (t, v, o) => { const rule = normalizeRule(o._st, t, v); ownValidation(o._st, t).rule = rule; },
  },
  prompt: dvProp('prompt', () => ({ message: '', showPrompt: true, title: '' })),
  errorAlert: dvProp('errorAlert', () => ({ message: '', showAlert: true, style: 'Stop', title: '' })),
  ignoreBlanks: {
    get: (t, o) => { const dv = validationOf(o._st, t); return dv === 'mixed' ? null : dv?.ignoreBlanks ?? true; },
    set: (t, v, o) => { ownValidation(o._st, t).ignoreBlanks = Boolean(v); },
  },
});

interface CfT { sheetId: string; id: string }
function cfOf(st: WorkbookState, t: CfT, write = false): CondFormatState {
  const sheet = write ? writable(st, t.sheetId) : sheetById(st, t.sheetId);
  const cf = sheet.conditionalFormats.find((x) => x.id === t.id);
  if (!cf) throw new SimError('ItemNotFound', 'The conditional format no longer exists.');
  return cf;
}
const reanchorCf = (st: WorkbookState) => (x: CondFormatState, p: Rect): CondFormatState =>
  ({ ...x, id: `{cf-${st.nextId++}}`, range: p, formula: shiftAll(x.formula, x.range, p) as string });

class ConditionalFormatCollection extends ClientObject {
  override _items(t: RangeT): ClientObject[] {
    return sheetById(this._st, t.sheetId).conditionalFormats.filter((cf) => intersects(cf.range, t.rect))
      .map((cf) => new ConditionalFormat(this.context, () => ({ sheetId: t.sheetId, id: cf.id })));
  }
  add(type: string): ConditionalFormat {
    let id: string | undefined;
    this._op('add', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      if (type !== 'Custom') throw new SimError('NotImplemented', `The simulator models only Custom conditional formats, not '${type}'.`);
      id = `{cf-${this._st.nextId++}}`;
      sheet.conditionalFormats.unshift({ id, range: { ...t.rect }, type: 'Custom', formula: '', fill: null, fontColor: null, bold: null });
    });
    return new ConditionalFormat(this.context, () => {
      const t: RangeT | null = this._t();
      if (t === null) return null;
      if (id === undefined) throw new SimError('ItemNotFound');
      return { sheetId: t.sheetId, id };
    });
  }
  clearAll(): void {
    this._op('clearAll', (t: RangeT) => {
      const sheet = writable(this._st, t.sheetId);
      sheet.conditionalFormats = removeArea(sheet.conditionalFormats, t.rect, reanchorCf(this._st));
    });
  }
  getCount(): ClientResult<number> { return this._result('getCount', (t) => this._items(t).length); }
  getItemAt(i: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t: RangeT | null = this._t();
      const cf = t && sheetById(this._st, t.sheetId).conditionalFormats.filter((x) => intersects(x.range, t.rect))[i];
      if (!cf) throw new SimError('ItemNotFound');
      return { sheetId: t!.sheetId, id: cf.id };
    });
  }
}
defineProps(ConditionalFormatCollection, 'ConditionalFormatCollection', {}, true);

class ConditionalFormat extends ClientObject {
  get custom(): CfPart { return this._child('custom', () => new CfPart(this.context, () => this._t(), 'CustomConditionalFormat')); }
  getRange(): Range { return new Range(this.context, () => { const t = this._t(); return t && { sheetId: t.sheetId, rect: { ...cfOf(this._st, t).range } }; }); }
  delete(): void {
    this._op('delete', (t: CfT) => {
      const sheet = writable(this._st, t.sheetId);
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x.id !== cfOf(this._st, t).id);
    });
  }
}
defineProps(ConditionalFormat, 'ConditionalFormat', {
  id: ro((t) => t.id),
  type: ro((t, o) => cfOf(o._st, t).type),
  priority: ro((t, o) => sheetById(o._st, t.sheetId).conditionalFormats.findIndex((x) => x.id === t.id)),
  stopIfTrue: ro(() => false),
});

/** One class for the sub-objects of a custom conditional format (custom, rule, format, fill, font), all on a CfT. */
class CfPart extends ClientObject {
  constructor(context: RequestContext, resolve: () => any, private readonly _kind: string) {
    super(context, resolve);
    this._type = _kind;
    this._props = CF_PROPS[_kind];
  }
  get rule(): CfPart { return this._sub('rule', 'ConditionalFormatRule', 'CustomConditionalFormat'); }
  get format(): CfPart { return this._sub('format', 'ConditionalRangeFormat', 'CustomConditionalFormat'); }
  get fill(): CfPart { return this._sub('fill', 'ConditionalRangeFill', 'ConditionalRangeFormat'); }
  get font(): CfPart { return this._sub('font', 'ConditionalRangeFont', 'ConditionalRangeFormat'); }
  private _sub(name: string, kind: string, parentKind: string): CfPart {
    if (this._kind !== parentKind) return undefined as unknown as CfPart;
    return this._child(name, () => new CfPart(this.context, () => this._t(), kind));
  }
  clear(): void {
    this._op('clear', (t: CfT) => {
      const cf = cfOf(this._st, t, true);
      if (this._kind === 'ConditionalRangeFill') cf.fill = null;
      else { cf.fontColor = null; cf.bold = null; }
    });
  }
}
const cfField = (key: 'formula' | 'fill' | 'fontColor' | 'bold', check: (v: unknown) => unknown): PropDef => ({
  get: (t, o) => cfOf(o._st, t)[key],
  set: (t, v, o) => { (cfOf(o._st, t, true) as any)[key] = check(v); },
});
const cfFormula = cfField('formula', (v) => {
  const f = String(v).startsWith('=') ? String(v) : `=${String(v)}`;
  if (!isValidFormula(f)) throw new SimError('InvalidArgument', `The formula '${String(v)}' is not valid.`);
  return f;
});
const CF_PROPS: Record<string, Record<string, PropDef>> = {
  CustomConditionalFormat: {},
  ConditionalRangeFormat: {},
  ConditionalFormatRule: { formula: cfFormula, formulaLocal: cfFormula },
  ConditionalRangeFill: { color: cfField('fill', (v) => (v === null ? null : colorArg(v))) },
  ConditionalRangeFont: { color: cfField('fontColor', (v) => (v === null ? null : colorArg(v))), bold: cfField('bold', (v) => (v === null ? null : Boolean(v))) },
};
for (const [kind, props] of Object.entries(CF_PROPS)) {
  for (const name of Object.keys(props)) {
    if (!Object.getOwnPropertyDescriptor(CfPart.prototype, name)) {
      Object.defineProperty(CfPart.prototype, name, {
        configurable: true,
        get(this: CfPart) { return this._get(name); },
        set(this: CfPart, v: unknown) { if (!this._props[name]) throw new TypeError(`${kind} has no property '${name}'.`); this._setProp(name, v); },
      });
    }
  }
}
CfPart.prototype._collection = false;

// ---------------------------------------------------------------------------------------------------------------
// Names, settings, notes
// ---------------------------------------------------------------------------------------------------------------

function nameOf(st: WorkbookState, key: string): NameState {
  const n = st.names.find((x) => sameName(x.name, key));
  if (!n) throw new SimError('ItemNotFound', `The name '${key}' doesn't exist.`);
  return n;
}
function nameInfo(st: WorkbookState, n: NameState): { type: string; value: unknown } {
  if (nameTarget(st, n)) return { type: 'Range', value: n.formula.replace(/^=/, '') };
  const v = evaluate(st, st.sheets[0], n.formula);
  if (v instanceof FErr) return { type: 'Error', value: v.code };
  if (v === BLANK) return { type: 'Error', value: '#N/A' };
  return { type: typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String', value: v };
}

class NamedItemCollection extends ClientObject {
  override _items(): ClientObject[] { return this._st.names.map((n) => new NamedItem(this.context, () => n.name)); }
  private _find(name: string, nullable: boolean): NamedItem {
    return new NamedItem(this.context, () => {
      const n = this._st.names.find((x) => sameName(x.name, String(name)));
      if (!n && !nullable) throw new SimError('ItemNotFound', `The name '${name}' doesn't exist.`);
      return n ? n.name : null;
    }, nullable);
  }
  getItem(name: string): NamedItem { return this._find(name, false); }
  getItemOrNullObject(name: string): NamedItem { return this._find(name, true); }
  getCount(): ClientResult<number> { return this._result('getCount', () => this._st.names.length); }
  add(name: string, reference: Range | string, comment = ''): NamedItem {
    this._op('add', () => {
      const st = this._st;
      if (!validDefinedName(name)) throw new SimError('InvalidArgument', `The name '${String(name)}' is not valid.`);
      if (st.names.some((x) => sameName(x.name, name))) throw new SimError('ItemAlreadyExists', `The name '${name}' already exists.`);
      let formula: string;
      if (reference instanceof Range) {
        const t = rangeArg(st, st.activeSheetId, reference);
        formula = '=' + addressOf(sheetById(st, t.sheetId), t.rect, true);
      } else {
        formula = String(reference).startsWith('=') ? String(reference) : `=${String(reference)}`;
        if (!isValidFormula(formula)) throw new SimError('InvalidArgument', `The reference '${String(reference)}' is not valid.`);
      }
      st.names.push({ name, formula, comment: String(comment ?? ''), visible: true });
    });
    return this._find(name, false);
  }
}
defineProps(NamedItemCollection, 'NamedItemCollection', {}, true);

class NamedItem extends ClientObject {
  private _range(nullable: boolean): Range {
    return new Range(this.context, () => {
      const key = this._t();
      if (key === null) return null;
      const target = nameTarget(this._st, nameOf(this._st, key));
      if (!target && !nullable) throw new SimError('InvalidReference', `The name '${key}' does not refer to a range.`);
      return target;
    }, nullable);
  }
  getRange(): Range { return this._range(false); }
  getRangeOrNullObject(): Range { return this._range(true); }
  delete(): void { this._op('delete', (key) => { const n = nameOf(this._st, key); this._st.names = this._st.names.filter((x) => x !== n); }); }
}
defineProps(NamedItem, 'NamedItem', {
  name: ro((t, o) => nameOf(o._st, t).name),
  formula: {
    get: (t, o) => nameOf(o._st, t).formula,
    set: (t, v, o) => {
      const f = String(v).startsWith('=') ? String(v) : `=${String(v)}`;
      if (!isValidFormula(f)) throw new SimError('InvalidArgument', `The formula '${String(v)}' is not valid.`);
      nameOf(o._st, t).formula = f;
    },
  },
  comment: { get: (t, o) => nameOf(o._st, t).comment, set: (t, v, o) => { nameOf(o._st, t).comment = String(v ?? ''); } },
  visible: { get: (t, o) => nameOf(o._st, t).visible, set: (t, v, o) => { nameOf(o._st, t).visible = Boolean(v); } },
  type: ro((t, o) => nameInfo(o._st, nameOf(o._st, t)).type),
  value: ro((t, o) => nameInfo(o._st, nameOf(o._st, t)).value),
  scope: ro(() => 'Workbook'),
});

function settingKey(st: WorkbookState, key: string, nullable: boolean): string | null {
  if (Object.prototype.hasOwnProperty.call(st.settings, key)) return key;
  if (nullable) return null;
  throw new SimError('ItemNotFound', `The setting '${key}' doesn't exist.`);
}
class SettingCollection extends ClientObject {
  override _items(): ClientObject[] { return Object.keys(this._st.settings).map((k) => new Setting(this.context, () => k)); }
  add(key: string, value: unknown): Setting {
    const v = json(value);
    this._op('add', () => {
      if (typeof key !== 'string' || !key) throw new SimError('InvalidArgument', 'A setting key must be a non-empty string.');
      this._st.settings[key] = v;
    });
    return new Setting(this.context, () => settingKey(this._st, key, false));
  }
  getItem(key: string): Setting { return new Setting(this.context, () => settingKey(this._st, key, false)); }
  getItemOrNullObject(key: string): Setting { return new Setting(this.context, () => settingKey(this._st, key, true), true); }
  getCount(): ClientResult<number> { return this._result('getCount', () => Object.keys(this._st.settings).length); }
}
defineProps(SettingCollection, 'SettingCollection', {}, true);

class Setting extends ClientObject {
  delete(): void { this._op('delete', (k) => { settingKey(this._st, k, false); delete this._st.settings[k]; }); }
}
defineProps(Setting, 'Setting', {
  key: ro((t) => t),
  value: { get: (t, o) => json(o._st.settings[settingKey(o._st, t, false)!]), set: (t, v, o) => { o._st.settings[settingKey(o._st, t, false)!] = json(v); } },
});

interface NoteT { sheetId: string; key: string }
/** Notes live per sheet; a NoteCollection is workbook-wide (target '') or scoped to one sheet (target = sheet id). */
class NoteCollection extends ClientObject {
  private _all(scope: string): NoteT[] {
    return this._st.sheets.filter((s) => !scope || s.id === scope).flatMap((s) =>
      Object.keys(s.notes).map(parseKey).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([r, c]) => ({ sheetId: s.id, key: cellKey(r, c) })));
  }
  private _cell(scope: string, cell: Range | string): NoteT {
    const t = rangeArg(this._st, scope || this._st.activeSheetId, cell);
    return { sheetId: t.sheetId, key: cellKey(t.rect.r0, t.rect.c0) };
  }
  override _items(scope: string): ClientObject[] { return this._all(scope).map((n) => new Note(this.context, () => n)); }
  add(cellAddress: Range | string, content: unknown): Note {
    let target: NoteT | undefined;
    this._op('add', (scope: string) => {
      const n = this._cell(scope, cellAddress);
      const sheet = writable(this._st, n.sheetId);
      if (sheet.notes[n.key] !== undefined) throw new SimError('ItemAlreadyExists', 'The cell already has a note.');
      sheet.notes[n.key] = String(content ?? '');
      target = n;
    });
    return new Note(this.context, () => {
      if (this._t() === null) return null;
      if (!target) throw new SimError('ItemNotFound');
      return target;
    });
  }
  private _find(cellAddress: Range | string, nullable: boolean): Note {
    return new Note(this.context, () => {
      const scope = this._t();
      if (scope === null) return null;
      const n = this._cell(scope, cellAddress);
      if (sheetById(this._st, n.sheetId).notes[n.key] !== undefined) return n;
      if (nullable) return null;
      throw new SimError('ItemNotFound', 'The cell has no note.');
    }, nullable);
  }
  getItem(key: Range | string): Note { return this._find(key, false); }
  getItemOrNullObject(key: Range | string): Note { return this._find(key, true); }
  getItemAt(i: number): Note {
    return new Note(this.context, () => { const n = this._all(this._t() ?? '')[i]; if (!n) throw new SimError('ItemNotFound'); return n; });
  }
  getCount(): ClientResult<number> { return this._result('getCount', (scope) => this._all(scope).length); }
}
defineProps(NoteCollection, 'NoteCollection', {}, true);

function noteSheet(st: WorkbookState, t: NoteT, write = false): SheetState {
  const sheet = write ? writable(st, t.sheetId) : sheetById(st, t.sheetId);
  if (sheet.notes[t.key] === undefined) throw new SimError('ItemNotFound', 'The note no longer exists.');
  return sheet;
}
class Note extends ClientObject {
  delete(): void { this._op('delete', (t: NoteT) => { delete noteSheet(this._st, t, true).notes[t.key]; }); }
  getLocation(): Range {
    return new Range(this.context, () => {
      const t: NoteT | null = this._t();
      if (!t) return null;
      noteSheet(this._st, t);
      const [r, c] = parseKey(t.key);
      return { sheetId: t.sheetId, rect: cellRect(r, c) };
    });
  }
}
defineProps(Note, 'Note', {
  content: { get: (t, o) => noteSheet(o._st, t).notes[t.key], set: (t, v, o) => { noteSheet(o._st, t, true).notes[t.key] = String(v ?? ''); } },
  authorName: ro(() => 'Simulator'),
  visible: ro(() => false),
});

// ---------------------------------------------------------------------------------------------------------------
// The Excel namespace object
// ---------------------------------------------------------------------------------------------------------------

/** `{ edgeTop: 'EdgeTop', … }` from the string values, the way office-js enums are shaped. */
function enumOf(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v[0].toLowerCase() + v.slice(1), v]));
}

export const ENUMS = {
  ConditionalFormatType: enumOf(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']),
  DataValidationOperator: enumOf(DV_OPERATORS),
  DataValidationType: enumOf(['None', 'WholeNumber', 'Decimal', 'List', 'Date', 'Time', 'TextLength', 'Custom', 'Inconsistent', 'MixedCriteria']),
  DataValidationAlertStyle: enumOf(['Stop', 'Warning', 'Information']),
  BorderIndex: enumOf([...BORDER_INDEX, 'DiagonalDown', 'DiagonalUp']),
  BorderLineStyle: enumOf(BORDER_STYLES),
  BorderWeight: enumOf(BORDER_WEIGHTS),
  HorizontalAlignment: enumOf(HALIGN),
  VerticalAlignment: enumOf(VALIGN),
  InsertShiftDirection: enumOf(['Down', 'Right']),
  DeleteShiftDirection: enumOf(['Up', 'Left']),
  ClearApplyTo: enumOf(['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents']),
  SheetVisibility: enumOf(['Visible', 'Hidden', 'VeryHidden']),
  FillPattern: enumOf(['None', 'Solid']),
  NamedItemType: enumOf(['String', 'Integer', 'Double', 'Boolean', 'Range', 'Error', 'Array']),
  RangeValueType: enumOf(['Unknown', 'Empty', 'String', 'Integer', 'Double', 'Boolean', 'Error', 'RichValue']),
  ErrorCodes: enumOf([
    'AccessDenied', 'ApiNotFound', 'Conflict', 'GeneralException', 'InsertDeleteConflict', 'InvalidArgument', 'InvalidBinding',
    'InvalidOperation', 'InvalidReference', 'InvalidSelection', 'ItemAlreadyExists', 'ItemNotFound', 'MergedRangeConflict',
    'NotImplemented', 'RangeExceedsLimit', 'RequestAborted', 'UnsupportedFeature', 'UnsupportedOperation', 'UnsupportedSheet',
  ]),
};

/** Builds the `Excel` namespace stand-in bound to one simulated workbook. */
export function createExcelNamespace(engine: Engine): Record<string, unknown> {
  class BoundRequestContext extends RequestContext {
    constructor() { super(engine); }
  }
  async function run(a: unknown, b?: unknown): Promise<unknown> {
    const batch = (typeof a === 'function' ? a : b) as (ctx: RequestContext) => Promise<unknown>;
    if (typeof batch !== 'function') throw new SimError('InvalidArgument', 'Excel.run expects a batch function.');
    const ctx = new BoundRequestContext();
    const result = await batch(ctx);
    if (ctx._queue.length) await ctx.sync(); // like office-js, leftover queued operations are flushed
    return result;
  }
  return { run, RequestContext: BoundRequestContext, ...ENUMS };
}
