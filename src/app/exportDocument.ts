/**
 * The one export builder: the document model (src/report/export/document.ts) given to the Word writer
 * (src/file/docx.ts) and the HTML writer, from the tables read, the person's prose, last year's report and the
 * options typed. The pane's 导出 (src/app/export.ts, which loads this file when asked) and `ogi-report export`
 * (src/cli/export.ts) both build with it, so the same workbook gives the same document and the same error count.
 */
import { buildDocument, type ExportDocument } from '../report/export/document';
import { generateNarrative } from '../report/narrative';
import { reportSource } from '../report/check';
import { usableLastYear } from '../report/crossYear';
import { proseFromRows } from '../report/prose';
import type { Report } from '../report/types';
import type { TablesRead } from '../host/types';
import { checkTables } from './check';
import { lastYearOf, preferRegistered, reportFromTables, setIndex, speaker, type LastYear } from './tables';

/** What a report is exported from. */
export interface ExportSource {
  /** The tables (with the agency kept with them) and the person's prose (report.text). */
  report: Report;
  /** Last year's report: its figures give the 同比 sentences when it is of the year before, of the same agency. */
  lastYear?: LastYear;
  /** Error-level findings of the report (what 校验 / `ogi-report check` lists): the file is written anyway, with a warning. */
  errors: number;
}

/** What the person types for the export. */
export interface ExportOptions {
  /** 单位名称 for the title and the text; else the agency kept with the tables. */
  agency?: string;
  /** Who the text speaks as; else the agency (else 本机关). */
  who?: string;
  /** 信息处理费 in 元 (0 or null: none collected; undefined: not said). */
  fee?: number | null;
  /** Contact for questions, one sentence in the opening. */
  contact?: string;
}

export interface BuiltExport {
  doc: ExportDocument;
  /** The file name without its extension: 某某市人民政府2025年政府信息公开工作年度报告. */
  name: string;
  errors: number;
}

/** Said when the tables do not say their year (their registration is missing). */
export const UNKNOWN_YEAR = '无法确定报告年度（表格的登记信息缺失），请重新插入表格';

/** The export source of what was read from a workbook: the first set of its registered tables (else of those found
 *  by their labels), the prose of its prose sheet, last year's report (the one given, else the one kept in the
 *  workbook), and the errors 校验 finds in that set. Null when there are no tables. */
export function exportSourceOfRead(read: TablesRead, lastGiven?: LastYear): ExportSource | null {
  const tables = preferRegistered(read.tables);
  const report = reportFromTables(tables);
  if (!report) return null;
  const text = read.prose ? proseFromRows(read.prose) : {};
  if (Object.keys(text).length) report.text = text;
  const first = Math.min(...tables.map((t) => setIndex(t)));
  const lastYear = lastGiven ?? lastYearOf(read) ?? undefined;
  const { result } = checkTables({ ...read, tables: tables.filter((t) => setIndex(t) === first) }, lastYear);
  return { report, ...(lastYear ? { lastYear } : {}), errors: result.errors };
}

/** The document: the person's prose where there is some, else the paragraphs written from the tables (with the
 *  同比 figures of last year's report), the tables, the title with the agency. */
export function exportDocument(source: ExportSource, options: ExportOptions = {}): BuiltExport {
  const tablesAgency = source.report.agency; // last year's report is of the agency the tables are of
  const agency = options.agency?.trim() || tablesAgency;
  const report: Report = { ...source.report, ...(agency ? { agency } : {}) };
  const lastYear = usableLastYear(source.lastYear, { year: report.year, agency: tablesAgency });
  const generated = generateNarrative(
    { format: report.format, year: report.year, get: reportSource(report), agency: tablesAgency },
    { who: speaker(options.who, agency), fee: options.fee, lastYear },
  );
  const doc = buildDocument({ report, generated, meta: { agency, contact: options.contact?.trim() || undefined } });
  return { doc, name: `${agency ?? ''}${report.year}年政府信息公开工作年度报告`, errors: source.errors };
}
