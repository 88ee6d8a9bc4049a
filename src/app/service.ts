/**
 * What the pane and the ribbon do, written once against the host-neutral interface:
 * insert tables, check and mark, clear, select. No office-js here.
 */
import { a1, type Rect } from '../report/a1';
import { checkValues, reportSource, type ValueSource } from '../report/check';
import { parseReportJson } from '../report/report';
import { checkNarrative } from '../report/narrativeCheck';
import { proseFromRows, PROSE_HEADER } from '../report/prose';
import { checkAcrossYears, lastYearMismatch, usableLastYear, type YearInput } from '../report/crossYear';
import { agencyName } from '../report/agency';
import type { NarrativeOptions, Paragraph } from '../report/narrative';
import type { Report } from '../report/types';
import { TABLE_NAMES } from '../report/formats';
import { tableLayout } from '../report/layout';
import { cellsToMark } from '../report/rules';
import { planSize, type PlanRequest } from '../report/plan';
import {
  formatForYear,
  reportYear,
  splitKey,
  yearMessage,
  TABLE_IDS,
  type CellKey,
  type Finding,
  type FormatId,
  type RawValue,
  type TableId,
} from '../report/types';
import type { InsertOutcome, InsertTarget, LostTable, Mark, ReadOptions, ReadTable, TablesRead, WorkbookHost } from '../host/types';
import { addToMark } from '../host/types';
import { areasAddress, parseAddress, quoteSheet } from '../report/a1';

export interface InsertOptions {
  year: number;
  agency?: string;
  format?: FormatId;
  tables?: TableId[];
  formulas?: boolean;
  target: InsertTarget;
}

export function planRequest(o: InsertOptions): PlanRequest {
  const tables = o.tables ?? [...TABLE_IDS];
  return {
    format: o.format ?? formatForYear(o.year),
    year: o.year,
    agency: o.agency?.trim() || undefined,
    tables,
    titles: tables.length === TABLE_IDS.length,
    formulas: o.formulas ?? true,
  };
}

export function defaultSheetName(year: number, existing: string[]): string {
  const base = `${year}年报表格`;
  if (!existing.includes(base)) return base;
  for (let i = 2; ; i++) if (!existing.includes(`${base}(${i})`)) return `${base}(${i})`;
}

export async function insertTables(host: WorkbookHost, o: InsertOptions): Promise<InsertOutcome> {
  const info = host.info();
  if (!info.supported) return { ok: false, reason: 'unsupported', message: info.reason ?? '当前环境不支持插入表格' };
  if (reportYear(o.year) === null) return { ok: false, reason: 'failed', message: yearMessage(o.year) };
  return host.insertTables(planRequest(o), o.target);
}

/** A finding with where its cells are in the workbook. */
export interface LocatedFinding extends Finding {
  id: string;
  /** The table the finding belongs to, or 'text' for the report's prose checked against the tables (N-*, X-YOY). */
  table: TableId | 'text';
  /** Cells in the finding's order; `address` like '2025年报表格'!D6. */
  locations: Array<{ key: CellKey; tableName: string; r: number; c: number; address: string }>;
}

export interface CheckedSet {
  /** e.g. "2025年（2021年格式）"; with the sheet when another set has the same year and format. */
  title: string;
  /** The sheet the set's first table is on. */
  sheet: string;
  format: FormatId;
  year: number;
  /** The 单位名称 kept with the tables (given when they were inserted, or read from their title line). */
  agency?: string;
  tables: TableId[];
  findings: LocatedFinding[];
  /** The set's values by cell key (for summaries of many reports). */
  get: ValueSource;
}

export interface CheckResult {
  sets: CheckedSet[];
  /** Tables found by their labels on the active sheet, not registered yet (offer to register them). */
  unregistered: Array<{ table: TableId; format: FormatId; year: number; sheet: string; rect: Rect }>;
  lost: LostTable[];
  errors: number;
  warnings: number;
  marked: number;
  /** What the host says about the read (manual calculation recalculated first, a sheet too large to search…). */
  notes: string[];
}

/** Set 1, 2… of registered tables (OGI_x, OGI_x_2 …); 0 for tables recognised by their labels. */
const setIndex = (name: string): number => (name.startsWith('?') ? 0 : Number(/_(\d+)$/.exec(name)?.[1] ?? 1));

