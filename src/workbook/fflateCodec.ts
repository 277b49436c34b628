/**
 * The workbook package's codec (`codec.ts`) for a browser or a Web Worker: fflate's synchronous
 * inflate and deflate (level 6, as the command line's zlib) and our own CRC-32. The scored copy a
 * page writes with it holds the same parts as the command line's: the parts copied from the
 * original are the same bytes, and a newly deflated part may be compressed into other bytes than
 * zlib chooses, while its uncompressed bytes are identical (tested in test/xlsx/codec.test.ts).
 * Not exported from `index.ts`, so that the command line does not load fflate.
 */
import { deflateSync, inflateSync } from "fflate";
import type { ZipCodec } from "./codec";
import { crc32 } from "./crc32";

/**
 * DEFLATE cannot expand data by more than 1032 to 1 (a 258-byte match in one bit-pair, and a
 * little for block headers): a declared size beyond that is a lie, refused before allocating it.
 */
const MAX_RATIO = 1032;

export const fflateCodec: ZipCodec = {
  inflateRaw(data, size) {
    if (size > data.length * MAX_RATIO + 1024)
      throw new Error(`declared size ${size} impossible for ${data.length} compressed bytes`);
    // One byte more than declared: fflate writes into the buffer given and drops what does not
    // fit, so a stream longer than its declared size fills that byte and is refused here.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length > size) throw new Error("more data than the declared size");
    return out;
  },
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32,
};
