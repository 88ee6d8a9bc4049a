/**
 * Positioned text (a PDF's text layer: runs of text with their place on the page) turned into the rows
 * of cells every input kind becomes (row.ts), and the plain text the prose is read from. Pure
 * TypeScript: no pdf.js here — the adapters (src/pdf/) hand over plain item lists, so this is tested
 * from item lists too.
 *
 *  1. items → runs: items on one baseline closer than about half a character (pdf.js splits a run
 *     where the font subset changes, even inside a number: "4" "8"; a word space, stretched by
 *     justification, stays inside a run) are one run; a wider gap starts another. Page numbers ("-3-",
 *     "第 3 页") at the top or bottom of a page are dropped.
 *  2. runs → lines by baseline. The run of values at the right of a line is its values.
 *  3. labels: a text run continues the label above it when that label's last piece is the nearest text
 *     above it that overlaps it horizontally (on the same page, at most about two lines up; or the
 *     lowest in its column on the previous page), the two are aligned (left, centre or right edges),
 *     and together they still begin (or make) a known label — so a wrapped label, a centred wrapped
 *     header and a vertical header written one character per line are put back together, also across
 *     a page break.
 *  4. values → labels: a line's values belong to the rightmost label to their left whose lines span
 *     their baseline (a label over two or three lines has its numbers between its lines or on its
 *     middle line); values no label spans are a row of their own (table 3); values half a line off
 *     a one-line label still belong to it. A label given two lines of numbers is not read (a note
 *     says so).
 *  5. blank cells: the value lines of one stretch of table (no text over the numbers' columns between
 *     them, page breaks allowed) share columns; a column is the set of numbers that overlap
 *     horizontally (numbers are aligned at their right edge, their centre or their left edge, so those
 *     of one column always overlap). A line with fewer numbers than the stretch has columns gets ''
 *     in the columns it has nothing in — only when each of its numbers falls in a column of its own.
 */
import { allTablesDict, continuesLabel, labelPrefixStatus } from './labels';
import { PAGE_NUMBER } from './pdf';
import { isBlank, isValueLike, peelValues, type Row } from './row';

/** One run of text as the PDF places it: left edge and baseline (from the top of the page, in points),
 *  width and font size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface TextPage {
  width: number;
  height: number;
  items: TextItem[];
}

interface Run {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  value: boolean;
}

interface Line {
  page: number;
  y: number;
  size: number;
  runs: Run[];
  /** Trailing value runs (the line's values). */
  values: Run[];
  text: Run[];
}

interface Block {
  page: number;
  runs: Run[];
  text: string;
  firstLine: number;
  lastLine: number;
  open: boolean;
  values?: { line: number; cells: string[] };
  /** Lines of numbers when more than one belongs to this label. */
  conflict?: string[][];
}

/** Items of one baseline closer than this (× font size) are one run: a word space, also stretched by
 *  justification ("结果纠正 64 件"), is less; cells are set further apart (numbers set closer are
 *  split again at their spaces, see splitRun). */
const JOIN_GAP = 0.6;
const TIGHT_GAP = 0.3;
/** Baselines closer than this (× font size) are one line. */
const SAME_LINE = 0.2;
/** Numbers beside a label may sit this far (× font size) off its baseline (numbers and text in
 *  different fonts, vertically centred in their cells). */
const BESIDE = 0.45;
/** Numbers further off a label's lines than BESIDE but within this (× font size) still belong to it. */
const NEAR = 0.9;
/** A wrapped label's next piece lies at most this far below its last one (× font size). */
const NEXT_LINE = 2.1;
/** Edges aligned within this (× font size). */
const ALIGN = 0.6;

const hasText = (s: string): boolean => !isBlank(s);
const isValueRun = (text: string): boolean => !isBlank(text) && isValueLike(text.trim());

