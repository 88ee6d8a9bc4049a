/** Helpers for the importer tests: fixture access and a cell-by-cell comparison of two reports. */
import * as fs from 'fs';
import * as path from 'path';
import { parseReportJson } from '../../src/report/report';
import type { RawValue, Report } from '../../src/report/types';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const readFixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const readImportFixture = (name: string): string => readFixture(path.join('import', name));
export const loadReport = (name: string): Report => parseReportJson(readFixture(name));

/** Every cell of every table of `expected`, as [key, value] pairs, next to what `actual` holds there
 *  (undefined when absent) — so a failure names the cells. */
export function cellPairs(
  expected: Report,
  actual: Report,
): { expected: Array<[string, RawValue]>; actual: Array<[string, RawValue | undefined]> } {
  const exp: Array<[string, RawValue]> = [];
  const act: Array<[string, RawValue | undefined]> = [];
  for (const [t, rows] of Object.entries(expected.tables)) {
    for (const [r, cols] of Object.entries(rows ?? {})) {
      for (const [c, v] of Object.entries(cols)) {
        const key = `${t}.${r}.${c}`;
        exp.push([key, v]);
        const row = (actual.tables as Record<string, Record<string, Record<string, RawValue>>>)[t]?.[r];
        act.push([key, row && Object.prototype.hasOwnProperty.call(row, c) ? row[c] : undefined]);
      }
    }
  }
  return { expected: exp, actual: act };
}

/** Every cell key a report holds. */
export function keysOf(report: Report): string[] {
  return Object.entries(report.tables).flatMap(([t, rows]) =>
    Object.entries(rows ?? {}).flatMap(([r, cols]) => Object.keys(cols).map((c) => `${t}.${r}.${c}`)),
  );
}
