/**
 * Where a diagnostic points in the workbook: pure, from the tables of the last read.
 */
import { TABLES, locateTables, type RawTable } from "../engine";
import { normalizeName } from "../engine";
import { cellAddress } from "./layout";

export interface CellPlace {
  sheet: string;
  /** A1 address on that sheet. */
  address: string;
}

/**
 * @summary The sheet and address of the cell a diagnostic names: its table (canonical Chinese
 * name), worksheet row (the header row when null) and column (canonical Chinese header; the
 * table's first column when null or not found). Null when no read table is that table.
 * @example
 * placeOf(tables, "考勤", 17, "日期") //=> { sheet: "考勤", address: "A17" }
 */
export function placeOf(
  tables: readonly RawTable[],
  tableZh: string,
  row: number | null,
  columnZh: string | null,
): CellPlace | null {
  const def = TABLES.find((t) => t.zh === tableZh || normalizeName(t.en) === normalizeName(tableZh));
  if (!def) return null;
  const { located } = locateTables(tables);
  const hit = located[def.key];
  // A table with a missing column is not "located"; find it by name to still go to its header.
  const table =
    hit?.table ??
    tables.find((t) => [def.zh, def.en].some((n) => normalizeName(n) === normalizeName(t.name)));
  if (!table) return null;
  let index = 0;
  if (columnZh !== null) {
    const colDef = def.columns.find((c) => c.zh === columnZh || c.en === columnZh);
    const fromLocated = colDef && hit ? hit.columns[colDef.key] : undefined;
    if (fromLocated !== undefined) index = fromLocated;
    else if (colDef) {
      const i = table.headers.findIndex(
        (h) => normalizeName(h) === normalizeName(colDef.zh) || normalizeName(h) === normalizeName(colDef.en),
      );
      if (i >= 0) index = i;
    }
  }
  return { sheet: table.sheet, address: cellAddress(row ?? table.headerRow, table.firstColumn + index) };
}
