/** The web edition's file host over exceljs (node): new workbooks, a file made by LibreOffice, insertion, checks,
 *  marks and notes, saving, lost parts and bad files. */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook } from '../../src/file/xlsx';
import { rejection } from './helpers';
import { openFileHost, NEW_WORKBOOK_NAME, type FileHost } from '../../src/web/fileHost';
import { checkActions } from '../../src/app/check';
import { planRequest } from '../../src/app/insert';
import { NOTE_PREFIX } from '../../src/file/xlsx';
import { HostError, type TableRef } from '../../src/host/types';
import { a1 } from '../../src/report/a1';

const FIXTURE = join(__dirname, '../fixtures/web/user-sheet.xlsx');
const fixture = (): { name: string; bytes: Uint8Array } => ({ name: '台账.xlsx', bytes: new Uint8Array(readFileSync(FIXTURE)) });
const request = planRequest({ year: 2025, agency: '某县人民政府办公室', target: { kind: 'selection' } });

const noteOf = (cell: ExcelJS.Cell): string => {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n;
  return n ? (n as { texts: Array<{ text: string }> }).texts.map((t) => t.text).join('') : '';
};

describe('a new workbook', () => {
  it('has one visible sheet Sheet1, named 新建工作簿.xlsx, and saves as an .xlsx with that sheet', async () => {
    const host = await openFileHost();
    expect(host.fileName).toBe(NEW_WORKBOOK_NAME);
    expect(host.activeSheet()).toBe('Sheet1');
    expect(host.lostParts()).toEqual([]);
    expect(host.info()).toEqual({ name: '网页版（文件）', supported: true });
    expect(host.environment()).toMatchObject({ application: '网页版', platform: 'Browser', api: 'exceljs' });
    const copy = await loadWorkbook(await host.save());
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

  it('keeps last year’s report through a download and re-opening, and removes it on null', async () => {
    const host = await openFileHost();
    const json = JSON.stringify({ year: 2024, text: '甲'.repeat(70000) });
    await host.storeLastYear(json);
    const again = await openFileHost({ name: 'a.xlsx', bytes: await host.save() });
    expect((await again.readTables()).lastYear).toBe(json);
    expect(await again.sheetNames()).toEqual(['Sheet1']);
    await again.storeLastYear(null);
    expect((await again.readTables()).lastYear).toBeNull();
  });

  it('writes prose on a new sheet, numbered when the name is taken, and shows it', async () => {
    const host = await openFileHost();
    expect(await host.insertProse('报告正文', [['章节', '正文']])).toBe('报告正文');
    expect(await host.insertProse('报告正文', [['章节', '=不是公式']])).toBe('报告正文(2)');
    expect(host.activeSheet()).toBe('报告正文(2)');
    expect(host.displayText('报告正文(2)', 0, 1)).toBe('=不是公式');
  });
});

describe('a workbook made by LibreOffice', () => {
  let host: FileHost;
  let tables: TableRef[];
  const apps = (): TableRef => tables.find((t) => t.table === 'applications') as TableRef;

  beforeAll(async () => {
    host = await openFileHost(fixture());
    expect(host.activeSheet()).toBe('经费明细');
    expect(host.lostParts()).toEqual([]);
  });

  it('refuses to insert over the user’s cells and merged title, naming them, and changes nothing', async () => {
    const before = await host.save();
    host.select('经费明细', [{ r: 0, c: 0 }]);
    const out = await host.insertTables(request, { kind: 'selection' });
    expect(out).toEqual({
      ok: false,
      reason: 'occupied',
      message:
        '目标区域 A1:O53 中9 个单元格已有内容（A1、A2、B2 等），有合并单元格（A1:B1）。为避免覆盖，未插入任何内容。请选择一个空白位置，或插入到新工作表。',
    });
    expect(Buffer.from(await host.save()).length).toBe(Buffer.from(before).length);
  });

  it('inserts beside them at the selection, with live totals', async () => {
    host.select('经费明细', [{ r: 0, c: 3 }]);
    const out = await host.insertTables(request, { kind: 'selection' });
    if (!out.ok) throw new Error(out.message);
    expect(out.address).toBe('D1:R53');
    tables = out.tables;
    await host.writeCells(apps().name, [
      { r: 3, c: 3, value: 5 },
      { r: 3, c: 4, value: 2 },
    ]);
    // 一、本年新收 总计 (column 9 of the table) is =SUM of the row: 5 + 2
    expect(host.displayText('经费明细', apps().rect.r + 3, apps().rect.c + 9)).toBe('7');
    expect(host.displayText('经费明细', 4, 1)).toBe('150');
  });

  it('marks a wrong total with a note, found by the pane’s check action, and clears only its own notes', async () => {
    // （一）予以公开: one part 4, the total typed over its formula as 9
    await host.writeCells(apps().name, [
      { r: 5, c: 3, value: 4 },
      { r: 5, c: 9, value: 9 },
    ]);
    const result = await checkActions(host).check();
    const total = { sheet: '经费明细', r: apps().rect.r + 5, c: apps().rect.c + 9 };
    const finding = result.sets[0].findings.find((f) => f.locations.some((l) => l.key === 'applications.granted.total'));
    expect(finding?.severity).toBe('error');
    expect(host.markedCells()).toContainEqual({ ...total, severity: 'error' });
    const cell = host
      .workbook()
      .getWorksheet('经费明细')
      ?.getCell(total.r + 1, total.c + 1) as ExcelJS.Cell;
    expect(noteOf(cell).startsWith(NOTE_PREFIX)).toBe(true);

    const saved = await loadWorkbook(await host.save());
    const ws = saved.getWorksheet('经费明细') as ExcelJS.Worksheet;
    // the user's own sheet: values, formula, fill, merge, width, note — all kept
    expect(ws.getCell('A1').value).toBe('本单位自用台账');
    expect(ws.getCell('B5').value).toEqual({ formula: 'SUM(B3:B4)', result: 150 });
    expect(ws.getCell('B3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(ws.model.merges).toContain('A1:B1');
    expect(ws.getColumn(1).width).toBeCloseTo(25.95, 1);
    expect(noteOf(ws.getCell('B3'))).toBe('经办人核对过');
    expect(saved.getWorksheet('备忘')?.getCell('A1').value).toBe('另一张表');
    // the inserted tables: a formula with its computed result, the mark code and the note
    const newTotal = ws.getCell(apps().rect.r + 4, apps().rect.c + 10).value as ExcelJS.CellFormulaValue;
    expect(newTotal.result).toBe(7);
    expect(newTotal.formula).toMatch(/^SUM\(G\d+:L\d+\)$/);
    expect(noteOf(ws.getCell(total.r + 1, total.c + 1)).startsWith(NOTE_PREFIX)).toBe(true);
    const reopened = await openFileHost({ name: 'copy.xlsx', bytes: await host.save() });
    expect(reopened.markedCells()).toContainEqual({ ...total, severity: 'error' });

    const cleared = await host.clearMarks();
    expect(cleared).toBe(result.marked);
    expect(host.markedCells()).toEqual([]);
    expect(noteOf(cell)).toBe('');
    expect(noteOf(host.workbook().getWorksheet('经费明细')?.getCell('B3') as ExcelJS.Cell)).toBe('经办人核对过');
  });
});

describe('what exceljs cannot keep, and files it cannot open', () => {
  it('names the charts and the macros of the opened file before download', async () => {
    const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file('xl/charts/chart2.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    zip.file('xl/vbaProject.bin', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const host = await openFileHost({ name: '图表.xlsx', bytes });
    expect(host.lostParts()).toEqual(['图表 2 个', '宏（VBA 代码）']);
  });

  const bad = async (name: string, bytes: Uint8Array): Promise<string> => {
    const e: unknown = await openFileHost({ name, bytes }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(HostError);
    return (e as HostError).message;
  };
  const ole = (extra: string): Uint8Array =>
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from(extra, 'utf16le')]);

  it('says what is wrong with each, naming the file', async () => {
    expect(await bad('空.xlsx', new Uint8Array())).toBe('《空.xlsx》是空文件（0 字节），不是 .xlsx 工作簿。请重新保存或选择另一个文件。');
    expect(await bad('旧.xls', ole('Workbook'))).toBe('《旧.xls》是旧版 Excel 文件（.xls），请在 WPS 或 Excel 中另存为 .xlsx 后再打开。');
    expect(await bad('密.xlsx', ole('EncryptionInfo'))).toMatch(/^《密\.xlsx》设有打开密码（已加密）/);
    expect(await bad('表.csv', new Uint8Array(Buffer.from('a,b\n1,2\n')))).toMatch(/^《表\.csv》不是 \.xlsx 工作簿（是文本文件/);
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await bad('文.xlsx', await docx.generateAsync({ type: 'uint8array' }))).toBe(
      '《文.xlsx》是 Word 文档，不是工作簿。请选择 .xlsx 工作簿。',
    );
    const broken = new Uint8Array(readFileSync(FIXTURE)).slice(0, 600);
    expect(await bad('坏.xlsx', broken)).toMatch(/^《坏\.xlsx》已损坏，无法解压/);
  });
});

/** Everything a saved copy holds, read back: each sheet (name, visibility, its whole model: cells with values, styles
 *  and notes, merges, widths, validations, conditional formats) and the workbook's names. */
async function contents(bytes: Uint8Array): Promise<unknown> {
  const wb = await loadWorkbook(bytes);
  return {
    sheets: wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state, model: ws.model })),
    names: wb.definedNames.model,
  };
}

