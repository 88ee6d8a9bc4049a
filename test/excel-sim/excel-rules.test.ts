/**
 * Where the stand-in used to be kinder than Excel, it now does what Excel does (see each test for the source).
 */
import { createWorkbookSim } from '../../src/excel-sim';

describe('conditional formats are addressed by their priority, as in Excel', () => {
  // @types/office-js: ConditionalFormat.id is "the priority of the conditional format in the current
  // ConditionalFormatCollection"; add() puts a new one "at the first/top priority".
  test('ids are priorities: adding a format moves the ids of the others', async () => {
    const sim = createWorkbookSim();
    const ids = async (): Promise<string[]> =>
      sim.Excel.run(async (ctx) => {
        const items = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D4').conditionalFormats.load('items/id');
        await ctx.sync();
        return items.items.map((i) => i.id);
      });
    await sim.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A1>1';
      await ctx.sync();
    });
    expect(await ids()).toEqual(['0']);
    const [first] = sim.state.sheets[0].conditionalFormats;
    await sim.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1:B2').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B1>1';
      cf.custom.format.fill.color = '#FF0000'; // the object add() returned still refers to the new format
      await ctx.sync();
    });
    expect(await ids()).toEqual(['0', '1']);
    expect(sim.state.sheets[0].conditionalFormats[1]).toBe(first);
    expect(sim.state.sheets[0].conditionalFormats[0]).toMatchObject({ formula: '=B1>1', fill: '#FF0000' });
  });

  test('deleting the loaded items from the first on deletes the wrong ones, as in Excel; from the last on, the right ones', async () => {
    const setup = async () => {
      const sim = createWorkbookSim();
      await sim.Excel.run(async (ctx) => {
        for (const f of ['=A1>3', '=A1>2', '=A1>1'])
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.add('Custom').custom.rule.formula = f;
        await ctx.sync();
      });
      return sim;
    };
    const remove = async (sim: ReturnType<typeof createWorkbookSim>, order: number[]) =>
      sim.Excel.run(async (ctx) => {
        const items = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.load('items');
        await ctx.sync();
        for (const i of order) items.items[i].delete();
        await ctx.sync();
      }).then(
        () => null,
        (e: { code: string }) => e.code,
      );
    const forwards = await setup();
    expect(await remove(forwards, [0, 1])).toBe(null);
    // the first deletion moved the third format to priority 1: the second deletion took it
    expect(forwards.state.sheets[0].conditionalFormats.map((c) => c.formula)).toEqual(['=A1>2']);
    const backwards = await setup();
    expect(await remove(backwards, [1, 0])).toBe(null);
    expect(backwards.state.sheets[0].conditionalFormats.map((c) => c.formula)).toEqual(['=A1>3']);
  });
});

describe('borders have all the sides Excel has', () => {
  test('diagonals are set, read and returned by getCellProperties with the other seven sides', async () => {
    const sim = createWorkbookSim();
    const props = await sim.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const d = ws.getRange('B2:C2').format.borders.getItem('DiagonalUp');
      d.style = 'Continuous';
      d.color = '#FF0000';
      const read = ws.getRange('B2').format.borders.getItem('DiagonalUp').load('style,color');
      const p = ws.getRange('B2').getCellProperties({ format: { borders: { style: true, color: true } } });
      await ctx.sync();
      expect(read.toJSON()).toMatchObject({ style: 'Continuous', color: '#FF0000' });
      return p.value[0][0].format?.borders;
    });
    expect(Object.keys(props ?? {}).sort()).toEqual([
      'bottom',
      'diagonalDown',
      'diagonalUp',
      'horizontal',
      'left',
      'right',
      'top',
      'vertical',
    ]);
    expect(props?.diagonalUp).toEqual({ style: 'Continuous', color: '#FF0000' });
    // a diagonal is the cell's own: the neighbours keep none
    expect(sim.getCell('Sheet1', 'A2').borders).toEqual({});
    expect(sim.getCell('Sheet1', 'C2').borders.DiagonalUp?.style).toBe('Continuous');
    // setCellProperties writes it back
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('D4')
        .setCellProperties([[{ format: { borders: { diagonalDown: { style: 'Dash', color: '#00B050' } } } }]]);
      await ctx.sync();
    });
    expect(sim.getCell('Sheet1', 'D4').borders.DiagonalDown).toMatchObject({ style: 'Dash', color: '#00B050' });
  });
});

describe('text that Excel takes for a formula', () => {
  // Excel reads what is written to a range as if typed: '=', and '+' or '-' before something that is not a number
  test('"-某某局" is not stored as text; "\'-某某局" is; "-5" and "+5" are numbers', async () => {
    const sim = createWorkbookSim();
    const write = (v: string) =>
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[v]];
        await ctx.sync();
      }).then(
        () => sim.getCell('Sheet1', 'A1'),
        (e: { code: string }) => e.code,
      );
    // Excel makes "=-某某局" of it: a name it does not know, #NAME?
    expect(await write('-某某局')).toMatchObject({ formula: '=-某某局', value: '#NAME?' });
    expect(await write('+某某局+')).toBe('InvalidArgument'); // not even a formula
    expect(await write("'-某某局")).toMatchObject({ value: '-某某局' });
    expect(((await write('-5')) as { value: unknown }).value).toBe(-5);
    expect(((await write('+5')) as { value: unknown }).value).toBe(5);
    expect(await write('-A1+1')).toMatchObject({ formula: '=-A1+1' });
    // a cell formatted as text keeps what is typed
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').numberFormat = [['@']];
      await ctx.sync();
    });
    sim.setCell('Sheet1', 'B1', '=1+1');
    expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ value: '=1+1' });
  });
});

