/**
 * The tables read from a workbook as sets: set 1, 2… of registered tables (OGI_x, OGI_x_2 …), and the tables
 * recognised by their labels. Shared by the actions (check, narrative, last year, export). No office-js here.
 */
import { parseReportJson } from '../report/report';
import { reportSource } from '../report/check';
import type { YearInput } from '../report/crossYear';
import { tableLayout } from '../report/layout';
import { splitKey, TABLE_IDS, type CellKey, type FormatId, type RawValue, type Report } from '../report/types';
import type { ReadTable, TablesRead } from '../host/types';
import { parseRegistrationName } from '../report/plan';

/** Set 1, 2… of registered tables (OGI_x, OGI_x_2 …); 0 for tables recognised by their labels. */
export const setIndex = (t: Pick<ReadTable, 'name' | 'recognised'>): number =>
  t.recognised ? 0 : (parseRegistrationName(t.name)?.set ?? 1);

/** A value as read ('' for an empty cell) → null for an empty cell. */
export function cellValue(v: RawValue): RawValue {
  return v === '' || v === undefined ? null : v;
}

/** The registered tables when there are any, else those recognised by their labels. */
export const preferRegistered = (tables: ReadTable[]): ReadTable[] => {
  const registered = tables.filter((t) => !t.recognised);
  return registered.length ? registered : tables;
};

/** Last year's report as values, with its agency. */
export type LastYear = YearInput & { agency?: string };

/** Who the text speaks as: what the person typed, else the agency kept with the tables (else the generator's 本机关). */
export const speaker = (typed: string | undefined, agency: string | undefined): string | undefined => typed?.trim() || agency;

/** Values of the first set of registered tables, as a value source (for the narrative), with the agency
 *  given when they were inserted. */
export function sourceOfTables(
  tables: ReadTable[],
): { format: FormatId; year: number; agency?: string; get: (key: CellKey) => RawValue | undefined } | null {
  const first = [...tables].sort((a, b) => setIndex(a) - setIndex(b))[0];
  if (!first) return null;
  const set = tables.filter((t) => setIndex(t) === setIndex(first) && t.format === first.format);
  const byTable = new Map(set.map((t) => [t.table, t]));
  const agency = set.find((t) => t.agency)?.agency;
  return {
    format: first.format,
    year: first.year,
    ...(agency ? { agency } : {}),
    get: (key) => {
      const t = byTable.get(splitKey(key).table);
      const cell = t && tableLayout(t.format, t.table).byKey.get(key);
      if (!t || !cell) return undefined;
      return cellValue(t.values[cell.r]?.[cell.c] ?? null);
    },
  };
}

/** Last year's report kept in the workbook, as values (null when none or unreadable). */
export function lastYearOf(read: TablesRead): LastYear | null {
  if (!read.lastYear) return null;
  try {
    const r = parseReportJson(read.lastYear);
    return { format: r.format, year: r.year, get: reportSource(r), agency: r.agency };
  } catch {
    return null;
  }
}

/** A report (tables only) from registered or recognised tables that were read. */
export function reportFromTables(tables: ReadTable[]): Report | null {
  const src = sourceOfTables(tables);
  if (!src) return null;
  const report: Report = {
    schema: 'ogi-report/1',
    format: src.format,
    year: src.year,
    ...(src.agency ? { agency: src.agency } : {}),
    tables: {},
  };
  for (const table of TABLE_IDS) {
    const layout = tableLayout(src.format, table);
    if (src.get(layout.data[0].key as CellKey) === undefined) continue;
    const rows: Record<string, Record<string, RawValue>> = {};
    for (const cell of layout.data) (rows[cell.rowKey as string] ??= {})[cell.colKey as string] = src.get(cell.key as CellKey) ?? null;
    report.tables[table] = rows;
  }
  return report;
}