function cellValue(v: RawValue): RawValue {
  return v === '' || v === undefined ? null : v;
}

/** Values of the first set of registered tables, as a value source (for the narrative), with the agency
 *  given when they were inserted. */
export function sourceOfTables(
  tables: ReadTable[],
): { format: FormatId; year: number; agency?: string; get: (key: CellKey) => RawValue | undefined } | null {
  const first = [...tables].sort((a, b) => setIndex(a.name) - setIndex(b.name))[0];
  if (!first) return null;
  const set = tables.filter((t) => setIndex(t.name) === setIndex(first.name) && t.format === first.format);
  const byTable = new Map(set.map((t) => [t.table, t]));
  const agency = set.find((t) => t.agency)?.agency;
  return {
    format: first.format,
    year: first.year,
    ...(agency ? { agency } : {}),
    get: (key) => {
      const t = byTable.get(splitKey(key).table);
      const cell = t && tableLayout(t.format, t.table).byKey.get(key);
      if (!t || !cell) return undefined;
      return cellValue(t.values[cell.r]?.[cell.c] ?? null);
    },
  };
}

/** Check what was read: one set per group of registered tables (a workbook may hold several years).
 *  Prose (from the 报告正文 sheet) is checked against the first set. */
/** Last year's report kept in the workbook, as values (null when none or unreadable). */
export function lastYearOf(read: TablesRead): (YearInput & { agency?: string }) | null {
  if (!read.lastYear) return null;
  try {
    const r = parseReportJson(read.lastYear);
    return { format: r.format, year: r.year, get: reportSource(r), agency: r.agency };
  } catch {
    return null;
  }
}

export function checkTables(read: TablesRead, lastGiven?: YearInput): { result: CheckResult; marks: Mark[] } {
  const last = lastGiven ?? lastYearOf(read) ?? undefined;
  const text = read.prose ? proseFromRows(read.prose) : undefined;
  const groups = new Map<number, ReadTable[]>();
  for (const t of read.tables) {
    const g = groups.get(setIndex(t.name)) ?? [];
    g.push(t);
    groups.set(setIndex(t.name), g);
  }
  const sets: CheckedSet[] = [];
  const marks = new Map<string, Mark>();
  let n = 0;
  const indexes = [...groups.keys()].sort((a, b) => a - b);
  const proseSet = indexes.find((i) => i > 0) ?? indexes[0];
  for (const [idx, group] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const { format, year } = group[0];
    const byTable = new Map(group.filter((t) => t.format === format).map((t) => [t.table, t]));
    const locate = (key: CellKey): LocatedFinding['locations'][number] | null => {
      const t = byTable.get(splitKey(key).table);
      const cell = t && tableLayout(t.format, t.table).byKey.get(key);
      if (!t || !cell) return null;
      return {
        key,
        tableName: t.name,
        r: cell.r,
        c: cell.c,
        address: `${quoteSheet(t.sheet)}!${a1(t.rect.r + cell.r, t.rect.c + cell.c)}`,
      };
    };
    const get = (key: CellKey): RawValue | undefined => {
      const t = byTable.get(splitKey(key).table);
      const cell = t && tableLayout(t.format, t.table).byKey.get(key);
      if (!t || !cell) return undefined;
      return cellValue(t.values[cell.r]?.[cell.c] ?? null);
    };
    const tables = [...byTable.keys()];
    const first = idx === proseSet;
    const agency = group.find((t) => t.agency)?.agency;
    const recognisedFindings = group.flatMap((t) => t.recognised?.findings ?? []);
    const narrative = text && first ? checkNarrative({ format, get, text, last: usableLastYear(last, { year, agency }) }) : [];
    const cross = last && first ? checkAcrossYears({ format, year, get, agency }, last) : [];
    const findings = [...recognisedFindings, ...checkValues(format, get, tables), ...cross, ...narrative].map((f): LocatedFinding => {
      const locations = f.cells.map(locate).filter((x): x is NonNullable<typeof x> => x !== null);
      const prose = /^N-|^X-YOY$/.test(f.rule) || !f.cells.length;
      return { ...f, id: `f${++n}`, table: prose ? 'text' : splitKey(f.cells[0]).table, locations };
    });
    for (const f of findings) {
      const keys = cellsToMark(f);
      for (const l of f.locations.filter((x) => keys.includes(x.key) && !x.tableName.startsWith('?'))) {
        const id = `${l.tableName}:${l.r}:${l.c}`;
        marks.set(id, addToMark(marks.get(id), l, f));
      }
    }
    const title = group[0].recognised
      ? `工作表“${group[0].sheet}”中按标签识别的表格（未登记，${format}年格式）`
      : `${Number.isNaN(year) ? '年度未知' : `${year}年`}（${format}年格式）`;
    sets.push({
      title,
      sheet: group[0].sheet,
      format,
      year,
      ...(agency ? { agency } : {}),
      tables: TABLE_IDS.filter((t) => tables.includes(t)),
      findings,
      get,
    });
  }
  // two sets of one year and format are told apart by their sheets
  const shared = sets.filter((set) => sets.filter((x) => x.title === set.title).length > 1);
  for (const set of shared) set.title = set.title.replace(/）$/, `，工作表“${set.sheet}”）`);
  const all = sets.flatMap((s) => s.findings);
  return {
    result: {
      sets,
      lost: read.lost,
      notes: read.notes ?? [],
      unregistered: read.tables
        .filter((t) => t.recognised)
        .map(({ table, format, year, sheet, rect }) => ({ table, format, year, sheet, rect })),
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      marked: marks.size,
    },
    marks: [...marks.values()],
  };
}