/** Items of a page as runs, page numbers dropped. */
function pageRuns(page: TextPage, pageNo: number): Run[][] {
  const items = page.items
    .filter((it) => hasText(it.str) && Number.isFinite(it.x) && Number.isFinite(it.y) && it.size > 0)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  // baselines: items within a fifth of the font size of the previous one (fonts of one line differ a
  // little; a merged cell's lines sit between the rows' lines)
  const rawLines: TextItem[][] = [];
  for (const it of items) {
    const cur = rawLines[rawLines.length - 1];
    const last = cur?.[cur.length - 1];
    if (cur && last && it.y - last.y <= SAME_LINE * Math.max(it.size, last.size)) cur.push(it);
    else rawLines.push([it]);
  }
  const lines: Run[][] = [];
  for (const raw of rawLines) {
    raw.sort((a, b) => a.x - b.x);
    const runs: Run[] = [];
    for (const it of raw) {
      // eslint-disable-next-line no-control-regex -- pdf.js can hand control characters in a run's text: they are dropped
      const text = it.str.replace(/[\u0000-\u001f]/g, '');
      const cur = runs[runs.length - 1];
      const gap = cur ? it.x - cur.x1 : Infinity;
      const size = Math.max(it.size, cur?.size ?? 0);
      // a word space (beside a digit or a Latin letter) up to JOIN_GAP; between two Chinese characters
      // only a narrow gap (header cells of narrow columns stand that close)
      const wordSpace = cur && (/[\x21-\x7e]$/.test(cur.text) || /^[\x21-\x7e]/.test(text));
      if (cur && (gap <= TIGHT_GAP * size || (wordSpace && gap <= JOIN_GAP * size))) {
        cur.text += (gap > 0.15 * it.size ? ' ' : '') + text;
        cur.x1 = Math.max(cur.x1, it.x + Math.max(it.width, 0));
        cur.size = Math.max(cur.size, it.size);
      } else {
        runs.push({ page: pageNo, x0: it.x, x1: it.x + Math.max(it.width, 0), y: it.y, size: it.size, text, value: false });
      }
    }
    lines.push((isProse(runs) ? [mergeRuns(runs)] : runs).flatMap(splitRun));
  }
  // page numbers: a line of its own at the top or bottom of the page
  const isPageNumber = (runs: Run[], k: number): boolean => {
    const t = runs.map((r) => r.text).join(' ');
    if (!PAGE_NUMBER.some((re) => re.test(t)) && !/^\s*\d{1,4}\s*$/.test(t)) return false;
    return k === lines.length - 1 || k === 0 || runs[0].y > page.height * 0.88 || runs[0].y < page.height * 0.08;
  };
  return lines.filter((runs, k) => !isPageNumber(runs, k));
}

/** A line of prose, however its producer spaced it (a justified line set glyph by glyph): several
 *  runs, none more than a character apart, a dozen characters or more, with sentence punctuation.
 *  Its words are never cells ("结果纠正" in a sentence is not table 3's header). */
function isProse(runs: Run[]): boolean {
  if (runs.length < 2) return false;
  const text = runs.map((r) => r.text).join('');
  if (text.replace(/\s/g, '').length < 12 || !/[，。；：]/.test(text)) return false;
  return runs.every((r, k) => k === 0 || r.x0 - runs[k - 1].x1 <= 1.0 * Math.max(r.size, runs[k - 1].size));
}

function mergeRuns(runs: Run[]): Run {
  const text = runs.map((r, k) => (k > 0 && r.x0 - runs[k - 1].x1 > 0.15 * r.size ? ' ' : '') + r.text).join('');
  return { ...runs[0], text, x1: runs[runs.length - 1].x1, size: Math.max(...runs.map((r) => r.size)) };
}

/** A run holding a label and numbers set off by spaces ("规章 1 0 11", a producer that wrote a table
 *  row as one string): the label and each number as runs of their own, placed by character share. */
function splitRun(run: Run): Run[] {
  const text = run.text.trim();
  if (!/\s/.test(text) || isValueRun(text)) return [{ ...run, text, value: isValueRun(text) }];
  const { label, values } = peelValues(text.replace(/\s+/g, ' '));
  if (!values.length) return [{ ...run, text, value: false }];
  const per = (run.x1 - run.x0) / Math.max(1, text.length);
  const out: Run[] = [];
  let pos = 0;
  const place = (t: string, value: boolean): void => {
    const at = text.indexOf(t, pos);
    const start = at < 0 ? pos : at;
    out.push({ ...run, text: t, value, x0: run.x0 + start * per, x1: run.x0 + (start + t.length) * per });
    pos = start + t.length;
  };
  if (label) place(label, false);
  for (const v of values) place(v, true);
  return out;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }): boolean => a.x0 < b.x1 && b.x0 < a.x1;
