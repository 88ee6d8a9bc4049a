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

/** What the person reads on notice.html opened at this address (in the dialog or in their browser). */
async function seen(address: string): Promise<{ title: string; message: string }> {
  const dom = new JSDOM('<main id="c"></main>');
  const container = dom.window.document.getElementById('c') as HTMLElement;
  await renderNotice(container, new URL(address).search, () => undefined);
  const shown = { title: container.querySelector('h1')?.textContent ?? '', message: container.querySelector('p')?.textContent ?? '' };
  dom.window.close();
  return shown;
}
const lastDialog = (sim: Sim) => sim.dialogs[sim.dialogs.length - 1];

describe('on 20 January 2026 (the report year is 2025)', () => {
  // a fixed clock (only Date is faked; the dialog's timers run for real): the report year is 2025
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2026-01-20T10:00:00+08:00'),
      doNotFake: [
        'performance',
        'hrtime',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'nextTick',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
      ],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  describe.each(API_LEVELS)('at ExcelApi %s', (api) => {
    test("inserts last year's tables on a new sheet, says so in a dialog, and completes when the dialog is closed", async () => {
      const { sim, host } = setup({ apiVersion: api });
      registerCommands(sim.Office, host);
      const pressed = await press(sim);
      expect(sim.getCell('2025年报表格', 'A1').value).toBe('2025年政府信息公开工作年度报告 统计表');
      const dialog = sim.dialogs[0];
      expect(new URL(dialog.url).pathname).toBe('/notice.html');
      expect(await seen(dialog.url)).toEqual({ title: '已插入表格', message: '已在工作表“2025年报表格”插入2025年度的全部表格。' });
      expect(pressed.completed()).toBe(false);
      // the dialog's own close button: messageParent('close'), the command closes the dialog and completes
      dialog.messageParent('close');
      expect(dialog.closed).toBe(true);
      await new Promise((r) => setTimeout(r, 0));
      expect(pressed.completed()).toBe(true);
      // a second press never overwrites: it uses the next sheet
      expect(await insertAllFromRibbon(host)).toEqual({ kind: 'done', text: '已在工作表“2025年报表格(2)”插入2025年度的全部表格。' });
    });

    test('a failure reaches the person: Excel refusing the write (read-only workbook) is shown, nothing is left behind', async () => {
      const { sim, host } = setup({ apiVersion: api });
      registerCommands(sim.Office, host);
      const before = sim.state.sheets.map((s) => s.name);
      sim.failNextSync('AccessDenied', 'The workbook is read-only.', { afterOperations: 0, sync: 3 }); // sheet names, read, write
      const pressed = await press(sim);
      const shown = await seen(lastDialog(sim).url);
      expect(shown.title).toBe('插入表格时出错');
      expect(shown.message).toMatch(/工作表受保护或工作簿为只读/);
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
    const shown = await seen(lastDialog(sim).url);
    expect(shown.title).toBe('未插入表格');
    expect(shown.message).toContain('ExcelApi 1.8');
    sim.dialogs[0].closeByUser();
    await new Promise((r) => setTimeout(r, 0));
    expect(pressed.completed()).toBe(true);
    expect(await insertAllFromRibbon(host, new Date('2026-01-15'))).toMatchObject({ kind: 'refused' });
  });

  /** Presses the button where no dialog will open; resolves once the command has completed (or after a second). */
  async function pressUntilCompleted(sim: Sim): Promise<boolean> {
    const action = sim.actions.get('insertAllTables') as (e: { completed: () => void }) => void;
    let done = false;
    action({
      completed: () => {
        done = true;
      },
    });
    for (let i = 0; i < 200 && !done; i++) await new Promise((r) => setTimeout(r, 5));
    return done;
  }

  describe('the ribbon reports why even when the dialog cannot open', () => {
    test('Office refusing the dialog (12011, pop-up blocked): the failure and its reason open in the browser instead', async () => {
      const { sim, host } = setup({ platform: 'PC' });
      registerCommands(sim.Office, host);
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      sim.failNextSync('AccessDenied', 'The workbook is read-only.', { afterOperations: 0, sync: 3 });
      sim.refuseNextDialog(12011, 'The browser blocked the dialog.');
      expect(await pressUntilCompleted(sim)).toBe(true);
      expect(sim.dialogs).toEqual([]);
      expect(sim.browserWindows).toHaveLength(1);
      const shown = await seen(sim.browserWindows[0]);
      expect(shown.title).toBe('插入表格时出错');
      expect(shown.message).toMatch(/工作表受保护或工作簿为只读/);
      // and it is reported, with why the dialog did not open
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][0])).toMatch(/出错 \(failed\)。.*工作表受保护或工作簿为只读/);
      expect(String(logged.mock.calls[0][0])).toContain('displayDialogAsync 12011: The browser blocked the dialog.');
    });

    test('Excel on the web (no browser window API), the person ignoring the dialog (12009): the reason is reported, not dropped', async () => {
      const { sim, host } = setup({ platform: 'OfficeOnline', apiVersion: '1.7' });
      registerCommands(sim.Office, host);
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      sim.refuseNextDialog(12009, 'The user chose to ignore the dialog box.');
      expect(await pressUntilCompleted(sim)).toBe(true);
      expect(sim.browserWindows).toEqual([]);
      expect(logged).toHaveBeenCalledTimes(1);
      const report = String(logged.mock.calls[0][0]);
      expect(report).toMatch(/^政务公开年报助手 · 插入全部表格:未插入 \(refused\)。.*ExcelApi 1\.8/);
      expect(report).toContain('displayDialogAsync 12009: The user chose to ignore the dialog box.');
    });

    test('without the dialog API the command still completes, inserts, and says so in the browser', async () => {
      const { sim, host } = setup({ dialogApi: null });
      registerCommands(sim.Office, host);
      jest.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(await pressUntilCompleted(sim)).toBe(true);
      expect(sim.dialogs).toEqual([]);
      expect(sim.getCell('2025年报表格', 'A1').value).toBe('2025年政府信息公开工作年度报告 统计表');
      expect(await seen(sim.browserWindows[0])).toEqual({
        title: '已插入表格',
        message: '已在工作表“2025年报表格”插入2025年度的全部表格。',
      });
    });

    test('an Office whose requirement check itself throws: the error is reported and the command still completes', async () => {
      const { sim, host } = setup();
      const broken = {
        ...sim.Office,
        context: {
          ...sim.Office.context,
          requirements: {
            isSetSupported: () => {
              throw new Error('requirements unavailable');
            },
          },
        },
      } as typeof Office;
      registerCommands(broken, host);
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(await pressUntilCompleted(sim)).toBe(true);
      const reports = logged.mock.calls.map((c) => c.map(String).join(' '));
      expect(reports[0]).toContain('已在工作表“2025年报表格”插入2025年度的全部表格。');
      // the first report is tell's own; the second, the command's last line of defence (tell itself failed)
      expect(reports).toHaveLength(2);
      expect(reports[1]).toBe('政务公开年报助手:插入全部表格未能完成 (insert all tables did not finish) Error: requirements unavailable');
    });
  });
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
  dom.window.close();
});
