/**
 * One ledger file through the whole assessment in the page's worker: the workbook package's
 * `scoreWorkbook`, the very steps the command line's `assess` takes, with fflate for the ZIP and
 * the pure-JavaScript SHA-256, so the copy a browser makes holds the same ledger parts byte for
 * byte, the same summary, run log and names. No DOM and no Node: the worker calls it once per
 * file (so scoring many files, SPEC §12, is a loop over it), and jest calls it directly.
 */
import type { RateRounding, TierEdge } from "../engine";
import type { Overview } from "../report/overview";
import {
  checkWorkbook,
  scoreWorkbook,
  writeOverviewWorkbook,
  type CheckOutcome,
  type FileOutcome,
  type Stage,
} from "../workbook";
import { fflateCodec } from "../workbook/fflateCodec";

export { scoredName, type CheckOutcome, type FileOutcome, type Stage } from "../workbook";

/** The pane's options, as the command line's flags take them. */
export interface PageOptions {
  /** 考核日期 as a day number; absent: the Contract table's, else the service end (as the CLI). */
  asOf?: number;
  /** 比率取整: "whole-percent" is `--round-rate`. */
  rateRounding: RateRounding;
  /** 档位边界: `--tier-edge`. */
  tierEdge: TierEdge;
}

/**
 * @summary Score one ledger file and make its scored copy, at time `now` (the run record's
 * time). `progress` hears each stage as it starts.
 */
export function scoreFile(
  bytes: Uint8Array,
  options: PageOptions,
  now: Date,
  progress?: (stage: Stage) => void
): FileOutcome {
  // As the command line: an option is passed only when it is not the default.
  return scoreWorkbook(
    bytes,
    {
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      profile: {
        ...(options.rateRounding === "whole-percent"
          ? { rateRounding: "whole-percent" as const }
          : {}),
        tierEdge: options.tierEdge,
      },
    },
    { codec: fflateCodec, now },
    progress
  );
}

/** @summary 核对: check a scored copy as `om-scorecard verify` does. */
export function checkFile(bytes: Uint8Array): CheckOutcome {
  return checkWorkbook(bytes, { codec: fflateCodec });
}

/**
 * @summary The overview workbook of the files scored (SPEC §12): the command line's
 * `--overview` writer, with fflate for the ZIP.
 */
export function overviewFile(overview: Overview): Uint8Array {
  return writeOverviewWorkbook(overview, fflateCodec);
}
