/**
 * A minimal ZIP container reader and writer for OOXML packages.
 *
 * Reading parses the central directory and inflates only the entries asked for. Writing can copy
 * an entry's compressed bytes verbatim (so an untouched part is never re-encoded) and deflates
 * new parts with fixed metadata (DOS time 1980-01-01 00:00, the codec's level 6), so the same
 * input and codec always yield the same bytes. Inflating, deflating and CRC-32 come from the
 * `ZipCodec` the host passes in (`codec.ts`): this module imports nothing of Node or a browser.
 */
import type { ZipCodec } from "./codec";

/** Thrown for a container that is not a readable ZIP; the caller maps it to a WorkbookError. */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    public readonly encrypted = false
  ) {
    super(message);
  }
}

export interface ZipEntry {
  /** The entry name as stored (OOXML part names have no leading slash). */
  name: string;
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttrs: number;
  externalAttrs: number;
  /** Central-directory extra field, zip64 record removed. */
  extra: Uint8Array;
  comment: Uint8Array;
  /** Offset of the local file header. */
  localOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Lower-cased name → entry (OPC part names are case-insensitive). */
  byName: Map<string, ZipEntry>;
  comment: Uint8Array;
  /** How its entries are inflated and checked. */
  codec: ZipCodec;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

const utf8 = new TextDecoder("utf-8", { fatal: false });

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function need(b: Uint8Array, end: number, what: string): void {
  if (end > b.length) throw new ZipFormatError(`truncated ${what}`);
}

/** True when the bytes start like a ZIP file (a local header or an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6))
  );
}

/**
 * Parses the central directory; `codec` inflates and checks the entries later read with
 * `extract`. Throws ZipFormatError for anything malformed.
 */
export function readZip(bytes: Uint8Array, codec: ZipCodec): ZipArchive {
  let eocd = -1;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("end of central directory not found");
  let total = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const commentLength = u16(bytes, eocd + 20);
  const comment = bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + commentLength));
  if (
    (total === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) &&
    eocd >= 20 &&
    u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR
  ) {
    const z = u64(bytes, eocd - 20 + 8);
    need(bytes, z + 56, "zip64 directory");
    if (u32(bytes, z) !== SIG_ZIP64_EOCD) throw new ZipFormatError("bad zip64 directory");
    total = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  need(bytes, cdOffset + cdSize, "central directory");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    need(bytes, p + 46, "central directory entry");
    if (u32(bytes, p) !== SIG_CENTRAL) throw new ZipFormatError("bad central directory entry");
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    need(bytes, p + 46 + nameLength + extraLength + commentLen, "central directory entry");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const rawExtra = bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    let size = u32(bytes, p + 24);
    let compressedSize = u32(bytes, p + 20);
    let localOffset = u32(bytes, p + 42);
    // Strip a zip64 record from the extra field, taking the real sizes from it.
    const kept: Uint8Array[] = [];
    for (let q = 0; q + 4 <= rawExtra.length;) {
      const id = u16(rawExtra, q);
      const len = u16(rawExtra, q + 2);
      if (id === 0x0001) {
        let r = q + 4;
        if (size === 0xffffffff) ((size = u64(rawExtra, r)), (r += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(rawExtra, r)), (r += 8));
        if (localOffset === 0xffffffff) ((localOffset = u64(rawExtra, r)), (r += 8));
      } else {
        kept.push(rawExtra.subarray(q, q + 4 + len));
      }
      q += 4 + len;
    }
    const extra = kept.length === 1 && kept[0].length === rawExtra.length ? rawExtra : concat(kept);
    const entry: ZipEntry = {
      name: utf8.decode(nameBytes),
      nameBytes,
      versionMadeBy: u16(bytes, p + 4),
      versionNeeded: u16(bytes, p + 6),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      internalAttrs: u16(bytes, p + 36),
      externalAttrs: u32(bytes, p + 38),
      extra,
      comment: bytes.subarray(
        p + 46 + nameLength + extraLength,
        p + 46 + nameLength + extraLength + commentLen
      ),
      localOffset,
    };
    entries.push(entry);
    byName.set(entry.name.toLowerCase(), entry);
    p += 46 + nameLength + extraLength + commentLen;
  }
  return { bytes, entries, byName, comment, codec };
}

