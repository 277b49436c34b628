/**
 * The command line's workbook reader and writer, working on the .xlsx package directly:
 * - `readLedgerXlsx` scans the sheet XML into engine `RawTable`s (no workbook object model);
 * - `writeScoredCopy` adds or replaces the summary worksheet, leaving every other part as it was.
 * Both are synchronous.
 */
export { WorkbookError, type WorkbookErrorCode } from "./errors";
export { readLedgerXlsx, type WorkbookRead } from "./read";
export { writeScoredCopy, type WriteReport } from "./write";
export type { NamesReport } from "./definedNames";
