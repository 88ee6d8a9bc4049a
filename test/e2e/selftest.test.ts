/**
 * 自检 in the preview, in real headless Chromium: the same self-test IT runs in Excel, loaded on demand under 帮助,
 * passes every step at ExcelApi 1.8 and at the newest level, leaves the workbook as it was, and shows the
 * environment and a report to copy.
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

const sheets = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __ogiSim: { state: { sheets: Array<{ name: string }> } } }).__ogiSim.state.sheets.map((s) => s.name),
  );

describe.each([
  ['1.8', 'preview.html?api=1.8'],
  ['newest', 'preview.html'],
])('at ExcelApi %s', (level, file) => {
  test('运行自检: every step passes, the scratch sheet is gone, the report names Excel and its API level', async () => {
    const { page, errors, refused } = await open(browser, file);
    const lazy: string[] = [];
    page.on('request', (r) => {
      if (/selftest/.test(r.url())) lazy.push(r.url());
    });
    await page.getByTestId('help').locator('summary').click();
    expect(lazy).toEqual([]); // not loaded before it is asked for
    await page.getByTestId('selftest-run').click();
    const summary = page.getByTestId('selftest-summary');
    await summary.waitFor({ timeout: 30000 });
    expect(lazy.length).toBe(1);
    expect(await summary.textContent()).toContain('自检全部通过');
    const statuses = await page
      .getByTestId('selftest-step')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-status')]));
    expect(statuses).toEqual([
      ['environment', 'passed'],
      ['insert', 'passed'],
      ['type', 'passed'],
      ['check', 'passed'],
      ['clear', 'passed'],
      ['remove', 'passed'],
    ]);
    expect(await sheets(page)).toEqual(['Sheet1']);
    const report = await page.getByTestId('selftest-report').inputValue();
    expect(report).toMatch(/自检：全部通过/);
    expect(report).toContain(`ExcelApi ${level === '1.8' ? '1.8' : ''}`);
    expect(await page.getByTestId('selftest-api').textContent()).toMatch(level === '1.8' ? /^ExcelApi 1\.8$/ : /^ExcelApi 1\.\d+$/);
    if (level === 'newest') {
      await page.getByTestId('selftest').scrollIntoViewIfNeeded();
      await screenshot(page, 'selftest');
    }
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });
});
