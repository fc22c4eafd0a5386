#!/usr/bin/env node
/**
 * Writes the add-in icons, each a white glyph on a blue rounded square:
 * - assets/icon-{16,32,64,80,128}.png: three rising bars (the add-in, its group and the pane button);
 * - assets/compute-{16,32,64,80}.png: a bold check mark (the Compute scores button).
 * Pure node (zlib + a CRC-32 table), so it runs anywhere without image libraries.
 *
 * The glyph is defined once in unit coordinates (0..1) and rasterised per size with 4×4
 * supersampling, which gives clean anti-aliased edges down to 16 px.
 *
 * Usage: node scripts/makeIcons.js [outDir]   (default: assets/)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = { icon: [16, 32, 64, 80, 128], compute: [16, 32, 64, 80] };
const SUBSAMPLES = 4;

/** Fluent brand blue (#0F6CBD) and white. */
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

const CORNER_RADIUS = 0.2;
/**
 * Bars as [left, top, right, bottom] in unit coordinates, rising left to right. Every edge is a
 * multiple of 1/16, so at 16 px (and 32, 64, 80) the bars fall on whole pixels and stay sharp.
 */
const BARS = [
  [3 / 16, 9 / 16, 6 / 16, 13 / 16],
  [7 / 16, 6 / 16, 10 / 16, 13 / 16],
  [11 / 16, 3 / 16, 14 / 16, 13 / 16],
];

function isInRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function isInBar(x, y) {
  return BARS.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b);
}

/** The check mark as a polyline in unit coordinates, and its stroke half-width (thick enough for 16 px). */
const CHECK = [
  [0.22, 0.53],
  [0.42, 0.73],
  [0.79, 0.3],
];
const CHECK_HALF_WIDTH = 0.085;

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function isOnCheck(x, y) {
  return distanceToSegment(x, y, CHECK[0], CHECK[1]) <= CHECK_HALF_WIDTH || distanceToSegment(x, y, CHECK[1], CHECK[2]) <= CHECK_HALF_WIDTH;
}

const GLYPHS = { icon: isInBar, compute: isOnCheck };

/** Returns RGBA bytes, row-major, for a size × size icon with the glyph `isInGlyph`. */
function renderIcon(size, isInGlyph) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (isInRoundedSquare(x, y)) {
            square++;
            if (isInGlyph(x, y)) bar++;
          }
        }
      }
      const o = (py * size + px) * 4;
      // Colour is the mix of blue and white inside the square; alpha is the square's coverage.
      const whiteShare = square === 0 ? 0 : bar / square;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(BLUE[c] * (1 - whiteShare) + WHITE[c] * whiteShare);
      }
      rgba[o + 3] = Math.round((255 * square) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, no interlace). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for each scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, sizes] of Object.entries(SIZES)) {
    for (const size of sizes) {
      const file = path.join(outDir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, renderIcon(size, GLYPHS[name])));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

main();
