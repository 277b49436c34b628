/**
 * 全部下载（.zip）(SPEC §12): every scored copy stored as it is under its own name, names made
 * unique as Windows would need them, UTF-8 names flagged so that Explorer and WPS show 台账, not
 * mojibake.
 */
import { unzipSync } from "fflate";
import { uniqueNames, zipCopies } from "../../src/web/zipAll";

test("a name met before gets (2), (3) … before .scored., letter case ignored", () => {
  expect(
    uniqueNames([
      "台账.scored.xlsx",
      "台账.scored.xlsx",
      "A.scored.xlsx",
      "a.scored.xlsx",
      "台账.scored.xlsx",
      "noext",
      "noext",
    ])
  ).toEqual([
    "台账.scored.xlsx",
    "台账 (2).scored.xlsx",
    "A.scored.xlsx",
    "a (2).scored.xlsx",
    "台账 (3).scored.xlsx",
    "noext",
    "noext (2)",
  ]);
});

test("each copy stored byte for byte, its UTF-8 name flagged (bit 11), dated now", () => {
  const a = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
  const b = new Uint8Array(5000).map((_, i) => i % 7);
  const now = new Date(2025, 6, 1, 10, 20, 30);
  const zip = zipCopies(
    [
      { name: "台账.scored.xlsx", bytes: a },
      { name: "台账.scored.xlsx", bytes: b },
      { name: "plain.scored.xlsx", bytes: b },
    ],
    now
  );
  const files = unzipSync(zip);
  expect(Object.keys(files)).toEqual([
    "台账.scored.xlsx",
    "台账 (2).scored.xlsx",
    "plain.scored.xlsx",
  ]);
  expect(Buffer.compare(files["台账.scored.xlsx"], a)).toBe(0);
  expect(Buffer.compare(files["台账 (2).scored.xlsx"], b)).toBe(0);
  // The central directory's entries: flags, method, DOS date and time.
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: { flags: number; method: number; time: number; date: number }[] = [];
  for (let i = 0; i + 4 <= zip.length; i++)
    if (view.getUint32(i, true) === 0x02014b50)
      entries.push({
        flags: view.getUint16(i + 8, true),
        method: view.getUint16(i + 10, true),
        time: view.getUint16(i + 12, true),
        date: view.getUint16(i + 14, true),
      });
  expect(entries.map((e) => [e.flags & 0x800, e.method])).toEqual([
    [0x800, 0],
    [0x800, 0],
    [0, 0],
  ]);
  const dos = ((2025 - 1980) << 9) | (7 << 5) | 1;
  expect(entries.every((e) => e.date === dos && e.time === ((10 << 11) | (20 << 5) | 15))).toBe(
    true
  );
});
