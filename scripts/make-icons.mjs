#!/usr/bin/env node
// Generates the Teams app icons in manifest/:
//   color.png   192×192, full colour: a white shield with a blue check mark on a blue background
//   outline.png  32×32, the same shield and check mark as a white outline on a transparent background
//
// Only Node built-ins: the PNG (8-bit RGBA, filter type 0 on every row) is assembled here,
// chunk by chunk, with our own CRC-32; zlib does the deflate. Edges are anti-aliased by
// supersampling. In the outline icon every pixel is white (255,255,255) and only alpha varies,
// which is what Teams requires ("white with a transparent background").
//
// Usage: node scripts/make-icons.mjs   (writes manifest/color.png and manifest/outline.png)

import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'manifest');

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

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeBytes = Buffer.from(type, 'ascii');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([typeBytes, data])), 8 + data.length);
  return out;
}

/** rgba: Uint8Array of width*height*4 bytes, rows top to bottom. */
export function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type 0 (None)
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- geometry
// Shapes live in "shield space": u ∈ [-1, 1] left to right, v ∈ [0, 1] top to bottom.

/** Half-width of the shield at height v (0 outside). Straight sides, then tapering to a point. */
function shieldHalfWidth(v) {
  if (v < 0 || v > 1) return 0;
  if (v <= 0.5) return 1;
  const t = (v - 0.5) / 0.5;
  return 1 - t * t;
}

/** Inside the shield: a top edge dipping by `dip` in the middle, straight sides, pointed bottom. */
function inShield(u, v, dip = 0.07) {
  const top = dip * (1 - u * u);
  return v >= top && Math.abs(u) <= shieldHalfWidth(v);
}

/** Inside the shield shrunk by roughly `inset` (shield-space units) on every side. */
function inShieldInset(u, v, insetU, insetV, dip) {
  const su = 1 - insetU;
  const sv = 1 - 2.2 * insetV; // the pointed bottom needs a bigger inset to keep the stroke even
  return inShield(u / su, (v - insetV) / sv, dip);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Check mark as a polyline in shield space (u is scaled by the aspect ratio before measuring).
const CHECK = [
  [-0.48, 0.47],
  [-0.12, 0.72],
  [0.5, 0.24],
];

function inCheck(u, v, halfThickness, aspect) {
  // Measure in an isotropic space: u * aspect makes one unit of u as long as one unit of v.
  const x = u * aspect;
  for (let i = 0; i + 1 < CHECK.length; i++) {
    const a = CHECK[i];
    const b = CHECK[i + 1];
    if (distToSegment(x, v, a[0] * aspect, a[1], b[0] * aspect, b[1]) <= halfThickness) return true;
  }
  return false;
}

// ---------------------------------------------------------------- rendering

/**
 * Renders an image by supersampling `classify(x, y)` (pixel coordinates, continuous), which returns
 * an index into `palette` (RGBA colours). Coverage-weighted averaging, with colour premultiplied
 * by alpha so transparent samples don't darken edges.
 */
function render(size, palette, classify, samples = 8) {
  const rgba = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = palette[classify(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples)];
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const o = (py * size + px) * 4;
      if (a === 0) {
        // Fully transparent: keep the colour white so even naive checkers see "white".
        rgba.set([255, 255, 255, 0], o);
      } else {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((a / n) * 255);
      }
    }
  }
  return rgba;
}

const BLUE = [0x1f, 0x5f, 0xa8, 255]; // the manifest's accentColor #1F5FA8
const WHITE = [255, 255, 255, 255];
const CLEAR = [255, 255, 255, 0];

export function colorIcon() {
  const size = 192;
  // Shield: 100 px wide, 124 px tall, centred (inside Teams' 120×120-ish safe area, a bit taller).
  const cx = 96;
  const halfW = 50;
  const top = 34;
  const height = 124;
  const aspect = halfW / height;
  const rgba = render(size, [BLUE, WHITE], (x, y) => {
    const u = (x - cx) / halfW;
    const v = (y - top) / height;
    if (!inShield(u, v)) return 0;
    return inCheck(u, v, 0.065, aspect) ? 0 : 1;
  });
  return encodePng(size, size, rgba);
}

export function outlineIcon() {
  const size = 32;
  const cx = 16;
  // Edges on whole pixels and a flat top keep the 2 px rim crisp at this size.
  const halfW = 13;
  const top = 2;
  const height = 28;
  const aspect = halfW / height;
  const stroke = 2; // px
  const rgba = render(size, [CLEAR, WHITE], (x, y) => {
    const u = (x - cx) / halfW;
    const v = (y - top) / height;
    if (!inShield(u, v, 0)) return 0;
    if (!inShieldInset(u, v, stroke / halfW, stroke / height, 0)) return 1; // the shield's rim
    return inCheck(u, v, 1.35 / height, aspect) ? 1 : 0;
  });
  return encodePng(size, size, rgba);
}

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, png] of [
    ['color.png', colorIcon()],
    ['outline.png', outlineIcon()],
  ]) {
    const file = join(OUT_DIR, name);
    writeFileSync(file, png);
    console.log(`${relative(process.cwd(), file) || file}: ${png.length} bytes`);
  }
}

if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) main();
