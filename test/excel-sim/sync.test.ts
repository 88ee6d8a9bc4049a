/** Queue / load / sync semantics of the Excel stand-in. */
import { createWorkbookSim, installGlobals, SimError } from '../../src/excel-sim';

const setup = (sheets = ['Sheet1']) => {
  const sim = createWorkbookSim({ sheets });
  return { sim, X: sim.Excel };
};

describe('load and sync', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded; after load + sync it is available', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      r.load('values, address');
      expect(() => r.address).toThrow(/is not available. Before reading the property's value, call the load method/);
      await ctx.sync();
      expect(r.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(r.address).toBe('Sheet1!A1:B2');
      expect(() => r.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes are queued and applied only at sync, in order', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [[1, 2]];
      expect(sim.getCell('Sheet1', 'A1').value).toBe('');
      r.load('values');
      r.values = [[3, 4]];
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]); // the load ran between the two writes
      expect(sim.getCell('Sheet1', 'B1').value).toBe(4);
    });
  });

  test('load accepts arrays, {select} objects, option objects and nested paths', async () => {
    const { sim, X } = setup();
    sim.setCell('Sheet1', 'A1', 5);
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load(['values', 'rowIndex']);
      const r2 = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').load({ select: 'columnIndex,format/fill/color' });
      const r3 = ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('C3')
        .load({ address: true, format: { font: { bold: true } } } as Excel.Interfaces.RangeLoadOptions);
      const sheets = ctx.workbook.worksheets.load('items/name,items/position');
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(r.rowIndex).toBe(0);
      expect(r2.columnIndex).toBe(1);
      expect(r2.format.fill.color).toBe('#FFFFFF');
      expect(r3.address).toBe('Sheet1!C3');
      expect(r3.format.font.bold).toBe(false);
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([['Sheet1', 0]]);
    });
  });

  test('a collection loaded with a bare property name loads it on the items; load() loads all scalars', async () => {
    const { X } = setup(['One', 'Two']);
    await X.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('name');
      const ws = ctx.workbook.worksheets.getItem('Two').load();
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['One', 'Two']);
      expect(ws.position).toBe(1);
      expect(ws.visibility).toBe('Visible');
      expect(ws.toJSON()).toMatchObject({ name: 'Two', position: 1 });
    });
  });

  test('a property set locally reads back without a load, like office-js', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[7]];
      expect(r.values).toEqual([[7]]);
      await ctx.sync();
    });
  });

  test('sync count counts every round trip and can be reset; Excel.run flushes pending operations', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(sim.syncCount).toBe(2);
    sim.resetSyncCount();
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [['late']];
    });
    expect(sim.syncCount).toBe(1);
    expect(sim.getCell('Sheet1', 'C3').value).toBe('late');
    await X.run(async () => undefined);
    expect(sim.syncCount).toBe(1);
  });

  test('Excel.run returns the batch result and propagates its errors', async () => {
    const { X } = setup();
    await expect(X.run(async () => 42)).resolves.toBe(42);
    await expect(
      X.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });

  test('ClientResult values (getCount) are available after sync only', async () => {
    const { X } = setup(['A', 'B', 'C']);
    await X.run(async (ctx) => {
      const n = ctx.workbook.worksheets.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(n.value).toBe(3);
    });
  });
});

