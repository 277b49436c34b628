/**
 * From what a host read of a worksheet to the engine's `RawTable`s: one per Excel table, or the
 * sheet itself as one table when it holds none. The one path both readers take (the command
 * line's .xlsx reader and the Excel adapter), so merged cells, header fallbacks, a plain sheet's
 * extent and percent marks come out the same from either.
 */
import type { RawCell, RawTable } from "../engine";
import { fillMerged } from "./merged";
import { percentCellsOf, scoreColumns } from "./percent";
import { HEADER_ROWS, lastRowWithData, plainSheetHeader, sideBySideBlocks } from "./plainSheet";
import type { CellGrid, SheetRead, TableExtent } from "./types";

/**
 * Worksheet row `r`, columns `first`… (`width` of them), holes as null. A row the grid already
 * holds at exactly those columns and no wider is reused (its holes filled), not copied: on a
 * 130k-row ledger that saves as many arrays.
 */
function rowSlice(grid: CellGrid, r: number, first: number, width: number): RawCell[] {
  const src = grid.rows[r - grid.row];
  const from = first - grid.column;
  if (src && from === 0 && src.length <= width) {
    for (let c = 0; c < width; c++) if (src[c] === undefined) src[c] = null;
    return src;
  }
  const out: RawCell[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const v = src ? src[from + c] : undefined;
    out[c] = v === undefined ? null : v;
  }
  return out;
}

const hasText = (c: RawCell | undefined): boolean =>
  c !== null && c !== undefined && (typeof c !== "string" || c.trim() !== "");

/** The table of an Excel table's extent. */
function tableOfExtent(sheet: SheetRead, t: TableExtent): RawTable {
  const { top, left, bottom, right } = t.area;
  const width = right - left + 1;
  const headerRows = Math.max(t.headerRowCount, 0);
  const headers: RawCell[] =
    headerRows > 0 ? rowSlice(sheet.cells, top, left, width) : new Array<RawCell>(width).fill(null);
  for (let c = 0; c < width; c++)
    if (!hasText(headers[c]) && t.columnNames[c]) headers[c] = t.columnNames[c];
  const rows: RawCell[][] = [];
  for (let r = top + headerRows; r <= bottom - Math.max(t.totalsRowCount, 0); r++)
    rows.push(rowSlice(sheet.cells, r, left, width));
  const table: RawTable = {
    name: t.name,
    sheet: sheet.name,
    kind: "table",
    headerRow: headerRows > 0 ? top : top - 1,
    firstColumn: left,
    headers,
    rows,
  };
  return finish(table, sheet, scoreColumns([headers]));
}

/** Worksheet column `n` (1-based) in letters: 1 → A, 27 → AA. */
function letters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The sheet itself as its tables (it holds no Excel table): one, or one per block when tables
 * stand side by side with a fully empty column between them (`sideBySideBlocks`).
 */
function tablesOfPlainSheet(sheet: SheetRead): RawTable[] {
  const header = plainSheetHeader(sheet.cells);
  if (header) {
    const end = lastRowWithData(sheet.cells, header.row, header.first, header.last);
    const blocks = sideBySideBlocks(sheet.cells, header.row, end, header.first, header.last);
    if (blocks)
      return blocks.map((b) => {
        const block = { from: letters(b.first), to: letters(b.last) };
        const t = tableOfPlainSheet(sheet, { ...header, ...b });
        return { ...t, name: `${sheet.name}!${block.from}:${block.to}`, block };
      });
  }
  return [tableOfPlainSheet(sheet, header)];
}

/** The sheet's table with its header row and columns `header` (null: a blank sheet). */
function tableOfPlainSheet(
  sheet: SheetRead,
  header: { row: number; first: number; last: number } | null
): RawTable {
  const grid = sheet.cells;
  const table: RawTable = {
    name: sheet.name,
    sheet: sheet.name,
    kind: "sheet",
    headerRow: 1,
    firstColumn: 1,
    headers: [],
    rows: [],
  };
  if (!header) return finish(table, sheet, []);
  const { row, first, last } = header;
  const width = last - first + 1;
  const end = lastRowWithData(grid, row, first, last);
  table.headerRow = row;
  table.firstColumn = first;
  table.headers = rowSlice(grid, row, first, width);
  const rows: RawCell[][] = new Array(end - row);
  for (let r = row + 1; r <= end; r++) rows[r - row - 1] = rowSlice(grid, r, first, width);
  table.rows = rows;
  const headerRows = [table.headers, ...table.rows.slice(0, HEADER_ROWS - 1)];
  return finish(table, sheet, scoreColumns(headerRows));
}

/** The flags every table of the sheet carries: date system, percent marks, unread merges. */
function finish(table: RawTable, sheet: SheetRead, scores: number[]): RawTable {
  if (sheet.date1904) table.date1904 = true;
  const percent = percentCellsOf(
    sheet.percent,
    scores,
    table.firstColumn,
    table.headerRow + 1,
    table.headerRow + table.rows.length
  );
  if (percent) table.percentCells = percent;
  if (sheet.mergesUnread) table.mergedCellsUnread = true;
  return table;
}

/**
 * @summary The ledger tables of one worksheet, as the engine reads them: one `kind: "table"` per
 * Excel table (its header row, or its column names when the header row is off or a header cell is
 * empty; its data rows without the totals row), or, when it has none, the sheet itself as one
 * `kind: "sheet"` table (see `plainSheetHeader` and `lastRowWithData`; a blank sheet gives one
 * with no headers and no rows). Merged areas are filled into `sheet.cells` first, in place, and
 * only the percent marks of score columns are kept. Cells are `RawCell`s as read: nothing here
 * parses a value.
 */
export function tablesOfSheet(sheet: SheetRead): RawTable[] {
  if (sheet.merges.length > 0) fillMerged(sheet.cells, sheet.merges);
  if (sheet.tables.length === 0) return tablesOfPlainSheet(sheet);
  return sheet.tables.map((t) => tableOfExtent(sheet, t));
}
