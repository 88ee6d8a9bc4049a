/**
 * The insertion plan: what inserting one or all tables writes, as host-neutral data (values and
 * formulas as a 2-D block, merges, styles, validations, conditional formats, registration names).
 * The Excel adapter, the .xlsx writer and the preview all execute the same plan.
 */
import { rectAddress, a1, compactRefs, type Rect } from './a1';
import { tableLayout, type TableLayout } from './layout';
import { parseCell } from './parse';
import { cellsToMark, relations, SUM_TOLERANCE, sumHolds, totalFormulas } from './rules';
import { TABLE_IDS, textOf, type CellKey, type FormatId, type RawValue, type TableId, type ValueKind } from './types';
import type { ValueSource } from './check';

export type CellStyle = 'reportTitle' | 'sectionTitle' | 'corner' | 'header' | 'blockTitle' | 'label' | 'input' | 'total';

export interface StyleSpec {
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  hAlign?: 'Left' | 'Center' | 'Right';
  vAlign?: 'Top' | 'Center' | 'Bottom';
  /** Thin borders on every edge of every cell. */
  border?: boolean;
  fontSize?: number;
}

export const STYLES: Record<CellStyle, StyleSpec> = {
  reportTitle: { bold: true, fontSize: 14 },
  sectionTitle: { bold: true, fontSize: 12 },
  corner: { fill: '#DDEBF7', wrap: true, hAlign: 'Left', vAlign: 'Center', border: true },
  header: { fill: '#DDEBF7', bold: true, wrap: true, hAlign: 'Center', vAlign: 'Center', border: true },
  blockTitle: { fill: '#BDD7EE', bold: true, hAlign: 'Center', vAlign: 'Center', border: true },
  label: { wrap: true, hAlign: 'Left', vAlign: 'Center', border: true },
  input: { hAlign: 'Right', vAlign: 'Center', border: true },
  total: { fill: '#F2F2F2', bold: true, hAlign: 'Right', vAlign: 'Center', border: true },
};

export const NUMBER_FORMATS: Record<ValueKind, string> = { count: '0', amount: '0.00', signed: '0' };

/** Fills the add-in uses for its own marks (findings) and for conditional formats. */
export const MARK_FILLS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** Excel column width in points for a width in character units. */
export const widthPoints = (chars: number): number => Math.round(chars * 6 + 5);

export interface PlanRequest {
  format: FormatId;
  year: number;
  agency?: string;
  tables: readonly TableId[];
  /** Add the report title line and each table's section title (for "insert all"). */
  titles: boolean;
  /** 总计 cells as formulas over their parts (default true). */
  formulas: boolean;
  /** Values to fill in (the CLI's `fill`). A total that disagrees with its parts is written as given. */
  values?: ValueSource;
  /** Registration name of each table (chosen by the host so it is unique); decides where its marks live. */
  names?: Partial<Record<TableId, string>>;
}

export interface PlannedTable {
  /** Registration name (workbook-scoped). */
  name: string;
  table: TableId;
  format: FormatId;
  year: number;
  /** The 单位名称 given at insertion, kept with the registration. */
  agency?: string;
  /** The table grid (without its section title), absolute 0-based. */
  rect: Rect;
  layout: TableLayout;
}

export interface SheetPlan {
  rect: Rect;
  /** rect.rs × rect.cs; '' = leave empty; strings starting with '=' are formulas. */
  values: (string | number)[][];
  numberFormats: string[][];
  merges: Rect[];
  styled: Array<{ rect: Rect; style: CellStyle }>;
  columnWidths: Array<{ c: number; chars: number }>;
  validations: Array<{ rect: Rect; kind: ValueKind }>;
  conditionalFormats: Array<{ rect: Rect; formula: string; rule: string; severity: 'error' | 'warning' }>;
  tables: PlannedTable[];
}

export function reportTitle(year: number, agency?: string): string {
  return `${agency ?? ''}${year}年政府信息公开工作年度报告 统计表`;
}