/** What clicking a finding selects: the cell most likely wrong (first), or — for the blank cells of a table — every
 *  one of them at once. `address` is for host.selectAddress; `cells` for host.selectCells (registered tables). */
export function selectionOf(f: LocatedFinding): { tableName: string; cells: Array<{ r: number; c: number }> } | { address: string } | null {
  const first = f.locations[0];
  if (!first) return null;
  const same = f.locations.filter((l) => l.tableName === first.tableName);
  const all = f.rule === 'BLANK' && same.length > 1;
  if (!all) return first.tableName.startsWith('?') ? { address: first.address } : { tableName: first.tableName, cells: same };
  const sheet = parseAddress(first.address)?.sheet;
  const at = same.map((l) => parseAddress(l.address)?.rect).filter((r): r is Rect => !!r);
  if (!sheet || at.length !== same.length) return { address: first.address };
  return { address: areasAddress(sheet, at) };
}

export async function checkWorkbook(host: WorkbookHost, options?: ReadOptions): Promise<CheckResult> {
  return host.checkAndMark((read) => checkTables(read), options);
}

export function tableTitle(t: TableId): string {
  return TABLE_NAMES[t];
}

export { planSize };

export interface WorkbookNarrative {
  paragraphs: Paragraph[];
  /** Where each cell key of the paragraphs is in the workbook. */
  where: Map<CellKey, { tableName: string; r: number; c: number; address: string }>;
  year: number;
  format: FormatId;
  /** The 单位名称 kept with the tables (given when they were inserted). */
  agency?: string;
}

/** Who the text speaks as: what the person typed, else the agency kept with the tables (else the generator's 本机关). */
const speaker = (typed: string | undefined, agency: string | undefined): string | undefined => typed?.trim() || agency;

/** 生成文字: the paragraphs for the first set of registered tables in the workbook. */
export async function narrativeFromWorkbook(host: WorkbookHost, options: NarrativeOptions): Promise<WorkbookNarrative | null> {
  const read = await host.readTables();
  const src = sourceOfTables(read.tables);
  if (!src) return null;
  const last = lastYearOf(read);
  const { generateNarrative } = await import(/* webpackChunkName: "narrative" */ '../report/narrative');
  const paragraphs = generateNarrative(src, {
    ...options,
    who: speaker(options.who, src.agency),
    lastYear: options.lastYear ?? usableLastYear(last, src),
  });
  const where: WorkbookNarrative['where'] = new Map();
  const firstSet = Math.min(...read.tables.map((t) => setIndex(t.name)));
  for (const t of read.tables) {
    if (t.format !== src.format || setIndex(t.name) !== firstSet) continue;
    for (const cell of tableLayout(t.format, t.table).data) {
      where.set(cell.key as CellKey, {
        tableName: t.name,
        r: cell.r,
        c: cell.c,
        address: `${quoteSheet(t.sheet)}!${a1(t.rect.r + cell.r, t.rect.c + cell.c)}`,
      });
    }
  }
  return { paragraphs, where, year: src.year, format: src.format, ...(src.agency ? { agency: src.agency } : {}) };
}

