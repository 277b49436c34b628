/**
 * Merged cells (SPEC §5: a merged range's value fills every cell of it). A host reports the
 * merged areas and the value of each area's first cell (the others are empty in the file and in
 * Office.js); this fills that value into the area's other cells.
 */
import type { RawCell } from "../engine";
import type { CellArea, CellGrid } from "./types";

const blank = (c: RawCell | undefined): boolean => c === null || c === undefined || c === "";

/**
 * @summary Fill each merged area's empty cells (missing, null or "") with the value of its first
 * (top-left) cell, within the rows and columns the grid holds, in place. An area whose first cell
 * is empty, or not in the grid, fills nothing; nothing is filled beyond the grid's last row, nor
 * beyond its `columns` when it has them. Rows the grid lacks inside its extent are made.
 * @example
 * const g = { row: 1, column: 1, rows: [["日期", "姓名"], [45474, "张三"], [null, null]] };
 * fillMerged(g, [{ top: 2, left: 1, bottom: 3, right: 1 }]);
 * g.rows[2] //=> [45474, null]
 */
export function fillMerged(grid: CellGrid, areas: readonly CellArea[]): void {
  const { rows } = grid;
  for (const a of areas) {
    const top = a.top - grid.row;
    const left = a.left - grid.column;
    if (top < 0 || left < 0) continue;
    const v = rows[top]?.[left];
    if (v === null || v === undefined) continue;
    const bottom = Math.min(a.bottom - grid.row, rows.length - 1);
    const right = Math.min(a.right - grid.column, (grid.columns ?? Infinity) - 1);
    for (let r = top; r <= bottom; r++) {
      let row = rows[r];
      if (!row) rows[r] = row = [];
      for (let c = left; c <= right; c++) if (blank(row[c])) row[c] = v;
    }
  }
}
