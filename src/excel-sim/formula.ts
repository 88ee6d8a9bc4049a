/**
 * A1 references and a small formula engine for the Excel simulator.
 * This module is the base of the simulator: the one A1 grammar (used for API addresses, formula references
 * and defined names), a tokenizer/parser/evaluator, reference rewriting (insert/delete/rename), and recalculation.
 * Column letters, Excel's grid size and sheet-name quoting come from the domain's src/report/a1.ts, so the
 * stand-in and the add-in read and write addresses the same way. It only imports types from model.ts, so there
 * is no runtime import cycle.
 */
import { colIndex, colName, MAX_COLS, MAX_ROWS, onSheet, quoteSheet } from '../report/a1';
import type { CondFormatState, Rect, SheetState, WorkbookState } from './model';
export const ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];

export const cellKey = (r: number, c: number): string => `${r},${c}`;
export function parseKey(k: string): [number, number] {
  const i = k.indexOf(',');
  return [Number(k.slice(0, i)), Number(k.slice(i + 1))];
}

// ---------------------------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------------------------

/** A parsed reference. `abs` holds the `$` flags of [r0, c0, r1, c1]; `sheet` is the unquoted sheet name if given. */
export interface Ref {
  sheet?: string;
  rect: Rect;
  abs: [boolean, boolean, boolean, boolean];
  kind: 'cell' | 'area' | 'cols' | 'rows';
}

const WIDE = '\\u00A0-\\uFFFF';
const SHEET = `(?:'((?:[^']|'')+)'|([A-Za-z_${WIDE}][\\w.${WIDE}]*))!`;
const CELL = '(\\$?)([A-Za-z]{1,3})(\\$?)(\\d+)';
const BODY = `(?:${CELL}(?::${CELL})?|(\\$?)([A-Za-z]{1,3}):(\\$?)([A-Za-z]{1,3})|(\\$?)(\\d+):(\\$?)(\\d+))`;
const REF_SRC = `(?:${SHEET})?${BODY}`;
const ADDRESS_RE = new RegExp(`^${REF_SRC}$`);
const ERR_SRC = '#REF!|#VALUE!|#DIV/0!|#NAME\\?|#N/A|#NUM!|#NULL!';

function refFromMatch(m: RegExpExecArray): Ref | null {
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  let rect: Rect;
  let abs: Ref['abs'];
  let kind: Ref['kind'];
  if (m[4] !== undefined) {
    const r0 = Number(m[6]) - 1,
      c0 = colIndex(m[4]);
    abs = [m[5] === '$', m[3] === '$', m[5] === '$', m[3] === '$'];
    if (m[8] !== undefined) {
      rect = { r0, c0, r1: Number(m[10]) - 1, c1: colIndex(m[8]) };
      abs = [abs[0], abs[1], m[9] === '$', m[7] === '$'];
      kind = 'area';
    } else {
      rect = { r0, c0, r1: r0, c1: c0 };
      kind = 'cell';
    }
  } else if (m[12] !== undefined) {
    rect = { r0: 0, c0: colIndex(m[12]), r1: MAX_ROWS - 1, c1: colIndex(m[14]) };
    abs = [true, m[11] === '$', true, m[13] === '$'];
    kind = 'cols';
  } else {
    rect = { r0: Number(m[16]) - 1, c0: 0, r1: Number(m[18]) - 1, c1: MAX_COLS - 1 };
    abs = [m[15] === '$', true, m[17] === '$', true];
    kind = 'rows';
  }
  if (rect.r0 > rect.r1) [rect.r0, rect.r1, abs[0], abs[2]] = [rect.r1, rect.r0, abs[2], abs[0]];
  if (rect.c0 > rect.c1) [rect.c0, rect.c1, abs[1], abs[3]] = [rect.c1, rect.c0, abs[3], abs[1]];
  if (!onSheet(rect.r0, rect.c0) || !onSheet(rect.r1, rect.c1)) return null;
  return { sheet, rect, abs, kind };
}

/** Parses an A1 address such as `B3`, `$B$3:D5`, `A:A`, `3:3`, `Sheet1!A1` or `'My Sheet'!A1:B2`; null if invalid. */
export function parseAddress(address: string): Ref | null {
  const m = ADDRESS_RE.exec(address.trim());
  return m ? refFromMatch(m) : null;
}