describe('an insertion that fails part-way', () => {
  it('is undone on the user’s sheet: cells, merges, formats, names and the mark sheet as they were', async () => {
    const host = await openFileHost(fixture());
    const before = await host.save();
    host.select('经费明细', [{ r: 0, c: 3 }]);
    const sheet = host.workbook().getWorksheet('经费明细') as ExcelJS.Worksheet;
    // the cells, merges, widths, validations and conditional formats are written; then the second merge fails
    let merges = 0;
    const realMerge = sheet.mergeCells.bind(sheet);
    const spy = jest.spyOn(sheet, 'mergeCells').mockImplementation((...args: Parameters<typeof sheet.mergeCells>) => {
      if (++merges === 2) throw new Error('磁盘已满');
      realMerge(...args);
    });
    const e = await rejection(host.insertTables(request, { kind: 'selection' }));
    spy.mockRestore();
    expect(merges).toBe(2);
    expect(e.message).toBe('插入中途出错，已撤消已写入的部分，工作簿保持插入前的样子。原因：磁盘已满');
    expect(await contents(await host.save())).toEqual(await contents(before));
    // what the grid shows: the user's cells, nothing of ours
    expect(host.displayText('经费明细', 4, 1)).toBe('150');
    expect(host.displayText('经费明细', 0, 3)).toBe('');
    expect(host.workbook().worksheets.map((ws) => ws.name)).toEqual(['经费明细', '备忘']);
    expect((await host.readTables()).tables).toEqual([]);
    // and the same insertion, tried again without the failure, works
    const out = await host.insertTables(request, { kind: 'selection' });
    expect(out).toMatchObject({ ok: true, sheet: '经费明细', address: 'D1:R53' });
  });

  it('is undone on a new sheet after earlier tables: the new sheet goes, the earlier tables and marks stay', async () => {
    const host = await openFileHost(fixture());
    const first = await host.insertTables(request, { kind: 'newSheet', name: '年报' });
    if (!first.ok) throw new Error(first.message);
    const apps = first.tables.find((t) => t.table === 'applications') as TableRef;
    await host.writeCells(apps.name, [{ r: 5, c: 9, value: 9 }]);
    await checkActions(host).check();
    const marked = host.markedCells();
    expect(marked.length).toBeGreaterThan(0);
    const before = await host.save();
    // the second set's names: the first is added, the second fails
    const names = host.workbook().definedNames;
    const realAdd = names.add.bind(names);
    let added = 0;
    const spy = jest.spyOn(names, 'add').mockImplementation((location: string, name?: string) => {
      if (name?.endsWith('_2') && ++added === 2) throw new Error('名称表已损坏');
      realAdd(location, name);
    });
    const e = await rejection(host.insertTables(request, { kind: 'newSheet', name: '年报' }));
    spy.mockRestore();
    expect(added).toBe(2);
    expect(e.message).toMatch(/^插入中途出错，已撤消已写入的部分，工作簿保持插入前的样子。原因：名称表已损坏$/);
    expect(host.workbook().getWorksheet('年报(2)')).toBeUndefined();
    expect(await contents(await host.save())).toEqual(await contents(before));
    expect(host.markedCells()).toEqual(marked);
    expect((await host.readTables()).tables.map((t) => t.name)).toEqual(first.tables.map((t) => t.name));
  });
});

