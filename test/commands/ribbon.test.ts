import { registerCommands } from '../../src/commands/commands';
import { insertAllFromRibbon } from '../../src/commands/ribbon';
import { API_LEVELS, setup } from '../excel/helpers';

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test('the ribbon button 插入全部表格 inserts last year\'s tables on a new sheet and completes the event', async () => {
    const { sim, host } = setup({ apiVersion: api });
    registerCommands(sim.Office as typeof Office, host);
    const action = sim.actions.get('insertAllTables') as (e: { completed: () => void }) => void;
    expect(typeof action).toBe('function');
    await new Promise<void>((resolve) => action({ completed: resolve }));
    const year = new Date().getFullYear() - 1;
    expect(sim.getCell(`${year}年报表格`, 'A1').value).toBe(`${year}年政府信息公开工作年度报告 统计表`);
    // a second press never overwrites: it uses the next sheet
    expect(await insertAllFromRibbon(host)).toBe(`已在工作表“${year}年报表格(2)”插入${year}年度的全部表格`);
  });

  test('the ribbon reports why when the host cannot insert', async () => {
    const { host } = setup({ sheets: ['Sheet1'], apiVersion: '1.4' });
    expect(await insertAllFromRibbon(host, new Date('2026-01-15'))).toContain('ExcelApi 1.8');
  });
});
