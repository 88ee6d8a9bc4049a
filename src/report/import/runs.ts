/**
 * Digits run together. Crawled or badly converted pages lose the breaks between cells, so a row's
 * values arrive as one run of digits ("行政规范性文件512340", "0000000"). A run is split only when
 * exactly one split gives the row its number of cells, writes every number without a leading zero,
 * and satisfies every relation of the table (rules.ts) that lies within the row (a 总计 equal to its
 * parts); otherwise the row is reported as not split. Nothing is guessed.
 */
import { relations, type Relation } from '../rules';
import type { CellKey, FormatId, TableId } from '../types';

/** A piece that can be part of a run: digits only (spaces inside dropped by the caller). */
const DIGITS = /^\d+$/;

/** Relations among the given keys only (their cells all in this row). */
export function rowRelations(format: FormatId, table: TableId, keys: CellKey[]): Relation[] {
  const inRow = new Set(keys);
  return relations(format).filter(
    (r) => r.rule.table === table && (r.rule.op ?? '=') === '=' && [...r.lhs, ...r.rhs].every((k) => inRow.has(k)),
  );
}

export type RunSplit =
  | { kind: 'one'; values: string[] }
  | { kind: 'none' }
  | { kind: 'many'; /** every split, when there are at most `limit` */ candidates?: string[][] }
  | { kind: 'too-many' };

/** Most splits looked at before giving up (a run of 40 digits into 15 cells has billions). */
const BUDGET = 200_000;

/**
 * Splits the cells of a row into exactly `keys.length` values: cells that are numbers stay as they are
 * (a blank or placeholder counts as one cell), cells of digits may stand for several values. Returns
 * the one split, or why there is none; with `limit` > 1, up to that many splits of an ambiguous run
 * (for the relations across rows to decide, `resolveAcross`).
 */
export function splitRuns(cells: string[], keys: CellKey[], rels: Relation[], limit = 1): RunSplit {
  const n = keys.length;
  const pieces = cells.map((c) => c.trim());
  if (!pieces.some((p) => DIGITS.test(p) && p.length > 1)) return { kind: 'none' };
  const index = new Map(keys.map((k, i) => [k, i]));
  // a relation can be checked as soon as its last cell is known
  const due = new Map<number, Relation[]>();
  for (const r of rels) {
    const last = Math.max(...[...r.lhs, ...r.rhs].map((k) => index.get(k) ?? n));
    due.set(last, [...(due.get(last) ?? []), r]);
  }
  const holds = (vals: string[], at: number): boolean =>
    (due.get(at) ?? []).every((r) => {
      const sum = (ks: CellKey[]): number => ks.reduce((s, k) => s + Number(vals[index.get(k) as number] || 0), 0);
      return sum(r.lhs) === sum(r.rhs);
    });
  const found: string[][] = [];
  let visited = 0;
  const vals: string[] = [];
  const walk = (p: number, offset: number): void => {
    if (found.length > limit || visited > BUDGET) return;
    visited += 1;
    if (p === pieces.length) {
      if (vals.length === n) found.push(vals.slice());
      return;
    }
    const piece = pieces[p];
    const splittable = DIGITS.test(piece);
    if (!splittable) {
      if (vals.length >= n) return;
      vals.push(piece);
      if (holds(vals, vals.length - 1)) walk(p + 1, 0);
      vals.pop();
      return;
    }
    const rest = piece.slice(offset);
    const maxLen = rest[0] === '0' ? 1 : rest.length;
    for (let len = 1; len <= maxLen; len++) {
      if (vals.length >= n) return;
      vals.push(rest.slice(0, len));
      if (holds(vals, vals.length - 1)) {
        if (len === rest.length) walk(p + 1, 0);
        else walk(p, offset + len);
      }
      vals.pop();
    }
  };
  walk(0, 0);
  if (visited > BUDGET) return { kind: 'too-many' };
  if (found.length === 1) return { kind: 'one', values: found[0] };
  return found.length ? { kind: 'many', ...(found.length <= limit ? { candidates: found } : {}) } : { kind: 'none' };
}

/** A label with its values glued on ("行政规范性文件512340" → label and "512340"), when the part
 *  before the digits is accepted by `isLabel`. */
export function unglue(cell: string, isLabel: (s: string) => boolean): [string, string] | null {
  const m = /^(.*[^\d\s.、．])\s*(\d[\d\s]*)$/.exec(cell.trim());
  if (!m || !isLabel(m[1])) return null;
  return [m[1], m[2].replace(/\s+/g, '')];
}

// ------------------------------------------------------------------ labels run together

