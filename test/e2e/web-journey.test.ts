/**
 * The whole clerk journey of issue 16 in real headless Chromium, offline: a clerk with only WPS or an old Office
 * opens the web page, 新建 → 插入全部表格 (2025, agency typed) → 下载; fills the numbers in another spreadsheet
 * program (exceljs writes them, LibreOffice re-saves the file as a real engine, recalculating on load), typing one
 * 总计 by hand that does not match its parts → 打开 on the page → 校验 lists exactly that finding → a click outlines
 * the cell → 生成文字 → 导出 Word → 下载 again keeps the clerk's numbers, the mark and the note. Nothing is fetched
 * from outside the page's own origin.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { launch, open, ORIGIN, screenshot } from './browser';
import { bytesOf, gridCell, loadXlsx, noteOf, XLSX } from './webFiles';
import { convert, requireSoffice } from '../../scripts/libreoffice';
import { markBlock, MARK_SHEET } from '../../src/report/plan';

jest.setTimeout(180000);

let browser: Browser;
let dir: string;
beforeAll(async () => {
  requireSoffice();
  browser = await launch();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ogi-journey-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** A cell's number as a spreadsheet shows it: a typed value, or a formula's cached result. */
function numberOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
}

/**
 * What the clerk types on Sheet1, where the page inserted the tables at A1:O53 (table 1 at A4:D17, table 2 at
 * A20:J47, table 3 at A50:O53). A consistent set (each column: 一＋二 = 三（七）＋四; every row's parts add up),
 * except E53, 行政复议 总计, which the clerk types as 10 over the page's SUM although its parts make 9.
 */
const TYPED: Record<string, number> = {
  // table 1: 规章, 行政规范性文件 (制发, 废止, 现行有效); 行政许可, 行政处罚, 行政强制; 行政事业性收费 (万元)
  B6: 1,
  C6: 0,
  D6: 5,
  B7: 12,
  C7: 3,
  D7: 48,
  B10: 1520,
  B13: 356,
  B14: 27,
  B17: 12.5,
  // table 2, columns D–I: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (J is the page's SUM)
  ...row(23, [120, 15, 2, 1, 6, 4]), // 一、本年新收 → 148
  ...row(24, [8, 1, 0, 0, 0, 0]), // 二、上年结转 → 9
  ...row(25, [60, 8, 1, 1, 3, 2]), // （一）予以公开 → 75
  ...row(26, [20, 3, 0, 0, 1, 1]), // （二）部分公开 → 25
  ...row(27, [1, 0, 0, 0, 0, 0]), // （三）1 国家秘密
  ...row(28, [0, 0, 0, 0, 0, 0]),
  ...row(29, [0, 0, 0, 0, 0, 0]),
  ...row(30, [3, 1, 0, 0, 0, 0]), // （三）4 第三方合法权益
  ...row(31, [0, 0, 0, 0, 0, 0]),
  ...row(32, [2, 0, 0, 0, 0, 0]), // （三）6 过程性信息
  ...row(33, [0, 0, 0, 0, 0, 0]),
  ...row(34, [0, 0, 0, 0, 0, 0]),
  ...row(35, [15, 2, 1, 0, 1, 0]), // （四）1 本机关不掌握 → 19
  ...row(36, [4, 0, 0, 0, 0, 0]),
  ...row(37, [2, 0, 0, 0, 0, 0]),
  ...row(38, [3, 0, 0, 0, 0, 0]),
  ...row(39, [2, 0, 0, 0, 0, 0]),
  ...row(40, [0, 0, 0, 0, 0, 0]),
  ...row(41, [0, 0, 0, 0, 0, 0]),
  ...row(42, [1, 0, 0, 0, 0, 0]),
  ...row(43, [2, 1, 0, 0, 1, 0]),
  ...row(44, [0, 0, 0, 0, 0, 0]),
  ...row(45, [3, 0, 0, 0, 0, 1]),
  ...row(47, [10, 1, 0, 0, 0, 0]), // 四、结转下年度 → 11
  // table 3: 行政复议 (A–D, and E typed by hand), 未经复议直接起诉 (F–I), 复议后起诉 (K–N)
  A53: 5,
  B53: 1,
  C53: 2,
  D53: 1,
  E53: 10,
  F53: 2,
  G53: 0,
  H53: 1,
  I53: 0,
  K53: 1,
  L53: 0,
  M53: 0,
  N53: 1,
};

