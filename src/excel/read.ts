/**
 * Reading the registered tables, the prose sheet, last year's report and the tables typed without the add-in on the
 * active sheet. Names and sheets seen before in this session are read speculatively in the first sync; what was
 * not (and, in manual calculation, everything again after a recalculation) in a second one.
 */
import { parseAddress } from '../report/a1';
import { decodeRegistration, MARK_SHEET } from '../report/plan';
import { PROSE_SHEET } from '../report/prose';
import { tableLayout } from '../report/layout';
import type { RawValue } from '../report/types';
import { unregisteredName, type LostTable, type ReadOptions, type ReadTable, type TablesRead } from '../host/types';
import { errorCode, LAST_YEAR_SETTING, type ExcelSession, type HostState } from './context';
import { existingNames, queueNameReads, type NameRead } from './registrations';

/** The window of the active sheet searched for unregistered tables: A1:AD1000 (30,000 cells). Bounded so that the
 *  read stays far below Excel's 5,000,000-cell read limit and, at up to 166 bytes a cell, below Excel on the web's
 *  5 MB response limit; a window over that (cells of long text) is caught and the check goes on without it. */
const RECOGNISE_ROWS = 1000;
const RECOGNISE_COLS = 30;
const RECOGNISE_WINDOW = 'A1:AD1000';
/** The part of the prose sheet read: A1:J1000. */
const PROSE_ROWS = 1000;
const PROSE_COLS = 10;

/** The part of a sheet read for prose: the first rows of columns A:J (one paragraph a row; bounded like any read). */
const proseWindow = (ws: Excel.Worksheet): Excel.Range =>
  ws.getRangeByIndexes(0, 0, PROSE_ROWS, PROSE_COLS).getUsedRangeOrNullObject(true).load('values');

const loadTable = (r: Excel.Range): Excel.Range => r.load('values,address,rowIndex,columnIndex,rowCount,columnCount');

/** What the first sync of a read loads. */
interface ReadBatch {
  nameReads: NameRead[];
  sheets: Excel.WorksheetCollection;
  /** The ranges of the names expected (and, after the second sync, of every name found). */
  ranges: Map<string, Excel.Range>;
  prose: Excel.Range | null;
  lastYear: Excel.Setting;
  app: Excel.Application;
  active: Excel.Worksheet;
  /** How far the active sheet reaches, and what its window A1:AD1000 holds (null when not looking). */
  extent: Excel.Range | null;
  activeUsed: Excel.Range | null;
}

/** Queue the first sync's loads (no sync). */
function queueFirstRead(wb: Excel.Workbook, state: HostState, proseName: string, recognise: boolean): ReadBatch {
  const nameReads = queueNameReads(wb, 'name,comment,formula,type');
  const sheets = wb.worksheets.load('items/name');
  const ranges = new Map<string, Excel.Range>();
  for (const n of state.known) ranges.set(n, loadTable(wb.names.getItem(n).getRangeOrNullObject()));
  const prose = state.knownProse.has(proseName) ? proseWindow(wb.worksheets.getItem(proseName)) : null;
  const lastYear = wb.settings.getItemOrNullObject(LAST_YEAR_SETTING).load('value');
  const app = wb.application.load('calculationMode');
  const active = wb.worksheets.getActiveWorksheet().load('name');
  // Tables typed or pasted without the add-in are looked for on the active sheet. The read is bounded before it
  // is made: Excel refuses to read more than 5,000,000 cells of a range, and Excel on the web refuses a response
  // over 5 MB (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
  // Only the window A1:AD1000 is read; of the whole sheet only how far it reaches.
  const extent = recognise ? active.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') : null;
  const searched = recognise ? active.getRangeByIndexes(0, 0, RECOGNISE_ROWS, RECOGNISE_COLS).getUsedRangeOrNullObject(true) : null;
  const activeUsed = searched ? searched.load('values,rowIndex,columnIndex,rowCount,columnCount') : null;
  return { nameReads, sheets, ranges, prose, lastYear, app, active, extent, activeUsed };
}

/** After the first sync: queue what it did not read (names not expected, the prose sheet, everything again after a
 *  recalculation in manual mode). Returns whether a second sync is needed. */
function queueSecondRead(wb: Excel.Workbook, batch: ReadBatch, proseName: string, notes: string[]): { sync: boolean; hasProse: boolean } {
  const found = existingNames(batch.nameReads);
  const { ranges } = batch;
  for (const n of [...ranges.keys()]) if (!found.some((f) => f.n === n)) ranges.delete(n);
  const missing = found.filter(({ n }) => !ranges.has(n));
  // Manual calculation: totals computed by formulas may be stale. Recalculate (as F9 does) and read the values
  // again, in the same second round trip as anything still missing.
  const manual = batch.app.calculationMode === 'Manual';
  if (manual) {
    wb.application.calculate('Recalculate');
    for (const r of ranges.values()) loadTable(r);
    batch.prose?.load('values');
    batch.activeUsed?.load('values');
    notes.push('Excel 当前为手动计算模式：校验前已重新计算公式（相当于按 F9），读取的是计算后的数值。');
  }
  for (const { n, item } of missing) ranges.set(n, loadTable(item.getRangeOrNullObject()));
  const proseActual = batch.sheets.items.find((s) => s.name.toLowerCase() === proseName.trim().toLowerCase())?.name;
  const hasProse = proseActual !== undefined && proseActual !== MARK_SHEET;
  const proseMissing = proseActual !== undefined && hasProse && !batch.prose;
  if (proseMissing) batch.prose = proseWindow(wb.worksheets.getItem(proseActual));
  return { sync: missing.length > 0 || proseMissing || manual, hasProse };
}