function kindOf(rect: Rect): Ref['kind'] {
  if (rect.c0 === 0 && rect.c1 === MAX_COLS - 1) return 'rows';
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) return 'cols';
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? 'cell' : 'area';
}

/** Formats a reference back to text (with `$` flags and an optionally quoted sheet prefix). */
export function refText(ref: Ref): string {
  const { r0, c0, r1, c1 } = ref.rect;
  const [ar0, ac0, ar1, ac1] = ref.abs.map((b) => (b ? '$' : ''));
  const body =
    ref.kind === 'cols'
      ? `${ac0}${colName(c0)}:${ac1}${colName(c1)}`
      : ref.kind === 'rows'
        ? `${ar0}${r0 + 1}:${ar1}${r1 + 1}`
        : `${ac0}${colName(c0)}${ar0}${r0 + 1}` + (ref.kind === 'area' ? `:${ac1}${colName(c1)}${ar1}${r1 + 1}` : '');
  return (ref.sheet !== undefined ? quoteSheet(ref.sheet) + '!' : '') + body;
}

/** `Sheet1!B3:D5` (relative) or, with `absolute`, `Sheet1!$B$3:$D$5`; whole rows/columns read `Sheet1!3:3` / `Sheet1!A:A`. */
export function formatAddress(sheetName: string | undefined, rect: Rect, absolute = false): string {
  return refText({ sheet: sheetName, rect, abs: [absolute, absolute, absolute, absolute], kind: kindOf(rect) });
}

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer and parser
// ---------------------------------------------------------------------------------------------------------------

interface Token {
  t: 'num' | 'str' | 'bool' | 'err' | 'ref' | 'name' | 'fn' | 'op';
  v: string | number | boolean;
  ref?: Ref;
  s: number;
  e: number;
}

const LEXERS: Array<[Token['t'], RegExp]> = [
  ['str', /"((?:[^"]|"")*)"/y],
  ['err', new RegExp(`(?:${SHEET})?(${ERR_SRC})`, 'y')],
  ['ref', new RegExp(`${REF_SRC}(?![\\w.(!${WIDE}])`, 'y')],
  ['num', /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y],
  ['fn', new RegExp(`([A-Za-z_][\\w.]*)(?=\\s*\\()`, 'y')],
  ['name', new RegExp(`[A-Za-z_\\\\${WIDE}][\\w.${WIDE}]*`, 'y')],
  ['op', /<>|<=|>=|[-+*/^&=<>%(),]/y],
];

function tokenize(src: string, offset = 0): Token[] {
  const out: Token[] = [];
  let i = 0;
  outer: while (i < src.length) {
    if (/\s/.test(src[i])) {
      i++;
      continue;
    }
    for (const [t, re] of LEXERS) {
      re.lastIndex = i;
      const m = re.exec(src);
      if (!m) continue;
      let tok: Token = { t, v: m[0], s: offset + i, e: offset + i + m[0].length };
      if (t === 'str') tok.v = m[1].replace(/""/g, '"');
      else if (t === 'err') tok.v = m[3];
      else if (t === 'num') tok.v = Number(m[0]);
      else if (t === 'fn') tok.v = m[1].toUpperCase();
      else if (t === 'ref') {
        const ref = refFromMatch(m);
        if (!ref) continue; // e.g. ZZZZ1: fall through to a name
        tok.ref = ref;
      } else if (t === 'name' && /^(TRUE|FALSE)$/i.test(m[0])) tok = { ...tok, t: 'bool', v: m[0].toUpperCase() === 'TRUE' };
      out.push(tok);
      i += m[0].length;
      continue outer;
    }
    throw new SyntaxError(`Unexpected character '${src[i]}' in formula`);
  }
  return out;
}

export const BLANK: unique symbol = Symbol('blank');
export class FErr {
  constructor(readonly code: string) {}
}
export type Scalar = number | string | boolean | FErr | typeof BLANK;
interface Area {
  sheet: SheetState;
  rect: Rect;
}
type Val = Scalar | Area;

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; ref: Ref }
  | { k: 'name'; name: string }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'fn'; name: string; args: Node[] };

