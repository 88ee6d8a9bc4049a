/**
 * The reconciliation rules (勾稽关系) declared as data: each says which cells must add up to which,
 * for every column or every row of a table. One evaluator (check.ts) checks them, the insertion plan
 * turns the sums into 总计 formulas and the equations into conditional formats — same declarations.
 * Rule ids are public (spec rules.md).
 */
import { tableLayout, type TableLayout } from './layout';
import { cellKey, type CellKey, type Finding, type FormatId, type RuleDoc, type Severity, type TableId } from './types';
import { fmtNum, type Parsed } from './parse';

/** Keys along one axis: listed, or every key from `from` up to (not including) `before`. */
export type Selector = { keys: string[] } | { from: string; before: string };

export interface RelationRule {
  id: string;
  severity: Severity;
  table: TableId;
  /** 'column': for every column key, relate row keys; 'row': for every row key, relate column keys. */
  per: 'column' | 'row';
  /** Only these rows/columns (default: every one of the table). */
  only?: string[];
  /** Σlhs must equal Σrhs. A one-cell lhs is a total; its formula is SUM(rhs) when `formula` is set. */
  lhs: Selector;
  rhs: Selector;
  formula?: boolean;
  /** '=' (default) or '<=' (Σlhs must not exceed Σrhs). */
  op?: '=' | '<=';
  /** Which side is the expected value in findings (default: rhs for totals, i.e. the parts). */
  expected?: 'lhs' | 'rhs';
  /** Names for the two sides in messages (default: the official names of the side's rows or columns joined with ＋). */
  lhsName?: string;
  rhsName?: string;
  /** The official wording, shown in the help panel. */
  wording: string;
}

export const RELATION_RULES: readonly RelationRule[] = [
  {
    id: 'T2-ROWSUM',
    severity: 'error',
    table: 'applications',
    per: 'row',
    lhs: { keys: ['total'] },
    rhs: { from: 'natural', before: 'total' },
    formula: true,
    lhsName: '总计',
    rhsName: '自然人与各类法人或其他组织之和',
    wording: '每一行的总计等于自然人与法人或其他组织各列之和。',
  },
  {
    id: 'T2-RESULTS',
    severity: 'error',
    table: 'applications',
    per: 'column',
    lhs: { keys: ['total'] },
    rhs: { from: 'granted', before: 'total' },
    formula: true,
    lhsName: '三（七）总计',
    rhsName: '（一）至（六）各项之和',
    wording: '三、本年度办理结果中，（七）总计等于（一）至（六）各项之和。',
  },
  {
    id: 'T2-BALANCE',
    severity: 'error',
    table: 'applications',
    per: 'column',
    lhs: { keys: ['new', 'carried_over'] },
    rhs: { keys: ['total', 'carried_forward'] },
    lhsName: '一＋二',
    rhsName: '三（七）总计＋四',
    expected: 'lhs',
    wording: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和（每一列都适用）。',
  },
  {
    id: 'T3-SUM',
    severity: 'error',
    table: 'reviews',
    per: 'row',
    lhs: { keys: ['total'] },
    rhs: { keys: ['upheld', 'corrected', 'other', 'pending'] },
    formula: true,
    lhsName: '总计',
    wording: '行政复议、未经复议直接起诉、复议后起诉各自的总计等于结果维持、结果纠正、其他结果、尚未审结之和。',
  },
  {
    id: 'T1-PUBLISHED',
    severity: 'warning',
    table: 'active',
    per: 'row',
    only: ['rules', 'normative_docs'],
    op: '<=',
    lhs: { keys: ['published'] },
    rhs: { keys: ['public_total'] },
    wording: '2019年格式：本年新公开数量不应大于对外公开总数量。',
  },
];

/**
 * How far the two sides of a sum may differ and still hold: 0.000001, absolute. The relations add whole counts, so a
 * real difference is at least 1; the margin only absorbs binary rounding when decimals are added (amounts in 万元).
 * The checker, the insertion plan (keeping a report's own 总计) and the conditional formats that colour a broken sum
 * in Excel (written into their formulas as this number) all use this one value, so the sheet and 校验 agree.
 */
export const SUM_TOLERANCE = 0.000001;

/** Whether Σlhs = Σrhs (or Σlhs ≤ Σrhs) holds within SUM_TOLERANCE. */
export function sumHolds(lhs: number, rhs: number, op: '=' | '<=' = '='): boolean {
  return op === '=' ? Math.abs(lhs - rhs) <= SUM_TOLERANCE : lhs - rhs <= SUM_TOLERANCE;
}

/** One concrete equation: Σlhs = Σrhs over cell keys (the cross-year checks also name last year's cells). */
export interface Relation<K extends string = CellKey> {
  rule: RelationRule;
  /** The row (per 'row') or column (per 'column') it is about. */
  along: string;
  alongName: string;
  lhs: K[];
  rhs: K[];
  /** The two sides as messages name them. */
  lhsName: string;
  rhsName: string;
}

function select(sel: Selector, all: string[]): string[] {
  if ('keys' in sel) return sel.keys.filter((k) => all.includes(k));
  const a = all.indexOf(sel.from);
  const b = all.indexOf(sel.before);
  return a < 0 || b < 0 ? [] : all.slice(a, b);
}

const cache = new Map<FormatId, Relation[]>();