/** The heading lines a paragraph sits under: its section's, then its part's (一、总体情况, （二）依申请公开情况). */
export const headingsOf = (p: Pick<Paragraph, 'title' | 'part'>): string[] => (p.part ? [p.title, p.part] : [p.title]);

/** Rows for the 报告正文 sheet from generated paragraphs: a paragraph with a sub-heading (一（二）) comes after a row
 *  holding it, so that the text stays under its heading wherever it is later edited, checked or exported. */
export function paragraphRows(paragraphs: Paragraph[]): Array<[number | string, string]> {
  return [
    [PROSE_HEADER[0], PROSE_HEADER[1]],
    ...paragraphs
      .filter((p) => !p.blocked)
      .flatMap((p): Array<[number, string]> => [...(p.part ? [[p.section, p.part] as [number, string]] : []), [p.section, p.text]]),
  ];
}

export interface LastYearImport {
  ok: boolean;
  /** What was kept, or why nothing was. */
  message: string;
  problems: string[];
}

/** A report (tables only) from registered or recognised tables that were read. */
export function reportFromTables(tables: ReadTable[]): Report | null {
  const src = sourceOfTables(tables);
  if (!src) return null;
  const report: Report = {
    schema: 'ogi-report/1',
    format: src.format,
    year: src.year,
    ...(src.agency ? { agency: src.agency } : {}),
    tables: {},
  };
  for (const table of TABLE_IDS) {
    const layout = tableLayout(src.format, table);
    if (src.get(layout.data[0].key as CellKey) === undefined) continue;
    const rows: Record<string, Record<string, RawValue>> = {};
    for (const cell of layout.data) (rows[cell.rowKey as string] ??= {})[cell.colKey as string] = src.get(cell.key as CellKey) ?? null;
    report.tables[table] = rows;
  }
  return report;
}

/** 导入上年报告 from an .xlsx file (exceljs is loaded only when needed). */
export async function importLastYearWorkbook(host: WorkbookHost, bytes: ArrayBuffer, fallbackYear: number): Promise<LastYearImport> {
  const { loadWorkbook, readTables } = await import(/* webpackChunkName: "xlsx" */ '../file/xlsx');
  let wb: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return { ok: false, message: `不是有效的 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）`, problems: [] };
  }
  const report = reportFromTables(readTables(wb).tables);
  if (!report) return { ok: false, message: '工作簿中没有找到年报表格（既没有登记的表格，也没有按标签识别出的表格）', problems: [] };
  if (!Number.isInteger(report.year)) report.year = fallbackYear;
  return importLastYear(host, JSON.stringify(report), 'workbook.json');
}

/** 导入上年报告: a published report's text, HTML or report JSON → kept in the workbook for the cross-year checks. */
export async function importLastYear(host: WorkbookHost, source: string, fileName = ''): Promise<LastYearImport> {
  let report: Report;
  let problems: string[] = [];
  if (/\.json$/i.test(fileName) || /^\s*\{/.test(source)) {
    try {
      report = parseReportJson(source);
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e), problems: [] };
    }
  } else {
    const { importReport } = await import(/* webpackChunkName: "importer" */ '../report/import');
    const result = importReport(source, { kind: /\.html?$/i.test(fileName) ? 'html' : undefined });
    report = result.report;
    problems = result.problems;
    // the reasons are listed under the message, each once
    if (!Object.keys(report.tables).length)
      return { ok: false, message: problems.length ? '没有读到年报表格：' : '没有读到年报表格。', problems };
    if (!report.year) return { ok: false, message: '没有读到报告年度（标题中应有“XXXX年政府信息公开工作年度报告”）', problems };
  }
  return keepLastYear(host, report, problems);
}

/** 导入上年报告 from a PDF: its text layer read with pdf.js (loaded now, from the add-in's own files),
 *  the tables rebuilt from the text positions. A scan, an encrypted or damaged file is said, naming it. */
