/**
 * The one grid reader: the three tables read by their labels from rows of cells, whatever the input
 * kind was. Row labels say which row a run of values belongs to; the layout (layout.ts) says how many
 * values each row has and under which keys; blank cells that the source lost are placed only when the
 * known column count leaves no doubt. Nothing is guessed: what cannot be placed is a problem.
 */
import { FORMATS, SECTION_TITLES, TABLE_SECTION } from '../formats';
import { tableLayout, type LayoutCell, type TableLayout } from '../layout';
import { parseCell } from '../parse';
import { FORMAT_IDS, TABLE_IDS, splitKey, type CellKey, type Finding, type FormatId, type RawValue, type TableId } from '../types';
import { allTablesDict, formatsOf, matchLabel, normLabel, tableDict, type LabelMatch, type LabelTarget } from './labels';
import { isBlank, isValueLike, type Row } from './row';
import { relations } from '../rules';
import { resolveAcross, rowRelations, splitRuns, type PendingRun } from './runs';

export interface TableRead {
  table: TableId;
  /** Values read, by cell key; a cell not read is absent. */
  values: Map<CellKey, RawValue>;
  findings: Finding[];
  problems: string[];
}

/** A cell as the report keeps it: null when blank, a number when it is a clean number, else the
 *  string as typed ("/", "—", "251000元", "４８"). */
export function toRaw(s: string): RawValue {
  const t = s.trim();
  if (isBlank(t)) return null;
  const p = parseCell(t);
  return p.status === 'ok' ? p.value : t;
}

const tableNo = (t: TableId): string => `表${TABLE_SECTION[t] - 1}`;
const titleOf = (t: TableId): string => SECTION_TITLES[TABLE_SECTION[t] - 1].replace(/^[一二三四五六]、/, '');
const quoteList = (xs: string[]): string => xs.map((x) => `“${x}”`).join('');
const showValues = (cells: string[]): string => cells.map((c) => (isBlank(c) ? '（空）' : c.trim())).join('、');

/** Labels whose text belongs to exactly one table (both formats together): they say where a table
 *  is. "总计", "其他", "合计" are in tables 2 and 3 and say nothing. */
let tablesByText: Map<string, Set<TableId>> | null = null;
const exclusive = (t: LabelTarget, table: TableId): boolean => {
  if (!tablesByText) {
    tablesByText = new Map();
    for (const id of TABLE_IDS) {
      for (const target of tableDict(id).targets) {
        for (const v of [target.norm, ...target.aliases]) {
          const set = tablesByText.get(v) ?? new Set<TableId>();
          set.add(id);
          tablesByText.set(v, set);
        }
      }
    }
  }
  return [t.norm, ...t.aliases].every((v) => {
    const set = tablesByText?.get(v);
    return !!set && set.size === 1 && set.has(table);
  });
};

/** Which format the labels of the rows speak for: labels only one format has (本年制发件数 vs
 *  本年新制作数量, the three （六） items vs 政府集中采购 …). Null when they do not tell. */
export function detectFormat(rows: Row[]): FormatId | null {
  const dict = allTablesDict();
  const seen = new Set<LabelTarget>();
  for (const row of rows)
    for (const c of row.cells) {
      if (isValueLike(c)) continue;
      const m = matchLabel(c, dict);
      if (m) seen.add(m.target);
    }
  const votes: Record<FormatId, number> = { '2019': 0, '2021': 0 };
  for (const t of seen) {
    const fs = formatsOf(t);
    if (fs.size === 1) votes[[...fs][0]] += 1;
  }
  if (votes['2019'] === votes['2021']) return null;
  return votes['2019'] > votes['2021'] ? '2019' : '2021';
}

/** Data cells a label of the layout stands over: the rows of a row label, the columns of a header
 *  (within its block for table 1), the whole block for a block title. */
