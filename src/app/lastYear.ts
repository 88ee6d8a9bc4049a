/** 导入上年报告: last year's published report (text, HTML, PDF, report JSON or a workbook with its tables) kept in
 *  the workbook for the cross-year checks and the 同比 figures. No office-js here. */
import { loadChunk } from './load';
import { parseReportJson } from '../report/report';
import { lastYearMismatch } from '../report/crossYear';
import { agencyName } from '../report/agency';
import { TABLE_NAMES } from '../report/formats';
import { TABLE_IDS, type Report } from '../report/types';
import type { WorkbookHost } from '../host/types';
import { preferRegistered, reportFromTables, sourceOfTables } from './tables';

export interface LastYearImport {
  ok: boolean;
  /** What was kept, or why nothing was. */
  message: string;
  problems: string[];
}

/** 导入上年报告 from an .xlsx file (exceljs is loaded only when needed). */
export async function importLastYearWorkbook(host: WorkbookHost, bytes: ArrayBuffer, fallbackYear: number): Promise<LastYearImport> {
  const { loadWorkbook, readTables } = await loadChunk(() => import(/* webpackChunkName: "xlsx" */ '../file/xlsx'));
  let wb: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return { ok: false, message: `不是有效的 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）`, problems: [] };
  }
  const report = reportFromTables(readTables(wb).tables);
  if (!report) return { ok: false, message: '工作簿中没有找到年报表格（既没有登记的表格，也没有按标签识别出的表格）', problems: [] };
  if (!Number.isInteger(report.year)) report.year = fallbackYear;
  return importLastYear(host, JSON.stringify(report), 'workbook.json');
}

/** 导入上年报告: a published report's text, HTML or report JSON → kept in the workbook for the cross-year checks. */
export async function importLastYear(host: WorkbookHost, source: string, fileName = ''): Promise<LastYearImport> {
  let report: Report;
  let problems: string[] = [];
  if (/\.json$/i.test(fileName) || /^\s*\{/.test(source)) {
    try {
      report = parseReportJson(source);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e), problems: [] };
    }
  } else {
    const { importReport } = await loadChunk(() => import(/* webpackChunkName: "importer" */ '../report/import'));
    const result = importReport(source, { kind: /\.html?$/i.test(fileName) ? 'html' : undefined });
    report = result.report;
    problems = result.problems;
    // the reasons are listed under the message, each once
    if (!Object.keys(report.tables).length)
      return { ok: false, message: problems.length ? '没有读到年报表格：' : '没有读到年报表格。', problems };
    if (!report.year) return { ok: false, message: '没有读到报告年度（标题中应有“XXXX年政府信息公开工作年度报告”）', problems };
  }
  return keepLastYear(host, report, problems);
}

/** 导入上年报告 from a PDF: its text layer read with pdf.js (loaded now, from the add-in's own files),
 *  the tables rebuilt from the text positions. A scan, an encrypted or damaged file is said, naming it. */
export async function importLastYearPdf(host: WorkbookHost, bytes: ArrayBuffer, fileName: string): Promise<LastYearImport> {
  const [pdf, { importPositioned }] = await loadChunk(() =>
    Promise.all([import(/* webpackChunkName: "pdf" */ '../pdf/browser'), import(/* webpackChunkName: "importer" */ '../report/import')]),
  );
  let pages: Awaited<ReturnType<typeof pdf.readPdfText>>;
  try {
    pages = await pdf.readPdfText(new Uint8Array(bytes));
  } catch (e) {
    if (e instanceof pdf.PdfReadError) return { ok: false, message: `${fileName}：${e.message}`, problems: [] };
    throw e;
  }
  const result = importPositioned(pages);
  if (result.chars === 0) return { ok: false, message: `${fileName}：${pdf.NO_TEXT_LAYER}`, problems: [] };
  const { report, problems } = result;
  // the reasons are listed under the message, each once
  if (!Object.keys(report.tables).length)
    return { ok: false, message: `${fileName}：没有读到年报表格${problems.length ? '：' : '。'}`, problems };
  if (!report.year) return { ok: false, message: `${fileName}：没有读到报告年度（标题中应有“XXXX年政府信息公开工作年度报告”）`, problems };
  return keepLastYear(host, report, problems);
}

async function keepLastYear(host: WorkbookHost, report: Report, problems: string[]): Promise<LastYearImport> {
  // only the year before, of the same agency, stands for last year (the tables already in the workbook say which)
  const read = await host.readTables();
  const now = sourceOfTables(preferRegistered(read.tables));
  const mismatch = now && Number.isInteger(now.year) ? lastYearMismatch(now, report) : null;
  if (mismatch) return { ok: false, message: `未保存：${mismatch}。跨年度核对和同比变化只用上一年度同一单位的报告。`, problems };
  const kept: Report = {
    schema: 'ogi-report/1',
    format: report.format,
    year: report.year,
    tables: report.tables,
    ...(report.agency ? { agency: report.agency } : {}),
  };
  await host.storeLastYear(JSON.stringify(kept));
  const tables = TABLE_IDS.filter((t) => report.tables[t])
    .map((t) => TABLE_NAMES[t].split(' ')[0])
    .join('、');
  return {
    ok: true,
    message: `已保存${agencyName(report.agency) ?? ''}${report.year}年报告（${report.format}年格式，${tables}），校验时将核对上年结转等跨年度关系，生成文字时写出同比变化。`,
    problems,
  };
}

/** What the pane's 导入上年报告 panel can do. */
export interface LastYearActions {
  /** Pasted text, or a .txt/.html/.json file's text (its name says which). */
  importText: (source: string, fileName: string) => Promise<LastYearImport>;
  /** An .xlsx workbook with last year's tables (a table without a year is taken as of `fallbackYear`). */
  importWorkbook: (bytes: ArrayBuffer, fallbackYear: number) => Promise<LastYearImport>;
  importPdf: (bytes: ArrayBuffer, fileName: string) => Promise<LastYearImport>;
  /** Remove the report kept in the workbook. */
  remove: () => Promise<void>;
}

export const lastYearActions = (host: WorkbookHost): LastYearActions => ({
  importText: (source, fileName) => importLastYear(host, source, fileName),
  importWorkbook: (bytes, fallbackYear) => importLastYearWorkbook(host, bytes, fallbackYear),
  importPdf: (bytes, fileName) => importLastYearPdf(host, bytes, fileName),
  remove: () => host.storeLastYear(null),
});
