/**
 * Named quantities of a report — a cell or a sum of cells — shared by the narrative generator and the
 * narrative checks, so that what the text says and what the checks verify are the same numbers.
 */
import { tableLayout } from './layout';
import { parseCell } from './parse';
import { totalFormulas } from './rules';
import type { ValueSource } from './check';
import type { CellKey, FormatId } from './types';

export interface Quantity {
  id: string;
  /** Words used in prose. */
  label: string;
  cells: CellKey[];
}

const rowsOf = (format: FormatId, prefix: string): string[] =>
  tableLayout(format, 'applications').rowKeys.filter((r) => r === prefix || r.startsWith(`${prefix}_`));

const col = (row: string, c = 'total'): CellKey => `applications.${row}.${c}`;

/** The quantities of tables 2 and 3 that prose talks about, by id. */
export function quantities(format: FormatId): Record<string, Quantity> {
  const q = (id: string, label: string, cells: CellKey[]): [string, Quantity] => [id, { id, label, cells }];
  const litigation = (c: string): CellKey[] => [`reviews.litigation_direct.${c}`, `reviews.litigation_after_review.${c}`];
  return Object.fromEntries([
    q('new', '新收政府信息公开申请', [col('new')]),
    q('carried_over', '上年结转', [col('carried_over')]),
    q('intake', '共收办', [col('new'), col('carried_over')]),
    q('handled', '办结', [col('total')]),
    q('carried_forward', '结转下年度继续办理', [col('carried_forward')]),
    q('natural', '自然人', [col('new', 'natural')]),
    q(
      'organisations',
      '法人或其他组织',
      ['business', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => col('new', c)),
    ),
    q('granted', '予以公开', [col('granted')]),
    q('partial', '部分公开', [col('partial')]),
    q('granted_partial', '予以公开及部分公开', [col('granted'), col('partial')]),
    q(
      'withheld',
      '不予公开',
      rowsOf(format, 'withheld').map((r) => col(r)),
    ),
    q(
      'unable',
      '无法提供',
      rowsOf(format, 'unable').map((r) => col(r)),
    ),
    q(
      'not_processed',
      '不予处理',
      rowsOf(format, 'not_processed').map((r) => col(r)),
    ),
    q(
      'other',
      '其他处理',
      rowsOf(format, 'other').map((r) => col(r)),
    ),
    q('review', '行政复议', ['reviews.review.total']),
    q('review_upheld', '行政复议结果维持', ['reviews.review.upheld']),
    q('review_corrected', '行政复议结果纠正', ['reviews.review.corrected']),
    q('review_other', '行政复议其他结果', ['reviews.review.other']),
    q('review_pending', '行政复议尚未审结', ['reviews.review.pending']),
    q('litigation', '行政诉讼', litigation('total')),
    q('litigation_direct', '未经复议直接起诉', ['reviews.litigation_direct.total']),
    q('litigation_after_review', '复议后起诉', ['reviews.litigation_after_review.total']),
    q('litigation_upheld', '行政诉讼结果维持', litigation('upheld')),
    q('litigation_corrected', '行政诉讼结果纠正', litigation('corrected')),
    q('litigation_other', '行政诉讼其他结果', litigation('other')),
    q('litigation_pending', '行政诉讼尚未审结', litigation('pending')),
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