/** After the last sync: the registered tables read, and those whose registration no longer holds. */
function registeredTables(batch: ReadBatch, state: HostState): { tables: ReadTable[]; lost: LostTable[] } {
  const tables: ReadTable[] = [];
  const lost: LostTable[] = [];
  state.known.clear();
  for (const { n, item } of existingNames(batch.nameReads)) {
    const reg = decodeRegistration(n, item.comment);
    const r = batch.ranges.get(n) as Excel.Range;
    if (!reg) {
      lost.push({ name: n, reason: `名称 ${n} 的说明（批注）被改动，无法识别其年份和格式` });
      continue;
    }
    if (r.isNullObject || /#REF!/.test(String(item.formula ?? ''))) {
      lost.push({ name: n, reason: `${n} 所指的表格已被删除（工作表或行列被删除）` });
      continue;
    }
    state.known.add(n);
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
      sheet: parseAddress(r.address)?.sheet ?? '',
      rect: { r: r.rowIndex, c: r.columnIndex, rs: r.rowCount, cs: r.columnCount },
      values: r.values as RawValue[][],
    });
  }
  return { tables, lost };
}

/** After the last sync: tables typed or pasted on the active sheet without registration, found by their labels
 *  (added to `tables`); a note when none was found and the sheet reaches beyond the window searched. */
async function unregisteredTables(batch: ReadBatch, activeName: string, tables: ReadTable[], notes: string[]): Promise<void> {
  const { activeUsed, extent } = batch;
  if (!activeUsed || !extent || activeName === MARK_SHEET) return;
  const before = tables.length;
  if (!activeUsed.isNullObject) {
    // the recogniser (labels of both formats) is loaded on the first check, not with the pane's first screen;
    // loading it is no Excel round trip
    const { recogniseTables, yearInSheet } = await import(/* webpackChunkName: "recognise" */ '../report/recognise');
    const exclude = tables.filter((t) => t.sheet === activeName).map((t) => t.rect);
    const year = yearInSheet(activeUsed.values) ?? NaN;
    for (const f of recogniseTables(activeUsed.values, { r: activeUsed.rowIndex, c: activeUsed.columnIndex }, exclude)) {
      const { table, format, rect, values, findings } = f;
      tables.push({ name: unregisteredName(table), table, format, year, sheet: activeName, rect, values, recognised: { findings } });
    }
  }
  const rows = extent.isNullObject ? 0 : extent.rowIndex + extent.rowCount;
  const cols = extent.isNullObject ? 0 : extent.columnIndex + extent.columnCount;
  const beyond = rows > RECOGNISE_ROWS || cols > RECOGNISE_COLS;
  if (beyond && tables.length === before && !tables.some((t) => t.sheet === activeName)) {
    notes.push(
      `工作表“${activeName}”的内容超出 ${RECOGNISE_WINDOW}（到第 ${rows} 行、第 ${cols} 列）：未登记的表格只在 ${RECOGNISE_WINDOW} 中按标签查找，没有找到。如表格在更下方或更右侧，请把它移到这一范围内，或用“插入表格”重新插入后填写。`,
    );
  }
}

/** The read inside an Excel.run (shared by readTables and checkAndMark): at most two read syncs. */
export async function readIn(
  session: ExcelSession,
  context: Excel.RequestContext,
  proseName: string,
  recognise = true,
): Promise<TablesRead> {
  const { state } = session;
  const wb = context.workbook;
  const notes: string[] = [];
  const batch = queueFirstRead(wb, state, proseName, recognise);
  try {
    await context.sync();
  } catch (e) {
    const code = errorCode(e);
    // Excel on the web: what the window holds is over 5 MB (cells of long text); check without looking for
    // unregistered tables, and say so
    if (recognise && code === 'ResponsePayloadSizeLimitExceeded') {
      const read = await readIn(session, context, proseName, false);
      const note = `当前工作表内容过多（超过网页版 Excel 一次读取 5 MB 的限制），本次没有在其中按标签查找未登记的表格；已登记的表格照常校验。`;
      return { ...read, notes: [...(read.notes ?? []), note] };
    }
    // only a name or sheet that has gone since the last read sends us down the plain path; any other
    // refusal (cell being edited, workbook busy) is the user's to hear about
    if ((!batch.ranges.size && !batch.prose) || !['ItemNotFound', 'InvalidReference', 'InvalidArgument'].includes(code ?? '')) throw e;
    state.known.clear();
    state.knownProse.clear();
    return readIn(session, context, proseName, recognise);
  }
  const second = queueSecondRead(wb, batch, proseName, notes);
  if (second.sync) await context.sync();
  if (second.hasProse) state.knownProse.add(proseName);
  else state.knownProse.delete(proseName);
  state.hasMarkSheet = batch.sheets.items.some((s) => s.name === MARK_SHEET);
  const { tables, lost } = registeredTables(batch, state);
  await unregisteredTables(batch, batch.active.name, tables, notes);
  const { prose, lastYear } = batch;
  return {
    tables,
    lost,
    prose: second.hasProse && prose ? (prose.isNullObject ? [] : (prose.values as unknown[][])) : null,
    lastYear: lastYear.isNullObject ? null : String(lastYear.value),
    ...(notes.length ? { notes } : {}),
  };
}

/** readTables: the read in its own Excel.run. */
export function readTables(session: ExcelSession, options?: ReadOptions): Promise<TablesRead> {
  return session.run((context) => readIn(session, context, options?.proseSheet || PROSE_SHEET));
}