const aligned = (a: Run, b: Run, first: Run): boolean => {
  const tol = ALIGN * Math.max(a.size, b.size);
  return (
    Math.abs(a.x0 - b.x0) <= tol ||
    Math.abs(first.x0 - b.x0) <= tol ||
    Math.abs(a.x1 - b.x1) <= tol ||
    Math.abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= tol
  );
};

/** Pieces on one line join only into the beginning of a label spelled exactly ("规" "章"), never into
 *  a typo of one (the vertical header's "三" beside "（一）予以公开"). */
function joinsExactly(text: string, more: string): boolean {
  const after = labelPrefixStatus(text + more, allTablesDict());
  return after.exactPrefix || (!!after.whole && after.whole.via !== 'fuzzy');
}

function isLabelStart(text: string): boolean {
  const st = labelPrefixStatus(text, allTablesDict());
  return !!st.whole || st.prefix;
}

export interface PositionedText {
  rows: Row[];
  /** The text line by line (runs of a line separated by spaces, pages by a form feed). */
  prose: string;
  /** Characters in the text layer (0: no text layer, e.g. a scan). */
  chars: number;
  /** Rows that could not be read from the positions, in Chinese (for the import's problems). */
  notes: string[];
}

/** Rows of cells and the prose from the pages' positioned text. */
export function positionedRows(pages: TextPage[]): PositionedText {
  const { lines, chars, pageOfLineStart } = linesOfPages(pages);
  const blocks = labelBlocks(lines, pageOfLineStart);
  const loose = giveValues(lines, blocks, fillBlanks(lines));
  const notes = blocks
    .filter((b) => b.conflict)
    .map(
      (b) =>
        `PDF 第${b.page + 1}页“${b.text}”旁有${b.conflict?.length}行数字（${b.conflict?.map((c) => c.filter((x) => x !== '').join(' ')).join('；')}），可能是单元格中折行的数字，此行未读入`,
    );
  const rows: Array<{ line: number; x: number; row: Row }> = [
    ...blocks.map((b) => ({
      line: b.firstLine,
      x: b.runs[0].x0,
      row: { cells: [b.text, ...(b.conflict ? [] : (b.values?.cells ?? []))], gap: 0, line: b.firstLine + 1, group: 0 },
    })),
    ...loose.map((v) => ({ line: v.line, x: v.x, row: { cells: v.cells, gap: 0, line: v.line + 1, group: 0 } })),
  ];
  rows.sort((a, b) => a.line - b.line || a.x - b.x);
  return { rows: rows.map((r) => r.row), prose: proseOf(lines), chars, notes };
}

/** The pages' runs as lines, top to bottom; a line's trailing value runs are its values, the rest its text. */
function linesOfPages(pages: TextPage[]): { lines: Line[]; chars: number; pageOfLineStart: number[] } {
  const lines: Line[] = [];
  let chars = 0;
  const pageOfLineStart: number[] = [];
  pages.forEach((page, p) => {
    pageOfLineStart[p] = lines.length;
    for (const runs of pageRuns(page, p)) {
      let k = runs.length;
      while (k > 0 && runs[k - 1].value) k -= 1;
      for (const r of runs) r.value = r.value && runs.indexOf(r) >= k;
      chars += runs.reduce((a, r) => a + r.text.replace(/\s/g, '').length, 0);
      lines.push({
        page: p,
        y: Math.min(...runs.map((r) => r.y)),
        size: Math.max(...runs.map((r) => r.size)),
        runs,
        values: runs.slice(k),
        text: runs.slice(0, k),
      });
    }
  });

  return { lines, chars, pageOfLineStart };
}

