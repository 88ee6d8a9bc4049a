/**
 * Finding the official tables in a sheet by their labels — typed or pasted anywhere, without the
 * add-in's names. A table is recognised when most of its labels stand at the places its layout gives
 * them relative to one anchor; labels are matched by the importer's one label matcher (variants and
 * small typos accepted, and reported).
 */
import { rectsOverlap, type Rect } from './a1';
import { matchLabel, tableDict } from './import/labels';
import { tableLayout, type LayoutCell } from './layout';
import { TABLE_IDS, type Finding, type FormatId, type RawValue, type TableId } from './types';

export interface Recognised {
  table: TableId;
  format: FormatId;
  /** Absolute position of the table grid in the sheet (0-based). */
  rect: Rect;
  /** rect-sized values as read. */
  values: RawValue[][];
  /** Label variants and typos, as STRUCTURE warnings. */
  findings: Finding[];
  /** Labels found at their place / labels of the layout. */
  score: number;
}

const labelCells = (format: FormatId, table: TableId): LayoutCell[] =>
  tableLayout(format, table).cells.filter((c) => c.role !== 'data' && c.text && c.role !== 'corner');

const cellText = (v: unknown): string => (typeof v === 'string' ? v : '');
const overlaps = rectsOverlap;

/**
 * Tables in `grid` (values of a sheet area whose top-left cell is at `origin`), skipping any that
 * overlap `exclude` (tables already registered). At most one of each table; the best-supported wins.
 */
export function recogniseTables(grid: unknown[][], origin: { r: number; c: number }, exclude: Rect[] = []): Recognised[] {
  const votes = new Map<string, number>();
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < (grid[i]?.length ?? 0); j++) {
      const text = cellText(grid[i][j]);
      if (text.length < 2 || !/[\u4e00-\u9fff]/.test(text)) continue;
      for (const table of TABLE_IDS) {
        const m = matchLabel(text, tableDict(table));
        if (!m) continue;
        for (const use of m.target.uses) {
          if (!use.cell || !use.format || use.table !== table || use.cell.role === 'data') continue;
          const id = `${table}|${use.format}|${i - use.cell.r}|${j - use.cell.c}`;
          votes.set(id, (votes.get(id) ?? 0) + 1);
        }
      }
    }
  }
  const candidates: Recognised[] = [];
  for (const [id, n] of votes) {
    const [table, format, ar, ac] = id.split('|');
    const t = table as TableId;
    const f = format as FormatId;
    const labels = labelCells(f, t);
    if (n < Math.max(5, labels.length * 0.6)) continue;
    const top = Number(ar);
    const left = Number(ac);
    if (top < 0 || left < 0) continue;
    const layout = tableLayout(f, t);
    const findings: Finding[] = [];
    let score = 0;
    for (const cell of labels) {
      const typed = cellText(grid[top + cell.r]?.[left + cell.c]);
      const m = typed ? matchLabel(typed, tableDict(t)) : null;
      if (!m || m.target.official !== cell.text) continue;
      score++;
      if (m.via !== 'exact') {
        findings.push({
          rule: 'STRUCTURE',
          severity: 'warning',
          cells: [],
          message: `${layout.name}标签“${m.typed}”与格式规定的“${cell.text}”不一致${m.via === 'alias' ? '（已知的不规范写法）' : '（疑似错别字）'}，已按“${cell.text}”识别`,
          expected: cell.text ?? null,
          actual: m.typed,
        });
      }
    }
    if (score < Math.max(5, labels.length * 0.6)) continue;
    const rect: Rect = { r: origin.r + top, c: origin.c + left, rs: layout.rows, cs: layout.cols };
    const values: RawValue[][] = Array.from({ length: layout.rows }, (_, r) =>
      Array.from({ length: layout.cols }, (_, c) => {
        const v = grid[top + r]?.[left + c];
        return v === undefined || v === '' ? null : (v as RawValue);
      }),
    );
    candidates.push({ table: t, format: f, rect, values, findings, score: score / labels.length });
  }
  candidates.sort((a, b) => b.score - a.score || (a.format === '2021' ? -1 : 1));
  const chosen: Recognised[] = [];
  for (const c of candidates) {
    if (chosen.some((x) => x.table === c.table) || exclude.some((e) => overlaps(e, c.rect)) || chosen.some((x) => overlaps(x.rect, c.rect)))
      continue;
    chosen.push(c);
  }
  // Table 3 is the same in both formats: follow the other tables' format.
  const other = chosen.find((c) => c.table !== 'reviews')?.format;
  return chosen
    .map((c) => (c.table === 'reviews' && other ? { ...c, format: other } : c))
    .sort((a, b) => TABLE_IDS.indexOf(a.table) - TABLE_IDS.indexOf(b.table));
}

/** A report year written in a sheet ("2024年政府信息公开工作年度报告"), or null. */
export function yearInSheet(grid: unknown[][]): number | null {
  for (const row of grid)
    for (const v of row ?? []) {
      const m = typeof v === 'string' ? /(20\d{2})\s*年(?:度)?政府信息公开工作年度报告/.exec(v) : null;
      if (m) return Number(m[1]);
    }
  return null;
}
