/**
 * What a host read of a worksheet, in the host's own terms turned plain: cell values placed at
 * their worksheet rows and columns, merged areas, Excel tables' extents, percent marks. The
 * command line's .xlsx reader fills these from the package's XML, the Excel adapter from
 * Office.js ranges; `tablesOfSheet` turns them into the engine's `RawTable`s the same way for
 * both.
 */
import type { RawCell } from "../engine";

/**
 * Cells of a worksheet as read: `rows[i]` stands at worksheet row `row + i`, `rows[i][j]` at
 * column `column + j` (both 1-based, as Excel numbers them). A missing row or cell (a hole), null
 * and text of nothing but spaces are empty. The .xlsx reader passes a whole sheet with `row: 0`
 * (so that `rows[r]` is row r, and `rows[0]` is never filled); the adapter passes the block it
 * read.
 */
export interface CellGrid {
  rows: (RawCell[] | undefined)[];
  row: number;
  column: number;
  /** How many columns were read, for a block; absent for a whole sheet (rows as long as they are). */
  columns?: number;
}

/** A rectangle of worksheet cells, rows and columns 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * An Excel table (ListObject) as the host reports it: `<table ref headerRowCount totalsRowCount>`
 * and its `<tableColumn name>`s in a package, the table's ranges, `showHeaders` and columns in
 * Office.js.
 */
export interface TableExtent {
  /** The table's name (`displayName`). */
  name: string;
  /** Its whole range: the header row (when shown) through the totals row (when there is one). */
  area: CellArea;
  /** 0 when the header row is turned off (Table Design > Header Row), usually 1. */
  headerRowCount: number;
  /** 1 when the table has a totals row, usually 0. */
  totalsRowCount: number;
  /**
   * The columns' names, in order. A table whose header row is turned off is headed by them; an
   * empty header cell falls back to its column's name. May be empty when every header cell is
   * read (Excel never leaves one empty).
   */
  columnNames: readonly string[];
}

/** One worksheet as a host read it: what `tablesOfSheet` needs. */
export interface SheetRead {
  /** The worksheet's name. */
  name: string;
  /**
   * Its cells: at least every table's range, and for a sheet without tables its used range from
   * its first row with a value. Merged areas are filled into these rows in place.
   */
  cells: CellGrid;
  /** Its merged areas. */
  merges: readonly CellArea[];
  /** True when the host cannot report merged areas (Office.js before ExcelApi 1.13). */
  mergesUnread?: boolean;
  /** Its Excel tables. A sheet without any is read as one table itself (`kind: "sheet"`). */
  tables: readonly TableExtent[];
  /**
   * Cells whose number format shows a percentage, as `row,column` (1-based): at least those of
   * the score columns (`scoreColumns`). Others are ignored.
   */
  percent?: ReadonlySet<string>;
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
}
