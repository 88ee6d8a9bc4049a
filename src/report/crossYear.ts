/**
 * Checks across years (X-CARRY, X-INFORCE, X-PREV), declared as relations over this year's cells and
 * last year's (keys prefixed `last:`), evaluated by the same relation evaluator as the table rules.
 * X-YOY (percentages in the text) lives with the narrative checks.
 */
import type { ValueSource } from './check';
import { tableLayout } from './layout';
import { parseCell, type Parsed } from './parse';
import { relationFinding, type Relation, type RelationRule } from './rules';
import { cellKey, type CellKey, type Finding, type FormatId, type LastYearKey } from './types';
import { agencyName, sameAgency } from './agency';

export const LAST = 'last:';

type Term = CellKey | LastYearKey;
const isLast = (k: Term): k is LastYearKey => k.startsWith(LAST);

export interface YearInput {
  format: FormatId;
  year: number;
  get: ValueSource;
  /** The agency the report is of, when known. */
  agency?: string;
}

interface Whose {
  year: number;
  agency?: string;
}

/** Why `last` cannot stand for the year before `now` (another year, or another agency), or null when it can. */
export function lastYearMismatch(now: Whose, last: Whose): string | null {
  const yearOk = last.year === now.year - 1;
  const agencyOk = sameAgency(now.agency, last.agency);
  if (yearOk && agencyOk) return null;
  const of = (w: Whose): string => `${agencyName(w.agency) ?? ''}${w.year}年`;
  return `上年报告是${of(last)}的，而本报告是${of(now)}的，应为${agencyName(now.agency) ?? ''}${now.year - 1}年的报告`;
}

/** Last year's report when it really is the year before `now`, of the same agency; else undefined. */
export function usableLastYear<T extends Whose>(last: T | null | undefined, now: Whose): T | undefined {
  return last && !lastYearMismatch(now, last) ? last : undefined;
}

interface CrossRule {
  id: string;
  severity: 'error' | 'warning';
  /** Formats of this year and last year the rule applies to. */
  now: FormatId;
  last: FormatId;
  table: 'active' | 'applications';
  /** Rows (per 'row') or columns (per 'column') it runs along. */
  along: (now: FormatId) => string[];
  per: 'row' | 'column';
  lhs: string[];
  rhs: string[];
  lhsName: string;
  rhsName: (lastYear: number) => string;
  note?: string;
  wording: string;
}

export const CROSS_RULES: CrossRule[] = (['2019', '2021'] as FormatId[])
  .map((last): CrossRule => ({
    id: 'X-CARRY',
    severity: 'error',
    now: '2021',
    last,
    table: 'applications',
    per: 'column',
    along: (f) => tableLayout(f, 'applications').colKeys,
    lhs: ['carried_over'],
    rhs: [`${LAST}carried_forward`],
    lhsName: '本年“二、上年结转”',
    rhsName: (y) => `${y}年报告“四、结转下年度继续办理”`,
    wording: '本年“二、上年结转政府信息公开申请数量”等于上年报告“四、结转下年度继续办理”，每一列都适用。',
  }))
  .flatMap((r): CrossRule[] => [r, { ...r, now: '2019' }])
  .concat([
    {
      id: 'X-INFORCE',
      severity: 'warning',
      now: '2021',
      last: '2021',
      table: 'active',
      per: 'row',
      along: () => ['rules', 'normative_docs'],
      lhs: ['in_force', 'repealed'],
      rhs: [`${LAST}in_force`, 'issued'],
      lhsName: '现行有效件数＋本年废止件数',
      rhsName: (y) => `${y}年现行有效件数＋本年制发件数`,
      note: '（修订、到期失效等也会造成差异，如属此类请在报告中说明）',
      wording: '现行有效件数＝上年现行有效件数＋本年制发件数－本年废止件数（修订、到期失效可使其合理地不相等）。',
    },
    {
      id: 'X-PREV',
      severity: 'warning',
      now: '2019',
      last: '2019',
      table: 'active',
      per: 'row',
      along: () => ['licensing', 'other_services', 'penalty', 'enforcement', 'fees'],
      lhs: ['prev_items'],
      rhs: [`${LAST}prev_items`, `${LAST}change`],
      lhsName: '本年“上一年项目数量”',
      rhsName: (y) => `${y}年报告的上一年项目数量＋本年增/减`,
      wording: '2019年格式：本年“上一年项目数量”等于上年报告的“上一年项目数量”加“本年增/减”。',
    },
  ]);

/** Cross-year findings; `cells` name this year's cells only. */
export function checkAcrossYears(now: YearInput, last: YearInput): Finding[] {
  const parsed = new Map<Term, Parsed>();
  const read = (key: Term): Parsed | undefined => {
    if (parsed.has(key)) return parsed.get(key);
    const raw = isLast(key) ? last.get(key.slice(LAST.length) as CellKey) : now.get(key);
    const p = raw === undefined ? undefined : parseCell(raw);
    if (p) parsed.set(key, p);
    return p;
  };
  const out: Finding[] = [];
  const mismatch = lastYearMismatch(now, last);
  if (mismatch) {
    // another year's or another agency's figures say nothing about this report: compared, they only mislead
    return [
      {
        rule: 'X-CARRY',
        severity: 'warning',
        cells: [],
        message: `${mismatch}，未做跨年度核对（上年结转、现行有效件数等）`,
        expected: now.year - 1,
        actual: last.year,
      },
    ];
  }
  for (const rule of CROSS_RULES) {
    if (rule.now !== now.format || rule.last !== last.format) continue;
    const layout = tableLayout(now.format, rule.table);
    for (const along of rule.along(now.format)) {
      const key = (k: string): Term => {
        const bare = k.startsWith(LAST) ? k.slice(LAST.length) : k;
        const cell = rule.per === 'row' ? cellKey(rule.table, along, bare) : cellKey(rule.table, bare, along);
        return bare === k ? cell : `${LAST}${cell}`;
      };
      const lhs = rule.lhs.map(key);
      const rhs = rule.rhs.map(key);
      const all = [...lhs, ...rhs];
      if (all.some((k) => read(k) === undefined)) continue;
      const sample = layout.byKey.get(all.find((k): k is CellKey => !isLast(k)) as CellKey);
      const asRule: RelationRule = {
        id: rule.id,
        severity: rule.severity,
        table: rule.table,
        per: rule.per,
        lhs: { keys: [] },
        rhs: { keys: [] },
        expected: 'rhs',
        wording: rule.wording,
      };
      const rel: Relation<Term> = {
        rule: asRule,
        along,
        alongName: rule.per === 'column' ? `${sample?.colName}列` : `${sample?.rowName}`,
        lhs,
        rhs,
        lhsName: rule.lhsName,
        rhsName: rule.rhsName(last.year),
      };
      const f = relationFinding(rel, parsed);
      if (!f) continue;
      out.push({ ...f, cells: f.cells.filter((k): k is CellKey => !isLast(k)), message: `${f.message}${rule.note ?? ''}` });
    }
  }
  return out;
}