function coveredKeys(layout: TableLayout, cell: LayoutCell): CellKey[] {
  const blockEnd = (r: number): number =>
    Math.min(...layout.cells.filter((c) => c.role === 'blockTitle' && c.r > r).map((c) => c.r), layout.rows);
  const blockStart = (r: number): number =>
    Math.max(-1, ...layout.cells.filter((c) => c.role === 'blockTitle' && c.r <= r).map((c) => c.r));
  const inRows = (d: LayoutCell, from: number, to: number): boolean => d.r >= from && d.r < to;
  const inCols = (d: LayoutCell): boolean => d.c >= cell.c && d.c < cell.c + cell.cs;
  let keep: (d: LayoutCell) => boolean;
  if (cell.role === 'label') keep = (d) => inRows(d, cell.r, cell.r + cell.rs);
  else if (cell.role === 'blockTitle') keep = (d) => inRows(d, cell.r, blockEnd(cell.r));
  else if (cell.role === 'header') keep = (d) => inCols(d) && inRows(d, blockStart(cell.r), blockEnd(cell.r));
  else keep = () => false;
  return layout.data.filter(keep).map((d) => d.key as CellKey);
}

/** The name of a data row for messages: its label, with its group for numbered items. */
function rowTitle(layout: TableLayout, rowKey: string): string {
  const label = layout.cells.find((c) => c.role === 'label' && c.node?.key === rowKey);
  if (!label) return rowKey;
  const group = layout.cells.find((c) => c.role === 'label' && c.c === label.c - 1 && c.r <= label.r && label.r < c.r + c.rs && c.c > 0);
  return group ? `${group.text} ${label.text}` : (label.text as string);
}

interface Segment {
  gap: number;
  cells: string[];
}

/** Resolve a run of cells into exactly n values. In order: the cells of the label's own row; the
 *  following rows with each empty line standing for one blank cell; the non-blank cells only. */
function resolveValues(segs: Segment[], n: number, mergedTo?: number): { cells?: string[]; found: number; rows: number } {
  let skipped = 0;
  while (skipped < segs.length && segs[skipped].cells.length === 0) skipped += 1;
  const list = segs.slice(skipped);
  const nonBlank = list.flatMap((s) => s.cells).filter((c) => !isBlank(c));
  if (!list.length) return { found: 0, rows: 0 };
  const first = list[0].cells;
  const rows = (k: number): number => skipped + k;
  if (first.length >= n) {
    if (first.slice(n).every(isBlank)) return { cells: first.slice(0, n), found: n, rows: rows(1) };
    if (mergedTo && first.length === mergedTo && first.slice(n - 1).every((c) => isBlank(c) || c.trim() === first[n - 1].trim())) {
      return { cells: first.slice(0, n), found: n, rows: rows(1) };
    }
    return { found: first.filter((c) => !isBlank(c)).length, rows: rows(1) };
  }
  const trimEnd = (xs: string[]): string[] => {
    let k = xs.length;
    while (k > 0 && isBlank(xs[k - 1])) k -= 1;
    return xs.slice(0, k);
  };
  let flat = first.slice();
  for (let k = 1; k < list.length; k++) {
    flat = [...flat, ...Array<string>(list[k].gap).fill(''), ...list[k].cells];
    const t = trimEnd(flat);
    if (t.length === n) return { cells: t, found: n, rows: rows(k + 1) };
    if (t.length > n) break;
  }
  if (nonBlank.length === n) return { cells: nonBlank, found: n, rows: rows(list.length) };
  return { found: nonBlank.length, rows: rows(list.length) };
}

/** What reading the labelled rows of one table has gathered so far. */
interface RowScan {
  table: TableId;
  layout: TableLayout;
  other: FormatId;
  otherLayout: TableLayout;
  /** A blocks table's merged value cell spans this many columns. */
  mergedTo?: number;
  labelColumns: number;
  end: number;
  /** Rows whose values were read (a wrapped row takes more than one). */
  consumed: Set<number>;
  pending: PendingRun[];
  /** Rows where a data row starts. */
  dataRows: number[];
  /** Row keys read. */
  read: Set<string>;
  out: TableRead;
}

/** A data row starting at row i, its values on `rows` rows. */
function takeRows(scan: RowScan, i: number, rows: number): void {
  scan.dataRows.push(i);
  for (let k = 0; k < rows; k++) scan.consumed.add(i + k);
}

class Reader {
  private memo = new Map<string, LabelMatch | null>();
  constructor(
    private rows: Row[],
    private format: FormatId,
  ) {}

