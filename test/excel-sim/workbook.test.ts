/** Worksheets, names, settings, notes, selection and the Office stand-in. */
import { createWorkbookSim } from '../../src/excel-sim';

describe('worksheets', () => {
  test('add, duplicate names, invalid names, rename, position, visibility, delete', async () => {
    const sim = createWorkbookSim({ sheets: ['Sheet1'] });
    const X = sim.Excel;
    await X.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add('数据');
      const b = ctx.workbook.worksheets.add();
      a.load('name,position');
      b.load('name');
      await ctx.sync();
      expect([a.name, a.position, b.name]).toEqual(['数据', 1, 'Sheet3']);
    });
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.add('sheet1');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.add('bad:name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet3');
      ws.name = '汇总';
      ws.position = 0;
      ctx.workbook.worksheets.getItem('数据').visibility = X.SheetVisibility.veryHidden;
      await ctx.sync();
    });
    expect(sim.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['汇总', 'Visible'],
      ['Sheet1', 'Visible'],
      ['数据', 'VeryHidden'],
    ]);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').delete();
      await ctx.sync();
    });
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('汇总').delete(); // the last visible sheet
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('renaming a sheet updates formulas and names that refer to it; deleting it makes them #REF!', async () => {
    const sim = createWorkbookSim({ sheets: ['Data', 'Sum'] });
    sim.setCell('Data', 'A1', 4);
    sim.setCell('Sum', 'A1', '=Data!A1*2');
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.names.add('Cell', '=Data!$A$1');
      ctx.workbook.worksheets.getItem('Data').name = '2025年报表格';
      await ctx.sync();
    });
    expect(sim.getCell('Sum', 'A1')).toMatchObject({ formula: "='2025年报表格'!A1*2", value: 8 });
    expect(sim.state.names[0].formula).toBe("='2025年报表格'!$A$1");
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('2025年报表格').delete();
      await ctx.sync();
    });
    expect(sim.getCell('Sum', 'A1')).toMatchObject({ formula: "='2025年报表格'!#REF!*2", value: '#REF!' });
  });

  test('used range, getRangeByIndexes, getCell, activate and the active sheet', async () => {
    const sim = createWorkbookSim({ sheets: ['One', 'Two'] });
    sim.setCell('Two', 'C3', 'x');
    sim.setCell('Two', 'E7', 1);
    await sim.Excel.run(async (ctx) => {
      const two = ctx.workbook.worksheets.getItem('Two');
      const used = two.getUsedRangeOrNullObject(true).load('address');
      const empty = ctx.workbook.worksheets.getItem('One').getUsedRangeOrNullObject().load('address');
      const idx = two.getRangeByIndexes(2, 1, 2, 3).load('address,rowCount,columnCount');
      const cell = two.getCell(4, 4).load('values');
      two.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(used.address).toBe('Two!C3:E7');
      expect(empty.isNullObject).toBe(true);
      expect([idx.address, idx.rowCount, idx.columnCount]).toEqual(['Two!B3:D4', 2, 3]);
      expect(cell.values).toEqual([['']]);
      expect(active.name).toBe('Two');
    });
  });

  test('range navigation: offset, resize, intersection, bounding rect, entire row/column', async () => {
    const sim = createWorkbookSim();
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      const all = [
        r.getOffsetRange(1, 1),
        r.getResizedRange(1, 0),
        r.getCell(1, 1),
        r.getBoundingRect('E5'),
        r.getIntersection('C3:D4'),
        r.getEntireRow(),
        r.getEntireColumn(),
        r.getLastCell(),
      ].map((x) => x.load('address'));
      const none = r.getIntersectionOrNullObject('F6').load('address');
      const ws = r.worksheet.load('name');
      await ctx.sync();
      expect(all.map((x) => x.address)).toEqual([
        'Sheet1!C3:D4',
        'Sheet1!B2:C4',
        'Sheet1!C3',
        'Sheet1!B2:E5',
        'Sheet1!C3',
        'Sheet1!2:3',
        'Sheet1!B:C',
        'Sheet1!C3',
      ]);
      expect(none.isNullObject).toBe(true);
      expect(ws.name).toBe('Sheet1');
      r.getOffsetRange(-5, 0).load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

describe('addresses with quoted sheet names', () => {
  test("ranges on a Chinese sheet read back as '2025年报表格'!A1:J28 and resolve from that address", async () => {
    const sim = createWorkbookSim({ sheets: ['2025年报表格', 'My Sheet'] });
    await sim.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('2025年报表格').getRange('A1:J28').load('address,addressLocal');
      const spaced = ctx.workbook.worksheets.getItem('My Sheet').getRange('B3:D5').load('address');
      ctx.workbook.names.add('T_2025', r);
      const viaName = ctx.workbook.names.getItem('T_2025').load('formula,value,type');
      const back = ctx.workbook.worksheets.getItem('My Sheet').getRange("'2025年报表格'!B2").load('address');
      await ctx.sync();
      expect(r.address).toBe("'2025年报表格'!A1:J28");
      expect(r.addressLocal).toBe("'2025年报表格'!A1:J28");
      expect(spaced.address).toBe("'My Sheet'!B3:D5");
      expect([viaName.formula, viaName.value, viaName.type]).toEqual(["='2025年报表格'!$A$1:$J$28", "'2025年报表格'!$A$1:$J$28", 'Range']);
      expect(back.address).toBe("'2025年报表格'!B2");
    });
  });
});