/** The agency in a title line as reportTitle writes it (or a report's own title): what precedes "YYYY年政府信息公开工作年度报告". */
export function agencyOfTitle(text: unknown, year: number): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = new RegExp(`^(.+?)${Number.isInteger(year) ? year : '\\d{4}'}年(?:度)?政府信息公开工作年度报告`).exec(text.trim());
  return m ? m[1].trim() || undefined : undefined;
}

/** Size of the block a request would write, before knowing where. */
export function planSize(req: PlanRequest): { rows: number; cols: number } {
  const layouts = req.tables.map((t) => tableLayout(req.format, t));
  const rows = (req.titles ? 2 : 0) + layouts.reduce((n, l, i) => n + l.rows + (req.titles ? 1 : 0) + (i < layouts.length - 1 ? 1 : 0), 0);
  return { rows, cols: Math.max(...layouts.map((l) => l.cols)) };
}

const writable = (v: RawValue | undefined): string | number => {
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string') return v.startsWith('=') ? `'${v}` : v;
  // anything else a report file may hold (true, an object from hand-made JSON) as its text, never throwing
  return textOf(v);
};

export function buildPlan(req: PlanRequest, anchor: { r: number; c: number }): SheetPlan {
  const size = planSize(req);
  const rect: Rect = { r: anchor.r, c: anchor.c, rs: size.rows, cs: size.cols };
  const values: (string | number)[][] = Array.from({ length: size.rows }, () => new Array<string | number>(size.cols).fill(''));
  const numberFormats: string[][] = Array.from({ length: size.rows }, () => new Array<string>(size.cols).fill('General'));
  const plan: SheetPlan = {
    rect,
    values,
    numberFormats,
    merges: [],
    styled: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
  };
  const widths = new Map<number, number>();
  let row = 0;
  if (req.titles) {
    values[0][0] = writable(reportTitle(req.year, req.agency)); // an agency name starting with '=' stays text
    plan.styled.push({ rect: { r: anchor.r, c: anchor.c, rs: 1, cs: 1 }, style: 'reportTitle' });
    row = 2;
  }
  const formulas = totalFormulas(req.format);
  for (const table of TABLE_IDS.filter((t) => req.tables.includes(t))) {
    const layout = tableLayout(req.format, table);
    if (req.titles) {
      values[row][0] = layout.title;
      plan.styled.push({ rect: { r: anchor.r + row, c: anchor.c, rs: 1, cs: 1 }, style: 'sectionTitle' });
      row += 1;
    }
    const top = { r: anchor.r + row, c: anchor.c };
    placeCells(plan, req, layout, anchor, top, formulas);
    layout.widths.forEach((w, i) => widths.set(anchor.c + i, Math.max(widths.get(anchor.c + i) ?? 0, w)));
    const name = req.names?.[table] ?? registrationNames(table)[0];
    const tableRect: Rect = { r: top.r, c: top.c, rs: layout.rows, cs: layout.cols };
    plan.conditionalFormats.push(...tableConditionalFormats(layout, tableRect, name));
    plan.tables.push({
      name,
      table,
      format: req.format,
      year: req.year,
      ...(req.agency ? { agency: req.agency } : {}),
      rect: tableRect,
      layout,
    });
    row += layout.rows + 1;
  }
  plan.columnWidths = [...widths.entries()].sort((a, b) => a[0] - b[0]).map(([c, chars]) => ({ c, chars }));
  return plan;
}

/** The cells of one table placed with its top-left at `top`: labels styled, data cells with their number format, a
 *  SUM where the format has a total (unless the report's own total disagrees with its parts), validation on input. */
function placeCells(
  plan: SheetPlan,
  req: PlanRequest,
  layout: TableLayout,
  anchor: { r: number; c: number },
  top: { r: number; c: number },
  formulas: ReturnType<typeof totalFormulas>,
): void {
  const abs = (cell: { r: number; c: number }): { r: number; c: number } => ({ r: top.r + cell.r, c: top.c + cell.c });
  for (const cell of layout.cells) {
    const p = abs(cell);
    const local = { r: p.r - anchor.r, c: p.c - anchor.c };
    const cellRect: Rect = { r: p.r, c: p.c, rs: cell.rs, cs: cell.cs };
    if (cell.rs > 1 || cell.cs > 1) plan.merges.push(cellRect);
    if (cell.role !== 'data') {
      plan.values[local.r][local.c] = cell.text ?? '';
      plan.styled.push({ rect: cellRect, style: cell.role });
      continue;
    }
    const key = cell.key as CellKey;
    const kind = cell.kind ?? 'count';
    plan.numberFormats[local.r][local.c] = NUMBER_FORMATS[kind];
    const parts = formulas.get(key);
    const sum =
      parts && req.formulas
        ? `=SUM(${compactRefs(parts.map((k) => abs(layout.byKey.get(k) as { r: number; c: number }))).join(',')})`
        : null;
    const formula = sum && parts && (!req.values || ownTotalHolds(req.values, key, parts)) ? sum : null;
    if (formula) {
      plan.values[local.r][local.c] = formula;
      plan.styled.push({ rect: cellRect, style: 'total' });
    } else {
      plan.values[local.r][local.c] = writable(req.values?.(key));
      plan.styled.push({ rect: cellRect, style: parts ? 'total' : 'input' });
      plan.validations.push({ rect: cellRect, kind });
    }
  }
}

/** Whether the report's own total equals the sum of its parts (so a SUM formula may replace it without changing it). */
function ownTotalHolds(values: NonNullable<PlanRequest['values']>, key: CellKey, parts: CellKey[]): boolean {
  const total = parseCell(values(key) ?? null);
  const partVals = parts.map((k) => parseCell(values(k) ?? null));
  return (
    total.status === 'ok' &&
    partVals.every((v) => v.status === 'ok' || v.status === 'blank') &&
    sumHolds(
      partVals.reduce((s, v) => s + (v.value ?? 0), 0),
      total.value as number,
    )
  );
}

/** The conditional formats of a table placed at `rect`: one per broken-relation cell (colouring a
 *  broken sum while the user types) and the two that show the add-in's marks (see MARK_SHEET). */
export function tableConditionalFormats(layout: TableLayout, rect: Rect, name: string): SheetPlan['conditionalFormats'] {
  const out: SheetPlan['conditionalFormats'] = [];
  const at = (key: CellKey): { r: number; c: number } => {
    const cell = layout.byKey.get(key);
    if (!cell) throw new Error(`plan: unknown key ${key}`);
    return { r: rect.r + cell.r, c: rect.c + cell.c };
  };
  for (const rel of relations(layout.format)) {
    if (rel.rule.table !== layout.table) continue;
    const sum = (keys: CellKey[]): string => `SUM(${keys.map((k) => a1(at(k).r, at(k).c, true)).join(',')})`;
    const test =
      (rel.rule.op ?? '=') === '='
        ? `ABS(${sum(rel.lhs)}-${sum(rel.rhs)})>${SUM_TOLERANCE}`
        : `${sum(rel.lhs)}-${sum(rel.rhs)}>${SUM_TOLERANCE}`;
    for (const k of cellsToMark({ rule: rel.rule.id, cells: [...rel.lhs, ...rel.rhs] })) {
      const p = at(k);
      out.push({ rect: { r: p.r, c: p.c, rs: 1, cs: 1 }, formula: `=${test}`, rule: rel.rule.id, severity: rel.rule.severity });
    }
  }
  const block = markBlock(name);
  for (const [severity, code] of [
    ['error', 2],
    ['warning', 1],
  ] as const) {
    out.push({ rect, formula: `=${MARK_SHEET}!${a1(block.r, block.c)}=${code}`, rule: 'MARK', severity });
  }
  return out;
}

/** Registration of a table in a workbook: a workbook-scoped name and the metadata kept in its comment. */
export interface TableRegistration {
  table: TableId;
  format: FormatId;
  year: number;
  /** 单位名称 given when the tables were inserted (absent in registrations made before it was kept, or when none was given). */
  agency?: string;
}

export const NAME_PREFIX = 'OGI_';

/** Marks (findings shown in the sheet) live in a very hidden sheet: one block per registered table,
 *  2 = error, 1 = warning. A conditional format on each table, added at insertion, colours the cells
 *  whose block cell is set — so marking never touches the user's own formatting, and clearing is
 *  writing zeros. */
export const MARK_SHEET = 'OGI_marks';
export const MARK_CODES = { error: 2, warning: 1 } as const;
export const MARK_BLOCK_ROWS = 32;
export const MARK_BLOCK_COLS = 16;
/** The one reading of a registration name: OGI_applications is set 1 of the applications table, OGI_reviews_3 set 3;
 *  null for any other name. */
export function parseRegistrationName(name: string): { table: TableId; set: number } | null {
  const m = /^OGI_(active|applications|reviews)(?:_(\d+))?$/.exec(name);
  return m ? { table: m[1] as TableId, set: m[2] ? Number(m[2]) : 1 } : null;
}
export function markBlock(name: string): { r: number; c: number } {
  const reg = parseRegistrationName(name);
  if (!reg) throw new Error(`not a registration name: ${name}`);
  return { r: (reg.set - 1) * MARK_BLOCK_ROWS, c: TABLE_IDS.indexOf(reg.table) * MARK_BLOCK_COLS };
}
/** Row (inside a table's block) where its registration is also written, for files whose names carry no comment. */
export const MARK_META_ROW = 30;
/** The whole area of the mark sheet the add-in may use (cleared in one write). */
export const MARK_AREA: Rect = { r: 0, c: 0, rs: 12 * 32, cs: 3 * 16 };
/** Candidate names for each table: OGI_applications, OGI_applications_2 … (a workbook may hold several years). */
export const MAX_SETS = MARK_AREA.rs / MARK_BLOCK_ROWS;
export function registrationNames(table: TableId): string[] {
  return Array.from({ length: MAX_SETS }, (_, i) => (i === 0 ? `${NAME_PREFIX}${table}` : `${NAME_PREFIX}${table}_${i + 1}`));
}

/** Every registration name a workbook can hold (all sets of all tables). */
export const ALL_NAMES: readonly string[] = TABLE_IDS.flatMap((t) => registrationNames(t));

/** The first set of registration names free for all these tables, or null when every set is taken. */
export function freeNames(tables: readonly TableId[], used: ReadonlySet<string>): Partial<Record<TableId, string>> | null {
  for (let i = 0; i < MAX_SETS; i++) {
    const set = tables.map((t) => registrationNames(t)[i]);
    if (set.every((n) => !used.has(n))) return Object.fromEntries(tables.map((t, j) => [t, set[j]]));
  }
  return null;
}

export function encodeRegistration(reg: TableRegistration): string {
  return JSON.stringify({ ogi: 1, table: reg.table, format: reg.format, year: reg.year, ...(reg.agency ? { agency: reg.agency } : {}) });
}

export function decodeRegistration(name: string, comment: string | null | undefined): TableRegistration | null {
  const reg = parseRegistrationName(name);
  if (!reg) return null;
  try {
    const o = JSON.parse(comment ?? '') as Partial<TableRegistration>;
    if ((o.format === '2019' || o.format === '2021') && typeof o.year === 'number') {
      const agency = typeof o.agency === 'string' && o.agency.trim() ? o.agency.trim() : undefined;
      return { table: reg.table, format: o.format, year: o.year, ...(agency ? { agency } : {}) };
    }
  } catch {
    /* a comment edited by hand: fall through */
  }
  return null;
}

export { rectAddress };
