/**
 * Cells and tables as a reader found them, before any interpretation: what every host hands the
 * engine. Nothing here knows about Excel, files or the DOM; a reader (the Excel adapter, the
 * command line) turns whatever it reads into `RawTable`s, and the engine turns those into an
 * `Assessment`.
 */

/** An Excel error value read from a cell (`#N/A`, `#REF!`, ...). */
export interface CellError {
  error: string;
}

/**
 * One cell as a reader found it, before any interpretation.
 * - dates arrive as Excel serial numbers in the 1900 date system (readers convert 1904 workbooks
 *   and library `Date` objects), so a number in a date column is a serial;
 * - times of day arrive as fractions of a day;
 * - `null` is an empty cell.
 */
export type RawCell = string | number | boolean | null | CellError;

/** A table exactly as read: its header row and data rows, with where they stand in the sheet. */
export interface RawTable {
  /** The Excel table's name (ListObject), or the worksheet's name for a plain sheet. */
  name: string;
  /** The worksheet holding it. */
  sheet: string;
  /** `table` for an Excel table (ListObject), `sheet` for a plain worksheet. */
  kind: "table" | "sheet";
  /** Worksheet row number (1-based, as Excel shows it) of the header row. */
  headerRow: number;
  /** Worksheet column number (1-based) of the first column. */
  firstColumn: number;
  headers: RawCell[];
  /**
   * True when the workbook uses the 1904 date system: numbers in date columns are then 1904
   * serials, and the engine converts them. Default false.
   */
  date1904?: boolean;
  /** Data rows in sheet order; row i stands at worksheet row `headerRow + 1 + i`. */
  rows: RawCell[][];
  /**
   * Cells formatted as a percentage, as `row,column` (worksheet row and column numbers, 1-based):
   * a survey score 0.92 shown as 92% is 92. Absent when the reader found none.
   */
  percentCells?: ReadonlySet<string>;
  /**
   * Set by the Excel adapter when the host cannot report merged cells (ExcelApi 1.13 missing):
   * the engine then warns that merged ranges hold their value in their first cell only.
   */
  mergedCellsUnread?: boolean;
  /**
   * Set on each of several tables standing side by side on one plain sheet, split at a fully
   * empty column (SPEC §10): `name` is then the sheet's name with the block's columns (投诉!A:G),
   * so that no block is taken for a table by the sheet's name, and the engine says which columns
   * it read as which table.
   */
  block?: { from: string; to: string };
}