function row(r: number, values: number[]): Record<string, number> {
  return Object.fromEntries(values.map((v, i) => [`${'DEFGHI'[i]}${r}`, v]));
}

/** The clerk's other spreadsheet program: the numbers typed into the downloaded file, then LibreOffice re-saves it
 *  (recalculating every formula on load, as a real engine does). Returns the re-saved bytes. */
async function fillElsewhere(downloaded: Buffer): Promise<Buffer> {
  const wb = await loadXlsx(downloaded);
  const ws = wb.getWorksheet('Sheet1')!;
  for (const [addr, v] of Object.entries(TYPED)) ws.getCell(addr).value = v;
  const typed = path.join(dir, '清河县2025.xlsx');
  await wb.xlsx.writeFile(typed);
  const outDir = path.join(dir, 'libreoffice');
  await fs.mkdir(outDir, { recursive: true });
  return fs.readFile(await convert(typed, 'xlsx', outDir));
}

test('新建 → 插入全部表格 → 下载 → filled elsewhere, re-saved by LibreOffice → 打开 → 校验 finds the one wrong total → 生成文字 → 导出 Word → 下载 keeps it all', async () => {
  const { page, refused, errors, requested } = await open(browser, 'web.html', { now: '2026-01-20T09:00:00+08:00' });

  // 新建, then the tables for 2025 with the agency typed, at A1 of the new workbook
  await page.getByTestId('web-new').click();
  await page.getByTestId('web-file-name').getByText('新建工作簿.xlsx').waitFor();
  await page.getByTestId('year').fill('2025');
  await page.getByTestId('agency').fill('清河县人民政府');
  await page.getByText('当前选中的单元格').click();
  await page.getByTestId('insert-all').click();
  await page
    .getByTestId('insert-message')
    .getByText(/已在工作表“Sheet1”的 A1:O53 插入表格/)
    .waitFor();
  expect(await gridCell(page, 'A1').textContent()).toBe('清河县人民政府2025年政府信息公开工作年度报告 统计表');
  const [first] = await Promise.all([page.waitForEvent('download'), page.getByTestId('web-download').click()]);
  expect(first.suggestedFilename()).toBe('新建工作簿（年报助手）.xlsx');

  // filled in another program, re-saved by LibreOffice: its own results for the page's SUMs, the clerk's E53 kept
  const filled = await fillElsewhere(await bytesOf(first));
  const engine = (await loadXlsx(filled)).getWorksheet('Sheet1')!;
  expect(['J23', 'J46', 'J47', 'D46', 'J53', 'E53'].map((a) => numberOf(engine.getCell(a)))).toEqual([148, 146, 11, 118, 3, 10]);

  // 打开 that file on the page
  await page.getByTestId('web-file').setInputFiles({ name: '清河县2025.xlsx', mimeType: XLSX, buffer: filled });
  await page.getByTestId('web-notice').getByText('已打开“清河县2025.xlsx”', { exact: false }).waitFor();
  // the mark sheet LibreOffice kept (as a plain hidden sheet) is not shown as a tab
  expect(await page.getByTestId('web-sheet-tab').allTextContents()).toEqual(['Sheet1']);
  expect(await gridCell(page, 'D23').textContent()).toBe('120');
  expect(await gridCell(page, 'J46').textContent()).toBe('146');

  // 校验: exactly one finding, the hand-typed total
  await page.getByRole('button', { name: '校验' }).click();
  await page.getByTestId('check-message').getByText('发现 1 个错误、0 个提示。').waitFor();
  const findings = page.getByTestId('finding');
  expect(await findings.count()).toBe(1);
  const finding = findings.first();
  expect(await finding.getAttribute('data-rule')).toBe('T3-SUM');
  expect(await finding.getAttribute('data-severity')).toBe('error');
  expect(await finding.textContent()).toBe(
    '错误行政复议：总计（10）应等于结果维持＋结果纠正＋其他结果＋尚未审结（9），相差1T3-SUM · Sheet1!E53',
  );
  expect(await gridCell(page, 'E53').getAttribute('data-mark')).toBe('error');
  expect(await gridCell(page, 'E53').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(255, 199, 206)');
  expect(await page.locator('[data-testid="web-grid"] td[data-mark]').count()).toBe(1);

  // a click on the finding outlines E53 in the grid (the host is given the total first, then its four parts)
  await finding.click();
  const outlined = page.locator('[data-testid="web-grid"] td[data-selected="true"][data-addr="E53"]');
  await outlined.waitFor();
  expect(await outlined.evaluate((td) => getComputedStyle(td).boxShadow)).toBe('rgb(33, 115, 70) 0px 0px 0px 2px inset');
  expect(await outlined.isVisible()).toBe(true);
  const selected = page.locator('[data-testid="web-grid"] td[data-selected="true"]');
  expect((await selected.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-addr')))).sort()).toEqual([
    'A53',
    'B53',
    'C53',
    'D53',
    'E53',
  ]);
  await screenshot(page, 'web-journey-check');

  // 生成文字
  await page.getByTestId('fee').fill('0');
  await page.getByTestId('generate').click();
  await page.getByTestId('paragraph').first().waitFor();
  // every number as filled (or as LibreOffice summed it); table 3's paragraph withheld while its total is wrong
  expect(await page.getByTestId('paragraph').allTextContents()).toEqual([
    '一、总体情况（二）依申请公开情况2025年，清河县人民政府共收到政府信息公开申请148件，上年结转9件；办结146件，结转下年度继续办理11件。从申请人看，自然人提出120件，法人或其他组织提出28件。',
    '二、主动公开政府信息情况2025年，清河县人民政府制发规章1件，现行有效规章5件；制发行政规范性文件12件、废止3件，现行有效行政规范性文件48件。全年作出行政许可决定1520件、行政处罚决定356件、行政强制决定27件。行政事业性收费金额12.5万元。',
    '三、收到和处理政府信息公开申请情况2025年，清河县人民政府办结政府信息公开申请146件。其中，予以公开75件（占51.4%），部分公开25件（占17.1%），不予公开7件（占4.8%），无法提供25件（占17.1%），不予处理6件（占4.1%），其他处理8件（占5.5%）。未予公开或未能提供信息的主要情形是：“本机关不掌握相关政府信息”19件；“保护第三方合法权益”4件；“没有现成信息需要另行制作”4件。另有11件申请结转下年度继续办理。',
    '四、政府信息公开行政复议、行政诉讼情况表3 复议诉讼有 1 处错误（如：行政复议：总计（10）应等于结果维持＋结果纠正＋其他结果＋尚未审结（9），相差1），为避免文字与表格矛盾，暂不生成本段。请先在表格中更正，再重新生成。',
    '六、其他需要报告的事项2025年，清河县人民政府未收取政府信息公开信息处理费。',
  ]);

  // 导出 Word: the narrative's numbers in the document
  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
  expect(docx.suggestedFilename()).toBe('清河县人民政府2025年政府信息公开工作年度报告.docx');
  await page
    .getByTestId('export-message')
    .getByText('已导出“清河县人民政府2025年政府信息公开工作年度报告.docx”，但表格仍有 1 个错误，请校验并更正后再发布。')
    .waitFor();
  const word = await (await JSZip.loadAsync(await bytesOf(docx))).file('word/document.xml')!.async('string');
  expect(word).toContain('行政许可决定1520件');
  expect(word).toContain('自然人提出120件');
  expect(word).not.toContain('NaN');

  // 下载 again: the clerk's numbers, the mark and our note on E53
  const [second] = await Promise.all([page.waitForEvent('download'), page.getByTestId('web-download').click()]);
  expect(second.suggestedFilename()).toBe('清河县2025（年报助手）.xlsx');
  const copy = await loadXlsx(await bytesOf(second));
  const sheet = copy.getWorksheet('Sheet1')!;
  expect(Object.keys(TYPED).map((a) => [a, sheet.getCell(a).value])).toEqual(Object.entries(TYPED));
  expect(noteOf(sheet.getCell('E53'))).toBe(
    '年报助手校验：T3-SUM：行政复议：总计（10）应等于结果维持＋结果纠正＋其他结果＋尚未审结（9），相差1',
  );
  expect(copy.worksheets.map((w) => w.name)).toEqual(['Sheet1', MARK_SHEET]);
  const block = markBlock('OGI_reviews');
  // E53 is row 4, column 5 of table 3 (A50:O53); code 2 = error, which the table's conditional format reads
  expect(copy.getWorksheet(MARK_SHEET)!.getCell(block.r + 3 + 1, block.c + 4 + 1).value).toBe(2);

  // offline: every request went to the page's own origin (or was a blob:/data: URL the page made itself)
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((u) => !(u.startsWith(`${ORIGIN}/`) || u.startsWith('blob:') || u.startsWith('data:')))).toEqual([]);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});
