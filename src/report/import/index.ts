/**
 * Importing a published report: text copied from a web page (one table cell per line), the output of
 * `pdftotext -layout`, an HTML page, rows with | between cells, or a PDF's text layer as positioned
 * text runs (`importPositioned`; src/pdf/ reads them with pdf.js). Pure TypeScript (no DOM, no Node
 * APIs, no pdf.js): the command line and the pane both use it.
 *
 *   source ──kind──▶ rows of cells (rows.ts: text / pipe / html.ts / pdf.ts)
 *   PDF text runs ──positions (positioned.ts)──▶ rows of cells
 *          ──labels (labels.ts, from formats.ts via layout.ts)──▶ tables (grid.ts)
 *   source ──headings──▶ the six sections' prose, title year and agency (sections.ts)
 *
 * Nothing is guessed: a table that cannot be found or read is left out of `report.tables` and said in
 * `problems`; a row that cannot be read is left out of its table and said in `problems` too.
 *
 * Known limits (each ends in a problem or a warning, never in a silently wrong cell):
 * - columns are taken in the official order; headers locate a table and are checked for typos but
 *   are not mapped to columns, so a table with extra or reordered columns is not read (its rows are
 *   problems: "应有7个数值，读到8个");
 * - table 3 is read as its one row of 15 values under the header; a transposed table 3 is not;
 * - pdftotext: values printed above their (vertically centred) label are not attached to it; pieces
 *   of a wrapped label more than 2 columns apart, or with more than 2 other lines between them, are
 *   not joined; thousands split by spaces ("3 985 758") are not put together;
 * - a 2021 report typing a 2019 label (规范性文件 for 行政规范性文件) is read as the other format's row:
 *   warned and not read; typos beyond the budget (1 edit up to 7 characters, 2 from 8, none for labels
 *   of 3 characters or fewer) are unknown labels;
 * - PDF: no text layer (a scan) is not read (no OCR); rotated text is left out (a vertical header set
 *   as rotated text rather than one character per line); blank cells are placed only within a stretch
 *   of two or more rows of numbers with clear columns (a blank in table 3's one row, or in a one-row
 *   block of table 1, ends in a count problem); a number wrapped inside its cell is joined only beside
 *   a line of other numbers (else the row is not read and said); a row split by a page break is not
 *   joined (tables split between rows are);
 * - section headings are whole lines; a table of contents listing the six headings before the body
 *   would be taken for them; a unit in a header (采购总金额（亿元）) is warned about, not converted.
 */
import { formatForYear, splitKey, type Finding, type FormatId, type RawValue, type Report } from '../types';
import { detectFormat, readTables } from './grid';
import { positionedRows, type TextPage } from './positioned';
import type { Row } from './row';
import { detectKind, toRows, type ImportKind } from './rows';
import { detectTitle, splitSections } from './sections';

export type { ImportKind } from './rows';
export type { TextItem, TextPage } from './positioned';
export { matchLabel, normLabel } from './labels';

export interface ImportOptions {
  /** Input kind; detected when absent (see `detectKind`). */
  kind?: ImportKind;
  /** Report year; read from the title or the statistical period when absent. */
  year?: number;
  /** Agency; read from the title when absent (as written there, e.g. 高安市). */
  agency?: string;
  /** Table format; told from the labels when absent, else from the year. */
  format?: FormatId;
}

export interface ImportResult {
  report: Report;
  /** STRUCTURE findings: labels typed differently from the format (as typed and official), extra
   *  (provincial) rows with their label and values, the 2019 single （六） row in a 2021 report, digits
   *  run together and how they were split, a year read with a doubt. */
  findings: Finding[];
  /** Chinese messages: a table or row that could not be found or read, and why; a year not found. */
  problems: string[];
  /** The kind the source was read as ('pdf': a PDF's positioned text, `importPositioned`). */
  kind: ImportKind | 'pdf';
  /** Text before section 一 (title and opening paragraph), not part of `report.text`. */
  preamble: string;
}

export { detectKind };

export function importReport(source: string, opts: ImportOptions = {}): ImportResult {
  const src = (typeof source === 'string' ? source : '').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const problems: string[] = [];
  const kind = opts.kind ?? detectKind(src);
  if (src.trim() === '') problems.push('没有可导入的内容：输入为空');
  const { rows, prose } = toRows(kind, src);
  return fromRows(rows, prose, kind, opts, problems);
}

/** A PDF's text layer: the pages' positioned text runs (positioned.ts; the pdf.js adapters in
 *  src/pdf/ produce them). `chars` is how many characters the text layer holds: 0 for a scan. */
export function importPositioned(pages: TextPage[], opts: Omit<ImportOptions, 'kind'> = {}): ImportResult & { chars: number } {
  const { rows, prose, chars, notes } = positionedRows(pages);
  const problems = chars === 0 ? ['PDF 中没有文字层（可能是扫描件或图片），无法读取'] : notes;
  return { ...fromRows(rows, prose, 'pdf', opts, problems), chars };
}

function fromRows(rows: Row[], prose: string, kind: ImportKind | 'pdf', opts: ImportOptions, problems: string[]): ImportResult {
  const findings: Finding[] = [];
  const sections = splitSections(prose);
  const title = detectTitle(sections.preamble || prose, prose);
  let year = opts.year;
  if (year === undefined) {
    year = title.year;
    // a year read with a doubt (title and period disagree, or only the prose names it): said, not an error
    if (title.note) findings.push({ rule: 'STRUCTURE', severity: 'warning', cells: [], message: title.note, expected: null, actual: null });
  }
  if (year === undefined) problems.push('未能识别报告年度：没有找到“XXXX年政府信息公开工作年度报告”标题，也没有统计期限');
  const format: FormatId = opts.format ?? detectFormat(rows) ?? (year !== undefined ? formatForYear(year) : '2021');
  const tables: Report['tables'] = {};
  for (const read of readTables(rows, format)) {
    findings.push(...read.findings);
    problems.push(...read.problems);
    if (!read.values.size) continue;
    const t: Record<string, Record<string, RawValue>> = {};
    for (const [key, value] of read.values) {
      const { row, column } = splitKey(key);
      (t[row] ??= {})[column] = value;
    }
    tables[read.table] = t;
  }
  const agency = opts.agency ?? title.agency;
  const report: Report = { schema: 'ogi-report/1', format, year: year ?? 0, ...(agency ? { agency } : {}), tables };
  if (Object.keys(sections.text).length) report.text = sections.text;
  return { report, findings, problems, kind, preamble: sections.preamble };
}