describe('manual calculation', () => {
  test('in Manual mode formulas keep their old results until Application.calculate; an entered formula computes itself', async () => {
    const sim = createWorkbookSim();
    sim.setCell('Sheet1', 'A1', 1);
    sim.setCell('Sheet1', 'A3', '=SUM(A1:A2)');
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.application.calculationMode = 'Manual';
      await ctx.sync();
    });
    sim.setCell('Sheet1', 'A2', 5);
    expect(sim.getCell('Sheet1', 'A3').value).toBe(1);
    const read = () =>
      sim.Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A3:A4').load('values');
        await ctx.sync();
        return r.values.map((x) => x[0]);
      });
    await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A4').formulas = [['=A3*2']];
      await ctx.sync();
    });
    expect(await read()).toEqual([1, 2]);
    const mode = await sim.Excel.run(async (ctx) => {
      const app = ctx.workbook.application;
      app.calculate(sim.Excel.CalculationType.recalculate);
      app.load('calculationMode');
      await ctx.sync();
      return app.calculationMode;
    });
    expect(mode).toBe('Manual');
    expect(await read()).toEqual([6, 12]);
  });
});

describe('limits Excel has', () => {
  test('a read of more than 5,000,000 cells is refused (RangeExceedsLimit)', async () => {
    const sim = createWorkbookSim();
    const code = await sim.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:XFD306').load('values'); // 16,384 × 306 = 5,013,504
      await ctx.sync();
    }).then(
      () => null,
      (e: { code: string }) => e.code,
    );
    expect(code).toBe('RangeExceedsLimit');
  });

  test('Excel on the web refuses a response or a request over 5 MB', async () => {
    const sim = createWorkbookSim({ platform: 'OfficeOnline' });
    const long = '政府信息公开'.repeat(50); // 900 bytes of UTF-8
    const block = (rows: number) => Array.from({ length: rows }, () => Array(2).fill(long));
    const write = (address: string, rows: number) =>
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(address).values = block(rows);
        await ctx.sync();
      }).then(
        () => null,
        (e: { code: string }) => e.code,
      );
    const read = (address: string) =>
      sim.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(address).load('values');
        await ctx.sync();
      }).then(
        () => null,
        (e: { code: string }) => e.code,
      );
    expect(await write('A1:B2000', 2000)).toBe(null); // 3.6 MB
    expect(await write('C1:D2000', 2000)).toBe(null);
    expect(await read('A1:B2000')).toBe(null);
    expect(await read('A1:D2000')).toBe('ResponsePayloadSizeLimitExceeded'); // 7.2 MB
    expect(await write('E1:F3000', 3000)).toBe('RequestPayloadSizeLimitExceeded'); // 5.4 MB
    expect(sim.getCell('Sheet1', 'E1').value).toBe(''); // refused as a whole
    // on the desktop neither limit applies
    const pc = createWorkbookSim();
    await pc.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('E1:F3000').values = block(3000);
      await ctx.sync();
    });
    expect(pc.getCell('Sheet1', 'F3000').value).toBe(long);
  });
});

describe('data validation holds typed input as Excel does', () => {
  const setup = async () => {
    const sim = createWorkbookSim();
    await sim.Excel.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:B5').dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      dv.prompt = { showPrompt: true, title: '件数', message: '请填写大于或等于0的整数' };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '件数有误', message: '件数应为大于或等于0的整数' };
      const money = ctx.workbook.worksheets.getItem('Sheet1').getRange('C2').dataValidation;
      money.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      await ctx.sync();
    });
    return sim;
  };

  test("“/”, “1件”, a negative count and a fraction are refused with the rule's own alert; the cell keeps its value", async () => {
    const sim = await setup();
    sim.setCell('Sheet1', 'B2', 7);
    for (const input of ['/', '1件', '-1', '2.5', '=0-3']) {
      expect(sim.typeIn('Sheet1', 'B2', input)).toEqual({
        accepted: false,
        alert: { title: '件数有误', message: '件数应为大于或等于0的整数', style: 'Stop' },
      });
    }
    expect(sim.getCell('Sheet1', 'B2').value).toBe(7);
    for (const input of ['0', '12', '=1+2', '']) expect(sim.typeIn('Sheet1', 'B2', input)).toEqual({ accepted: true });
    expect(sim.getCell('Sheet1', 'B2').value).toBe('');
    // a rule without its own alert text gets Excel's words
    expect(sim.typeIn('Sheet1', 'C2', '3.5万元')).toMatchObject({
      accepted: false,
      alert: { title: 'Microsoft Excel', message: "This value doesn't match the data validation restrictions defined for this cell." },
    });
    expect(sim.typeIn('Sheet1', 'C2', '3.5')).toEqual({ accepted: true });
    // a cell without validation takes anything; a paste or the API is not held to the rule (as in Excel)
    expect(sim.typeIn('Sheet1', 'D2', '1件')).toEqual({ accepted: true });
    sim.setCell('Sheet1', 'B3', '48件');
    expect(sim.getCell('Sheet1', 'B3').value).toBe('48件');
    expect(sim.promptAt('Sheet1', 'B4')).toEqual({ title: '件数', message: '请填写大于或等于0的整数' });
    expect(sim.promptAt('Sheet1', 'D4')).toBeNull();
  });
});
