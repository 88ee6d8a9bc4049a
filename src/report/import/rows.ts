/**
 * Every input kind turned into the same thing: rows of cells (strings, '' for a blank cell). The grid
 * reader (grid.ts) then reads the tables from these rows by their labels, whatever the source was.
 */
import { readHtml } from './html';
import { allTablesDict, continuesLabel, labelPrefixStatus, matchLabel } from './labels';
import { pdfRows } from './pdf';
import { isBlank, isValueLike, peelValues, type Row } from './row';
import { cutAtLabels, unglue } from './runs';

export type { Row } from './row';

export type ImportKind = 'text' | 'pdf-text' | 'html' | 'pipe';

/** Auto-detection: HTML if it has <table; pipe if lines carry | separators; pdftotext -layout if
 *  numbers are set in columns (runs of 2+ spaces between them); else one cell per line. */
export function detectKind(src: string): ImportKind {
  if (/<table[\s>]/i.test(src)) return 'html';
  const lines = src.split('\n');
  if (lines.filter((l) => (l.match(/\|/g) ?? []).length >= 2).length >= 3) return 'pipe';
  if (lines.filter((l) => /\d {2,}[-+]?\d/.test(l)).length >= 3) return 'pdf-text';
  return 'text';
}

/** Join cells that are the pieces of one wrapped label ("（二）部分公开（区分处理的，" + "只计…）"),
 *  but only when the pieces together make a whole label. */
export function joinWrappedLabels(input: string[]): string[] {
  const dict = allTablesDict();
  // a label with its values glued on ("行政规范性文件512340", crawled text): the label, then the digits
  const cells = input.flatMap((c) =>
    isBlank(c) || isValueLike(c) || matchLabel(c, dict) ? [c] : (unglue(c, (l) => !!matchLabel(l, dict)) ?? [c]),
  );
  const out: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const c = cells[i];
    if (!isBlank(c) && !isValueLike(c)) {
      const st = labelPrefixStatus(c, dict);
      if (!st.whole && st.prefix) {
        let acc = c;
        let last = -1;
        for (let k = i + 1; k < cells.length && k < i + 6 && !isBlank(cells[k]); k++) {
          const next = continuesLabel(acc, cells[k], dict);
          if (!next) break;
          acc += cells[k];
          if (next.whole) {
            last = k;
            if (!next.exactPrefix) break;
          }
        }
        if (last > 0) {
          out.push(cells.slice(i, last + 1).join(''));
          i = last + 1;
          continue;
        }
      }
    }
    out.push(c);
    i += 1;
  }
  return out;
}

/** Cells of one text line: indentation stripped, tab-separated cells split, a whitespace-only line is
 *  one blank cell. */
function lineCells(line: string): string[] {
  const t = line.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (t === '') return [''];

  return t.split('\t').flatMap((c) => {
    const { label, values } = peelValues(c.trim());
    return label ? [label, ...values] : values.length ? values : [c.trim()];
  });
}

let labelsCache: string[] | null = null;
const tableLabels = (): string[] => (labelsCache ??= allTablesDict().targets.flatMap((x) => [x.official, ...x.aliases]));

/** One table cell per line (text copied from a web page): rows are runs of non-empty lines. */
function textRows(src: string): Row[] {
  const rows: Row[] = [];
  let cur: Row | null = null;
  let gap = 0;
  src.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\f/g, '');
    if (line === '') {
      if (cur) rows.push(cur);
      cur = null;
      gap += 1;
      return;
    }
    // a whole table on one line (crawled text): a row for each label with its numbers
    const cut = line.length > 120 ? cutAtLabels(line.trim(), tableLabels()) : null;
    if (cut) {
      if (cur) rows.push(cur);
      cur = null;
      for (const cells of cut) rows.push({ cells, gap: 0, line: i + 1, group: 0 });
      gap = 0;
      return;
    }
    if (!cur) {
      cur = { cells: [], gap, line: i + 1, group: 0 };
      gap = 0;
    }
    cur.cells.push(...lineCells(line));
  });
  if (cur) rows.push(cur);
  // Pages copied with an empty line after every cell ("规章\n\n0\n\n0\n\n0"): there one empty line only
  // separates cells, and a blank cell shows as two more (its own line and its separator).
  // (told from text whose rows are several lines with an empty line between rows: there most rows
  // are more than one line)
  const gaps = rows.slice(1).map((r) => r.gap);
  const single = rows.filter((r) => r.cells.length === 1).length;
  if (gaps.length >= 20 && gaps.filter((g) => g === 1).length >= 0.6 * gaps.length && single >= 0.8 * rows.length) {
    for (const r of rows) r.gap = Math.floor(Math.max(0, r.gap - 1) / 2);
  }
  for (const r of rows) r.cells = joinWrappedLabels(r.cells);
  return rows;
}

