/**
 * What ships is safe by construction: no code evaluated from strings, no HTML built from user data, imported
 * HTML only ever parsed as text, pages that may load nothing but their own files and office.js, and a manifest
 * asking for no more than the Excel APIs need.
 */
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const SHIPPED = ['src/report', 'src/host', 'src/excel', 'src/app', 'src/taskpane', 'src/commands', 'src/file', 'src/cli', 'src/pdf'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|html)$/.test(f) ? [p] : [];
  });
}

const sources = SHIPPED.flatMap((d) => files(path.join(ROOT, d))).map((f) => ({
  file: path.relative(ROOT, f),
  text: readFileSync(f, 'utf8'),
}));

// eval, new Function, string timers and HTML assignment are ESLint rules over src/ (eslint.config.mjs), run by
// `npm run lint` in CI; this proves the configuration catches each of them in shipped code.
test('the lint configuration refuses eval, new Function, string timers and HTML injection in shipped code', () => {
  const snippet = [
    'export function f(s: string, el: HTMLElement): void {',
    '  eval(s);',
    '  el.innerHTML = s;',
    '  el.insertAdjacentHTML("beforeend", s);',
    "  setTimeout('alert(1)', 1);",
    '  document.write(s);',
    '  new Function(s);',
    '}',
    '',
  ].join('\n');
  const res = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', 'src/report/a1.ts'], {
    cwd: ROOT,
    input: snippet,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(res.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
  const byLine = new Map<number, string[]>();
  for (const m of result.messages) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.ruleId]);
  expect(byLine.get(2)).toContain('no-eval');
  expect(byLine.get(3)).toContain('no-restricted-properties');
  expect(byLine.get(4)).toContain('no-restricted-properties');
  expect(byLine.get(5)).toContain('@typescript-eslint/no-implied-eval');
  expect(byLine.get(6)).toContain('no-restricted-properties');
  expect(byLine.get(7)).toContain('no-new-func');
}, 60_000);

test('no dangerouslySetInnerHTML in the pane (a lint rule over src/)', () => {
  const res = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', 'src/taskpane/components/App.tsx'], {
    cwd: ROOT,
    input: 'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n',
    encoding: 'utf8',
  });
  const [result] = JSON.parse(res.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
  expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
}, 60_000);

test('PDFs are read with pdf.js compiling nothing (isEvalSupported: false, CVE-2024-4367), only their text, never rendered', () => {
  const pdf = sources.filter((s) => s.file.startsWith(path.join('src', 'pdf')));
  const calls = pdf.filter(({ text }) => /getDocument\(/.test(text));
  expect(calls.map((c) => c.file)).toEqual([path.join('src', 'pdf', 'text.ts')]);
  expect(calls[0].text).toMatch(/isEvalSupported: false/);
  expect(calls[0].text).toMatch(/enableXfa: false/);
  expect(pdf.filter(({ text }) => /\.render\(|getOperatorList|canvas/i.test(text)).map((s) => s.file)).toEqual([]);
  // the geometry is plain TypeScript: nothing of pdf.js in the importer
  expect(sources.filter((s) => s.file.startsWith(path.join('src', 'report')) && /pdfjs/.test(s.text)).map((s) => s.file)).toEqual([]);
});

test('imported HTML is parsed as text, never handed to a browser to render', () => {
  const importer = sources.filter((s) => s.file.startsWith(path.join('src', 'report')));
  const rendering = importer.filter(({ text }) => /DOMParser|createElement|document\.|window\./.test(text)).map((s) => s.file);
  expect(rendering).toEqual([]);
});

describe.each([
  ['taskpane', 'taskpane'],
  ['commands', 'commands'],
  ['notice', 'commands'],
])('%s.html', (page, folder) => {
  const html = readFileSync(path.join(ROOT, 'src', folder, `${page}.html`), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v]),
  );

  test('has a Content-Security-Policy allowing its own files and office.js only', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    const scripts = directives.get('script-src') ?? [];
    expect(scripts[0]).toBe("'self'");
    expect(scripts.slice(1).every((s) => /^https:\/\//.test(s) || /^<%=/.test(s))).toBe(true);
    expect(scripts.join(' ')).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  test('loads no script but office.js from outside', () => {
    const external = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => /^[a-z]+:|^\/\//i.test(src));
    expect(external.length).toBe(1);
    expect(external[0]).toMatch(/office\.js/);
  });
});

test('web.html: a Content-Security-Policy allowing its own files only, and no script from outside (not even office.js)', () => {
  const html = readFileSync(path.join(ROOT, 'src', 'web', 'web.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)]).toEqual([]);
});

test('the manifest asks for ReadWriteDocument (what the Excel APIs need) and nothing more', () => {
  const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  expect([...xml.matchAll(/<Permissions>([^<]+)<\/Permissions>/g)].map((m) => m[1])).toEqual(['ReadWriteDocument']);
  expect(xml).not.toMatch(/ReadWriteMailbox|Restricted|WebApplicationInfo/);
});