  /** The label a cell holds in a table's dictionary (both formats), or null. */
  match(i: number, j: number, table: TableId): LabelMatch | null {
    const id = `${table}:${i}:${j}`;
    if (this.memo.has(id)) return this.memo.get(id) as LabelMatch | null;
    const c = this.rows[i].cells[j];
    const m = isValueLike(c) ? null : matchLabel(c, tableDict(table));
    this.memo.set(id, m);
    return m;
  }

  /** First row holding a label only this table has. */
  start(table: TableId): number {
    for (let i = 0; i < this.rows.length; i++) {
      for (let j = 0; j < this.rows[i].cells.length; j++) {
        const m = this.match(i, j, table);
        if (m && exclusive(m.target, table)) return i;
      }
    }
    return -1;
  }

  /** The cells after (i, j0) up to the next label of the table, continued on the following rows while
   *  they hold values only (the cell stream of one-cell-per-line text). */
  segmentsFrom(table: TableId, i: number, j0: number, end: number): Segment[] {
    const rowCut = (k: number, from: number, valuesOnly: boolean): { cells: string[]; stopped: boolean } => {
      const cells = this.rows[k].cells;
      for (let j = from; j < cells.length; j++) {
        if (this.match(k, j, table) || (valuesOnly && !isValueLike(cells[j]))) return { cells: cells.slice(from, j), stopped: true };
      }
      return { cells: cells.slice(from), stopped: false };
    };
    const head = rowCut(i, j0, false);
    const segs: Segment[] = [{ gap: 0, cells: head.cells }];
    if (head.stopped) return segs;
    for (let k = i + 1; k < end && k <= i + 40 && this.rows[k].group === this.rows[i].group; k++) {
      const part = rowCut(k, 0, true);
      segs.push({ gap: this.rows[k].gap, cells: part.cells });
      if (part.stopped) break;
    }
    return segs;
  }

  read(table: TableId, bounds: { start: number; end: number }): TableRead {
    const layout = tableLayout(this.format, table);
    const out: TableRead = { table, values: new Map(), findings: [], problems: [] };
    const def = FORMATS[this.format].tables[table];
    if (bounds.start < 0) {
      out.problems.push(notFound(layout));
      return out;
    }
    this.labelWarnings(table, layout, bounds, out);
    if (def.shape === 'matrix' && def.labelColumns === 0) this.readOneRow(table, layout, bounds, out);
    else this.readLabelledRows(table, layout, bounds, out);
    return out;
  }

  /** A STRUCTURE warning for every label typed differently from the format (an alias or a typo). */
  private labelWarnings(table: TableId, layout: TableLayout, { start, end }: { start: number; end: number }, out: TableRead): void {
    const seen = new Set<string>();
    for (let i = start; i < end; i++) {
      this.rows[i].cells.forEach((_, j) => {
        const m = this.match(i, j, table);
        if (!m || m.via === 'exact') return;
        const uses = m.target.uses.filter((u) => u.table === table && u.cell && u.cell.role !== 'corner');
        if (!uses.length) return;
        const id = `${normLabel(m.typed)}→${m.target.norm}`;
        if (seen.has(id)) return;
        seen.add(id);
        const mine = uses.filter((u) => u.format === this.format);
        const cells = [...new Set(mine.flatMap((u) => coveredKeys(layout, u.cell as LayoutCell)))];
        out.findings.push({
          rule: 'STRUCTURE',
          severity: 'warning',
          cells,
          message: `${tableNo(table)} 标签“${m.typed}”与格式规定的“${m.target.official}”不一致（${m.via === 'alias' ? '已知的不规范写法' : '疑似错别字'}），已按“${m.target.official}”读取`,
          expected: m.target.official,
          actual: m.typed,
        });
      });
    }
  }

