/** The web edition's file host, its other actions: registering tables typed by hand, discarding a scratch sheet,
 *  selecting by address, protected sheets, new sheets' names, prose beside the user's sheet, a real chart's loss,
 *  and when the formulas are recomputed. */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/file/xlsx';
import { rejection } from './helpers';
import { openFileHost, type FileHost } from '../../src/web/fileHost';
import * as recalc from '../../src/web/file/recalc';
import { checkActions } from '../../src/app/check';
import { planRequest } from '../../src/app/insert';
import { buildPlan, MARK_SHEET } from '../../src/report/plan';
import { protectedRefusal, type TableRef } from '../../src/host/types';
import { inEnglish } from '../../src/report/english';

const request = planRequest({ year: 2025, agency: '某县人民政府办公室', target: { kind: 'selection' } });

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await wb.xlsx.writeBuffer());

/** Everything a sheet holds, as a saved copy reads it back (cells with values, styles and notes, merges, widths). */
async function sheetModel(host: FileHost, name: string): Promise<unknown> {
  return (await loadWorkbook(await host.save())).getWorksheet(name)?.model;
}

/** A file with the three official tables typed by hand on 统计表 from B2: labels and a few numbers, no formulas,
 *  no names — as a clerk would have copied them from last year's report. 一、本年新收 自然人 (row 3, column 3 of
 *  表 2) is 5; （一）予以公开 自然人 (row 5) is 4 and its 总计 (column 9) 9. The sheet protected when asked. */
async function typedByHand(protect = false): Promise<{ name: string; bytes: Uint8Array }> {
  const plan = buildPlan({ ...request, formulas: false }, { r: 1, c: 1 });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计表');
  plan.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== '') ws.getCell(plan.rect.r + i + 1, plan.rect.c + j + 1).value = v;
    }),
  );
  const apps = plan.tables.find((t) => t.table === 'applications');
  if (!apps) throw new Error('no 表 2 in the plan');
  const at = (r: number, c: number): ExcelJS.Cell => ws.getCell(apps.rect.r + r + 1, apps.rect.c + c + 1);
  at(3, 3).value = 5;
  at(5, 3).value = 4;
  at(5, 9).value = 9;
  if (protect) await ws.protect('', {});
  return { name: '手填.xlsx', bytes: await bytesOf(wb) };
}

describe('tables typed by hand', () => {
  it('are recognised unregistered, then registered: read by name, marked by the check and selected', async () => {
    const host = await openFileHost(await typedByHand());
    const before = await host.readTables();
    expect(before.tables.map((t) => [t.name, t.sheet, !!t.recognised])).toEqual([
      ['?active', '统计表', true],
      ['?applications', '统计表', true],
      ['?reviews', '统计表', true],
    ]);
    const appsBefore = before.tables.find((t) => t.table === 'applications') as TableRef;
    const actions = checkActions(host);
    const first = await actions.check();
    // nothing can be marked on tables without names: no codes, no notes
    expect(host.markedCells()).toEqual([]);
    expect(first.unregistered.map((t) => t.table)).toEqual(['active', 'applications', 'reviews']);

    const refs = await actions.register(first.unregistered, 2025);
    expect(refs.map((t) => [t.name, t.table, t.year, t.sheet])).toEqual([
      ['OGI_active', 'active', 2025, '统计表'],
      ['OGI_applications', 'applications', 2025, '统计表'],
      ['OGI_reviews', 'reviews', 2025, '统计表'],
    ]);
    const after = await host.readTables();
    expect(after.tables.map((t) => [t.name, 'recognised' in t])).toEqual([
      ['OGI_active', false],
      ['OGI_applications', false],
      ['OGI_reviews', false],
    ]);
    const apps = after.tables.find((t) => t.table === 'applications') as TableRef & { values: unknown[][] };
    expect(apps.rect).toEqual(appsBefore.rect);
    expect([apps.values[3][3], apps.values[5][3], apps.values[5][9]]).toEqual([5, 4, 9]);

    const checked = await actions.check();
    expect(checked.unregistered).toEqual([]);
    // the typed 总计 9 of （一）予以公开 against its one part 4
    const total = { sheet: '统计表', r: apps.rect.r + 5, c: apps.rect.c + 9 };
    expect(host.markedCells()).toContainEqual({ ...total, severity: 'error' });
    await host.selectCells('OGI_applications', [{ r: 5, c: 9 }]);
    expect(host.selection()).toEqual({ sheet: '统计表', cells: [{ r: total.r, c: total.c }] });
    // and the registration is in the downloaded copy: opened again, the tables are read by name
    const again = await openFileHost({ name: 'copy.xlsx', bytes: await host.save() });
    expect((await again.readTables()).tables.map((t) => t.name)).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
    expect(again.markedCells()).toContainEqual({ ...total, severity: 'error' });
  });
});

