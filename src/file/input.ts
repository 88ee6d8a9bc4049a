/**
 * One input file, from its name and bytes: report JSON (`ogi-report/1`), a workbook holding the tables (.xlsx,
 * registered or found by their labels), or a published report (text, HTML, PDF) — read, then checked to one
 * result per report it holds. Host-neutral: the command line (src/cli/inputs.ts reads the bytes with Node's fs)
 * and the 网页版's 批量核查 (src/web/batch/, the bytes of a chosen or dropped file) read and check alike, and
 * each hands in its own PDF text reader (src/pdf/node.ts, src/pdf/browser.ts).
 *
 * A file that cannot be read throws InputError, whose message is one Chinese sentence beginning with the file's
 * name and saying what was expected.
 */
import ExcelJS from 'exceljs';
import { parseReportJson, ReportInputError } from '../report/report';
import { checkReport, reportSource, type ValueSource } from '../report/check';
import { checkAcrossYears, type YearInput } from '../report/crossYear';
import { agencyName } from '../report/agency';
import { registrationNames } from '../report/plan';
import type { Finding, FormatId, Report } from '../report/types';
import { importPositioned, importReport, type TextPage } from '../report/import';
import { decodeText } from '../report/import/decode';
import { NO_TEXT_LAYER, PdfReadError } from '../pdf/text';
import type { Mark, TablesRead } from '../host/types';
import { checkTables } from '../app/check';
import { readTables } from './xlsx';

/** A file that cannot be read, with a one-line Chinese message naming it. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type Input =
  | {
      kind: 'report';
      file: string;
      report: Report;
      /** findings and problems from importing a published text */ imported?: { findings: Finding[]; problems: string[] };
    }
  | { kind: 'workbook'; file: string; workbook: ExcelJS.Workbook };

/** What the person says of a published text when its title does not tell (or tells wrong). */
export interface ReadOverrides {
  year?: number;
  format?: FormatId;
}

/** Reads the positioned text of a PDF's pages (throws PdfReadError for bad input): src/pdf/node.ts or src/pdf/browser.ts. */
export type PdfTextReader = (data: Uint8Array) => Promise<TextPage[]>;

/** ".XLSX" of "目录/报告.XLSX" → ".xlsx" ('' when there is none), as Node's path.extname. */
export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Files a folder is searched for: the reports that are read, and the legacy spreadsheets explained (legacySpreadsheet). */
export const REPORT_FILE = /\.(json|xlsx|xlsm|txt|html?|pdf|xls|et|ett)$/i;

/** Whether a file found in a folder is one to read: a report file, not an office lock file ("~$报告.xlsx"). */
export const isReportFile = (name: string): boolean => REPORT_FILE.test(name) && !name.startsWith('~$');

/** Spreadsheets the tool cannot read, and how to save them as .xlsx (in the program that made them). */
export function legacySpreadsheet(file: string): string | null {
  const ext = extensionOf(file);
  if (ext === '.xls') {
    return `${file}：这是旧版 Excel 97-2003 工作簿（.xls），只能读取 .xlsx。请在 Excel 中打开它，点“文件 › 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再用另存的 .xlsx 文件`;
  }
  if (ext === '.et' || ext === '.ett') {
    return `${file}：这是 WPS 表格文件（${ext}），只能读取 .xlsx。请在 WPS 表格中打开它，点“文件 › 另存为”，文件类型选“Excel 文件（*.xlsx）”，再用另存的 .xlsx 文件`;
  }
  return null;
}

export interface ReadOptions {
  overrides?: ReadOverrides;
  /** Only asked for when the file is a PDF. */
  readPdf: PdfTextReader;
}

const latin1 = (data: Uint8Array): string => String.fromCharCode(...data.subarray(0, 4));