  /** Tables 1 and 2: every row label followed by its values. */
  private readLabelledRows(table: TableId, layout: TableLayout, { start, end }: { start: number; end: number }, out: TableRead): void {
    const def = FORMATS[this.format].tables[table];
    const other: FormatId = FORMAT_IDS.find((f) => f !== this.format) as FormatId;
    const scan: RowScan = {
      table,
      layout,
      other,
      otherLayout: tableLayout(other, table),
      mergedTo: def.shape === 'blocks' ? def.width - 1 : undefined,
      labelColumns: def.shape === 'blocks' ? 1 : def.labelColumns,
      end,
      consumed: new Set<number>(),
      pending: [],
      dataRows: [],
      read: new Set<string>(),
      out,
    };
    for (let i = start; i < end; i++) for (let j = 0; j < this.rows[i].cells.length; j++) this.readLabelAt(scan, i, j);
    this.settlePending(table, scan.pending, out, scan.read);
    const { read, consumed, dataRows } = scan;
    if (!read.size) {
      out.problems.push(`${tableNo(table)}（${titleOf(table)}）：找到了表头，但没有读到任何数据行`);
      return;
    }
    this.unlabelledRows(table, layout, start, end, consumed, read, out);
    this.extraRows(table, start, end, dataRows, consumed, out);
    // the 2019 single （六） row read as `other` stands for the three （六） items (its finding says so)
    const legacy = (k: string): boolean => read.has('other') && /^other_\d$/.test(k);
    const missing = layout.rowKeys.filter((k) => !read.has(k) && !legacy(k));
    if (missing.length)
      out.problems.push(`${tableNo(table)}（${titleOf(table)}）没有读到这些行：${quoteList(missing.map((k) => rowTitle(layout, k)))}`);
  }

  /** The cell at row i, column j when it holds a row label of this table: the values after it, read into its row. */
  private readLabelAt(scan: RowScan, i: number, j: number): void {
    const { table, layout, other, labelColumns } = scan;
    const cells = this.rows[i].cells;
    const m = this.match(i, j, table);
    if (!m) return;
    // the same label repeated in neighbouring cells (a merged cell written out per column) counts once
    if (j + 1 < cells.length && this.match(i, j + 1, table)?.target === m.target) return;
    const labelUse = (f: FormatId): LayoutCell | undefined =>
      m.target.uses.find((u) => u.format === f && u.table === table && u.cell?.role === 'label')?.cell;
    const mine = labelUse(this.format);
    const theirs = labelUse(other);
    if (!mine && !theirs) return;
    const segs = this.segmentsFrom(table, i, j + 1, scan.end);
    // a row written out on the full grid (merged label cells as blank cells, e.g. a flattened
    // table): its values start where the format's label columns end
    if (
      cells.length === layout.cols &&
      j < labelColumns &&
      segs[0].cells.length === cells.length - j - 1 &&
      cells.slice(j + 1, labelColumns).every(isBlank)
    )
      segs[0] = { gap: 0, cells: cells.slice(labelColumns) };
    const mineKey = mine?.node?.key;
    if (mineKey) this.readOwnRow(scan, i, mineKey, segs);
    else if (theirs?.node?.key) this.readOtherFormatRow(scan, i, m, Boolean(mine), theirs.node.key, segs);
  }

  /** A row of this format, its label found at row i: its values, split or carried over when they do not fit. */
  private readOwnRow(scan: RowScan, i: number, rowKey: string, segs: Segment[]): void {
    const { table, layout, read, out } = scan;
    const keys = layout.data.filter((d) => d.rowKey === rowKey).sort((a, b) => a.c - b.c);
    if (read.has(rowKey)) {
      if (segs.some((s) => s.cells.some((c) => !isBlank(c))))
        out.problems.push(`${tableNo(table)}“${rowTitle(layout, rowKey)}”行出现了不止一次，按第一次读取`);
      return;
    }
    const mergedTo = scan.mergedTo && keys.length < scan.mergedTo ? scan.mergedTo : undefined;
    const res = resolveValues(segs, keys.length, mergedTo);
    // a run of digits that can be split (or carried over) fills res.cells or marks it found < 0
    if (!res.cells)
      this.splitRun(
        table,
        rowTitle(layout, rowKey),
        segs,
        keys.map((d) => d.key as CellKey),
        res,
        out,
        scan.pending,
      );
    if (!res.cells) {
      if (res.found < 0) {
        read.add(rowKey);
        for (let k = 0; k < res.rows; k++) scan.consumed.add(i + k);
        return;
      }
      if (res.found === 0 && keys.length > 0 && !segs.some((s) => s.cells.length)) return; // a label without values here (e.g. a header echo)
      out.problems.push(countProblem(table, rowTitle(layout, rowKey), keys.length, res.found));
      read.add(rowKey);
      return;
    }
    const values = res.cells;
    keys.forEach((d, k) => out.values.set(d.key as CellKey, toRaw(values[k])));
    read.add(rowKey);
    takeRows(scan, i, res.rows);
  }

