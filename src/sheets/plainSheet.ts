/**
 * Where the table of a worksheet without Excel tables stands (SPEC §2, "plain sheets"): its
 * header row is its first row with a value, its columns are the engine's `plainSheetColumns` of
 * that row and the rows under it, and its data rows end at the last row with a value in those
 * columns. Both readers take a plain sheet's extent from here, so a title row, a stray value in
 * XFD1 or trailing rows of spaces give the same table from either.
 */
import {
  TITLE_ROWS_LIMIT,
  fitsLedgerTable,
  isEmpty,
  plainSheetColumns,
  type RawCell,
} from "../engine";
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
 * @summary Tables standing side by side on one plain sheet (SPEC §10): the blocks of worksheet
 * columns `first`–`last` between fully empty columns (empty from `headerRow` through `end`),
 * when there are two or more and each could head a ledger table on its own (one of its first
 * HEADER_ROWS rows holds every required column of one); otherwise null, and the sheet is one
 * table as before — a table with a blank spacer column is not cut in two.
 * @example
 * // 编号 … 说明 in A:G, G empty column H, 受访者 · 得分 in I:J
 * sideBySideBlocks(grid, 1, 9, 1, 10) //=> [{ first: 1, last: 7 }, { first: 9, last: 10 }]
 */
export function sideBySideBlocks(
  grid: CellGrid,
  headerRow: number,
  end: number,
  first: number,
  last: number
): { first: number; last: number }[] | null {
  const used: boolean[] = new Array(last - first + 1).fill(false);
  // Every column used: no gap, and no need to look further (the usual sheet stops at its first rows).
  let unused = used.length;
  for (let r = headerRow; r <= end && unused > 0; r++) {
    const row = grid.rows[r - grid.row];
    if (!row) continue;
    for (let c = first; c <= last; c++)
      if (!used[c - first] && !isEmpty(row[c - grid.column])) {
        used[c - first] = true;
        unused--;
      }
  }
  if (unused === 0) return null;
  const blocks: { first: number; last: number }[] = [];
  for (let c = first; c <= last; c++) {
    if (!used[c - first]) continue;
    const open = blocks[blocks.length - 1];
    if (open && open.last === c - 1) open.last = c;
    else blocks.push({ first: c, last: c });
  }
  if (blocks.length < 2) return null;
  const fits = ({ first: from, last: to }: { first: number; last: number }): boolean => {
    for (let r = headerRow; r < Math.min(end + 1, headerRow + HEADER_ROWS); r++) {
      const row = grid.rows[r - grid.row];
      if (!row) continue;
      const cells: RawCell[] = [];
      for (let c = from; c <= to; c++) cells.push(row[c - grid.column] ?? null);
      if (fitsLedgerTable(cells)) return true;
    }
    return false;
  };
  return blocks.every(fits) ? blocks : null;
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
