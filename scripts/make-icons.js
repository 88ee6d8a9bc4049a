#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/: a rounded square in government red (#C00000) carrying a
 * white table (solid header band plus grid lines).
 *
 * Pure Node: a small RGBA canvas, supersampled rounded-square coverage for smooth corners,
 * pixel-snapped grid lines so the small sizes stay crisp, and a minimal PNG encoder
 * (signature, IHDR, one IDAT compressed with zlib, IEND; CRC-32 computed here).
 *
 * Run by hand when the design changes:  node scripts/make-icons.js [outDir]
 * The PNGs are committed; the build only copies them.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const RED = [0xc0, 0x00, 0x00];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffers) {
  let c = 0xffffffff;
  for (const buf of buffers) {
    for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeBuf = Buffer.from(type, 'ascii');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([typeBuf, data]), 0);
  return Buffer.concat([len, typeBuf, data, crc]);
}

/** Encodes a width×height RGBA8 pixel buffer as a PNG (colour type 6, no interlace). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }

  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- drawing

function insideRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = x < left + r ? left + r : x > right - r ? right - r : x;
  const cy = y < top + r ? top + r : y > bottom - r ? bottom - r : y;
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

/** Returns an RGBA buffer (straight alpha) with the icon drawn at size×size pixels. */
function drawIcon(size) {
  const px = Buffer.alloc(size * size * 4); // fully transparent to start

  // Background: rounded square with a small transparent margin, anti-aliased by 4×4 supersampling.
  const margin = size * 0.04;
  const radius = size * 0.2;
  const SS = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS;
          const fy = y + (sy + 0.5) / SS;
          if (insideRoundedRect(fx, fy, margin, margin, size - margin, size - margin, radius)) hits++;
        }
      }
      if (hits > 0) {
        const i = (y * size + x) * 4;
        px[i] = RED[0];
        px[i + 1] = RED[1];
        px[i + 2] = RED[2];
        px[i + 3] = Math.round((255 * hits) / (SS * SS));
      }
    }
  }

  // Table: integer pixel geometry (equal cells, whole-pixel lines) so it stays crisp at 16 px too.
  const t = Math.max(1, Math.round(size * 0.04)); // line thickness
  const cols = size < 24 ? 2 : 3;
  const bodyRows = size < 24 ? 2 : 3;
  let cellW = Math.max(2, Math.floor((size * 0.62 - (cols + 1) * t) / cols));
  let headH = Math.max(2, Math.round(size * 0.14));
  const cellH = Math.max(2, Math.floor((size * 0.56 - headH - bodyRows * t) / bodyRows));
  // Keep the table exactly centred: its width and height must have the parity of the icon size.
  let extraW = 0; // one extra pixel for the first column when an even column count cannot fix parity
  if ((size - (cols * cellW + (cols + 1) * t)) % 2 !== 0) {
    if (cols % 2 === 1) cellW += 1;
    else extraW = 1;
  }
  if ((size - (headH + bodyRows * (cellH + t))) % 2 !== 0) headH += 1;
  const tableW = cols * cellW + (cols + 1) * t + extraW;
  const tableH = headH + bodyRows * (cellH + t);
  const x0 = Math.floor((size - tableW) / 2);
  const y0 = Math.floor((size - tableH) / 2);
  const x1 = x0 + tableW;
  const y1 = y0 + tableH;
  const yBody = y0 + headH;

  const fill = (ax, ay, bx, by) => {
    for (let y = Math.max(0, ay); y < Math.min(size, by); y++) {
      for (let x = Math.max(0, ax); x < Math.min(size, bx); x++) {
        const i = (y * size + x) * 4;
        px[i] = WHITE[0];
        px[i + 1] = WHITE[1];
        px[i + 2] = WHITE[2];
        px[i + 3] = 255;
      }
    }
  };

  fill(x0, y0, x1, yBody); // header band (also the top border)
  for (let c = 0; c <= cols; c++) {
    const x = x0 + c * (cellW + t) + (c > 0 ? extraW : 0); // vertical lines, outer borders included
    fill(x, yBody, x + t, y1);
  }
  for (let r = 1; r <= bodyRows; r++) {
    const y = yBody + r * (cellH + t) - t; // line under each body row; the last is the bottom border
    fill(x0, y, x1, y + t);
  }
  return px;
}

// ---------------------------------------------------------------- main

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  const files = [
    ['icon-16.png', 16],
    ['icon-32.png', 32],
    ['icon-64.png', 64],
    ['icon-80.png', 80],
    ['icon-128.png', 128],
    ['logo-filled.png', 128],
  ];
  for (const [name, size] of files) {
    const png = encodePng(size, size, drawIcon(size));
    fs.writeFileSync(path.join(outDir, name), png);
    console.log(`${path.relative(process.cwd(), path.join(outDir, name))}  ${size}x${size}  ${png.length} bytes`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, crc32 };
