/**
 * 导入上年报告 from a PDF in real headless Chromium, the network closed (every request not for the
 * add-in's own files is aborted): pdf.js, its worker and data load from dist/ only when the PDF is
 * opened, the tables are read, and the cross-year check shows last year's numbers.
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from './browser';

jest.setTimeout(90000);

const PDF = path.join(__dirname, '..', 'fixtures', 'pdf');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const requested = (page: Page): string[] => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  return urls;
};

async function typeInGrid(page: Page, addr: string, text: string): Promise<void> {
  await page.locator(`[data-testid="sim-grid"] td[data-addr="${addr}"]`).click();
  const input = page.getByTestId('sim-input');
  await input.fill(text);
  await input.press('Enter');
}

test("打开文件 with a PDF: pdf.js loads from the add-in's own files on demand, the tables are kept, 校验 shows last year's 103", async () => {
  const { page, errors, refused } = await open(browser, 'preview.html', { now: '2026-01-15T09:00:00+08:00' });
  const urls = requested(page);
  await page.getByTestId('insert-all').waitFor();
  expect(urls.filter((u) => /pdf/.test(u))).toEqual([]); // nothing of pdf.js in the first screen
  await page.getByTestId('last-year-file').setInputFiles(path.join(PDF, 'huaian-2024-hei-narrow.pdf'));
  await page
    .getByTestId('last-year-message')
    .getByText('已保存淮安市人民政府2024年报告（2021年格式，表1、表2、表3）', { exact: false })
    .waitFor({ timeout: 60000 });
  expect(urls).toEqual(expect.arrayContaining(['/pdfjs.js', '/pdfjs/pdf.worker.min.js']));
  // this year's 二、上年结转 自然人 typed as 100: last year's 四、结转下年度继续办理 was 103
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
  await typeInGrid(page, 'D24', '100');
  await page.getByRole('button', { name: '校验' }).click();
  const carry = page.locator('[data-testid="finding"][data-rule="X-CARRY"]').first();
  await carry.waitFor();
  expect(await carry.textContent()).toMatch(/100[\s\S]*103|103[\s\S]*100/);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('a scan and a renamed text file get a Chinese message naming the file', async () => {
  const { page, errors, refused } = await open(browser, 'preview.html');
  await page.getByTestId('last-year-file').setInputFiles(path.join(PDF, 'scan.pdf'));
  await page
    .getByTestId('last-year-message')
    .getByText('scan.pdf：PDF 中没有文字层（可能是扫描件或图片）', { exact: false })
    .waitFor({ timeout: 60000 });
  await page.getByTestId('last-year-file').setInputFiles(path.join(PDF, 'not-a-pdf.pdf'));
  await page.getByTestId('last-year-message').getByText('not-a-pdf.pdf：不是 PDF 文件', { exact: false }).waitFor();
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test("a Chinese font not embedded needs pdf.js's cMaps: fetched from the add-in's own pdfjs/cmaps/, table 1 kept", async () => {
  const { page, errors, refused } = await open(browser, 'preview.html');
  const urls = requested(page);
  await page.getByTestId('last-year-file').setInputFiles(path.join(PDF, 'cmap-font.pdf'));
  await page
    .getByTestId('last-year-message')
    .getByText('已保存淮安市人民政府2024年报告（2021年格式，表1）', { exact: false })
    .waitFor({ timeout: 60000 });
  expect(urls).toContain('/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('a server that does not send the cMaps (IIS without .bcmap) is said, not taken for a scan', async () => {
  const { page, refused } = await open(browser, 'preview.html');
  await page.route('**/pdfjs/cmaps/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.getByTestId('last-year-file').setInputFiles(path.join(PDF, 'cmap-font.pdf'));
  const msg = page.getByTestId('last-year-message');
  await msg.getByText('cmap-font.pdf：读取 PDF 所需的字体映射文件', { exact: false }).waitFor({ timeout: 60000 });
  expect(await msg.textContent()).not.toMatch(/扫描件/);
  expect(refused).toEqual([]);
});