describe('names', () => {
  test('add with Range or text reference, comment; items; getItemOrNullObject; delete', async () => {
    const sim = createWorkbookSim();
    const X = sim.Excel;
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ctx.workbook.names.add('_T1', ws.getRange('A1:J28'), 'registration');
      ctx.workbook.names.add('表格2', '=Sheet1!$A$30:$B$31');
      const items = ctx.workbook.names.load('items/name,items/formula,items/comment,items/visible,items/type');
      const missing = ctx.workbook.names.getItemOrNullObject('Nope');
      await ctx.sync();
      expect(items.items.map((n) => [n.name, n.formula, n.comment, n.visible, n.type])).toEqual([
        ['_T1', '=Sheet1!$A$1:$J$28', 'registration', true, 'Range'],
        ['表格2', '=Sheet1!$A$30:$B$31', '', true, 'Range'],
      ]);
      expect(missing.isNullObject).toBe(true);
      const t1 = ctx.workbook.names.getItem('_t1');
      t1.comment = 'changed';
      t1.visible = false;
      ctx.workbook.names.getItem('表格2').delete();
      await ctx.sync();
    });
    expect(sim.state.names).toEqual([{ name: '_T1', formula: '=Sheet1!$A$1:$J$28', comment: 'changed', visible: false }]);
  });

  test('name rules: no spaces, no cell-like names, letters or underscore first; duplicates rejected', async () => {
    const sim = createWorkbookSim();
    for (const [name, code] of [
      ['my name', 'InvalidArgument'],
      ['A1', 'InvalidArgument'],
      ['T2025', 'InvalidArgument'],
      ['1abc', 'InvalidArgument'],
      ['R1C1', 'InvalidArgument'],
      ['dup', 'ItemAlreadyExists'],
    ]) {
      await expect(
        sim.Excel.run(async (ctx) => {
          if (code === 'ItemAlreadyExists') ctx.workbook.names.add('Dup', '=Sheet1!$A$1');
          ctx.workbook.names.add(name, '=Sheet1!$A$1');
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
    // the first 'Dup' ran before the failing duplicate and stays, as in Excel (a batch is not a transaction)
    expect(sim.state.names.map((n) => n.name)).toEqual(['Dup']);
  });
});

describe('settings and notes', () => {
  test('settings hold JSON values; add replaces; getItemOrNullObject; delete', async () => {
    const sim = createWorkbookSim();
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.settings.add('ogi.meta', { year: 2025, tables: ['a', 'b'] });
      ctx.workbook.settings.add('flag', true);
      ctx.workbook.settings.add('flag', false);
      const s = ctx.workbook.settings.getItemOrNullObject('ogi.meta').load('key,value');
      const none = ctx.workbook.settings.getItemOrNullObject('nope').load('value');
      const all = ctx.workbook.settings.load('items/key');
      await ctx.sync();
      expect([s.key, s.value]).toEqual(['ogi.meta', { year: 2025, tables: ['a', 'b'] }]);
      expect(none.isNullObject).toBe(true);
      expect(all.items.map((i) => i.key)).toEqual(['ogi.meta', 'flag']);
      ctx.workbook.settings.getItem('ogi.meta').delete();
      await ctx.sync();
    });
    expect(sim.state.settings).toEqual({ flag: false });
  });

  test('notes: add by address or range, read, edit, delete, duplicate refused', async () => {
    const sim = createWorkbookSim({ sheets: ['Sheet1', '年报'] });
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.notes.add("'年报'!B2", '请核对');
      ctx.workbook.notes.add(ctx.workbook.worksheets.getItem('Sheet1').getRange('C3'), 'second');
      const n = ctx.workbook.notes.getItemOrNullObject("'年报'!B2").load('content');
      const none = ctx.workbook.notes.getItemOrNullObject('Sheet1!A1').load('content');
      const items = ctx.workbook.notes.load('items/content');
      const sheetNotes = ctx.workbook.worksheets.getItem('年报').notes.load('items/content');
      await ctx.sync();
      expect(n.content).toBe('请核对');
      expect(none.isNullObject).toBe(true);
      expect(items.items.map((i) => i.content)).toEqual(['second', '请核对']);
      expect(sheetNotes.items.map((i) => i.content)).toEqual(['请核对']);
      n.content = '已核对';
      ctx.workbook.notes.getItem('Sheet1!C3').delete();
      await ctx.sync();
      ctx.workbook.notes.add("'年报'!B2", 'again');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
    expect(sim.state.sheets.map((s) => s.notes)).toEqual([{}, { '1,1': '已核对' }]);
  });
});

