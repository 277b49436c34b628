/**
 * ZIP's CRC-32 (the reflected polynomial 0xEDB88320, as zlib computes it) in plain JavaScript,
 * for hosts without zlib: fflate computes it inside its zip code but does not export it. Eight
 * tables, eight bytes a step ("slicing by 8"): about three times faster than one table a byte
 * on the megabytes of a ledger's sheets.
 */

const TABLES: Int32Array = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n];
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff] ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/**
 * @summary The CRC-32 of `data`, unsigned, as ZIP stores it.
 * @example
 * crc32(new TextEncoder().encode("123456789")) //=> 0xcbf43926
 */
export function crc32(data: Uint8Array): number {
  const t = TABLES;
  let c = -1;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