  /** A row this format does not have: the other format's row (the 2019 single （六） in a 2021 report is kept under
   *  its 2019 key so that the checks report it), or a group with values. */
  private readOtherFormatRow(scan: RowScan, i: number, m: LabelMatch, labelOfMine: boolean, theirKey: string, segs: Segment[]): void {
    const { table, layout, other, read, out } = scan;
    const theirCells = scan.otherLayout.data.filter((d) => d.rowKey === theirKey).sort((a, b) => a.c - b.c);
    const res = resolveValues(segs, theirCells.length);
    if (!res.cells || res.cells.every(isBlank)) return;
    const values = res.cells;
    // the other format's label for a row this format has too, with as many values ("规范性文件" for
    // 行政规范性文件 in a 2021 report): read into this format's row, and said
    const ownCells = layout.data.filter((d) => d.rowKey === theirKey).sort((a, b) => a.c - b.c);
    if (ownCells.length === theirCells.length && !read.has(theirKey)) {
      ownCells.forEach((d, k) => out.values.set(d.key as CellKey, toRaw(values[k])));
      read.add(theirKey);
      takeRows(scan, i, res.rows);
      out.findings.push({
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: ownCells.map((d) => d.key as CellKey),
        message: `${tableNo(table)} 标签“${m.typed}”是${other}年格式的写法，${this.format}年格式为“${rowTitle(layout, theirKey)}”，已按后者读取`,
        expected: rowTitle(layout, theirKey),
        actual: m.typed,
      });
      return;
    }
    takeRows(scan, i, res.rows);
    const label = m.typed;
    if (labelOfMine && table === 'applications' && this.format === '2021' && theirKey === 'other' && !read.has('other')) {
      theirCells.forEach((d, k) => out.values.set(d.key as CellKey, toRaw(values[k])));
      read.add('other');
      out.findings.push({
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: theirCells.map((d) => d.key as CellKey),
        message: `2021年格式的报告中保留了2019年格式单一的“${label}”行（数值：${showValues(values)}），已按行键 other 读入；2021年格式应分为（六）下的三项`,
        expected: null,
        actual: label,
      });
    } else {
      out.findings.push({
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: [],
        message: `${this.format}年格式的${tableNo(table)}中出现了${other}年格式的行“${label}”（数值：${showValues(values)}），未读入报告`,
        expected: null,
        actual: label,
      });
    }
  }

  /** A row of values whose label cell is empty, just above a labelled row: read as the row the format
   *  puts there when that row has not been read and the count of values fits (the label is said missing). */
  private unlabelledRows(
    table: TableId,
    layout: TableLayout,
    start: number,
    end: number,
    consumed: Set<number>,
    read: Set<string>,
    out: TableRead,
  ): void {
    const labelled = (k: number): boolean => this.rows[k].cells.some((_, j) => this.match(k, j, table));
    for (let i = start; i < end - 1; i++) {
      if (consumed.has(i) || !isBlank(this.rows[i].cells[0] ?? '') || labelled(i)) continue;
      // the row's cells, over the following lines too where each cell is a line of its own
      let j = i;
      const cells: string[] = [];
      while (j < end && !consumed.has(j) && !labelled(j) && this.rows[j].cells.every(isValueLike)) cells.push(...this.rows[j++].cells);
      if (j >= end || !labelled(j) || cells.length < 2 || cells.every(isBlank)) continue;
      const next = this.rows[j].cells
        .map((_, c) => this.match(j, c, table))
        .find((m) => m)
        ?.target.uses.find((u) => u.format === this.format && u.table === table && u.cell?.role === 'label')?.cell?.node?.key;
      const at = next ? layout.rowKeys.indexOf(next) : -1;
      const key = at > 0 ? layout.rowKeys[at - 1] : undefined;
      if (!key || read.has(key)) continue;
      const keys = layout.data
        .filter((d) => d.rowKey === key)
        .sort((a, b) => a.c - b.c)
        .map((d) => d.key as CellKey);
      const values = cells.slice(1);
      const trimmed = values.length > keys.length && values.slice(keys.length).every(isBlank) ? values.slice(0, keys.length) : values;
      if (trimmed.length !== keys.length) continue;
      keys.forEach((k, n) => out.values.set(k, toRaw(trimmed[n])));
      read.add(key);
      for (let k = i; k < j; k++) consumed.add(k);
      out.findings.push({
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: keys,
        message: `${tableNo(table)}有一行没有标签（数值：${showValues(trimmed)}），位于“${rowTitle(layout, next as string)}”之前，按位置读作“${rowTitle(layout, key)}”，请核对原文`,
        expected: rowTitle(layout, key),
        actual: '',
      });
    }
  }

