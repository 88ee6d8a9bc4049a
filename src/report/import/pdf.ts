/**
 * `pdftotext -layout` output turned into rows of cells. Each line is split into pieces at runs of two
 * or more spaces; the run of numbers at the right of a line is its values. A label wrapped over
 * several lines (or spread one character per line, like the vertical 三、本年度办理结果) is put back
 * together from pieces that start in the same column on nearby lines, as long as the pieces joined
 * are still the beginning of a known label. Page numbers ("-3-", "第 3 页") and form feeds are skipped.
 */
import { allTablesDict, continuesLabel, labelPrefixStatus } from './labels';
import { isValueLike, peelValues, type Row } from './row';

/** Column tolerance for pieces of one wrapped label, and how many other non-empty lines may lie
 *  between two of its pieces. */
const X_TOLERANCE = 2;
const MAX_LINES_BETWEEN = 2;

/** Page numbers on a line of their own. */
export const PAGE_NUMBER = [
  /^\s*[-—–－]\s*\d{1,4}\s*[-—–－]\s*$/,
  /^\s*第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$/,
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/,
];

interface Piece {
  x: number;
  text: string;
}

interface Block {
  x: number;
  text: string;
  first: number;
  last: number;
  open: boolean;
  values?: string[];
}

/** Pieces of a line: runs of text separated by 2+ spaces, with their column. */
function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ x: m.index, text: m[0] });
  return out;
}

/** The line's text pieces and the run of values at its right (a piece "0 0" of values set too
 *  close together counts as two). */
function splitLine(line: string): { text: Piece[]; values: string[]; valuesX: number } {
  const ps = pieces(line);
  let k = ps.length;
  const values: string[] = [];
  while (k > 0) {
    const p = ps[k - 1];
    if (isValueLike(p.text)) {
      values.unshift(p.text);
      k -= 1;
      continue;
    }
    // numbers set too close to each other or to the label ("… 0 0", "5.要求… 1 0 0")
    const peeled = peelValues(p.text);
    if (peeled.values.length) {
      values.unshift(...peeled.values);
      if (peeled.label)
        return { text: [...ps.slice(0, k - 1), { x: p.x, text: peeled.label }], values, valuesX: p.x + peeled.label.length + 1 };
      k -= 1;
      continue;
    }
    break;
  }
  return { text: ps.slice(0, k), values, valuesX: ps[k]?.x ?? 0 };
}

function isLabelStart(text: string): boolean {
  const st = labelPrefixStatus(text, allTablesDict());
  return !!st.whole || st.prefix;
}

export function pdfRows(src: string): Row[] {
  const raw = src.split('\n');
  const isPageNumber = (i: number): boolean => {
    const l = raw[i].replace(/\f/g, '');
    if (PAGE_NUMBER.some((re) => re.test(l))) return true;
    if (!/^\s*\d{1,4}\s*$/.test(l)) return false;
    // a bare number is a page number when a page break (form feed) or the end follows
    for (let k = i + 1; k < raw.length; k++) {
      if (raw[k].startsWith('\f')) return true;
      if (raw[k].trim() !== '') return false;
    }
    return true;
  };
  const lines = raw.map((l, i) => (isPageNumber(i) ? '' : l.replace(/\f/g, '').replace(/\t/g, '    ')));
  // count of non-empty lines before each line, to measure the distance between pieces
  const nonEmptyBefore: number[] = [];
  let count = 0;
  for (const l of lines) {
    nonEmptyBefore.push(count);
    if (l.trim() !== '') count += 1;
  }
  const between = (a: number, b: number): number => nonEmptyBefore[b] - nonEmptyBefore[a] - 1;

  const dict = allTablesDict();
  const blocks: Block[] = [];
  const open: Block[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const { text, values, valuesX } = splitLine(line);
    let lastOfLine: Block | null = null;
    for (const p of text) {
      let best: Block | null = null;
      for (const b of open) {
        if (Math.abs(b.x - p.x) > X_TOLERANCE || b.last === i || between(b.last, i) > MAX_LINES_BETWEEN) continue;
        if (!continuesLabel(b.text, p.text, dict)) continue;
        if (!best || Math.abs(b.x - p.x) < Math.abs(best.x - p.x) || (Math.abs(b.x - p.x) === Math.abs(best.x - p.x) && b.last > best.last))
          best = b;
      }
      if (best) {
        best.text += p.text;
        best.last = i;
        lastOfLine = best;
        continue;
      }
      const b: Block = { x: p.x, text: p.text, first: i, last: i, open: isLabelStart(p.text) };
      blocks.push(b);
      if (b.open) open.push(b);
      lastOfLine = b;
    }
    // forget blocks too far above to be continued
    for (let k = open.length - 1; k >= 0; k--) if (between(open[k].last, i) > MAX_LINES_BETWEEN) open.splice(k, 1);
    if (!values.length) return;
    if (lastOfLine && !lastOfLine.values) lastOfLine.values = values;
    else blocks.push({ x: valuesX, text: '', first: i, last: i, open: false, values });
  });
  return blocks
    .sort((a, b) => a.first - b.first || a.x - b.x)
    .map((b) => ({ cells: b.text ? [b.text, ...(b.values ?? [])] : [...(b.values ?? [])], gap: 0, line: b.first + 1, group: 0 }));
}
