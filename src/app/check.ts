/** 校验: check the tables read (and the prose, and last year's report), mark the cells, select a finding's cells.
 *  No office-js here. */
import { a1, areasAddress, parseAddress, quoteSheet, type Rect } from '../report/a1';
import { checkValues, type ValueSource } from '../report/check';
import { checkNarrative } from '../report/narrativeCheck';
import { proseFromRows } from '../report/prose';
import { checkAcrossYears, usableLastYear, type YearInput } from '../report/crossYear';
import { tableLayout } from '../report/layout';
import { cellsToMark } from '../report/rules';
import { splitKey, TABLE_IDS, type CellKey, type Finding, type FormatId, type RawValue, type TableId } from '../report/types';
import type { LostTable, Mark, ReadOptions, ReadTable, TableRef, TablesRead, WorkbookHost } from '../host/types';
import { addToMark } from '../host/types';
import { cellValue, lastYearOf, setIndex } from './tables';

/** A finding with where its cells are in the workbook. */
export interface LocatedFinding extends Finding {
  id: string;
  /** The table the finding belongs to, or 'text' for the report's prose checked against the tables (N-*, X-YOY). */
  table: TableId | 'text';
  /** Cells in the finding's order; `address` like '2025年报表格'!D6. */
  locations: Array<{ key: CellKey; tableName: string; r: number; c: number; address: string; registered: boolean }>;
}

export interface CheckedSet {
  /** e.g. "2025年（2021年格式）"; with the sheet when another set has the same year and format. */
  title: string;
  /** The sheet the set's first table is on. */
  sheet: string;
  format: FormatId;
  year: number;
  /** The 单位名称 kept with the tables (given when they were inserted, or read from their title line). */
  agency?: string;
  tables: TableId[];
  findings: LocatedFinding[];
  /** The set's values by cell key (for summaries of many reports). */
  get: ValueSource;
}

/** A table found by its labels, not registered yet. */
export interface UnregisteredTable {
  table: TableId;
  format: FormatId;
  year: number;
  sheet: string;
  rect: Rect;
}

export interface CheckResult {
  sets: CheckedSet[];
  /** Tables found by their labels on the active sheet, not registered yet (offer to register them). */
  unregistered: UnregisteredTable[];
  lost: LostTable[];
  errors: number;
  warnings: number;
  marked: number;
  /** What the host says about the read (manual calculation recalculated first, a sheet too large to search…). */
  notes: string[];
}

type Location = LocatedFinding['locations'][number];

/** Where a cell key is in a set of tables, and its value. */
function setCells(group: ReadTable[], format: FormatId) {
  const byTable = new Map(group.filter((t) => t.format === format).map((t) => [t.table, t]));
  const at = (key: CellKey) => {
    const t = byTable.get(splitKey(key).table);
    const cell = t && tableLayout(t.format, t.table).byKey.get(key);
    return t && cell ? { t, cell } : null;
  };
  const locate = (key: CellKey): Location | null => {
    const x = at(key);
    if (!x) return null;
    const { t, cell } = x;
    const address = `${quoteSheet(t.sheet)}!${a1(t.rect.r + cell.r, t.rect.c + cell.c)}`;
    return { key, tableName: t.name, r: cell.r, c: cell.c, address, registered: !t.recognised };
  };
  const get = (key: CellKey): RawValue | undefined => {
    const x = at(key);
    return x ? cellValue(x.t.values[x.cell.r]?.[x.cell.c] ?? null) : undefined;
  };
  return { tables: [...byTable.keys()], locate, get };
}

interface SetContext {
  /** The prose, checked against this set (the first registered one). */
  text?: ReturnType<typeof proseFromRows>;
  last?: YearInput;
  /** Numbers the findings f1, f2… across the sets. */
  next: () => string;
}

/** One set of tables checked: its findings located, and (beside) the marks they put on its cells. */
function checkSet(group: ReadTable[], ctx: SetContext, marks: Map<string, Mark>): CheckedSet {
  const { format, year } = group[0];
  const { tables, locate, get } = setCells(group, format);
  const agency = group.find((t) => t.agency)?.agency;
  const { text, last } = ctx;
  const recognisedFindings = group.flatMap((t) => t.recognised?.findings ?? []);
  const narrative = text ? checkNarrative({ format, get, text, last: usableLastYear(last, { year, agency }) }) : [];
  const cross = last ? checkAcrossYears({ format, year, get, agency }, last) : [];
  const findings = [...recognisedFindings, ...checkValues(format, get, tables), ...cross, ...narrative].map((f): LocatedFinding => {
    const locations = f.cells.map(locate).filter((x): x is Location => x !== null);
    const prose = /^N-|^X-YOY$/.test(f.rule) || !f.cells.length;
    return { ...f, id: ctx.next(), table: prose ? 'text' : splitKey(f.cells[0]).table, locations };
  });
  for (const f of findings) {
    const keys = cellsToMark(f);
    for (const l of f.locations.filter((x) => keys.includes(x.key) && x.registered)) {
      const id = `${l.tableName}:${l.r}:${l.c}`;
      marks.set(id, addToMark(marks.get(id), l, f));
    }
  }
  const title = group[0].recognised
    ? `工作表“${group[0].sheet}”中按标签识别的表格（未登记，${format}年格式）`
    : `${Number.isNaN(year) ? '年度未知' : `${year}年`}（${format}年格式）`;
  return {
    title,
    sheet: group[0].sheet,
    format,
    year,
    ...(agency ? { agency } : {}),
    tables: TABLE_IDS.filter((t) => tables.includes(t)),
    findings,
    get,
  };
}

