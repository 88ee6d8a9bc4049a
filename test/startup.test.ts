/**
 * First run: `npm install` on the Node the README names installs without engine or install-script warnings,
 * the pages ask for nothing that is not there, and the README names the scripts that exist.
 */
import * as fs from 'fs';
import * as path from 'path';
// semver comes with npm's own dependency tree (many packages here use it)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const semver = require('semver') as { minVersion: (r: string) => { version: string } | null; satisfies: (v: string, r: string) => boolean };

const root = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('npm install on the oldest Node the project supports', () => {
  const floor = semver.minVersion(pkg.engines.node)?.version as string;

  test('the README names the same floor as engines', () => {
    // pdf.js 5 (PDF import) needs 20.19
    expect(floor).toBe('20.19.0');
    expect(readme).toMatch(/Node 20\.19 or newer/);
  });

  test('every installed package accepts that Node (no EBADENGINE)', () => {
    const refusing = Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } }>)
      .filter(([name, p]) => name && typeof p.engines?.node === 'string' && !semver.satisfies(floor, p.engines.node))
      .map(([name, p]) => `${name}@${p.version} wants node ${p.engines?.node}`);
    expect(refusing).toEqual([]);
  });

  test('every package with an install script has been reviewed in allowScripts (no install-scripts warning)', () => {
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([name, p]) => name && p.hasInstallScript)
      .map(([name]) => name.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    const reviewed = Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@.*$/, '$1'));
    expect(withScripts.filter((n) => !reviewed.includes(n))).toEqual([]);
  });
});

describe('the pages', () => {
  test.each(['src/preview/preview.html', 'src/taskpane/taskpane.html'])('%s names an icon that is built (no /favicon.ico 404)', (file) => {
    const html = fs.readFileSync(path.join(root, file), 'utf8');
    const href = /<link\s+rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    // assets/* are copied to dist/assets by webpack.config.js
    expect(href).toMatch(/^assets\//);
    expect(fs.existsSync(path.join(root, href as string))).toBe(true);
  });
});

describe('the README', () => {
  test('names the preview script, and every npm script it names exists', () => {
    expect(readme).toContain('npm run preview');
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });
});
