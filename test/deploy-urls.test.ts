/**
 * The production build switches (scripts/deploy-urls.js, used by webpack.config.js): urlProd rewrites the
 * manifest for another host, officeJs makes the pages load office.js from a self-hosted copy with a
 * matching Content-Security-Policy. Runs the functions on the real manifest.xml and html templates; no
 * webpack run here (.ci/run builds for an intranet host and checks the output).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  DEV_BASE_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_PAGES,
  main,
  normaliseBaseUrl,
  resolveOfficeJsUrl,
  rewriteManifestUrls,
  rewriteOfficeJs,
} from '../scripts/deploy-urls';
import { checkManifestTexts, type FileResult } from './manifest-check';

const root = path.resolve(__dirname, '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const assetsDir = path.join(root, 'assets');
const manifest = read('manifest.xml');
const templates = {
  'taskpane.html': read('src/taskpane/taskpane.html'),
  'commands.html': read('src/commands/commands.html'),
  'notice.html': read('src/commands/notice.html'),
} as Record<string, string>;

const INTRANET = 'https://ogi.gov.example/ogi/';
const EXAMPLE_FILE = 'docs/examples/manifest-intranet.xml';

/** Every URL the manifest makes Office load or trust (namespace names are not fetched and are left out). */
function manifestUrls(xml: string): string[] {
  const urls = xml.match(/https?:\/\/[^\s"<]+/g) ?? [];
  return urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
}

const cspOf = (html: string) => /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
const directives = (csp: string) => csp.split(';').map((d) => d.trim());
const scriptSrcOf = (html: string) => directives(cspOf(html)).find((d) => d.startsWith('script-src'));

describe('normaliseBaseUrl (urlProd)', () => {
  test.each([
    ['https://ogi.gov.example/ogi/', 'https://ogi.gov.example/ogi/'],
    ['https://ogi.gov.example/ogi', 'https://ogi.gov.example/ogi/'],
    ['https://ogi.gov.example/ogi///', 'https://ogi.gov.example/ogi/'],
    ['  https://ogi.gov.example/  ', 'https://ogi.gov.example/'],
    ['https://ogi.gov.example', 'https://ogi.gov.example/'],
    ['https://intranet.example:8443/addins/ogi', 'https://intranet.example:8443/addins/ogi/'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseBaseUrl(raw)).toBe(expected);
  });

  test.each([
    ['ogi.gov.example/ogi/', /absolute URL/],
    ['', /absolute URL/],
    ['not a url', /absolute URL/],
    ['http://ogi.gov.example/ogi/', /must use https/],
    ['file:///C:/addins/', /must use https/],
    ['https://ogi.gov.example/ogi/?v=2', /query or fragment/],
    ['https://ogi.gov.example/ogi/#top', /query or fragment/],
    ['https://admin:secret@ogi.gov.example/ogi/', /user name or password/],
  ])('refuses %p', (raw, message) => {
    expect(() => normaliseBaseUrl(raw)).toThrow(message);
  });
});

const PORT_BASE = normaliseBaseUrl('https://intranet.example:8443/addins/ogi');

// scripts/check-manifest.ts (office-addin-manifest inside) in a child process: one run per base URL.
let intranet: { rewritten: FileResult; source: FileResult; example: FileResult };
let withPort: FileResult;
beforeAll(() => {
  const [rewritten, source, example] = checkManifestTexts([rewriteManifestUrls(manifest, INTRANET), manifest, read(EXAMPLE_FILE)], {
    assetsDir,
    baseUrl: INTRANET,
  });
  intranet = { rewritten, source, example };
  [withPort] = checkManifestTexts([rewriteManifestUrls(manifest, PORT_BASE)], { assetsDir, baseUrl: PORT_BASE });
}, 120_000);

describe('rewriteManifestUrls for an intranet host', () => {
  const rewritten = rewriteManifestUrls(manifest, INTRANET);

  test('every URL is on that host, under the base (AppDomain: its origin), none left on the dev server', () => {
    const urls = manifestUrls(rewritten);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url === 'https://ogi.gov.example' || url.startsWith(INTRANET)).toBe(true);
    }
    expect(rewritten).not.toMatch(/localhost/);
    expect(rewritten).toContain('<AppDomain>https://ogi.gov.example</AppDomain>');
    // Nothing but the URLs changed.
    expect(
      rewritten
        .replace(/https:\/\/ogi\.gov\.example\/ogi\//g, DEV_BASE_URL)
        .replace(/https:\/\/ogi\.gov\.example/g, 'https://localhost:3000'),
    ).toBe(manifest);
  });

  test('passes every structural rule with that base URL, and the source manifest does not', () => {
    expect(intranet.rewritten.errors).toEqual([]);
    expect(intranet.rewritten.summary.urls.every((u) => u.startsWith('https://ogi.gov.example'))).toBe(true);
    expect(intranet.source.ok).toBe(false);
  });

  test('office-addin-manifest reads the new URLs back, and the same identity', () => {
    const info = intranet.rewritten.summary.info;
    expect(info).toMatchObject({
      iconUrl: 'https://ogi.gov.example/ogi/assets/icon-32.png',
      highResolutionIconUrl: 'https://ogi.gov.example/ogi/assets/icon-64.png',
      supportUrl: 'https://ogi.gov.example/ogi/taskpane.html',
      appDomains: ['https://ogi.gov.example'],
      defaultSettings: { sourceLocation: 'https://ogi.gov.example/ogi/taskpane.html' },
    });
    const { id, version, displayName, providerName, description, hosts, permissions } = intranet.source.summary.info!;
    expect(info).toMatchObject({ id, version, displayName, providerName, description, hosts, permissions });
    expect(displayName).toBe('政务公开年报助手');
    expect(intranet.rewritten.summary.controls.map((c) => c.sourceLocation ?? c.functionName)).toEqual([
      'https://ogi.gov.example/ogi/taskpane.html',
      'insertAllTables',
    ]);
  });

  test('works for a host with a port and a deeper path', () => {
    expect(withPort.errors).toEqual([]);
    expect(withPort.summary.info?.iconUrl).toBe('https://intranet.example:8443/addins/ogi/assets/icon-32.png');
    expect(withPort.summary.info?.appDomains).toEqual(['https://intranet.example:8443']);
  });
});

describe('rewriteManifestUrls keeps everything but the URLs it knows', () => {
  const base = 'https://ogi.gov.example/ogi/';

  test('comments, declarations and other attributes stay byte for byte, single quotes and prefixes too', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- development: https://localhost:3000/taskpane.html -->',
      "<OfficeApp xmlns='urn:a'>",
      "  <IconUrl  DefaultValue = 'https://localhost:3000/assets/icon-32.png' />",
      '  <bt:Url id="Taskpane.Url" bt:Value="https://localhost:3000/taskpane.html?a=1&amp;b=2"/>',
      '  <AppDomains><AppDomain>\n    https://localhost:3000\n  </AppDomain><AppDomain>https://other.example</AppDomain></AppDomains>',
      '</OfficeApp>',
    ].join('\r\n');
    expect(rewriteManifestUrls(xml, base)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- development: https://localhost:3000/taskpane.html -->',
        "<OfficeApp xmlns='urn:a'>",
        "  <IconUrl  DefaultValue = 'https://ogi.gov.example/ogi/assets/icon-32.png' />",
        '  <bt:Url id="Taskpane.Url" bt:Value="https://ogi.gov.example/ogi/taskpane.html?a=1&amp;b=2"/>',
        '  <AppDomains><AppDomain>\n    https://ogi.gov.example\n  </AppDomain><AppDomain>https://other.example</AppDomain></AppDomains>',
        '</OfficeApp>',
      ].join('\r\n'),
    );
  });

  test('leaves another port and another host alone, and escapes the base for XML', () => {
    const xml = '<a DefaultValue="https://localhost:3000/x" Value="https://localhost:30001/" Label="https://example.org/"/>';
    expect(rewriteManifestUrls(xml, 'https://ogi.gov.example/a&b/')).toBe(
      '<a DefaultValue="https://ogi.gov.example/a&amp;b/x" Value="https://localhost:30001/" Label="https://example.org/"/>',
    );
  });

  test('refuses a dev URL it does not rewrite, naming the line, instead of leaving it behind', () => {
    const inText =
      '<a>\n  <SourceLocation DefaultValue="https://localhost:3000/a.html"/>\n  <Resource>https://localhost:3000/api</Resource>\n</a>';
    expect(() => rewriteManifestUrls(inText, base)).toThrow(/^manifest line 3 still names localhost:3000/);
    const insideAnotherValue = `<a Title='see Value="https://localhost:3000/"'/>`;
    expect(() => rewriteManifestUrls(insideAnotherValue, base)).toThrow(/line 1 still names localhost:3000/);
  });

  test('a base on the dev server itself keeps its URLs', () => {
    expect(rewriteManifestUrls(manifest, 'https://localhost:3000/ogi/')).toBe(
      manifest.split(DEV_BASE_URL).join('https://localhost:3000/ogi/'),
    );
  });
});

