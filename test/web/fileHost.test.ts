/** The web edition's file host over exceljs (node): new workbooks, opened files, insertion, checks, marks, saving. */
import ExcelJS from 'exceljs';
import { openFileHost, NEW_WORKBOOK_NAME } from '../../src/web/fileHost';

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('a new workbook', () => {
  it('has one visible sheet Sheet1, named 新建工作簿.xlsx, and saves as an .xlsx with that sheet', async () => {
    const host = await openFileHost();
    expect(host.fileName).toBe(NEW_WORKBOOK_NAME);
    expect(host.workbook().worksheets.map((ws) => ws.name)).toEqual(['Sheet1']);
    expect(host.activeSheet()).toBe('Sheet1');
    expect(host.lostParts()).toEqual([]);
    const copy = await reload(await host.save());
    expect(copy.worksheets.map((ws) => ws.name)).toEqual(['Sheet1']);
  });

  it('tells subscribers about a selection until they unsubscribe', async () => {
    const host = await openFileHost();
    const seen: string[] = [];
    const off = host.subscribe(() => seen.push(JSON.stringify(host.selection())));
    host.select('Sheet1', [{ r: 2, c: 3 }]);
    off();
    host.select('Sheet1', [{ r: 0, c: 0 }]);
    expect(seen).toEqual(['{"sheet":"Sheet1","cells":[{"r":2,"c":3}]}']);
    expect(host.selection()).toEqual({ sheet: 'Sheet1', cells: [{ r: 0, c: 0 }] });
  });
});
