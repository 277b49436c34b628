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
import {
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  diag,
  type Assessment,
  type AssessOptions,
  type Diagnostic,
} from "../engine";
import type { Sha256 } from "../report/fingerprint";
import type { RunRecord } from "../report/runLog";
import { scoreWorkbook, scoredName, sheetNamesOf } from "../workbook";
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

/** The sheet names of the workbook file, or null when it cannot be read as one. */
export async function sheetNamesOfFile(file: string): Promise<string[] | null> {
  const bytes = await fs.readFile(file).catch(() => null);
  return bytes && sheetNamesOf(bytes, nodeCodec);
}

/** Whether the file is a scored copy this program wrote: a workbook holding 考核结果 and 考核记录. */
async function isScoredCopyFile(file: string): Promise<boolean> {
  const names = await sheetNamesOfFile(file);
  return names !== null && names.includes(SUMMARY_SHEET_NAME) && names.includes(RUN_LOG_SHEET_NAME);
}

/** Where the ledger's copy goes, and whether writing it there is refused or replaces an earlier copy. */
export interface OutputCheck {
  out: string;
  /** Wrong usage (exit 1), found before the ledger is read. */
  refusal: Diagnostic | null;
  /** The default copy exists and is an earlier scored copy, which the new one replaces (and says so). */
  replaces: boolean;
}

/**
 * @summary Where `flags` put the ledger's copy, and why it may not be written there: a scored
 * copy with no --out (its default copy would be itself), an output not named .xlsx, or an
 * existing file with no --force (SPEC §9). The default copy beside the ledger is the one
 * exception: an earlier scored copy there (考核结果 and 考核记录 in it) is replaced, and the run
 * says so; any other file there is refused like an --out. A batch asks this of every ledger
 * before it scores the first.
 */
export async function checkOutput(ledger: string, flags: OutFlags): Promise<OutputCheck> {
  const out = flags.out ?? defaultOutPath(ledger);
  const none = { out, refusal: null, replaces: false };
  // SPEC §9: a scored copy scored again never makes NAME.scored.scored.xlsx.
  if (flags.out === undefined && isScoredCopy(ledger))
    return {
      ...none,
      refusal: diag("input-is-scored-copy", {}, { path: ledger, suggested: rescoredPath(ledger) }),
    };
  if (path.resolve(out) === path.resolve(ledger)) return none; // out-is-input: said by assessFile
  // A copy keeps a macro-enabled ledger's type (.xlsm), which Excel needs to open it.
  const macro = path.extname(ledger).toLowerCase() === ".xlsm";
  const refusal = await outFileProblem(out, {
    force: flags.force === true,
    extensions: macro ? [".xlsx", ".xlsm"] : [".xlsx"],
  });
  if (refusal?.code === "out-exists" && flags.out === undefined && (await isScoredCopyFile(out)))
    return { ...none, replaces: true };
  return { ...none, refusal };
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
      /** The copy replaced an earlier scored copy of the same name (the default one). */
      replaced: boolean;
    };

/**
 * @summary Score the ledger file and write its scored copy (`flags.out`, else
 * `LEDGER.scored.xlsx` beside it), at time `now`. `checked`: the `checkOutput` of these flags
 * when the caller made it already (a batch checks every ledger first), so it is not made twice.
 */
export async function assessFile(
  ledger: string,
  flags: OutFlags,
  options: AssessOptions,
  now: Date,
  checked?: OutputCheck
): Promise<FileRun> {
  const { out, refusal: refused, replaces } = checked ?? (await checkOutput(ledger, flags));
  if (refused?.code === "input-is-scored-copy") return { kind: "usage", diagnostic: refused };
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
  if (copy === null)
    return { kind: "assessed", assessment, fingerprint, record, output: null, replaced: false };
  try {
    await writeAtomically(out, copy);
  } catch (e) {
    return {
      kind: "failed",
      diagnostic: diag("out-unwritable", {}, { path: out, reason: reasonOf(e) }),
    };
  }
  return { kind: "assessed", assessment, fingerprint, record, output: out, replaced: replaces };
}
