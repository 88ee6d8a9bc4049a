/** Putting the workbook back after an insertion's write sync failed part-way. */
import { markBlock, MARK_META_ROW, MARK_SHEET, widthPoints, type SheetPlan } from '../report/plan';
import type { AreaFormats } from './areaFormats';

/** What the target area held before an insertion at the selection (read in the insertion's read sync). */
export interface AreaBefore {
  /** The area itself, loaded with its number formats. */
  range: Excel.Range;
  /** Fill, font, alignment and borders of each cell (see areaFormats.ts). */
  formats: AreaFormats;
  validation: Excel.DataValidation;
  /** How many conditional formats touched the area. */
  cfCount: OfficeExtension.ClientResult<number>;
  rows: Excel.RangeFormat[];
}

export interface InsertUndo {
  plan: SheetPlan;
  sheetName: string;
  newSheet: boolean;
  markSheetCreated: boolean;
  widths: Map<number, number>;
  before: AreaBefore | null;
}

/** Queue putting back the area of an insertion at the selection (no sync). */
function queueAreaRestore(
  ws: Excel.Worksheet,
  area: Excel.Range,
  cfs: Excel.ConditionalFormatCollection,
  u: InsertUndo,
  b: AreaBefore,
): void {
  const r = u.plan.rect;
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

/**
 * Puts the workbook back as it was after an insertion's write sync failed part-way (Excel does not roll a batch
 * back: the operations before the failing one stay applied). One read sync to see what was left, one write sync.
 * Only what the insertion writes is put back — the user's own conditional formats, validations and merges
 * elsewhere are never cleared and re-made (Range.clear('Formats') would take conditional formats with it).
 */
export async function undoInsert(context: Excel.RequestContext, u: InsertUndo): Promise<void> {
  const wb = context.workbook;
  // ---- read
  const names = u.plan.tables.map((t) => wb.names.getItemOrNullObject(t.name).load('name'));
  const sheet = wb.worksheets.getItemOrNullObject(u.sheetName).load('name');
  const marks = wb.worksheets.getItemOrNullObject(MARK_SHEET).load('name');
  const r = u.plan.rect;
  const area = u.newSheet ? null : wb.worksheets.getItem(u.sheetName).getRangeByIndexes(r.r, r.c, r.rs, r.cs);
  const cfs = area ? area.conditionalFormats.load('items/type') : null;
  await context.sync();
  // ---- write
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
    queueAreaRestore(wb.worksheets.getItem(u.sheetName), area, cfs, u, u.before);
  }
  await context.sync();
}