describe('selection and change events', () => {
  test('select, getSelectedRange, getActiveCell and selectionAddress', async () => {
    const sim = createWorkbookSim({ sheets: ['Sheet1', 'My Sheet'] });
    let changes = 0;
    const off = sim.onChange(() => changes++);
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('My Sheet').getRange('B3:D5').select();
      await ctx.sync();
      const sel = ctx.workbook.getSelectedRange().load('address');
      const cell = ctx.workbook.getActiveCell().load('address');
      await ctx.sync();
      expect(sel.address).toBe("'My Sheet'!B3:D5");
      expect(cell.address).toBe("'My Sheet'!B3");
    });
    expect(sim.selectionAddress()).toBe("'My Sheet'!B3:D5");
    expect(changes).toBe(1); // the read-only batch did not notify
    sim.setCell('Sheet1', 'A1', 1);
    expect(changes).toBe(2);
    off();
    sim.select('Sheet1', 'C2');
    expect(changes).toBe(2);
    expect(sim.selectionAddress()).toBe('Sheet1!C2');
  });
});

describe('Office stand-in', () => {
  test('onReady calls back and resolves; requirement sets follow apiVersion; actions are recorded', async () => {
    const sim = createWorkbookSim({ apiVersion: '1.9', displayLanguage: 'en-US' });
    const seen: unknown[] = [];
    await expect(sim.Office.onReady((info) => seen.push(info))).resolves.toEqual({ host: 'Excel', platform: 'PC' });
    expect(seen).toEqual([{ host: 'Excel', platform: 'PC' }]);
    const req = sim.Office.context.requirements;
    expect([
      req.isSetSupported('ExcelApi', '1.8'),
      req.isSetSupported('ExcelApi', '1.9'),
      req.isSetSupported('ExcelApi', '1.10'),
      req.isSetSupported('WordApi', '1.1'),
    ]).toEqual([true, true, false, false]);
    expect(sim.Office.context.displayLanguage).toBe('en-US');
    expect(createWorkbookSim().Office.context.displayLanguage).toBe('zh-CN');
    const fn = () => 1;
    sim.Office.actions.associate('insertAll', fn);
    expect(sim.actions.get('insertAll')).toBe(fn);
    await expect(sim.Office.addin.showAsTaskpane()).resolves.toBeUndefined();
    expect(sim.Office.HostType.Excel).toBe('Excel');
  });

  test('enums carry the office-js string values', () => {
    const { Excel: X } = createWorkbookSim();
    expect(X.ConditionalFormatType.custom).toBe('Custom');
    expect(X.DataValidationOperator.greaterThanOrEqualTo).toBe('GreaterThanOrEqualTo');
    expect(X.BorderIndex.insideHorizontal).toBe('InsideHorizontal');
    expect(X.BorderLineStyle.continuous).toBe('Continuous');
    expect(X.BorderWeight.thin).toBe('Thin');
    expect(X.HorizontalAlignment.centerAcrossSelection).toBe('CenterAcrossSelection');
    expect(X.VerticalAlignment.center).toBe('Center');
    expect(X.InsertShiftDirection.down).toBe('Down');
    expect(X.DeleteShiftDirection.left).toBe('Left');
    expect(X.ErrorCodes.accessDenied).toBe('AccessDenied');
  });
});
