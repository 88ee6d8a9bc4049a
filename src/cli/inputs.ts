/** Reading the files the command line is given: report JSON, a workbook with registered tables, or a
 *  published report (text, HTML, PDF). */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { parseReportJson, ReportInputError } from '../report/report';
import type { Finding, FormatId, Report } from '../report/types';
import { importPositioned, importReport } from '../report/import';
import { decodeText } from '../report/import/decode';
import { readPdfText } from '../pdf/node';
import { NO_TEXT_LAYER, PdfReadError } from '../pdf/text';

/** A file that cannot be read, with a one-line Chinese message naming it. */
export class InputError extends Error {}

export type Input =
  | {
      kind: 'report';
      file: string;
      report: Report;
      /** findings and problems from importing a published text */ imported?: { findings: Finding[]; problems: string[] };
    }
  | { kind: 'workbook'; file: string; workbook: ExcelJS.Workbook };

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '文件不存在（no such file）';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件（is a directory）';
  if (code === 'EACCES') return '没有读取权限（permission denied）';
  return (e as Error)?.message ?? String(e);
}

/** Spreadsheets the tool cannot read, and how to save them as .xlsx (in the program that made them). */
export function legacySpreadsheet(file: string): string | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls') {
    return `${file}：这是旧版 Excel 97-2003 工作簿（.xls），只能读取 .xlsx。请在 Excel 中打开它，点“文件 › 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再用另存的 .xlsx 文件`;
  }
  if (ext === '.et' || ext === '.ett') {
    return `${file}：这是 WPS 表格文件（${ext}），只能读取 .xlsx。请在 WPS 表格中打开它，点“文件 › 另存为”，文件类型选“Excel 文件（*.xlsx）”，再用另存的 .xlsx 文件`;
  }
  return null;
}

/** What the person says of a published text when its title does not tell (or tells wrong). */
export interface ReadOverrides {
  year?: number;
  format?: FormatId;
}

export async function readInput(file: string, overrides: ReadOverrides = {}): Promise<Input> {
  const ext = path.extname(file).toLowerCase();
  const legacy = legacySpreadsheet(file);
  if (legacy) throw new InputError(legacy);
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw new InputError(`${file}：无法读取，${reason(e)}`);
  }
  if (ext === '.json') {
    try {
      return { kind: 'report', file, report: parseReportJson(data.toString('utf8')) };
    } catch (e) {
      if (e instanceof ReportInputError) throw new InputError(`${file}：${e.message}`);
      throw e;
    }
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (data.length === 0) throw new InputError(`${file}：文件为空（empty file）`);
    if (data.subarray(0, 4).toString('latin1') === '\xd0\xcf\x11\xe0') {
      throw new InputError(
        `${file}：工作簿已加密（设置了打开密码）或实际是旧版 .xls / WPS .et 格式，请在 Excel 或 WPS 中打开，点“文件 › 另存为”，存为不设密码的 .xlsx（encrypted or legacy workbook）`,
      );
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new InputError(`${file}：不是有效的 .xlsx 工作簿，文件可能已损坏（${(e as Error).message}）`);
    }
    return { kind: 'workbook', file, workbook };
  }
  if (ext === '.txt' || ext === '.html' || ext === '.htm') {
    const source = decodeText(data);
    const result = importReport(source, { kind: ext === '.txt' ? undefined : 'html', ...overrides });
    if (!Object.keys(result.report.tables).length) {
      throw new InputError(`${file}：没有读到年报表格（${result.problems.slice(0, 2).join('；') || '文中没有年报的统计表'}）`);
    }
    return { kind: 'report', file, report: result.report, imported: { findings: result.findings, problems: result.problems } };
  }
  if (ext === '.pdf') return readPdf(file, data, overrides);
  throw new InputError(`${file}：不支持的文件类型“${ext || '无扩展名'}”，应为 .json、.xlsx、.txt、.html 或 .pdf`);
}

/** A published report as PDF: its text layer read with pdf.js (node.ts loads it on the first PDF), the tables
 *  rebuilt from the text positions. */
async function readPdf(file: string, data: Buffer, overrides: ReadOverrides): Promise<Input> {
  let pages;
  try {
    pages = await readPdfText(new Uint8Array(data));
  } catch (e) {
    if (e instanceof PdfReadError) throw new InputError(`${file}：${e.message}`);
    throw e;
  }
  const result = importPositioned(pages, overrides);
  if (result.chars === 0) throw new InputError(`${file}：${NO_TEXT_LAYER}`);
  if (!Object.keys(result.report.tables).length) {
    throw new InputError(`${file}：没有读到年报表格（${result.problems.slice(0, 2).join('；') || '文中没有年报的统计表'}）`);
  }
  return { kind: 'report', file, report: result.report, imported: { findings: result.findings, problems: result.problems } };
}
