/**
 * Recognising labels typed by people. Every label the importer knows comes from the format
 * definitions (formats.ts) through layout.ts — nothing here types a table label again. One function,
 * `matchLabel`, is used by every input kind (text, pdftotext, HTML, pipe rows) and for section titles.
 *
 * Normalisation (spec format-2021.md): （）/(), ：/:, ，/,, “”/"", 1./1、/1．, spaces and line breaks.
 * Beyond that a label within a small edit distance of an official one is accepted as a typo
 * (0 for labels of up to 3 characters, 1 up to 7, 2 from 8 on).
 */
import { FORMATS, SECTION_TITLES } from '../formats';
import { tableLayout, type LayoutCell } from '../layout';
import { FORMAT_IDS, TABLE_IDS, type FormatId, type TableId } from '../types';
import { foldTraditional } from './hant';

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\f]+/g;
const CHAR_MAP: Record<string, string> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '；': ';',
  '．': '.',
  '／': '/',
  '＋': '+',
  '－': '-',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '＂': '"',
  '‘': '"',
  '’': '"',
  "'": '"',
  '＇': '"',
  '「': '"',
  '」': '"',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
};
const CHAR_RE = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

/** The comparable form of a label: no spaces, one kind of bracket/colon/comma/quote, "1." numbering. */
export function normLabel(s: string): string {
  return foldTraditional(s)
    .replace(WHITESPACE, '')
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(CHAR_RE, (ch) => CHAR_MAP[ch])
    .replace(/(^|[^\d.])(\d{1,2})[、.](?!\d)/g, '$1$2.')
    .replace(/^([一二三四五六七八九十]{1,3})[.,]/, '$1、');
}