const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peekOp = (ops: string[]) => toks[p]?.t === 'op' && ops.includes(toks[p].v as string);
  const expect = (op: string) => {
    if (!peekOp([op])) throw new SyntaxError(`Expected '${op}'`);
    p++;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let a = level(n + 1);
    while (peekOp(LEVELS[n])) {
      const op = toks[p++].v as string;
      a = { k: 'bin', op, a, b: level(n + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peekOp(['-'])) {
      p++;
      return { k: 'neg', a: unary() };
    }
    if (peekOp(['+'])) {
      p++;
      return unary();
    }
    let a = primary();
    while (peekOp(['%'])) {
      p++;
      a = { k: 'bin', op: '/', a, b: { k: 'lit', v: 100 } };
    }
    return a;
  };
  const primary = (): Node => {
    const tok = toks[p++];
    if (!tok) throw new SyntaxError('Unexpected end of formula');
    switch (tok.t) {
      case 'num':
      case 'str':
      case 'bool':
        return { k: 'lit', v: tok.v };
      case 'err':
        return { k: 'lit', v: new FErr(tok.v as string) };
      case 'ref':
        return { k: 'ref', ref: tok.ref! };
      case 'name':
        return { k: 'name', name: tok.v as string };
      case 'fn': {
        expect('(');
        const args: Node[] = [];
        if (peekOp([')'])) {
          p++;
          return { k: 'fn', name: tok.v as string, args };
        }
        for (;;) {
          args.push(peekOp([',', ')']) ? { k: 'lit', v: BLANK } : level(0));
          if (peekOp([')'])) {
            p++;
            break;
          }
          expect(',');
        }
        return { k: 'fn', name: tok.v as string, args };
      }
      default:
        if (tok.v === '(') {
          const e = level(0);
          expect(')');
          return e;
        }
        throw new SyntaxError(`Unexpected '${tok.v}'`);
    }
  };
  const node = level(0);
  if (p < toks.length) throw new SyntaxError(`Unexpected '${toks[p].v}'`);
  return node;
}

const parseCache = new Map<string, Node | SyntaxError>();
function parseCached(body: string): Node | SyntaxError {
  let n = parseCache.get(body);
  if (!n) {
    try {
      n = parse(body);
    } catch (e) {
      n = e instanceof SyntaxError ? e : new SyntaxError(String(e));
    }
    if (parseCache.size > 5000) parseCache.clear();
    parseCache.set(body, n);
  }
  return n;
}

/** True if `formula` (starting with '=') is syntactically valid for this engine. */
export function isValidFormula(formula: string): boolean {
  return formula.startsWith('=') && !(parseCached(formula.slice(1)) instanceof SyntaxError);
}

// ---------------------------------------------------------------------------------------------------------------
// Reference rewriting
// ---------------------------------------------------------------------------------------------------------------

/**
 * Rewrites every reference of `formula`. `fn` gets the effective sheet name (the ref's own, or `home`) and returns
 * the ref unchanged, a new ref, or null for `#REF!`. Unparsable formulas are returned as they are.
 */
export function mapRefs(formula: string, home: string, fn: (sheetName: string, ref: Ref) => Ref | null): string {
  if (!formula.startsWith('=')) return formula;
  let toks: Token[];
  try {
    toks = tokenize(formula.slice(1), 1);
  } catch {
    return formula;
  }
  let out = '',
    last = 0;
  for (const tok of toks) {
    if (tok.t !== 'ref') continue;
    const ref = tok.ref!;
    const res = fn(ref.sheet ?? home, ref);
    if (res === ref) continue;
    out += formula.slice(last, tok.s) + (res ? refText(res) : (ref.sheet !== undefined ? quoteSheet(ref.sheet) + '!' : '') + '#REF!');
    last = tok.e;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/** Moves the relative parts of every reference by (dr, dc), like copying a formula; off-sheet refs become #REF!. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return mapRefs(formula, '', (_s, ref) => {
    const r = shiftRef(ref, dr, dc);
    return r && r.rect.r0 >= 0 && r.rect.c0 >= 0 && r.rect.r1 < MAX_ROWS && r.rect.c1 < MAX_COLS ? r : null;
  });
}

/** Moves the relative (non-$) parts of a reference. */
export function shiftRef(ref: Ref, dr: number, dc: number): Ref {
  const [ar0, ac0, ar1, ac1] = ref.abs;
  const { r0, c0, r1, c1 } = ref.rect;
  return { ...ref, rect: { r0: ar0 ? r0 : r0 + dr, c0: ac0 ? c0 : c0 + dc, r1: ar1 ? r1 : r1 + dr, c1: ac1 ? c1 : c1 + dc } };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------------------------

interface Env {
  state: WorkbookState;
  sheet: SheetState;
  dr: number; // offset applied to relative references (conditional formats)
  dc: number;
  cell: (sheet: SheetState, r: number, c: number) => Scalar;
  depth: number;
}

const isArea = (v: Val): v is Area => typeof v === 'object' && v !== null && !(v instanceof FErr);
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The value of a stored (non-recalculated) cell as a formula operand. */
export function storedScalar(sheet: SheetState, r: number, c: number): Scalar {
  const cell = sheet.cells[cellKey(r, c)];
  if (!cell || (cell.formula === undefined && (cell.value === '' || cell.value === null))) return BLANK;
  if (typeof cell.value === 'string' && ERROR_CODES.includes(cell.value)) return new FErr(cell.value);
  return cell.value ?? BLANK;
}

function resolveRef(ref: Ref, env: Env): Area | FErr {
  const sheet = ref.sheet === undefined ? env.sheet : env.state.sheets.find((s) => sameName(s.name, ref.sheet!));
  if (!sheet) return new FErr('#REF!');
  const { rect } = shiftRef(ref, env.dr, env.dc);
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return new FErr('#REF!');
  return { sheet, rect };
}

/** Calls fn for the value of every non-empty stored cell of an area (order unspecified). */
function eachIn(a: Area, env: Env, fn: (v: Scalar) => void): void {
  const { r0, c0, r1, c1 } = a.rect;
  const keys = Object.keys(a.sheet.cells);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) <= keys.length) {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (a.sheet.cells[cellKey(r, c)]) fn(env.cell(a.sheet, r, c));
  } else {
    for (const k of keys) {
      const [r, c] = parseKey(k);
      if (r >= r0 && r <= r1 && c >= c0 && c <= c1) fn(env.cell(a.sheet, r, c));
    }
  }
}

function scalar(v: Val, env: Env): Scalar {
  if (!isArea(v)) return v;
  const { r0, c0, r1, c1 } = v.rect;
  return r0 === r1 && c0 === c1 ? env.cell(v.sheet, r0, c0) : new FErr('#VALUE!');
}

const NUM_RE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
export const looksNumeric = (s: string): boolean => NUM_RE.test(s);

function toNum(v: Scalar): number | FErr {
  if (typeof v === 'number' || v instanceof FErr) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === BLANK) return 0;
  return looksNumeric(v) ? Number(v) : new FErr('#VALUE!');
}
function toBool(v: Scalar): boolean | FErr {
  if (typeof v === 'boolean' || v instanceof FErr) return v;
  if (typeof v === 'number') return v !== 0;
  if (v === BLANK) return false;
  return /^true$/i.test(v) ? true : /^false$/i.test(v) ? false : new FErr('#VALUE!');
}
/** General-format text of a number (15 significant digits, like Excel). */
export const numText = (n: number): string => String(Number(n.toPrecision(15)));
function toText(v: Scalar): string | FErr {
  if (v instanceof FErr || typeof v === 'string') return v;
  if (v === BLANK) return '';
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : numText(v);
}

function compare(a: Scalar, b: Scalar): number {
  const blankAs = (other: Scalar) => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  if (a === BLANK) a = blankAs(b);
  if (b === BLANK) b = blankAs(a);
  const rank = (x: Scalar) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase(),
      y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof FErr) return a;
  if (b instanceof FErr) return b;
  if (op === '&') {
    const x = toText(a),
      y = toText(b);
    return x instanceof FErr ? x : y instanceof FErr ? y : x + y;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  const x = toNum(a),
    y = toNum(b);
  if (x instanceof FErr) return x;
  if (y instanceof FErr) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FErr('#DIV/0!') : x / y;
    default: {
      const r = Math.pow(x, y);
      return Number.isFinite(r) ? r : new FErr('#NUM!');
    }
  }
}

