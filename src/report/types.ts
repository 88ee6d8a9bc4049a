/** Core vocabulary of the report domain. Pure data types: no host (Excel/WPS) types here. */

export type FormatId = '2019' | '2021';
export const FORMAT_IDS: readonly FormatId[] = ['2019', '2021'];

export type TableId = 'active' | 'applications' | 'reviews';
export const TABLE_IDS: readonly TableId[] = ['active', 'applications', 'reviews'];

/** `table.row.column`, e.g. `applications.carried_forward.total` (see spec report-json.md): built by `cellKey`,
 *  taken apart by `splitKey`, never by hand. */
export type CellKey = `${TableId}.${string}.${string}`;

/** A cell of last year's report, as the cross-year relations (crossYear.ts) name it beside this year's cells. */
export type LastYearKey = `last:${CellKey}`;

/** What a data cell may hold: whole counts ≥ 0, money ≥ 0 (decimals), or a signed whole change. */
export type ValueKind = 'count' | 'amount' | 'signed';

/** A cell value as the person typed it: a number, null (blank), or the raw string when not a clean number. */
export type RawValue = number | string | boolean | null;

export interface Report {
  schema: 'ogi-report/1';
  format: FormatId;
  year: number;
  agency?: string;
  /** tables[table][row][column] */
  tables: Partial<Record<TableId, Record<string, Record<string, RawValue>>>>;
  /** Prose of the six sections, keyed '1'..'6'. */
  text?: Partial<Record<string, string>>;
}

export type Severity = 'error' | 'warning';

/** A rule as the help panel and the docs explain it: its public id, how grave, the official wording. */
export interface RuleDoc {
  id: string;
  severity: Severity | 'error/warning';
  wording: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Every cell the finding involves, the one most likely wrong first. */
  cells: CellKey[];
  message: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** BLANK only: the whole table is not filled in yet (one finding for the table, its cells not painted). */
  untouched?: boolean;
}

export function cellKey(table: TableId, row: string, column: string): CellKey {
  return `${table}.${row}.${column}`;
}

export function splitKey(key: CellKey): { table: TableId; row: string; column: string } {
  const first = key.indexOf('.');
  const second = key.indexOf('.', first + 1);
  return { table: key.slice(0, first) as TableId, row: key.slice(first + 1, second), column: key.slice(second + 1) };
}

/** Whether a string from outside (JSON, a command line, a test) is a cell key of a known table. */
export function isCellKey(s: string): s is CellKey {
  const parts = s.split('.');
  return parts.length === 3 && (TABLE_IDS as readonly string[]).includes(parts[0]) && parts[1] !== '' && parts[2] !== '';
}

/** The report years accepted wherever a year is typed or read (pane, command line, report JSON, import): from 2008,
 *  the first year under the 条例, to 2100, so that a slip of the keyboard ("25", "20255") is caught. */
export const FIRST_REPORT_YEAR = 2008;
export const LAST_REPORT_YEAR = 2100;

/** The report year in what was typed: a whole number, or four digits as text (spaces around allowed); null when
 *  it is neither or lies outside FIRST_REPORT_YEAR…LAST_REPORT_YEAR. */
export function reportYear(typed: unknown): number | null {
  const year = typeof typed === 'number' ? typed : typeof typed === 'string' && /^\s*\d{4}\s*$/.test(typed) ? Number(typed) : NaN;
  return Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR ? year : null;
}

/** The one message for a year that is not one, naming what was typed (english.ts renders it). */
export function yearMessage(typed: unknown): string {
  const shown = textOf(typed);
  return `年份“${shown}”无效：请填写 ${FIRST_REPORT_YEAR} 至 ${LAST_REPORT_YEAR} 之间的四位年份，如 2025`;
}

/** A value read from a file or a cell as the text a person would see: strings, numbers and booleans as written,
 *  nothing for null/undefined, an exceljs rich-text cell as its runs' text, anything else as JSON (never "[object Object]"). */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  const rich = (v as { richText?: unknown }).richText;
  if (Array.isArray(rich)) return rich.map((r) => textOf((r as { text?: unknown }).text)).join('');
  return JSON.stringify(v) ?? '';
}

/** Report years up to 2020 use the 2019 (试行) format; 2021 onward the current one. */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? '2019' : '2021';
}
