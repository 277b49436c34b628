/**
 * The workbook package takes its inflate, deflate and CRC-32 from the host. The command line's
 * codec (Node's zlib) and the browser's (fflate) must read the same values and write scored
 * copies whose parts hold the same bytes once uncompressed: a page and the command line give the
 * user the same file, whatever bytes each deflater chose.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { crc32 as zlibCrc32, deflateRawSync } from "node:zlib";
import { nodeCodec } from "../../src/cli/nodeCodec";
import { assess } from "../../src/engine";
import { buildSummary } from "../../src/report/summary";
import { WorkbookError, readLedgerXlsx, writeScoredCopy, type ZipCodec } from "../../src/workbook";
import { crc32 } from "../../src/workbook/crc32";
import { fflateCodec } from "../../src/workbook/fflateCodec";
import { readZip } from "../../src/workbook/zip";
import { richLedger } from "./fixtures";
import { parts, summaryFixture } from "./helpers";

const SAMPLE = new Uint8Array(readFileSync(path.resolve(__dirname, "../../sample/ledger.xlsx")));
const CODECS: [string, ZipCodec][] = [
  ["zlib", nodeCodec],
  ["fflate", fflateCodec],
];

/** Deterministic bytes with some repetition, so that deflate has something to find. */
function someBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x % 7 === 0 ? 60 : (x >> 16) & 0xff;
  }
  return out;
}

describe("crc32 (the browser codec's own)", () => {
  it("gives ZIP's check value and agrees with zlib on every length around its 8-byte steps", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    for (let n = 0; n < 40; n++) {
      const b = someBytes(n, n + 1);
      expect([n, crc32(b)]).toEqual([n, zlibCrc32(b)]);
    }
    const big = someBytes(1 << 20, 7);
    expect(crc32(big)).toBe(zlibCrc32(big));
    expect(crc32(big.subarray(3, 1000))).toBe(zlibCrc32(big.subarray(3, 1000)));
  });
});

describe("the two codecs", () => {
  it("inflate each other's deflate to the same bytes", () => {
    const data = someBytes(300_000, 3);
    for (const [, from] of CODECS)
      for (const [, to] of CODECS) {
        const back = to.inflateRaw(from.deflateRaw(data), data.length);
        expect(Buffer.compare(Buffer.from(back), Buffer.from(data))).toBe(0);
      }
  });

  it.each(CODECS)("%s refuses a part longer than its declared size", (_name, codec) => {
    const data = someBytes(10_000, 5);
    expect(() => codec.inflateRaw(deflateRawSync(data), 9_999)).toThrow();
  });

  it("fflate refuses a declared size no deflate stream can reach, before allocating it", () => {
    expect(() => fflateCodec.inflateRaw(new Uint8Array(10), 2 ** 31)).toThrow(/impossible/);
  });
});

describe.each([
  [
    "the sample ledger",
    async () => SAMPLE,
    () => buildSummary(assess(readLedgerXlsx(SAMPLE, nodeCodec).tables)),
  ],
  ["a feature-rich workbook", richLedger, () => summaryFixture()],
])("reading and scoring %s with either codec", (_what, original, summary) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await original();
  });

  it("reads the same tables", () => {
    expect(readLedgerXlsx(bytes, fflateCodec)).toEqual(readLedgerXlsx(bytes, nodeCodec));
  });

  it("writes copies whose parts are the same once uncompressed, each readable by the other codec", () => {
    const [a, b] = CODECS.map(([, codec]) => writeScoredCopy(bytes, summary(), codec));
    const pa = parts(a);
    const pb = parts(b);
    expect(Object.keys(pb)).toEqual(Object.keys(pa));
    for (const name of Object.keys(pa))
      expect([name, Buffer.compare(Buffer.from(pa[name]), Buffer.from(pb[name]))]).toEqual([
        name,
        0,
      ]);
    expect(readLedgerXlsx(a, fflateCodec)).toEqual(readLedgerXlsx(b, nodeCodec));
  });

  it("writes the same bytes again with the same codec (deterministic)", () => {
    for (const [, codec] of CODECS)
      expect(
        Buffer.compare(
          Buffer.from(writeScoredCopy(bytes, summary(), codec)),
          Buffer.from(writeScoredCopy(bytes, summary(), codec))
        )
      ).toBe(0);
  });
});

it("a damaged worksheet is file-corrupt with either codec", () => {
  const sheet = readZip(SAMPLE, nodeCodec).byName.get("xl/worksheets/sheet1.xml")!;
  const flipped = SAMPLE.slice();
  flipped[sheet.localOffset + 30 + sheet.nameBytes.length + 40] ^= 0xff;
  for (const [, codec] of CODECS) {
    let code: string | undefined;
    try {
      readLedgerXlsx(flipped, codec);
    } catch (e) {
      code = (e as WorkbookError).code;
    }
    expect(code).toBe("file-corrupt");
  }
});
