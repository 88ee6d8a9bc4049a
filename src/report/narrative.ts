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

/** What every paragraph is written from: the tables, who speaks, the options, last year's values, and the cells read
 *  so far (so that a paragraph resting on an empty cell is not written). */
interface Context {
  format: FormatId;
  year: number;
  /** How the paragraphs name the year: 2025年, or 本年度 when the workbook does not say which year (NaN). */
  when: string;
  who: string;
  options: NarrativeOptions;
  /** The values as typed. */
  get: ValueSource;
  /** The same, recording each cell read into `reads`. */
  tracked: ValueSource;
  reads: Set<CellKey>;
  Q: Record<string, Quantity>;
  /** A quantity's value (0 when empty), recorded as read. */
  v: (q: Quantity) => number;
  last: { get: ValueSource; Q: Record<string, Quantity> } | null;
}

/** 2025年; 本年度 when the year is not known (a registration that lost it), never “NaN年”. */
export const yearWords = (year: number): string => (Number.isInteger(year) && year > 0 ? `${year}年` : '本年度');

function contextOf(input: NarrativeInput, options: NarrativeOptions): Context {
  const { format, year, get } = input;
  const reads = new Set<CellKey>();
  const tracked: ValueSource = (k) => {
    reads.add(k);
    return get(k);
  };
  const lastYear = usableLastYear(options.lastYear, input);
  return {
    format,
    year,
    when: yearWords(year),
    who: options.who?.trim() || '本机关',
    options,
    get,
    tracked,
    reads,
    Q: quantities(format),
    v: (q) => valueOf(tracked, q.cells) ?? 0,
    last: lastYear ? { get: lastYear.get, Q: quantities(lastYear.format) } : null,
  };
}

/** What stops a paragraph before it is written: errors, or a table not filled in yet (its one table-level BLANK). */
function errorsOf(ctx: Context, table: TableId): Finding[] {
  const found = checkValues(ctx.format, ctx.get, [table]);
  const errors = found.filter((f) => f.severity === 'error');
  return errors.length ? errors : found.filter((f) => f.rule === 'BLANK' && f.untouched);
}

/** After it is written: the empty cells it was written from (they would be stated as facts: "未收取" from an empty
 *  cell). A "/" or "无" typed is the clerk saying none, read as 0 as the format has it. */
function emptyRead(ctx: Context): Finding[] {
  const empty = [...ctx.reads].filter((k) => {
    const raw = ctx.get(k);
    return raw !== undefined && parseCell(raw).status === 'blank';
  });
  ctx.reads.clear();
  return empty.length ? [{ rule: 'BLANK', severity: 'warning', cells: empty, message: '' }] : [];
}

function blockedNotice(ctx: Context, section: number, table: TableId, errors: Finding[]): Paragraph {
  const layout = tableLayout(ctx.format, table);
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
}

/** The paragraphs of `sections` written from one table, or a notice in place of each when the table has errors or
 *  the paragraphs rest on empty cells. */
function fromTable(ctx: Context, table: TableId, sections: number[], write: () => Paragraph[]): Paragraph[] {
  const errors = errorsOf(ctx, table);
  if (errors.length) return sections.map((s) => blockedNotice(ctx, s, table, errors));
  ctx.reads.clear();
  const written = write();
  const empty = emptyRead(ctx);
  return empty.length ? sections.map((s) => blockedNotice(ctx, s, table, empty)) : written;
}

/** ，同比增长…% against last year's value of the same quantity, when there is one. */
function yoy(ctx: Context, w: Writer, id: string): void {
  if (!ctx.last?.Q[id]) return;
  const before = valueOf(ctx.last.get, ctx.last.Q[id].cells);
  const now = ctx.v(ctx.Q[id]);
  if (before === null || before === 0) return;
  const pct = Math.round(((now - before) / before) * 1000) / 10;
  if (pct === 0) w.t('，与上年持平');
  else w.t(`，同比${pct > 0 ? '增长' : '下降'}${fmtNum(Math.abs(pct))}%`);
}

