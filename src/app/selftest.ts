/**
 * 自检: what an IT person runs once in a real Excel after deploying, written once against the host interface (the
 * preview runs the very same steps on the in-browser workbook in CI). On a scratch sheet it inserts the tables,
 * types a wrong total, checks, expects the finding and the mark, clears the mark, and removes the scratch sheet;
 * each step is reported passed or failed with what Excel said, together with Excel's version, platform and the
 * highest ExcelApi level it supports. The user's own sheets and tables are not touched (the check marks them as
 * 校验 would).
 */
import type { HostEnvironment, Mark, WorkbookHost } from '../host/types';
import { checkTables } from './check';
import { insertTables } from './insert';
import { tableLayout } from '../report/layout';
import { a1 } from '../report/a1';
import type { FormatId } from '../report/types';

export type StepId = 'environment' | 'insert' | 'type' | 'check' | 'clear' | 'remove';
export const STEP_IDS: readonly StepId[] = ['environment', 'insert', 'type', 'check', 'clear', 'remove'];

export interface StepResult {
  id: StepId;
  status: 'passed' | 'failed' | 'not-run';
  /** What happened, in Chinese (Excel's error for a failure). */
  detail: string;
  ms: number;
}

export interface SelfTestReport {
  environment: HostEnvironment;
  steps: StepResult[];
  passed: boolean;
  /** When it ran (ISO). */
  at: string;
}

/** The scratch sheet's name: one that is not taken. */
export function scratchSheetName(existing: string[], base = 'OGI自检'): string {
  if (!existing.includes(base)) return base;
  for (let i = 2; ; i++) if (!existing.includes(`${base}(${i})`)) return `${base}(${i})`;
}

/** What the steps share: the host, the clock, and what the insertion made (for the later steps and the clean-up). */
interface Run {
  host: WorkbookHost;
  environment: HostEnvironment;
  now: () => number;
  sheet: string | null;
  tableNames: string[];
  reviews: { name: string; format: FormatId; total: { r: number; c: number } } | null;
}

/** The step's detail when it passes; it throws (with what went wrong, in Chinese) when it fails. */
type Step = (run: Run) => Promise<string>;

const environmentStep: Step = (run) => {
  const info = run.host.info();
  const env = run.environment;
  if (!info.supported) return Promise.reject(new Error(info.reason ?? `${env.application} 不支持本加载项所需的接口`));
  return Promise.resolve(`${env.application} ${env.version}，平台 ${env.platform}，最高支持 ${env.api}`);
};

const insertStep: Step = async (run) => {
  const name = scratchSheetName(await run.host.sheetNames());
  const year = new Date(run.now()).getFullYear() - 1;
  const out = await insertTables(run.host, { year, agency: '自检', target: { kind: 'newSheet', name } });
  if (!out.ok) throw new Error(out.message);
  run.sheet = out.sheet;
  run.tableNames = out.tables.map((t) => t.name);
  const t = out.tables.find((x) => x.table === 'reviews');
  if (!t) throw new Error('插入的表格中没有表3');
  const cell = tableLayout(t.format, 'reviews').byKey.get('reviews.review.total');
  if (!cell) throw new Error('表3 没有“行政复议 · 总计”单元格');
  run.reviews = { name: t.name, format: t.format, total: { r: cell.r, c: cell.c } };
  return `已在新工作表“${out.sheet}”的 ${out.address} 插入 ${out.tables.length} 个表格`;
};

/** The table 3 the insertion made (the steps after it run only when it passed). */
const reviewsOf = (run: Run): NonNullable<Run['reviews']> => {
  if (!run.reviews) throw new Error('插入的表格中没有表3');
  return run.reviews;
};

const typeStep: Step = async (run) => {
  const r = reviewsOf(run);
  const layout = tableLayout(r.format, 'reviews');
  const at = (key: string): { r: number; c: number } => {
    const c = layout.byKey.get(`reviews.review.${key}`);
    if (!c) throw new Error(`表3 没有 ${key} 单元格`);
    return { r: c.r, c: c.c };
  };
  // 结果维持 3、尚未审结 1，总计却填 5（应为 4）
  await run.host.writeCells(r.name, [
    { ...at('upheld'), value: 3 },
    { ...at('pending'), value: 1 },
    { ...r.total, value: 5 },
  ]);
  return '在表3“行政复议”一行填入：结果维持 3，尚未审结 1，总计 5（应为 4）';
};

