/** A row of cells, the common shape every input kind is turned into. */
import { parseCell } from '../parse';

export interface Row {
  cells: string[];
  /** Empty source lines just before this row. In one-cell-per-line text an empty line inside a row
   *  may stand for a blank cell; the grid reader decides with the known column counts. */
  gap: number;
  /** 1-based source line where the row starts (0 when the source has no lines, e.g. HTML). */
  line: number;
  /** Rows of different HTML tables never continue one another. */
  group: number;
}

/** A cell that can be a table value: blank, a number (also with a unit, full-width, 1,234) or a
 *  placeholder such as "/", "—", "无". */
const valueMemo = new Map<string, boolean>();
export function isValueLike(s: string): boolean {
  const known = valueMemo.get(s);
  if (known !== undefined) return known;
  const st = parseCell(s).status;
  const yes = st === 'blank' || st === 'ok' || st === 'normalized' || st === 'unit' || st === 'placeholder';
  if (valueMemo.size >= 20000) valueMemo.clear();
  valueMemo.set(s, yes);
  return yes;
}

export const isBlank = (s: string): boolean => s.replace(/[\s\u00a0\u3000]+/g, '') === '';

/** A piece of text ending in numbers set off by single spaces ("规章 1 0 11", a table row copied
 *  without its cell breaks): the text and the values. Only numbers (and placeholders among them)
 *  are split off, and only when at least one is a number. */
export function peelValues(text: string): { label: string; values: string[] } {
  const tokens = text.split(' ');
  let k = tokens.length;
  while (k > 0 && tokens[k - 1] !== '' && isValueLike(tokens[k - 1])) k -= 1;
  const values = tokens.slice(k);
  if (!values.some((v) => /\d/.test(v))) return { label: text, values: [] };
  return { label: tokens.slice(0, k).join(' ').trim(), values };
}
