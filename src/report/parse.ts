/**
 * Reading one cell value the way a careful clerk would: every kind of junk is classified, nothing is
 * silently read as 0. Shared by the checks, the importer, the narrative and every adapter.
 */

export type ParseStatus =
  | 'ok' // a clean number
  | 'blank' // empty / whitespace only
  | 'placeholder' // "/", "-", "—", "无": the format expects 0 to be written
  | 'normalized' // full-width digits or thousands separators, read as a number
  | 'unit' // a number with a unit or word typed in ("48件", "251000元")
  | 'text' // not a number at all (also booleans, objects, NaN, 1e309)
  | 'error'; // a spreadsheet error value (#REF!, #VALUE!, …)

export interface Parsed {
  status: ParseStatus;
  /** The number to use in sums: 0 for blank/placeholder, null when the cell has no usable number. */
  value: number | null;
  /** What was typed, for messages. */
  shown: string;
  /** For 'normalized' and 'unit': what was stripped or converted ("全角数字", "千位分隔符", "件"). */
  note?: string;
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u3000]+/g;
const PLACEHOLDERS = new Set(['/', '／', '-', '－', '—', '——', '–', '―', '无', '暂无', '空', 'N/A', 'n/a', '\\']);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|FIELD!|GETTING_DATA|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!)$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const WITH_UNIT = /^([+-]?\d[\d,]*(?:\.\d+)?)\s*(件|条|个|项|次|份|篇|家|人|人次|万元|元|亿元|千元|%|％)$/;

function fromFullWidth(s: string): string {
  return s.replace(/[\uff10-\uff19\uff0b\uff0d\uff0e\uff0c]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function show(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

export function parseCell(raw: unknown): Parsed {
  if (raw === null || raw === undefined) return { status: 'blank', value: 0, shown: '' };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { status: 'ok', value: raw, shown: String(raw) } : { status: 'text', value: null, shown: String(raw) };
  }
  if (typeof raw !== 'string') return { status: 'text', value: null, shown: show(raw) };
  const shown = raw;
  const visible = raw.replace(SPACES, ' ').trim();
  const s = visible.replace(INVISIBLE, '').trim();
  const hidden = s !== visible.replace(INVISIBLE, '') || visible !== visible.replace(INVISIBLE, '');
  if (s === '') return { status: 'blank', value: 0, shown };
  if (PLACEHOLDERS.has(s)) return { status: 'placeholder', value: 0, shown };
  if (EXCEL_ERROR.test(s)) return { status: 'error', value: null, shown };
  const half = fromFullWidth(s).replace(/ /g, '');
  const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
  if (NUMBER.test(half)) {
    const n = finite(Number(half));
    if (n === null) return { status: 'text', value: null, shown };
    if (half === s && !hidden) return { status: 'ok', value: n, shown };
    const notes = [hidden ? '不可见字符' : '', half !== s.replace(/ /g, '') ? '全角数字' : '', s.includes(' ') ? '空格' : ''].filter(
      Boolean,
    );
    return { status: 'normalized', value: n, shown, note: notes.join('和') || '不可见字符' };
  }
  if (THOUSANDS.test(half)) {
    const n = finite(Number(half.replace(/,/g, '')));
    if (n !== null)
      return {
        status: 'normalized',
        value: n,
        shown,
        note: [hidden ? '不可见字符' : '', half !== s ? '全角数字' : '', '千位分隔符'].filter(Boolean).join('和'),
      };
  }
  const unit = WITH_UNIT.exec(half);
  if (unit) {
    const digits = unit[1];
    const n = finite(Number(digits.replace(/,/g, '')));
    if (n !== null && (!digits.includes(',') || THOUSANDS.test(digits))) return { status: 'unit', value: n, shown, note: unit[2] };
  }
  return { status: 'text', value: null, shown };
}

/** Format a number for a message: up to 4 decimals, no trailing zeros. */
export function fmtNum(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 10000) / 10000);
}

/**
 * The 信息处理费 (yuan) as a person types it, for the narrative's section 六: nothing typed → undefined (no
 * sentence); 0, 无 or 未收取 → null (未收取); an amount → that number, read like a cell ("3940元", "3,940",
 * full-width "３９４０"; "0.394万元" is 3940). `valid` is false for anything else (negative, other units, words).
 */
export function parseFee(text: string | undefined): { valid: boolean; fee?: number | null } {
  const t = (text ?? '').trim();
  if (t === '') return { valid: true, fee: undefined };
  if (/^(无|未收取|没有收取)$/.test(t)) return { valid: true, fee: null };
  const p = parseCell(t);
  if (p.value === null || p.value < 0 || /e/i.test(t)) return { valid: false };
  let yuan = p.value;
  if (p.status === 'unit') {
    if (p.note === '万元') yuan = Math.round(p.value * 10000 * 100) / 100;
    else if (p.note !== '元') return { valid: false };
  } else if (p.status !== 'ok' && p.status !== 'normalized') return { valid: false };
  return { valid: true, fee: yuan === 0 ? null : yuan };
}
