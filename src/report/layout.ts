/**
 * Compiles a table definition (formats.ts) into a grid: every placed cell with its merge span, role,
 * text and — for data cells — its cell key. Everything that draws, reads or writes a table uses this.
 */
import {
  FORMATS,
  SECTION_TITLES,
  TABLE_SECTION,
  TABLE_NAMES,
  nameOf,
  type BlocksTableDef,
  type LabelNode,
  type MatrixTableDef,
} from './formats';
import { cellKey, splitKey, type CellKey, type FormatId, type TableId, type ValueKind } from './types';

export type CellRole = 'corner' | 'header' | 'blockTitle' | 'label' | 'data';

export interface LayoutCell {
  /** 0-based row and column inside the table, and the merge span. */
  r: number;
  c: number;
  rs: number;
  cs: number;
  role: CellRole;
  /** Official text of a non-data cell. */
  text?: string;
  node?: LabelNode;
  /** Data cells only. */
  key?: CellKey;
  kind?: ValueKind;
  rowKey?: string;
  colKey?: string;
  /** Names used in messages: the row (or column group of table 3) and the column. */
  rowName?: string;
  colName?: string;
}

export interface TableLayout {
  format: FormatId;
  table: TableId;
  /** Section title the table sits under, e.g. 三、收到和处理政府信息公开申请情况. */
  title: string;
  name: string;
  rows: number;
  cols: number;
  widths: number[];
  cells: LayoutCell[];
  /** Data cells in reading order (row by row). */
  data: LayoutCell[];
  byKey: ReadonlyMap<CellKey, LayoutCell>;
  /** Distinct row keys and column keys, in order. */
  rowKeys: string[];
  colKeys: string[];
}

const depth = (nodes: LabelNode[]): number => Math.max(0, ...nodes.map((n) => 1 + depth(n.children ?? [])));
const leaves = (nodes: LabelNode[]): LabelNode[] => nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));

interface Leaf {
  node: LabelNode;
  index: number;
  group?: LabelNode;
}

/** Place a label tree along one axis. `along` advances per leaf; `across` per depth level. */
function placeTree(
  nodes: LabelNode[],
  levels: number,
  start: number,
  emit: (n: LabelNode, level: number, pos: number, span: number, levelsSpan: number) => void,
): Leaf[] {
  const out: Leaf[] = [];
  const walk = (list: LabelNode[], level: number, pos: number, group?: LabelNode): number => {
    for (const n of list) {
      if (n.children) {
        const span = leaves(n.children).length;
        emit(n, level, pos, span, 1);
        walk(n.children, level + 1, pos, n.rowKey ? n : group);
        pos += span;
      } else {
        emit(n, level, pos, 1, levels - level);
        out.push({ node: n, index: pos, group });
        pos += 1;
      }
    }
    return pos;
  };
  walk(nodes, 0, start);
  return out;
}

function matrixLayout(def: MatrixTableDef): Omit<TableLayout, 'format' | 'title' | 'name' | 'byKey' | 'rowKeys' | 'colKeys' | 'data'> {
  const cells: LayoutCell[] = [];
  const headerRows = depth(def.columns);
  const lc = def.labelColumns;
  if (lc > 0) cells.push({ r: 0, c: 0, rs: headerRows, cs: lc, role: 'corner', text: def.corner ?? '' });
  const colLeaves = placeTree(def.columns, headerRows, lc, (n, level, pos, span, levelsSpan) =>
    cells.push({ r: level, c: pos, rs: levelsSpan, cs: span, role: 'header', text: n.label, node: n }),
  );
  const rowLeaves: Leaf[] = def.rows
    ? placeTree(def.rows, lc, headerRows, (n, level, pos, span, levelsSpan) =>
        cells.push({ r: pos, c: level, rs: span, cs: levelsSpan, role: 'label', text: n.label, node: n }),
      )
    : [{ node: { label: '' }, index: headerRows }];
  for (const rl of rowLeaves) {
    for (const cl of colLeaves) {
      const rowKey = rl.node.key ?? cl.group?.rowKey;
      const rowNode = rl.node.key ? rl.node : cl.group;
      if (!rowKey || !cl.node.key || !rowNode) throw new Error(`format definition: no key for ${rl.node.label}/${cl.node.label}`);
      cells.push({
        r: rl.index,
        c: cl.index,
        rs: 1,
        cs: 1,
        role: 'data',
        key: cellKey(def.id, rowKey, cl.node.key),
        kind: cl.node.kind ?? 'count',
        rowKey,
        colKey: cl.node.key,
        rowName: nameOf(rowNode),
        colName: nameOf(cl.node),
      });
    }
  }
  const rows = headerRows + rowLeaves.length;
  const cols = lc + colLeaves.length;
  return { table: def.id, rows, cols, widths: def.widths.slice(0, cols), cells };
}

