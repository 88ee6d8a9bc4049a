/**
 * The summary paragraphs written from the numbers. Deterministic, no language model: every number in
 * the text is a segment carrying the cell keys it comes from. When a table fails an error-level check,
 * the paragraphs that rest on it are replaced by a notice saying so.
 */
import { checkValues, type ValueSource } from './check';
import { fmtNum, parseCell } from './parse';
import { quantities, share, valueOf, type Quantity } from './facts';
import { tableLayout } from './layout';
import { SECTION_TITLES, bareLabel, columnNode, rowNode } from './formats';
import { cellKey, type CellKey, type Finding, type FormatId, type Report, type TableId } from './types';
import { reportSource } from './check';
import { usableLastYear } from './crossYear';

export interface Segment {
  text: string;
  /** Set on numbers: the cells the number is computed from. */
  cells?: CellKey[];
}

export interface Paragraph {
  section: number;
  /** The heading of the section it belongs under (一、总体情况 …). */
  title: string;
  /** The sub-heading inside the section, when it has one: （二）依申请公开情况 in section 一. */
  part?: string;
  text: string;
  cells: CellKey[];
  segments: Segment[];
  /** A notice instead of prose: the tables it rests on have errors. */
  blocked?: boolean;
}

export interface NarrativeOptions {
  /** Who speaks: 本机关 (default), 全市, 本单位… */
  who?: string;
  /** Shares of the handled total, one decimal place (default true). */
  shares?: boolean;
  /** 自然人 vs 法人或其他组织 (default true). */
  applicantSplit?: boolean;
  /** The main withholding / not-provided reasons by name (default true). */
  reasons?: boolean;
  /** Last year's values, for 同比 changes (used only when it is the year before, of the same agency). */
  lastYear?: { format: FormatId; year: number; get: ValueSource; agency?: string };
  /** 信息处理费 collected, in 元: a number, or null when none was collected; omitted: no section 六 paragraph. */
  fee?: number | null;
}

export interface NarrativeInput {
  format: FormatId;
  year: number;
  get: ValueSource;
  /** The agency the tables are of, when known (last year's report must be of the same). */
  agency?: string;
}

/** Builds a paragraph from text and number segments. */
class Writer {
  readonly segments: Segment[] = [];
  t(text: string): this {
    if (text) this.segments.push({ text });
    return this;
  }
  n(value: number, cells: CellKey[]): this {
    this.segments.push({ text: fmtNum(value), cells });
    return this;
  }
  done(section: number, title: string, blocked = false): Paragraph {
    const cells = [...new Set(this.segments.flatMap((s) => s.cells ?? []))];
    const part = PARTS[section];
    return {
      section,
      title,
      ...(part ? { part } : {}),
      text: this.segments.map((s) => s.text).join(''),
      cells,
      segments: this.segments,
      ...(blocked ? { blocked } : {}),
    };
  }
}

const TITLES: Record<number, string> = {
  1: SECTION_TITLES[0],
  2: SECTION_TITLES[1],
  3: SECTION_TITLES[2],
  4: SECTION_TITLES[3],
  6: SECTION_TITLES[5],
};
/** Sub-headings: section 一's paragraph is its part （二）. */
const PARTS: Record<number, string> = { 1: '（二）依申请公开情况' };

