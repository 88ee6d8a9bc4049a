/**
 * The formulas the file host can compute itself: numbers and cell references added and subtracted, and SUM of
 * references, ranges and numbers (=SUM(D6:I6,D9), =B3+B4-B5, =经费!B5+SUM(D1:D3)). And, for any formula, the
 * cells it refers to (to know whether it reads our tables).
 */
import { colIndex, MAX_COLS, MAX_ROWS, parseAddress, type Rect } from '../../report/a1';

/** A reference as written in a formula: on its own sheet when `sheet` is absent. */
export interface Ref {
  sheet?: string;
  rect: Rect;
}

/** One term of a sum: a number, one cell, or SUM(…) of references and numbers; `sign` is +1 or -1. */
export type Term =
  | { sign: number; kind: 'number'; value: number }
  | { sign: number; kind: 'cell'; ref: Ref }
  | { sign: number; kind: 'sum'; args: Array<Ref | number> };

const NUMBER = /^\d+(\.\d+)?$/;

/** Split at `separators` outside quotes and parentheses; each piece with the separator before it ('' for the first). */
function splitTop(text: string, separators: string): Array<{ sep: string; text: string }> {
  const out = [{ sep: '', text: '' }];
  let depth = 0;
  let quote = '';
  for (const ch of text) {
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && separators.includes(ch)) {
      out.push({ sep: ch, text: '' });
      continue;
    }
    out[out.length - 1].text += ch;
  }
  return out;
}

// a reference, not inside a name or a function (LOG10( is a function, A1B is a name)
const REF =
  /(?<![\w.\u00c0-\uffff])(?:(?:'((?:[^']|'')+)'|([\w.\u00c0-\uffff]+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)(?![\w(\u00c0-\uffff])/gi;

function refRect(text: string): Rect | null {
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(text);
  if (cols) {
    const [a, b] = [colIndex(cols[1]), colIndex(cols[2])].sort((x, y) => x - y);
    return { r: 0, c: a, rs: MAX_ROWS, cs: b - a + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1].sort((x, y) => x - y);
    return { r: a, c: 0, rs: b - a + 1, cs: MAX_COLS };
  }
  return parseAddress(text)?.rect ?? null;
}

/** One reference as written in a formula: a cell, a range, whole columns (D:D) or rows (3:5), maybe on a sheet. */
export function parseRef(text: string): Ref | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?([^'!]+)$/.exec(text.trim());
  const rect = m ? refRect(m[3]) : null;
  if (!m || !rect) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return sheet !== undefined ? { sheet, rect } : { rect };
}

function parseTerm(text: string, sign: number): Term | null {
  const t = text.trim();
  if (NUMBER.test(t)) return { sign, kind: 'number', value: Number(t) };
  const sum = /^SUM\((.*)\)$/i.exec(t);
  if (sum) {
    if (/[()"]/.test(sum[1].replace(/'(?:[^']|'')*'/g, ''))) return null;
    const args: Array<Ref | number> = [];
    for (const piece of splitTop(sum[1], ',')) {
      const a = piece.text.trim();
      const ref = NUMBER.test(a) ? Number(a) : parseRef(a);
      if (ref === null) return null;
      args.push(ref);
    }
    return { sign, kind: 'sum', args };
  }
  const ref = parseRef(t);
  return ref && ref.rect.rs === 1 && ref.rect.cs === 1 ? { sign, kind: 'cell', ref } : null;
}

/** The terms of a formula the file host can compute, or null for any other formula. */
export function parseSum(formula: string): Term[] | null {
  const pieces = splitTop(formula.replace(/^=/, '').trim(), '+-');
  // a leading sign: '-B3+B4' splits into '', '-B3', '+B4'
  if (pieces.length > 1 && pieces[0].text.trim() === '') pieces.shift();
  const terms: Term[] = [];
  for (const p of pieces) {
    const term = parseTerm(p.text, p.sep === '-' ? -1 : 1);
    if (!term) return null;
    terms.push(term);
  }
  return terms.length ? terms : null;
}

/** Every cell reference of any formula (string literals left out), and the workbook names it uses among `names`. */
export function referencesOf(formula: string, names: readonly string[]): { refs: Ref[]; names: string[] } {
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const refs: Ref[] = [];
  for (const m of text.matchAll(REF)) {
    const rect = refRect(m[3]);
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (rect) refs.push(sheet !== undefined ? { sheet, rect } : { rect });
  }
  const used = names.filter((n) => new RegExp(`(?<![\\w.])${n}(?![\\w(])`, 'i').test(text.replace(REF, ' ')));
  return { refs, names: used };
}