/** Label blocks: a label's pieces joined across spaces on its line and down its cell (also over a page break). */
function labelBlocks(lines: Line[], pageOfLineStart: number[]): Block[] {
  const dict = allTablesDict();
  const blocks: Block[] = [];
  const blockOf = new Map<Run, Block>();
  /** The nearest text run above `run` on its page overlapping it horizontally, or — when there is
   *  none — the lowest such run on the previous page (a label continued after a page break). */
  const above = (run: Run, i: number): Run | null => {
    const nearest = (k: number): Run | null => {
      const hit = lines[k].text.filter((t) => overlaps(t, run));
      return hit.length ? hit.reduce((a, b) => (Math.abs(a.x0 - run.x0) <= Math.abs(b.x0 - run.x0) ? a : b)) : null;
    };
    for (let k = i - 1; k >= 0 && lines[k].page === run.page; k--) {
      const hit = nearest(k);
      if (hit) return hit;
    }
    for (let k = pageOfLineStart[run.page] - 1; k >= 0 && lines[k].page === run.page - 1; k--) {
      const hit = nearest(k);
      if (hit) return hit;
    }
    return null;
  };
  lines.forEach((line, i) => {
    let left: Run | null = null;
    for (const run of line.text) {
      let target: Block | null = null;
      // the piece before it on the same line (a label set with spaces: "规    章")
      const prev = left ? blockOf.get(left) : undefined;
      if (
        prev &&
        prev.open &&
        prev.runs[prev.runs.length - 1] === left &&
        left &&
        run.x0 - left.x1 <= 3 * run.size &&
        !labelPrefixStatus(prev.text, dict).whole &&
        joinsExactly(prev.text, run.text)
      )
        target = prev;
      if (!target) {
        const up = above(run, i);
        const b = up ? blockOf.get(up) : undefined;
        if (up && b && b.open && b.runs[b.runs.length - 1] === up && aligned(up, run, b.runs[0])) {
          const samePage = up.page === run.page;
          const close = samePage ? run.y - up.y > 0 && run.y - up.y <= NEXT_LINE * Math.max(run.size, up.size) : up.page === run.page - 1;
          if (close && continuesLabel(b.text, run.text, dict)) target = b;
        }
      }
      if (target) {
        target.runs.push(run);
        target.text += run.text;
        target.lastLine = i;
      } else {
        target = { page: run.page, runs: [run], text: run.text, firstLine: i, lastLine: i, open: isLabelStart(run.text) };
        blocks.push(target);
      }
      blockOf.set(run, target);
      left = run;
    }
  });

  return blocks;
}

/** Each line of values given to the label beside it; the lines no label spans are returned, loose. */
function giveValues(lines: Line[], blocks: Block[], cellsOf: Map<number, string[]>): Array<{ line: number; x: number; cells: string[] }> {
  /** The rightmost label left of a line's values whose lines (± tol × font size) span its baseline. */
  const spanning = (line: Line, tolFactor: number): Block | null => {
    const first = line.values[0];
    const tol = tolFactor * line.size;
    let best: { b: Block; right: number; span: number } | null = null;
    for (const b of blocks) {
      const own = b.runs.filter((r) => r.page === line.page);
      if (!own.length) continue;
      const top = Math.min(...own.map((r) => r.y));
      const bottom = Math.max(...own.map((r) => r.y));
      const right = Math.max(...own.map((r) => r.x1));
      if (right > first.x0 + 0.1 * line.size || line.y < top - tol || line.y > bottom + tol) continue;
      const span = bottom - top;
      const near = 0.5 * line.size;
      if (!best || right > best.right + near || (Math.abs(right - best.right) <= near && span < best.span)) best = { b, right, span };
    }
    return best?.b ?? null;
  };
  // a second line of numbers for one label (a number wrapped in a one-number row: "3985" and "758")
  // makes the row unreadable, said in a note — never a number silently dropped or given to the next row
  const give = (b: Block, i: number, cells: string[]): void => {
    if (b.values) (b.conflict ??= [b.values.cells]).push(cells);
    else b.values = { line: i, cells };
  };
  const pending: number[] = [];
  lines.forEach((line, i) => {
    if (!line.values.length) return;
    const cells = cellsOf.get(i) ?? line.values.map((v) => v.text);
    if (!cells.length) return;
    const b = spanning(line, BESIDE);
    if (b) give(b, i, cells);
    else pending.push(i);
  });
  // numbers half a line off a one-line label (the two pieces of a number wrapped in its cell)
  const loose: Array<{ line: number; x: number; cells: string[] }> = [];
  for (const i of pending) {
    const cells = cellsOf.get(i) ?? lines[i].values.map((v) => v.text);
    const b = spanning(lines[i], NEAR);
    if (b) give(b, i, cells);
    else loose.push({ line: i, x: lines[i].values[0].x0, cells });
  }

  return loose;
}

