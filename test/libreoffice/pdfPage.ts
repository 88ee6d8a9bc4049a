/**
 * Looking at a page LibreOffice printed, for tests: the words on it with their boxes (poppler's pdftotext -bbox), the
 * page drawn as pixels (pdftoppm -png, decoded here with node's zlib), and the colour a cell is filled with around
 * the text it shows.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import { inflateSync } from 'zlib';

export interface Word {
  text: string;
  /** In points, from the page's top-left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, row after row. */
  rgb: Uint8Array;
}

const run = (cmd: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile(cmd, args, { timeout: 60000, maxBuffer: 64 * 1024 * 1024 }, (err, out, stderr) =>
      err ? reject(new Error(`${cmd} 失败（failed）：${err.message}\n${stderr}`)) : resolve(out),
    ),
  );

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of one page (1-based) of a PDF, with their boxes in points. */
export async function pdfWords(pdf: string, page: number): Promise<Word[]> {
  const html = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const words: Word[] = [];
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    words.push({ text: unescape(m[5]), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

/** Undo one PNG filter on a row in place (`prev` is the row above, already unfiltered; bpp bytes a pixel). */
function unfilter(type: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prev[i];
    const c = i >= bpp ? prev[i - bpp] : 0;
    let add = 0;
    if (type === 1) add = a;
    else if (type === 2) add = b;
    else if (type === 3) add = (a + b) >> 1;
    else if (type === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    } else if (type !== 0) throw new Error(`PNG: unknown filter ${type}`);
    row[i] = (row[i] + add) & 0xff;
  }
}

/** Decode an 8-bit RGB or RGBA, non-interlaced PNG (what pdftoppm -png writes) to RGB. */
export function decodePng(png: Uint8Array): Image {
  const buf = Buffer.from(png);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('PNG: not a PNG file');
  let width = 0;
  let height = 0;
  let bpp = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) {
        throw new Error(`PNG: only 8-bit RGB/RGBA non-interlaced is read (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
      }
      bpp = colour === 2 ? 3 : 4;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * bpp;
  const rgb = new Uint8Array(width * height * 3);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(raw[y * (stride + 1)], row, prev, bpp);
    for (let x = 0; x < width; x++) rgb.set(row.subarray(x * bpp, x * bpp + 3), (y * width + x) * 3);
    prev = row;
  }
  return { width, height, rgb };
}

/** One page of a PDF drawn at `dpi` (pdftoppm -png), decoded. */
export async function renderPage(pdf: string, page: number, dpi: number): Promise<Image> {
  const prefix = pdf.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return decodePng(await fs.readFile(`${prefix}.png`));
}

const hex = (r: number, g: number, b: number): string => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0').toUpperCase()).join('')}`;

/** The colour most pixels have in a box (points, converted at `dpi`): inside a cell around its text, the cell's fill —
 *  the glyphs cover less of the box than the fill does. */
export function mostCommonColour(img: Image, box: Omit<Word, 'text'>, dpi: number): string {
  const px = (pt: number): number => Math.round((pt * dpi) / 72);
  const counts = new Map<string, number>();
  for (let y = Math.max(0, px(box.yMin)); y < Math.min(img.height, px(box.yMax)); y++) {
    for (let x = Math.max(0, px(box.xMin)); x < Math.min(img.width, px(box.xMax)); x++) {
      const i = (y * img.width + x) * 3;
      const key = hex(img.rgb[i], img.rgb[i + 1], img.rgb[i + 2]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!sorted.length) throw new Error(`box outside the page: ${JSON.stringify(box)}`);
  return sorted[0][0];
}
