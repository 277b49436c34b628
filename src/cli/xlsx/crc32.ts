/**
 * CRC-32 (IEEE 802.3), as ZIP stores it. Uses Node's native `zlib.crc32` where present
 * (Node >= 20.15), else a slicing-by-4 table.
 */
import * as zlib from "zlib";

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
const T = new Int32Array(256 * 4);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  T[n] = c;
}
for (let n = 0; n < 256; n++) {
  for (let t = 1; t < 4; t++) T[t * 256 + n] = T[(t - 1) * 256 + n] >>> 8 ^ T[T[(t - 1) * 256 + n] & 0xff];
}

/** @example crc32(new TextEncoder().encode("123456789")) //=> 0xcbf43926 */
export function crc32(data: Uint8Array): number {
  return native ? native(data) >>> 0 : crc32js(data);
}

/** The portable implementation (exported for its test). */
export function crc32js(data: Uint8Array): number {
  let c = -1;
  let i = 0;
  const n = data.length;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = T[768 + (c & 0xff)] ^ T[512 + ((c >>> 8) & 0xff)] ^ T[256 + ((c >>> 16) & 0xff)] ^ T[c >>> 24];
  }
  for (; i < n; i++) c = T[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
