/**
 * The summary sheet `考核结果` as plain data: what to write, not how. The command line renders it
 * with its workbook writer, the Excel add-in with Office.js; both write the same cells.
 */

/** How a cell's value is shown. */
export type CellFormat =
  | "text" // written as text, never as a formula or number, whatever it looks like
  | "points" // 0.00
  | "decimal4" // 0.0000 (an unrounded total)
  | "money" // #,##0.00 (yuan)
  | "yuan" // "¥"#,##0.00 (yuan, with its sign: the overview's amounts)
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
  /**
   * Larger type (SPEC §9): `title` for the document's title, `large` for the contract's name and
   * the figures finance signs for (total, tier, tail payable); `small` for a long code few read
   * (the overview's fingerprints). Absent: the sheet's normal size.
   */
  size?: "title" | "large" | "small";
  /**
   * Wrap the text inside the printed width rather than letting it run past the cell's edge; the
   * cell then reads from its top.
   */
  wrap?: boolean;
  /** A thin border on every side (the overview's grid). */
  border?: boolean;
  /**
   * Columns the cell spans (merged with the empty cells to its right), 1 or absent: its own.
   * A long text spans to the printed edge and wraps there (SPEC §9).
   */
  span?: number;
}

export interface SummaryChart {
  /** A clustered bar chart (the default) or a line chart. */
  kind?: "bar" | "line";
  title: string;
  /** 0-based row index (in `rows`) of the first data row and the row count, columns by index. */
  firstRow: number;
  rowCount: number;
  categoryColumn: number;
  /** Series: points and max, 0-based column indexes. */
  seriesColumns: number[];
}

/**
 * How the summary prints (SPEC §6), as data both writers render the same way: the command line
 * as SpreadsheetML (`<pageSetup>`, `<printOptions>`, `<headerFooter>`, `<rowBreaks>`, the
 * `_xlnm.Print_Titles` and `_xlnm.Print_Area` defined names), the add-in through
 * `worksheet.pageLayout` (ExcelApi 1.9).
 */
export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Pages wide (1) and tall (0: as many as needed). */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Margins in inches. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** Rows repeated at the top of every printed page, 1-based inclusive. */
  titleRows: { first: number; last: number };
  /** The printed range: A1 to this row and column (1-based); a chart beside it does not print. */
  printArea: { lastRow: number; lastColumn: number };
  /**
   * Header and footer sections in Excel's header/footer codes (`&P` page, `&N` pages, `&&` a
   * literal ampersand), the same codes in SpreadsheetML and Office.js.
   */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
  /** Manual page breaks: a new page starts after each of these rows (1-based). */
  breaksAfterRows: number[];
}

export interface SummarySheet {
  name: string;
  /** Rows of cells, top-left at A1; rows may be ragged (shorter rows are padded with empty). */
  rows: SummaryCell[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Heights of particular rows in points, by 0-based row index (the signature lines). */
  rowHeights?: Record<number, number>;
  chart: SummaryChart;
  /** The monthly trend as a line chart (SPEC §8), placed under the first chart; absent when not scored. */
  trend?: SummaryChart;
  /** Rows kept in view when scrolling (a frozen pane under them); absent: none. */
  frozenRows?: number;
  /** How it prints; absent: the writer's defaults. */
  pageSetup?: PageSetup;
}
