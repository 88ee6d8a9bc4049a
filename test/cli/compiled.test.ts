/** The command line as users run it: bin/ogi-report.js over the compiled dist-cli/main.js (built by
 *  `npm run build:cli`, which npm install/ci and npm test run), pdf.js loaded by Node at run time. */
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ogi-report.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });

test('--help prints the usage and exits 0', () => {
  const r = cli('--help');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('ogi-report check');
});

test('checks a published text and a PDF with exit codes as documented', () => {
  const txt = cli('check', 'test/fixtures/huaian-2024.txt');
  expect([txt.status, txt.stdout]).toEqual([0, expect.stringContaining('无错误')]);
  const pdf = cli('check', 'test/fixtures/pdf/huaian-2024-song-a4.pdf', '--json');
  expect(pdf.status).toBe(0);
  expect(JSON.parse(pdf.stdout)[0]).toMatchObject({ format: '2021', year: 2024 });
  const missing = cli('check', 'no-such-file.json');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('no-such-file.json：无法读取');
});
