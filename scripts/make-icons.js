// Writes the add-in's icons (assets/icon-16/32/64/80.png) without any image tool: a blue rounded
// square with three equal white bars under a level line (均衡: balanced). The 「一键审计」 button's
// icons (assets/icon-audit-16/32/80.png) are a green rounded square with a white check mark.
// Run `npm run icons` after changing a drawing; the PNGs are committed.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const AUDIT_SIZES = [16, 32, 80];
const BLUE = [15, 108, 189, 255];
const GREEN = [16, 124, 16, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** Outside the rounded square (corner radius 18% of the side)? Unit coordinates. */
function outsideSquare(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 > r * r;
}

/** Colour of pixel (x, y) of a size×size icon, sampled at the pixel centre in unit coordinates. */
function pixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  if (outsideSquare(u, v)) return CLEAR;
  // Level line.
  if (v >= 0.22 && v < 0.3 && u >= 0.18 && u < 0.82) return WHITE;
  // Three equal bars.
  const bars = [0.2, 0.42, 0.64];
  if (v >= 0.4 && v < 0.8 && bars.some((left) => u >= left && u < left + 0.16)) return WHITE;
  return BLUE;
}

/** Distance from (u, v) to the segment from a to b. */
function segmentDistance(u, v, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (ax + t * dx), v - (ay + t * dy));
}

/** The audit button's icon: a white check mark on green. */
function auditPixel(x, y, size) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  if (outsideSquare(u, v)) return CLEAR;
  const knee = [0.42, 0.7];
  const d = Math.min(
    segmentDistance(u, v, [0.2, 0.5], knee),
    segmentDistance(u, v, knee, [0.8, 0.28])
  );
  return d < 0.075 ? WHITE : GREEN;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG of the icon at this size (draw: the pixel function). */
function iconPng(size, draw = pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) Buffer.from(draw(x, y, size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  for (const size of AUDIT_SIZES) {
    const file = path.join(dir, `icon-audit-${size}.png`);
    fs.writeFileSync(file, iconPng(size, auditPixel));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { SIZES, AUDIT_SIZES, iconPng, auditPixel };
