import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { TABLES, locateTables, type RawCell, type RawTable } from "../engine";

/**
 * The ledger fingerprint (SPEC §6): SHA-256 over a canonical text of the ledger data as read —
 * the values of the tables the engine located, not the file's bytes — so the Excel add-in and
 * the command line give the same fingerprint for the same data, and a saved-again file, a
 * reordered sheet or a changed style does not change it. The canonical form is documented in
 * docs/payment-document.md; `FINGERPRINT_VERSION` names it and changes if it ever does.
 */

export const FINGERPRINT_VERSION = "om-ledger-v1";

/**
 * @summary One cell in canonical form: JSON of the value, with "" as null, numbers in
 * JavaScript's shortest round-trip form (-0 as 0) and errors as {"error":"#N/A"}.
 * @example
 * canonicalCell(45474) //=> "45474"
 * canonicalCell("张三") //=> "\"张三\""
 * canonicalCell({ error: "#N/A" }) //=> "{\"error\":\"#N/A\"}"
 */
export function canonicalCell(c: RawCell): string {
  if (c === null || c === "") return "null";
  if (typeof c === "number")
    return Object.is(c, -0) ? "0" : Number.isFinite(c) ? String(c) : "null";
  if (typeof c === "object") return JSON.stringify({ error: c.error });
  if (typeof c === "boolean") return c ? "true" : "false";
  return quoted(c);
}

/**
 * JSON text of a string, remembered: a ledger repeats a few hundred names, slots and statuses
 * over a hundred thousand rows (at most `QUOTED_LIMIT` distinct texts are kept).
 */
const QUOTED_LIMIT = 4096;
const quotedCache = new Map<string, string>();
function quoted(text: string): string {
  const hit = quotedCache.get(text);
  if (hit !== undefined) return hit;
  const q = JSON.stringify(text);
  if (quotedCache.size < QUOTED_LIMIT) quotedCache.set(text, q);
  return q;
}

/** A row in canonical form: its cells, trailing empty cells dropped; null for an empty row. */
function canonicalRow(row: readonly RawCell[]): string | null {
  let last = row.length - 1;
  while (last >= 0 && (row[last] === null || row[last] === "" || row[last] === undefined)) last--;
  if (last < 0) return null;
  // Fast path: with no empty text and no error cell, JSON's own array text is the canonical form
  // (null, numbers in shortest form with -0 as 0, strings quoted the same way).
  let plain = true;
  for (let i = 0; i <= last && plain; i++) {
    const c = row[i];
    plain = c !== "" && (c === null || typeof c !== "object");
  }
  if (plain) return JSON.stringify(last === row.length - 1 ? row : row.slice(0, last + 1));
  let s = "[";
  for (let i = 0; i <= last; i++) s += (i ? "," : "") + canonicalCell(row[i] ?? null);
  return s + "]";
}

/** Each line of the canonical text, without its "\n", in order. */
function forEachCanonicalLine(tables: readonly RawTable[], line: (text: string) => void): void {
  const { located } = locateTables(tables);
  line(FINGERPRINT_VERSION);
  for (const def of TABLES) {
    const loc = located[def.key];
    if (!loc) continue;
    line(`table ${def.key}`);
    if (loc.table.date1904) line("date1904");
    line(`headers ${canonicalRow(loc.table.headers) ?? "[]"}`);
    for (const row of loc.table.rows) {
      const r = canonicalRow(row);
      if (r !== null) line(`row ${r}`);
    }
  }
}

/**
 * @summary The canonical text the fingerprint hashes: a version line, then for each logical
 * table found, in SPEC §2 order, `table <key>`, `date1904` when the workbook uses that date
 * system, `headers [...]`, and one `row [...]` per non-empty data row, each line ending in "\n".
 */
export function canonicalLedger(tables: readonly RawTable[]): string {
  const lines: string[] = [];
  forEachCanonicalLine(tables, (l) => lines.push(l));
  return lines.join("\n") + "\n";
}

/**
 * @summary The ledger fingerprint: lower-case hex SHA-256 of `canonicalLedger(tables)` in UTF-8,
 * hashed as it is produced (about 64 KB at a time), so the whole text is never held at once.
 * @example
 * ledgerFingerprint(tables) //=> "3f0c…" (64 hex digits)
 */
export function ledgerFingerprint(
  tables: readonly RawTable[],
  hasher: Sha256 = pureSha256()
): string {
  let chunk = "";
  forEachCanonicalLine(tables, (l) => {
    chunk += l + "\n";
    if (chunk.length >= 65_536) {
      hasher.update(chunk);
      chunk = "";
    }
  });
  hasher.update(chunk);
  return hasher.hex();
}

/**
 * An incremental SHA-256 over text (UTF-8). The add-in uses the pure-JavaScript one; the command
 * line passes Node's, several times faster on a large ledger. Same bytes in, same digest out.
 */
export interface Sha256 {
  update(text: string): void;
  /** The digest as lower-case hex. */
  hex(): string;
}

/** SHA-256 in JavaScript (@noble/hashes), for the browser. */
export function pureSha256(): Sha256 {
  const h = sha256.create();
  return { update: (text) => void h.update(utf8ToBytes(text)), hex: () => bytesToHex(h.digest()) };
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
