/**
 * The workbook package: ledger workbooks read and scored copies written on the .xlsx package
 * directly (ZIP plus XML), with no Node and no browser import, so the command line and a web page
 * run the same code:
 * - `readLedgerXlsx` scans the sheet XML into engine `RawTable`s (no workbook object model);
 * - `writeScoredCopy` adds or replaces the summary worksheet, leaving every other part as it was;
 * - `writeOverviewWorkbook` makes the overview workbook of many ledgers (SPEC §12).
 * Both are synchronous and take the host's `ZipCodec` (inflate, deflate, CRC-32): Node's zlib in
 * the command line (`src/cli/nodeCodec.ts`), `fflateCodec` (import `./fflateCodec`, not exported
 * here so that the command line never loads fflate) in a page or worker.
 */
export type { ZipCodec } from "./codec";
export { WorkbookError } from "./errors";
export { sheetNamesOf } from "./package";
export { readLedgerXlsx, type WorkbookRead } from "./read";
export { writeScoredCopy, type WriteReport } from "./write";
export { writeOverviewWorkbook } from "./overviewWorkbook";
export {
  checkWorkbook,
  scoreWorkbook,
  scoredName,
  type CheckOutcome,
  type FileOutcome,
  type Stage,
} from "./scoreWorkbook";
