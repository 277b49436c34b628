/**
 * The summary sheet `考核结果` as plain data: what to write, not how. The command line renders it
 * with its workbook writer, the Excel add-in with Office.js; both write the same cells.
 */

/** How a cell's value is shown. */
export type CellFormat =
  | "text" // written as text, never as a formula or number, whatever it looks like
  | "points" // 0.00
  | "money" // #,##0.00 (yuan)
  | "percent" // 0.00%
  | "integer" // 0
  | "date"; // yyyy-mm-dd, value is an Excel serial number

export interface SummaryCell {
  /** Text for `text` cells; a number for every other format; null for an empty cell. */
  value: string | number | null;
  format: CellFormat;
  bold?: boolean;
  /** A section title or header row: shaded. */
  header?: boolean;
}

export interface SummaryChart {
  title: string;
  /** 0-based row index (in `rows`) of the first data row and the row count, columns by index. */
  firstRow: number;
  rowCount: number;
  categoryColumn: number;
  /** Series: points and max, 0-based column indexes. */
  seriesColumns: number[];
}

export interface SummarySheet {
  name: string;
  /** Rows of cells, top-left at A1; rows may be ragged (shorter rows are padded with empty). */
  rows: SummaryCell[][];
  /** Column widths in characters. */
  columnWidths: number[];
  chart: SummaryChart;
}
