/**
 * Screenshots for the clerk's guide (docs/guide.md): walks the yearly workflow on the preview page
 * (dist/preview.html: the real task pane beside the in-browser workbook) in headless Chromium and
 * writes one PNG per step; then the web edition (dist/web.html): a filled workbook opened and checked,
 * and 批量核查 over a folder of reports.
 *
 *   npm run screenshots                 → docs/images/
 *   npx tsx scripts/screenshots.ts --out DIR
 *
 * Needs a built dist/ (npm run build) and Debian's chromium with fonts-noto-cjk.
 *
 * Deterministic: the page's clock is fixed in January 2026 (so the pane proposes report year 2025), the
 * viewport is fixed, and the numbers are those of a published 2024 report (test/fixtures/huaian-2024.json)
 * entered as if they were 2025's, with a few changes (see numbers2025) so that the cross-year check and
 * the year-on-year sentences have something to show. The agency is called 某某市人民政府 throughout,
 * also in the pasted 2024 report (test/fixtures/huaian-2024.txt).
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launch, open } from '../test/e2e/browser';
import { batchSources } from '../test/web/batch/sources';
import { templateWorkbook } from '../src/file/xlsx';
import { colName } from '../src/report/a1';
import { reportSource } from '../src/report/check';
import { tableLayout } from '../src/report/layout';
import { parseReportJson } from '../src/report/report';
import { TABLE_IDS, type CellKey, type RawValue } from '../src/report/types';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const DEFAULT_OUT = path.join(ROOT, 'docs', 'images');

/** Page size of every screenshot: wide enough for the pane and all of 表2 (A–J), tall enough for every
 *  row of the inserted tables, so the workbook never needs scrolling. */
export const VIEWPORT = { width: 1680, height: 1320 };
/** The page's clock: mid-January 2026, when the 2025 reports are written. */
const NOW = '2026-01-15T09:30:00+08:00';
const YEAR = 2025;
const SHEET = `${YEAR}年报表格`;
const AGENCY = '某某市人民政府';

/** The deliberate mistake of step 04: 表2 一、本年新收 总计 typed over, its last two digits swapped. */
const WRONG_TOTAL = 'applications.new.total' as CellKey;
const swapLastTwo = (n: number): string => String(n).replace(/(\d)(\d)$/, '$2$1');

type Sim = {
  setCell(sheet: string, address: string, input: unknown): void;
  getCell(sheet: string, address: string): { value: unknown; formula?: string | null };
  select(sheet: string, address: string): void;
  selectionAddress(): string;
  state: { names: Array<{ name: string; formula: string }> };
};
declare const window: { __ogiSim: Sim };

/** 2025's numbers: the 2024 report's, changed so that the two years tie together and differ a little. */
export async function numbers2025(): Promise<Map<CellKey, RawValue>> {
  const last = parseReportJson(await fs.readFile(path.join(FIXTURES, 'huaian-2024.json'), 'utf8'));
  const get = reportSource(last);
  const values = new Map<CellKey, RawValue>();
  for (const t of TABLE_IDS) for (const cell of tableLayout('2021', t).data) values.set(cell.key as CellKey, get(cell.key as CellKey) ?? 0);
  const add = (key: string, n: number): void => void values.set(key as CellKey, Number(values.get(key as CellKey) ?? 0) + n);
  // 二、上年结转 = what the 2024 report carried forward (X-CARRY holds); as much more is carried on to
  // 2026, so 第一项加第二项之和 still equals 第三项加第四项之和
  for (const col of tableLayout('2021', 'applications').colKeys) {
    const carried = Number(get(`applications.carried_forward.${col}` as CellKey) ?? 0);
    const more = carried - Number(values.get(`applications.carried_over.${col}` as CellKey) ?? 0);
    values.set(`applications.carried_over.${col}` as CellKey, carried);
    add(`applications.carried_forward.${col}`, more);
  }
  // 300 more applications from 自然人, all granted: 同比增长 in the text
  add('applications.new.natural', 300);
  add('applications.granted.natural', 300);
  // 现行有效规章 follows from last year's: 11 + 1 issued − 0 repealed. 行政规范性文件 stays at 66, which
  // the cross-year check reports (66 + 26 repealed ≠ 66 + 8 issued): the warning shown in step 07.
  values.set('active.rules.in_force', 12);
  return values;
}