describe('tables typed by hand on a protected sheet', () => {
  it('are not registered, as Excel refuses their conditional formats; nothing is written', async () => {
    const host = await openFileHost(await typedByHand(true));
    const before = await host.save();
    const actions = checkActions(host);
    const found = (await actions.check()).unregistered;
    expect(found.map((t) => t.table)).toEqual(['active', 'applications', 'reviews']);
    const e = await rejection(actions.register(found, 2025));
    expect(e.message).toBe('工作表“统计表”受保护，无法登记其中的表格。请先撤消工作表保护后再登记。');
    expect(inEnglish(e.message)).toBe(
      'The sheet “统计表” is protected, so its tables cannot be registered. Unprotect it first, then register them.',
    );
    expect((await host.readTables()).tables.every((t) => t.recognised)).toBe(true);
    const copy = await loadWorkbook(await host.save());
    expect(copy.worksheets.map((ws) => ws.name)).toEqual(['统计表']);
    expect(copy.definedNames.model).toEqual([]);
    expect(copy.getWorksheet('统计表')?.model).toEqual((await loadWorkbook(before)).getWorksheet('统计表')?.model);
  });
});

describe('discarding a scratch sheet', () => {
  it('removes the sheet, its names and its marks; the mark sheet stays while other tables are left', async () => {
    const host = await openFileHost();
    const kept = await host.insertTables(request, { kind: 'newSheet', name: '年报' });
    const scratch = await host.insertTables(request, { kind: 'newSheet', name: '自检' });
    if (!kept.ok || !scratch.ok) throw new Error('insertion refused');
    const appsOf = (out: typeof kept): TableRef => (out.ok ? out.tables : []).find((t) => t.table === 'applications') as TableRef;
    // a wrong total in each set
    await host.writeCells(appsOf(kept).name, [{ r: 5, c: 9, value: 9 }]);
    await host.writeCells(appsOf(scratch).name, [{ r: 5, c: 9, value: 8 }]);
    await checkActions(host).check();
    expect(new Set(host.markedCells().map((m) => m.sheet))).toEqual(new Set(['年报', '自检']));
    const keptMarks = host.markedCells().filter((m) => m.sheet === '年报');

    await host.discardSheet('自检');
    expect(await host.sheetNames()).toEqual(['Sheet1', '年报']);
    expect(host.markedCells()).toEqual(keptMarks);
    const read = await host.readTables();
    expect(read.tables.map((t) => t.name)).toEqual(kept.tables.map((t) => t.name));
    expect(read.lost).toEqual([]);
    const copy = await loadWorkbook(await host.save());
    expect(copy.getWorksheet(MARK_SHEET)?.state).toBe('veryHidden');
    expect(copy.definedNames.model.map((n) => n.name).sort()).toEqual(kept.tables.map((t) => t.name).sort());
    // the scratch set's names are free again: a new set gets them
    const next = await host.insertTables(request, { kind: 'newSheet', name: '自检' });
    expect(next.ok && next.tables.map((t) => t.name)).toEqual(scratch.tables.map((t) => t.name));
    expect(host.markedCells()).toEqual(keptMarks);
  });

  it('removes the mark sheet with the last tables, leaving the user’s sheet as it was', async () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet('台账');
    own.getCell('A1').value = '本单位自用';
    const host = await openFileHost({ name: '台账.xlsx', bytes: await bytesOf(wb) });
    const ownBefore = await sheetModel(host, '台账');
    const out = await host.insertTables(request, { kind: 'newSheet', name: '自检' });
    if (!out.ok) throw new Error(out.message);
    const apps = out.tables.find((t) => t.table === 'applications') as TableRef;
    await host.writeCells(apps.name, [{ r: 5, c: 9, value: 9 }]);
    await checkActions(host).check();
    expect(host.markedCells().length).toBeGreaterThan(0);
    expect(host.activeSheet()).toBe('自检');

    await host.discardSheet('自检');
    expect(host.markedCells()).toEqual([]);
    expect(host.activeSheet()).toBe('台账');
    expect((await host.readTables()).tables).toEqual([]);
    const copy = await loadWorkbook(await host.save());
    expect(copy.worksheets.map((ws) => ws.name)).toEqual(['台账']);
    expect(copy.definedNames.model).toEqual([]);
    expect(copy.getWorksheet('台账')?.model).toEqual(ownBefore);
  });
});