/** Every relation of a format, expanded from the declarations over its layouts. */
export function relations(format: FormatId): Relation[] {
  const hit = cache.get(format);
  if (hit) return hit;
  const out: Relation[] = [];
  for (const rule of RELATION_RULES) {
    const layout: TableLayout = tableLayout(format, rule.table);
    const alongKeys = rule.per === 'column' ? layout.colKeys : layout.rowKeys;
    const acrossKeys = rule.per === 'column' ? layout.rowKeys : layout.colKeys;
    for (const along of alongKeys) {
      if (rule.only && !rule.only.includes(along)) continue;
      const key = (k: string): CellKey => (rule.per === 'column' ? cellKey(rule.table, k, along) : cellKey(rule.table, along, k));
      const lhs = select(rule.lhs, acrossKeys)
        .map(key)
        .filter((k) => layout.byKey.has(k));
      const rhs = select(rule.rhs, acrossKeys)
        .map(key)
        .filter((k) => layout.byKey.has(k));
      if (lhs.length === 0 || rhs.length === 0) continue;
      const sample = layout.byKey.get(lhs[0]);
      const alongName =
        rule.per === 'column' ? `${sample?.colName}列` : rule.table === 'reviews' ? `${sample?.rowName}` : `${sample?.rowName}行`;
      // a side is named by what varies along it: the columns of a row rule, the rows of a column rule
      const names = (keys: CellKey[]): string =>
        keys.map((k) => (rule.per === 'row' ? layout.byKey.get(k)?.colName : layout.byKey.get(k)?.rowName) ?? k).join('＋');
      out.push({ rule, along, alongName, lhs, rhs, lhsName: rule.lhsName ?? names(lhs), rhsName: rule.rhsName ?? names(rhs) });
    }
  }
  cache.set(format, out);
  return out;
}

/** The 总计 formula of each total cell: the first formula-rule whose lhs is that cell. */
export function totalFormulas(format: FormatId): Map<CellKey, CellKey[]> {
  const m = new Map<CellKey, CellKey[]>();
  for (const rel of relations(format)) {
    if (rel.rule.formula && rel.lhs.length === 1 && !m.has(rel.lhs[0])) m.set(rel.lhs[0], rel.rhs);
  }
  return m;
}

/** Ids and wording of every rule the engine applies, for the help panel and the docs. */
export const CELL_RULES: readonly RuleDoc[] = [
  { id: 'T2-INT', severity: 'error', wording: '表2每个数值都应为大于或等于0的整数（申请件数）。' },
  { id: 'T3-INT', severity: 'error', wording: '表3每个数值都应为大于或等于0的整数（案件数）。' },
  {
    id: 'T1-NUM',
    severity: 'error',
    wording: '表1件数为大于或等于0的整数；收费金额（万元）、采购总金额为大于或等于0的数；2019年格式的“本年增/减”可以为负数。',
  },
  { id: 'T1-UNIT', severity: 'warning', wording: '数字单元格中带有单位或文字（如“251000元”“48件”）：按其中的数字读取并提示。' },
  { id: 'BLANK', severity: 'warning', wording: '空白或填写“/”“-”“—”“无”的单元格：格式要求填写0；需要时按0计算并说明。' },
  { id: 'BLANK-EMPTY', severity: 'error', wording: '已发布报告的统计表全部为空（发布了空白模板）：表格未填写。' },
  {
    id: 'TEXT-NUM',
    severity: 'error/warning',
    wording: '不是数字的单元格为错误；全角数字（“４８”）和千位分隔符（“1,234”）按数字读取并提示。',
  },
  {
    id: 'STRUCTURE',
    severity: 'error/warning',
    wording: '缺少、多出或改名的行列；2021年格式报告中保留2019年格式单一的（六）其他处理行（提示）。',
  },
];

/** The cells a finding marks in a sheet: a broken sum marks its 总计; other relations mark all their cells;
 *  cell findings their cell; structure findings none. Conditional formats (plan.ts) follow the same choice. */
export function cellsToMark(f: { rule: string; cells: CellKey[]; untouched?: boolean }): CellKey[] {
  if (f.rule === 'STRUCTURE') return [];
  if ((f.rule === 'BLANK' && f.untouched) || f.rule === 'BLANK-EMPTY') return []; // a table (or all of them) not filled in: said once, not painted
  const rule = RELATION_RULES.find((r) => r.id === f.rule);
  return rule?.formula ? f.cells.slice(0, 1) : f.cells;
}

/** Evaluate one relation over parsed cells: a finding when it does not hold, null when it holds or a cell is unreadable. */
export function relationFinding<K extends string>(
  rel: Relation<K>,
  parsed: ReadonlyMap<K, Parsed>,
): (Omit<Finding, 'cells'> & { cells: K[] }) | null {
  const sum = (keys: K[]): number | null => {
    let s = 0;
    for (const k of keys) {
      const v = parsed.get(k)?.value;
      if (v === null || v === undefined) return null;
      s += v;
    }
    return s;
  };
  const l = sum(rel.lhs);
  const r = sum(rel.rhs);
  if (l === null || r === null) return null; // an unreadable cell: its own finding explains it
  const op = rel.rule.op ?? '=';
  if (sumHolds(l, r, op)) return null;
  const cells = [...rel.lhs, ...rel.rhs];
  const blanks = cells.some((k) => {
    const s = parsed.get(k)?.status;
    return s === 'blank' || s === 'placeholder';
  });
  const { lhsName, rhsName } = rel;
  const rel_ = op === '=' ? '应等于' : '不应大于';
  const diff = op === '=' ? `，相差${fmtNum(Math.abs(l - r))}` : '';
  const message = `${rel.alongName}：${lhsName}（${fmtNum(l)}）${rel_}${rhsName}（${fmtNum(r)}）${diff}${blanks ? '（其中空白单元格按0计算）' : ''}`;
  const expectLhs = rel.rule.expected === 'lhs';
  return { rule: rel.rule.id, severity: rel.rule.severity, cells, message, expected: expectLhs ? l : r, actual: expectLhs ? r : l };
}