export function generateNarrative(input: NarrativeInput, options: NarrativeOptions = {}): Paragraph[] {
  const ctx = contextOf(input, options);
  const out: Paragraph[] = [
    ...fromTable(ctx, 'applications', [1, 3], () => [receivedParagraph(ctx), handledParagraph(ctx)]),
    ...fromTable(ctx, 'active', [2], () => [activeParagraph(ctx.format, ctx.when, ctx.who, ctx.tracked)]),
    ...fromTable(ctx, 'reviews', [4], () => [reviewsParagraph(ctx)]),
  ];
  if (options.fee !== undefined) out.push(feeParagraph(ctx, options.fee));
  return out.sort((a, b) => a.section - b.section);
}

/** 一（二）: applications received, carried over, handled, carried forward, and who applied. */
function receivedParagraph(ctx: Context): Paragraph {
  const { Q, v, when, who } = ctx;
  const n = v(Q.new);
  const co = v(Q.carried_over);
  const handled = v(Q.handled);
  const cf = v(Q.carried_forward);
  const w = new Writer();
  if (n === 0 && co === 0) return w.t(`${when}，${who}未收到政府信息公开申请，也没有上年结转的申请。`).done(1, TITLES[1]);
  w.t(`${when}，${who}`);
  if (n > 0) {
    w.t('共收到政府信息公开申请').n(n, Q.new.cells).t('件');
    yoy(ctx, w, 'new');
  } else w.t('本年未收到新的政府信息公开申请');
  if (co > 0) w.t('，上年结转').n(co, Q.carried_over.cells).t('件');
  w.t(handled > 0 ? '；办结' : '；本年没有办结的申请');
  if (handled > 0) w.t('').n(handled, Q.handled.cells).t('件');
  if (cf > 0) w.t('，结转下年度继续办理').n(cf, Q.carried_forward.cells).t('件');
  w.t('。');
  if (ctx.options.applicantSplit !== false && n > 0) {
    const nat = v(Q.natural);
    const org = v(Q.organisations);
    if (org === 0) w.t('新收申请均由自然人提出。');
    else if (nat === 0) w.t('新收申请均由法人或其他组织提出。');
    else w.t('从申请人看，自然人提出').n(nat, Q.natural.cells).t('件，法人或其他组织提出').n(org, Q.organisations.cells).t('件。');
  }
  return w.done(1, TITLES[1]);
}

/** 三: how the handled applications ended, with shares and the main reasons for not disclosing. */
function handledParagraph(ctx: Context): Paragraph {
  const { Q, v, when, who } = ctx;
  const handled = v(Q.handled);
  const w = new Writer();
  if (handled === 0) {
    const pending = v(Q.new) + v(Q.carried_over);
    w.t(pending === 0 ? `${when}，${who}没有需要办理的政府信息公开申请。` : `${when}，${who}收到的申请均尚在办理中，结转下年度继续办理。`);
    return w.done(3, TITLES[3]);
  }
  w.t(`${when}，${who}办结政府信息公开申请`).n(handled, Q.handled.cells).t('件');
  const cats = ['granted', 'partial', 'withheld', 'unable', 'not_processed', 'other']
    .map((id) => ({ q: Q[id], value: v(Q[id]) }))
    .filter((c) => c.value > 0);
  if (cats.length === 1) {
    w.t(/^(予以|不予|无法)/.test(cats[0].q.label) ? `，均${cats[0].q.label}` : `，均为${cats[0].q.label}`);
  } else {
    w.t('。其中，');
    cats.forEach((c, i) => {
      if (i) w.t('，');
      w.t(c.q.label).n(c.value, c.q.cells).t('件');
      if (ctx.options.shares !== false)
        w.t('（占')
          .n(share(c.value, handled), [...c.q.cells, ...Q.handled.cells])
          .t('%）');
    });
  }
  w.t('。');
  if (ctx.options.reasons !== false) reasonsSentence(ctx, w);
  const cf = v(Q.carried_forward);
  if (cf > 0) w.t('另有').n(cf, Q.carried_forward.cells).t('件申请结转下年度继续办理。');
  return w.done(3, TITLES[3]);
}

