/** Merges and structural changes: inserting/deleting rows and columns moves everything and adjusts references. */
import { createWorkbookSim } from '../../src/excel-sim';

const setup = (sheets = ['Sheet1']) => {
  const sim = createWorkbookSim({ sheets });
  return { sim, X: sim.Excel };
};

describe('merges', () => {
  test('merge keeps the top-left value, getMergedAreasOrNullObject reports the areas', async () => {
    const { sim, X } = setup();
    sim.setCell('Sheet1', 'A1', 'title');
    sim.setCell('Sheet1', 'B1', 'lost');
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C1').merge();
      ws.getRange('A3:B4').merge(true);
      const areas = ws.getRange('A1:D5').getMergedAreasOrNullObject();
      areas.load('address,areaCount');
      areas.areas.load('items/address');
      const none = ws.getRange('E1:F2').getMergedAreasOrNullObject();
      none.load('address');
      const partial = ws.getRange('B1').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.areaCount).toBe(3);
      expect(areas.address).toBe('Sheet1!A1:C1, Sheet1!A3:B3, Sheet1!A4:B4');
      expect(areas.areas.items.map((r) => r.address)).toEqual(['Sheet1!A1:C1', 'Sheet1!A3:B3', 'Sheet1!A4:B4']);
      expect(none.isNullObject).toBe(true);
      expect(partial.address).toBe('Sheet1!A1:C1'); // the whole merged area
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe('title');
    expect(sim.getCell('Sheet1', 'B1').value).toBe('');
  });

  test('unmerge removes merges touching the range', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B2').merge();
      ws.getRange('D1:E1').merge();
      await ctx.sync();
      ws.getRange('B2').unmerge();
      await ctx.sync();
    });
    expect(sim.state.sheets[0].merges).toEqual([{ r0: 0, c0: 3, r1: 0, c1: 4 }]);
  });
});

describe('insert and delete', () => {
  const table = async (sim: ReturnType<typeof createWorkbookSim>) => {
    for (let r = 1; r <= 5; r++) sim.setCell('Sheet1', `A${r}`, r);
    sim.setCell('Sheet1', 'B1', '=SUM(A1:A5)');
    sim.setCell('Sheet1', 'B2', '=A3*2');
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.names.add('Tbl', ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:A4'), 'the table');
      ctx.workbook.names.add('Third', '=Sheet1!$A$3');
      await ctx.sync();
    });
  };
  const names = (sim: ReturnType<typeof createWorkbookSim>) => Object.fromEntries(sim.state.names.map((n) => [n.name, n.formula]));

  test('names survive inserting rows above: their reference shifts', async () => {
    const { sim, X } = setup();
    await table(sim);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('1:2').insert(X.InsertShiftDirection.down);
      const r = ctx.workbook.names.getItem('Tbl').getRange();
      r.load('address,values');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A4:A6');
      expect(r.values).toEqual([[2], [3], [4]]);
    });
    expect(names(sim)).toEqual({ Tbl: '=Sheet1!$A$4:$A$6', Third: '=Sheet1!$A$5' });
    expect(sim.getCell('Sheet1', 'B3').formula).toBe('=SUM(A3:A7)');
    expect(sim.getCell('Sheet1', 'B4').formula).toBe('=A5*2');
    expect(sim.getCell('Sheet1', 'B3').value).toBe(15);
  });

  test('inserting inside a referenced range expands it; inserted rows take the format of the row above', async () => {
    const { sim, X } = setup();
    await table(sim);
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A3').format.font.bold = true;
      ws.getRange('4:4').insert('Down');
      await ctx.sync();
    });
    expect(names(sim).Tbl).toBe('=Sheet1!$A$2:$A$5');
    expect(sim.getCell('Sheet1', 'B1').formula).toBe('=SUM(A1:A6)');
    expect(sim.getCell('Sheet1', 'A4')).toMatchObject({ value: '', font: { bold: true } });
  });

  test('deleting a referenced row gives #REF! formulas and names, and a null range', async () => {
    const { sim, X } = setup();
    await table(sim);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A3').getEntireRow().delete(X.DeleteShiftDirection.up);
      const third = ctx.workbook.names.getItem('Third');
      third.load('formula,type,value');
      const gone = third.getRangeOrNullObject();
      const tbl = ctx.workbook.names.getItem('Tbl').getRangeOrNullObject().load('address');
      await ctx.sync();
      expect(third.formula).toBe('=Sheet1!#REF!');
      expect(third.type).toBe('Error');
      expect(third.value).toBe('#REF!');
      expect(gone.isNullObject).toBe(true);
      expect(tbl.address).toBe('Sheet1!A2:A3'); // shrunk, still valid
    });
    expect(sim.getCell('Sheet1', 'B2')).toMatchObject({ formula: '=#REF!*2', value: '#REF!' });
    expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ formula: '=SUM(A1:A4)', value: 12 });
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.names.getItem('Third').getRange().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidReference' });
  });

  test('deleting rows moves merges, validations, conditional formats, notes and row heights', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A5:B5').merge();
      ws.getRange('C5:C8').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      const cf = ws.getRange('D5:D8').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=D5<0';
      ws.getRange('A6').format.rowHeight = 30;
      ctx.workbook.notes.add('Sheet1!E6', 'a note');
      await ctx.sync();
      ws.getRange('2:3').delete('Up');
      await ctx.sync();
    });
    const s = sim.state.sheets[0];
    expect(s.merges).toEqual([{ r0: 2, c0: 0, r1: 2, c1: 1 }]);
    expect(s.validations[0].range).toEqual({ r0: 2, c0: 2, r1: 5, c1: 2 });
    expect(s.conditionalFormats[0]).toMatchObject({ range: { r0: 2, c0: 3, r1: 5, c1: 3 }, formula: '=D3<0' });
    expect(s.notes).toEqual({ '3,4': 'a note' });
    expect(s.rowHeights).toEqual({ 3: 30 });
  });

  test('deleting the first row of a conditional format keeps its formula relative to the new top-left cell', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const cf = ws.getRange('A5:A8').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A5<$B$1';
      await ctx.sync();
      ws.getRange('5:5').delete('Up');
      await ctx.sync();
    });
    expect(sim.state.sheets[0].conditionalFormats[0]).toMatchObject({ range: { r0: 4, c0: 0, r1: 6, c1: 0 }, formula: '=A5<$B$1' });
  });

  test('inserting and deleting columns adjusts references on other sheets too', async () => {
    const { sim, X } = setup(['Data', 'Sum']);
    sim.setCell('Data', 'B1', 10);
    sim.setCell('Data', 'C1', 20);
    sim.setCell('Sum', 'A1', '=Data!B1+Data!C1');
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A:A').insert('Right');
      await ctx.sync();
    });
    expect(sim.getCell('Sum', 'A1')).toMatchObject({ formula: '=Data!C1+Data!D1', value: 30 });
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('C:C').delete('Left');
      await ctx.sync();
    });
    expect(sim.getCell('Sum', 'A1')).toMatchObject({ formula: '=Data!#REF!+Data!C1', value: '#REF!' });
  });

  test('a partial-band shift that would split a merge is refused', async () => {
    const { X } = setup();
    await expect(
      X.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A5:C5').merge();
        ws.getRange('B2:B3').insert('Down');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('insert returns the new cells; protected sheets refuse structural changes', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const added = ws.getRange('B2:C2').insert('Down').load('address');
      await ctx.sync();
      expect(added.address).toBe('Sheet1!B2:C2');
      ws.protection.protect();
      ws.getRange('3:3').delete('Up');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
  });
});