  /** Rows inside a table with values under a label the format does not have (provincial additions):
   *  kept as warnings with their label and values, never lost silently. */
  private extraRows(table: TableId, start: number, end: number, dataRows: number[], consumed: Set<number>, out: TableRead): void {
    if (!dataRows.length) return;
    const first = Math.min(...dataRows);
    const last = Math.max(...dataRows);
    for (let i = Math.max(start, first); i <= Math.min(last, end - 1); i++) {
      if (consumed.has(i)) continue;
      const cells = this.rows[i].cells;
      if (cells.some((_, j) => this.match(i, j, table))) continue;
      let k = cells.length;
      while (k > 0 && isValueLike(cells[k - 1])) k -= 1;
      while (k < cells.length && isBlank(cells[k])) k += 1;
      const label = cells
        .slice(0, k)
        .filter((c) => !isBlank(c))
        .join(' ');
      const values = cells.slice(k);
      if (!label || !values.some((c) => !isBlank(c))) continue;
      out.findings.push({
        rule: 'STRUCTURE',
        severity: 'warning',
        cells: [],
        message: `${tableNo(table)}中有格式之外的行“${label}”（可能是地方增加的行），数值：${showValues(values)}；未读入报告`,
        expected: null,
        actual: label,
      });
    }
  }

  /** A row whose values came as digits run together: split when exactly one split fits the row's
   *  cell count and relations (runs.ts); the split is said as a warning, an ambiguous run as a problem. */
  private splitRun(
    table: TableId,
    title: string,
    segs: Segment[],
    keys: CellKey[],
    res: { cells?: string[]; found: number; rows: number },
    out: TableRead,
    pending?: PendingRun[],
  ): void {
    const flat = segs.flatMap((s) => s.cells).filter((c) => !isBlank(c));
    const stop = flat.findIndex((c) => !isValueLike(c));
    const cells = stop < 0 ? flat : flat.slice(0, stop);
    const split = splitRuns(cells, keys, rowRelations(this.format, table, keys), pending ? 64 : 1);
    const shown = cells.join(' ');
    if (split.kind === 'one') {
      res.cells = split.values;
      res.found = keys.length;
      res.rows = segs.length;
      out.findings.push(splitFinding(table, title, shown, keys, split.values));
    } else if (
      split.kind === 'none' &&
      flat.length < keys.length &&
      flat.some((c) => /\d\s*[-−]\s*\d/.test(c) || (c.match(/\d/g) ?? []).length >= 7)
    ) {
      // fewer values than cells, and a value that may hold several ("2648-18538", "13575394432.52元")
      out.problems.push(
        `${tableNo(table)}“${title}”行：应有${keys.length}个数值，读到${flat.length}个（“${flat.join(' ')}”），可能是数字连在一起或空白单元格没有保留，无法确定，此行未读入`,
      );
      res.found = -1;
    } else if (split.kind === 'many' || split.kind === 'too-many') {
      if (pending && split.kind === 'many' && split.candidates) pending.push({ keys, candidates: split.candidates, title, shown });
      else out.problems.push(ambiguous(table, title, shown, keys.length));
      res.found = -1;
    }
  }

  /** Rows left ambiguous by their own relations, decided together by the table's relations across rows. */
  private settlePending(table: TableId, pending: PendingRun[], out: TableRead, read: Set<string>): void {
    if (!pending.length) return;
    const known = new Map<CellKey, number>();
    for (const [k, v] of out.values) {
      const p = parseCell(v);
      if (p.value !== null) known.set(k, p.value);
    }
    const answer = resolveAcross(
      pending,
      known,
      relations(this.format).filter((r) => r.rule.table === table),
    );
    for (const p of pending) {
      if (!answer) {
        out.problems.push(ambiguous(table, p.title, p.shown, p.keys.length));
        continue;
      }
      const values = p.keys.map((k) => answer.get(k) as string);
      p.keys.forEach((k, j) => out.values.set(k, toRaw(values[j])));
      read.add(splitKey(p.keys[0]).row);
      out.findings.push(splitFinding(table, p.title, p.shown, p.keys, values, true));
    }
  }