const FLEX: Record<string, string> = {
  '（': '[（(]',
  '(': '[（(]',
  '）': '[）)]',
  ')': '[）)]',
  '：': '[：:]',
  ':': '[：:]',
  '，': '[，,]',
  ',': '[，,]',
  '“': '["“”]',
  '”': '["“”]',
  '"': '["“”]',
  '.': '[.．、]',
  '、': '[、.．,，]',
  '/': '[/／]',
};
const escapeChar = (ch: string): string => FLEX[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let labelScan: RegExp | null = null;
/** One pattern finding any table label (both formats, official texts and accepted variants) inside a
 *  line, the longest first, brackets and punctuation in either width. */
function labelPattern(labels: string[]): RegExp {
  const alts = [...new Set(labels.map((l) => l.replace(/\s+/g, '')).filter((l) => l.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].map(escapeChar).join(''));
  return new RegExp(alts.join('|'), 'g');
}

/** What may stand between two cells of a table that lost its cell breaks: nothing, numbers, spaces,
 *  placeholders and units. */
const BETWEEN = /^[\d\s.,，\-—–/／%元万件个项无]*$/;

/**
 * A line in which a whole table lost its cell breaks ("规章 000行政规范性文件693665第二十条第（五）项…"):
 * cut into rows at the labels it holds, each label with the numbers after it. Only chains of at least
 * three labels with nothing but numbers between them are cut, so prose that mentions a label
 * ("行政许可类信息69条") stays whole. Returns null when the line holds no such chain.
 */
export function cutAtLabels(line: string, labels: string[]): string[][] | null {
  labelScan ??= labelPattern(labels);
  const hits = [...line.matchAll(labelScan)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  if (hits.length < 3) return null;
  // chains: consecutive hits with only numbers between them
  const chains: Array<typeof hits> = [];
  for (const h of hits) {
    const chain = chains[chains.length - 1];
    const prev = chain?.[chain.length - 1];
    if (prev && BETWEEN.test(line.slice(prev.end, h.at))) chain.push(h);
    else chains.push([h]);
  }
  const long = chains.filter((c) => c.length >= 3);
  if (!long.length) return null;
  const rows: string[][] = [];
  let pos = 0;
  const values = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);
  for (const chain of long) {
    if (line.slice(pos, chain[0].at).trim()) rows.push([line.slice(pos, chain[0].at).trim()]);
    chain.forEach((h, k) => {
      const next = k + 1 < chain.length ? chain[k + 1].at : h.end + (/^[\d\s.,，\-—–/／%元万]*/.exec(line.slice(h.end))?.[0].length ?? 0);
      rows.push([line.slice(h.at, h.end), ...values(line.slice(h.end, next))]);
      pos = next;
    });
  }
  if (line.slice(pos).trim()) rows.push([line.slice(pos).trim()]);
  return rows;
}

/** A row whose run has several splits, waiting for the relations across rows. */
export interface PendingRun {
  keys: CellKey[];
  candidates: string[][];
  title: string;
  shown: string;
}

/**
 * Ambiguous rows decided by the relations across rows (a column's 总计 equal to its rows, 一＋二＝三＋四):
 * every combination of the rows' splits is tried against every relation of the table whose cells are
 * then all known; when exactly one combination satisfies them all, it is the answer. Returns the values
 * by key, or null (none or several fit: nothing is guessed).
 */
export function resolveAcross(pending: PendingRun[], known: Map<CellKey, number>, rels: Relation[]): Map<CellKey, string> | null {
  if (!pending.length) return null;
  const mine = new Set(pending.flatMap((p) => p.keys));
  const useful = rels.filter(
    (r) =>
      (r.rule.op ?? '=') === '=' &&
      [...r.lhs, ...r.rhs].some((k) => mine.has(k)) &&
      [...r.lhs, ...r.rhs].every((k) => mine.has(k) || known.has(k)),
  );
  if (!useful.length) return null;
  const combos = pending.reduce((n, p) => n * p.candidates.length, 1);
  if (combos > 20000) return null;
  let answer: Map<CellKey, string> | null = null;
  const pick = new Map<CellKey, string>();
  const value = (k: CellKey): number => (pick.has(k) ? Number(pick.get(k)) : (known.get(k) as number));
  const walk = (i: number): boolean => {
    if (i === pending.length) {
      const ok = useful.every((r) => r.lhs.reduce((s, k) => s + value(k), 0) === r.rhs.reduce((s, k) => s + value(k), 0));
      if (!ok) return true;
      if (answer) return false; // a second answer: ambiguous
      answer = new Map(pick);
      return true;
    }
    for (const c of pending[i].candidates) {
      pending[i].keys.forEach((k, j) => pick.set(k, c[j]));
      if (!walk(i + 1)) return false;
    }
    return true;
  };
  return walk(0) ? answer : null;
}