/** The tables read, grouped by set, in the order of their sets (recognised tables first). */
function groupsOf(tables: ReadTable[]): ReadTable[][] {
  const groups = new Map<number, ReadTable[]>();
  for (const t of tables) groups.set(setIndex(t), [...(groups.get(setIndex(t)) ?? []), t]);
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

/** Check what was read: one set per group of registered tables (a workbook may hold several years).
 *  Prose (from the 报告正文 sheet) and last year's report are checked against the first registered set. */
export function checkTables(read: TablesRead, lastGiven?: YearInput): { result: CheckResult; marks: Mark[] } {
  const last = lastGiven ?? lastYearOf(read) ?? undefined;
  const text = read.prose ? proseFromRows(read.prose) : undefined;
  const groups = groupsOf(read.tables);
  const proseSet = groups.find((g) => setIndex(g[0]) > 0) ?? groups[0];
  const marks = new Map<string, Mark>();
  let n = 0;
  const next = (): string => `f${++n}`;
  const sets = groups.map((g) => checkSet(g, g === proseSet ? { text, last, next } : { next }, marks));
  // two sets of one year and format are told apart by their sheets
  const shared = sets.filter((set) => sets.filter((x) => x.title === set.title).length > 1);
  for (const set of shared) set.title = set.title.replace(/）$/, `，工作表“${set.sheet}”）`);
  const all = sets.flatMap((s) => s.findings);
  return {
    result: {
      sets,
      lost: read.lost,
      notes: read.notes ?? [],
      unregistered: read.tables
        .filter((t) => t.recognised)
        .map(({ table, format, year, sheet, rect }) => ({ table, format, year, sheet, rect })),
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      marked: marks.size,
    },
    marks: [...marks.values()],
  };
}

/** What clicking a finding selects: the cell most likely wrong (first), or — for the blank cells of a table — every
 *  one of them at once. `address` is for host.selectAddress; `cells` for host.selectCells (registered tables). */
export function selectionOf(f: LocatedFinding): { tableName: string; cells: Array<{ r: number; c: number }> } | { address: string } | null {
  const first = f.locations[0];
  if (!first) return null;
  const same = f.locations.filter((l) => l.tableName === first.tableName);
  const all = f.rule === 'BLANK' && same.length > 1;
  if (!all) return !first.registered ? { address: first.address } : { tableName: first.tableName, cells: same };
  const sheet = parseAddress(first.address)?.sheet;
  const at = same.map((l) => parseAddress(l.address)?.rect).filter((r): r is Rect => !!r);
  if (!sheet || at.length !== same.length) return { address: first.address };
  return { address: areasAddress(sheet, at) };
}

export async function checkWorkbook(host: WorkbookHost, options?: ReadOptions): Promise<CheckResult> {
  return host.checkAndMark((read) => checkTables(read), options);
}

/** Select what clicking a finding selects (nothing when it has no cells in the workbook). */
export async function selectFinding(host: WorkbookHost, f: LocatedFinding): Promise<void> {
  const what = selectionOf(f);
  if (!what) return;
  if ('address' in what) await host.selectAddress(what.address);
  else await host.selectCells(what.tableName, what.cells);
}

/** What the pane's 校验 panel can do. */
export interface CheckActions {
  check: (options?: ReadOptions) => Promise<CheckResult>;
  /** Remove the add-in's marks; how many cells were unmarked. */
  clearMarks: () => Promise<number>;
  select: (f: LocatedFinding) => Promise<void>;
  /** Register tables found by their labels (a table without a year gets `fallbackYear`). */
  register: (tables: UnregisteredTable[], fallbackYear: number) => Promise<TableRef[]>;
}

export const checkActions = (host: WorkbookHost): CheckActions => ({
  check: (options) => checkWorkbook(host, options),
  clearMarks: () => host.clearMarks(),
  select: (f) => selectFinding(host, f),
  register: (tables, fallbackYear) =>
    host.registerTables(tables.map((t) => ({ ...t, year: Number.isNaN(t.year) ? fallbackYear : t.year }))),
});
