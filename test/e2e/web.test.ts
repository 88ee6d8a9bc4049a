/**
 * End to end in real headless Chromium: the web edition (web.html) over .xlsx files, offline. Open a filled report
 * with a known error → 校验 lists it on its cell → the finding outlines the cell in the grid → 下载 → the copy, read
 * with exceljs, holds the mark, the note and everything the user had. 新建 → 插入表格 → 下载 keeps the formulas;
 * a chart is listed before download; 批量核查 reads 20 files; the page in English.
 */
import type { Browser, Download, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { launch, open, screenshot } from './browser';
import { bytesOf, filledWithError, gridCell, loadXlsx, noteOf, withChart, XLSX } from './webFiles';
import { batchSources } from '../web/batch/sources';
import { markBlock, MARK_SHEET } from '../../src/report/plan';

jest.setTimeout(120000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('web-file').setInputFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
  await page.getByTestId('web-notice').getByText(`已打开“${name}”`, { exact: false }).waitFor();
}

const downloaded = async (download: Download): Promise<ExcelJS.Workbook> => loadXlsx(await bytesOf(download));

const fgOf = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

test('open a filled report with a wrong total → 校验 → the finding outlines its cell → 下载 keeps the mark, the note and every cell', async () => {
  const { page, refused, errors } = await open(browser, 'web.html');
  const bytes = await filledWithError();
  await openFile(page, '淮安市2024.xlsx', bytes);
  expect(await page.getByTestId('web-sheet-tab').allTextContents()).toEqual(['2024年报表格', '自用']);
  await page.getByRole('button', { name: '校验' }).click();
  const finding = page.locator('[data-testid="finding"][data-rule="T3-SUM"]');
  await finding.waitFor();
  expect(await finding.textContent()).toContain('行政复议：总计（9999）应等于');
  // the wrong total is marked red in the grid, as Excel's conditional format would colour it
  const total = gridCell(page, 'E53');
  expect(await total.getAttribute('data-mark')).toBe('error');
  expect(await total.evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 199, 206)');
  await finding.click();
  await page.locator('[data-testid="web-grid"] td[data-selected="true"][data-addr="E53"]').waitFor();
  await screenshot(page, 'web-check');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('web-download').click()]);
  expect(download.suggestedFilename()).toBe('淮安市2024（年报助手）.xlsx');
  const copy = await downloaded(download);
  const original = new ExcelJS.Workbook();
  await original.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  // every original sheet, and every cell's value as it was (the mark changes fills and notes, never values)
  for (const ws of original.worksheets) {
    const kept = copy.getWorksheet(ws.name);
    expect(kept).toBeDefined();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) =>
        expect([ws.name, cell.address, kept!.getCell(r, c).value]).toEqual([ws.name, cell.address, cell.value]),
      ),
    );
  }
  // the mark: code 2 (error) for E53 in table 3's block of the mark sheet, which the table's conditional format reads
  const sheet = copy.getWorksheet('2024年报表格')!;
  const range = copy.definedNames.getRanges('OGI_reviews').ranges[0];
  const corner = /!\$([A-Z]+)\$(\d+)/.exec(range);
  expect(corner?.slice(1)).toEqual(['A', '50']);
  const block = markBlock('OGI_reviews');
  expect(copy.getWorksheet(MARK_SHEET)!.getCell(block.r + (53 - 50) + 1, block.c + 4 + 1).value).toBe(2);
  expect(noteOf(sheet.getCell('E53'))).toContain('T3-SUM');
  const own = copy.getWorksheet('自用')!;
  expect(own.getCell('B2').value).toEqual({ formula: 'A2*2', result: 42 });
  expect(fgOf(own.getCell('A1'))).toBe('FF00B0F0');
  expect(own.getCell('A1').font?.bold).toBe(true);
  expect(noteOf(own.getCell('A1'))).toBe('这是用户自己的批注');
  expect(own.getCell('D1').isMerged).toBe(true);
  expect(own.getColumn(1).width).toBe(24);
  // and the Word file, from the same pane
  await page.getByTestId('fee').fill('0');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  expect(docx.suggestedFilename()).toBe('淮安市人民政府2024年政府信息公开工作年度报告.docx');
  const word = await JSZip.loadAsync(await bytesOf(docx));
  expect(await word.file('word/document.xml')!.async('string')).toContain('9999');
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('新建 → 插入表格 → 下载: the inserted tables keep their formulas, validation and conditional formats; 新建 asks before discarding', async () => {
  const { page, refused, errors } = await open(browser, 'web.html');
  await page.getByTestId('web-file-name').getByText('新建工作簿.xlsx').waitFor();
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page
    .getByTestId('insert-message')
    .getByText(/已在工作表“Sheet1”的 A1:O53 插入表格/)
    .waitFor();
  expect(await gridCell(page, 'A23').textContent()).toBe('一、本年新收政府信息公开申请数量');
  await screenshot(page, 'web-insert');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('web-download').click()]);
  expect(download.suggestedFilename()).toBe('新建工作簿（年报助手）.xlsx');
  const bytes = await bytesOf(download);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Sheet1')!;
  expect(ws.getCell('D46').formula).toBe('SUM(D25:D45)');
  expect(ws.getCell('D25').dataValidation?.type).toBe('whole');
  // the live colouring: conditional formats in the sheet's XML, as every spreadsheet program reads them
  const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(xml.match(/<conditionalFormatting /g)?.length ?? 0).toBeGreaterThan(0);
  // downloaded: 新建 goes ahead without asking
  await page.getByTestId('web-new').click();
  await page.locator('[data-testid="web-grid"] td[data-addr="A23"]').getByText('一、本年新收').waitFor({ state: 'detached' });
  // a change not downloaded: 新建 asks; 取消 keeps the workbook
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
  await page.getByTestId('web-new').click();
  const dialog = page.getByTestId('discard-dialog');
  await dialog.getByText('“新建工作簿.xlsx”有尚未下载的更改').waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await gridCell(page, 'A23').textContent()).toBe('一、本年新收政府信息公开申请数量');
  await page.getByTestId('web-new').click();
  await page.getByTestId('discard-dialog').getByRole('button', { name: '丢弃更改并继续' }).click();
  await gridCell(page, 'A23').getByText('一、本年新收').waitFor({ state: 'detached' });
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('a file with a chart: 下载 first lists what cannot be kept; 取消 downloads nothing, 仍然下载 does', async () => {
  const { page, errors } = await open(browser, 'web.html');
  await openFile(page, '带图表.xlsx', await withChart());
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByTestId('web-download').click();
  const dialog = page.getByTestId('lost-dialog');
  await dialog.getByText('下载的副本中将缺少以下内容').waitFor();
  expect(await dialog.getByTestId('lost-parts').textContent()).toContain('图表');
  await screenshot(page, 'web-lost');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(downloads).toBe(0);
  await page.getByTestId('web-download').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('lost-dialog').getByRole('button', { name: '仍然下载' }).click(),
  ]);
  const copy = await downloaded(download);
  expect([1, 2, 3].map((r) => copy.getWorksheet('Sheet1')!.getCell(r, 1).value)).toEqual([3, 5, 8]);
  expect(errors).toEqual([]);
});

