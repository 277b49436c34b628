/**
 * The byte transforms a ZIP package needs, handed in by the host so that this package imports
 * nothing of Node or of a browser: the command line passes Node's zlib (`src/cli/nodeCodec.ts`),
 * a web page or worker passes `fflateCodec` (`./fflateCodec.ts`). Every function is synchronous,
 * so reading and writing stay synchronous whatever the host.
 *
 * What a codec computes is fixed by the formats (RFC 1951 and ZIP's CRC-32), except for the bytes
 * `deflateRaw` chooses: two codecs at the same level may compress the same part differently. The
 * part's uncompressed bytes, and so every value in the workbook, are the same either way.
 */
export interface ZipCodec {
  /**
   * Inflates raw DEFLATE data (no zlib or gzip wrapper). `size` is the uncompressed size the ZIP
   * directory declares: the codec may allocate it up front and should not produce much more than
   * it (the caller checks that exactly `size` bytes came out). Throws on bad data.
   */
  inflateRaw(data: Uint8Array, size: number): Uint8Array;
  /**
   * Raw DEFLATE at level 6, deterministic: the same input gives the same bytes on every run with
   * the same codec (the scored copy's new parts depend on it).
   */
  deflateRaw(data: Uint8Array): Uint8Array;
  /** The ZIP CRC-32 of the bytes, as an unsigned 32-bit number. */
  crc32(data: Uint8Array): number;
}
