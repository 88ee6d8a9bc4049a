/**
 * The one narrow, host-neutral interface between the pane/ribbon and a spreadsheet host.
 * Excel (src/excel/) is the first implementation; a WPS 表格 host would implement the same.
 * Nothing here mentions office-js.
 */
import type { Rect } from '../report/a1';
import type { PlanRequest, TableRegistration } from '../report/plan';
import type { Finding, FormatId, RawValue, Severity, TableId } from '../report/types';

export type InsertTarget = { kind: 'selection' } | { kind: 'newSheet'; name: string };

/** A registered table as found in the workbook now. */
export interface TableRef extends TableRegistration {
  /** The registration name (e.g. OGI_applications). */
  name: string;
  sheet: string;
  /** Where the table is now (absolute, 0-based). */
  rect: Rect;
}

export interface ReadTable extends TableRef {
  /** rect.rs × rect.cs values as the host shows them ('' for empty). */
  values: RawValue[][];
  /** Found by its labels on the active sheet, not registered: this field, not the name, says so (the name, from
   *  unregisteredName, only keeps it apart from registered tables; it cannot be marked or selected by name). */
  recognised?: { findings: Finding[] };
}

/** Name given to a recognised, unregistered table. */
export const unregisteredName = (table: string): string => `?${table}`;

/** A registered name whose table can no longer be found (its sheet or rows were deleted). */
export interface LostTable {
  name: string;
  reason: string;
}

export interface TablesRead {
  tables: ReadTable[];
  lost: LostTable[];
  /** Prose from the 报告正文 sheet, rows as read (column A section, column B text); null when there is none. */
  prose: unknown[][] | null;
  /** Last year's report kept in the workbook by 导入上年报告 (JSON text), or null. */
  lastYear?: string | null;
  /** What the reader had to do or leave out, in Chinese (manual calculation recalculated, a sheet too large to search…). */
  notes?: string[];
}

export type InsertOutcome =
  | { ok: true; sheet: string; address: string; tables: TableRef[] }
  | { ok: false; reason: 'occupied' | 'protected' | 'unsupported' | 'failed'; message: string };

/** Why an insertion was refused, in the words every host uses: the sheet is protected. */
export const protectedRefusal = (sheet: string): InsertOutcome => ({
  ok: false,
  reason: 'protected',
  message: `工作表“${sheet}”受保护，无法插入。请先撤消工作表保护，或插入到新工作表。`,
});

/** Why an insertion was refused: the target area `where` (e.g. B2:K60) has cells with content (their addresses) or
 *  merged cells (the merged areas' address). Null when neither: the area is free. */
export function occupiedRefusal(where: string, occupied: string[], mergedAt: string | null): InsertOutcome | null {
  if (!occupied.length && !mergedAt) return null;
  const what = [
    occupied.length ? `${occupied.length} 个单元格已有内容（${occupied.slice(0, 3).join('、')}${occupied.length > 3 ? ' 等' : ''}）` : '',
    mergedAt ? `有合并单元格（${mergedAt}）` : '',
  ]
    .filter(Boolean)
    .join('，');
  return {
    ok: false,
    reason: 'occupied',
    message: `目标区域 ${where} 中${what}。为避免覆盖，未插入任何内容。请选择一个空白位置，或插入到新工作表。`,
  };
}

/** A cell to mark, addressed through its table so it survives rows inserted above. */
export interface Mark {
  tableName: string;
  r: number;
  c: number;
  severity: Severity;
  /** What is wrong, for a host that can attach a note to the cell (the rule and the finding's message). */
  note?: string;
}

/** A cell's mark with one more finding on it: the graver severity wins; the note lists each finding's rule
 *  and message (at most three). Every path that marks cells (pane, command line) builds marks with this. */
export function addToMark(
  prev: Mark | undefined,
  at: { tableName: string; r: number; c: number },
  f: { rule: string; message: string; severity: Severity },
): Mark {
  const line = `${f.rule}：${f.message}`;
  const lines = prev?.note ? prev.note.split('\n') : [];
  const note = lines.includes(line) || lines.length >= 3 ? lines.join('\n') : [...lines, line].join('\n');
  const severity: Severity = prev?.severity === 'error' || f.severity === 'error' ? 'error' : 'warning';
  return { tableName: at.tableName, r: at.r, c: at.c, severity, note };
}

export interface HostInfo {
  /** Highest API level the host offers for what the add-in needs; used for messages. */
  name: string;
  /** Whether the host can do what insertion and checking need. */
  supported: boolean;
  /** Chinese explanation when not supported. */
  reason?: string;
}

/** The host application as IT needs to know it (the self-test reports it). */
export interface HostEnvironment {
  /** e.g. 'Excel' */
  application: string;
  /** The application's version, e.g. '16.0.17928.20114'. */
  version: string;
  /** e.g. 'PC', 'OfficeOnline', 'Mac'. */
  platform: string;
  /** The highest API level supported, e.g. 'ExcelApi 1.17'. */
  api: string;
}

export interface ReadOptions {
  /** The sheet holding the report's prose, one paragraph per row (default 报告正文). */
  proseSheet?: string;
}

export interface WorkbookHost {
  info(): HostInfo;
  /** Insert tables at the selection or on a new sheet. Never overwrites: refuses when anything is in the way. */
  insertTables(req: PlanRequest, target: InsertTarget): Promise<InsertOutcome>;
  /** Every registered table with its values (and the prose sheet, last year's report). */
  readTables(options?: ReadOptions): Promise<TablesRead>;
  /** Read the tables and, in the same step, hand them to `decide`, then apply the marks it returns
   *  (replacing the add-in's earlier marks). One read and one write. */
  checkAndMark<T>(decide: (read: TablesRead) => { marks: Mark[]; result: T }, options?: ReadOptions): Promise<T>;
  /** Remove every mark the add-in made (or only those of the tables named); the user's own formatting is untouched.
   *  Returns how many cells were unmarked. */
  clearMarks(only?: string[]): Promise<number>;
  /** Select cells of a registered table (the first one gets the focus). */
  selectCells(tableName: string, cells: Array<{ r: number; c: number }>): Promise<void>;
  /** Select cells by their sheet-qualified address: one cell ('Sheet1'!D6) or several areas of a sheet ('Sheet1'!D6:I6,D9). */
  selectAddress(address: string): Promise<void>;
  /** Register tables found by their labels (names, conditional formats), so they can be marked and found again. */
  registerTables(tables: Array<{ table: TableId; format: FormatId; year: number; sheet: string; rect: Rect }>): Promise<TableRef[]>;
  /** Keep last year's report (JSON text) in the workbook, or remove it (null). */
  storeLastYear(json: string | null): Promise<void>;
  /** Names of the worksheets (for a free new-sheet name). */
  sheetNames(): Promise<string[]>;
  /** Write rows of prose on a new sheet named `sheet` (or `sheet(2)`… when taken). Never overwrites. Returns the sheet used. */
  insertProse(sheet: string, rows: Array<[number | string, string]>): Promise<string>;
  /** Version, platform and API level of the host (for the self-test's report). */
  environment(): HostEnvironment;
  /** Type numbers into cells of a registered table, as a person would (the self-test's wrong total). */
  writeCells(tableName: string, cells: Array<{ r: number; c: number; value: number }>): Promise<void>;
  /** Remove a sheet the add-in made with the tables registered on it: their names, their marks, the sheet (and the
   *  hidden mark sheet when no registered table is left). For the self-test's scratch sheet. */
  discardSheet(sheet: string): Promise<void>;
}

/** A Chinese message for a failure, with the English reason where useful. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
