/**
 * The importer and the checks against real published reports nobody here wrote (test/corpus/README.md).
 * Prints, per file and overall, cells right / wrong / missing, and how the findings of `check` on the raw
 * file were judged by reading the source; fails on a wrong number, on an error finding judged false,
 * and when the share of cells read falls below what it is now.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { checkReport } from '../../src/report/check';
import { importReport } from '../../src/report/import';
import type { Finding } from '../../src/report/types';
import { corpusEntries, measure, rawFindings, type CorpusEntry, type Measured } from './measure';

const entries = corpusEntries();
const results = new Map<string, Measured>(entries.map((e) => [e.meta.id, measure(e)]));

/** Kinds whose text keeps the boundaries between cells (as opposed to crawled text run together). */
const KEEPS_CELLS = new Set(['html', 'pipe', 'tab', 'web-cells', 'pdftotext-layout', 'pdf-markdown']);

interface Judged { rule: string; message: string; verdict: 'true' | 'false'; reason: string }
const judgedOf = (e: CorpusEntry): Judged[] | null => {
  const f = path.join(e.dir, 'judged.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')).findings as Judged[]) : null;
};

const findingsOf = rawFindings;

afterAll(() => {
  const rows = [...results.values()];
  const sum = (f: (m: Measured) => number, ms = rows): number => ms.reduce((s, m) => s + f(m), 0);
  const line = (m: Measured): string => `${m.id.padEnd(34)} ${m.kind.padEnd(12)} ${String(m.right).padStart(4)}/${String(m.total).padEnd(4)} wrong ${m.wrong.length} missing ${m.missing.length}${m.cutShort ? ' (cut short)' : ''}`;
  const byKind = [...new Set(rows.map((m) => m.kind))].map((k) => {
    const ms = rows.filter((m) => m.kind === k);
    return `${k.padEnd(12)} ${sum((m) => m.right, ms)}/${sum((m) => m.total, ms)}`;
  });
  console.log([...rows.map(line), '— by kind:', ...byKind, `— overall ${sum((m) => m.right)}/${sum((m) => m.total)} (${((100 * sum((m) => m.right)) / sum((m) => m.total)).toFixed(1)}%), wrong ${sum((m) => m.wrong.length)}`].join('\n'));
});

describe('corpus of real published reports', () => {
  test('at least 25 reports, of several kinds, levels and both formats', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
    expect(new Set(entries.map((e) => e.meta.kind)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(entries.map((e) => e.meta.level)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.meta.format))).toEqual(new Set(['2019', '2021']));
  });

  test.each(entries.map((e) => [e.meta.id, e] as const))('%s: no number read wrong', (_id, e) => {
    expect(results.get(e.meta.id)?.wrong).toEqual([]);
  });

  test('the corpus overall: at least 95% of the cells read', () => {
    const rows = [...results.values()];
    const right = rows.reduce((s, m) => s + m.right, 0);
    const total = rows.reduce((s, m) => s + m.total, 0);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });

  test('complete reports whose text keeps its cells: at least 98% each', () => {
    const low = [...results.values()].filter((m) => KEEPS_CELLS.has(m.kind) && !m.cutShort && m.right / m.total < 0.98);
    expect(low.map((m) => `${m.id} ${m.right}/${m.total}`)).toEqual([]);
  });

  test('the mistakes real reports contain (seen by reading them) are found from the raw file alone', () => {
    const missed: string[] = [];
    for (const e of entries) {
      const fs_ = findingsOf(e);
      for (const w of e.meta.errors_in_report) if (!fs_.some((f) => f.cells.some((c) => w.cells.includes(c)))) missed.push(`${e.meta.id}: ${w.why}`);
    }
    expect(entries.flatMap((e) => e.meta.errors_in_report).length).toBeGreaterThanOrEqual(8);
    expect(missed).toEqual([]);
  });

  test('a complete, consistent real report raises no error (beyond rows its text did not let the import read)', () => {
    const raised: string[] = [];
    for (const e of entries.filter((x) => !x.meta.cut_short && !x.meta.errors_in_report.length)) {
      const r = importReport(readFileSync(e.input, 'utf8'));
      const unread = (f: Finding): boolean => f.rule === 'STRUCTURE' && /缺少/.test(f.message) && r.problems.length > 0;
      for (const f of [...r.findings, ...checkReport(r.report, undefined, { published: true })]) if (f.severity === 'error' && !unread(f)) raised.push(`${e.meta.id}: ${f.rule} ${f.message}`);
    }
    expect(raised).toEqual([]);
  });

  test('no error finding on a raw file that the reviewer judged false; every finding judged', () => {
    const falseErrors: string[] = [];
    const unjudged: string[] = [];
    let judgedFiles = 0;
    for (const e of entries) {
      const judged = judgedOf(e);
      if (!judged) continue;
      judgedFiles += 1;
      for (const f of findingsOf(e)) {
        const j = judged.find((x) => x.message === f.message);
        if (!j) unjudged.push(`${e.meta.id}: ${f.rule} ${f.message}`);
        else if (j.verdict === 'false' && f.severity === 'error') falseErrors.push(`${e.meta.id}: ${f.rule} ${f.message} — ${j.reason}`);
      }
    }
    expect(judgedFiles).toBeGreaterThan(0);
    expect(falseErrors).toEqual([]);
    expect(unjudged).toEqual([]);
  });
});
