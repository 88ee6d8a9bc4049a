/** Taking the user to cells: a table's cells (a finding), or an address (a finding of the web edition's files). */
import { parseAreas, rectAddress } from '../report/a1';
import { HostError } from '../host/types';
import type { ExcelSession } from './context';

/** One write sync: the table's sheet activated and the first of the cells selected. */
export async function selectCells(session: ExcelSession, tableName: string, cells: Array<{ r: number; c: number }>): Promise<void> {
  if (!cells.length) return;
  await session.run(async (context) => {
    const range = context.workbook.names.getItem(tableName).getRange();
    range.worksheet.activate();
    range.getCell(cells[0].r, cells[0].c).select();
    await context.sync();
  });
}

/** One write sync: the sheet activated and the areas selected. */
export async function selectAddress(session: ExcelSession, address: string): Promise<void> {
  const p = parseAreas(address);
  if (!p?.sheet || !p.areas.length) throw new HostError(`无法定位单元格“${address}”`);
  const { sheet, areas } = p;
  await session.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    // several areas at once (RangeAreas.select, ExcelApi 1.18); before that, the first cell
    if (areas.length > 1 && session.O?.context?.requirements?.isSetSupported?.('ExcelApi', '1.18'))
      ws.getRanges(areas.map((a) => rectAddress(a)).join(',')).select();
    else if (areas.length > 1) ws.getRangeByIndexes(areas[0].r, areas[0].c, 1, 1).select();
    else ws.getRangeByIndexes(areas[0].r, areas[0].c, areas[0].rs, areas[0].cs).select();
    await context.sync();
  });
}