/** Last year's published report as a clerk would paste it (the agency renamed like everything else). */
export async function lastYearText(): Promise<string> {
  return (await fs.readFile(path.join(FIXTURES, 'huaian-2024.txt'), 'utf8')).replace(/淮安/g, '某某');
}

/** Where each data cell of the inserted tables is: 'D23' by key, from the names the pane registered. */
async function cellAddresses(page: Page): Promise<Map<CellKey, string>> {
  const names = await page.evaluate(() => window.__ogiSim.state.names.map((n) => ({ name: n.name, formula: n.formula })));
  const out = new Map<CellKey, string>();
  for (const t of TABLE_IDS) {
    const formula = names.find((n) => n.name === `OGI_${t}`)?.formula;
    const m = formula && /!\$([A-Z]+)\$(\d+):/.exec(formula);
    if (!m) throw new Error(`表格 OGI_${t} 未登记（${formula ?? '无'}）`);
    const c0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(m[2]) - 1;
    for (const cell of tableLayout('2021', t).data) out.set(cell.key as CellKey, `${colName(c0 + cell.c)}${r0 + cell.r + 1}`);
  }
  return out;
}

/** A clerk typing into a cell of the drawn workbook: click, type, Enter. */
async function typeInGrid(page: Page, addr: string, text: string): Promise<void> {
  await page.locator(`[data-testid="sim-grid"] td[data-addr="${addr}"]`).click();
  const input = page.getByTestId('sim-input');
  await input.fill(text);
  await input.press('Enter');
}

/** Scroll the task pane so that `selector` starts near its top. */
async function paneTo(page: Page, selector: string, offset = 8): Promise<void> {
  await page.evaluate(
    ([sel, off]) => {
      const pane = document.getElementById('pane') as HTMLElement;
      const el = document.querySelector<HTMLElement>(sel);
      if (!el) throw new Error(`no ${sel} in the pane`);
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - off;
    },
    [selector, offset] as const,
  );
}

/** The workbook scrolled to A1; every row of the sheet must fit (a scrolled grid would show the wrong row
 *  number in the corner: the preview's row headers stick to the top). */
async function sheetHome(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const scroll = document.querySelector('[data-testid="sim-grid"] .sim-scroll') as HTMLElement;
    scroll.scrollTop = 0;
    scroll.scrollLeft = 0;
    return scroll.scrollHeight - scroll.clientHeight;
  });
  if (overflow > 0) throw new Error(`工作表比截图高 ${overflow}px：请加大 VIEWPORT.height`);
}

export interface ShotOptions {
  /** Folder for the PNGs (created). */
  out?: string;
  /** An already launched browser (the caller closes it); otherwise one is launched and closed. */
  browser?: Browser;
  log?: (line: string) => void;
}