/** The cells of each value line that lacks numbers in some columns of its stretch of table. */
function fillBlanks(lines: Line[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const consumed = new Set<number>();
  const valueLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.values.length > 0);
  // stretches: consecutive value lines with no text over the numbers between them
  const stretches: number[][] = [];
  let cur: number[] = [];
  let prev = -1;
  for (const { l, i } of valueLines) {
    if (prev >= 0) {
      const span = {
        x0: Math.min(l.values[0].x0, lines[prev].values[0].x0),
        x1: Math.max(l.values[l.values.length - 1].x1, lines[prev].values[lines[prev].values.length - 1].x1),
      };
      let barrier = false;
      for (let k = prev + 1; k < i && !barrier; k++) barrier = lines[k].runs.some((r) => overlaps(r, span));
      // the line's own text and the previous line's text must not reach into the numbers either
      if (!barrier) barrier = [...l.text, ...lines[prev].text].some((r) => overlaps(r, span));
      if (barrier) {
        stretches.push(cur);
        cur = [];
      }
    }
    cur.push(i);
    prev = i;
  }
  if (cur.length) stretches.push(cur);
  for (const s of stretches) {
    if (s.length < 2) continue;
    // columns: numbers that overlap horizontally
    const spans = s.flatMap((i) => lines[i].values.map((v) => ({ x0: v.x0, x1: v.x1 }))).sort((a, b) => a.x0 - b.x0);
    const cols: Array<{ x0: number; x1: number }> = [];
    for (const sp of spans) {
      const last = cols[cols.length - 1];
      if (last && sp.x0 < last.x1) last.x1 = Math.max(last.x1, sp.x1);
      else cols.push({ ...sp });
    }
    const most = Math.max(...s.map((i) => lines[i].values.length));
    if (cols.length !== most) continue; // columns not clear (a number over two columns)
    const colOf = (v: Run): number => cols.findIndex((c) => overlaps(c, v));
    for (const i of s) {
      const vs = lines[i].values;
      if (vs.length === cols.length || consumed.has(i)) continue;
      const at = vs.map(colOf);
      if (at.some((k, j) => k < 0 || (j > 0 && k <= at[j - 1]))) continue;
      const cells: Array<string | null> = cols.map(() => null);
      vs.forEach((v, j) => (cells[at[j]] = v.text));
      // an empty column: blank, unless numbers of other lines lie in it within a line of this one —
      // a number wrapped inside its cell ("300" above, "1" below the row's other numbers) is joined;
      // anything else there leaves the line as it is (the grid reader then says the count is off)
      const used: number[] = [];
      let clear = true;
      cells.forEach((c, k) => {
        if (c !== null || !clear) return;
        const near = s
          .filter((m) => m !== i && Math.abs(lines[m].y - lines[i].y) <= lines[i].size)
          .flatMap((m) => lines[m].values.filter((v) => colOf(v) === k).map((v) => ({ m, v })));
        if (!near.length) cells[k] = '';
        else if (near.length === 2 && near[0].v.y < lines[i].y && near[1].v.y > lines[i].y) {
          cells[k] = near[0].v.text + near[1].v.text;
          used.push(near[0].m, near[1].m);
        } else clear = false;
      });
      if (!clear) continue;
      out.set(i, cells as string[]);
      for (const m of used) consumed.add(m);
    }
  }
  // lines whose numbers were all joined into another line's cells
  for (const m of consumed) out.set(m, []);
  return out;
}

/** Lines as text: runs separated by one space, or two where a cell break is likely; a form feed
 *  before each new page. */
function proseOf(lines: Line[]): string {
  const out: string[] = [];
  let page = 0;
  for (const l of lines) {
    let s = '';
    l.runs.forEach((r, k) => {
      if (k > 0) s += r.x0 - l.runs[k - 1].x1 > 1.5 * l.size ? '  ' : ' ';
      s += r.text;
    });
    out.push((l.page !== page ? '\f' : '') + s);
    page = l.page;
  }
  return out.join('\n');
}
