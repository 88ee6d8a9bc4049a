/**
 * Registrations: a workbook name per table, its comment holding the table's metadata, and the table's block on the
 * hidden mark sheet. Every action that reads them reads them here (queued, no sync); writing a new one is queued
 * here too.
 */
import type { Rect } from '../report/a1';
import {
  ALL_NAMES,
  encodeRegistration,
  markBlock,
  MARK_FILLS,
  MARK_META_ROW,
  MARK_SHEET,
  type SheetPlan,
  type TableRegistration,
} from '../report/plan';
import type { ExcelSession } from './context';

export interface NameRead {
  n: string;
  item: Excel.NamedItem;
}

/** Queue the read of every registration name (a null object where the name is free), with these properties. */
export function queueNameReads(wb: Excel.Workbook, properties: string): NameRead[] {
  return ALL_NAMES.map((n) => ({ n, item: wb.names.getItemOrNullObject(n).load(properties) }));
}

/** After the sync: the names that exist. */
export const existingNames = (reads: NameRead[]): NameRead[] => reads.filter(({ item }) => !item.isNullObject);

/** After the sync: the set of names taken. */
export const takenNames = (reads: NameRead[]): Set<string> => new Set(existingNames(reads).map(({ n }) => n));

/** Queue the read of the mark sheet (a null object when the workbook has none). */
export const queueMarkSheetRead = (wb: Excel.Workbook): Excel.Worksheet => wb.worksheets.getItemOrNullObject(MARK_SHEET).load('name');

/** Queue a table's registration: its conditional formats, its name with metadata, and the mark sheet (no sync). */
export function queueRegistration(
  session: ExcelSession,
  wb: Excel.Workbook,
  sheet: Excel.Worksheet,
  tables: Array<TableRegistration & { name: string; rect: Rect }>,
  cfs: SheetPlan['conditionalFormats'],
  markSheetMissing: boolean,
): void {
  for (const cf of cfs) {
    const fmt = sheet
      .getRangeByIndexes(cf.rect.r, cf.rect.c, cf.rect.rs, cf.rect.cs)
      .conditionalFormats.add(session.X.ConditionalFormatType.custom);
    fmt.custom.rule.formula = cf.formula;
    fmt.custom.format.fill.color = MARK_FILLS[cf.severity];
  }
  const ms = markSheetMissing ? wb.worksheets.add(MARK_SHEET) : wb.worksheets.getItem(MARK_SHEET);
  if (markSheetMissing) ms.visibility = 'VeryHidden';
  for (const t of tables) {
    wb.names.add(t.name, sheet.getRangeByIndexes(t.rect.r, t.rect.c, t.rect.rs, t.rect.cs), encodeRegistration(t));
    const b = markBlock(t.name);
    ms.getRangeByIndexes(b.r + MARK_META_ROW, b.c, 1, 1).values = [[encodeRegistration(t)]];
    session.state.known.add(t.name);
  }
}