/** Read one file from its name (its extension says what it is) and its bytes. */
export async function readInputBytes(file: string, data: Uint8Array, options: ReadOptions): Promise<Input> {
  const ext = extensionOf(file);
  const overrides = options.overrides ?? {};
  const legacy = legacySpreadsheet(file);
  if (legacy) throw new InputError(legacy);
  if (ext === '.json') {
    try {
      return { kind: 'report', file, report: parseReportJson(new TextDecoder('utf-8').decode(data)) };
    } catch (e) {
      if (e instanceof ReportInputError) throw new InputError(`${file}：${e.message}`);
      throw e;
    }
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (data.length === 0) throw new InputError(`${file}：文件为空（empty file）`);
    if (latin1(data) === '\xd0\xcf\x11\xe0') {
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
  if (ext === '.pdf') return readPdf(file, data, overrides, options.readPdf);
  throw new InputError(`${file}：不支持的文件类型“${ext || '无扩展名'}”，应为 .json、.xlsx、.txt、.html 或 .pdf`);
}

/** A published report as PDF: its text layer read with pdf.js, the tables rebuilt from the text positions. */
async function readPdf(file: string, data: Uint8Array, overrides: ReadOverrides, readPdfText: PdfTextReader): Promise<Input> {
  let pages;
  try {
    // a plain Uint8Array (pdf.js refuses a Node Buffer)
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

/** One checked report: a file holds one, or (a workbook) one per year whose tables it holds. */
export interface FileResult {
  file: string;
  agency?: string;
  format: FormatId;
  year: number | null;
  findings: Finding[];
  /** The report's values, for the key totals of the summary. */
  get?: ValueSource;
}

/** A finding with only the fields a report of findings shows (no cell addresses of a host). */
export const plainFinding = (f: Finding): Finding => ({
  rule: f.rule,
  severity: f.severity,
  cells: f.cells,
  message: f.message,
  expected: f.expected ?? null,
  actual: f.actual ?? null,
});

export interface CheckOptions {
  /** Last year's report, for the cross-year checks. */
  last?: YearInput;
  /** The sheet holding the report's text in a workbook (default 报告正文). */
  proseSheet?: string;
}

/** What checking one input gives: its reports, and for a workbook the tables read and the marks of the findings. */
export interface CheckedInput {
  results: FileResult[];
  workbook?: { read: TablesRead; marks: Mark[] };
}

/** Check one input as `ogi-report check` does (a workbook without report tables is an InputError). */
export function checkInput(input: Input, options: CheckOptions = {}): CheckedInput {
  const { last, proseSheet } = options;
  const { file } = input;
  if (input.kind === 'report') {
    const imported = input.imported;
    const findings = [
      ...(imported?.problems ?? []).map((message): Finding => ({
        rule: 'STRUCTURE',
        severity: 'error',
        cells: [],
        message: `导入：${message}`,
        expected: null,
        actual: null,
      })),
      ...(imported?.findings ?? []),
      ...checkReport(input.report, undefined, { published: true }),
      ...(last
        ? checkAcrossYears(
            { format: input.report.format, year: input.report.year, get: reportSource(input.report), agency: input.report.agency },
            last,
          )
        : []),
    ];
    return {
      results: [
        {
          file,
          agency: agencyName(input.report.agency),
          format: input.report.format,
          year: input.report.year,
          findings,
          get: reportSource(input.report),
        },
      ],
    };
  }
  const read = readTables(input.workbook, { proseSheet });
  if (!read.tables.length) {
    throw new InputError(
      `${file}：没有找到登记的年报表格（名称 ${registrationNames('applications')[0]} 等）。请用本工具或加载项生成表格后再填写${read.lost.length ? `；${read.lost.map((l) => l.reason).join('；')}` : ''}`,
    );
  }
  const { result, marks } = checkTables(read, last);
  return {
    results: result.sets.map((set) => ({
      file,
      agency: agencyName(set.agency),
      format: set.format,
      year: Number.isNaN(set.year) ? null : set.year,
      findings: set.findings.map(plainFinding),
      get: set.get,
    })),
    workbook: { read, marks },
  };
}
