/**
 * Reading at the speed of the file: how long the workbook package takes to read a ledger
 * (bytes → `RawTable[]`, `readLedgerXlsx`) beside the floor it is judged against, inflating the
 * very parts the reader inflates, with the same codec, alone. Both are timed in one process,
 * alternately, after one read that warms both up and records which parts the reader inflates
 * (through a codec that notes each call), so the figures share the machine's moment. The heap is
 * not collected between runs: each read pays for collecting the previous one's tables and for
 * promoting its own (on the 130k-row ledger that is about as long as inflating), as reads in a
 * row would. `firstReadMs`, when this is the first read of a fresh process, is what the command
 * line pays: code not yet optimised, heap not yet grown.
 *
 * `npm run bench` prints the ratio (target: read within 3× of inflating). Usable in a browser
 * too (only `performance.now()`), with `fflateCodec`.
 */
import { readLedgerXlsx, type ZipCodec } from "../src/workbook";

interface ReadMeasure {
  /** Median time of one whole read, ms. */
  readMs: number;
  /** Median time of inflating the parts the read inflates, ms (no CRC, no parsing). */
  inflateMs: number;
  /** readMs / inflateMs. */
  ratio: number;
  /** The first read of the process (cold: code not yet optimised, memory not yet mapped), ms. */
  firstReadMs: number;
  /** How many parts the read inflates, and their uncompressed bytes. */
  parts: number;
  inflatedBytes: number;
  /** Rows read, over every table. */
  rows: number;
  runs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * @summary Time `readLedgerXlsx(bytes, codec)` against `codec.inflateRaw` of the same parts,
 * `runs` times each (medians), in this process.
 */
export function measureRead(bytes: Uint8Array, codec: ZipCodec, runs = 5): ReadMeasure {
  const inflated: [Uint8Array, number][] = [];
  const recording: ZipCodec = {
    ...codec,
    inflateRaw(data, size) {
      inflated.push([data, size]);
      return codec.inflateRaw(data, size);
    },
  };
  let t0 = performance.now();
  const { tables } = readLedgerXlsx(bytes, recording);
  const firstReadMs = performance.now() - t0;
  const inflateAll = (): number => {
    let n = 0;
    for (const [data, size] of inflated) n += codec.inflateRaw(data, size).length;
    return n;
  };
  const inflatedBytes = inflateAll(); // warms inflating up, as the first read warmed reading
  const reads: number[] = [];
  const inflates: number[] = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    inflateAll();
    inflates.push(performance.now() - t0);
    t0 = performance.now();
    readLedgerXlsx(bytes, codec);
    reads.push(performance.now() - t0);
  }
  const readMs = median(reads);
  const inflateMs = median(inflates);
  return {
    readMs,
    inflateMs,
    ratio: readMs / inflateMs,
    firstReadMs,
    parts: inflated.length,
    inflatedBytes,
    rows: tables.reduce((n, t) => n + t.rows.length, 0),
    runs,
  };
}
