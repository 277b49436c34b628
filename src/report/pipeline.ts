import {
  RUN_LOG_SHEET_NAME,
  assess,
  type Assessment,
  type AssessOptions,
  type RawCell,
  type RawTable,
  type ScoredAssessment,
} from "../engine";
import { ledgerFingerprint, type Sha256 } from "./fingerprint";
import {
  RUN_LOG_WIDTHS,
  logHeaderCells,
  logRowCells,
  newRecord,
  readLog,
  type RunRecord,
} from "./runLog";
import { buildSummary } from "./summary";
import { PAGE_OF_PAGES, landscapeOnePageWide } from "./cells";
import type { PageSetup, SummaryCell, SummarySheet } from "./types";

/**
 * Score and write, once for every host (SPEC §6): the command line on an .xlsx file, the Excel
 * add-in on the open workbook, and the web page (SPEC §11) on a file in the browser. A host
 * reads the ledger tables and the 考核记录 sheet in its own way, calls the two steps below, and
 * writes what the second returns in its own way; nothing here knows where the cells came from
 * or where they go.
 *
 *   tables ──scoreLedger──▶ assessment + fingerprint
 *            (invalid: stop; nothing is written)
 *   + the 考核记录 cells, the clock ──writePlan──▶ run record, summary sheet, log row
 *            (the host writes the summary, then the log row)
 *
 * Two steps, not one, because the hosts read the run log at different moments: the add-in
 * reads it (and checks the workbook's protection) only once the ledger has scored, to spare
 * the round trips; the command line has it from the one read of the file.
 */

/** What `scoreLedger` gives: the assessment and the fingerprint of the data it scored. */
export interface ScoredLedger {
  assessment: Assessment;
  /** The ledger fingerprint (SPEC §6): SHA-256 of the canonical ledger data, lower-case hex. */
  fingerprint: string;
}

/**
 * @summary Score the ledger tables and fingerprint them. `hasher` makes the SHA-256 (a host may
 * pass a faster one than the pure-JavaScript default; the digest is the same).
 * @example
 * scoreLedger(tables, { asOf }).assessment.status //=> "final"
 */
export function scoreLedger(
  tables: readonly RawTable[],
  options: AssessOptions = {},
  hasher?: () => Sha256
): ScoredLedger {
  const assessment = assess(tables, options);
  const fingerprint = ledgerFingerprint(tables, hasher?.());
  return { assessment, fingerprint };
}

/** The row appended to the run log sheet, as both writers take it. */
interface LogRowWrite {
  /** The sheet's name, `考核记录`. */
  name: string;
  /** The header row, written when the sheet is created. */
  header: SummaryCell[];
  row: SummaryCell[];
  /** Column widths in characters, set when the sheet is created. */
  columnWidths: number[];
  /** How the log prints, set when the sheet is created: one landscape page wide (SPEC §9). */
  pageSetup: PageSetup;
  /** Height in points of its rows: three wrapped lines (the fingerprint, the check, the names). */
  rowHeight: number;
}

/** The run log's print settings: A4 landscape, every column on one page's width. */
const RUN_LOG_PAGE: PageSetup = landscapeOnePageWide({
  titleRow: 1,
  lastRow: 1,
  lastColumn: RUN_LOG_WIDTHS.length,
  header: { left: "", center: "考核记录 Run log", right: "" },
  footer: { left: PAGE_OF_PAGES, center: "", right: "" },
});

/** What a scored run writes, in the order it is written: the summary sheet, then the log row. */
export interface WritePlan {
  /** The 考核记录 row of this run (numbered and chained after the log's last row). */
  record: RunRecord;
  /**
   * The `考核结果` sheet, its dates as 1900-system serials: the writer puts it in the
   * workbook's date system (`inDateSystem`).
   */
  summary: SummarySheet;
  log: LogRowWrite;
}

/**
 * @summary What to write for a scored ledger: its run record after the last row of the run log
 * as read (`previousLog`: the 考核记录 sheet's cells, `[0]` its row 1; null when there is no
 * such sheet), timed `now`; the summary sheet naming that record; and the log row.
 */
export function writePlan(
  assessment: ScoredAssessment,
  fingerprint: string,
  { previousLog, now }: { previousLog: readonly (readonly RawCell[])[] | null; now: Date }
): WritePlan {
  const previous = previousLog ? readLog(previousLog).records : [];
  const record = newRecord(assessment, fingerprint, now, previous[previous.length - 1] ?? null);
  return {
    record,
    summary: buildSummary(assessment, { fingerprint, record }),
    log: {
      name: RUN_LOG_SHEET_NAME,
      header: logHeaderCells(),
      row: logRowCells(record),
      columnWidths: RUN_LOG_WIDTHS,
      pageSetup: RUN_LOG_PAGE,
      rowHeight: 48,
    },
  };
}
