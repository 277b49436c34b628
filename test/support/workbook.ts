/**
 * The workbook package (src/workbook) with the command line's codec, Node's zlib, bound in: what
 * the command line reads and writes. Tests that are not about the codec call these.
 */
import * as pkg from "../../src/workbook";
import { nodeCodec } from "../../src/cli/nodeCodec";
import type { SummarySheet } from "../../src/report/types";

export { WorkbookError, type WriteReport } from "../../src/workbook";

type LogAppend = Parameters<typeof pkg.writeScoredCopy>[3];

/** `readLedgerXlsx` with Node's zlib. */
export const readLedgerXlsx = (bytes: Uint8Array): pkg.WorkbookRead =>
  pkg.readLedgerXlsx(bytes, nodeCodec);

/** `writeScoredCopy` with Node's zlib. */
export const writeScoredCopy = (
  original: Uint8Array,
  summary: SummarySheet,
  log?: LogAppend,
  report?: pkg.WriteReport
): Uint8Array => pkg.writeScoredCopy(original, summary, nodeCodec, log, report);