describe('selecting by address', () => {
  it('selects every cell of several areas and shows their sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('备忘');
    const host = await openFileHost({ name: '两表.xlsx', bytes: await bytesOf(wb) });
    host.setActiveSheet('备忘');
    await host.selectAddress("'Sheet1'!D6:I6,D9");
    expect(host.activeSheet()).toBe('Sheet1');
    expect(host.selection()).toEqual({
      sheet: 'Sheet1',
      cells: [3, 4, 5, 6, 7, 8].map((c) => ({ r: 5, c })).concat([{ r: 8, c: 3 }]),
    });
    // a sheet's name as Excel compares it, ignoring case
    await host.selectAddress('备忘!B2');
    expect(host.selection()).toEqual({ sheet: '备忘', cells: [{ r: 1, c: 1 }] });
    await host.selectAddress("'sheet1'!A1");
    expect(host.selection()).toEqual({ sheet: 'Sheet1', cells: [{ r: 0, c: 0 }] });
    // a large area: its first 10,000 cells, row by row
    await host.selectAddress("'Sheet1'!A1:Z1000");
    const cells = host.selection()?.cells ?? [];
    expect(cells.length).toBe(10000);
    expect(cells[cells.length - 1]).toEqual({ r: 384, c: 15 });
  });

  it('says what is wrong with a bad address or an unknown sheet, naming the address, and keeps the selection', async () => {
    const host = await openFileHost();
    host.select('Sheet1', [{ r: 1, c: 1 }]);
    for (const bad of ['D6', "'Sheet1'!", "'Sheet1'!D6:,D9", 'Sheet1!第三行'])
      expect((await rejection(host.selectAddress(bad))).message).toBe(
        `无法定位单元格“${bad}”：应为带工作表名的地址，如 'Sheet1'!D6 或 'Sheet1'!D6:I6,D9。`,
      );
    const unknown = await rejection(host.selectAddress("'年报'!D6"));
    expect(unknown.message).toBe("无法定位单元格“'年报'!D6”：工作簿中没有名为“年报”的工作表。");
    expect(inEnglish(unknown.message)).toBe("Cannot go to the cell “'年报'!D6”: the workbook has no sheet named “年报”.");
    expect(inEnglish((await rejection(host.selectAddress('D6'))).message)).toBe(
      "Cannot go to the cell “D6”: expected an address with its sheet's name, such as 'Sheet1'!D6 or 'Sheet1'!D6:I6,D9.",
    );
    expect(host.selection()).toEqual({ sheet: 'Sheet1', cells: [{ r: 1, c: 1 }] });
  });
});

