/**
 * One ledger file through the whole assessment, as the command line's `assess` does it
 * (src/cli/main.ts `runAssess`): read the package with the workbook package, refuse a
 * structure-protected workbook, score and fingerprint (`scoreLedger`), plan the run record, the
 * summary and the log row after the file's own 考核记录 (`writePlan`), and write the scored copy
 * (`writeScoredCopy`), adding a warning for each workbook name the user had defined already.
 * Same steps, same order, same codec level and the same SHA-256 digest, so the copy a browser
 * makes holds the same ledger parts byte for byte, the same summary, run log and names.
 *
 * No DOM and no Node: the page's worker calls it, once per file (so batch scoring, SPEC §12, is
 * a loop over it), and jest calls it directly. A file the reader or writer refuses comes back as
 * its WorkbookError's diagnostic, the same words the command line prints, and no copy.
 */
import {
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  diag,
  type Assessment,
  type Diagnostic,
  type RateRounding,
  type TierEdge,
} from "../engine";
import { scoreLedger, writePlan } from "../report/pipeline";
import type { RunRecord } from "../report/runLog";
import { verify, type VerifyResult } from "../report/verify";
import { WorkbookError, readLedgerXlsx, writeScoredCopy, type WriteReport } from "../workbook";
import { fflateCodec } from "../workbook/fflateCodec";

/** The pane's options, as the command line's flags take them. */
export interface PageOptions {
  /** 考核日期 as a day number; absent: the Contract table's, else the service end (as the CLI). */
  asOf?: number;
  /** 比率取整: "whole-percent" is `--round-rate`. */
  rateRounding: RateRounding;
  /** 档位边界: `--tier-edge`. */
  tierEdge: TierEdge;
}

/** Where one file's run is: shown as the progress of that file. */
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
function refusal(e: unknown): FileOutcome {
  if (e instanceof WorkbookError) return { kind: "refused", diagnostic: e.diagnostic };
  throw e;
}

/**
 * @summary Score one ledger file and write its scored copy, at time `now` (the run record's
 * time). `progress` hears each stage as it starts.
 */
export function scoreFile(
  bytes: Uint8Array,
  options: PageOptions,
  now: Date,
  progress: (stage: Stage) => void = () => {}
): FileOutcome {
  progress("reading");
  let read;
  try {
    read = readLedgerXlsx(bytes, fflateCodec);
  } catch (e) {
    return refusal(e);
  }
  if (read.structureLocked)
    return { kind: "refused", diagnostic: diag("workbook-structure-protected", {}, {}) };

  progress("scoring");
  // As the command line: an option is passed only when it is not the default.
  const scored = scoreLedger(read.tables, {
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    profile: {
      ...(options.rateRounding === "whole-percent"
        ? { rateRounding: "whole-percent" as const }
        : {}),
      tierEdge: options.tierEdge,
    },
  });
  let { assessment } = scored;
  const { fingerprint } = scored;
  if (assessment.status === "invalid")
    return { kind: "scored", assessment, fingerprint, record: null, copy: null };

  progress("writing");
  const plan = writePlan(assessment, fingerprint, {
    previousLog: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
    now,
  });
  const report: WriteReport = {};
  let copy: Uint8Array;
  try {
    copy = writeScoredCopy(bytes, plan.summary, fflateCodec, plan.log, report);
  } catch (e) {
    return refusal(e);
  }
  const kept = (report.names?.kept ?? []).map((name) => diag("function-name-kept", {}, { name }));
  if (kept.length > 0)
    assessment = { ...assessment, diagnostics: [...assessment.diagnostics, ...kept] };
  return { kind: "scored", assessment, fingerprint, record: plan.record, copy };
}

/** What checking a scored copy gave: the check, or the file's refusal. */
export type CheckOutcome =
  { kind: "checked"; result: VerifyResult } | { kind: "refused"; diagnostic: Diagnostic };

/**
 * @summary 核对: check a scored copy as `om-scorecard verify` does — recompute from its ledger
 * with the logged options and compare with its summary and run log.
 */
export function checkFile(bytes: Uint8Array): CheckOutcome {
  let read;
  try {
    read = readLedgerXlsx(bytes, fflateCodec);
  } catch (e) {
    if (e instanceof WorkbookError) return { kind: "refused", diagnostic: e.diagnostic };
    throw e;
  }
  return {
    kind: "checked",
    result: verify({
      tables: read.tables,
      summary: read.toolSheets[SUMMARY_SHEET_NAME] ?? null,
      log: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
    }),
  };
}

/** `台账.xlsx` → `台账.scored.xlsx`, as the command line names its copy (the extension kept). */
export function scoredName(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.scored${name.slice(dot)}` : `${name}.scored.xlsx`;
}