describe(EXAMPLE_FILE, () => {
  test('is exactly what rewriteManifestUrls makes of manifest.xml today (regenerate it when this fails)', () => {
    // node scripts/deploy-urls.js manifest --url-prod https://ogi.gov.example/ogi/ manifest.xml --out docs/examples/manifest-intranet.xml
    expect(read(EXAMPLE_FILE)).toBe(rewriteManifestUrls(manifest, INTRANET));
  });

  test('passes every structural rule for its host', () => {
    expect(intranet.example.errors).toEqual([]);
  });
});

describe('resolveOfficeJsUrl (officeJs)', () => {
  test.each([
    ['office-js/office.js', INTRANET, 'https://ogi.gov.example/ogi/office-js/office.js'],
    ['./office-js/office.js', INTRANET, 'https://ogi.gov.example/ogi/office-js/office.js'],
    ['/shared/office-js/office.js', INTRANET, 'https://ogi.gov.example/shared/office-js/office.js'],
    ['https://static.gov.example/office-js/1.1.110/office.js', INTRANET, 'https://static.gov.example/office-js/1.1.110/office.js'],
    ['  office-js/office.js ', undefined, 'https://localhost:3000/office-js/office.js'],
  ])('%p against %p → %s', (raw, base, expected) => {
    expect(resolveOfficeJsUrl(raw, base)).toBe(expected);
  });

  test.each([
    ['', /empty/],
    ['   ', /empty/],
    ['http://static.gov.example/office.js', /must use https/],
    ['C:\\office-js\\office.js', /must use https/],
    ['https://user:pw@static.gov.example/office.js', /user name or password/],
    ['office-js/office.js#x', /fragment/],
  ])('refuses %p', (raw, message) => {
    expect(() => resolveOfficeJsUrl(raw, INTRANET)).toThrow(message);
  });
});

