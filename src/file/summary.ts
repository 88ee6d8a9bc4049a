/**
 * The reviewer's summary of many checked reports: 汇总表 (one row per report, with its key totals and main
 * problems) and 问题清单 (one row per finding: table, cell, rule, expected and found), as one .xlsx workbook or
 * the 汇总表 alone as CSV. Written by `ogi-report check --summary xlsx|csv` and by the 网页版's 批量核查 from
 * the same results, so both give the same file.
 */
import ExcelJS from 'exceljs';
import { describeCell } from '../report/layout';
import { TABLE_SECTION } from '../report/formats';
import { valueOf } from '../report/facts';
import { splitKey, type CellKey, type Finding } from '../report/types';
import type { FileResult } from './input';

/** A file that could not be read, and why (the message names the file). */
export interface UnreadableFile {
  file: string;
  message: string;
}

export type SummaryCell = string | number;

/** The key totals a reviewer compares across reports (the 总计 column of table 2, table 3's totals). */
export const KEY_TOTALS: Array<[string, CellKey[]]> = [
  ['本年新收', ['applications.new.total']],
  ['上年结转', ['applications.carried_over.total']],
  ['办理结果总计', ['applications.total.total']],
  ['结转下年度', ['applications.carried_forward.total']],
  ['行政复议', ['reviews.review.total']],
  ['行政诉讼', ['reviews.litigation_direct.total', 'reviews.litigation_after_review.total']],
];
export const SUMMARY_HEADER = ['文件', '单位', '年度', '格式', ...KEY_TOTALS.map(([name]) => name), '错误数', '提示数', '主要问题'];
export const ISSUE_HEADER = ['文件', '单位', '年度', '表', '单元格', '规则', '级别', '应为', '实为', '说明', '所引原文'];

/** Findings about the report's text rather than a table cell. */
const aboutText = (f: Finding): boolean => f.rule.startsWith('N-') || f.rule === 'X-YOY';

/** Where a finding is, as the 问题清单 names it: the table ("表2", "报告正文") and the cell described. */
export function findingPlace(format: FileResult['format'], f: Finding): { table: string; cell: string } {
  const key = f.cells[0];
  const table = key ? `表${TABLE_SECTION[splitKey(key).table] - 1}` : aboutText(f) ? '报告正文' : '';
  return { table, cell: key ? describeCell(format, key) : '' };
}

/** The sentence of the report's text a finding quotes (“…”, six characters or more), or ''. */
export function quotedSentence(f: Finding): string {
  return aboutText(f) ? (/“([^”]{6,})”/.exec(f.message)?.[1] ?? '') : '';
}

export function summaryRows(results: FileResult[], unreadable: UnreadableFile[]): SummaryCell[][] {
  const rows: SummaryCell[][] = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const top = [...errors, ...r.findings.filter((f) => f.severity === 'warning')].slice(0, 3).map((f) => `[${f.rule}] ${f.message}`);
    const totals = KEY_TOTALS.map(([, cells]) => (r.get ? (valueOf(r.get, cells) ?? '') : ''));
    return [
      r.file,
      r.agency ?? '',
      r.year ?? '',
      `${r.format}年格式`,
      ...totals,
      errors.length,
      r.findings.length - errors.length,
      top.join('；'),
    ];
  });
  const pad = KEY_TOTALS.map(() => '');
  for (const u of unreadable) rows.push([u.file, '', '', '', ...pad, '', '', `无法读取：${u.message}`]);
  return rows;
}

/** One row per finding: where it is (table, cell), what was expected and found, and the sentence quoted. */
export function issueRows(results: FileResult[], unreadable: UnreadableFile[]): SummaryCell[][] {
  const rows: SummaryCell[][] = [];
  const shown = (v: Finding['expected']): SummaryCell => (v === null || v === undefined ? '' : v);
  for (const r of results) {
    for (const f of r.findings) {
      const { table, cell } = findingPlace(r.format, f);
      rows.push([
        r.file,
        r.agency ?? '',
        r.year ?? '',
        table,
        cell,
        f.rule,
        f.severity === 'error' ? '错误' : '提示',
        shown(f.expected),
        shown(f.actual),
        f.message,
        quotedSentence(f),
      ]);
    }
  }
  for (const u of unreadable) rows.push([u.file, '', '', '', '', 'UNREADABLE', '错误', '', '', `无法读取：${u.message}`, '']);
  return rows;
}

/** The 汇总表 as CSV: UTF-8 with a BOM (so that Excel opens the Chinese correctly), CRLF lines. */
export function summaryCsv(results: FileResult[], unreadable: UnreadableFile[]): string {
  const cell = (v: SummaryCell): string => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\ufeff${[SUMMARY_HEADER, ...summaryRows(results, unreadable)].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The workbook of 汇总表 and 问题清单: bold header row frozen with a filter, column widths, long texts wrapped. */
export function summaryWorkbook(results: FileResult[], unreadable: UnreadableFile[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: string[], body: SummaryCell[][], widths: number[], wrap: number[]): void => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of body) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const c of wrap) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  };
  sheet(
    '汇总表',
    SUMMARY_HEADER,
    summaryRows(results, unreadable),
    [40, 24, 8, 12, ...KEY_TOTALS.map(() => 10), 8, 8, 100],
    [SUMMARY_HEADER.length],
  );
  sheet('问题清单', ISSUE_HEADER, issueRows(results, unreadable), [40, 24, 8, 10, 36, 14, 8, 10, 10, 80, 60], [10, 11]);
  return wb;
}

/** The bytes of the summary workbook (.xlsx). */
export async function summaryXlsx(results: FileResult[], unreadable: UnreadableFile[]): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs gives a Buffer in Node and an ArrayBuffer in the browser: a copy as a plain Uint8Array either way
  return new Uint8Array(await summaryWorkbook(results, unreadable).xlsx.writeBuffer());
}
