/**
 * Test helpers for the report domain: deterministic random numbers, report builders (all-zero,
 * consistent with every relation), spec-file access and small A1 helpers written independently of
 * src/report/a1.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { tableLayout } from '../../src/report/layout';
import { emptyReport, setReportValue } from '../../src/report/report';
import type { CellKey, Finding, FormatId, RawValue, Report, TableId } from '../../src/report/types';

export const FORMATS_UNDER_TEST: readonly FormatId[] = ['2021', '2019'];
export const TABLES: readonly TableId[] = ['active', 'applications', 'reviews'];

/** The spec copies kept inside the project (never ../shared at run time). */
export const SPEC_DIR = path.join(__dirname, '..', 'fixtures', 'spec');
export function readSpec(name: string): string {
  return fs.readFileSync(path.join(SPEC_DIR, name), 'utf8');
}
export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures');
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

/** mulberry32: a small seeded generator returning floats in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whole number in [lo, hi]. */
export function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

// ------------------------------------------------------------------ keys of table 2 and 3

export const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org'] as const;
export const APP_COLUMNS = [...APPLICANT_COLUMNS, 'total'] as const;
const range = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}_${i + 1}`);

/** The result rows of table 2 (（一）…（六）), in order, as the spec lists them. */
export function resultRows(format: FormatId): string[] {
  return [
    'granted',
    'partial',
    ...range('withheld', 8),
    ...range('unable', 3),
    ...range('not_processed', 5),
    ...(format === '2019' ? ['other'] : range('other', 3)),
  ];
}
export function appRows(format: FormatId): string[] {
  return ['new', 'carried_over', ...resultRows(format), 'total', 'carried_forward'];
}
export const REVIEW_ROWS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export const OUTCOME_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export const app = (row: string, col: string): CellKey => `applications.${row}.${col}`;
export const rev = (row: string, col: string): CellKey => `reviews.${row}.${col}`;
export const act = (row: string, col: string): CellKey => `active.${row}.${col}`;

// ------------------------------------------------------------------ report builders

/** Every cell of every table set to 0: consistent, no findings. */
export function zeroReport(format: FormatId, year = format === '2019' ? 2020 : 2024): Report {
  const r = emptyReport(format, year, '测试机关');
  for (const t of TABLES) for (const c of tableLayout(format, t).data) setReportValue(r, c.key as CellKey, 0);
  return r;
}

/** A report of zeros with some cells set. */
export function reportWith(format: FormatId, values: Record<CellKey, RawValue>): Report {
  const r = zeroReport(format);
  for (const [k, v] of Object.entries(values) as Array<[CellKey, RawValue]>) setReportValue(r, k, v);
  return r;
}

export function get(report: Report, key: CellKey): RawValue | undefined {
  const [t, r, c] = key.split('.');
  return report.tables[t as TableId]?.[r]?.[c];
}

/** A deep copy (reports are plain JSON data). */
export function clone(report: Report): Report {
  return JSON.parse(JSON.stringify(report)) as Report;
}

/**
 * A random report of a format whose every relation holds and every value is clean for its kind:
 * table 2 — random result parts per applicant column, （七）总计 = their sum, a random carried_forward,
 * carried_over ≤ total + carried_forward and new = total + carried_forward − carried_over (≥ 0); the
 * 总计 column is the sum of the six applicant columns in every row. Table 3 — random outcomes, total = sum.
 * Table 1 — whole counts; amounts with up to 2 decimals; 2019 change may be negative; published ≤ public_total.
 * `max` bounds the random parts; `zeroShare` is the chance a part is 0 (real tables are mostly zeros).
 */
export function consistentReport(format: FormatId, rng: () => number, opts: { max?: number; zeroShare?: number } = {}): Report {
  const max = opts.max ?? 60;
  const zeroShare = opts.zeroShare ?? 0.4;
  const part = (): number => (rng() < zeroShare ? 0 : randInt(rng, 1, max));
  const r = emptyReport(format, format === '2019' ? 2020 : 2024, '测试机关');

  // table 2
  const rowTotals = new Map<string, number>();
  const addRow = (row: string, v: number): void => {
    rowTotals.set(row, (rowTotals.get(row) ?? 0) + v);
  };
  for (const col of APPLICANT_COLUMNS) {
    let total = 0;
    for (const row of resultRows(format)) {
      const v = part();
      setReportValue(r, app(row, col), v);
      addRow(row, v);
      total += v;
    }
    const carriedForward = part();
    const carriedOver = rng() < zeroShare ? 0 : randInt(rng, 0, total + carriedForward);
    const fresh = total + carriedForward - carriedOver;
    for (const [row, v] of [
      ['total', total],
      ['carried_forward', carriedForward],
      ['carried_over', carriedOver],
      ['new', fresh],
    ] as const) {
      setReportValue(r, app(row, col), v);
      addRow(row, v);
    }
  }
  for (const [row, v] of rowTotals) setReportValue(r, app(row, 'total'), v);

  // table 3
  for (const row of REVIEW_ROWS) {
    let total = 0;
    for (const col of OUTCOME_PARTS) {
      const v = part();
      setReportValue(r, rev(row, col), v);
      total += v;
    }
    setReportValue(r, rev(row, 'total'), total);
  }

  // table 1
  for (const cell of tableLayout(format, 'active').data) {
    const key = cell.key as CellKey;
    if (cell.kind === 'amount') setReportValue(r, key, Math.round(rng() * max * 100000) / 100);
    else if (cell.kind === 'signed') setReportValue(r, key, randInt(rng, -max, max));
    else setReportValue(r, key, part());
  }
  if (format === '2019') {
    for (const row of ['rules', 'normative_docs']) {
      const published = part();
      setReportValue(r, act(row, 'published'), published);
      setReportValue(r, act(row, 'public_total'), published + part());
    }
  }
  return r;
}

// ------------------------------------------------------------------ findings

export const errors = (fs_: Finding[]): Finding[] => fs_.filter((f) => f.severity === 'error');
export const byRule = (fs_: Finding[], rule: string): Finding[] => fs_.filter((f) => f.rule === rule);
/** A compact, comparable view of findings. */
export const brief = (fs_: Finding[]): Array<[string, string, string[]]> => fs_.map((f) => [f.rule, f.severity, f.cells]);

// ------------------------------------------------------------------ A1, written independently

export function col(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function addr(r: number, c: number): string {
  return `${col(c)}${r + 1}`;
}
/** "C8" → {r: 7, c: 2}. */
export function parseA1(a: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`not an A1 address: ${a}`);
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}
/** "A4:C4" or "C8" → 0-based rect. */
export function parseRange(a: string): { r: number; c: number; rs: number; cs: number } {
  const [p, q] = a.split(':');
  const s = parseA1(p);
  const e = q ? parseA1(q) : s;
  return { r: s.r, c: s.c, rs: e.r - s.r + 1, cs: e.c - s.c + 1 };
}
