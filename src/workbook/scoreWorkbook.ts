/**
 * One ledger file through the whole assessment, the same for every host that holds the file's
 * bytes — the command line's `assess` (one ledger or a batch of them, SPEC §12) and the web page's
 * worker (SPEC §11): read the package, refuse a structure-protected workbook, score and
 * fingerprint (`scoreLedger`), plan the run record, the summary and the log row after the file's
 * own 考核记录 (`writePlan`), and write the scored copy (`writeScoredCopy`), adding a warning for
 * each workbook name the user had defined already. The host passes its codec and SHA-256 and
 * does with the copy's bytes what it does with files (a file beside the ledger, a download).
 *
 * Same steps in the same order everywhere, so a browser's copy holds the same ledger parts byte
 * for byte as the command line's, the same summary, run log and names. A file the reader or the
 * writer refuses comes back as its WorkbookError's diagnostic and no copy.
 */
import {
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  diag,
  type Assessment,
  type AssessOptions,
  type Diagnostic,
} from "../engine";
import type { Sha256 } from "../report/fingerprint";
import { scoreLedger, writePlan, type WritePlan } from "../report/pipeline";
import type { RunRecord } from "../report/runLog";
import { verify, type VerifyResult } from "../report/verify";
import type { ZipCodec } from "./codec";
import { WorkbookError } from "./errors";
import { readLedgerXlsx } from "./read";
import { writeScoredCopy, type WriteReport } from "./write";

/** What the host brings: its ZIP codec, its SHA-256 (absent: the pure-JavaScript one), its clock. */
export interface WorkbookHost {
  codec: ZipCodec;
  hasher?: () => Sha256;
  /** The run record's time. */
  now: Date;
}

/** Where one file's run is, heard as each stage starts. */
export type Stage = "reading" | "scoring" | "writing";

/** What one file's assessment gave. */
export type FileOutcome =
  | {
      kind: "scored";
      assessment: Assessment;
      fingerprint: string;
      /** The 考核记录 row written; null when the ledger is invalid (nothing written). */
      record: RunRecord | null;
      /** The scored copy's bytes; null when the ledger is invalid. */
      copy: Uint8Array | null;
    }
  /** The file is not a readable ledger workbook, or cannot be copied: nothing is written. */
  | { kind: "refused"; diagnostic: Diagnostic };

/** A refusal for a WorkbookError; anything else is a bug and is thrown on. */
function refusal(e: unknown): FileOutcome & { kind: "refused" } {
  if (e instanceof WorkbookError) return { kind: "refused", diagnostic: e.diagnostic };
  throw e;
}

/**
 * Read and score: its own step so that the tables read, the largest thing a ledger makes, are
 * no longer held when the copy is written (a batch's peak memory is one ledger's).
 */
function readAndPlan(
  bytes: Uint8Array,
  options: AssessOptions,
  host: WorkbookHost,
  progress: (stage: Stage) => void
):
  | (FileOutcome & { kind: "refused" })
  | { kind: "planned"; assessment: Assessment; fingerprint: string; plan: WritePlan | null } {
  progress("reading");
  let read;
  try {
    read = readLedgerXlsx(bytes, host.codec);
  } catch (e) {
    return refusal(e);
  }
  if (read.structureLocked)
    return { kind: "refused", diagnostic: diag("workbook-structure-protected", {}, {}) };
  progress("scoring");
  const { assessment, fingerprint } = scoreLedger(read.tables, options, host.hasher);
  if (assessment.status === "invalid")
    return { kind: "planned", assessment, fingerprint, plan: null };
  const plan = writePlan(assessment, fingerprint, {
    previousLog: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
    now: host.now,
  });
  return { kind: "planned", assessment, fingerprint, plan };
}

/**
 * @summary Score one ledger file's bytes and make its scored copy's bytes (null when the ledger
 * is invalid). `progress` hears each stage as it starts.
 */
export function scoreWorkbook(
  bytes: Uint8Array,
  options: AssessOptions,
  host: WorkbookHost,
  progress: (stage: Stage) => void = () => {}
): FileOutcome {
  const planned = readAndPlan(bytes, options, host, progress);
  if (planned.kind === "refused") return planned;
  let { assessment } = planned;
  const { fingerprint, plan } = planned;
  if (plan === null) return { kind: "scored", assessment, fingerprint, record: null, copy: null };
  progress("writing");
  const report: WriteReport = {};
  let copy: Uint8Array;
  try {
    copy = writeScoredCopy(bytes, plan.summary, host.codec, plan.log, report);
  } catch (e) {
    return refusal(e);
  }
  // A name the user already defined is kept (SPEC §7): a warning each, shown with the rest.
  const kept = (report.names?.kept ?? []).map((name) => diag("function-name-kept", {}, { name }));
  if (kept.length > 0)
    assessment = { ...assessment, diagnostics: [...assessment.diagnostics, ...kept] };
  return { kind: "scored", assessment, fingerprint, record: plan.record, copy };
}

/** What checking a scored copy gave: the check, or the file's refusal. */
export type CheckOutcome =
  { kind: "checked"; result: VerifyResult } | { kind: "refused"; diagnostic: Diagnostic };

/**
 * @summary Check a scored copy (`om-scorecard verify`, the page's 核对): recompute from its
 * ledger with the logged options and compare with its summary and run log.
 */
export function checkWorkbook(bytes: Uint8Array, host: Omit<WorkbookHost, "now">): CheckOutcome {
  let read;
  try {
    read = readLedgerXlsx(bytes, host.codec);
  } catch (e) {
    return refusal(e);
  }
  return {
    kind: "checked",
    result: verify({
      ...(host.hasher ? { hasher: host.hasher } : {}),
      tables: read.tables,
      summary: read.toolSheets[SUMMARY_SHEET_NAME] ?? null,
      log: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
    }),
  };
}

/**
 * @summary A scored copy's file name: `台账.xlsx` → `台账.scored.xlsx` (the extension kept, so a
 * macro-enabled ledger's copy stays .xlsm; none: .xlsx). What `assess` writes beside a ledger and
 * what the page offers to download.
 */
export function scoredName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.scored${name.slice(dot)}` : `${name}.scored.xlsx`;
}