/** Numbers of the arguments the way SUM/MIN/MAX/COUNT see them: in ranges only real numbers count. */
function numbers(args: Node[], env: Env, skipErrors = false): number[] | FErr {
  const out: number[] = [];
  for (const node of args) {
    const v = ev(node, env);
    let err: FErr | undefined;
    if (isArea(v))
      eachIn(v, env, (x) => {
        if (typeof x === 'number') out.push(x);
        else if (x instanceof FErr) err ??= x;
      });
    else if (v !== BLANK) {
      const x = toNum(v);
      if (x instanceof FErr) err = x;
      else out.push(x);
    }
    if (err && !skipErrors) return err;
  }
  return out;
}

function logical(args: Node[], env: Env, all: boolean): Scalar {
  const vals: boolean[] = [];
  for (const node of args) {
    const v = ev(node, env);
    let err: FErr | undefined;
    if (isArea(v))
      eachIn(v, env, (x) => {
        if (x instanceof FErr) err ??= x;
        else if (typeof x === 'boolean' || typeof x === 'number') vals.push(Boolean(x));
      });
    else {
      const b = toBool(v);
      if (b instanceof FErr) err = b;
      else vals.push(b);
    }
    if (err) return err;
  }
  if (!vals.length) return new FErr('#VALUE!');
  return all ? vals.every(Boolean) : vals.some(Boolean);
}

