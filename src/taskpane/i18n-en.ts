/** The pane's words in English (see i18n.ts), with the product's messages rendered by src/report/english.ts.
 *  Loaded only for an English pane, in one small file with the renderer. */
import { TABLE_NAMES } from '../report/formats';
import { yearMessage, type TableId } from '../report/types';
import * as E from '../report/english';
import type { Strings } from './i18n';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const en: Strings = {
  appTitle: 'OGI Annual Report Assistant',
  appSubtitle: 'Open government information annual report',
  insertSection: 'Insert statistical tables',
  year: 'Report year',
  yearHint: 'Statistics cover 1 January to 31 December of that year',
  agency: 'Agency name',
  agencyPlaceholder: 'e.g. XX City People’s Government',
  format: 'Table format',
  formatAuto: (f: string) => `Automatic by year (${f} format)`,
  format2021: '2021 format (国办公开办函〔2021〕30号)',
  format2019: '2019 format (国办公开办函〔2019〕60号, years 2019–2020)',
  formulas: 'Totals as formulas (sum of their parts)',
  target: 'Insert at',
  targetSelection: 'The selected cell',
  targetNewSheet: 'A new worksheet',
  insertAll: 'Insert all tables',
  insertOne: (name: string) => `Insert ${name}`,
  tableName: (t: TableId): string => E.tableInEnglish(TABLE_NAMES[t]),
  tableShort: (t: TableId): string => E.tableInEnglish(TABLE_NAMES[t].split(' ')[0]),
  yearInvalid: (typed: string): string => E.inEnglish(yearMessage(typed)),
  inserted: (address: string, sheet: string) => `Tables inserted at ${address} on sheet “${sheet}”.`,
  insertFailedTitle: 'Nothing inserted',
  offerNewSheet: 'Insert on a new sheet',
  checkSection: 'Check (reconciliation rules)',
  check: 'Check',
  clear: 'Clear marks',
  cleared: (n: number) =>
    n ? `Marks removed from ${plural(n, 'cell')}; your own formatting is untouched.` : 'There were no marks to clear.',
  noTables: 'This workbook has no report tables inserted by the assistant yet. Insert the tables first.',
  allGood: (title: string) => `${title}: every reconciliation and value check passed.`,
  summary: (e: number, w: number) => `${plural(e, 'error')} and ${plural(w, 'warning')} found.`,
  errors: 'Errors',
  warnings: 'Warnings',
  error: 'Error',
  warning: 'Warning',
  counts: (e: number, w: number) => ` (${plural(e, 'error')}, ${plural(w, 'warning')})`,
  message: (m: string): string => E.inEnglish(m),
  setTitle: (t: string): string => E.setTitleInEnglish(t),
  cell: (where: string): string => E.cellInEnglish(where),
  ruleWording: (id: string, wording: string): string => E.RULE_WORDINGS[id] ?? wording,
  clickToSelect: 'Click to select the cell',
  lostTables: 'These tables could not be read:',
  working: 'Working…',
  loading: 'Loading…',
  loadFailed: (why: string) =>
    `This part could not be loaded (${why}); the network may be down. Close and reopen the task pane, then try again.`,
  unexpected: 'Unexpected error: ',
  recognised: (sheet: string, tables: string) =>
    `Unregistered tables found by their labels on sheet “${sheet}”: ${tables}. They were checked too; register them so problem cells can be marked and the tables found after moves.`,
  register: 'Register these tables',
  registered: (n: number) => `${plural(n, 'table')} registered.`,
  proseFindings: 'Report text against the tables',
  proseSheet: 'Sheet with the report text',
  proseSheetHint: 'Checked against the tables and used by the export; one paragraph per row, column A the section (1–6, or “一” to “六”)',
  helpSection: 'Help: what each check means',
  helpIntro:
    'After a check, red cells are errors (numbers that disagree and must be corrected) and amber cells are warnings (verify, and explain in the report if needed); each is also listed above, click to go to it. Clearing marks removes only the colours, never your own formatting. The labels of the tables are given as the official format has them.',
  helpRelations: 'Reconciliation rules of the tables',
  helpCells: 'Cell values',
  helpCross: "Against last year's report",
  helpNarrative: 'Report text against the tables',
  helpSeverity: (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'error or warning'),
  helpVersion: (v: string) => `OGI annual-report assistant, version ${v}`,
  exportSection: 'Export the report',
  exportAgencyHint:
    'Used in the title; empty: the agency name given when the tables were inserted. Sections 1 and 5 come from the “报告正文” sheet, with marked places to fill in where it has none; the speaker and the fee are those of “Write the text”',
  exportWord: 'Export Word',
  exportHtml: 'Export web page',
  exported: (name: string) => `Exported “${name}”.`,
  exportedWithErrors: (name: string, n: number) =>
    `Exported “${name}”, but the tables still have ${n} errors: check and correct them before publishing.`,
  lastYearSection: "Last year's report (cross-year checks)",
  lastYearPaste: "Paste last year's published report",
  lastYearHint:
    'Copy it from the government website, or open a .txt / .html / .json / .pdf file; only the table figures are kept, for the carry-over and year-on-year checks',
  lastYearImport: 'Import',
  lastYearRemove: "Remove last year's report",
  lastYearRemoved: "Last year's report was removed from the workbook.",
  lastYearFile: 'Open a file (.txt / .html / .json / .xlsx / .pdf)…',
  lastYearFileType: (name: string) => `Cannot read “${name}”: choose a .txt, .html, .json, .xlsx or .pdf file.`,
  lastYearLegacy: (name: string, kind: 'xls' | 'et') =>
    kind === 'xls'
      ? `Cannot read “${name}”: it is an old Excel 97-2003 workbook (.xls). Open it in Excel, choose File › Save As, save as “Excel Workbook (*.xlsx)”, then open the saved .xlsx file.`
      : `Cannot read “${name}”: it is a WPS Spreadsheets file (.et). Open it in WPS, choose File › Save As, save as “Excel file (*.xlsx)”, then open the saved .xlsx file.`,
  narrativeSection: 'Write the summary text',
  generate: 'Write text',
  regenerate: 'Write again',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'The clipboard is not available; select the text and copy it by hand.',
  insertProse: 'Insert into a sheet',
  proseInserted: (sheet: string) => `Text inserted on sheet “${sheet}” (one paragraph per row).`,
  proseInsertedBeside: (sheet: string, main: string) =>
    `A “${main}” sheet exists already, so the new text went to “${sheet}” to leave it untouched. Checks and export read the sheet named under “Sheet with the report text” (by default “${main}”): to use the new text, enter “${sheet}” there.`,
  who: 'Subject',
  whoHint: 'Empty: the agency name given when the tables were inserted (“本机关” if none was given); or e.g. “全市”, “本单位”',
  whoPlaceholder: '本机关',
  fee: 'Information processing fee (yuan)',
  feeHint:
    'The information processing fee collected this year (yuan; “3940”, “3940元” and “3,940” are read); 0 if none; leave empty to leave section 6 out',
  feeInvalid: 'Enter a number ≥ 0 (yuan)',
  numberTitle: (where: string) => `From ${where}; click to select`,
  blockedNote: 'The tables have errors; the affected paragraphs were not written.',
  noticeTitle: { done: 'Tables inserted', refused: 'Nothing was inserted', failed: 'Inserting the tables failed' },
  noticeClose: 'Close',
  selfTestSection: 'Self-test (for IT, after deploying)',
  selfTestIntro:
    'On a new sheet it inserts the tables, types a wrong total, checks and marks, clears the marks and removes the sheet, showing each step passed or failed. Run it once in Excel after deploying; if a step fails, send the result to whoever maintains the add-in.',
  selfTestRun: 'Run the self-test',
  language: 'en',
};