test('批量核查: 20 files, 2 of them unreadable → 18 rows of reports and 2 reasons', async () => {
  const { page, refused, errors } = await open(browser, 'web.html');
  await page.getByTestId('tab-batch').click();
  const files = await batchSources();
  expect(files).toHaveLength(20);
  await page
    .getByTestId('batch-files')
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await page
    .getByTestId('batch-status')
    .getByText(/^已核查 20 个文件：18 份报告，2 个文件无法读取；/)
    .waitFor({ timeout: 90000 });
  expect(await page.getByTestId('batch-row').count()).toBe(18);
  const unreadable = await page.getByTestId('batch-unreadable').allTextContents();
  expect(unreadable).toHaveLength(2);
  expect(unreadable[0]).toMatch(/^下载中断\.xlsx无法读取：不是有效的 \.xlsx 工作簿，文件可能已损坏/);
  expect(unreadable[1]).toMatch(/^改了扩展名\.json无法读取：JSON 格式有误：/);
  await screenshot(page, 'web-batch');
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('the page in English with ?lang=en: toolbar, tabs and pane', async () => {
  const { page, errors } = await open(browser, 'web.html?lang=en');
  await page.getByRole('button', { name: 'Check' }).waitFor();
  expect(await page.getByTestId('web-new').textContent()).toBe('New');
  expect(await page.getByTestId('web-open').textContent()).toBe('Open…');
  expect(await page.getByTestId('web-download').textContent()).toBe('Download');
  expect(await page.getByRole('tab', { name: 'Compile and check' }).getAttribute('aria-selected')).toBe('true');
  expect(await page.getByRole('tab', { name: 'Batch review' }).count()).toBe(1);
  expect(await page.getByTestId('web-sheet-tab').allTextContents()).toEqual(['Sheet1']);
  expect(await page.title()).toBe('Government information disclosure annual report assistant · web edition');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByTestId('tab-batch').click();
  const heading = page.getByRole('heading', { level: 2 });
  await heading.waitFor();
  expect(await heading.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
  expect(errors).toEqual([]);
});