function blocksLayout(def: BlocksTableDef): Omit<TableLayout, 'format' | 'title' | 'name' | 'byKey' | 'rowKeys' | 'colKeys' | 'data'> {
  const cells: LayoutCell[] = [];
  let r = 0;
  for (const b of def.blocks) {
    cells.push({ r, c: 0, rs: 1, cs: def.width, role: 'blockTitle', text: b.title });
    r += 1;
    cells.push({ r, c: 0, rs: 1, cs: 1, role: 'header', text: def.itemHeader });
    const spanOf = (i: number): number => (i === b.columns.length - 1 ? def.width - 1 - i : 1);
    b.columns.forEach((col, i) => cells.push({ r, c: 1 + i, rs: 1, cs: spanOf(i), role: 'header', text: col.label, node: col }));
    r += 1;
    for (const row of b.rows) {
      cells.push({ r, c: 0, rs: 1, cs: 1, role: 'label', text: row.label, node: row });
      b.columns.forEach((col, i) => {
        if (!row.key || !col.key) throw new Error(`format definition: no key for ${row.label}/${col.label}`);
        cells.push({
          r,
          c: 1 + i,
          rs: 1,
          cs: spanOf(i),
          role: 'data',
          key: cellKey(def.id, row.key, col.key),
          kind: col.kind ?? 'count',
          rowKey: row.key,
          colKey: col.key,
          rowName: nameOf(row),
          colName: nameOf(col),
        });
      });
      r += 1;
    }
  }
  return { table: def.id, rows: r, cols: def.width, widths: def.widths, cells };
}

const cache = new Map<string, TableLayout>();

export function tableLayout(format: FormatId, table: TableId): TableLayout {
  const id = `${format}/${table}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const def = FORMATS[format].tables[table];
  const base = def.shape === 'matrix' ? matrixLayout(def) : blocksLayout(def);
  const data = base.cells.filter((c) => c.role === 'data').sort((a, b) => a.r - b.r || a.c - b.c);
  const byKey = new Map(data.map((c) => [c.key as CellKey, c]));
  const uniq = (xs: string[]): string[] => [...new Set(xs)];
  const layout: TableLayout = {
    ...base,
    format,
    title: SECTION_TITLES[TABLE_SECTION[table] - 1],
    name: TABLE_NAMES[table],
    data,
    byKey,
    rowKeys: uniq(data.map((c) => c.rowKey as string)),
    colKeys: uniq(data.map((c) => c.colKey as string)),
  };
  cache.set(id, layout);
  return layout;
}

export function allLayouts(format: FormatId): TableLayout[] {
  return (['active', 'applications', 'reviews'] as TableId[]).map((t) => tableLayout(format, t));
}

/** Every data cell key of a format, tables in report order. */
export function allKeys(format: FormatId): CellKey[] {
  return allLayouts(format).flatMap((l) => l.data.map((c) => c.key as CellKey));
}

/** The layout cell of a key in a format, or undefined when the format has no such cell. */
export function cellOf(format: FormatId, key: CellKey): LayoutCell | undefined {
  const { table } = splitKey(key);
  if (!(table in FORMATS[format].tables)) return undefined;
  return tableLayout(format, table).byKey.get(key);
}

/** A cell described for a clerk: "表2 （一）予以公开 · 自然人". */
export function describeCell(format: FormatId, key: CellKey): string {
  const cell = cellOf(format, key);
  if (!cell) return key;
  const layout = tableLayout(format, splitKey(key).table);
  return `${layout.name.split(' ')[0]} ${cell.rowName} · ${cell.colName}`;
}
