/**
 * The preview behaves like Excel where a person notices, in real headless Chromium: a finding or a number
 * clicked in the pane scrolls its cell into view; Enter moves down; the sheet stays where it was scrolled after
 * an edit; data validation refuses what Excel refuses (“/”, “1件”, a negative count) with the same alert, and
 * shows the input prompt of a validated cell.
 */
import type { Browser, Page } from 'playwright-core';
import { launch, open, screenshot } from './browser';

jest.setTimeout(90000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const sel = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as { __ogiSim: { selectionAddress: () => string } }).__ogiSim.selectionAddress());
const value = (page: Page, addr: string): Promise<unknown> =>
  page.evaluate(
    (a) =>
      (window as unknown as { __ogiSim: { getCell: (s: string, a: string) => { value: unknown } } }).__ogiSim.getCell('Sheet1', a).value,
    addr,
  );
const scrollTop = (page: Page): Promise<number> => page.locator('[data-testid="sim-grid"] .sim-scroll').evaluate((e) => e.scrollTop);
/** Whether a cell is inside the visible part of the grid. */
const visible = (page: Page, addr: string): Promise<boolean> =>
  page.evaluate((a) => {
    const td = document.querySelector(`[data-testid="sim-grid"] td[data-addr="${a}"]`) as HTMLElement;
    const box = (document.querySelector('[data-testid="sim-grid"] .sim-scroll') as HTMLElement).getBoundingClientRect();
    const r = td.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom + 1 && r.left >= box.left && r.right <= box.right + 1;
  }, addr);

async function inserted(page: Page): Promise<void> {
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
}

test('clicking a finding scrolls its cell into view; an edit keeps the scroll; Enter moves down', async () => {
  const { page, errors } = await open(browser, 'preview.html', { viewport: { width: 1200, height: 600 } });
  await inserted(page);
  const input = page.getByTestId('sim-input');
  // 表3 行政复议 (row 53, far below): 结果维持 3, a typed-over 总计 5
  await page.evaluate(() => {
    const s = (window as unknown as { __ogiSim: { setCell: (a: string, b: string, c: unknown) => void } }).__ogiSim;
    s.setCell('Sheet1', 'A53', 3);
    s.setCell('Sheet1', 'E53', 5);
  });
  expect(await visible(page, 'E53')).toBe(false);
  await page.getByRole('button', { name: '校验' }).click();
  await page.locator('[data-testid="finding"][data-rule="T3-SUM"]').click();
  await page.waitForFunction(() =>
    /E53$/.test((window as unknown as { __ogiSim: { selectionAddress: () => string } }).__ogiSim.selectionAddress()),
  );
  await page.waitForFunction(() => (document.querySelector('[data-testid="sim-grid"] .sim-scroll') as HTMLElement).scrollTop > 0);
  expect(await visible(page, 'E53')).toBe(true);
  // type into a cell down there: the sheet stays where it is
  await page.locator('[data-testid="sim-grid"] td[data-addr="B53"]').click();
  const before = await scrollTop(page);
  await input.fill('1');
  await input.press('Enter');
  expect(await value(page, 'B53')).toBe(1);
  expect(await scrollTop(page)).toBe(before);
  // Enter moved down to B54, ready for typing
  expect(await sel(page)).toMatch(/B54$/);
  await page.getByTestId('sim-input').waitFor();
  expect(errors).toEqual([]);
});

test('Enter below a merged cell goes to the row under the whole merge', async () => {
  const { page } = await open(browser, 'preview.html');
  await inserted(page);
  // A20:C22 is the merged corner of 表2: Enter from it goes to A23
  await page.locator('[data-testid="sim-grid"] td[data-addr="A20"]').click();
  await page.getByTestId('sim-input').press('Enter');
  expect(await sel(page)).toMatch(/A23$/);
});

test("data validation refuses “/”, “1件” and a negative count with the table's own alert; 重试 and 取消 as in Excel", async () => {
  const { page, errors } = await open(browser, 'preview.html');
  await inserted(page);
  const cell = page.locator('[data-testid="sim-grid"] td[data-addr="D23"]'); // 一、本年新收 · 自然人 (件数)
  await cell.click();
  // the input prompt of the validated cell
  await page.getByTestId('sim-prompt').getByText('请填写大于或等于0的整数；没有请填0，不要留空或填“/”。').waitFor();
  for (const typed of ['/', '1件', '-3']) {
    const input = page.getByTestId('sim-input');
    await input.fill(typed);
    await input.press('Enter');
    const alert = page.getByTestId('sim-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('件数有误');
    expect(await alert.textContent()).toContain('件数应为大于或等于0的整数，不要填写单位或文字。');
    if (typed === '/') await screenshot(page, 'validation-alert');
    expect(await value(page, 'D23')).toBe('');
    // 重试: back in the cell with the text kept; pressing elsewhere does not leave it while the alert is up
    await alert.getByRole('button', { name: '重试' }).click();
    expect(await page.getByTestId('sim-input').inputValue()).toBe(typed);
    expect(await sel(page)).toMatch(/D23$/);
  }
  const input = page.getByTestId('sim-input');
  await input.fill('-1');
  await input.press('Enter');
  await page.getByTestId('sim-alert').getByRole('button', { name: '取消' }).click();
  expect(await page.getByTestId('sim-alert').count()).toBe(0);
  expect(await value(page, 'D23')).toBe('');
  await cell.click();
  await page.getByTestId('sim-input').fill('12');
  await page.getByTestId('sim-input').press('Enter');
  expect(await value(page, 'D23')).toBe(12);
  expect(errors).toEqual([]);
});
