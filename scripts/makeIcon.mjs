// Writes media/icon.png (128×128, the Marketplace's icon format) with no image tooling: a shield with
// an exclamation mark, drawn pixel by pixel and encoded as PNG with node's zlib. Run: node scripts/makeIcon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/** Half width of the shield at row y (0..1): straight sides, then a curve to the point. */
const halfWidth = (y) => (y < 0.08 ? 0 : y < 0.55 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.37) ** 2)));
for (let yy = 0; yy < N; yy++) {
  for (let xx = 0; xx < N; xx++) {
    // 4×4 supersampling for smooth edges.
    let shield = 0;
    let mark = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const x = (xx + (sx + 0.5) / 4) / N - 0.5;
        const y = (yy + (sy + 0.5) / 4) / N;
        const top = y >= 0.08 && y <= 0.12 + Math.abs(x) * 0.25;
        if (Math.abs(x) <= halfWidth(y) && !(y < 0.2 && top && Math.abs(x) < 0.4 && y < 0.08 + Math.abs(x) * 0.2)) shield++;
        const bar = Math.abs(x) < 0.055 && y > 0.24 && y < 0.62;
        const dot = x * x + (y - 0.73) ** 2 < 0.06 ** 2;
        if (bar || dot) mark++;
      }
    }
    const a = shield / 16;
    const m = mark / 16;
    const i = (yy * N + xx) * 4;
    // Deep red shield (#b3261e), white mark.
    px[i] = Math.round(0xb3 * (1 - m) + 255 * m);
    px[i + 1] = Math.round(0x26 * (1 - m) + 255 * m);
    px[i + 2] = Math.round(0x1e * (1 - m) + 255 * m);
    px[i + 3] = Math.round(255 * a);
  }
}
const raw = Buffer.alloc((N * 4 + 1) * N);
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);
