/**
 * The Excel implementation of the host interface: the only module that calls Excel.run.
 * Each action is one batch: at most one read sync and one write sync.
 */
import { parseAddress, parseAreas, rectAddress, type Rect } from '../report/a1';
import {
  buildPlan,
  decodeRegistration,
  encodeRegistration,
  markBlock,
  MARK_BLOCK_COLS,
  MARK_CODES,
  MARK_FILLS,
  MARK_META_ROW,
  MARK_SHEET,
  planSize,
  registrationNames,
  STYLES,
  tableConditionalFormats,
  widthPoints,
  type PlanRequest,
  type SheetPlan,
  type TableRegistration,
} from '../report/plan';
import { TABLE_IDS, type FormatId, type RawValue, type TableId } from '../report/types';
import { tableLayout } from '../report/layout';
import type {
  HostEnvironment,
  HostInfo,
  InsertOutcome,
  InsertTarget,
  Mark,
  ReadOptions,
  ReadTable,
  TablesRead,
  TableRef,
  WorkbookHost,
  LostTable,
} from '../host/types';
import { HostError, unregisteredName } from '../host/types';
import { describeExcelError } from './errors';
import type { AreaFormats } from './areaFormats';
import { PROSE_SHEET } from '../report/prose';

/** The parts of office-js this module needs; injected so tests and the preview pass the in-browser workbook. */
export interface OfficeEnv {
  Excel: typeof Excel;
  Office: typeof Office;
}

export const MIN_API = '1.8';
/** Workbook setting that keeps last year's report (JSON) for the cross-year checks. */
export const LAST_YEAR_SETTING = 'ogi.lastYearReport';
/** The window of the active sheet searched for unregistered tables: A1:AD1000 (30,000 cells). Bounded so that the
 *  read stays far below Excel's 5,000,000-cell read limit and, at up to 166 bytes a cell, below Excel on the web's
 *  5 MB response limit; a window over that (cells of long text) is caught and the check goes on without it. */
const RECOGNISE_ROWS = 1000;
const RECOGNISE_COLS = 30;
const RECOGNISE_WINDOW = 'A1:AD1000';
/** The part of the prose sheet read: A1:J1000. */
const PROSE_ROWS = 1000;
const PROSE_COLS = 10;

const ALL_NAMES = TABLE_IDS.flatMap((t) => registrationNames(t));

/** The first set of registration names free for all these tables, or null when every set is taken. */
function freeNames(tables: readonly TableId[], used: Set<string>): Partial<Record<TableId, string>> | null {
  for (let i = 0; i < registrationNames('active').length; i++) {
    const set = tables.map((t) => registrationNames(t)[i]);
    if (set.every((n) => !used.has(n))) return Object.fromEntries(tables.map((t, j) => [t, set[j]]));
  }
  return null;
}

/**
 * A plan's value as it must be written for Excel to keep it: Excel reads what is written to a range as if typed, so
 * text starting with '+' or '-' (an agency called “-某某局”) or '@' would be taken as a formula; a leading apostrophe
 * keeps it text (it is not part of the value). The plan's own formulas start with '=' (text starting with '=' comes
 * from the plan already written "'=…").
 */
function typedText(v: string | number): string | number {
  return typeof v === 'string' && /^[+\-@]/.test(v) ? `'${v}` : v;
}

/** What the target area held before an insertion at the selection (read in the insertion's read sync). */
interface AreaBefore {
  /** The area itself, loaded with its number formats. */
  range: Excel.Range;
  /** Fill, font, alignment and borders of each cell (see areaFormats.ts). */
  formats: AreaFormats;
  validation: Excel.DataValidation;
  /** How many conditional formats touched the area. */
  cfCount: OfficeExtension.ClientResult<number>;
  rows: Excel.RangeFormat[];
}

interface InsertUndo {
  plan: SheetPlan;
  sheetName: string;
  newSheet: boolean;
  markSheetCreated: boolean;
  widths: Map<number, number>;
  before: AreaBefore | null;
}

/**
 * Puts the workbook back as it was after an insertion's write sync failed part-way (Excel does not roll a batch
 * back: the operations before the failing one stay applied). One read sync to see what was left, one write sync.
 * Only what the insertion writes is put back — the user's own conditional formats, validations and merges
 * elsewhere are never cleared and re-made (Range.clear('Formats') would take conditional formats with it).
 */