export function generateNarrative(input: NarrativeInput, options: NarrativeOptions = {}): Paragraph[] {
  const { format, year, get } = input;
  const who = options.who?.trim() || '本机关';
  const Q = quantities(format);
  // every cell the text is written from is recorded, so that a paragraph resting on an empty cell is not written
  const reads = new Set<CellKey>();
  const tracked: ValueSource = (k) => {
    reads.add(k);
    return get(k);
  };
  const v = (q: Quantity): number => valueOf(tracked, q.cells) ?? 0;
  const lastYear = usableLastYear(options.lastYear, input);
  const lastGet = lastYear ? lastYear.get : null;
  const lastQ = lastYear ? quantities(lastYear.format) : null;
  /** What stops a paragraph before it is written: errors, or a table not filled in yet (its one table-level BLANK). */
  const errorsOf = (table: TableId): Finding[] => {
    const found = checkValues(format, get, [table]);
    const errors = found.filter((f) => f.severity === 'error');
    return errors.length ? errors : found.filter((f) => f.rule === 'BLANK' && f.untouched);
  };
  /** After it is written: the empty cells it was written from (they would be stated as facts: "未收取" from an
   *  empty cell). A "/" or "无" typed is the clerk saying none, read as 0 as the format has it. */
  const emptyRead = (): Finding[] => {
    const empty = [...reads].filter((k) => {
      const raw = get(k);
      return raw !== undefined && parseCell(raw).status === 'blank';
    });
    reads.clear();
    return empty.length ? [{ rule: 'BLANK', severity: 'warning', cells: empty, message: '' }] : [];
  };
  const blockedNotice = (section: number, table: TableId, errors: Finding[]): Paragraph => {
    const layout = tableLayout(format, table);
    const name = layout.name;
    const blanks = errors.every((e) => e.rule === 'BLANK');
    const named = errors[0].cells.slice(0, 3).map((k) => {
      const c = layout.byKey.get(k);
      return c ? `${c.rowName} · ${c.colName}` : k;
    });
    const w = new Writer().t(
      blanks && errors[0].untouched
        ? `${name}尚未填写，暂不生成本段。请先填写表格（没有数据的填0），再重新生成。`
        : blanks
          ? `${name}还有 ${errors[0].cells.length} 个单元格未填写（${named.join('、')}${errors[0].cells.length > 3 ? '等' : ''}），为避免写出表格中没有的数字，暂不生成本段。请先填写（没有数据的填0），再重新生成。`
          : `${name}有 ${errors.length} 处错误（如：${errors[0].message}），为避免文字与表格矛盾，暂不生成本段。请先在表格中更正，再重新生成。`,
    );
    const p = w.done(section, TITLES[section], true);
    return { ...p, cells: [...new Set(errors.flatMap((e) => e.cells))] };
  };
  const yoy = (w: Writer, id: string): void => {
    if (!lastGet || !lastQ?.[id]) return;
    const before = valueOf(lastGet, lastQ[id].cells);
    const now = v(Q[id]);
    if (before === null || before === 0) return;
    const pct = Math.round(((now - before) / before) * 1000) / 10;
    if (pct === 0) w.t('，与上年持平');
    else w.t(`，同比${pct > 0 ? '增长' : '下降'}${fmtNum(Math.abs(pct))}%`);
  };

  const out: Paragraph[] = [];
  const appErrors = errorsOf('applications');
  const reviewErrors = errorsOf('reviews');
  const activeErrors = errorsOf('active');

  // ---- 一（二）依申请公开情况 and 三: applications
  if (appErrors.length) {
    out.push(blockedNotice(1, 'applications', appErrors), blockedNotice(3, 'applications', appErrors));
  } else {
    reads.clear();
    const n = v(Q.new);
    const co = v(Q.carried_over);
    const handled = v(Q.handled);
    const cf = v(Q.carried_forward);
    const w1 = new Writer();
    if (n === 0 && co === 0) {
      w1.t(`${year}年，${who}未收到政府信息公开申请，也没有上年结转的申请。`);
    } else {
      w1.t(`${year}年，${who}`);
      if (n > 0) {
        w1.t('共收到政府信息公开申请').n(n, Q.new.cells).t('件');
        yoy(w1, 'new');
      } else w1.t('本年未收到新的政府信息公开申请');
      if (co > 0) w1.t('，上年结转').n(co, Q.carried_over.cells).t('件');
      w1.t(handled > 0 ? '；办结' : '；本年没有办结的申请');
      if (handled > 0) w1.t('').n(handled, Q.handled.cells).t('件');
      if (cf > 0) w1.t('，结转下年度继续办理').n(cf, Q.carried_forward.cells).t('件');
      w1.t('。');
      if (options.applicantSplit !== false && n > 0) {
        const nat = v(Q.natural);
        const org = v(Q.organisations);
        if (org === 0) w1.t('新收申请均由自然人提出。');
        else if (nat === 0) w1.t('新收申请均由法人或其他组织提出。');
        else w1.t('从申请人看，自然人提出').n(nat, Q.natural.cells).t('件，法人或其他组织提出').n(org, Q.organisations.cells).t('件。');
      }
    }
    const p1 = w1.done(1, TITLES[1]);

    const w3 = new Writer();
    if (handled === 0) {
      w3.t(
        n + co === 0
          ? `${year}年，${who}没有需要办理的政府信息公开申请。`
          : `${year}年，${who}收到的申请均尚在办理中，结转下年度继续办理。`,
      );
    } else {
      w3.t(`${year}年，${who}办结政府信息公开申请`).n(handled, Q.handled.cells).t('件');
      const cats = ['granted', 'partial', 'withheld', 'unable', 'not_processed', 'other']
        .map((id) => ({ q: Q[id], value: v(Q[id]) }))
        .filter((c) => c.value > 0);
      if (cats.length === 1) {
        w3.t(/^(予以|不予|无法)/.test(cats[0].q.label) ? `，均${cats[0].q.label}` : `，均为${cats[0].q.label}`);
      } else {
        w3.t('。其中，');
        cats.forEach((c, i) => {
          if (i) w3.t('，');
          w3.t(c.q.label).n(c.value, c.q.cells).t('件');
          if (options.shares !== false)
            w3.t('（占')
              .n(share(c.value, handled), [...c.q.cells, ...Q.handled.cells])
              .t('%）');
        });
      }
      w3.t('。');
      if (options.reasons !== false) {
        const layout = tableLayout(format, 'applications');
        const reasons = ['withheld', 'unable', 'not_processed']
          .flatMap((prefix) => layout.rowKeys.filter((r) => r.startsWith(`${prefix}_`)))
          .map((r) => {
            const key = cellKey('applications', r, 'total');
            return { key, value: valueOf(tracked, [key]) ?? 0, label: bareLabel(layout.byKey.get(key)?.rowName ?? r) };
          })
          .filter((x) => x.value > 0)
          .sort((a, b) => b.value - a.value)
          .slice(0, 3);
        if (reasons.length) {
          w3.t('未予公开或未能提供信息的主要情形是：');
          reasons.forEach((x, i) => {
            if (i) w3.t('；');
            w3.t(x.label.includes('“') ? x.label : `“${x.label}”`)
              .n(x.value, [x.key])
              .t('件');
          });
          w3.t('。');
        }
      }
      if (cf > 0) w3.t('另有').n(cf, Q.carried_forward.cells).t('件申请结转下年度继续办理。');
    }
    const p3 = w3.done(3, TITLES[3]);
    const empty = emptyRead();
    out.push(...(empty.length ? [blockedNotice(1, 'applications', empty), blockedNotice(3, 'applications', empty)] : [p1, p3]));
  }

  // ---- 二: active disclosure
  if (activeErrors.length) out.push(blockedNotice(2, 'active', activeErrors));
  else {
    reads.clear();
    const p2 = activeParagraph(format, year, who, tracked);
    const empty = emptyRead();
    out.push(empty.length ? blockedNotice(2, 'active', empty) : p2);
  }

  // ---- 四: reviews and lawsuits
  if (reviewErrors.length) out.push(blockedNotice(4, 'reviews', reviewErrors));
  else {
    reads.clear();
    const w4 = new Writer();
    const rt = v(Q.review);
    const lt = v(Q.litigation);
    if (rt === 0 && lt === 0) {
      w4.t(`${year}年，${who}未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。`);
    } else {
      w4.t(`${year}年，`);
      const outcomes = (prefix: 'review' | 'litigation', total: number): void => {
        const parts = ['upheld', 'corrected', 'other', 'pending']
          .map((k) => ({ k, q: Q[`${prefix}_${k}`], label: columnNode(format, 'reviews', k).label, value: v(Q[`${prefix}_${k}`]) }))
          .filter((p) => p.value > 0);
        if (parts.length === 1 && parts[0].k === 'upheld') w4.t('，均获维持');
        else if (parts.length === 1 && parts[0].k === 'pending') w4.t('，均尚未审结');
        else if (parts.length) {
          w4.t('，其中');
          parts.forEach((p, i) => {
            if (i) w4.t('、');
            w4.t(p.label).n(p.value, p.q.cells).t('件');
          });
        }
        void total;
      };
      if (rt > 0) {
        w4.t(`${who}因政府信息公开被申请行政复议`).n(rt, Q.review.cells).t('件');
        yoy(w4, 'review');
        outcomes('review', rt);
      } else w4.t(`${who}未发生因政府信息公开被申请行政复议的情况`);
      w4.t('；');
      if (lt > 0) {
        const d = v(Q.litigation_direct);
        const a = v(Q.litigation_after_review);
        w4.t('被提起行政诉讼').n(lt, Q.litigation.cells).t('件');
        if (d > 0 && a > 0)
          w4.t('（未经复议直接起诉').n(d, Q.litigation_direct.cells).t('件，复议后起诉').n(a, Q.litigation_after_review.cells).t('件）');
        else w4.t(d > 0 ? '（均为未经复议直接起诉）' : '（均为复议后起诉）');
        outcomes('litigation', lt);
      } else w4.t('未发生因政府信息公开被提起行政诉讼的情况');
      w4.t('。');
      const corrected = v(Q.review_corrected) + v(Q.litigation_corrected);
      const pending = v(Q.review_pending) + v(Q.litigation_pending);
      if (corrected === 0 && pending === 0) w4.t('已审结的案件均未被纠错。');
    }
    const empty = emptyRead();
    out.push(empty.length ? blockedNotice(4, 'reviews', empty) : w4.done(4, TITLES[4]));
  }

  // ---- 六: 信息处理费
  if (options.fee !== undefined) {
    const w6 = new Writer();
    if (options.fee === null || options.fee === 0) w6.t(`${year}年，${who}未收取政府信息公开信息处理费。`);
    else w6.t(`${year}年，${who}依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费${fmtNum(options.fee)}元。`);
    out.push(w6.done(6, TITLES[6]));
  }
  return out.sort((a, b) => a.section - b.section);
}

