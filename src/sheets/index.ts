/**
 * From cells to ledger tables, for every host: what a host read of a worksheet (values, merged
 * areas, Excel tables' extents, percent marks) becomes the engine's `RawTable`s here, the same way
 * for the command line's .xlsx reader (src/workbook) and the Excel adapter (src/excel), and for
 * the web page to come. Pure: it imports only the engine.
 */
export type { CellArea, CellGrid, SheetRead, TableExtent } from "./types";
export { tablesOfSheet } from "./tables";
export { fillMerged } from "./merged";
export { HEADER_ROWS, lastRowWithData, plainSheetHeader } from "./plainSheet";
export { isPercentFormat, percentCellsOf, scoreColumns } from "./percent";
export { isToolSheet, toolSheetOf } from "./toolSheets";