/** 未予公开或未能提供信息的主要情形是：the three largest reasons, by their row labels. */
function reasonsSentence(ctx: Context, w: Writer): void {
  const layout = tableLayout(ctx.format, 'applications');
  const reasons = ['withheld', 'unable', 'not_processed']
    .flatMap((prefix) => layout.rowKeys.filter((r) => r.startsWith(`${prefix}_`)))
    .map((r) => {
      const key = cellKey('applications', r, 'total');
      return { key, value: valueOf(ctx.tracked, [key]) ?? 0, label: bareLabel(layout.byKey.get(key)?.rowName ?? r) };
    })
    .filter((x) => x.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
  if (!reasons.length) return;
  w.t('未予公开或未能提供信息的主要情形是：');
  reasons.forEach((x, i) => {
    if (i) w.t('；');
    w.t(x.label.includes('“') ? x.label : `“${x.label}”`)
      .n(x.value, [x.key])
      .t('件');
  });
  w.t('。');
}

/** 四: reviews and lawsuits, with their outcomes. */
function reviewsParagraph(ctx: Context): Paragraph {
  const { Q, v, when, who } = ctx;
  const w = new Writer();
  const rt = v(Q.review);
  const lt = v(Q.litigation);
  if (rt === 0 && lt === 0) return w.t(`${when}，${who}未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。`).done(4, TITLES[4]);
  w.t(`${when}，`);
  if (rt > 0) {
    w.t(`${who}因政府信息公开被申请行政复议`).n(rt, Q.review.cells).t('件');
    yoy(ctx, w, 'review');
    outcomes(ctx, w, 'review');
  } else w.t(`${who}未发生因政府信息公开被申请行政复议的情况`);
  w.t('；');
  if (lt > 0) {
    const d = v(Q.litigation_direct);
    const a = v(Q.litigation_after_review);
    w.t('被提起行政诉讼').n(lt, Q.litigation.cells).t('件');
    if (d > 0 && a > 0)
      w.t('（未经复议直接起诉').n(d, Q.litigation_direct.cells).t('件，复议后起诉').n(a, Q.litigation_after_review.cells).t('件）');
    else w.t(d > 0 ? '（均为未经复议直接起诉）' : '（均为复议后起诉）');
    outcomes(ctx, w, 'litigation');
  } else w.t('未发生因政府信息公开被提起行政诉讼的情况');
  w.t('。');
  const corrected = v(Q.review_corrected) + v(Q.litigation_corrected);
  const pending = v(Q.review_pending) + v(Q.litigation_pending);
  if (corrected === 0 && pending === 0) w.t('已审结的案件均未被纠错。');
  return w.done(4, TITLES[4]);
}

/** ，其中结果维持…件、结果纠正…件 (or 均获维持 / 均尚未审结) for reviews or lawsuits. */
function outcomes(ctx: Context, w: Writer, prefix: 'review' | 'litigation'): void {
  const parts = ['upheld', 'corrected', 'other', 'pending']
    .map((k) => ({ k, q: ctx.Q[`${prefix}_${k}`], label: columnNode(ctx.format, 'reviews', k).label }))
    .map((p) => ({ ...p, value: ctx.v(p.q) }))
    .filter((p) => p.value > 0);
  if (parts.length === 1 && parts[0].k === 'upheld') w.t('，均获维持');
  else if (parts.length === 1 && parts[0].k === 'pending') w.t('，均尚未审结');
  else if (parts.length) {
    w.t('，其中');
    parts.forEach((p, i) => {
      if (i) w.t('、');
      w.t(p.label).n(p.value, p.q.cells).t('件');
    });
  }
}

/** 六: 信息处理费 as the clerk gave it (not a table cell). */
function feeParagraph(ctx: Context, fee: number | null): Paragraph {
  const w = new Writer();
  if (fee === null || fee === 0) w.t(`${ctx.when}，${ctx.who}未收取政府信息公开信息处理费。`);
  else w.t(`${ctx.when}，${ctx.who}依据《政府信息公开信息处理费管理办法》收取政府信息公开信息处理费${fmtNum(fee)}元。`);
  return w.done(6, TITLES[6]);
}

function activeParagraph(format: FormatId, when: string, who: string, get: ValueSource): Paragraph {
  const w = new Writer();
  const key = (row: string, c: string): CellKey => cellKey('active', row, c);
  const val = (k: CellKey): number => valueOf(get, [k]) ?? 0;
  const labelOf = (row: string): string => rowNode(format, 'active', row).label;
  w.t(`${when}，${who}`);
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
