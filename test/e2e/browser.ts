/**
 * Real headless Chromium (Debian's) driven by playwright-core, serving the built dist/ through
 * page.route() on a made-up https origin; every other request is aborted (the network is closed).
 */
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ORIGIN = 'https://ogi.test';
const DIST = path.join(__dirname, '..', '..', 'dist');
const OUT = path.join(__dirname, '..', '..', 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`需要 Chromium（${CHROMIUM} 不存在）：apt-get install -y chromium，或设置 CHROMIUM_PATH`);
  if (!existsSync(path.join(DIST, 'preview.html'))) throw new Error('dist/ 不存在：请先运行 npm run build（npm test 会自动构建）');
  return chromium.launch({
    executablePath: CHROMIUM,
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
}

export interface Opened {
  page: Page;
  /** Requests that were refused (anything not from dist/). */
  refused: string[];
  /** Console errors and page errors. */
  errors: string[];
  /** Every URL the page requested, in order, from its first navigation on (served, refused, blob: and data: alike). */
  requested: string[];
}

export interface OpenOptions {
  /** Files of dist/ served with another body, by path (e.g. '/vendor.js'): to play an engine that cannot parse them. */
  replace?: Record<string, string>;
  /** What the office.js CDN URL answers: a script, or null to abort it; undefined leaves it refused. */
  officeJs?: string | null;
  /** Page size; default 1400×900. */
  viewport?: { width: number; height: number };
  /** A fixed clock for the page (Date.now and new Date()), e.g. '2026-01-15T09:00:00+08:00'. */
  now?: string | number | Date;
  /** Script run in the page before its own (e.g. to shorten the start-up wait: window.__ogiStartupTimeoutMs). */
  init?: string;
}

export async function open(browser: Browser, file: string, opts: OpenOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, locale: 'zh-CN' });
  if (opts.now !== undefined) await context.clock.setFixedTime(opts.now);
  const page = await context.newPage();
  if (opts.init) await page.addInitScript(opts.init);
  const refused: string[] = [];
  const errors: string[] = [];
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && opts.replace?.[url.pathname] !== undefined) {
      return route.fulfill({
        status: 200,
        body: opts.replace[url.pathname],
        headers: { 'content-type': TYPES[path.extname(url.pathname)] ?? 'text/plain' },
      });
    }
    if (url.origin === ORIGIN) {
      const file = path.join(DIST, decodeURIComponent(url.pathname));
      if (file.startsWith(DIST) && existsSync(file)) {
        return route.fulfill({
          status: 200,
          body: await fs.readFile(file),
          headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' },
        });
      }
      return route.fulfill({ status: 404, body: 'not found' });
    }
    if (url.hostname === 'appsforoffice.microsoft.com' && opts.officeJs !== undefined) {
      if (opts.officeJs === null) return route.abort();
      return route.fulfill({ status: 200, body: opts.officeJs, headers: { 'content-type': 'text/javascript' } });
    }
    refused.push(url.href);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/${file}`);
  return { page, refused, errors, requested };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