export async function importLastYearPdf(host: WorkbookHost, bytes: ArrayBuffer, fileName: string): Promise<LastYearImport> {
  const [pdf, { importPositioned }] = await Promise.all([
    import(/* webpackChunkName: "pdf" */ '../pdf/browser'),
    import(/* webpackChunkName: "importer" */ '../report/import'),
  ]);
  let pages: Awaited<ReturnType<typeof pdf.readPdfText>>;
  try {
    pages = await pdf.readPdfText(new Uint8Array(bytes));
  } catch (e) {
    if (e instanceof pdf.PdfReadError) return { ok: false, message: `${fileName}：${e.message}`, problems: [] };
    throw e;
  }
  const result = importPositioned(pages);
  if (result.chars === 0) return { ok: false, message: `${fileName}：${pdf.NO_TEXT_LAYER}`, problems: [] };
  const { report, problems } = result;
  // the reasons are listed under the message, each once
  if (!Object.keys(report.tables).length)
    return { ok: false, message: `${fileName}：没有读到年报表格${problems.length ? '：' : '。'}`, problems };
  if (!report.year) return { ok: false, message: `${fileName}：没有读到报告年度（标题中应有“XXXX年政府信息公开工作年度报告”）`, problems };
  return keepLastYear(host, report, problems);
}

async function keepLastYear(host: WorkbookHost, report: Report, problems: string[]): Promise<LastYearImport> {
  // only the year before, of the same agency, stands for last year (the tables already in the workbook say which)
  const read = await host.readTables();
  const registered = read.tables.filter((t) => !t.recognised);
  const now = sourceOfTables(registered.length ? registered : read.tables);
  const mismatch = now && Number.isInteger(now.year) ? lastYearMismatch(now, report) : null;
  if (mismatch) return { ok: false, message: `未保存：${mismatch}。跨年度核对和同比变化只用上一年度同一单位的报告。`, problems };
  const kept: Report = {
    schema: 'ogi-report/1',
    format: report.format,
    year: report.year,
    tables: report.tables,
    ...(report.agency ? { agency: report.agency } : {}),
  };
  await host.storeLastYear(JSON.stringify(kept));
  const tables = TABLE_IDS.filter((t) => report.tables[t])
    .map((t) => TABLE_NAMES[t].split(' ')[0])
    .join('、');
  return {
    ok: true,
    message: `已保存${agencyName(report.agency) ?? ''}${report.year}年报告（${report.format}年格式，${tables}），校验时将核对上年结转等跨年度关系，生成文字时写出同比变化。`,
    problems,
  };
}

export interface WorkbookExport {
  /** The finished file. */
  blob: Blob;
  fileName: string;
  /** Error-level findings that remain (the file is written anyway, with this warning). */
  errors: number;
}

/** 导出 Word / 导出网页: the report from the workbook's tables and 报告正文 prose, checked first. */
export async function exportFromWorkbook(
  host: WorkbookHost,
  kind: 'docx' | 'html',
  meta: { agency?: string; fee?: number | null; who?: string; proseSheet?: string },
): Promise<WorkbookExport | null> {
  const read = await host.readTables({ proseSheet: meta.proseSheet });
  const registered = read.tables.filter((t) => !t.recognised);
  const report = reportFromTables(registered.length ? registered : read.tables);
  if (!report) return null;
  if (read.prose) report.text = proseFromRows(read.prose);
  const tablesAgency = report.agency; // last year's report is of the agency the tables are of
  if (meta.agency?.trim()) report.agency = meta.agency.trim();
  const { result } = checkTables(read);
  const { buildDocument } = await import(/* webpackChunkName: "export" */ '../report/export/document');
  const { generateNarrative } = await import(/* webpackChunkName: "narrative" */ '../report/narrative');
  const lastYear = usableLastYear(lastYearOf(read), { year: report.year, agency: tablesAgency }); // 同比 figures, as 生成文字 writes them
  const generated = generateNarrative(
    { format: report.format, year: report.year, get: reportSource(report), agency: tablesAgency },
    { who: speaker(meta.who, report.agency), fee: meta.fee, lastYear },
  );
  const doc = buildDocument({ report, generated, meta: { agency: report.agency } });
  const name = `${report.agency ?? ''}${report.year}年政府信息公开工作年度报告`;
  if (kind === 'html') {
    const { toHtml } = await import(/* webpackChunkName: "export" */ '../report/export/html');
    return { blob: new Blob([toHtml(doc)], { type: 'text/html;charset=utf-8' }), fileName: `${name}.html`, errors: result.errors };
  }
  const { docxBlob } = await import(/* webpackChunkName: "docx" */ '../file/docx');
  return { blob: await docxBlob(doc), fileName: `${name}.docx`, errors: result.errors };
}
