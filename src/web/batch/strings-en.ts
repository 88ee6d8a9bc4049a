/** The words of 批量核查 in English (see strings.ts). Findings are rendered by src/report/english.ts; the reasons a
 *  file cannot be read (src/file/input.ts, src/pdf/text.ts) are rendered here. Official labels, file and agency
 *  names stay as written. */
import { cellInEnglish, inEnglish, tableInEnglish } from '../../report/english';
import type { BatchStrings } from './strings';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** The importer's reasons joined with "；", each in English. */
const reasons = (s: string): string =>
  s
    .split('；')
    .map((p) => inEnglish(p))
    .join('; ');

const REASONS: Rule[] = [
  [
    /^这是旧版 Excel 97-2003 工作簿（\.xls），只能读取 \.xlsx。/,
    () =>
      'This is an old Excel 97-2003 workbook (.xls); only .xlsx can be read. Open it in Excel, choose File › Save As with the type “Excel Workbook (*.xlsx)”, and use the saved .xlsx file',
  ],
  [
    /^这是 WPS 表格文件（(\.\w+)），只能读取 \.xlsx。/,
    (m) =>
      `This is a WPS Spreadsheets file (${m[1]}); only .xlsx can be read. Open it in WPS Spreadsheets, choose File › Save As with the type “Excel file (*.xlsx)”, and use the saved .xlsx file`,
  ],
  [/^文件为空（empty file）$/, () => 'The file is empty'],
  [
    /^工作簿已加密（设置了打开密码）或实际是旧版 \.xls \/ WPS \.et 格式/,
    () =>
      'The workbook is encrypted (has an opening password) or is really an old .xls or WPS .et file: open it in Excel or WPS, choose File › Save As, and save it as an .xlsx without a password',
  ],
  [/^不是有效的 \.xlsx 工作簿，文件可能已损坏（([\s\S]*)）$/, (m) => `Not a valid .xlsx workbook; the file may be damaged (${m[1]})`],
  [/^没有读到年报表格（文中没有年报的统计表）$/, () => 'No report tables were read (the text holds no statistical tables of a report)'],
  [/^没有读到年报表格（([\s\S]*)）$/, (m) => `No report tables were read (${reasons(m[1])})`],
  [
    /^没有找到登记的年报表格（名称 (\S+) 等）。请用本工具或加载项生成表格后再填写(?:；([\s\S]*))?$/,
    (m) =>
      `No registered report tables were found (names such as ${m[1]}). Make the tables with this tool or the add-in, then fill them in${m[2] ? `; ${reasons(m[2])}` : ''}`,
  ],
  [
    /^不支持的文件类型“(.*)”，应为 \.json、\.xlsx、\.txt、\.html 或 \.pdf$/,
    (m) => `Unsupported file type “${m[1] === '无扩展名' ? 'no extension' : m[1]}”: expected .json, .xlsx, .txt, .html or .pdf`,
  ],
  [
    /^不是 PDF 文件（文件开头没有 %PDF 标记）/,
    () => 'Not a PDF file (it does not begin with the %PDF marker); it may be another file with its extension changed',
  ],
  [
    /^PDF 设置了打开密码（已加密）/,
    () => 'The PDF has an opening password (it is encrypted) and cannot be read; provide an unencrypted PDF',
  ],
  [/^PDF 文件已损坏或不完整，无法读取（([\s\S]*)）$/, (m) => `The PDF is damaged or incomplete and cannot be read (${m[1]})`],
  [
    /^读取 PDF 所需的字体映射文件/,
    () =>
      'The character maps needed to read PDFs (the pdfjs/cmaps/ folder of the site) could not be downloaded, so it cannot be told whether the file has a text layer; ask the administrator to check the deployment (IIS must list .bcmap and similar extensions, see the deployment guide)',
  ],
  [
    /^PDF 中没有文字层/,
    () =>
      'The PDF has no text layer (it may be a scan or an image), so its tables cannot be read; use a PDF whose text can be selected and copied, or copy the full report from the government website',
  ],
  [/^读取时出现意外错误（([\s\S]*)）$/, (m) => `Unexpected error while reading (${m[1]})`],
];

/** Why a file cannot be read, in English (the report JSON's reasons are rendered by english.ts). */
export function reasonInEnglish(reason: string): string {
  for (const [re, render] of REASONS) {
    const m = re.exec(reason);
    if (m) return render(m);
  }
  return inEnglish(reason);
}

export const en: BatchStrings = {
  title: 'Batch check',
  intro:
    'Choose or drop many report files (.xlsx, .json, .txt, .html, .pdf): each is read and its reconciliation rules are checked, and the errors and warnings of every report are listed; the summary and the list of problems can be downloaded. The files are read in this browser only and never uploaded.',
  chooseFiles: 'Choose files…',
  chooseFolder: 'Choose a folder…',
  dropHere: 'or drop files here',
  dropActive: 'Release to start checking',
  noReportFiles: 'The chosen folder holds no report files (.json, .xlsx, .xlsm, .txt, .html, .pdf).',
  reading: (done: number, total: number, current: string | undefined) => `Reading ${done}/${total}${current ? `: ${current}` : ''}…`,
  finished: (files: number, reports: number, unreadable: number, errors: number, warnings: number) =>
    `Checked ${plural(files, 'file')}: ${plural(reports, 'report')}${unreadable ? `, ${plural(unreadable, 'file')} could not be read` : ''}; ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in all.`,
  colFile: 'File',
  colAgency: 'Agency',
  colYear: 'Year',
  colErrors: 'Errors',
  colWarnings: 'Warnings',
  colFindings: 'Problems',
  yearUnknown: 'unknown',
  agencyUnknown: '(not stated)',
  unreadable: 'Cannot be read',
  showFindings: (n: number) => `Show ${plural(n, 'problem')}`,
  hideFindings: 'Hide',
  noFindings: 'No problems',
  findingsOf: (file: string, year: number | null) => `Problems of ${file}${year ? ` (${year})` : ''}`,
  error: 'Error',
  warning: 'Warning',
  expectedFound: (expected: string, actual: string) => `expected ${expected}, found ${actual}`,
  place: (table: string, cell: string) => cell || table,
  blank: 'blank',
  reportText: 'Report text',
  rule: (id: string) => `rule ${id}`,
  downloadXlsx: 'Download summary (.xlsx)',
  downloadCsv: 'Download summary (CSV)',
  downloadHint:
    'The summary (汇总表) has one row per report (key totals, numbers of errors and warnings), the list of problems (问题清单) one row per problem; it is the workbook the command line ogi-report check --summary xlsx writes. Its headings are in Chinese.',
  summaryFileName: 'report-check-summary',
  unexpected: 'Unexpected error: ',
  message: (m: string): string => inEnglish(m),
  reason: (m: string): string => reasonInEnglish(m),
  table: (t: string): string => (t === '报告正文' ? 'Report text' : tableInEnglish(t)),
  cell: (c: string): string => cellInEnglish(c),
  language: 'en',
};
