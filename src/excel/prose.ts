/** The sheets the user can pick the prose from, and a new prose sheet written from a template. */
import { freeSheetName as freeName } from '../report/a1';
import type { ExcelSession } from './context';

/** One read sync: the visible sheets' names. */
export function sheetNames(session: ExcelSession): Promise<string[]> {
  return session.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await context.sync();
    return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
  });
}

/** Text as Excel must be given it to keep it text (a leading '=', '+', '-' or '@' would be taken as a formula). */
const asText = (v: number | string): number | string => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);

/** One read sync (the sheet names taken), one write sync (the new sheet, activated). Returns the sheet's name. */
export function insertProse(session: ExcelSession, sheet: string, rows: Array<[number | string, string]>): Promise<string> {
  return session.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // ---- read
    sheets.load('items/name');
    await context.sync();
    // ---- decide
    const name = freeName(
      sheets.items.map((s) => s.name),
      sheet,
    );
    // ---- write
    const ws = sheets.add(name);
    ws.getRangeByIndexes(0, 0, rows.length, 2).values = rows.map((row) => row.map(asText));
    ws.getRangeByIndexes(0, 0, 1, 2).format.font.bold = true;
    ws.getRangeByIndexes(0, 0, 1, 1).format.columnWidth = 40;
    ws.getRangeByIndexes(0, 1, 1, 1).format.columnWidth = 520;
    const body = ws.getRangeByIndexes(0, 1, rows.length, 1).format;
    body.wrapText = true;
    body.verticalAlignment = 'Top';
    ws.activate();
    await context.sync();
    session.state.knownProse.add(name);
    return name;
  });
}