describe('a protected sheet', () => {
  it('refuses an insertion with the Excel host’s words and changes nothing; a new sheet still takes it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('受保护');
    ws.getCell('A1').value = '只读的表';
    await ws.protect('', {});
    const host = await openFileHost({ name: '保护.xlsx', bytes: await bytesOf(wb) });
    const before = await sheetModel(host, '受保护');
    host.select('受保护', [{ r: 3, c: 3 }]);
    expect(await host.insertTables(request, { kind: 'selection' })).toEqual(protectedRefusal('受保护'));
    expect(await sheetModel(host, '受保护')).toEqual(before);
    expect((await host.readTables()).tables).toEqual([]);
    const out = await host.insertTables(request, { kind: 'newSheet', name: '年报' });
    expect(out).toMatchObject({ ok: true, sheet: '年报' });
  });
});

describe('a new sheet’s name', () => {
  it('is numbered when the name is taken in another case, as Excel compares names', async () => {
    const host = await openFileHost();
    const out = await host.insertTables(request, { kind: 'newSheet', name: 'sheet1' });
    expect(out).toMatchObject({ ok: true, sheet: 'sheet1(2)' });
    expect(await host.sheetNames()).toEqual(['Sheet1', 'sheet1(2)']);
    expect(await host.insertProse('SHEET1', [['一', '正文']])).toBe('SHEET1(3)');
  });

  it('that Excel refuses gets the bare sheet-name message, before anything is written', async () => {
    const host = await openFileHost();
    const before = await host.save();
    const chars = "a sheet's name cannot contain any of \\ / ? * [ ] :";
    const cases: Array<[string, string, string]> = [
      [
        '一'.repeat(32),
        `无法新建工作表“${'一'.repeat(32)}”：工作表名称不能超过 31 个字符（此名称有 32 个）。请换一个名称。`,
        `Cannot add the sheet “${'一'.repeat(32)}”: a sheet's name cannot be longer than 31 characters (this one has 32). Please choose another name.`,
      ],
      [
        '年报[2025]',
        '无法新建工作表“年报[2025]”：工作表名称不能含有 \\ / ? * [ ] : 这些字符（此名称含有“[”）。请换一个名称。',
        `Cannot add the sheet “年报[2025]”: ${chars} (this one contains “[”). Please choose another name.`,
      ],
      [
        'a/b',
        '无法新建工作表“a/b”：工作表名称不能含有 \\ / ? * [ ] : 这些字符（此名称含有“/”）。请换一个名称。',
        `Cannot add the sheet “a/b”: ${chars} (this one contains “/”). Please choose another name.`,
      ],
      [
        '问?',
        '无法新建工作表“问?”：工作表名称不能含有 \\ / ? * [ ] : 这些字符（此名称含有“?”）。请换一个名称。',
        `Cannot add the sheet “问?”: ${chars} (this one contains “?”). Please choose another name.`,
      ],
      [
        "'年报",
        "无法新建工作表“'年报”：工作表名称不能以单引号（'）开头或结尾。请换一个名称。",
        "Cannot add the sheet “'年报”: a sheet's name cannot begin or end with a single quotation mark ('). Please choose another name.",
      ],
      [
        'history',
        '无法新建工作表“history”：“History”是 Excel 保留的工作表名称。请换一个名称。',
        'Cannot add the sheet “history”: “History” is a sheet name Excel keeps for itself. Please choose another name.',
      ],
    ];
    for (const [name, message, english] of cases) {
      const e = await rejection(host.insertTables(request, { kind: 'newSheet', name }));
      expect(e.message).toBe(message);
      expect(e.code).toBe('sheetName');
      expect(inEnglish(e.message)).toBe(english);
    }
    // a 31-character name is Excel's longest and is kept whole (exceljs would cut a longer one silently)
    const longest = '年'.repeat(31);
    expect(await host.insertTables(request, { kind: 'newSheet', name: longest })).toMatchObject({ ok: true, sheet: longest });
    const copy = await loadWorkbook(await host.save());
    expect(copy.worksheets.map((ws) => ws.name).filter((n) => n !== MARK_SHEET)).toEqual(['Sheet1', longest]);
    expect((await loadWorkbook(before)).worksheets.map((ws) => ws.name)).toEqual(['Sheet1']);
  });

  it('of prose that Excel refuses gets the same message, and no sheet is added', async () => {
    const host = await openFileHost();
    const e = await rejection(host.insertProse('正文*', [['一', '正文']]));
    expect(e.message).toBe('无法新建工作表“正文*”：工作表名称不能含有 \\ / ? * [ ] : 这些字符（此名称含有“*”）。请换一个名称。');
    expect(await host.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('prose beside the user’s own 报告正文', () => {
  it('goes on 报告正文(2); the user’s sheet is unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const own = wb.addWorksheet('报告正文');
    own.getCell('A1').value = '一、总体情况';
    own.getCell('B1').value = '本单位自己写的正文，不得覆盖。';
    own.getCell('B1').font = { italic: true, color: { argb: 'FF0000FF' } };
    own.getCell('B1').note = '科长已审';
    own.getColumn(2).width = 40;
    const host = await openFileHost({ name: '正文.xlsx', bytes: await bytesOf(wb) });
    const before = await sheetModel(host, '报告正文');
    expect(await host.insertProse('报告正文', [['一、总体情况', '生成的正文']])).toBe('报告正文(2)');
    expect(host.activeSheet()).toBe('报告正文(2)');
    expect(await sheetModel(host, '报告正文')).toEqual(before);
    expect(host.displayText('报告正文', 0, 1)).toBe('本单位自己写的正文，不得覆盖。');
    expect(host.displayText('报告正文(2)', 0, 1)).toBe('生成的正文');
    // the reader's 报告正文 is still the user's
    expect((await host.readTables()).prose).toEqual([['一、总体情况', '本单位自己写的正文，不得覆盖。']]);
  });
});

describe('a chart made by LibreOffice', () => {
  it('is named as lost before download', async () => {
    const file = join(__dirname, '../fixtures/web/chart-sheet.xlsx');
    const host = await openFileHost({ name: '收支图.xlsx', bytes: new Uint8Array(readFileSync(file)) });
    expect(host.lostParts()).toEqual(['图表 1 个']);
    expect(host.activeSheet()).toBe('收支');
    expect([1, 2, 3].map((r) => host.displayText('收支', r, 1))).toEqual(['120', '80', '150']);
  });
});

describe('recomputing the formulas', () => {
  afterEach(() => jest.restoreAllMocks());

  it('happens after changes of values, not after a selection, a sheet tab or marks', async () => {
    const run = jest.spyOn(recalc.Recalculator.prototype, 'run');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('备忘');
    const host = await openFileHost({ name: '两表.xlsx', bytes: await bytesOf(wb) });
    expect(run).toHaveBeenCalledTimes(1); // on open
    const out = await host.insertTables(request, { kind: 'newSheet', name: '年报' });
    if (!out.ok) throw new Error(out.message);
    expect(run).toHaveBeenCalledTimes(2);
    const apps = out.tables.find((t) => t.table === 'applications') as TableRef;
    await host.writeCells(apps.name, [{ r: 3, c: 3, value: 5 }]);
    expect(run).toHaveBeenCalledTimes(3);
    // the total shows the typed number
    expect(host.displayText('年报', apps.rect.r + 3, apps.rect.c + 9)).toBe('5');

    let told = 0;
    host.subscribe(() => told++);
    host.select('年报', [{ r: 0, c: 0 }]);
    host.setActiveSheet('备忘');
    await host.selectAddress("'年报'!B2:C3");
    await host.selectCells(apps.name, [{ r: 3, c: 3 }]);
    await checkActions(host).check();
    await host.clearMarks();
    expect(told).toBe(6);
    expect(run).toHaveBeenCalledTimes(3);

    await host.insertProse('报告正文', [['一', '正文']]);
    await host.storeLastYear(JSON.stringify({ year: 2024 }));
    expect(run).toHaveBeenCalledTimes(5);
  });
});
