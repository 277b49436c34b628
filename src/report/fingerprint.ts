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
  if (typeof c === "number") return Object.is(c, -0) ? "0" : JSON.stringify(c);
  if (typeof c === "object") return JSON.stringify({ error: c.error });
  return JSON.stringify(c);
}

/** A row in canonical form: its cells, trailing empty cells dropped; null for an empty row. */
function canonicalRow(row: readonly RawCell[]): string | null {
  const cells = row.map(canonicalCell);
  while (cells.length && cells[cells.length - 1] === "null") cells.pop();
  return cells.length ? `[${cells.join(",")}]` : null;
}

/**
 * @summary The canonical text the fingerprint hashes: a version line, then for each logical
 * table found, in SPEC §2 order, `table <key>`, `date1904` when the workbook uses that date
 * system, `headers [...]`, and one `row [...]` per non-empty data row, each line ending in "\n".
 */
export function canonicalLedger(tables: readonly RawTable[]): string {
  const { located } = locateTables(tables);
  const lines = [FINGERPRINT_VERSION];
  for (const def of TABLES) {
    const loc = located[def.key];
    if (!loc) continue;
    lines.push(`table ${def.key}`);
    if (loc.table.date1904) lines.push("date1904");
    lines.push(`headers ${canonicalRow(loc.table.headers) ?? "[]"}`);
    for (const row of loc.table.rows) {
      const r = canonicalRow(row);
      if (r !== null) lines.push(`row ${r}`);
    }
  }
  return lines.join("\n") + "\n";
}

/**
 * @summary The ledger fingerprint: lower-case hex SHA-256 of `canonicalLedger(tables)` in UTF-8.
 * @example
 * ledgerFingerprint(tables) //=> "3f0c…" (64 hex digits)
 */
export function ledgerFingerprint(tables: readonly RawTable[]): string {
  return sha256Hex(canonicalLedger(tables));
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
