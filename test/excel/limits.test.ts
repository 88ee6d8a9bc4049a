/**
 * Limits and modes Excel has: a huge active sheet (5,000,000-cell read limit; Excel on the web's 5 MB response
 * limit), manual calculation, and text that Excel would take for a formula.
 */
import { checkWorkbook } from '../../src/app/check';
import { insertTables } from '../../src/app/insert';
import { tableLayout } from '../../src/report/layout';
import { a1 } from '../../src/report/a1';
import type { CellKey } from '../../src/report/types';
import { API_LEVELS, select, setup } from './helpers';

const ALL = { year: 2025, agency: '某某县人民政府' };

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test('a new sheet whose name is taken in another case (Excel ignores case) gets the next number', async () => {
    const { sim, host } = setup({ apiVersion: api, sheets: ['Sheet1', 'Report'] });
    const out = await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: 'sheet1' } });
    expect(out).toMatchObject({ ok: true, sheet: 'sheet1(2)' });
    expect(await host.insertProse('REPORT', [['部分', '内容']])).toBe('REPORT(2)');
    expect(sim.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Report', 'sheet1(2)', 'OGI_marks', 'REPORT(2)']);
  });

  test('agency names starting with "-", "+", "=" or "@" are written as text, never as a formula', async () => {
    for (const agency of ['-某某局', '+某某局', '=某某局', '@某某局']) {
      const { sim, host, X } = setup({ apiVersion: api });
      await select(X, 'Sheet1', 'B2');
      const out = await insertTables(host, { ...ALL, agency, target: { kind: 'selection' } });
      expect(out.ok).toBe(true);
      expect(sim.getCell('Sheet1', 'B2')).toMatchObject({ value: `${agency}2025年政府信息公开工作年度报告 统计表` });
      expect(sim.getCell('Sheet1', 'B2').formula).toBeUndefined();
      const sheet = await host.insertProse('报告正文', [
        ['部分', '内容'],
        [1, '-（一）主动公开情况'],
        [2, '=共收到申请0件'],
      ]);
      expect(sim.getCell(sheet, 'B2').value).toBe('-（一）主动公开情况');
      expect(sim.getCell(sheet, 'B3').value).toBe('=共收到申请0件');
    }
  });

  test('manual calculation: 校验 recalculates first and says so; the totals it checks are current', async () => {
    const { sim, host, X } = setup({ apiVersion: api });
    const out = await insertTables(host, { ...ALL, target: { kind: 'selection' } });
    if (!out.ok) throw new Error(out.message);
    await X.run(async (ctx) => {
      ctx.workbook.application.calculationMode = 'Manual';
      await ctx.sync();
    });
    // 表3 行政复议: 结果维持 3, 尚未审结 1: the 总计 formula still shows 0 until Excel recalculates
    const t3 = out.tables[2].rect;
    const at = (key: string) => {
      const c = tableLayout('2021', 'reviews').byKey.get(`reviews.${key}` as CellKey)!;
      return a1(t3.r + c.r, t3.c + c.c);
    };
    sim.setCell('Sheet1', at('review.upheld'), 3);
    sim.setCell('Sheet1', at('review.pending'), 1);
    expect(sim.getCell('Sheet1', at('review.total')).value).toBe(0);
    sim.resetSyncCount();
    const res = await checkWorkbook(host);
    expect(res.notes.join()).toMatch(/手动计算模式：校验前已重新计算公式/);
    expect(res.sets[0].findings.filter((f) => f.rule === 'T3-SUM')).toEqual([]);
    expect(sim.getCell('Sheet1', at('review.total')).value).toBe(4);
    expect(sim.syncCount).toBeLessThanOrEqual(3); // read, recalculated read, marks
    // in automatic mode nothing is recalculated by the check and nothing is said
    await X.run(async (ctx) => {
      ctx.workbook.application.calculationMode = 'Automatic';
      await ctx.sync();
    });
    expect((await checkWorkbook(host)).notes).toEqual([]);
  });

  test('a huge active sheet (over 5,000,000 cells in use) is not read whole: registered tables are checked, the search says where it looked', async () => {
    const { sim, host, X } = setup({ apiVersion: api });
    const out = await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '年报' } });
    if (!out.ok) throw new Error(out.message);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.add('数据');
      await ctx.sync();
    });
    sim.setCell('数据', 'A1', '编号');
    sim.setCell('数据', 'XFD400', '末尾'); // used range A1:XFD400 = 6,553,600 cells
    await select(X, '数据', 'A1');
    const res = await checkWorkbook(host);
    expect(res.sets.map((s) => s.title)).toEqual(['2025年（2021年格式）']);
    expect(res.notes.join()).toMatch(
      /工作表“数据”的内容超出 A1:AD1000（到第 400 行、第 16384 列）：未登记的表格只在 A1:AD1000 中按标签查找/,
    );
  });

  test('tables pasted inside the searched window of a huge sheet are still found', async () => {
    const { sim, host, X } = setup({ apiVersion: api });
    const out = await insertTables(host, { ...ALL, tables: ['reviews'], target: { kind: 'selection' } });
    if (!out.ok) throw new Error(out.message);
    // forget the registration: the same cells are then a table typed without the add-in
    await X.run(async (ctx) => {
      ctx.workbook.names.getItem('OGI_reviews').delete();
      await ctx.sync();
    });
    sim.setCell('Sheet1', 'A200000', '很远的内容');
    const res = await checkWorkbook(host);
    expect(res.unregistered.map((t) => t.table)).toEqual(['reviews']);
    expect(res.notes).toEqual([]);
  });
});

test('Excel on the web: a searched window over 5 MB (long text in every cell) is left out with a message, the rest is checked', async () => {
  const { sim, host, X } = setup({ platform: 'OfficeOnline' });
  const out = await insertTables(host, { ...ALL, target: { kind: 'newSheet', name: '年报' } });
  if (!out.ok) throw new Error(out.message);
  await X.run(async (ctx) => {
    ctx.workbook.worksheets.add('长文本');
    await ctx.sync();
  });
  const long = '政府信息公开工作年度报告'.repeat(20); // 720 bytes a cell
  for (let r = 0; r < 700; r++)
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('长文本').getRangeByIndexes(r * 1, 0, 1, 12).values = [Array(12).fill(long)];
      await ctx.sync();
    });
  await select(X, '长文本', 'A1');
  sim.resetSyncCount();
  const res = await checkWorkbook(host);
  expect(res.sets.map((s) => s.title)).toEqual(['2025年（2021年格式）']);
  expect(res.notes.join()).toMatch(/超过网页版 Excel 一次读取 5 MB 的限制/);
});
