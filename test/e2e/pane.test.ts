/**
 * End to end in real headless Chromium: the built task pane bundle on the preview page, running
 * against the in-browser workbook drawn beside it.
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

type SimView = { value: unknown; formula?: string };
const cell = (page: Page, sheet: string, addr: string): Promise<SimView> =>
  page.evaluate(
    ([s, a]) => {
      const c = (window as unknown as { __ogiSim: { getCell: (s: string, a: string) => SimView } }).__ogiSim.getCell(s, a);
      return { value: c?.value ?? null, formula: c?.formula };
    },
    [sheet, addr] as const,
  );
const state = (page: Page): Promise<string> =>
  page.evaluate(() => JSON.stringify((window as unknown as { __ogiSim: { state: unknown } }).__ogiSim.state));
const names = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __ogiSim: { state: { names: Array<{ name: string }> } } }).__ogiSim.state.names.map((n) => n.name).sort(),
  );

async function typeInGrid(page: Page, addr: string, text: string): Promise<void> {
  await page.locator(`[data-testid="sim-grid"] td[data-addr="${addr}"]`).click();
  const input = page.getByTestId('sim-input');
  await input.fill(text);
  await input.press('Enter');
}

test('insert all tables at the selected cell; a second click at the same place is refused and changes nothing', async () => {
  const { page, refused, errors } = await open(browser, 'preview.html');
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').getByText('已在工作表“Sheet1”的 A1:O53 插入表格').waitFor();
  // labels, formulas, merges and names in the workbook
  expect((await cell(page, 'Sheet1', 'A20')).value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  expect((await cell(page, 'Sheet1', 'A23')).value).toBe('一、本年新收政府信息公开申请数量');
  expect((await cell(page, 'Sheet1', 'D46')).formula).toBe('=SUM(D25:D45)');
  expect(await names(page)).toEqual(expect.arrayContaining(['OGI_active', 'OGI_applications', 'OGI_reviews']));
  // the grid draws the merged corner cell across three columns and three rows
  const corner = page.locator('[data-testid="sim-grid"] td[data-addr="A20"]');
  expect(await corner.getAttribute('colspan')).toBe('3');
  expect(await corner.getAttribute('rowspan')).toBe('3');
  await screenshot(page, 'insert-all');
  const before = await state(page);
  await page.locator('[data-testid="sim-grid"] td[data-addr="A1"]').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('insert-all').click();
  await page
    .getByTestId('insert-message')
    .getByText(/为避免覆盖，未插入任何内容/)
    .waitFor();
  expect(await state(page)).toBe(before.replace(/"selection":\{[^}]*\}/, (await state(page)).match(/"selection":\{[^}]*\}/)?.[0] ?? ''));
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('type a wrong total, 校验, see the cell coloured and the finding listed, click it, 清除标记', async () => {
  const { page, errors } = await open(browser, 'preview.html');
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
  // 表3 行政复议: 结果维持 3, 尚未审结 1, and a typed-over 总计 of 5 (should be 4)
  await typeInGrid(page, 'A53', '3');
  await typeInGrid(page, 'D53', '1');
  await typeInGrid(page, 'E53', '5');
  const total = page.locator('[data-testid="sim-grid"] td[data-addr="E53"]');
  const fill = (): Promise<string> => total.evaluate((td) => getComputedStyle(td).backgroundColor);
  // the conditional format from insertion already colours the broken sum while typing
  expect(await fill()).toBe('rgb(255, 199, 206)');
  await page.getByRole('button', { name: '校验' }).click();
  const finding = page.locator('[data-testid="finding"][data-rule="T3-SUM"]');
  await finding.waitFor();
  expect(await finding.textContent()).toContain('行政复议：总计（5）应等于结果维持＋结果纠正＋其他结果＋尚未审结（4），相差1');
  await total.scrollIntoViewIfNeeded();
  await finding.scrollIntoViewIfNeeded();
  await screenshot(page, 'check');
  await finding.click();
  await page.waitForFunction(() =>
    /E53$/.test((window as unknown as { __ogiSim: { selectionAddress: () => string } }).__ogiSim.selectionAddress()),
  );
  await page.getByRole('button', { name: '清除标记' }).click();
  await page
    .getByTestId('check-message')
    .getByText(/已清除 \d+ 个单元格的标记/)
    .waitFor();
  // fix the total: the conditional format stops colouring it, a re-check finds nothing in 表3
  await typeInGrid(page, 'E53', '4');
  expect(await fill()).not.toBe('rgb(255, 199, 206)');
  await page.getByRole('button', { name: '校验' }).click();
  await page.getByTestId('check-message').waitFor();
  expect(await page.locator('[data-testid="finding"][data-rule="T3-SUM"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('生成文字 from filled tables, numbers traced to cells, inserted into 报告正文', async () => {
  const { page, errors } = await open(browser, 'preview.html');
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
  // 一、本年新收 自然人 12, 二、上年结转 0, （一）予以公开 10, 四、结转 2
  await typeInGrid(page, 'D23', '12');
  await typeInGrid(page, 'D25', '10');
  await typeInGrid(page, 'D47', '2');
  // the rest of table 2 is 0, as the format asks (the text is never written from an empty cell)
  await page.evaluate(() => {
    const s = (
      window as unknown as {
        __ogiSim: {
          getCell: (s: string, a: string) => { value?: unknown; formula?: string } | null;
          setCell: (s: string, a: string, v: number) => void;
        };
      }
    ).__ogiSim;
    for (let r = 23; r <= 47; r++) {
      for (const c of 'DEFGHIJ') {
        const cell = s.getCell('Sheet1', `${c}${r}`);
        if (!cell?.formula && (cell?.value === undefined || cell.value === null || cell.value === '')) s.setCell('Sheet1', `${c}${r}`, 0);
      }
    }
  });
  await page.getByRole('button', { name: '生成文字' }).click();
  const para = page.locator('[data-testid="paragraph"][data-section="1"]');
  await para.waitFor();
  expect(await para.textContent()).toContain('共收到政府信息公开申请12件；办结10件，结转下年度继续办理2件');
  const num = para.locator('[data-testid="number"]').first();
  expect(await num.getAttribute('data-cells')).toBe('applications.new.total');
  await num.click();
  await page.waitForFunction(() =>
    /J23$/.test((window as unknown as { __ogiSim: { selectionAddress: () => string } }).__ogiSim.selectionAddress()),
  );
  await page.getByRole('button', { name: '插入到工作表' }).click();
  await page.getByTestId('narrative-message').getByText('已将文字插入工作表“报告正文”（每段一行）。').waitFor();
  expect((await cell(page, '报告正文', 'A1')).value).toBe('部分');
  // section 一's paragraph under its sub-heading
  expect((await cell(page, '报告正文', 'B2')).value).toBe('（二）依申请公开情况');
  expect(String((await cell(page, '报告正文', 'B3')).value)).toContain('共收到政府信息公开申请12件');
  await screenshot(page, 'narrative');
  // 校验 now also reads the prose: consistent, so no narrative finding
  await page.getByRole('button', { name: '校验' }).click();
  await page.getByTestId('check-message').waitFor();
  expect(await page.locator('[data-testid="finding"][data-rule^="N-"][data-severity="error"]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the production task pane page loads only its own files and office.js, and says so when office.js is missing', async () => {
  const { page, refused } = await open(browser, 'taskpane.html', { officeJs: null });
  await page
    .getByRole('alert')
    .getByText(/无法加载 Office 脚本库/)
    .waitFor();
  expect(refused).toEqual([]);
});

test('an Office whose browser engine cannot run the bundles shows why, not a blank pane', async () => {
  // the bundle fails to parse, as ES2020 does in Internet Explorer 11 or EdgeHTML
  const { page } = await open(browser, 'taskpane.html', {
    officeJs: 'window.Office = { onReady: function () { return new Promise(function () {}); } };',
    replace: { '/vendor.js': 'var a = ?.;' },
  });
  await page
    .getByRole('alert')
    .getByText(/浏览器内核过旧（Internet Explorer 或旧版 Edge）/)
    .waitFor();
});

test('a modern engine: the guard stays quiet while Office starts', async () => {
  const { page } = await open(browser, 'taskpane.html', {
    officeJs: 'window.Office = { onReady: function () { return new Promise(function () {}); } };',
  });
  await page.waitForTimeout(500);
  expect(await page.getByText(/浏览器内核过旧/).count()).toBe(0);
});

test("导入上年报告 from an .xlsx file: exceljs loads on demand under the page's Content-Security-Policy", async () => {
  const { promises: fsp } = await import('fs');
  const os = await import('os');
  const path = await import('path');
  const { templateWorkbook } = await import('../../src/file/xlsx');
  const { parseReportJson } = await import('../../src/report/report');
  const { reportSource } = await import('../../src/report/check');
  const last = parseReportJson(await fsp.readFile(path.join(__dirname, '..', 'fixtures', 'huaian-2024.json'), 'utf8'));
  const file = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'ogi-e2e-')), '2024年报.xlsx');
  await templateWorkbook({ format: last.format, year: last.year, formulas: true, values: reportSource(last) }).xlsx.writeFile(file);
  const { page, errors, refused } = await open(browser, 'preview.html');
  await page.getByTestId('last-year-file').setInputFiles(file);
  await page
    .getByTestId('last-year-message')
    .getByText(/已保存2024年报告（2021年格式，表1、表2、表3）/)
    .waitFor({ timeout: 30000 });
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});

test('导出 Word and 导出网页 download the report; a remaining error is warned about', async () => {
  // the page's clock: 20 January 2026, so the report year (and the file name) is 2025
  const { page, errors, refused } = await open(browser, 'preview.html', { now: '2026-01-20T10:00:00+08:00' });
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page.getByTestId('insert-message').waitFor();
  await typeInGrid(page, 'A53', '2');
  await page.getByTestId('export-agency').fill('某某县人民政府');
  await page.getByTestId('fee').fill('3940'); // typed once under 生成文字, used by the export too
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  expect(docx.suggestedFilename()).toBe('某某县人民政府2025年政府信息公开工作年度报告.docx');
  const bytes = await (await import('fs')).promises.readFile(await docx.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  // 表3 行政复议 结果维持 2 but 总计 typed? no: 总计 is a formula, so no error; break it on purpose
  await typeInGrid(page, 'E53', '5');
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
  const text = await (await import('fs')).promises.readFile(await html.path(), 'utf8');
  expect(text).toContain('四、政府信息公开行政复议、行政诉讼情况');
  expect(text).toMatch(/信息处理费\s*3940\s*元/);
  expect(text).not.toMatch(/<script/i);
  await page
    .getByTestId('export-message')
    .getByText(/表格仍有 1 个错误/)
    .waitFor();
  expect(errors).toEqual([]);
  expect(refused).toEqual([]);
});