const checkStep: Step = async (run) => {
  const r = reviewsOf(run);
  let marks: Mark[] = [];
  const result = await run.host.checkAndMark((read) => {
    const checked = checkTables(read);
    marks = checked.marks;
    return checked;
  });
  const finding = result.sets
    .flatMap((s) => s.findings)
    .find((f) => f.rule === 'T3-SUM' && f.locations.some((l) => l.tableName === r.name && l.r === r.total.r && l.c === r.total.c));
  if (!finding) throw new Error('校验没有发现填错的总计（应有 T3-SUM 错误）');
  const mark = marks.find((m) => m.tableName === r.name && m.r === r.total.r && m.c === r.total.c);
  if (!mark || mark.severity !== 'error') throw new Error('填错的总计没有被标为错误');
  return `发现 T3-SUM：${finding.message}；${finding.locations[0]?.address ?? a1(r.total.r, r.total.c)} 已标为错误`;
};

const clearStep: Step = async (run) => {
  const n = await run.host.clearMarks(run.tableNames);
  if (n < 1) throw new Error('没有找到校验写入的标记（标记未写入工作簿）');
  return `已清除自检表格中 ${n} 个单元格的标记（标记确已写入工作簿）`;
};

const removeStep: Step = async ({ host, sheet, tableNames }) => {
  if (!sheet) return '没有创建自检工作表，无需删除';
  await host.discardSheet(sheet);
  const left = await host.sheetNames();
  if (left.includes(sheet)) throw new Error(`工作表“${sheet}”仍在`);
  const read = await host.readTables();
  const stale = read.tables
    .filter((t) => tableNames.includes(t.name))
    .map((t) => t.name)
    .concat(read.lost.filter((l) => tableNames.includes(l.name)).map((l) => l.name));
  if (stale.length) throw new Error(`自检登记的名称仍在：${stale.join('、')}`);
  return `已删除工作表“${sheet}”及其登记的名称和标记`;
};

/** The steps in order; `always` runs even after a failure (the scratch sheet goes whatever happened, if it was made). */
const STEPS: Array<{ id: StepId; run: Step; always?: boolean }> = [
  { id: 'environment', run: environmentStep },
  { id: 'insert', run: insertStep },
  { id: 'type', run: typeStep },
  { id: 'check', run: checkStep },
  { id: 'clear', run: clearStep },
  { id: 'remove', run: removeStep, always: true },
];

/** Runs the self-test; `onStep` hears of each step as it ends (the pane shows progress). Never throws. */
export async function runSelfTest(
  host: WorkbookHost,
  onStep: (s: StepResult) => void = () => undefined,
  now = (): number => Date.now(),
): Promise<SelfTestReport> {
  const run: Run = { host, environment: host.environment(), now, sheet: null, tableNames: [], reviews: null };
  const steps: StepResult[] = [];
  let failed = false;
  for (const { id, run: fn, always } of STEPS) {
    let s: StepResult;
    if (failed && !always) s = { id, status: 'not-run', detail: '前面的步骤失败，未运行', ms: 0 };
    else {
      const t0 = now();
      try {
        s = { id, status: 'passed', detail: await fn(run), ms: now() - t0 };
      } catch (e) {
        failed = true;
        s = { id, status: 'failed', detail: e instanceof Error ? e.message : String(e), ms: now() - t0 };
      }
    }
    steps.push(s);
    onStep(s);
  }
  return { environment: run.environment, steps, passed: steps.every((s) => s.status === 'passed'), at: new Date(now()).toISOString() };
}

const STEP_TITLES: Record<StepId, string> = {
  environment: '环境',
  insert: '插入表格',
  type: '填入错误的总计',
  check: '校验并标记',
  clear: '清除标记',
  remove: '删除自检工作表',
};
const STATUS: Record<StepResult['status'], string> = { passed: '通过', failed: '失败', 'not-run': '未运行' };

/** The report as plain text, for IT to copy and send back. */
export function reportText(r: SelfTestReport, version: string): string {
  return [
    `政务公开年报助手 ${version} 自检：${r.passed ? '全部通过' : '有步骤失败'}（${r.at}）`,
    `${r.environment.application} ${r.environment.version}；平台 ${r.environment.platform}；${r.environment.api}`,
    ...r.steps.map((s, i) => `${i + 1}. ${STEP_TITLES[s.id]}：${STATUS[s.status]}${s.ms ? `（${s.ms} 毫秒）` : ''} — ${s.detail}`),
  ].join('\n');
}