function num1(node: Node | undefined, env: Env, fn: (x: number) => Scalar): Scalar {
  if (!node) return new FErr('#VALUE!');
  const x = toNum(scalar(ev(node, env), env));
  return x instanceof FErr ? x : fn(x);
}
const agg =
  (f: (xs: number[]) => Scalar) =>
  (args: Node[], env: Env): Scalar => {
    const xs = numbers(args, env);
    return xs instanceof FErr ? xs : f(xs);
  };
const is =
  (test: (v: Scalar) => boolean) =>
  (args: Node[], env: Env): Scalar =>
    test(args[0] ? scalar(ev(args[0], env), env) : BLANK);

const FUNCTIONS: Record<string, (args: Node[], env: Env) => Scalar> = {
  SUM: agg((xs) => xs.reduce((s, x) => s + x, 0)),
  MIN: agg((xs) => (xs.length ? Math.min(...xs) : 0)),
  MAX: agg((xs) => (xs.length ? Math.max(...xs) : 0)),
  AVERAGE: agg((xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : new FErr('#DIV/0!'))),
  COUNT: (args, env) => (numbers(args, env, true) as number[]).length,
  ABS: (args, env) => num1(args[0], env, Math.abs),
  ROUND: (args, env) =>
    num1(args[0], env, (x) =>
      num1(args[1] ?? { k: 'lit', v: 0 }, env, (d) => {
        const f = Math.pow(10, Math.trunc(d));
        return (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + Number.EPSILON))) / f;
      }),
    ),
  N: (args, env) => {
    const v = args[0] ? ev(args[0], env) : BLANK;
    const x = isArea(v) ? env.cell(v.sheet, v.rect.r0, v.rect.c0) : v;
    return typeof x === 'number' || x instanceof FErr ? x : typeof x === 'boolean' ? Number(x) : 0;
  },
  AND: (args, env) => logical(args, env, true),
  OR: (args, env) => logical(args, env, false),
  NOT: (args, env) => {
    const b = toBool(args[0] ? scalar(ev(args[0], env), env) : BLANK);
    return b instanceof FErr ? b : !b;
  },
  IF: (args, env) => {
    const c = toBool(args[0] ? scalar(ev(args[0], env), env) : BLANK);
    if (c instanceof FErr) return c;
    const branch = c ? args[1] : args[2];
    if (!branch) return c ? 0 : false;
    const v = scalar(ev(branch, env), env);
    return v === BLANK ? 0 : v;
  },
  IFERROR: (args, env) => {
    const v = scalar(ev(args[0] ?? { k: 'lit', v: BLANK }, env), env);
    return v instanceof FErr ? scalar(ev(args[1] ?? { k: 'lit', v: '' }, env), env) : v;
  },
  ISNUMBER: is((v) => typeof v === 'number'),
  ISTEXT: is((v) => typeof v === 'string'),
  ISBLANK: is((v) => v === BLANK),
  ISERROR: is((v) => v instanceof FErr),
  LEN: (args, env) => {
    const t = toText(scalar(ev(args[0] ?? { k: 'lit', v: BLANK }, env), env));
    return t instanceof FErr ? t : t.length;
  },
};

