/**
 * The stand-in refuses what Excel refuses: a member above its ExcelApi level fails the sync with ApiNotFound at
 * the place in the batch where Excel fails it (the operations before it stay applied), whether it is a method, a
 * property set, a load or a navigation property; every member it implements has a level from @types/office-js.
 */
import { createWorkbookSim, NEWEST_EXCEL_API } from '../../src/excel-sim';
import { implementedMembers, requiredLevel } from '../../src/excel-sim/api';

const run = (api: string, fn: (ctx: Excel.RequestContext) => Promise<unknown>) => {
  const sim = createWorkbookSim({ apiVersion: api });
  return {
    sim,
    done: sim.Excel.run(fn).then(
      () => null,
      (e: { code: string; debugInfo: { errorLocation?: string } }) => ({ code: e.code, at: e.debugInfo.errorLocation }),
    ),
  };
};

test('every member the stand-in implements has a requirement set from the type definitions', () => {
  const members = implementedMembers();
  expect(members.length).toBeGreaterThan(150);
  expect(members.filter((m) => requiredLevel(m.split('.')[0], m.split('.')[1]) === null)).toEqual([]);
  expect(NEWEST_EXCEL_API).toMatch(/^1\.(2\d|19)$/);
});

test('a method above the level: refused where it was called, the operations before it stay applied', async () => {
  const { sim, done } = run('1.12', async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1').values = [['before']];
    ws.getRange('A1:B2').getMergedAreasOrNullObject().load('address');
    ws.getRange('A2').values = [['after']];
    await ctx.sync();
  });
  expect(await done).toEqual({ code: 'ApiNotFound', at: 'Range.getMergedAreasOrNullObject' });
  expect(sim.getCell('Sheet1', 'A1').value).toBe('before');
  expect(sim.getCell('Sheet1', 'A2').value).toBe('');
  // the same at 1.13 runs
  expect(
    await run('1.13', async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
    }).done,
  ).toBeNull();
});

test('getCellProperties below 1.9, loading a 1.9 property, setting calculationMode below 1.8', async () => {
  expect(
    await run('1.8', async (ctx) => {
      ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1')
        .getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
    }).done,
  ).toEqual({ code: 'ApiNotFound', at: 'Range.getCellProperties' });
  expect(
    await run('1.8', async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.load('color,pattern');
      await ctx.sync();
    }).done,
  ).toEqual({ code: 'ApiNotFound', at: 'RangeFill.pattern' });
  expect(
    await run('1.8', async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.load('color');
      await ctx.sync();
    }).done,
  ).toBeNull();
  expect(
    await run('1.7', async (ctx) => {
      ctx.workbook.application.calculationMode = 'Manual';
      await ctx.sync();
    }).done,
  ).toEqual({ code: 'ApiNotFound', at: 'Application.calculationMode' });
  // reading it is 1.1
  expect(
    await run('1.7', async (ctx) => {
      ctx.workbook.application.load('calculationMode');
      await ctx.sync();
    }).done,
  ).toBeNull();
});

test('a navigation property above the level fails where its object is first used; load() without names skips what the level lacks', async () => {
  expect(
    await run('1.5', async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const cfs = r.conditionalFormats; // 1.6: nothing is sent yet
      r.values = [[1]];
      cfs.load('items');
      await ctx.sync();
    }).done,
  ).toEqual({ code: 'ApiNotFound', at: 'Range.conditionalFormats' });
  expect(
    await run('1.7', async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.load('type');
      await ctx.sync();
    }).done,
  ).toEqual({ code: 'ApiNotFound', at: 'Range.dataValidation' });
  const { done } = run('1.8', async (ctx) => {
    const f = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill;
    f.load();
    await ctx.sync();
    expect(f.color).toBe('#FFFFFF');
    expect(() => f.pattern).toThrow(/not available/);
  });
  expect(await done).toBeNull();
});

test('isSetSupported answers from the same level', () => {
  const sim = createWorkbookSim({ apiVersion: '1.12' });
  expect(sim.Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
  expect(sim.Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
  expect(createWorkbookSim().Office.context.requirements.isSetSupported('ExcelApi', NEWEST_EXCEL_API)).toBe(true);
});
