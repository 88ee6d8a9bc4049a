/** Report JSON (spec report-json.md): reading it safely, and getting cell values by key. */
import { FORMATS } from './formats';
import { allLayouts } from './layout';
import {
  FORMAT_IDS,
  reportYear,
  splitKey,
  textOf,
  yearMessage,
  type CellKey,
  type FormatId,
  type RawValue,
  type Report,
  type TableId,
} from './types';

/** Input that is not a usable report. The message is Chinese, for the person who gave the file. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validate the envelope of a parsed JSON document; cell contents are left as they are (the checks judge them). */
export function toReport(doc: unknown): Report {
  if (!isObject(doc)) throw new ReportInputError('不是年报数据：JSON 顶层应为对象（not a report object）');
  if (doc.schema !== undefined && doc.schema !== 'ogi-report/1') {
    throw new ReportInputError(`不支持的数据版本“${textOf(doc.schema)}”，应为 ogi-report/1（unknown schema）`);
  }
  if (doc.schema === undefined && doc.year === undefined && doc.tables === undefined) {
    throw new ReportInputError('不是年报数据：没有 year（年份）和 tables（表格数据），应为 ogi-report/1 格式的年报 JSON（not a report）');
  }
  const year = reportYear(doc.year);
  if (year === null) throw new ReportInputError(`${yearMessage(doc.year)}（invalid year）`);
  const format = doc.format === undefined ? (year <= 2020 ? '2019' : '2021') : textOf(doc.format);
  if (!FORMAT_IDS.includes(format as FormatId))
    throw new ReportInputError(`未知的表格格式“${format}”，应为 2019 或 2021（unknown format）`);
  if (!isObject(doc.tables)) throw new ReportInputError('缺少 tables（表格数据）对象（missing tables）');
  const tables: Report['tables'] = {};
  for (const [t, rows] of Object.entries(doc.tables)) {
    if (!isObject(rows)) throw new ReportInputError(`表格“${t}”应为对象（table ${t} is not an object）`);
    const out: Record<string, Record<string, RawValue>> = {};
    for (const [r, cols] of Object.entries(rows)) {
      if (!isObject(cols)) throw new ReportInputError(`表格“${t}”的行“${r}”应为对象（row ${t}.${r} is not an object）`);
      out[r] = cols as Record<string, RawValue>;
    }
    tables[t as TableId] = out;
  }
  const text: Record<string, string> = {};
  if (isObject(doc.text)) for (const [k, v] of Object.entries(doc.text)) if (typeof v === 'string') text[k] = v;
  const report: Report = { schema: 'ogi-report/1', format: format as FormatId, year, tables };
  if (typeof doc.agency === 'string') report.agency = doc.agency;
  if (Object.keys(text).length) report.text = text;
  return report;
}

export function parseReportJson(source: string): Report {
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new ReportInputError(`JSON 格式有误：${(e as Error).message}（invalid JSON）`);
  }
  return toReport(doc);
}

/** The value of a cell in a report: a RawValue, or undefined when the report lacks the cell. */
export function reportValue(report: Report, key: CellKey): RawValue | undefined {
  const { table, row: r, column } = splitKey(key);
  const row = report.tables[table]?.[r];
  if (!row || !Object.prototype.hasOwnProperty.call(row, column)) return undefined;
  return row[column];
}

/** An empty report of a format: every cell null. */
export function emptyReport(format: FormatId, year: number, agency?: string): Report {
  const tables: Report['tables'] = {};
  for (const layout of allLayouts(format)) {
    const t: Record<string, Record<string, RawValue>> = {};
    for (const cell of layout.data) (t[cell.rowKey as string] ??= {})[cell.colKey as string] = null;
    tables[layout.table] = t;
  }
  return { schema: 'ogi-report/1', format, year, ...(agency ? { agency } : {}), tables };
}

/** Set a cell of a report (creating the row). */
export function setReportValue(report: Report, key: CellKey, value: RawValue): void {
  const { table: t, row, column } = splitKey(key);
  const table = (report.tables[t] ??= {});
  (table[row] ??= {})[column] = value;
}

export { FORMATS };