function ev(node: Node, env: Env): Val {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'ref':
      return resolveRef(node.ref, env);
    case 'neg': {
      const x = toNum(scalar(ev(node.a, env), env));
      return x instanceof FErr ? x : -x;
    }
    case 'bin':
      return binary(node.op, scalar(ev(node.a, env), env), scalar(ev(node.b, env), env));
    case 'fn':
      return FUNCTIONS[node.name] ? FUNCTIONS[node.name](node.args, env) : new FErr('#NAME?');
    case 'name': {
      const def = env.state.names.find((n) => sameName(n.name, node.name));
      if (!def || env.depth > 20) return new FErr('#NAME?');
      const body = parseCached(def.formula.replace(/^=/, ''));
      return body instanceof SyntaxError ? new FErr('#NAME?') : ev(body, { ...env, dr: 0, dc: 0, depth: env.depth + 1 });
    }
  }
}

/** Evaluates a formula in the context of `sheet`, with relative refs moved by (dr, dc). Returns a scalar value. */
export function evaluate(
  state: WorkbookState,
  sheet: SheetState,
  formula: string,
  dr = 0,
  dc = 0,
  cell: Env['cell'] = storedScalar,
): Scalar {
  const node = parseCached(formula.replace(/^=/, ''));
  if (node instanceof SyntaxError) return new FErr('#NAME?');
  const env: Env = { state, sheet, dr, dc, cell, depth: 0 };
  return scalar(ev(node, env), env);
}

/** Converts an evaluation result to what a cell stores: errors as their code, blank as 0. */
export function toStored(v: Scalar): number | string | boolean {
  return v instanceof FErr ? v.code : v === BLANK ? 0 : v;
}

/** Computes the formula cells of `rect` on `sheet` from the values their precedents hold now, and nothing else:
 *  what Excel does with a formula entered while calculation is manual. */
export function calculateEntered(state: WorkbookState, sheet: SheetState, rect: { r0: number; c0: number; r1: number; c1: number }): void {
  for (const [k, st] of Object.entries(sheet.cells)) {
    if (st.formula === undefined) continue;
    const [r, c] = parseKey(k);
    if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) st.value = toStored(evaluate(state, sheet, st.formula));
  }
}

/** Recomputes every formula cell of the workbook (memoised depth-first; a cycle yields #REF!). */
export function recalc(state: WorkbookState): void {
  const done = new Map<string, Scalar>();
  const busy = new Set<string>();
  const cell = (sheet: SheetState, r: number, c: number): Scalar => {
    const k = cellKey(r, c);
    const st = sheet.cells[k];
    if (!st || st.formula === undefined) return storedScalar(sheet, r, c);
    const id = `${sheet.id}|${k}`;
    const hit = done.get(id);
    if (hit !== undefined) return hit;
    if (busy.has(id)) return new FErr('#REF!');
    busy.add(id);
    const v = evaluate(state, sheet, st.formula, 0, 0, cell);
    busy.delete(id);
    done.set(id, v);
    st.value = toStored(v);
    return v;
  };
  for (const sheet of state.sheets) {
    for (const k of Object.keys(sheet.cells)) {
      if (sheet.cells[k].formula !== undefined) cell(sheet, ...parseKey(k));
    }
  }
}

/** Whether a custom conditional format applies to cell (r, c): its formula is written for the range's top-left cell. */
export function cfApplies(state: WorkbookState, sheet: SheetState, cf: CondFormatState, r: number, c: number): boolean {
  if (!cf.formula || r < cf.range.r0 || r > cf.range.r1 || c < cf.range.c0 || c > cf.range.c1) return false;
  const v = evaluate(state, sheet, cf.formula, r - cf.range.r0, c - cf.range.c0);
  return v === true || (typeof v === 'number' && v !== 0);
}
