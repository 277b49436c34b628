/**
 * Damaged ledgers: a valid ledger whose package is stored uncompressed, so that changed bytes
 * land in the XML itself (sheet data, shared strings, workbook, styles, relationships, content
 * types) rather than only breaking a checksum. Whatever the damage, the command line must end
 * with exit 0 or 2 and exactly one JSON object (checked in `runLedger`), never an exception.
 *
 * The reader reads only the parts it needs and the writer parses more (styles, content types,
 * the workbook's relationships and <sheets>), so a file can read fine and then be refused by
 * `writeScoredCopy`. That refusal must reach the user as a file diagnostic with exit 2, not as
 * an internal error (it once did: 83 of 1,500 random damages, before main.ts caught it).
 */
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { cleanup, fileOf, runLedger } from "./harness";
import { base, xlsxFile } from "./ledgers";

afterAll(() => cleanup());

async function ledgerParts(): Promise<Record<string, Uint8Array>> {
  return unzipSync(readFileSync(await xlsxFile(base())));
}

test("a damaged styles part (the reader never needs it): refused with file-corrupt, exit 2, not an internal error", async () => {
  const parts = await ledgerParts();
  const styles = strFromU8(parts["xl/styles.xml"]).replace("</fonts>", "</fontz>");
  const o = await runLedger(
    fileOf(zipSync({ ...parts, "xl/styles.xml": strToU8(styles) }, { level: 0 })),
    ["--as-of", "2024-07-01"]
  );
  expect(o.code).toBe(2);
  expect(o.json.diagnostics[0]).toMatchObject({ severity: "error", code: "file-corrupt" });
});

test("bytes changed inside the XML parts: exit 0 or 2 with one JSON object, never a crash", async () => {
  const parts = await ledgerParts();
  const names = Object.keys(parts).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...names),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 6,
      }),
      async (name, edits) => {
        const part = parts[name].slice();
        for (const [at, byte] of edits) part[at % part.length] = byte;
        // zipSync computes each entry's CRC from the changed bytes: only the XML is damaged.
        const o = await runLedger(fileOf(zipSync({ ...parts, [name]: part }, { level: 0 })), [
          "--as-of",
          "2024-07-01",
        ]);
        const key = o.code === 0 ? "scored" : o.json.diagnostics[0].code;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    ),
    { numRuns: 150, seed: 7 }
  );
  // The damage reached both outcomes: some files still scored, some were refused.
  expect(seen.size).toBeGreaterThan(1);
});