describe('2-D shapes', () => {
  test('a values array of the wrong shape rejects the sync with InvalidArgument; the write queued before it stays', async () => {
    const { sim, X } = setup();
    const err = await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('D1').values = [['kept?']];
      ws.getRange('A1:B2').values = [[1, 2, 3]];
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toBeInstanceOf(SimError);
    expect(err.code).toBe('InvalidArgument');
    expect(err.message).toMatch(/doesn't match the size or dimensions of the range/);
    expect(err.debugInfo).toMatchObject({ code: 'InvalidArgument', errorLocation: 'Range.values' });
    expect(sim.getCell('Sheet1', 'D1').value).toBe('kept?'); // like Excel, a batch is not atomic: what ran before the error stays
  });

  test('formulas and numberFormat arrays are checked too', async () => {
    const { X } = setup();
    for (const prop of ['formulas', 'numberFormat'] as const) {
      await expect(
        X.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3')[prop] = [['=1'], ['=2']];
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });

  test('a scalar or [[x]] fills the whole range; a filled formula adjusts its relative references', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A3').values = [[10]];
      ws.getRange('B1:B3').formulas = '=A1*2' as unknown as string[][];
      ws.getRange('C1:C2').numberFormat = [['0.00']];
      await ctx.sync();
    });
    expect(sim.getCell('Sheet1', 'A3').value).toBe(10);
    expect(sim.getCell('Sheet1', 'B3').formula).toBe('=A3*2');
    expect(sim.getCell('Sheet1', 'B3').value).toBe(20);
    expect(sim.getCell('Sheet1', 'C2').numberFormat).toBe('0.00');
  });

  test('null entries leave cells unchanged; strings are parsed like typed input', async () => {
    const { sim, X } = setup();
    sim.setCell('Sheet1', 'B1', 'keep');
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1').values = [['12', null, "'007", 'TRUE']];
      await ctx.sync();
    });
    expect([0, 1, 2, 3].map((c) => sim.state.sheets[0].cells[`0,${c}`].value)).toEqual([12, 'keep', '007', true]);
  });

  test('values, formulas, text and valueTypes read back', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:E1');
      r.formulas = [[1.5, 'x', true, '=A1/0', '=A1*2']];
      r.numberFormat = [['0.00', 'General', 'General', 'General', '0%']];
      r.load('values,formulas,text,valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[1.5, 'x', true, '#DIV/0!', 3]]);
      expect(r.formulas).toEqual([[1.5, 'x', true, '=A1/0', '=A1*2']]);
      expect(r.text).toEqual([['1.50', 'x', 'TRUE', '#DIV/0!', '300%']]);
      expect(r.valueTypes).toEqual([['Double', 'String', 'Boolean', 'Error', 'Double']]);
    });
    expect(sim.getCell('Sheet1', 'E1').value).toBe(3);
  });

  test('an invalid formula is rejected with InvalidArgument', async () => {
    const { X } = setup();
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=SUM(A1:']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('failures', () => {
  test('an operation Excel refuses mid-batch: the ones before it stay applied, the ones after it never run, no load is delivered', async () => {
    const { sim, X } = setup();
    sim.setCell('Sheet1', 'B1', 'typed');
    let loaded: Excel.Range | undefined;
    const err = await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['before']];
      loaded = ws.getRange('B1').load('values');
      ctx.workbook.worksheets.getItem('不存在的表').getRange('A1').values = [['refused']];
      ws.getRange('C1').values = [['after']];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ItemNotFound' });
    expect(sim.getCell('Sheet1', 'A1').value).toBe('before');
    expect(sim.getCell('Sheet1', 'B1').value).toBe('typed');
    expect(sim.getCell('Sheet1', 'C1').value).toBe('');
    expect(sim.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(() => loaded?.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('failNextSync with afterOperations runs that many operations, then fails: the first ones stay applied', async () => {
    const { sim, X } = setup();
    sim.failNextSync('AccessDenied', 'simulated', { afterOperations: 1 });
    await expect(
      X.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [[1]];
        ws.getRange('A2').values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: 'Range.values' } });
    expect(sim.getCell('Sheet1', 'A1').value).toBe(1);
    expect(sim.getCell('Sheet1', 'A2').value).toBe('');
  });

  test('failNextSync rejects the next sync with the given code, discards its batch and leaves the state unchanged', async () => {
    const { sim, X } = setup();
    sim.failNextSync('GeneralException', 'simulated outage');
    const before = JSON.stringify(sim.state);
    await expect(
      X.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        ctx.workbook.worksheets.add('New');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', message: 'simulated outage' });
    expect(JSON.stringify(sim.state)).toBe(before);
    expect(sim.syncCount).toBe(1);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[2]];
      await ctx.sync();
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe(2);
  });

  test('a failing operation keeps what ran before it, drops the rest and commits no loaded values', async () => {
    const { sim, X } = setup();
    await X.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [[1]];
      const r = ws.getRange('A1').load('values');
      ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [[2]];
      ws.getRange('B1').values = [[3]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe(1);
    expect(sim.getCell('Sheet1', 'B1').value).toBe('');
  });

  test('getItem of a missing sheet fails only when used; getItemOrNullObject gives a null object', async () => {
    const { X } = setup();
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope'); // never used: no error
      const ws = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const found = ctx.workbook.worksheets.getItemOrNullObject('sheet1'); // case-insensitive like Excel
      ws.load('name');
      expect(() => ws.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(ws.name).toBeNull();
      expect(found.isNullObject).toBe(false);
      ws.delete(); // operations on a null object are ignored, like office-js
      ws.getRange('A1').values = [[1]];
      await ctx.sync();
    });
  });

  test('installGlobals exposes Excel, Office and OfficeExtension.Error', async () => {
    const sim = createWorkbookSim();
    const target: Record<string, unknown> = {};
    installGlobals(sim, target);
    expect(target.Excel).toBe(sim.Excel);
    expect(target.Office).toBe(sim.Office);
    const OE = target.OfficeExtension as { Error: typeof SimError };
    const err = await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Zzz').load('name');
      await ctx.sync();
    }).catch((e) => e);
    expect(err).toBeInstanceOf(OE.Error);
    expect(err.code).toBe(sim.Excel.ErrorCodes.itemNotFound);
  });
});
