/**
 * Runs scripts/check-manifest.ts in a child process under tsx: office-addin-manifest, which it reads the
 * manifest with, has dependencies that are ES modules only, and jest (on Node < 24.9) cannot load those.
 * One child process checks every file given, so a test file pays the start-up once per base URL.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CheckOptions, CheckResult } from '../scripts/check-manifest';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SCRIPT = path.join(ROOT, 'scripts', 'check-manifest.ts');

export type FileResult = CheckResult & { file: string };

/** `npx tsx scripts/check-manifest.ts ARGS…` from the project folder. */
export function runCheckManifest(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [TSX, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `npx tsx scripts/check-manifest.ts --json FILE… [--base-url …] [--assets …]`, its results in file order. */
export function checkManifestFiles(files: string[], options: CheckOptions = {}): FileResult[] {
  const args = ['--json', ...files];
  if (options.baseUrl !== undefined) args.push('--base-url', options.baseUrl);
  if (options.assetsDir !== undefined) args.push('--assets', options.assetsDir);
  const run = runCheckManifest(args);
  // 0: every file passed, 1: some did not; anything else is the script failing, not a manifest problem.
  if (run.status !== 0 && run.status !== 1) throw new Error(`check-manifest exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as FileResult[];
}

/** Writes each text to a manifest file in a fresh temporary folder and checks them all in one child process. */
export function checkManifestTexts(texts: string[], options: CheckOptions = {}): FileResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-manifest-'));
  try {
    const files = texts.map((text, i) => {
      const file = path.join(dir, `manifest-${i}.xml`);
      fs.writeFileSync(file, text);
      return file;
    });
    return checkManifestFiles(files, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
