/**
 * The ribbon's 插入全部表格 in real headless Chromium: on the preview page the function command runs as in Excel
 * and its outcome opens the Office dialog; notice.html, the page that dialog shows, renders the outcome and its
 * button asks Office to close it.
 */
import type { Browser } from 'playwright-core';
import { launch, open, screenshot } from './browser';

jest.setTimeout(90000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the ribbon button inserts the tables and the outcome dialog says so; closing it completes the command', async () => {
  // the page's clock: 20 January 2026, so the report year is 2025
  const { page, errors, refused } = await open(browser, 'preview.html', { now: '2026-01-20T10:00:00+08:00' });
  await page.locator('#ribbon-insert').click();
  const dialog = page.getByTestId('office-dialog');
  await dialog.waitFor();
  expect(await dialog.locator('h1').textContent()).toBe('已插入表格');
  expect(await dialog.getByTestId('notice-message').textContent()).toBe('已在工作表“2025年报表格”插入2025年度的全部表格。');
  expect(await page.locator('#ribbon-insert').isDisabled()).toBe(true); // the command is still running
  await screenshot(page, 'ribbon-dialog');
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => !(document.getElementById('ribbon-insert') as HTMLButtonElement).disabled);
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});

test('an Excel without ExcelApi 1.8: the ribbon tells why nothing was inserted', async () => {
  const { page, errors } = await open(browser, 'preview.html?api=1.7');
  await page.locator('#ribbon-insert').click();
  const dialog = page.getByTestId('office-dialog');
  await dialog.waitFor();
  expect(await dialog.locator('h1').textContent()).toBe('未插入表格');
  expect(await dialog.getByTestId('notice-message').textContent()).toContain('ExcelApi 1.8');
  await dialog.getByRole('button', { name: /关闭对话框/ }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});

test('notice.html shows the outcome as text and its button sends messageParent("close")', async () => {
  const officeJs = `window.Office = { onReady: function () { return Promise.resolve({ host: 'Excel' }); },
    context: { requirements: { isSetSupported: function () { return true; } },
      ui: { messageParent: function (m) { window.__sent = (window.__sent || []).concat([m]); } } } };`;
  const m = encodeURIComponent('工作表“Sheet1”受保护，无法插入。<img src=x onerror=alert(1)>');
  const { page, errors, refused } = await open(browser, `notice.html?k=refused&m=${m}`, { officeJs });
  await page.getByRole('alert').getByText('未插入表格').waitFor();
  expect(await page.getByTestId('notice-message').textContent()).toBe('工作表“Sheet1”受保护，无法插入。<img src=x onerror=alert(1)>');
  expect(await page.locator('img').count()).toBe(0);
  await page.getByRole('button', { name: '关闭' }).click();
  expect(await page.evaluate(() => (window as unknown as { __sent?: string[] }).__sent)).toEqual(['close']);
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});