/** Walks the workflow and writes the PNGs; returns their paths in order. Throws on any page error. */
export async function takeScreenshots(options: ShotOptions = {}): Promise<string[]> {
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const log = options.log ?? (() => undefined);
  await fs.mkdir(out, { recursive: true });
  const browser = options.browser ?? (await launch());
  const files: string[] = [];
  try {
    const { page, errors, refused } = await open(browser, 'preview.html', { viewport: VIEWPORT, now: NOW });
    await page.getByTestId('insert-all').waitFor();
    const headerHeight = await page.evaluate(() => (document.getElementById('preview-header') as HTMLElement).offsetHeight);

    /** One PNG: the whole page below the preview's own title bar, or only the pane around `region`. */
    const shot = async (name: string, opts: { region?: string; keepMouse?: boolean } = {}): Promise<void> => {
      await sheetHome(page);
      if (!opts.keepMouse) await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2);
      // no focus ring or half-finished transition on the button just pressed
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(300);
      const file = path.join(out, `${name}.png`);
      let clip = { x: 0, y: headerHeight, width: VIEWPORT.width, height: VIEWPORT.height - headerHeight };
      if (opts.region) {
        const box = await page.evaluate((sel) => {
          const pane = (document.getElementById('pane') as HTMLElement).getBoundingClientRect();
          const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
          return { paneWidth: pane.width, paneBottom: pane.bottom, top: r.top, bottom: r.bottom };
        }, opts.region);
        const top = Math.max(headerHeight, Math.floor(box.top) - 12);
        clip = {
          x: 0,
          y: top,
          width: Math.ceil(box.paneWidth),
          height: Math.min(Math.ceil(box.bottom) + 12, Math.floor(box.paneBottom)) - top,
        };
      }
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', clip });
      if (errors.length) throw new Error(`页面出错：${errors.join('；')}`);
      files.push(file);
      log(path.relative(process.cwd(), file));
    };

    // 01 a new workbook, the pane open
    await shot('01-new-workbook');

    // 02 插入全部表格 on a new sheet (the pane's default), with the 单位名称 (typed once: 生成文字 and 导出 use it)
    await page.getByTestId('agency').fill(AGENCY);
    await page.getByTestId('insert-all').click();
    await page.getByTestId('insert-message').getByText(`已在工作表“${SHEET}”`).waitFor();
    await shot('02-insert-tables');

    // 03 the numbers, typed into every cell that is not a 总计 formula
    const where = await cellAddresses(page);
    const values = await numbers2025();
    const entries: Array<[string, RawValue]> = [];
    for (const [key, addr] of where) {
      const v = values.get(key);
      if (v !== undefined && v !== null) entries.push([addr, v]);
    }
    const formulas = await page.evaluate(
      ([sheet, list]) => {
        let n = 0;
        for (const [addr, v] of list) {
          if (window.__ogiSim.getCell(sheet, addr).formula) n++;
          else window.__ogiSim.setCell(sheet, addr, v);
        }
        return n;
      },
      [SHEET, entries] as const,
    );
    log(`  ${entries.length - formulas} 个单元格填入数字，${formulas} 个总计单元格是公式`);
    await page.locator(`[data-testid="sim-grid"] td[data-addr="${where.get('applications.granted.natural')}"]`).click();
    await page.keyboard.press('Escape');
    await shot('03-fill-in');

    // 04 a 总计 typed over with a wrong number: red at once; 校验 lists it; clicking the finding selects the cell
    const totalAt = where.get(WRONG_TOTAL) as string;
    const right = await page.evaluate(([sheet, a]) => window.__ogiSim.getCell(sheet, a).value, [SHEET, totalAt] as const);
    if (typeof right !== 'number') throw new Error(`${totalAt} 的总计公式没有算出数字（${String(right)}）`);
    await typeInGrid(page, totalAt, swapLastTwo(right));
    await page.getByTestId('check').click();
    const finding = page.locator('[data-testid="finding"][data-rule="T2-ROWSUM"]');
    await finding.waitFor();
    await finding.click();
    await page.waitForFunction((a) => window.__ogiSim.selectionAddress().endsWith(`!${a}`), totalAt);
    await paneTo(page, '#check-h');
    await shot('04-check-error');

    // 05 the right number back, 校验 again: clean
    await typeInGrid(page, totalAt, String(right));
    await page.getByTestId('check').click();
    await page.getByTestId('check-message').getByText('全部勾稽关系和数值检查通过').waitFor();
    await paneTo(page, '#check-h');
    await shot('05-check-clean');

    // 06 导入上年报告: paste the published 2024 report
    await page.getByTestId('last-year-text').fill(await lastYearText());
    await page.getByTestId('last-year-import').click();
    await page.getByTestId('last-year-message').getByText(`已保存${AGENCY}2024年报告`).waitFor();
    await paneTo(page, '#last-year-h');
    await shot('06-import-last-year', { region: 'section[aria-labelledby="last-year-h"]' });

    // 07 校验 again: now also across the two years
    await page.getByTestId('check').click();
    const cross = page.locator('[data-testid="finding"][data-rule="X-INFORCE"]');
    await cross.waitFor();
    await cross.click();
    await paneTo(page, '#check-h');
    await shot('07-cross-year-check');

    // 08 生成文字 (with 同比, now that last year's report is in); a number clicked shows its cell
    await page.getByTestId('fee').fill('0');
    await page.getByTestId('generate').click();
    const first = page.locator('[data-testid="paragraph"][data-section="1"]');
    await first.getByText('同比增长').waitFor();
    if (!(await first.textContent())?.includes(`${YEAR}年，${AGENCY}共收到`))
      throw new Error('生成的文字没有以插入表格时填写的单位名称为主语');
    const number = page.locator('[data-testid="paragraph"][data-section="3"] [data-testid="number"]').first();
    const numberAt = where.get((await number.getAttribute('data-cells'))?.split(' ')[0] as CellKey);
    await paneTo(page, '#narrative-h');
    await number.click();
    await page.waitForFunction((a) => window.__ogiSim.selectionAddress().endsWith(`!${a}`), numberAt);
    await shot('08-generate-text', { keepMouse: true });

    // 09 插入到工作表 (the 报告正文 sheet), then 导出 Word (导出网页 works the same way); the export's 单位名称
    // is left empty: the one given at insertion is used
    await page.getByTestId('insert-prose').click();
    await page.getByTestId('narrative-message').getByText('已将文字插入工作表“报告正文”').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    await page.getByTestId('export-message').getByText('已导出').waitFor();
    if (download.suggestedFilename() !== `${AGENCY}${YEAR}年政府信息公开工作年度报告.docx`)
      throw new Error(`导出的文件名是 ${download.suggestedFilename()}`);
    await paneTo(page, '#export-h');
    await shot('09-export');

    if (refused.length) throw new Error(`页面请求了 dist/ 以外的地址：${refused.join(' ')}`);
    await page.context().close();
    files.push(...(await webScreenshots(browser, out, log)));
  } finally {
    if (!options.browser) await browser.close();
  }
  return files;
}

