/**
 * The report's prose kept in a sheet (default 报告正文): one paragraph per row, column A the section
 * number (1–6, or 一…六), column B the paragraph. The same shape is written by `fill`, by 生成文字 →
 * 插入到工作表, and read by the checks.
 */
import { textOf } from './types';

export const PROSE_SHEET = '报告正文';
export const PROSE_HEADER = ['部分', '内容'] as const;

const CN = '一二三四五六';

/** Rows for a report's prose: a header, then one row per paragraph. */
export function proseRows(text: Partial<Record<string, string>>): Array<[number | string, string]> {
  const rows: Array<[number | string, string]> = [[PROSE_HEADER[0], PROSE_HEADER[1]]];
  for (const k of ['1', '2', '3', '4', '5', '6']) {
    const body = text[k];
    if (!body) continue;
    for (const para of body
      .split(/\n\s*\n|\n(?=\s*[（(][一二三四五六七八九十]+[）)])/)
      .map((p) => p.trim())
      .filter(Boolean))
      rows.push([Number(k), para]);
  }
  return rows;
}

/** Prose by section from rows as read from a sheet; rows whose first cell is not a section are ignored. */
export function proseFromRows(rows: unknown[][]): Partial<Record<string, string>> {
  const text: Record<string, string> = {};
  for (const row of rows) {
    const head = textOf(row[0]).trim();
    const body = row.slice(1).map(textOf).join('').trim();
    const n = /^[1-6]$/.test(head) ? Number(head) : CN.indexOf(head.replace(/[、.．]$/, '')) + 1;
    if (n < 1 || n > 6 || !body) continue;
    text[String(n)] = text[String(n)] ? `${text[String(n)]}\n${body}` : body;
  }
  return text;
}