function activeParagraph(format: FormatId, year: number, who: string, get: ValueSource): Paragraph {
  const w = new Writer();
  const key = (row: string, c: string): CellKey => cellKey('active', row, c);
  const val = (k: CellKey): number => valueOf(get, [k]) ?? 0;
  const labelOf = (row: string): string => rowNode(format, 'active', row).label;
  w.t(`${year}年，${who}`);
  const docs = ['rules', 'normative_docs'].map((row) => [row, labelOf(row)]);
  const clauses: Array<() => void> = [];
  for (const [row, name] of docs) {
    const cols = format === '2021' ? ['issued', 'repealed', 'in_force'] : ['made', 'published', 'public_total'];
    const [a, b, total] = cols.map((c) => val(key(row, c)));
    const [verbA, verbB] = format === '2021' ? ['制发', '废止'] : ['新制作', '新公开'];
    clauses.push(() => {
      if (a + b === 0) w.t(`未${verbA}、${verbB}${name}`);
      else {
        if (a)
          w.t(`${verbA}${name}`)
            .n(a, [key(row, cols[0])])
            .t('件');
        if (b)
          w.t(a ? `、${verbB}` : `${verbB}${name}`)
            .n(b, [key(row, cols[1])])
            .t('件');
      }
      const totalWords = format === '2021' ? [`现行有效${name}`, `无现行有效的${name}`] : [`对外公开${name}总数`, `无对外公开的${name}`];
      if (total)
        w.t(`，${totalWords[0]}`)
          .n(total, [key(row, cols[2])])
          .t('件');
      else w.t(`，${totalWords[1]}`);
    });
  }
  clauses.forEach((c, i) => {
    if (i) w.t('；');
    c();
  });
  w.t('。');
  // every row of a 处理决定数量 column, in the table's order (2019 adds 其他对外管理服务事项)
  const made = tableLayout(format, 'active')
    .data.filter((c) => c.colKey === 'decisions')
    .map((c) => ({ name: labelOf(c.rowKey as string), k: c.key as CellKey, value: val(c.key as CellKey) }))
    .filter((d) => d.value > 0);
  if (made.length) {
    w.t('全年作出');
    made.forEach((d, i) => {
      if (i) w.t('、');
      w.t(`${d.name}决定`).n(d.value, [d.k]).t('件');
    });
    w.t('。');
  }
  if (format === '2021') {
    const fee = val(key('fees', 'amount'));
    if (fee > 0)
      w.t(`${labelOf('fees')}金额`)
        .n(fee, [key('fees', 'amount')])
        .t('万元。');
    else w.t(`本年未收取${labelOf('fees')}。`);
  } else {
    const projects = val(key('procurement', 'projects'));
    if (projects > 0)
      w.t(`${labelOf('procurement')}项目`)
        .n(projects, [key('procurement', 'projects')])
        .t('个。');
  }
  return w.done(2, TITLES[2]);
}

/** Narrative of a report (JSON). */
export function narrativeOf(report: Report, options: NarrativeOptions = {}): Paragraph[] {
  return generateNarrative({ format: report.format, year: report.year, get: reportSource(report), agency: report.agency }, options);
}