  /** Table 3: one row of values under its header, read after the last header cell. */
  private readOneRow(table: TableId, layout: TableLayout, { start, end }: { start: number; end: number }, out: TableRead): void {
    let at: { i: number; j: number } | null = null;
    let valuesAt = -1;
    for (let i = start; i < end && valuesAt < 0; i++) {
      const cells = this.rows[i].cells;
      for (let j = 0; j < cells.length; j++) {
        if (this.match(i, j, table)) at = { i, j };
        else if (at && !isBlank(cells[j]) && isValueLike(cells[j])) {
          valuesAt = i;
          break;
        }
      }
    }
    const n = layout.data.length;
    if (!at || valuesAt < 0 || valuesAt > at.i + 12) {
      out.problems.push(`${tableNo(table)}（${titleOf(table)}）：找到了表头，但表头下没有数值`);
      return;
    }
    // from just after the last header cell when the values share its row, else from the values' row
    const segs = valuesAt === at.i ? this.segmentsFrom(table, at.i, at.j + 1, end) : this.segmentsFrom(table, valuesAt, 0, end);
    const res = resolveValues(segs, n);
    const keys = layout.data
      .slice()
      .sort((a, b) => a.c - b.c)
      .map((d) => d.key as CellKey);
    if (!res.cells) this.splitRun(table, '表头下的数值', segs, keys, res, out);
    if (!res.cells) {
      if (res.found >= 0) out.problems.push(countProblem(table, '表头下的数值', n, res.found));
      return;
    }
    keys.forEach((key, k) => out.values.set(key, toRaw((res.cells as string[])[k])));
  }
}

function splitFinding(table: TableId, title: string, shown: string, keys: CellKey[], values: string[], across = false): Finding {
  return {
    rule: 'STRUCTURE',
    severity: 'warning',
    cells: keys,
    message: `${tableNo(table)}“${title}”行的数字连在一起（“${shown}”），按唯一符合单元格数和${across ? '各行各列' : ''}勾稽关系的拆法读作 ${values.join('、')}，请核对原文`,
    expected: null,
    actual: shown,
  };
}

const ambiguous = (table: TableId, title: string, shown: string, n: number): string =>
  `${tableNo(table)}“${title}”行的数字连在一起（“${shown}”），可以拆成不止一种${n}个数的组合，无法确定，此行未读入`;

function notFound(layout: TableLayout): string {
  const t = layout.table;
  const first = (role: LayoutCell['role']): string => layout.cells.find((c) => c.role === role && c.text)?.text as string;
  const headers = layout.cells.filter((c) => c.role === 'header' && c.r === 0).map((c) => c.text as string);
  const what = layout.cells.some((c) => c.role === 'blockTitle')
    ? `${quoteList([first('blockTitle'), first('label')])}等行`
    : layout.cells.some((c) => c.role === 'label')
      ? `${quoteList([first('label')])}等行`
      : `${quoteList(headers.slice(0, 2))}等表头`;
  return `未找到${tableNo(t)}（${titleOf(t)}）：文中没有${what}`;
}

function countProblem(table: TableId, row: string, n: number, found: number): string {
  const why = found < n ? '，无法确定空白单元格的位置' : '';
  return `${tableNo(table)}“${row}”行：应有${n}个数值，读到${found}个${why}，此行未读入`;
}

/** Read the tables of a format from rows. Each table is looked for from the first row holding a label
 *  only it has, up to where the next table begins. */
export function readTables(rows: Row[], format: FormatId): TableRead[] {
  const reader = new Reader(rows, format);
  const starts = TABLE_IDS.map((t) => ({ table: t, start: reader.start(t) }));
  return starts.map(({ table, start }) => {
    const later = starts.filter((s) => s.start > start).map((s) => s.start);
    const end = later.length ? Math.min(...later) : rows.length;
    return reader.read(table, { start, end });
  });
}