/** The filled 2025 workbook of the walk-through as a clerk would have saved it from WPS or LibreOffice: the tables
 *  with their numbers (no formulas), the same 总计 typed over with its last two digits swapped. */
export async function filledWorkbook(): Promise<Buffer> {
  const values = await numbers2025();
  const wrong = (key: CellKey): RawValue => {
    const v = values.get(key);
    return key === WRONG_TOTAL && typeof v === 'number' ? Number(swapLastTwo(v)) : (v ?? null);
  };
  const wb = templateWorkbook({ format: '2021', year: YEAR, agency: AGENCY, formulas: false, values: wrong });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 10: the web edition with a filled workbook opened, checked, the finding clicked; 11: 批量核查 over 20 files. */
export async function webScreenshots(browser: Browser, out: string, log: (line: string) => void): Promise<string[]> {
  const { page, errors, refused } = await open(browser, 'web.html', { viewport: VIEWPORT, now: NOW });
  const files: string[] = [];
  const shot = async (name: string): Promise<void> => {
    await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height - 2);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(300);
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    if (errors.length) throw new Error(`网页版出错：${errors.join('；')}`);
    files.push(file);
    log(path.relative(process.cwd(), file));
  };
  const name = `${AGENCY}${YEAR}年报.xlsx`;
  await page.getByTestId('web-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: await filledWorkbook() });
  await page.getByTestId('web-notice').getByText(`已打开“${name}”`).waitFor();
  await page.getByTestId('check').click();
  const finding = page.locator('[data-testid="finding"][data-rule="T2-ROWSUM"]').filter({ hasText: '一、本年新收行' });
  await finding.waitFor();
  await finding.click();
  await page.locator('[data-testid="web-grid"] td[data-selected="true"]').first().waitFor();
  await shot('10-web-check');
  await page.getByTestId('tab-batch').click();
  const batch = await batchSources();
  await page
    .getByTestId('batch-files')
    .setInputFiles(batch.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
  await page
    .getByTestId('batch-status')
    .getByText(/^已核查 20 个文件/)
    .waitFor({ timeout: 90000 });
  await shot('11-web-batch');
  if (refused.length) throw new Error(`网页版请求了 dist/ 以外的地址：${refused.join(' ')}`);
  await page.context().close();
  return files;
}

async function main(argv: string[]): Promise<void> {
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = argv[++i];
    else if (argv[i].startsWith('--out=')) out = argv[i].slice('--out='.length);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('用法：npm run screenshots [-- --out 目录]    （默认写入 docs/images/；需先 npm run build）\n');
      return;
    } else throw new Error(`未知参数：${argv[i]}`);
  }
  const files = await takeScreenshots({ out, log: (l) => process.stdout.write(`${l}\n`) });
  process.stdout.write(`共 ${files.length} 张截图\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
