/**
 * Issue 14 in the built pane (headless Chromium): an English Office gets an English pane, its messages rendered by
 * the English chunk loaded on demand; the preview page asks for nothing that is not there (no /favicon.ico 404).
 */
import type { Browser } from 'playwright-core';
import { launch, open } from './browser';

jest.setTimeout(90000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('English Office: English buttons and findings; the Chinese page does not load the English chunk', async () => {
  const { page, refused, errors } = await open(browser, 'preview.html?lang=en-US');
  await page.getByRole('button', { name: 'Insert Table 1' }).waitFor();
  await page.getByTestId('insert-all').click();
  await page
    .getByTestId('insert-message')
    .getByText(/^Tables inserted at/)
    .waitFor();
  await page.getByTestId('check').click();
  await page
    .getByTestId('check-message')
    .getByText(/warnings? found\./)
    .waitFor();
  const first = await page.getByTestId('finding').first().innerText();
  expect(first).toMatch(/^Warning\s+Table 1 \(active disclosure\) is not filled in yet: 10 cells empty/);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);

  const zh = await open(browser, 'preview.html');
  const zhRequests: string[] = [];
  zh.page.on('request', (r) => zhRequests.push(new URL(r.url()).pathname));
  await zh.page.getByRole('button', { name: '插入表1' }).waitFor();
  await zh.page.getByTestId('insert-all').click();
  await zh.page.getByTestId('check').click();
  await zh.page.getByTestId('check-message').waitFor();
  expect(zhRequests.filter((p) => /english/.test(p))).toEqual([]);
  // every request of the page was answered from dist/ (an icon it names exists: no 404 for /favicon.ico)
  const missing: string[] = [];
  zh.page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await zh.page.reload();
  await zh.page.getByRole('button', { name: '插入表1' }).waitFor();
  expect(missing).toEqual([]);
  expect(zh.errors).toEqual([]);
});
