/** 插入表格: the official tables at the selection or on a new sheet (never over anything). No office-js here. */
import { freeSheetName } from '../report/a1';
import type { PlanRequest } from '../report/plan';
import { formatForYear, reportYear, yearMessage, TABLE_IDS, type FormatId, type TableId } from '../report/types';
import type { InsertOutcome, InsertTarget, WorkbookHost } from '../host/types';

export interface InsertOptions {
  year: number;
  agency?: string;
  format?: FormatId;
  tables?: TableId[];
  formulas?: boolean;
  target: InsertTarget;
}

export function planRequest(o: InsertOptions): PlanRequest {
  const tables = o.tables ?? [...TABLE_IDS];
  return {
    format: o.format ?? formatForYear(o.year),
    year: o.year,
    agency: o.agency?.trim() || undefined,
    tables,
    titles: tables.length === TABLE_IDS.length,
    formulas: o.formulas ?? true,
  };
}

export const defaultSheetName = (year: number, existing: string[]): string => freeSheetName(existing, `${year}年报表格`);

export async function insertTables(host: WorkbookHost, o: InsertOptions): Promise<InsertOutcome> {
  const info = host.info();
  if (!info.supported) return { ok: false, reason: 'unsupported', message: info.reason ?? '当前环境不支持插入表格' };
  if (reportYear(o.year) === null) return { ok: false, reason: 'failed', message: yearMessage(o.year) };
  return host.insertTables(planRequest(o), o.target);
}

export type InsertWhere = 'selection' | 'newSheet';

/** Insert at the selection, or on a new sheet named after the year (年报表格, 年报表格(2)… when taken). */
export async function insertAt(host: WorkbookHost, o: Omit<InsertOptions, 'target'>, where: InsertWhere): Promise<InsertOutcome> {
  const target: InsertTarget =
    where === 'newSheet' ? { kind: 'newSheet', name: defaultSheetName(o.year, await host.sheetNames()) } : { kind: 'selection' };
  return insertTables(host, { ...o, target });
}

/** What the pane's 插入表格 panel can do. */
export interface InsertActions {
  insert: (o: Omit<InsertOptions, 'target'>, where: InsertWhere) => Promise<InsertOutcome>;
}

export const insertActions = (host: WorkbookHost): InsertActions => ({ insert: (o, where) => insertAt(host, o, where) });