describe('rewriteOfficeJs on the real page templates', () => {
  test('OFFICE_JS_PAGES names every template that loads office.js from the CDN', () => {
    const htmlFiles = ['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/notice.html', 'src/preview/preview.html'];
    const loading = htmlFiles.filter((f) => read(f).includes(OFFICE_JS_CDN)).map((f) => path.basename(f));
    expect([...loading].sort()).toEqual([...OFFICE_JS_PAGES].sort());
  });

  describe.each(Object.keys(templates))('%s', (page) => {
    const template = templates[page];

    test('the template loads the CDN office.js and allows its origin (the default build)', () => {
      expect(template).toContain(`<script src="${OFFICE_JS_CDN}"></script>`);
      expect(scriptSrcOf(template)).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    });

    test("office.js on the add-in host: loaded from there, script-src is just 'self', nothing else changes", () => {
      const url = resolveOfficeJsUrl('office-js/office.js', INTRANET);
      const out = rewriteOfficeJs(template, url, INTRANET);
      expect(out).toContain('<script src="https://ogi.gov.example/ogi/office-js/office.js"></script>');
      expect(out).not.toMatch(/appsforoffice/);
      expect(scriptSrcOf(out)).toBe("script-src 'self'");
      expect(directives(cspOf(out)).filter((d) => !d.startsWith('script-src'))).toEqual(
        directives(cspOf(template)).filter((d) => !d.startsWith('script-src')),
      );
      // Only the office.js line and the CSP line differ.
      const before = template.split('\n');
      const after = out.split('\n');
      expect(after).toHaveLength(before.length);
      const changed = before.filter((line, i) => line !== after[i]).map((line) => line.trim());
      expect(changed).toHaveLength(2);
      expect(changed[0].startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
      expect(changed[1]).toBe(`<script src="${OFFICE_JS_CDN}"></script>`);
    });

    test('office.js on another internal host: that origin replaces the CDN in script-src', () => {
      const out = rewriteOfficeJs(template, 'https://static.gov.example/office-js/office.js', INTRANET);
      expect(out).toContain('<script src="https://static.gov.example/office-js/office.js"></script>');
      expect(scriptSrcOf(out)).toBe("script-src 'self' https://static.gov.example");
      expect(out).not.toMatch(/appsforoffice/);
    });

    test('refuses a page already rewritten, so a template change cannot leave the CDN in place silently', () => {
      const once = rewriteOfficeJs(template, 'https://ogi.gov.example/ogi/office-js/office.js', INTRANET);
      expect(() => rewriteOfficeJs(once, 'https://ogi.gov.example/ogi/office-js/office.js', INTRANET)).toThrow(/expected one <script/);
    });
  });

  test('also rewrites the minified pages of a built dist/ (unquoted attributes)', () => {
    const minified =
      "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><meta http-equiv=Content-Security-Policy content=\"default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; object-src 'none'\">" +
      '<title>政务公开年报助手</title><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=commands.js></script></head><body></body></html>';
    const out = rewriteOfficeJs(minified, 'https://ogi.gov.example/ogi/office-js/office.js', INTRANET);
    expect(out).toContain('<script src="https://ogi.gov.example/ogi/office-js/office.js"></script><script defer src=commands.js></script>');
    expect(cspOf(out)).toBe("default-src 'self'; script-src 'self'; object-src 'none'");
  });

  test.each([
    ['no CSP', '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>', /Content-Security-Policy/],
    [
      'a CSP whose script-src lacks the CDN',
      '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
      /does not name/,
    ],
    ['two office.js tags', `${templates['taskpane.html']}<script src="${OFFICE_JS_CDN}"></script>`, /found 2/],
  ])('refuses a page with %s', (_name, html, message) => {
    expect(() => rewriteOfficeJs(html, 'https://ogi.gov.example/ogi/office-js/office.js', INTRANET)).toThrow(message);
  });
});

describe('webpack.config.js wiring (configuration only, no build)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require('../webpack.config.js') as (
    env: Record<string, unknown>,
    argv: { mode: string },
  ) => Array<{ name?: string; plugins: object[] }>;
  // two compilations: the add-in's pages, then web.html (which never loads office.js)
  const pluginNames = (env: Record<string, unknown>, which = 0) =>
    configs(env, { mode: 'production' })[which].plugins.map((p) => p.constructor.name);

  test('builds the add-in pages and web.html in two compilations', () => {
    expect(configs({}, { mode: 'production' })).toHaveLength(2);
  });

  test('adds the office.js rewrite only when --env officeJs is given', () => {
    expect(pluginNames({})).not.toContain('SelfHostedOfficeJsPlugin');
    expect(pluginNames({ urlProd: INTRANET })).not.toContain('SelfHostedOfficeJsPlugin');
    expect(pluginNames({ urlProd: INTRANET, officeJs: 'office-js/office.js' })).toContain('SelfHostedOfficeJsPlugin');
    expect(pluginNames({ urlProd: INTRANET, officeJs: 'office-js/office.js' }, 1)).not.toContain('SelfHostedOfficeJsPlugin');
  });

  test('refuses bad switches before building', () => {
    expect(() => configs({ urlProd: 'http://ogi.gov.example/' }, { mode: 'production' })).toThrow(/https/);
    expect(() => configs({ officeJs: true }, { mode: 'production' })).toThrow(/empty/);
    expect(() => configs({ urlProd: INTRANET, officeJs: 'http://static.gov.example/office.js' }, { mode: 'production' })).toThrow(/https/);
  });
});

