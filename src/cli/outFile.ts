/**
 * Where the command line may write (SPEC §9, nothing overwritten in silence): an output file
 * that already exists is refused unless `--force`, and its name must say what it is — a
 * workbook, `.xlsx` (or `.xlsm` for a macro-enabled ledger's copy, which must keep its type to
 * open in Excel). Shared by `assess`, `template` and `sample`.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { diag, type Diagnostic } from "../engine";

/** Whether a file (or anything else) stands at `file`. */
async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false
  );
}

/**
 * @summary Why `out` may not be written: its extension is not one of `extensions`
 * (`out-not-xlsx`), or it exists and `force` is off (`out-exists`); null when it may.
 * @example
 * await outFileProblem("out.csv", { force: false }) // an out-not-xlsx diagnostic
 */
export async function outFileProblem(
  out: string,
  { force, extensions = [".xlsx"] }: { force: boolean; extensions?: readonly string[] }
): Promise<Diagnostic | null> {
  if (!extensions.includes(path.extname(out).toLowerCase()))
    return diag("out-not-xlsx", {}, { path: out, allowed: extensions.join(" / ") });
  if (!force && (await exists(out))) return diag("out-exists", {}, { path: out });
  return null;
}

/** A scored copy's name: `NAME.scored.xlsx` (what `assess` writes by default). */
export function isScoredCopy(file: string): boolean {
  return /\.scored$/i.test(path.basename(file, path.extname(file)));
}

/**
 * @summary The copy `assess` suggests for a scored copy scored again: `NAME.scored.xlsx` →
 * `NAME.rescored.xlsx` (never `NAME.scored.scored.xlsx`).
 */
export function rescoredPath(file: string): string {
  const ext = path.extname(file);
  const base = path.basename(file, ext).replace(/\.scored$/i, "");
  return path.join(path.dirname(file), `${base}.rescored${ext || ".xlsx"}`);
}