async function undoInsert(ctx: Excel.RequestContext, u: InsertUndo, hasExcelApi: (version: string) => boolean): Promise<void> {
  const wb = ctx.workbook;
  const names = u.plan.tables.map((t) => wb.names.getItemOrNullObject(t.name).load('name'));
  const sheet = wb.worksheets.getItemOrNullObject(u.sheetName).load('name');
  const marks = wb.worksheets.getItemOrNullObject(MARK_SHEET).load('name');
  const r = u.plan.rect;
  const area = u.newSheet ? null : wb.worksheets.getItem(u.sheetName).getRangeByIndexes(r.r, r.c, r.rs, r.cs);
  const cfs = area ? area.conditionalFormats.load('items/type') : null;
  await ctx.sync();
  for (const n of names) if (!n.isNullObject) n.delete();
  if (!marks.isNullObject) {
    if (u.markSheetCreated) marks.delete();
    else
      for (const t of u.plan.tables) {
        const b = markBlock(t.name);
        marks.getRangeByIndexes(b.r + MARK_META_ROW, b.c, 1, 1).clear('Contents');
      }
  }
  if (u.newSheet) {
    if (!sheet.isNullObject) sheet.delete();
  } else if (area && cfs && u.before && !sheet.isNullObject) {
    const b = u.before;
    const ws = wb.worksheets.getItem(u.sheetName);
    // Excel adds a conditional format "at the first/top priority" and a ConditionalFormat's id is its priority,
    // which moves as formats are added or deleted: the insertion's own are the first ones; delete them from the
    // last to the first so that no deletion moves one still to be deleted.
    const added = Math.max(0, cfs.items.length - b.cfCount.value);
    for (let i = added - 1; i >= 0; i--) cfs.items[i].delete();
    for (const m of u.plan.merges) ws.getRangeByIndexes(m.r, m.c, m.rs, m.cs).unmerge();
    area.clear('Contents');
    if (b.validation.type === 'None') area.dataValidation.clear();
    area.numberFormat = b.range.numberFormat;
    b.formats.restore(area);
    b.rows.forEach((f, i) => {
      ws.getRangeByIndexes(r.r + i, r.c, 1, 1).format.rowHeight = f.rowHeight;
    });
    for (const { c, chars } of u.plan.columnWidths) {
      const was = u.widths.get(c);
      if (was !== undefined && was < widthPoints(chars)) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = was;
    }
  }
  await ctx.sync();
}

