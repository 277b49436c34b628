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

const FINGERPRINT_VERSION = "om-ledger-v1";

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
  const cells = last === row.length - 1 ? row : row.slice(0, last + 1);
  if (isPlainRow(cells)) return JSON.stringify(cells);
  let s = "[";
  for (let i = 0; i <= last; i++) s += (i ? "," : "") + canonicalCell(row[i] ?? null);
  return s + "]";
}

/**
 * The canonical text in pieces, in order: each piece is one or more whole lines, each line ending
 * in "\n". `batch` allows runs of rows to come as one piece (see `plainRows`); without it every
 * row is its own piece. Either way the concatenation is the same text.
 */
function forEachCanonicalPiece(
  tables: readonly RawTable[],
  piece: (text: string) => void,
  batch: boolean
): void {
  const { located } = locateTables(tables);
  piece(`${FINGERPRINT_VERSION}\n`);
  for (const def of TABLES) {
    const loc = located[def.key];
    if (!loc) continue;
    piece(`table ${def.key}\n`);
    if (loc.table.date1904) piece("date1904\n");
    piece(`headers ${canonicalRow(loc.table.headers) ?? "[]"}\n`);
    const rows = loc.table.rows;
    for (let i = 0; i < rows.length;) {
      const run = batch ? plainRows(rows, i) : null;
      if (run !== null) {
        piece(run.text);
        i = run.end;
        continue;
      }
      const r = canonicalRow(rows[i++]);
      if (r !== null) piece(`row ${r}\n`);
    }
  }
}

/** At most this many rows go into one batch (about 40 KB of text on a typical ledger). */
const BATCH_ROWS = 1024;

/** A row whose canonical form is JSON's own array text: its last cell is not empty, and no cell is "" or an error. */
function isPlainRow(row: readonly RawCell[]): boolean {
  const n = row.length;
  if (n === 0) return false;
  const last = row[n - 1];
  if (last === null || last === undefined || last === "") return false;
  for (let i = 0; i < n; i++) {
    const c = row[i];
    if (c === "" || (c !== null && typeof c === "object")) return false;
  }
  return true;
}

/**
 * The canonical lines of the plain rows from `start` on (at least two, at most `BATCH_ROWS`),
 * made with one JSON.stringify, or null. The JSON of k plain rows is `[` + the k rows' own JSON
 * joined by `,` + `]`, and every row's JSON starts with `[` and ends with `]`: the k - 1 joins
 * are the text `],[`. Only a string cell can hold that text too, so when it occurs exactly
 * k - 1 times the joins are known, and turning each into `]\nrow [` gives the lines. Otherwise
 * (some cell's text contains `],[`) the caller takes the rows one by one. Each turn makes the
 * text 4 characters longer, so the length counts them. Same text either way; about twice as fast
 * as a JSON.stringify per row on a 130k-row ledger.
 */
function plainRows(
  rows: readonly RawCell[][],
  start: number
): { text: string; end: number } | null {
  let end = start;
  while (end < rows.length && end - start < BATCH_ROWS && isPlainRow(rows[end])) end++;
  const k = end - start;
  if (k < 2) return null;
  const json = JSON.stringify(start === 0 && end === rows.length ? rows : rows.slice(start, end));
  const lines = json.slice(1, -1).replaceAll("],[", "]\nrow [");
  if (lines.length - (json.length - 2) !== 4 * (k - 1)) return null;
  return { text: `row ${lines}\n`, end };
}

/**
 * @summary The canonical text the fingerprint hashes: a version line, then for each logical
 * table found, in SPEC §2 order, `table <key>`, `date1904` when the workbook uses that date
 * system, `headers [...]`, and one `row [...]` per non-empty data row, each line ending in "\n".
 * Built a row at a time: this is the reference form, which the tests hold the fast path to.
 */
export function canonicalLedger(tables: readonly RawTable[]): string {
  const pieces: string[] = [];
  forEachCanonicalPiece(tables, (p) => pieces.push(p), false);
  return pieces.join("");
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
  forEachCanonicalPiece(
    tables,
    (p) => {
      if (p.length >= 16_384) {
        // A batch of rows goes to the hash as it is, not copied into the chunk first.
        if (chunk) hasher.update(chunk);
        hasher.update(p);
        chunk = "";
        return;
      }
      chunk += p;
      if (chunk.length >= 65_536) {
        hasher.update(chunk);
        chunk = "";
      }
    },
    true
  );
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
function pureSha256(): Sha256 {
  const h = sha256.create();
  return { update: (text) => void h.update(utf8ToBytes(text)), hex: () => bytesToHex(h.digest()) };
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
