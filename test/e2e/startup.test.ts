/**
 * Start-up as it happens on real networks, in real headless Chromium: office.js missing, office.js loaded but
 * silent (its other files blocked, an engine too old), a page opened outside Office — the task pane and the
 * ribbon's function file say why instead of staying blank; and office.js from @microsoft/office-js, served by
 * the add-in itself as the intranet build does, runs under the pages' Content-Security-Policy.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { launch, open } from './browser';
import { checkSelfHostedOfficeJs } from '../../scripts/check-office-js';
import { rewriteOfficeJs } from '../../scripts/deploy-urls';

jest.setTimeout(90000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DIST = path.join(__dirname, '..', '..', 'dist');
/** An office.js that loads but never calls back, until the test says so (window.__officeReady). */
const SILENT = `window.Office = { context: { displayLanguage: 'zh-CN', requirements: { isSetSupported: function () { return false; } } },
  onReady: function (cb) { return new Promise(function (resolve) { window.__officeReady = function (info) { if (cb) cb(info); resolve(info); }; }); } };`;
const SHORT = 'window.__ogiStartupTimeoutMs = 400;';

describe.each(['taskpane.html', 'commands.html'])('%s', (file) => {
  test('office.js loaded but silent: after a few seconds the page says why, naming where office.js came from', async () => {
    const { page, errors } = await open(browser, file, { officeJs: SILENT, init: SHORT });
    const msg = page.getByTestId('startup-message');
    await msg.waitFor();
    const text = await msg.textContent();
    expect(text).toMatch(/Office 在 1 秒内没有完成启动（office\.js 已下载，但没有回应）/);
    expect(text).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(text).toMatch(/浏览器内核过旧/);
    expect(errors).toEqual([]);
  });

  test('opened outside Office (office.js calls back with no host): the page says to open it from Excel', async () => {
    const { page } = await open(browser, file, {
      officeJs:
        'window.Office = { onReady: function (cb) { var i = { host: null, platform: null }; if (cb) cb(i); return Promise.resolve(i); } };',
    });
    await page
      .getByTestId('startup-message')
      .getByText(/需要在 Excel 中打开/)
      .waitFor();
  });
});

test('a late callback still starts the pane: the message gives way to the add-in', async () => {
  const { page } = await open(browser, 'taskpane.html', { officeJs: SILENT, init: SHORT });
  await page.getByTestId('startup-message').waitFor();
  await page.evaluate(() =>
    (window as unknown as { __officeReady: (i: unknown) => void }).__officeReady({ host: 'Excel', platform: 'PC' }),
  );
  await page.getByRole('heading', { name: '政务公开年报助手' }).waitFor();
  expect(await page.getByTestId('startup-message').count()).toBe(0);
});

test('the function file with office.js missing says so too', async () => {
  const { page } = await open(browser, 'commands.html', { officeJs: null });
  await page
    .getByTestId('startup-message')
    .getByText(/无法加载 Office 脚本库/)
    .waitFor();
});

describe('office.js served by the add-in itself (the intranet build, --env officeJs=bundled)', () => {
  const base = 'https://ogi.gov.example/ogi/';
  const officeJsDir = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  /** The pages as the build writes them for that base: dist/'s pages with office.js from base/office-js/. */
  const selfHosted = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      await Promise.all(
        ['taskpane.html', 'commands.html', 'notice.html'].map(async (p) => [
          p,
          rewriteOfficeJs(await fs.readFile(path.join(DIST, p), 'utf8'), `${base}office-js/office.js`, base),
        ]),
      ),
    );

  test("the real office.js files run under the pages' CSP: no violation, nothing from another origin, and they call back", async () => {
    const results = await checkSelfHostedOfficeJs({
      dist: DIST,
      baseUrl: base,
      officeJsDir,
      replace: await selfHosted(),
      pages: ['taskpane.html', 'commands.html'],
    });
    for (const r of results) {
      expect({ page: r.page, violations: r.violations, foreign: r.foreign, missing: r.missing }).toEqual({
        page: r.page,
        violations: [],
        foreign: [],
        missing: [],
      });
      expect(r.message).toMatch(/需要在 Excel 中打开/);
    }
  });

  test('the same check finds what is wrong: a page still loading office.js from the CDN', async () => {
    const [r] = await checkSelfHostedOfficeJs({ dist: DIST, baseUrl: base, officeJsDir, pages: ['taskpane.html'] });
    expect(r.foreign).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(r.message).toMatch(/无法加载 Office 脚本库/);
  });
});