/** Allowed edit distance for a label of this many (normalised) characters. */
export function typoBudget(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/** Levenshtein distance of a and b, or max + 1 when it exceeds max. With `prefix`, the distance of
 *  a to the closest prefix of b (so a wrapped label's first line matches). */
export function editDistance(a: string, b: string, max: number, prefix = false): number {
  const m = a.length;
  const n = b.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  const d = prefix ? Math.min(...prev) : prev[n];
  return d > max ? max + 1 : d;
}

/** Where an official label is used: a non-data cell of a table layout, or a section title. */
export interface LabelUse {
  format?: FormatId;
  table?: TableId;
  cell?: LayoutCell;
  /** Section number 1–6 for section titles. */
  section?: number;
}

export interface LabelTarget {
  /** The official text (formats.ts / SECTION_TITLES). */
  official: string;
  norm: string;
  /** Normalised accepted variants (formats.ts `aliases`) other than the official text. */
  aliases: string[];
  uses: LabelUse[];
}

export interface LabelDict {
  targets: LabelTarget[];
  /** Normalised official text or alias → target (and whether it was the alias). */
  exact: Map<string, { target: LabelTarget; alias: boolean }>;
  /** Results by normalised text (the same cells recur: "0", "总计", …). */
  memo: Map<string, Omit<LabelMatch, 'typed'> | null>;
  prefixMemo: Map<string, { exactPrefix: boolean; prefix: boolean }>;
}

const MEMO_LIMIT = 20000;
function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

export interface LabelMatch {
  target: LabelTarget;
  /** The text as typed (trimmed). */
  typed: string;
  /** exact: the official label (after normalisation); alias: a variant listed in formats.ts;
   *  fuzzy: within the typo budget of one official label or alias. */
  via: 'exact' | 'alias' | 'fuzzy';
  distance: number;
}

export function buildDict(entries: Array<{ official: string; aliases?: string[]; use: LabelUse }>): LabelDict {
  const byOfficial = new Map<string, LabelTarget>();
  for (const e of entries) {
    const norm = normLabel(e.official);
    if (!norm) continue;
    let t = byOfficial.get(norm);
    if (!t) {
      t = { official: e.official, norm, aliases: [], uses: [] };
      byOfficial.set(norm, t);
    }
    t.uses.push(e.use);
    for (const a of e.aliases ?? []) {
      const na = normLabel(a);
      if (na && na !== norm && !t.aliases.includes(na)) t.aliases.push(na);
    }
  }
  const targets = [...byOfficial.values()];
  const exact = new Map<string, { target: LabelTarget; alias: boolean }>();
  for (const t of targets) exact.set(t.norm, { target: t, alias: false });
  for (const t of targets) for (const a of t.aliases) if (!exact.has(a)) exact.set(a, { target: t, alias: true });
  return { targets, exact, memo: new Map(), prefixMemo: new Map() };
}

/**
 * The one label matcher: the label the typed text is — the official text after normalisation
 * (`exact`), a variant listed in formats.ts (`alias`), or the single label within the typo budget
 * (`fuzzy`; two labels equally close is no match). `labelPrefixStatus` below asks the same of the
 * beginning of a wrapped label.
 */
export function matchLabel(typed: string, dict: LabelDict): LabelMatch | null {
  const n = normLabel(typed);
  if (!n) return null;
  const known = dict.memo.get(n);
  const found = known !== undefined ? known : remember(dict.memo, n, findLabel(n, dict));
  return found ? { ...found, typed: typed.trim() } : null;
}

function findLabel(n: string, dict: LabelDict): Omit<LabelMatch, 'typed'> | null {
  const hit = dict.exact.get(n);
  if (hit) return { target: hit.target, via: hit.alias ? 'alias' : 'exact', distance: 0 };
  // an official label followed by an explanation in brackets, as some provinces print their forms
  // ("规章(设区的市、自治州人民政府应提供相关数据)", "上一年项目数量(指2019年事项数)")
  const explained = /^(.{2,}?)\([^()]*\)$/.exec(n);
  const core = explained ? dict.exact.get(explained[1]) : undefined;
  if (core) return { target: core.target, via: 'fuzzy', distance: n.length - explained![1].length };
  let best: LabelTarget | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const t of dict.targets) {
    for (const v of [t.norm, ...t.aliases]) {
      const max = Math.min(typoBudget(v.length), typoBudget(n.length));
      if (max === 0) continue;
      const d = editDistance(n, v, max);
      if (d > max) continue;
      if (d < bestD) {
        best = t;
        bestD = d;
        tie = false;
      } else if (d === bestD && best !== t) tie = true;
    }
  }
  if (!best || tie) return null;
  return { target: best, via: 'fuzzy', distance: bestD };
}

export interface PrefixStatus {
  /** The text is a whole label (exact, alias or typo). */
  whole: LabelMatch | null;
  /** The text begins a longer label exactly (after normalisation). */
  exactPrefix: boolean;
  /** The text begins a longer label, allowing a typo. */
  prefix: boolean;
}

/** Whether typed text is a whole label, the beginning of a longer one (a wrapped label), or neither. */
export function labelPrefixStatus(typed: string, dict: LabelDict): PrefixStatus {
  const n = normLabel(typed);
  if (!n) return { whole: null, exactPrefix: false, prefix: false };
  const whole = matchLabel(typed, dict);
  const known = dict.prefixMemo.get(n);
  return { whole, ...(known ?? remember(dict.prefixMemo, n, findPrefix(n, dict))) };
}

function findPrefix(n: string, dict: LabelDict): { exactPrefix: boolean; prefix: boolean } {
  const max = typoBudget(n.length);
  let prefix = false;
  for (const t of dict.targets) {
    for (const v of [t.norm, ...t.aliases]) {
      if (v.length <= n.length) continue;
      if (v.startsWith(n)) return { exactPrefix: true, prefix: true };
      if (!prefix && max > 0 && editDistance(n, v, max, true) <= max) prefix = true;
    }
  }
  return { exactPrefix: false, prefix };
}