/** The entry's compressed bytes as stored. */
function rawData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const o = e.localOffset;
  need(b, o + 30, "local header");
  if (u32(b, o) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${e.name}`);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  need(b, start + e.compressedSize, `data of ${e.name}`);
  return b.subarray(start, start + e.compressedSize);
}

/** The entry's uncompressed bytes, CRC-checked. */
export function extract(zip: ZipArchive, e: ZipEntry): Uint8Array {
  if (e.flags & 1) throw new ZipFormatError(`${e.name} is encrypted`, true);
  const raw = rawData(zip, e);
  let out: Uint8Array;
  if (e.method === 0) out = raw;
  else if (e.method === 8) {
    try {
      out = zip.codec.inflateRaw(raw, e.size);
    } catch (err) {
      throw new ZipFormatError(`cannot inflate ${e.name}: ${(err as Error).message}`);
    }
    if (out.length !== e.size) throw new ZipFormatError(`wrong size for ${e.name}`);
  } else throw new ZipFormatError(`unsupported compression method ${e.method} for ${e.name}`);
  if (zip.codec.crc32(out) !== e.crc) throw new ZipFormatError(`CRC mismatch for ${e.name}`);
  return out;
}

/** An entry for `writeZip`: copied as stored, or new content to deflate. */
export type OutEntry =
  { kind: "copy"; entry: ZipEntry } | { kind: "new"; name: string; data: Uint8Array };

/** Fixed modification time for new parts: 1980-01-01 00:00, so output is deterministic. */
const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FIXED_DOS_TIME = 0;

const utf8Encoder = new TextEncoder();

/**
 * Writes a ZIP from `entries`, in order. Copied entries keep their compressed bytes, method,
 * flags (less the data-descriptor bit, as sizes go in the headers), time and attributes; new
 * ones are deflated and checksummed by `codec`.
 */
export function writeZip(
  source: ZipArchive | null,
  entries: OutEntry[],
  codec: ZipCodec,
  comment: Uint8Array = new Uint8Array(0)
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const oe of entries) {
    let meta: Omit<ZipEntry, "localOffset" | "name">;
    let data: Uint8Array;
    if (oe.kind === "copy") {
      if (!source) throw new Error("copy without a source archive");
      data = rawData(source, oe.entry);
      meta = { ...oe.entry, flags: oe.entry.flags & ~8 };
    } else {
      const compressed = codec.deflateRaw(oe.data);
      const nameBytes = utf8Encoder.encode(oe.name);
      const ascii = nameBytes.length === oe.name.length;
      data = compressed;
      meta = {
        nameBytes,
        versionMadeBy: 20,
        versionNeeded: 20,
        flags: ascii ? 0 : 0x800,
        method: 8,
        time: FIXED_DOS_TIME,
        date: FIXED_DOS_DATE,
        crc: codec.crc32(oe.data),
        compressedSize: compressed.length,
        size: oe.data.length,
        internalAttrs: 0,
        externalAttrs: 0,
        extra: new Uint8Array(0),
        comment: new Uint8Array(0),
      };
    }
    if (meta.size > 0xfffffffe || meta.compressedSize > 0xfffffffe || offset > 0xfffffffe) {
      throw new Error("workbook too large for this writer (over 4 GB)");
    }
    const local = new Uint8Array(30 + meta.nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, meta.versionNeeded, true);
    lv.setUint16(6, meta.flags, true);
    lv.setUint16(8, meta.method, true);
    lv.setUint16(10, meta.time, true);
    lv.setUint16(12, meta.date, true);
    lv.setUint32(14, meta.crc >>> 0, true);
    lv.setUint32(18, meta.compressedSize, true);
    lv.setUint32(22, meta.size, true);
    lv.setUint16(26, meta.nameBytes.length, true);
    lv.setUint16(28, 0, true);
    local.set(meta.nameBytes, 30);
    const cd = new Uint8Array(46 + meta.nameBytes.length + meta.extra.length + meta.comment.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, meta.versionMadeBy, true);
    cv.setUint16(6, meta.versionNeeded, true);
    cv.setUint16(8, meta.flags, true);
    cv.setUint16(10, meta.method, true);
    cv.setUint16(12, meta.time, true);
    cv.setUint16(14, meta.date, true);
    cv.setUint32(16, meta.crc >>> 0, true);
    cv.setUint32(20, meta.compressedSize, true);
    cv.setUint32(24, meta.size, true);
    cv.setUint16(28, meta.nameBytes.length, true);
    cv.setUint16(30, meta.extra.length, true);
    cv.setUint16(32, meta.comment.length, true);
    cv.setUint16(34, 0, true);
    cv.setUint16(36, meta.internalAttrs, true);
    cv.setUint32(38, meta.externalAttrs >>> 0, true);
    cv.setUint32(42, offset, true);
    cd.set(meta.nameBytes, 46);
    cd.set(meta.extra, 46 + meta.nameBytes.length);
    cd.set(meta.comment, 46 + meta.nameBytes.length + meta.extra.length);
    chunks.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const cdOffset = offset;
  let cdSize = 0;
  for (const c of central) cdSize += c.length;
  if (entries.length > 0xfffe || cdOffset + cdSize > 0xfffffffe)
    throw new Error("workbook too large for this writer");
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdOffset, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  return concat([...chunks, ...central, end]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
