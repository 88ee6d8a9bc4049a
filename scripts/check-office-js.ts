/**
 * Loads the pages of a build that serves office.js itself (`--env officeJs=bundled`) in real headless Chromium,
 * with the real office.js files, outside Office, and checks the pages' Content-Security-Policy against what those
 * files do: no CSP violation, nothing requested from another origin, and office.js calling back (outside Office,
 * with no host) so that the page says it must be opened in Excel. Used by .ci/run on the intranet build and by
 * test/e2e/startup.test.ts.
 *
 *   npx tsx scripts/check-office-js.ts DIST_DIR --base-url https://HOST/PATH/
 */
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import { chromium } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export interface PageCheck {
  page: string;
  /** CSP violations the page reported (directive and blocked URI). */
  violations: string[];
  /** Requests to anywhere but the add-in's origin. */
  foreign: string[];
  /** Files of the build the page asked for and did not find. */
  missing: string[];
  /** The page's start-up message (taskpane.html and commands.html say they must be opened in Excel). */
  message: string;
}

export async function checkSelfHostedOfficeJs(options: {
  dist: string;
  baseUrl: string;
  pages?: string[];
  /** Serve /office-js/ from here instead of DIST/office-js (the test uses the package's files directly). */
  officeJsDir?: string;
  /** Page bodies to use instead of the files in DIST (by page name). */
  replace?: Record<string, string>;
}): Promise<PageCheck[]> {
  const base = new URL(options.baseUrl);
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const out: PageCheck[] = [];
  try {
    for (const page of options.pages ?? ['taskpane.html', 'commands.html']) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const tab = await context.newPage();
      const result: PageCheck = { page, violations: [], foreign: [], missing: [], message: '' };
      await tab.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const w = window as unknown as { __csp?: string[] };
          (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      tab.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) result.violations.push(m.text());
      });
      await tab.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
          result.foreign.push(url.href);
          return route.abort();
        }
        const rel = decodeURIComponent(url.pathname.slice(base.pathname.length));
        if (options.replace?.[rel] !== undefined)
          return route.fulfill({ status: 200, body: options.replace[rel], headers: { 'content-type': TYPES['.html'] } });
        const file =
          options.officeJsDir && rel.startsWith('office-js/')
            ? path.join(options.officeJsDir, rel.slice('office-js/'.length))
            : path.join(options.dist, rel);
        if (!existsSync(file) || !(await fs.stat(file)).isFile()) {
          result.missing.push(rel);
          return route.fulfill({ status: 404, body: 'not found' });
        }
        return route.fulfill({
          status: 200,
          body: await fs.readFile(file),
          headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' },
        });
      });
      await tab.goto(new URL(page, base).href);
      const message = tab.getByTestId('startup-message');
      await message.waitFor({ timeout: 20000 }).catch(() => undefined);
      result.message = (await message.textContent().catch(() => null)) ?? '';
      await tab.waitForTimeout(500);
      result.violations.push(...(await tab.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
      out.push(result);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

if (require.main === module) {
  const [dist] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const i = process.argv.indexOf('--base-url');
  const baseUrl = i > 0 ? process.argv[i + 1] : 'https://localhost:3000/';
  if (!dist) {
    console.error('usage: npx tsx scripts/check-office-js.ts DIST_DIR --base-url https://HOST/PATH/');
    process.exit(2);
  }
  void checkSelfHostedOfficeJs({ dist, baseUrl }).then(
    (pages) => {
      let ok = true;
      for (const p of pages) {
        const problems = [
          ...p.violations.map((v) => `CSP violation: ${v}`),
          ...p.foreign.map((u) => `requested from another origin: ${u}`),
          ...p.missing.map((m) => `missing in the build: ${m}`),
          ...(/需要在 Excel 中打开/.test(p.message) ? [] : [`office.js did not start (page says: ${p.message || 'nothing'})`]),
        ];
        console.log(`${p.page}: ${problems.length ? problems.join('; ') : "office.js from the build runs under the page's CSP"}`);
        if (problems.length) ok = false;
      }
      process.exitCode = ok ? 0 : 1;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