export function createExcelHost(env: OfficeEnv = { Excel: globalThis.Excel, Office: globalThis.Office }): WorkbookHost {
  const { Excel: X, Office: O } = env;
  /** Whether this Excel has ExcelApi `version` (members above the manifest's MIN_API are only called behind this). */
  const hasExcelApi = (version: string): boolean => !!O?.context?.requirements?.isSetSupported?.('ExcelApi', version);
  /** Registration names expected to exist, read speculatively in the first sync to save a round trip:
   *  at first the names of the first set (the usual workbook holds one report), then those last seen. */
  const known = new Set<string>(TABLE_IDS.map((t) => registrationNames(t)[0]));
  /** Prose sheets seen to exist (read speculatively in the first sync). */
  const knownProse = new Set<string>();
  /** Whether the workbook has the mark sheet (as of the last read). */
  let hasMarkSheet = false;

  const run = async <T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await X.run(fn);
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError(describeExcelError(e), (e as { code?: string }).code);
    }
  };

  function info(): HostInfo {
    const ok = hasExcelApi(MIN_API);
    return ok
      ? { name: `Excel (ExcelApi ${MIN_API}+)`, supported: true }
      : {
          name: 'Excel',
          supported: false,
          reason: `当前 Excel 版本过旧，不支持本加载项所需的接口（需要 ExcelApi ${MIN_API}：Microsoft 365、Office 2021 及以上、保持更新的零售版 Excel 2019 或网页版 Excel；批量授权版 Office 2019 及更早版本不支持）。请升级 Office 后再试。`,
        };
  }

  /** Queue a table's registration: its conditional formats, its name with metadata, and the mark sheet. */
  function queueRegistration(
    ctx: Excel.RequestContext,
    sheet: Excel.Worksheet,
    tables: Array<TableRegistration & { name: string; rect: Rect }>,
    cfs: SheetPlan['conditionalFormats'],
    markSheetMissing: boolean,
  ): void {
    for (const cf of cfs) {
      const fmt = sheet
        .getRangeByIndexes(cf.rect.r, cf.rect.c, cf.rect.rs, cf.rect.cs)
        .conditionalFormats.add(X.ConditionalFormatType.custom);
      fmt.custom.rule.formula = cf.formula;
      fmt.custom.format.fill.color = MARK_FILLS[cf.severity];
    }
    const ms = markSheetMissing ? ctx.workbook.worksheets.add(MARK_SHEET) : ctx.workbook.worksheets.getItem(MARK_SHEET);
    if (markSheetMissing) ms.visibility = 'VeryHidden';
    for (const t of tables) {
      ctx.workbook.names.add(t.name, sheet.getRangeByIndexes(t.rect.r, t.rect.c, t.rect.rs, t.rect.cs), encodeRegistration(t));
      const b = markBlock(t.name);
      ms.getRangeByIndexes(b.r + MARK_META_ROW, b.c, 1, 1).values = [[encodeRegistration(t)]];
      known.add(t.name);
    }
  }

  /** Queue everything a plan writes on a sheet (no sync). */
  function queuePlan(
    ctx: Excel.RequestContext,
    sheet: Excel.Worksheet,
    plan: SheetPlan,
    currentWidths: Map<number, number>,
    markSheetMissing: boolean,
  ): void {
    const r = plan.rect;
    const all = sheet.getRangeByIndexes(r.r, r.c, r.rs, r.cs);
    all.numberFormat = plan.numberFormats;
    all.formulas = plan.values.map((row) => row.map(typedText));
    const range = (x: Rect): Excel.Range => sheet.getRangeByIndexes(x.r, x.c, x.rs, x.cs);
    for (const m of plan.merges) range(m).merge(false);
    for (const { rect, style } of plan.styled) {
      const s = STYLES[style];
      const f = range(rect).format;
      if (s.fill) f.fill.color = s.fill;
      if (s.bold) f.font.bold = true;
      if (s.fontSize) f.font.size = s.fontSize;
      if (s.wrap) f.wrapText = true;
      if (s.hAlign) f.horizontalAlignment = s.hAlign as Excel.HorizontalAlignment;
      if (s.vAlign) f.verticalAlignment = s.vAlign as Excel.VerticalAlignment;
    }
    for (const t of plan.tables) {
      const borders = range(t.rect).format.borders;
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
        const b = borders.getItem(edge);
        b.style = 'Continuous';
        b.weight = 'Thin';
        b.color = '#000000';
      }
    }
    for (const { c, chars } of plan.columnWidths) {
      const want = widthPoints(chars);
      if ((currentWidths.get(c) ?? 0) < want) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = want;
    }
    for (const v of plan.validations) {
      const dv = range(v.rect).dataValidation;
      const op = X.DataValidationOperator.greaterThanOrEqualTo;
      if (v.kind === 'amount') {
        dv.rule = { decimal: { formula1: 0, operator: op } };
        dv.prompt = { showPrompt: true, title: '金额（万元）', message: '请填写大于或等于0的数，可有小数；没有请填0。' };
        dv.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: '金额有误',
          message: '金额应为大于或等于0的数字（单位：万元），不要填写单位或文字。',
        };
      } else if (v.kind === 'signed') {
        dv.rule = { wholeNumber: { formula1: -999999999, formula2: 999999999, operator: X.DataValidationOperator.between } };
        dv.prompt = { showPrompt: true, title: '本年增/减', message: '请填写整数：增加填正数，减少填负数，没有变化填0。' };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: '数值有误', message: '本年增/减应为整数（减少填负数）。' };
      } else {
        dv.rule = { wholeNumber: { formula1: 0, operator: op } };
        dv.prompt = { showPrompt: true, title: '件数', message: '请填写大于或等于0的整数；没有请填0，不要留空或填“/”。' };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: '件数有误', message: '件数应为大于或等于0的整数，不要填写单位或文字。' };
      }
    }
    queueRegistration(ctx, sheet, plan.tables, plan.conditionalFormats, markSheetMissing);
    for (const t of plan.tables) range(t.rect).format.autofitRows();
  }

  async function insertTables(req: PlanRequest, target: InsertTarget): Promise<InsertOutcome> {
    const size = planSize(req);
    // what an insertion at the selection saves to put back if it fails part-way (not on the pane's first screen)
    const { readAreaFormats } =
      target.kind === 'selection' ? await import(/* webpackChunkName: "area-formats" */ './areaFormats') : { readAreaFormats: null };
    return run(async (ctx) => {
      const wb = ctx.workbook;
      // ---- read
      const nameItems = ALL_NAMES.map((n) => wb.names.getItemOrNullObject(n));
      nameItems.forEach((n) => n.load('name'));
      const markSheet = wb.worksheets.getItemOrNullObject(MARK_SHEET);
      markSheet.load('name');
      let sheet: Excel.Worksheet | null = null;
      let cell: Excel.Range | null = null;
      let area: Excel.Range | null = null;
      let merged: Excel.RangeAreas | null = null;
      const widthCells: Array<{ c: number; r: Excel.Range }> = [];
      let sheets: Excel.WorksheetCollection | null = null;
      let before: AreaBefore | null = null;
      if (target.kind === 'selection') {
        cell = wb.getActiveCell();
        cell.load('rowIndex,columnIndex,address');
        sheet = cell.worksheet;
        sheet.load('name');
        sheet.protection.load('protected');
        area = cell.getResizedRange(size.rows - 1, size.cols - 1);
        area.load('formulas,address,numberFormat');
        // merged areas can be read from ExcelApi 1.13 on; before that an empty merged area is not seen (the
        // insertion's own merges replace it, as Excel's merge does)
        if (hasExcelApi('1.13')) {
          merged = area.getMergedAreasOrNullObject();
          merged.load('address');
        }
        // what an interrupted insertion must put back (see undoInsert)
        before = {
          range: area,
          formats: (readAreaFormats as NonNullable<typeof readAreaFormats>)(area, size.rows, size.cols, hasExcelApi),
          validation: area.dataValidation.load('type'),
          cfCount: area.conditionalFormats.getCount(),
          rows: Array.from({ length: size.rows }, (_, i) => cell!.getOffsetRange(i, 0).format.load('rowHeight')),
        };
        for (let c = 0; c < size.cols; c++) {
          const w = cell.getOffsetRange(0, c);
          w.load('columnIndex');
          w.format.load('columnWidth');
          widthCells.push({ c, r: w });
        }
      } else {
        sheets = wb.worksheets;
        sheets.load('items/name');
      }
      await ctx.sync();
      // ---- decide
      const names = freeNames(req.tables, new Set(nameItems.filter((n) => !n.isNullObject).map((n) => n.name)));
      if (!names) {
        return { ok: false, reason: 'failed', message: '本工作簿中登记的年报表格已达上限，请在新工作簿中插入。' };
      }
      let anchor = { r: 0, c: 0 };
      let sheetName: string;
      if (target.kind === 'selection' && cell && area && sheet) {
        if (sheet.protection.protected) {
          return {
            ok: false,
            reason: 'protected',
            message: `工作表“${sheet.name}”受保护，无法插入。请先撤消工作表保护，或插入到新工作表。`,
          };
        }
        const occupied: string[] = [];
        area.formulas.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== '' && v !== null) occupied.push(rectAddress({ r: cell!.rowIndex + i, c: cell!.columnIndex + j, rs: 1, cs: 1 }));
          }),
        );
        const where = area.address.split('!').pop();
        const mergedAt = hasExcelApi('1.13') && merged && !merged.isNullObject ? merged.address.split('!').pop() : null;
        if (occupied.length || mergedAt) {
          const what = [
            occupied.length
              ? `${occupied.length} 个单元格已有内容（${occupied.slice(0, 3).join('、')}${occupied.length > 3 ? ' 等' : ''}）`
              : '',
            mergedAt ? `有合并单元格（${mergedAt}）` : '',
          ]
            .filter(Boolean)
            .join('，');
          return {
            ok: false,
            reason: 'occupied',
            message: `目标区域 ${where} 中${what}。为避免覆盖，未插入任何内容。请选择一个空白位置，或插入到新工作表。`,
          };
        }
        anchor = { r: cell.rowIndex, c: cell.columnIndex };
        sheetName = sheet.name;
      } else {
        const existing = sheets ? sheets.items.map((s) => s.name) : [];
        const wanted = target.kind === 'newSheet' ? target.name : '年报表格';
        sheetName = wanted;
        for (let i = 2; existing.includes(sheetName); i++) sheetName = `${wanted}(${i})`;
        sheet = wb.worksheets.add(sheetName);
      }
      // ---- write
      const plan = buildPlan({ ...req, names }, anchor);
      const widths = new Map(widthCells.map(({ c, r }) => [anchor.c + c, r.format.columnWidth]));
      queuePlan(ctx, sheet, plan, widths, markSheet.isNullObject);
      if (target.kind === 'newSheet') sheet.activate();
      sheet.getRangeByIndexes(anchor.r, anchor.c, 1, 1).select();
      try {
        await ctx.sync();
      } catch (e) {
        const cause = describeExcelError(e);
        const undone = await undoInsert(
          ctx,
          {
            plan,
            sheetName,
            newSheet: target.kind !== 'selection',
            markSheetCreated: markSheet.isNullObject,
            widths,
            before,
          },
          hasExcelApi,
        ).then(
          () => true,
          () => false,
        );
        throw new HostError(
          undone
            ? `插入中途出错，已撤消已写入的部分，工作簿保持插入前的样子。原因：${cause}`
            : `插入中途出错，撤消也未能完成，请用 Excel 的“撤消”或检查 ${sheetName} 工作表。原因：${cause}`,
          (e as { code?: string }).code,
        );
      }
      plan.tables.forEach((t) => known.add(t.name));
      return {
        ok: true,
        sheet: sheetName,
        address: rectAddress(plan.rect),
        tables: plan.tables.map((t) => ({
          name: t.name,
          table: t.table,
          format: t.format,
          year: t.year,
          ...(t.agency ? { agency: t.agency } : {}),
          sheet: sheetName,
          rect: t.rect,
        })),
      };
    });
  }

  /** Read registered tables and the prose sheet. Names and sheets seen before in this session are read
   *  speculatively in the same sync; if one has gone, the read falls back to the plain path. */
  /** The part of a sheet read for prose: the first rows of columns A:J (one paragraph a row; bounded like any read). */
  const proseWindow = (ws: Excel.Worksheet): Excel.Range =>
    ws.getRangeByIndexes(0, 0, PROSE_ROWS, PROSE_COLS).getUsedRangeOrNullObject(true).load('values');

  async function readIn(ctx: Excel.RequestContext, proseName: string = PROSE_SHEET, recognise = true): Promise<TablesRead> {
    const wb = ctx.workbook;
    const notes: string[] = [];
    const items = ALL_NAMES.map((n) => {
      const item = wb.names.getItemOrNullObject(n);
      item.load('name,comment,formula,type');
      return { n, item };
    });
    const sheets = wb.worksheets;
    sheets.load('items/name');
    const load = (r: Excel.Range): Excel.Range => r.load('values,address,rowIndex,columnIndex,rowCount,columnCount');
    const ranges = new Map<string, Excel.Range>();
    for (const n of known) ranges.set(n, load(wb.names.getItem(n).getRangeOrNullObject()));
    let prose: Excel.Range | null = knownProse.has(proseName) ? proseWindow(wb.worksheets.getItem(proseName)) : null;
    const lastYearSetting = wb.settings.getItemOrNullObject(LAST_YEAR_SETTING);
    lastYearSetting.load('value');
    const app = wb.application.load('calculationMode');
    const active = wb.worksheets.getActiveWorksheet();
    active.load('name');
    // Tables typed or pasted without the add-in are looked for on the active sheet. The read is bounded before it
    // is made: Excel refuses to read more than 5,000,000 cells of a range, and Excel on the web refuses a response
    // over 5 MB (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
    // Only the window A1:AD1000 is read; of the whole sheet only how far it reaches.
    const extent = recognise ? active.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') : null;
    const activeUsed = recognise ? active.getRangeByIndexes(0, 0, RECOGNISE_ROWS, RECOGNISE_COLS).getUsedRangeOrNullObject(true) : null;
    activeUsed?.load('values,rowIndex,columnIndex,rowCount,columnCount');
    try {
      await ctx.sync();
    } catch (e) {
      const code = (e as { code?: string }).code;
      // Excel on the web: what the window holds is over 5 MB (cells of long text); check without looking for
      // unregistered tables, and say so
      if (recognise && code === 'ResponsePayloadSizeLimitExceeded') {
        const read = await readIn(ctx, proseName, false);
        return {
          ...read,
          notes: [
            ...(read.notes ?? []),
            `当前工作表内容过多（超过网页版 Excel 一次读取 5 MB 的限制），本次没有在其中按标签查找未登记的表格；已登记的表格照常校验。`,
          ],
        };
      }
      // only a name or sheet that has gone since the last read sends us down the plain path; any other
      // refusal (cell being edited, workbook busy) is the user's to hear about
      if ((!ranges.size && !prose) || !['ItemNotFound', 'InvalidReference', 'InvalidArgument'].includes(code ?? '')) throw e;
      known.clear();
      knownProse.clear();
      return readIn(ctx, proseName, recognise);
    }
    const found = items.filter((x) => !x.item.isNullObject);
    for (const n of [...ranges.keys()]) if (!found.some((f) => f.n === n)) ranges.delete(n);
    const missing = found.filter(({ n }) => !ranges.has(n));
    // Manual calculation: totals computed by formulas may be stale. Recalculate (as F9 does) and read the values
    // again, in the same second round trip as anything still missing.
    const manual = app.calculationMode === 'Manual';
    if (manual) {
      wb.application.calculate('Recalculate');
      for (const r of ranges.values()) load(r);
      if (prose) prose.load('values');
      activeUsed?.load('values');
      notes.push('Excel 当前为手动计算模式：校验前已重新计算公式（相当于按 F9），读取的是计算后的数值。');
    }
    for (const { n, item } of missing) ranges.set(n, load(item.getRangeOrNullObject()));
    const proseActual = sheets.items.find((s) => s.name.toLowerCase() === proseName.trim().toLowerCase())?.name;
    const hasProse = proseActual !== undefined && proseActual !== MARK_SHEET;
    const proseMissing = hasProse && !prose;
    if (proseMissing) prose = proseWindow(wb.worksheets.getItem(proseActual as string));
    if (missing.length || proseMissing || manual) await ctx.sync();
    if (hasProse) knownProse.add(proseName);
    else knownProse.delete(proseName);
    hasMarkSheet = sheets.items.some((s) => s.name === MARK_SHEET);
    const tables: ReadTable[] = [];
    const lost: LostTable[] = [];
    known.clear();
    for (const { n, item } of found) {
      const reg = decodeRegistration(n, item.comment);
      const r = ranges.get(n) as Excel.Range;
      if (!reg) {
        lost.push({ name: n, reason: `名称 ${n} 的说明（批注）被改动，无法识别其年份和格式` });
        continue;
      }
      if (r.isNullObject || /#REF!/.test(item.formula ?? '')) {
        lost.push({ name: n, reason: `${n} 所指的表格已被删除（工作表或行列被删除）` });
        continue;
      }
      known.add(n);
      const parsed = parseAddress(r.address);
      const layout = tableLayout(reg.format, reg.table);
      if (r.rowCount !== layout.rows || r.columnCount !== layout.cols) {
        lost.push({
          name: n,
          reason: `${reg.year}年${layout.name}的行列数已改变（应为 ${layout.rows} 行 × ${layout.cols} 列，现为 ${r.rowCount} 行 × ${r.columnCount} 列），请恢复被插入或删除的行列后再校验`,
        });
        continue;
      }
      tables.push({
        name: n,
        ...reg,
        sheet: parsed?.sheet ?? '',
        rect: { r: r.rowIndex, c: r.columnIndex, rs: r.rowCount, cs: r.columnCount },
        values: r.values as RawValue[][],
      });
    }
    // tables typed or pasted on the active sheet without registration, found by their labels
    if (activeUsed && extent && active.name !== MARK_SHEET) {
      const before = tables.length;
      if (!activeUsed.isNullObject) {
        // the recogniser (labels of both formats) is loaded on the first check, not with the pane's first screen;
        // loading it is no Excel round trip
        const { recogniseTables, yearInSheet } = await import(/* webpackChunkName: "recognise" */ '../report/recognise');
        const exclude = tables.filter((t) => t.sheet === active.name).map((t) => t.rect);
        const year = yearInSheet(activeUsed.values) ?? NaN;
        for (const f of recogniseTables(activeUsed.values, { r: activeUsed.rowIndex, c: activeUsed.columnIndex }, exclude)) {
          tables.push({
            name: unregisteredName(f.table),
            table: f.table,
            format: f.format,
            year,
            sheet: active.name,
            rect: f.rect,
            values: f.values,
            recognised: { findings: f.findings },
          });
        }
      }
      const beyond =
        !extent.isNullObject &&
        (extent.rowIndex + extent.rowCount > RECOGNISE_ROWS || extent.columnIndex + extent.columnCount > RECOGNISE_COLS);
      const onActive = tables.some((t) => t.sheet === active.name);
      if (beyond && tables.length === before && !onActive) {
        notes.push(
          `工作表“${active.name}”的内容超出 ${RECOGNISE_WINDOW}（到第 ${extent.rowIndex + extent.rowCount} 行、第 ${extent.columnIndex + extent.columnCount} 列）：未登记的表格只在 ${RECOGNISE_WINDOW} 中按标签查找，没有找到。如表格在更下方或更右侧，请把它移到这一范围内，或用“插入表格”重新插入后填写。`,
        );
      }
    }
    return {
      tables,
      lost,
      prose: hasProse && prose ? (prose.isNullObject ? [] : (prose.values as unknown[][])) : null,
      lastYear: lastYearSetting.isNullObject ? null : String(lastYearSetting.value),
      ...(notes.length ? { notes } : {}),
    };
  }

  async function readTables(options?: ReadOptions): Promise<TablesRead> {
    return run((ctx) => readIn(ctx, options?.proseSheet || PROSE_SHEET));
  }

  function queueMarks(ctx: Excel.RequestContext, tables: ReadTable[], marks: Mark[]): void {
    const ms = ctx.workbook.worksheets.getItem(MARK_SHEET);
    for (const t of tables.filter((x) => !x.recognised)) {
      const grid: number[][] = Array.from({ length: t.rect.rs }, () => Array(t.rect.cs).fill(0));
      for (const m of marks) if (m.tableName === t.name) grid[m.r][m.c] = Math.max(grid[m.r][m.c], MARK_CODES[m.severity]);
      const b = markBlock(t.name);
      ms.getRangeByIndexes(b.r, b.c, t.rect.rs, t.rect.cs).values = grid;
    }
  }

  async function checkAndMark<T>(decide: (read: TablesRead) => { marks: Mark[]; result: T }, options?: ReadOptions): Promise<T> {
    return run(async (ctx) => {
      const read = await readIn(ctx, options?.proseSheet || PROSE_SHEET);
      const { marks, result } = decide(read);
      if (hasMarkSheet && read.tables.some((t) => !t.recognised)) {
        queueMarks(ctx, read.tables, marks);
        await ctx.sync();
      }
      return result;
    });
  }

  async function clearMarks(only?: string[]): Promise<number> {
    return run(async (ctx) => {
      const markSheet = ctx.workbook.worksheets.getItemOrNullObject(MARK_SHEET);
      markSheet.load('name');
      const blockOf = (n: string): Excel.Range => {
        const b = markBlock(n);
        return markSheet.getRangeByIndexes(b.r, b.c, MARK_META_ROW, MARK_BLOCK_COLS);
      };
      // the codes of the tables named, or of the whole (small) mark sheet
      const reads = only ? only.map((n) => blockOf(n).load('values')) : [markSheet.getUsedRangeOrNullObject(true).load('values')];
      await ctx.sync();
      if (markSheet.isNullObject) return 0;
      const count = reads
        .filter((r) => !r.isNullObject)
        .flatMap((r) => r.values.flat())
        .filter((v) => typeof v === 'number' && v > 0).length;
      for (const n of only ?? ALL_NAMES) blockOf(n).clear('Contents');
      await ctx.sync();
      return count;
    });
  }

  async function writeCells(tableName: string, cells: Array<{ r: number; c: number; value: number }>): Promise<void> {
    await run(async (ctx) => {
      const range = ctx.workbook.names.getItem(tableName).getRange();
      for (const { r, c, value } of cells) range.getCell(r, c).values = [[value]];
      await ctx.sync();
    });
  }

  async function discardSheet(sheetName: string): Promise<void> {
    await run(async (ctx) => {
      const wb = ctx.workbook;
      const items = ALL_NAMES.map((n) => ({ n, item: wb.names.getItemOrNullObject(n).load('name,formula') }));
      const sheet = wb.worksheets.getItemOrNullObject(sheetName).load('name');
      const markSheet = wb.worksheets.getItemOrNullObject(MARK_SHEET).load('name');
      await ctx.sync();
      const found = items.filter(({ item }) => !item.isNullObject);
      const onSheet = found.filter(({ item }) => parseAddress(String(item.formula).replace(/^=/, ''))?.sheet === sheetName);
      for (const { n, item } of onSheet) {
        item.delete();
        known.delete(n);
        if (!markSheet.isNullObject) {
          const b = markBlock(n);
          markSheet.getRangeByIndexes(b.r, b.c, MARK_META_ROW + 1, MARK_BLOCK_COLS).clear('Contents');
        }
      }
      if (!markSheet.isNullObject && onSheet.length === found.length) markSheet.delete();
      if (!sheet.isNullObject) sheet.delete();
      await ctx.sync();
      if (!markSheet.isNullObject && onSheet.length === found.length) hasMarkSheet = false;
    });
  }

  function environment(): HostEnvironment {
    const d = O?.context?.diagnostics;
    let highest: string | null = null;
    for (let minor = 1; minor <= 99 && hasExcelApi(`1.${minor}`); minor++) highest = `1.${minor}`;
    return {
      application: 'Excel',
      version: d?.version ? String(d.version) : '未知（unknown）',
      platform: String(d?.platform ?? O?.context?.platform ?? '未知（unknown）'),
      api: highest ? `ExcelApi ${highest}` : '不支持 ExcelApi（none）',
    };
  }

  async function selectCells(tableName: string, cells: Array<{ r: number; c: number }>): Promise<void> {
    if (!cells.length) return;
    await run(async (ctx) => {
      const range = ctx.workbook.names.getItem(tableName).getRange();
      range.worksheet.activate();
      range.getCell(cells[0].r, cells[0].c).select();
      await ctx.sync();
    });
  }

  async function sheetNames(): Promise<string[]> {
    return run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await ctx.sync();
      return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    });
  }

  async function insertProse(sheet: string, rows: Array<[number | string, string]>): Promise<string> {
    return run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const existing = sheets.items.map((s) => s.name);
      let name = sheet;
      for (let i = 2; existing.includes(name); i++) name = `${sheet}(${i})`;
      const ws = sheets.add(name);
      const range = ws.getRangeByIndexes(0, 0, rows.length, 2);
      range.values = rows.map((row) => row.map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v)));
      ws.getRangeByIndexes(0, 0, 1, 2).format.font.bold = true;
      ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 40;
      ws.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 520;
      const body = ws.getRangeByIndexes(0, 1, rows.length, 1).format;
      body.wrapText = true;
      body.verticalAlignment = 'Top';
      ws.activate();
      await ctx.sync();
      knownProse.add(name);
      return name;
    });
  }

  async function storeLastYear(json: string | null): Promise<void> {
    await run(async (ctx) => {
      if (json === null) ctx.workbook.settings.getItemOrNullObject(LAST_YEAR_SETTING).delete();
      else ctx.workbook.settings.add(LAST_YEAR_SETTING, json);
      await ctx.sync();
    });
  }

  async function selectAddress(address: string): Promise<void> {
    const p = parseAreas(address);
    if (!p?.sheet || !p.areas.length) throw new HostError(`无法定位单元格“${address}”`);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(p.sheet as string);
      ws.activate();
      // several areas at once (RangeAreas.select, ExcelApi 1.18); before that, the first cell
      if (p.areas.length > 1 && O?.context?.requirements?.isSetSupported?.('ExcelApi', '1.18'))
        ws.getRanges(p.areas.map((a) => rectAddress(a)).join(',')).select();
      else if (p.areas.length > 1) ws.getRangeByIndexes(p.areas[0].r, p.areas[0].c, 1, 1).select();
      else ws.getRangeByIndexes(p.areas[0].r, p.areas[0].c, p.areas[0].rs, p.areas[0].cs).select();
      await ctx.sync();
    });
  }

  async function registerTables(
    tables: Array<{ table: TableId; format: FormatId; year: number; sheet: string; rect: Rect }>,
  ): Promise<TableRef[]> {
    return run(async (ctx) => {
      const wb = ctx.workbook;
      const items = ALL_NAMES.map((n) => wb.names.getItemOrNullObject(n).load('name'));
      const markSheet = wb.worksheets.getItemOrNullObject(MARK_SHEET).load('name');
      await ctx.sync();
      const names = freeNames(
        tables.map((t) => t.table),
        new Set(items.filter((n) => !n.isNullObject).map((n) => n.name)),
      );
      if (!names) throw new HostError('本工作簿中登记的年报表格已达上限，无法再登记。');
      let markMissing = markSheet.isNullObject;
      const refs: TableRef[] = [];
      for (const sheetName of [...new Set(tables.map((t) => t.sheet))]) {
        const here = tables.filter((t) => t.sheet === sheetName).map((t) => ({ ...t, name: names[t.table] as string }));
        const sheet = wb.worksheets.getItem(sheetName);
        const cfs = here.flatMap((t) => tableConditionalFormats(tableLayout(t.format, t.table), t.rect, t.name));
        queueRegistration(ctx, sheet, here, cfs, markMissing);
        markMissing = false;
        refs.push(...here.map(({ name, table, format, year, sheet: s, rect }) => ({ name, table, format, year, sheet: s, rect })));
      }
      await ctx.sync();
      return refs;
    });
  }

  return {
    info,
    insertTables,
    readTables,
    checkAndMark,
    clearMarks,
    selectCells,
    selectAddress,
    registerTables,
    sheetNames,
    insertProse,
    storeLastYear,
    environment,
    writeCells,
    discardSheet,
  };
}
