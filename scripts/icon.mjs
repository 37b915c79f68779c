// Draws media/icon.png (128x128): three event records on a dark tile. Shapes are signed distance
// functions so the edges come out antialiased without an image library. Run: node scripts/icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;

/** Distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRect(x, y, left, top, width, height, radius) {
  const qx = Math.abs(x - (left + width / 2)) - width / 2 + radius;
  const qy = Math.abs(y - (top + height / 2)) - height / 2 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const tile = hex('#16324f');
// Each record: a marker dot (its type) and a bar (its fields), like an envelope's oneof members.
const records = [
  { top: 30, width: 58, color: hex('#4fc3f7') },
  { top: 56, width: 44, color: hex('#81c784') },
  { top: 82, width: 52, color: hex('#ffb74d') },
];

const pixels = Buffer.alloc(size * size * 4);
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    let rgb = tile;
    let alpha = Math.min(1, Math.max(0, 0.5 - roundedRect(px, py, 4, 4, 120, 120, 24)));
    for (const record of records) {
      const dot = Math.hypot(px - 30, py - (record.top + 8)) - 8;
      const bar = roundedRect(px, py, 46, record.top + 1, record.width, 14, 7);
      const cover = Math.min(1, Math.max(0, 0.5 - Math.min(dot, bar)));
      rgb = rgb.map((c, i) => c + (record.color[i] - c) * cover);
    }
    const o = (y * size + x) * 4;
    pixels[o] = Math.round(rgb[0]);
    pixels[o + 1] = Math.round(rgb[1]);
    pixels[o + 2] = Math.round(rgb[2]);
    pixels[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
// Each scanline starts with filter type 0 (none).
const raw = Buffer.concat(
  Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])),
);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('media/icon.png', png);