describe('the user’s own formulas reading our tables', () => {
  /** A file with the tables on 年报 and the user's formulas on 汇总 (as Excel would have saved them, results cached). */
  async function withUserFormulas(): Promise<{ host: FileHost; apps: TableRef }> {
    const maker = await openFileHost();
    const out = await maker.insertTables(request, { kind: 'newSheet', name: '年报' });
    if (!out.ok) throw new Error(out.message);
    const apps = out.tables.find((t) => t.table === 'applications') as TableRef;
    await maker.writeCells(apps.name, [
      { r: 3, c: 3, value: 5 },
      { r: 3, c: 4, value: 2 },
    ]);
    const wb = await loadWorkbook(await maker.save());
    const at = (c: number): string => `'年报'!${a1(apps.rect.r + 3, apps.rect.c + c)}`;
    const ws = wb.addWorksheet('汇总');
    ws.getCell('A1').value = { formula: `${at(9)}+1`, result: 8 }; // 总计 + 1
    ws.getCell('A2').value = { formula: `SUM(${at(3)}:${a1(apps.rect.r + 3, apps.rect.c + 4)})`, result: 7 };
    ws.getCell('A3').value = { formula: `AVERAGE(${at(3)},${at(4)})`, result: 3.5 };
    ws.getCell('A4').value = { formula: 'A3*2', result: 7 };
    ws.getCell('B1').value = 1;
    ws.getCell('B2').value = 2;
    // not reading our tables: its cached result is the file's business, kept as it is
    ws.getCell('A5').value = { formula: 'SUM(B1:B2)', result: 999 };
    const host = await openFileHost({ name: '汇总.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    return { host, apps };
  }

  it('recomputes the sums, shows 待重算 for the others once their inputs change, and asks for recalculation on open', async () => {
    const { host, apps } = await withUserFormulas();
    const shown = (): string[] => ['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => host.displayText('汇总', Number(a[1]) - 1, 0));
    expect(shown()).toEqual(['8', '7', '3.5', '7', '999']);
    await host.writeCells(apps.name, [{ r: 3, c: 3, value: 10 }]);
    expect(shown()).toEqual(['13', '12', '待重算', '待重算', '999']);
    const saved = await host.save();
    const xml = (await (await JSZip.loadAsync(saved)).file('xl/workbook.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const copy = (await loadWorkbook(saved)).getWorksheet('汇总') as ExcelJS.Worksheet;
    expect(copy.getCell('A3').value).toEqual({
      formula: `AVERAGE('年报'!${a1(apps.rect.r + 3, apps.rect.c + 3)},'年报'!${a1(apps.rect.r + 3, apps.rect.c + 4)})`,
    });
    expect(copy.getCell('A1').value).toMatchObject({ result: 13 });
    // re-opened in the web edition: still not a stale number
    const again = await openFileHost({ name: 'copy.xlsx', bytes: saved });
    expect(again.displayText('汇总', 2, 0)).toBe('待重算');
    // the input typed back as it was: the file's own result is right again
    await host.writeCells(apps.name, [{ r: 3, c: 3, value: 5 }]);
    expect(shown()).toEqual(['8', '7', '3.5', '7', '999']);
  });

  it('leaves a file whose formulas’ inputs did not change without the recalculation flag', async () => {
    const { host } = await withUserFormulas();
    const xml = (await (await JSZip.loadAsync(await host.save())).file('xl/workbook.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<calcPr /);
    expect(xml).not.toMatch(/fullCalcOnLoad/);
  });

  it('flags a formula over the area the tables were inserted into, and recomputes a sum over it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = { formula: 'COUNTA(E1:E60)', result: 0 };
    // a cached result the sum no longer has once the tables' first column (labels only) is in column E
    ws.getCell('A2').value = { formula: 'SUM(E:E)', result: 99 };
    const host = await openFileHost({ name: '台账.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(host.displayText('台账', 1, 0)).toBe('99');
    host.select('台账', [{ r: 0, c: 4 }]);
    const out = await host.insertTables(request, { kind: 'selection' });
    if (!out.ok) throw new Error(out.message);
    expect(host.displayText('台账', 0, 0)).toBe('待重算');
    expect(host.displayText('台账', 1, 0)).toBe('0');
  });
});
