/**
 * Where the table of a worksheet without Excel tables stands (SPEC §2, "plain sheets"): its
 * header row is its first row with a value, its columns are the engine's `plainSheetColumns` of
 * that row and the rows under it, and its data rows end at the last row with a value in those
 * columns. Both readers take a plain sheet's extent from here, so a title row, a stray value in
 * XFD1 or trailing rows of spaces give the same table from either.
 */
import { TITLE_ROWS_LIMIT, isEmpty, plainSheetColumns, type RawCell } from "../engine";
import type { CellGrid } from "./types";

/**
 * Rows from a plain sheet's first row with a value that can hold its headers: that row, the
 * TITLE_ROWS_LIMIT rows under it (the engine may take one of them as the header row, past title
 * rows), and one more (the lower row of a two-row header). A host that reads a sheet in pieces
 * reads at least these first.
 */
export const HEADER_ROWS = TITLE_ROWS_LIMIT + 2;

const NO_ROW: readonly RawCell[] = [];

/** Whether a row holds a value between 0-based grid columns `from` and `to` (inclusive). */
function hasValue(row: readonly RawCell[], from: number, to: number): boolean {
  const end = Math.min(to, row.length - 1);
  for (let c = from; c <= end; c++) if (!isEmpty(row[c])) return true;
  return false;
}

/**
 * @summary The header row (worksheet number) and the columns (worksheet numbers, inclusive) of a
 * grid read as a plain sheet's table, or null when it holds no value.
 * @example
 * plainSheetHeader({ row: 1, column: 1, rows: [[], ["2024年考勤"], ["日期", "姓名"]] })
 * //=> { row: 2, first: 1, last: 2 }
 */
export function plainSheetHeader(
  grid: CellGrid
): { row: number; first: number; last: number } | null {
  const start = grid.rows.findIndex((row) => row !== undefined && hasValue(row, 0, Infinity));
  if (start < 0) return null;
  const top: (readonly RawCell[])[] = [];
  for (let i = start; i < Math.min(grid.rows.length, start + TITLE_ROWS_LIMIT + 1); i++)
    top.push(grid.rows[i] ?? NO_ROW);
  const span = plainSheetColumns(top)!;
  return { row: grid.row + start, first: grid.column + span.first, last: grid.column + span.last };
}

/**
 * @summary The last worksheet row after `headerRow` with a value in worksheet columns
 * `first`–`last`, or `headerRow` when there is none: where a plain sheet's data rows end.
 */
export function lastRowWithData(
  grid: CellGrid,
  headerRow: number,
  first: number,
  last: number
): number {
  for (let i = grid.rows.length - 1; i > headerRow - grid.row; i--) {
    const row = grid.rows[i];
    if (row && hasValue(row, first - grid.column, last - grid.column)) return grid.row + i;
  }
  return headerRow;
}
