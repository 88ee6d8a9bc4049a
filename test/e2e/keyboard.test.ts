/**
 * The main flow driven by the keyboard alone, in real headless Chromium: insert, check, go to a finding,
 * clear, generate the prose and go to a number's cell, open the help. Every control of the pane is labelled
 * for screen readers, and focus stays on the control that was used after each action.
 * (The numbers are put into the workbook through the stand-in's API: typing into Excel is not the pane's part.)
 */
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './browser';

jest.setTimeout(90000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const activeTestId = (page: Page): Promise<string | null> =>
  page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")');
const activeText = (page: Page): Promise<string> => page.evaluate('document.activeElement ? document.activeElement.textContent : ""');

/** Presses Tab (or Shift+Tab) until the focused element has this test id (and text), as a keyboard user would. */
async function tabTo(page: Page, testId: string, text?: RegExp, back = false): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await activeTestId(page)) === testId && (!text || text.test(await activeText(page)))) return presses;
  }
  throw new Error(`Tab never reached ${testId}${text ? ` ${text}` : ''}`);
}

/** Polls a condition (the page's CSP forbids the string evaluation waitForFunction uses). */
async function until(ok: () => Promise<boolean>, ms = 10000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await ok()) return;
  throw new Error(`condition not met in time: ${ok.toString().slice(0, 80)}`);
}

const selection = (page: Page): Promise<string> => page.evaluate('window.__ogiSim.selectionAddress()');

test('insert, check, go to a finding, clear, generate and go to a number, help — by keyboard only', async () => {
  const { page, errors, refused } = await open(browser, 'preview.html');
  await page.getByTestId('insert-all').waitFor();

  // 插入位置: a radio group is one Tab stop; the arrow keys choose
  const checkedRadio = (): Promise<string> =>
    page.evaluate(
      '(() => { const r = document.activeElement; return r ? (r.closest("label") || document.querySelector("label[for=\'" + r.id + "\']"))?.textContent || r.value : ""; })()',
    );
  // 表格格式 (three choices) comes first; the arrow keys move within it, Tab leaves it
  for (let i = 0; i < 30 && !(await page.evaluate('document.activeElement && document.activeElement.type === "radio"')); i++)
    await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.value')).toBe('auto');
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement.value')).toBe('newSheet');
  const first = await checkedRadio();
  await page.keyboard.press('ArrowDown');
  expect(await checkedRadio()).not.toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await checkedRadio()).toBe(first);
  expect(first).toBe('新工作表');
  await tabTo(page, 'insert-all');
  await page.keyboard.press('Enter');
  await page
    .getByTestId('insert-message')
    .getByText(/已在工作表“2025年报表格”的 A1:O53 插入表格/)
    .waitFor();
  expect(await activeTestId(page)).toBe('insert-all');

  // Excel side: a 行政复议 row whose 总计 (E53, a formula) is typed over with a wrong number
  await page.evaluate(`(() => { const s = window.__ogiSim; s.setCell('2025年报表格', 'A53', 2); s.setCell('2025年报表格', 'E53', 5); })()`);

  await tabTo(page, 'check');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="finding"][data-rule="T3-SUM"]').waitFor();
  expect(await activeTestId(page)).toBe('check');
  await tabTo(page, 'finding', /总计/);
  await page.keyboard.press('Enter');
  await until(async () => (await selection(page)).endsWith('!E53'));
  expect(await selection(page)).toMatch(/2025年报表格'?!E53$/);

  await tabTo(page, 'clear', undefined, true);
  await page.keyboard.press('Enter');
  await page
    .getByTestId('check-message')
    .getByText(/已清除/)
    .waitFor();
  expect(await activeTestId(page)).toBe('clear');

  // the clerk corrects the total in Excel, fills the rest of table 3 with 0 (the format asks for it; the text is
  // never written from an empty cell), then writes the prose
  await page.evaluate(`window.__ogiSim.setCell('2025年报表格', 'E53', 2)`);
  await page.evaluate(`(() => { for (const c of 'BCDFGHIKLMN') window.__ogiSim.setCell('2025年报表格', c + '53', 0); })()`);
  await tabTo(page, 'generate');
  await page.keyboard.press('Enter');
  await page.getByTestId('paragraph').first().waitFor();
  expect(await activeTestId(page)).toBe('generate');
  await tabTo(page, 'number');
  await page.evaluate(`window.__ogiSim.select('Sheet1', 'A1')`);
  const before = await selection(page);
  await page.keyboard.press('Enter');
  await until(async () => (await selection(page)) !== before).catch(async (e) => {
    throw new Error(`${e.message} selection=${await selection(page)} focus=${await activeText(page)}`);
  });
  expect(await activeTestId(page)).toBe('number');

  // 帮助 opens with Enter on its summary
  const help = page.getByTestId('help');
  expect(await help.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  for (let i = 0; i < 60 && !(await page.evaluate('document.activeElement && document.activeElement.tagName === "SUMMARY"')); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await help.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  // its rule list comes with the first opening (a file of its own, help.js): the rules are listed
  await help.locator('li', { hasText: /^T2-BALANCE （错误）/ }).waitFor({ timeout: 10000 });

  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});

test('every control of the pane has a name a screen reader can read', async () => {
  const { page } = await open(browser, 'preview.html');
  await page.getByTestId('insert-all').waitFor();
  const unnamed: { out: string[]; count: number } = await page.evaluate(`(() => {
    const root = document.querySelector('#container') || document.body;
    const out = [];
    for (const el of root.querySelectorAll('button, input, textarea, select, summary, [role="radio"], [role="combobox"]')) {
      if (el.closest('[data-testid="sim"]') || el.type === 'hidden' || el.type === 'file') continue;
      const labelledBy = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || '').join('');
      const label = el.id ? [...document.querySelectorAll('label')].filter((l) => l.htmlFor === el.id).map((l) => l.textContent).join('') : '';
      const wrapping = el.closest('label')?.textContent || '';
      const name = (el.getAttribute('aria-label') || labelledBy || label || wrapping || (el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' ? el.textContent : '') || '').trim();
      if (!name) out.push(el.outerHTML.slice(0, 120));
    }
    return { out, count: root.querySelectorAll('button, input, textarea, summary').length };
  })()`);
  expect(unnamed.count).toBeGreaterThan(15);
  expect(unnamed.out).toEqual([]);
});
