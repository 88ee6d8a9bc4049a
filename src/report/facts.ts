/**
 * Named quantities of a report — a cell or a sum of cells — shared by the narrative generator and the
 * narrative checks, so that what the text says and what the checks verify are the same numbers.
 */
import { bareLabel, labelPath, nameOf } from './formats';
import { tableLayout } from './layout';
import { parseCell } from './parse';
import { totalFormulas } from './rules';
import type { ValueSource } from './check';
import { cellKey, type CellKey, type FormatId } from './types';

export interface Quantity {
  id: string;
  /** Words used in prose. */
  label: string;
  cells: CellKey[];
}

const rowsOf = (format: FormatId, prefix: string): string[] =>
  tableLayout(format, 'applications').rowKeys.filter((r) => r === prefix || r.startsWith(`${prefix}_`));

const col = (row: string, c = 'total'): CellKey => cellKey('applications', row, c);

/** The official label of a row of table 2 (or of the group a numbered row belongs to) without its numbering:
 *  予以公开, 部分公开, 不予公开 (the group over withheld_1…), 其他处理 (a row in 2019, a group in 2021). */
function resultLabel(format: FormatId, prefix: string): string {
  const row = rowsOf(format, prefix)[0];
  const path = labelPath(format, 'applications', 'row', row);
  return bareLabel(nameOf(path[path.length - (row === prefix ? 1 : 2)]));
}

/** The quantities of tables 2 and 3 that prose talks about, by id. */
export function quantities(format: FormatId): Record<string, Quantity> {
  const q = (id: string, label: string, cells: CellKey[]): [string, Quantity] => [id, { id, label, cells }];
  const litigation = (c: string): CellKey[] => [
    cellKey('reviews', 'litigation_direct', c),
    cellKey('reviews', 'litigation_after_review', c),
  ];
  const review = (c: string): CellKey[] => [cellKey('reviews', 'review', c)];
  const applicant = labelPath(format, 'applications', 'column', 'natural');
  const organisation = labelPath(format, 'applications', 'column', 'business');
  const reviewName = labelPath(format, 'reviews', 'row', 'review')[0].label;
  const litigationName = labelPath(format, 'reviews', 'row', 'litigation_direct')[0].label;
  const group = (row: string): string => labelPath(format, 'reviews', 'row', row).slice(-1)[0].label;
  const outcome = (c: string): string => labelPath(format, 'reviews', 'column', c).slice(-1)[0].label;
  const result = (id: string): [string, Quantity] =>
    q(
      id,
      resultLabel(format, id),
      rowsOf(format, id).map((r) => col(r)),
    );
  return Object.fromEntries([
    q('new', '新收政府信息公开申请', [col('new')]),
    q('carried_over', '上年结转', [col('carried_over')]),
    q('intake', '共收办', [col('new'), col('carried_over')]),
    q('handled', '办结', [col('total')]),
    q('carried_forward', '结转下年度继续办理', [col('carried_forward')]),
    q('natural', applicant[applicant.length - 1].label, [col('new', 'natural')]),
    q(
      'organisations',
      organisation[organisation.length - 2].label,
      ['business', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => col('new', c)),
    ),
    result('granted'),
    result('partial'),
    q('granted_partial', `${resultLabel(format, 'granted')}及${resultLabel(format, 'partial')}`, [col('granted'), col('partial')]),
    result('withheld'),
    result('unable'),
    result('not_processed'),
    result('other'),
    q('review', reviewName, review('total')),
    ...['upheld', 'corrected', 'other', 'pending'].map((c) => q(`review_${c}`, `${reviewName}${outcome(c)}`, review(c))),
    q('litigation', litigationName, litigation('total')),
    q('litigation_direct', group('litigation_direct'), [cellKey('reviews', 'litigation_direct', 'total')]),
    q('litigation_after_review', group('litigation_after_review'), [cellKey('reviews', 'litigation_after_review', 'total')]),
    ...['upheld', 'corrected', 'other', 'pending'].map((c) => q(`litigation_${c}`, `${litigationName}${outcome(c)}`, litigation(c))),
  ]);
}

/** Σ of a quantity's cells; null when a cell holds no usable number. Blanks count 0. */
export function valueOf(get: ValueSource, cells: CellKey[]): number | null {
  let s = 0;
  for (const k of cells) {
    const v = parseCell(get(k) ?? null).value;
    if (v === null) return null;
    s += v;
  }
  return s;
}

/** A share in percent, rounded half up to `digits` decimals (computed so that 43/2000 gives 2.2, not 2.1). */
export function share(value: number, total: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round((value * 100 * scale) / total + 1e-9) / scale;
}

/**
 * A quantity as the checks of prose read it: null when one of its cells was not read at all (an
 * imported report that lost a row, a page cut short) or holds no usable number — prose is compared only
 * with cells that were actually read. A 总计 left blank stands for the sum of its parts when they were
 * read (the agency wrote the parts and left the total empty); other blanks count 0.
 */
export function readQuantity(get: ValueSource, format: FormatId): (cells: CellKey[]) => number | null {
  const totals = totalFormulas(format);
  const one = (k: CellKey, depth: number): number | null => {
    const raw = get(k);
    if (raw === undefined) return null;
    const p = parseCell(raw);
    if (p.status === 'blank' && depth < 2) {
      const parts = totals.get(k);
      if (parts) {
        let s = 0;
        for (const part of parts) {
          const v = one(part, depth + 1);
          if (v === null) return null;
          s += v;
        }
        return s;
      }
    }
    return p.value;
  };
  return (cells) => {
    let s = 0;
    for (const k of cells) {
      const v = one(k, 0);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
}
