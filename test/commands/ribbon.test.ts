/**
 * The ribbon's 插入全部表格: the function command inserts last year's tables on a new sheet and tells the person
 * how it ended — done, refused, failed — in an Office dialog (a function command has no UI of its own), and only
 * completes once that dialog is closed.
 */
import { registerCommands } from '../../src/commands/commands';
import { insertAllFromRibbon } from '../../src/commands/ribbon';
import { renderNotice } from '../../src/commands/noticeView';
import { JSDOM } from 'jsdom';
import { API_LEVELS, setup, type Sim } from '../excel/helpers';

/** Presses the button; resolves with whether the event completed, once the dialog (if any) has opened. */
async function press(sim: Sim): Promise<{ completed: () => boolean }> {
  const action = sim.actions.get('insertAllTables') as (e: { completed: () => void }) => void;
  let done = false;
  const opened = sim.dialogs.length;
  action({
    completed: () => {
      done = true;
    },
  });
  for (let i = 0; i < 200 && !done && sim.dialogs.length === opened; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 5));
  return { completed: () => done };
}
const query = (sim: Sim) => new URL(sim.dialogs[sim.dialogs.length - 1].url).searchParams;

describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
  test("inserts last year's tables on a new sheet, says so in a dialog, and completes when the dialog is closed", async () => {
    const { sim, host } = setup({ apiVersion: api });
    registerCommands(sim.Office, host);
    const pressed = await press(sim);
    const year = new Date().getFullYear() - 1;
    expect(sim.getCell(`${year}年报表格`, 'A1').value).toBe(`${year}年政府信息公开工作年度报告 统计表`);
    const dialog = sim.dialogs[0];
    expect(new URL(dialog.url).pathname).toBe('/notice.html');
    expect(query(sim).get('k')).toBe('done');
    expect(query(sim).get('m')).toBe(`已在工作表“${year}年报表格”插入${year}年度的全部表格。`);
    expect(pressed.completed()).toBe(false);
    // the dialog's own close button: messageParent('close'), the command closes the dialog and completes
    dialog.messageParent('close');
    expect(dialog.closed).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(pressed.completed()).toBe(true);
    // a second press never overwrites: it uses the next sheet
    expect(await insertAllFromRibbon(host)).toEqual({ kind: 'done', text: `已在工作表“${year}年报表格(2)”插入${year}年度的全部表格。` });
  });

  test('a failure reaches the person: Excel refusing the write (read-only workbook) is shown, nothing is left behind', async () => {
    const { sim, host } = setup({ apiVersion: api });
    registerCommands(sim.Office, host);
    const before = sim.state.sheets.map((s) => s.name);
    sim.failNextSync('AccessDenied', 'The workbook is read-only.', { afterOperations: 0, sync: 3 }); // sheet names, read, write
    const pressed = await press(sim);
    expect(query(sim).get('k')).toBe('failed');
    expect(query(sim).get('m')).toMatch(/工作表受保护或工作簿为只读/);
    expect(sim.state.sheets.map((s) => s.name)).toEqual(before);
    sim.dialogs[0].closeByUser(); // the dialog's ✕
    await new Promise((r) => setTimeout(r, 0));
    expect(pressed.completed()).toBe(true);
  });
});

test('a refusal reaches the person: an Excel without ExcelApi 1.8 is told why', async () => {
  const { sim, host } = setup({ apiVersion: '1.7' });
  registerCommands(sim.Office, host);
  const pressed = await press(sim);
  expect(query(sim).get('k')).toBe('refused');
  expect(query(sim).get('m')).toContain('ExcelApi 1.8');
  sim.dialogs[0].closeByUser();
  await new Promise((r) => setTimeout(r, 0));
  expect(pressed.completed()).toBe(true);
  expect(await insertAllFromRibbon(host, new Date('2026-01-15'))).toMatchObject({ kind: 'refused' });
});

test('without the dialog API the command still completes (and inserts)', async () => {
  const { sim, host } = setup({ dialogApi: null });
  registerCommands(sim.Office, host);
  const pressed = await press(sim);
  await new Promise((r) => setTimeout(r, 50));
  expect(pressed.completed()).toBe(true);
  expect(sim.dialogs).toEqual([]);
});

test('the dialog page shows the outcome as text, in Chinese or English, and its button closes it', async () => {
  const dom = new JSDOM('<main id="c"></main>');
  const container = dom.window.document.getElementById('c') as HTMLElement;
  let closed = 0;
  await renderNotice(container, `?k=refused&m=${encodeURIComponent('<b>目标区域</b> 已有内容')}`, () => {
    closed++;
  });
  expect(container.querySelector('h1')?.textContent).toBe('未插入表格');
  expect(container.querySelector('h1')?.getAttribute('role')).toBe('alert');
  expect(container.querySelector('p')?.textContent).toBe('<b>目标区域</b> 已有内容');
  expect(container.querySelector('b')).toBeNull();
  (container.querySelector('button') as HTMLButtonElement).click();
  expect(closed).toBe(1);
  await renderNotice(container, '?k=done&m=x&l=en-US', () => undefined);
  expect(container.querySelector('h1')?.textContent).toBe('Tables inserted');
  expect(container.querySelector('button')?.textContent).toBe('Close');
  await renderNotice(container, '?k=whatever', () => undefined);
  expect(container.querySelector('h1')?.textContent).toBe('插入表格时出错');
});