const MD_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Rows written with | between cells (a Markdown table or a flattened grid). Lines without | are
 *  rows of their own. */
function pipeRows(src: string): Row[] {
  if (src.split('\n').filter((l) => /^\s*\|+\s*$/.test(l)).length >= 5) return pipeStreamRows(src);
  const rows: Row[] = [];
  let gap = 0;
  src.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\f/g, '');
    if (line.trim() === '') {
      gap += 1;
      return;
    }
    // a Markdown separator, or a lone "|" / "||||" line that only closes the cell above (pages that
    // put every cell on its own line)
    if (MD_SEPARATOR.test(line) || /^\s*\|+\s*$/.test(line)) return;
    let cells: string[];
    if (line.includes('|')) {
      let t = line.trim();
      if (t.startsWith('|')) t = t.slice(1);
      if (t.endsWith('|')) t = t.slice(0, -1);
      cells = t.split('|').map((c) => c.trim());
    } else cells = lineCells(line);
    rows.push({ cells: joinWrappedLabels(cells), gap, line: i + 1, group: 0 });
    gap = 0;
  });
  return rows;
}

/**
 * Pages converted with a "|" after every cell and line breaks anywhere ("规章 | 0 |", then a lone "|"
 * line for each empty cell, "| 25 |" on the next line): the text is one stream of cells separated by
 * "|", the line breaks mean nothing inside the tables. A row starts at every label (or line of prose);
 * the cells after it, blank ones included, are its values.
 */
function pipeStreamRows(src: string): Row[] {
  const dict = allTablesDict();
  const rows: Row[] = [];
  let cur: Row | null = null;
  let line = 1;
  const start = (cell: string): void => {
    cur = { cells: [cell], gap: 0, line, group: 0 };
    rows.push(cur);
  };
  for (const chunk of src.replace(/\f/g, '').split('|')) {
    const parts =
      chunk.trim() === ''
        ? ['']
        : chunk
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '');
    for (const cell of parts) {
      if (cell === '' || isValueLike(cell)) {
        if (cur) (cur as Row).cells.push(cell);
        else start(cell);
      } else if (matchLabel(cell, dict) || !cur) start(cell);
      else {
        // text that is no label: a label's wrapped part when it completes one, else a row of its own
        const c: Row = cur;
        const last = c.cells[c.cells.length - 1];
        if (c.cells.length === 1 && !isValueLike(last) && matchLabel(last + cell, dict)) c.cells[0] = last + cell;
        else start(cell);
      }
    }
    line += (chunk.match(/\n/g) ?? []).length;
  }
  for (const r of rows) r.cells = joinWrappedLabels(r.cells);
  return rows;
}

/** HTML: every <table> laid out on its grid; a cell spanning several columns counts once in its row,
 *  a cell spanning several rows appears in each of them. */
function htmlRows(src: string): { rows: Row[]; text: string } {
  const { tables, text } = readHtml(src);
  const rows: Row[] = [];
  tables.forEach((t, ti) => {
    for (const slots of t.grid) {
      const cells: string[] = [];
      slots.forEach((cell, c) => {
        if (c > 0 && cell && slots[c - 1] === cell) return;
        cells.push(cell ? cell.text : '');
      });
      rows.push({ cells: joinWrappedLabels(cells), gap: 0, line: 0, group: ti + 1 });
    }
  });
  return { rows, text };
}

/** Rows of cells and the plain text the prose is read from. */
export function toRows(kind: ImportKind, src: string): { rows: Row[]; prose: string } {
  switch (kind) {
    case 'html': {
      const { rows, text } = htmlRows(src);
      return { rows, prose: text };
    }
    case 'pipe':
      return { rows: pipeRows(src), prose: src };
    case 'pdf-text':
      return { rows: pdfRows(src), prose: src };
    default:
      return { rows: textRows(src), prose: src };
  }
}