/** Whether `more` may be joined to `text` as the next piece of one wrapped label: an incomplete label
 *  may grow while it still begins (or becomes) a label; a complete one only into a longer label
 *  spelled exactly (so "规章" on the next line is not swallowed by "第二十条第（一）项" as a typo). */
export function continuesLabel(text: string, more: string, dict: LabelDict): PrefixStatus | null {
  const before = labelPrefixStatus(text, dict);
  const after = labelPrefixStatus(text + more, dict);
  if (!before.whole) return after.whole || after.prefix ? after : null;
  return (after.whole && after.whole.via !== 'fuzzy') || after.exactPrefix ? after : null;
}

// ---------------------------------------------------------------- dictionaries from the formats

function tableEntries(
  table: TableId,
  formats: readonly FormatId[] = FORMAT_IDS,
): Array<{ official: string; aliases?: string[]; use: LabelUse }> {
  const out: Array<{ official: string; aliases?: string[]; use: LabelUse }> = [];
  for (const format of formats) {
    const layout = tableLayout(format, table);
    const def = FORMATS[format].tables[table];
    for (const cell of layout.cells) {
      if (cell.role === 'data' || !cell.text) continue;
      const block = cell.role === 'blockTitle' && def.shape === 'blocks' ? def.blocks.find((b) => b.title === cell.text) : undefined;
      out.push({ official: cell.text, aliases: block?.aliases ?? cell.node?.aliases, use: { format, table, cell } });
    }
  }
  return out;
}

const tableDicts = new Map<TableId, LabelDict>();
/** Every label of one table, both formats. */
export function tableDict(table: TableId): LabelDict {
  let d = tableDicts.get(table);
  if (!d) {
    d = buildDict(tableEntries(table));
    tableDicts.set(table, d);
  }
  return d;
}

let allDict: LabelDict | null = null;
/** Every label of every table, both formats (for assembling wrapped labels before the table is known). */
export function allTablesDict(): LabelDict {
  allDict ??= buildDict(TABLE_IDS.flatMap((t) => tableEntries(t)));
  return allDict;
}

/** Formats a target label belongs to. */
export function formatsOf(t: LabelTarget): Set<FormatId> {
  return new Set(t.uses.map((u) => u.format).filter((x): x is FormatId => !!x));
}

const SECTION_NUMERALS = '一二三四五六';
let sectionDictCache: LabelDict | null = null;
/** The six section titles, with and without their numeral ("总体情况" — the 高安 copy lost them). */
export function sectionDict(): LabelDict {
  sectionDictCache ??= buildDict(
    SECTION_TITLES.flatMap((title, i) => [
      { official: title, use: { section: i + 1 } },
      { official: title.replace(/^[一二三四五六]、/, ''), use: { section: i + 1 } },
    ]),
  );
  return sectionDictCache;
}

/** The section a heading line opens (1–6), or 0. Accepts the official titles with or without their
 *  numeral, typos within the budget, and a numbered title that contains the official wording
 *  ("五、政府信息公开工作存在的主要问题及改进情况"). */
export function sectionOfHeading(line: string): number {
  const n = normLabel(line).replace(/[:。.]$/, '');
  if (!n || n.length > 40) return 0;
  const m = matchLabel(n, sectionDict());
  if (m) return m.target.uses[0].section ?? 0;
  const numeral = /^([一二三四五六])、/.exec(n);
  if (!numeral) return 0;
  // section 一 under another name agencies give it ("一、工作基本情况", "一、2019年政府信息公开工作的总体情况")
  if (numeral[1] === '一' && n.length <= 24 && /(?:总体|基本|工作|整体)情况|概述|概况$/.test(n)) return 1;
  const k = SECTION_NUMERALS.indexOf(numeral[1]) + 1;
  const core = normLabel(SECTION_TITLES[k - 1].replace(/^[一二三四五六]、/, ''));
  return n.includes(core) ? k : 0;
}
