/**
 * Inserting the report's tables at the selection or on a new sheet: one read sync (free names, the target area and
 * what it holds), the decision (refusing a protected sheet, an occupied or merged area), one write sync (the plan);
 * a write sync that fails part-way is undone (undo.ts).
 */
import { freeSheetName, rectAddress } from '../report/a1';
import { buildPlan, freeNames, planSize, type PlanRequest, type SheetPlan } from '../report/plan';
import { HostError, occupiedRefusal, protectedRefusal, type InsertOutcome, type InsertTarget } from '../host/types';
import type { readAreaFormats as ReadAreaFormats } from './areaFormats';
import { errorCode, type ExcelSession } from './context';
import { describeExcelError } from './errors';
import { queuePlan } from './planWrite';
import { queueMarkSheetRead, queueNameReads, takenNames } from './registrations';
import { undoInsert, type AreaBefore } from './undo';

/** What the read sync loads of the selection and the area the tables would cover. */
interface SelectionRead {
  cell: Excel.Range;
  sheet: Excel.Worksheet;
  area: Excel.Range;
  /** The area's merged cells (ExcelApi 1.13; null before). */
  merged: Excel.RangeAreas | null;
  /** What an interrupted insertion must put back (see undoInsert). */
  before: AreaBefore;
  /** The widths of the columns the area covers. */
  widthCells: Array<{ c: number; r: Excel.Range }>;
}

type Size = { rows: number; cols: number };

/** Queue the read of the selection's area (no sync). */
function queueSelectionRead(session: ExcelSession, wb: Excel.Workbook, size: Size, readAreaFormats: typeof ReadAreaFormats): SelectionRead {
  const cell = wb.getActiveCell().load('rowIndex,columnIndex,address');
  const sheet = cell.worksheet.load('name');
  sheet.protection.load('protected');
  const area = cell.getResizedRange(size.rows - 1, size.cols - 1).load('formulas,address,numberFormat');
  // merged areas can be read from ExcelApi 1.13 on; before that an empty merged area is not seen (the
  // insertion's own merges replace it, as Excel's merge does)
  const merged = session.hasExcelApi('1.13') ? area.getMergedAreasOrNullObject().load('address') : null;
  const before: AreaBefore = {
    range: area,
    formats: readAreaFormats(area, size.rows, size.cols, session.hasExcelApi),
    validation: area.dataValidation.load('type'),
    cfCount: area.conditionalFormats.getCount(),
    rows: Array.from({ length: size.rows }, (_, i) => cell.getOffsetRange(i, 0).format.load('rowHeight')),
  };
  const widthCells = Array.from({ length: size.cols }, (_, c) => {
    const r = cell.getOffsetRange(0, c).load('columnIndex');
    r.format.load('columnWidth');
    return { c, r };
  });
  return { cell, sheet, area, merged, before, widthCells };
}

/** After the read: why the selection's area cannot take the tables, or null when it can. */
function refusal(session: ExcelSession, s: SelectionRead): InsertOutcome | null {
  if (s.sheet.protection.protected) return protectedRefusal(s.sheet.name);
  const occupied: string[] = [];
  s.area.formulas.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== '' && v !== null) occupied.push(rectAddress({ r: s.cell.rowIndex + i, c: s.cell.columnIndex + j, rs: 1, cs: 1 }));
    }),
  );
  const mergedAt = session.hasExcelApi('1.13') && s.merged && !s.merged.isNullObject ? (s.merged.address.split('!').pop() ?? null) : null;
  return occupiedRefusal(s.area.address.split('!').pop() ?? '', occupied, mergedAt);
}

/** A new sheet's name: the one asked for (or 年报表格), numbered when taken. */
function newSheetName(sheets: Excel.WorksheetCollection, target: InsertTarget): string {
  return freeSheetName(
    sheets.items.map((s) => s.name),
    target.kind === 'newSheet' ? target.name : '年报表格',
  );
}

function inserted(plan: SheetPlan, sheetName: string): InsertOutcome {
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
}

/** The write sync failed: undo what it left (undo.ts), and say whether the undo succeeded. */
async function failedWrite(context: Excel.RequestContext, e: unknown, undo: Parameters<typeof undoInsert>[1]): Promise<HostError> {
  const cause = describeExcelError(e);
  const undone = await undoInsert(context, undo).then(
    () => true,
    () => false,
  );
  return new HostError(
    undone
      ? `插入中途出错，已撤消已写入的部分，工作簿保持插入前的样子。原因：${cause}`
      : `插入中途出错，撤消也未能完成，请用 Excel 的“撤消”或检查 ${undo.sheetName} 工作表。原因：${cause}`,
    errorCode(e),
  );
}

export async function insertTables(session: ExcelSession, req: PlanRequest, target: InsertTarget): Promise<InsertOutcome> {
  const size = planSize(req);
  // what an insertion at the selection saves to put back if it fails part-way (not on the pane's first screen)
  const formats = target.kind === 'selection' ? await import(/* webpackChunkName: "area-formats" */ './areaFormats') : null;
  return session.run(async (context) => {
    const wb = context.workbook;
    // ---- read
    const nameReads = queueNameReads(wb, 'name');
    const markSheet = queueMarkSheetRead(wb);
    const selection = formats ? queueSelectionRead(session, wb, size, formats.readAreaFormats) : null;
    const sheets = selection ? null : wb.worksheets.load('items/name');
    await context.sync();
    // ---- decide
    const names = freeNames(req.tables, takenNames(nameReads));
    if (!names) return { ok: false, reason: 'failed', message: '本工作簿中登记的年报表格已达上限，请在新工作簿中插入。' };
    const refused = selection ? refusal(session, selection) : null;
    if (refused) return refused;
    const anchor = selection ? { r: selection.cell.rowIndex, c: selection.cell.columnIndex } : { r: 0, c: 0 };
    const sheetName = selection ? selection.sheet.name : newSheetName(sheets as Excel.WorksheetCollection, target);
    const plan = buildPlan({ ...req, names }, anchor);
    const widths = new Map((selection?.widthCells ?? []).map(({ c, r }) => [anchor.c + c, r.format.columnWidth]));
    // ---- write
    const sheet = selection ? selection.sheet : wb.worksheets.add(sheetName);
    queuePlan(session, wb, sheet, plan, widths, markSheet.isNullObject);
    if (target.kind === 'newSheet') sheet.activate();
    sheet.getRangeByIndexes(anchor.r, anchor.c, 1, 1).select();
    try {
      await context.sync();
    } catch (e) {
      const undo = {
        plan,
        sheetName,
        newSheet: !selection,
        markSheetCreated: markSheet.isNullObject,
        widths,
        before: selection?.before ?? null,
      };
      throw await failedWrite(context, e, undo);
    }
    plan.tables.forEach((t) => session.state.known.add(t.name));
    return inserted(plan, sheetName);
  });
}
