/**
 * One ledger file scored and its copy written, as `assess FILE` does it and as a batch does it
 * for each of its ledgers (SPEC §12: "each ledger is scored and its own scored copy written as
 * today"): the same refusals (SPEC §9: no scored copy of a scored copy, nothing overwritten
 * without --force, .xlsx only), the same steps through the workbook package
 * (`scoreWorkbook`, shared with the web page) and the same write through a temporary file.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { diag, type Assessment, type AssessOptions, type Diagnostic } from "../engine";
import type { Sha256 } from "../report/fingerprint";
import type { RunRecord } from "../report/runLog";
import { scoreWorkbook, scoredName } from "../workbook";
import { nodeCodec } from "./nodeCodec";
import { isScoredCopy, outFileProblem, rescoredPath } from "./outFile";

/** Node's SHA-256 for the ledger fingerprint (the same digest as the add-in's, faster). */
export function nodeSha256(): Sha256 {
  const h = createHash("sha256");
  return { update: (text) => void h.update(text, "utf8"), hex: () => h.digest("hex") };
}

/** `LEDGER.xlsx` → `LEDGER.scored.xlsx` (same folder, same extension). */
function defaultOutPath(input: string): string {
  return path.join(path.dirname(input), scoredName(path.basename(input)));
}

/** Why a path cannot be read or written, as the diagnostics word it: a missing file or a folder. */
function reasonOf(e: unknown): "ENOENT" | "EISDIR" | null {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EISDIR" ? code : null;
}

/** @summary The file's bytes, or the `file-unreadable` diagnostic that says why not. */
export async function readFileOrWhy(file: string): Promise<Uint8Array | Diagnostic> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    return diag("file-unreadable", {}, { path: file, reason: reasonOf(e) });
  }
}

/** Write bytes to a file through a temporary file in the same folder, so a failure leaves no half file. */
export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Why the output file cannot be written: its folder is missing, or it is a folder. */
async function outPathProblem(out: string): Promise<"ENOENT" | "EISDIR" | null> {
  const isDir = async (p: string): Promise<boolean | null> =>
    fs.stat(p).then(
      (s) => s.isDirectory(),
      () => null
    );
  if ((await isDir(out)) === true) return "EISDIR";
  return (await isDir(path.dirname(path.resolve(out)))) === true ? null : "ENOENT";
}

/** Where the copy goes: `--out`, else beside the ledger. */
export interface OutFlags {
  out?: string;
  force?: boolean;
}

/**
 * @summary Why the ledger's copy may not be written where `flags` put it — a scored copy with no
 * --out (its default copy would be itself), an output not named .xlsx, or one that exists with
 * no --force — or null. Wrong usage (exit 1), found before the ledger is read; a batch asks it of
 * every ledger before it scores the first.
 */
export async function outputRefusal(ledger: string, flags: OutFlags): Promise<Diagnostic | null> {
  // SPEC §9: a scored copy scored again never makes NAME.scored.scored.xlsx.
  if (flags.out === undefined && isScoredCopy(ledger))
    return diag("input-is-scored-copy", {}, { path: ledger, suggested: rescoredPath(ledger) });
  const out = flags.out ?? defaultOutPath(ledger);
  if (path.resolve(out) === path.resolve(ledger)) return null; // out-is-input: said by assessFile
  // A copy keeps a macro-enabled ledger's type (.xlsm), which Excel needs to open it.
  const macro = path.extname(ledger).toLowerCase() === ".xlsm";
  return outFileProblem(out, {
    force: flags.force === true,
    extensions: macro ? [".xlsx", ".xlsm"] : [".xlsx"],
  });
}

/** What one ledger file's run gave. */
export type FileRun =
  /** Wrong usage (exit 1): nothing read, nothing written. */
  | { kind: "usage"; diagnostic: Diagnostic }
  /** The file could not be read, scored as a workbook or written (exit 2): nothing written. */
  | { kind: "failed"; diagnostic: Diagnostic }
  | {
      kind: "assessed";
      assessment: Assessment;
      fingerprint: string;
      record: RunRecord | null;
      /** The copy written; null when the ledger is invalid. */
      output: string | null;
    };

/**
 * @summary Score the ledger file and write its scored copy (`flags.out`, else
 * `LEDGER.scored.xlsx` beside it), at time `now`.
 */
export async function assessFile(
  ledger: string,
  flags: OutFlags,
  options: AssessOptions,
  now: Date
): Promise<FileRun> {
  const refused = await outputRefusal(ledger, flags);
  if (refused?.code === "input-is-scored-copy") return { kind: "usage", diagnostic: refused };
  const out = flags.out ?? defaultOutPath(ledger);
  if (path.resolve(out) === path.resolve(ledger))
    return { kind: "failed", diagnostic: diag("out-is-input", {}, {}) };
  const bytes = await readFileOrWhy(ledger);
  if (!(bytes instanceof Uint8Array)) return { kind: "failed", diagnostic: bytes };
  // A bad --out (a missing folder, or a folder) is wrong usage, as are the refusals above.
  const outProblem = await outPathProblem(out);
  if (outProblem)
    return {
      kind: "usage",
      diagnostic: diag("out-unwritable", {}, { path: out, reason: outProblem }),
    };
  if (refused) return { kind: "usage", diagnostic: refused };

  const outcome = scoreWorkbook(bytes, options, { codec: nodeCodec, hasher: nodeSha256, now });
  if (outcome.kind === "refused") return { kind: "failed", diagnostic: outcome.diagnostic };
  const { assessment, fingerprint, record, copy } = outcome;
  if (copy === null) return { kind: "assessed", assessment, fingerprint, record, output: null };
  try {
    await writeAtomically(out, copy);
  } catch (e) {
    return {
      kind: "failed",
      diagnostic: diag("out-unwritable", {}, { path: out, reason: reasonOf(e) }),
    };
  }
  return { kind: "assessed", assessment, fingerprint, record, output: out };
}
