/**
 * 自检 on the in-browser workbook at every level: every step passes and leaves the workbook as it was; a failing
 * step is reported with Excel's reason, the later steps are not run, and the scratch sheet is still removed.
 */
import { runSelfTest, reportText, scratchSheetName } from '../../src/app/selftest';
import { insertTables } from '../../src/app/insert';
import { API_LEVELS, select, setup } from './helpers';

const view = (state: unknown): string =>
  JSON.stringify(state, (k, v) => (k === 'nextId' || k === 'selection' || k === 'activeSheetId' ? undefined : v));

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test('every step passes in a blank workbook, which is left as it was', async () => {
    const { sim, host } = setup({ apiVersion: api });
    const before = view(sim.state);
    const seen: string[] = [];
    const report = await runSelfTest(host, (s) => seen.push(s.id));
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['environment', 'passed'],
      ['insert', 'passed'],
      ['type', 'passed'],
      ['check', 'passed'],
      ['clear', 'passed'],
      ['remove', 'passed'],
    ]);
    expect(seen).toEqual(report.steps.map((s) => s.id));
    expect(report.passed).toBe(true);
    expect(report.environment).toMatchObject({ application: 'Excel', platform: 'PC', api: `ExcelApi ${api}` });
    expect(report.steps[3].detail).toMatch(/T3-SUM：.*总计（5）应等于.*（4）/);
    expect(report.steps[4].detail).toMatch(/已清除自检表格中 \d+ 个单元格的标记/);
    expect(view(sim.state)).toBe(before); // no scratch sheet, no names, no mark sheet
    const text = reportText(report, '0.1.0');
    expect(text).toMatch(/^政务公开年报助手 0\.1\.0 自检：全部通过/);
    expect(text).toContain(`ExcelApi ${api}`);
    expect(text.split('\n')).toHaveLength(8);
  });

  test("beside the user's own tables: theirs stay registered, the scratch sheet and its names go, the mark sheet stays", async () => {
    const { sim, host, X } = setup({ apiVersion: api });
    await select(X, 'Sheet1', 'B2');
    const mine = await insertTables(host, { year: 2025, agency: '某某县', target: { kind: 'selection' } });
    if (!mine.ok) throw new Error(mine.message);
    await X.run(async (ctx) => {
      ctx.workbook.worksheets.add('OGI自检');
      await ctx.sync();
    });
    const report = await runSelfTest(host);
    expect(report.passed).toBe(true);
    expect(report.steps[1].detail).toContain('“OGI自检(2)”');
    expect(sim.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'OGI_marks', 'OGI自检']);
    expect(sim.state.names.map((n) => n.name).sort()).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
    expect((await host.readTables()).tables.map((t) => t.name).sort()).toEqual(['OGI_active', 'OGI_applications', 'OGI_reviews']);
  });
});

test('a failing step says what Excel said; later steps are not run; the scratch sheet is removed anyway', async () => {
  const { sim, host } = setup();
  const before = view(sim.state);
  // the third round trip after insertion is the wrong total's write: Excel refuses it
  const report = await runSelfTest({
    ...host,
    writeCells: async (...args) => {
      sim.failNextSync('InvalidOperationInCellEditMode');
      return host.writeCells(...args);
    },
  });
  expect(report.passed).toBe(false);
  expect(report.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'failed', 'not-run', 'not-run', 'passed']);
  expect(report.steps[2].detail).toMatch(/单元格编辑状态.*InvalidOperationInCellEditMode/);
  expect(view(sim.state)).toBe(before);
  expect(reportText(report, 'x')).toMatch(/3\. 填入错误的总计：失败/);
});

test('an Excel without ExcelApi 1.8 fails the first step with the reason and changes nothing', async () => {
  const { sim, host } = setup({ apiVersion: '1.7' });
  const before = view(sim.state);
  const report = await runSelfTest(host);
  expect(report.steps[0]).toMatchObject({ id: 'environment', status: 'failed' });
  expect(report.steps[0].detail).toMatch(/ExcelApi 1\.8/);
  expect(report.steps.slice(1, 5).every((s) => s.status === 'not-run')).toBe(true);
  expect(report.environment.api).toBe('ExcelApi 1.7');
  expect(view(sim.state)).toBe(before);
});

test('the scratch sheet takes a free name', () => {
  expect(scratchSheetName(['Sheet1'])).toBe('OGI自检');
  expect(scratchSheetName(['OGI自检', 'OGI自检(2)'])).toBe('OGI自检(3)');
});
