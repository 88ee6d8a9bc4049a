/**
 * Measuring the importer on the corpus of real published reports (test/corpus/README.md): per file,
 * cells right, wrong and missing against the transcription made by reading the source, and the cells
 * the importer produced that the transcription does not have (extra). Used by the corpus test and by
 * `npm run bench`.
 */
import { readFileSync, readdirSync, existsSync } from 'fs';
import path from 'path';
import { checkReport } from '../../src/report/check';
import { importReport } from '../../src/report/import';
import { parseCell } from '../../src/report/parse';
import type { Finding, RawValue, Report } from '../../src/report/types';

export const CORPUS_DIR = __dirname;

export interface CorpusMeta {
  id: string;
  agency: string;
  year: number;
  format: '2019' | '2021';
  level: string;
  kind: string;
  cut_short: boolean;
  input: string;
  source: Record<string, string>;
  errors_in_report: Array<{ cells: string[]; why: string }>;
  notes?: string;
}

export interface CorpusEntry {
  dir: string;
  meta: CorpusMeta;
  expected: Report;
  input: string;
}

export function corpusEntries(): CorpusEntry[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS_DIR, d.name, 'meta.json')))
    .map((d) => {
      const dir = path.join(CORPUS_DIR, d.name);
      const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as CorpusMeta;
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Report;
      return { dir, meta, expected, input: path.join(dir, meta.input) };
    })
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

/** Every cell of a report's tables by key. */
export function cellsOf(r: Pick<Report, 'tables'>): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  for (const [t, rows] of Object.entries(r.tables ?? {})) for (const [row, cols] of Object.entries(rows ?? {})) for (const [c, v] of Object.entries(cols ?? {})) out.set(`${t}.${row}.${c}`, v);
  return out;
}

/** Two cell values say the same: equal numbers, both blank, or the same text. */
export function sameValue(a: RawValue, b: RawValue): boolean {
  const pa = parseCell(a);
  const pb = parseCell(b);
  if (pa.status === 'blank' || pb.status === 'blank') return pa.status === pb.status;
  if (typeof a === 'string' || typeof b === 'string') return String(a).trim() === String(b).trim() || (pa.status === pb.status && pa.value === pb.value && pa.value !== null);
  return pa.value === pb.value;
}

export interface Measured {
  id: string;
  kind: string;
  cutShort: boolean;
  total: number;
  right: number;
  wrong: Array<{ key: string; expected: RawValue; actual: RawValue }>;
  missing: string[];
  extra: string[];
  problems: string[];
}

export function measure(entry: CorpusEntry, read: (source: string) => Pick<Report, 'tables'> & { problems?: string[] } = (s) => {
  const r = importReport(s);
  return { tables: r.report.tables, problems: r.problems };
}): Measured {
  const got = read(readFileSync(entry.input, 'utf8'));
  const want = cellsOf(entry.expected);
  const have = cellsOf(got);
  const m: Measured = { id: entry.meta.id, kind: entry.meta.kind, cutShort: entry.meta.cut_short, total: want.size, right: 0, wrong: [], missing: [], extra: [], problems: got.problems ?? [] };
  for (const [key, expected] of want) {
    if (!have.has(key)) m.missing.push(key);
    else if (sameValue(expected, have.get(key) as RawValue)) m.right += 1;
    else m.wrong.push({ key, expected, actual: have.get(key) as RawValue });
  }
  for (const key of have.keys()) if (!want.has(key)) m.extra.push(key);
  return m;
}

/** What `ogi-report check FILE` says of a raw corpus file: the import's problems (as errors), its findings,
 *  then every check of a published report. The corpus test and the bench count the same findings. */
export function rawFindings(e: CorpusEntry): Finding[] {
  const r = importReport(readFileSync(e.input, 'utf8'));
  return [
    ...r.problems.map((message): Finding => ({ rule: 'STRUCTURE', severity: 'error', cells: [], message: `导入：${message}` })),
    ...r.findings,
    ...checkReport(r.report, undefined, { published: true }),
  ];
}