describe('command line (node scripts/deploy-urls.js)', () => {
  let dir: string;
  let log: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-deploy-'));
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('manifest: writes the rewritten manifest', () => {
    const out = path.join(dir, 'manifest.xml');
    expect(main(['manifest', '--url-prod', 'https://ogi.gov.example/ogi', path.join(root, 'manifest.xml'), '--out', out])).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(rewriteManifestUrls(manifest, INTRANET));
  });

  test('dist: retargets a default build in place, and refuses to do it twice without touching anything', () => {
    fs.writeFileSync(path.join(dir, 'manifest.xml'), manifest);
    for (const page of OFFICE_JS_PAGES) fs.writeFileSync(path.join(dir, page), templates[page]);
    expect(main(['dist', dir, '--url-prod', INTRANET, '--office-js', 'office-js/office.js'])).toBe(0);
    const after = Object.fromEntries(['manifest.xml', ...OFFICE_JS_PAGES].map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    expect(after['manifest.xml']).toBe(rewriteManifestUrls(manifest, INTRANET));
    for (const page of OFFICE_JS_PAGES) {
      expect(after[page]).toBe(rewriteOfficeJs(templates[page], 'https://ogi.gov.example/ogi/office-js/office.js', INTRANET));
    }
    expect(() => main(['dist', dir, '--url-prod', 'https://other.gov.example/'])).toThrow(/built for another host/);
    for (const [file, text] of Object.entries(after)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(text);
  });

  test('refuses a missing --url-prod and an unknown command', () => {
    expect(() => main(['manifest'])).toThrow(/--url-prod is required/);
    expect(() => main(['deploy', '--url-prod', INTRANET])).toThrow(/unknown command/);
  });
});

describe('webpack --env officeJs=bundled (one switch for an isolated network)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require('../webpack.config.js') as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Array<{
    plugins: Array<{
      constructor: { name: string };
      officeJsUrl?: string;
      patterns?: Array<{ from: string; to: string; info?: { minimized?: boolean }; globOptions?: { ignore?: string[] } }>;
    }>;
  }>;
  const config = (env: Record<string, unknown>, argv: Record<string, unknown>) => configs(env, argv)[0];

  test('copies the office.js files of @microsoft/office-js, unmodified, to office-js/ and loads office.js from there', () => {
    const { plugins } = config({ urlProd: INTRANET, officeJs: 'bundled' }, { mode: 'production' });
    const selfHosted = plugins.find((p) => p.constructor.name === 'SelfHostedOfficeJsPlugin');
    expect(selfHosted?.officeJsUrl).toBe(`${INTRANET}office-js/office.js`);
    const copies = plugins.filter((p) => p.constructor.name === 'CopyPlugin').flatMap((p) => p.patterns ?? []);
    const officeJs = copies.find((p) => p.to === 'office-js');
    expect(officeJs?.from).toBe(path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist'));
    expect(officeJs?.info?.minimized).toBe(true); // not run through the minifier
    expect(officeJs?.globOptions?.ignore).toContain('**/*.debug.js');
    expect(copies.some((p) => p.to === 'office-js/LICENSE.md')).toBe(true);
    expect(fs.existsSync(path.join(officeJs!.from, 'office.js'))).toBe(true);
  });

  test('without the switch nothing is copied and the CDN stays', () => {
    const { plugins } = config({}, { mode: 'production' });
    expect(plugins.some((p) => p.constructor.name === 'SelfHostedOfficeJsPlugin')).toBe(false);
    expect(plugins.flatMap((p) => p.patterns ?? []).some((p) => p.to === 'office-js')).toBe(false);
  });
});
