/**
 * The user guide (docs/guide.md) and the script that takes its screenshots (scripts/screenshots.ts) cannot
 * drift apart: the script runs here, into test-output/guide/, and every image the guide shows must be one
 * it produced (a real picture, not an empty page), every image it produced must be shown in the guide,
 * and docs/images/ must hold exactly those files.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { takeScreenshots } from '../../scripts/screenshots';

jest.setTimeout(180000);

const ROOT = path.join(__dirname, '..', '..');
const GUIDE = path.join(ROOT, 'docs', 'guide.md');
const IMAGES = path.join(ROOT, 'docs', 'images');
const OUT = path.join(ROOT, 'test-output', 'guide');

let browser: Browser;
let produced: string[] = [];
beforeAll(async () => {
  browser = await launch();
  await fs.rm(OUT, { recursive: true, force: true });
  produced = (await takeScreenshots({ out: OUT, browser })).map((f) => path.basename(f));
});
afterAll(async () => {
  await browser?.close();
});

/** Images the guide embeds as ![…](images/NAME.png). */
async function referenced(): Promise<string[]> {
  const md = await fs.readFile(GUIDE, 'utf8');
  return [...md.matchAll(/!\[[^\]]*\]\(images\/([^)\s]+)\)/g)].map((m) => m[1]);
}

test('the script writes one PNG per step, named NN-name.png, and nothing else', async () => {
  expect(produced.length).toBeGreaterThanOrEqual(8);
  expect(produced.every((f) => /^\d\d-[a-z0-9-]+\.png$/.test(f))).toBe(true);
  expect([...produced].sort()).toEqual(produced);
  expect((await fs.readdir(OUT)).sort()).toEqual([...produced].sort());
});

test('every image the guide shows was produced, and every produced image is shown, once', async () => {
  const refs = await referenced();
  expect(new Set(refs).size).toBe(refs.length);
  expect([...refs].sort()).toEqual([...produced].sort());
  // the committed copies are the same set of files
  expect((await fs.readdir(IMAGES)).filter((f) => !f.startsWith('.')).sort()).toEqual([...produced].sort());
});

test('every produced image is a real picture: a PNG of fair size, not a blank page', async () => {
  const page = await browser.newPage();
  try {
    for (const name of produced) {
      const bytes = await fs.readFile(path.join(OUT, name));
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(bytes.length).toBeGreaterThan(15000);
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(300);
      // decode it in the browser: count colours and measure how much the brightness varies
      const stats = await page.evaluate(
        async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          ctx.drawImage(img, 0, 0);
          const d = ctx.getImageData(0, 0, img.width, img.height).data;
          const colours = new Set<number>();
          let sum = 0;
          let sq = 0;
          const n = d.length / 4;
          for (let i = 0; i < d.length; i += 4) {
            if (colours.size < 5000) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
            sum += y;
            sq += y * y;
          }
          const mean = sum / n;
          return { colours: colours.size, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
        },
        `data:image/png;base64,${bytes.toString('base64')}`,
      );
      expect({ name, many: stats.colours >= 32, varied: stats.sd > 10 }).toEqual({ name, many: true, varied: true });
    }
  } finally {
    await page.close();
  }
});
