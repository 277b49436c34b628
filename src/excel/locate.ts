/**
 * Where a diagnostic points in the workbook: pure. After each read the adapter works out where
 * every logical table stands (`ledgerLayout`) and hands that back with its result; the task pane
 * keeps it and passes it to `selectCell`, so the adapter keeps no state between calls.
 */
import { TABLES, locateTables, normalizeName, type RawTable, type TableKey } from "../engine";
import { cellAddress } from "./layout";

/** Where one logical table stands: its sheet, header row, first column and column indexes. */
interface TablePlace {
  sheet: string;
  /** Worksheet row of the header row. */
  headerRow: number;
  /** Worksheet column number (1-based) of the first column. */
  firstColumn: number;
  /** 0-based column index per column key (only the columns found). */
  columns: Record<string, number>;
}

/** Where each logical table of the last read stands. */
export type LedgerLayout = Partial<Record<TableKey, TablePlace>>;

export interface CellPlace {
  sheet: string;
  /** A1 address on that sheet. */
  address: string;
}

/**
 * @summary Where each logical table of `tables` stands. A table the locator rejected (a missing
 * column, say) is still placed when its name is the table's, so a diagnostic about it can go to
 * its header.
 */
export function ledgerLayout(tables: readonly RawTable[]): LedgerLayout {
  const { located } = locateTables(tables);
  const layout: LedgerLayout = {};
  for (const def of TABLES) {
    const hit = located[def.key];
    const table =
      hit?.table ??
      tables.find((t) => [def.zh, def.en].some((n) => normalizeName(n) === normalizeName(t.name)));
    if (!table) continue;
    const columns: Record<string, number> = { ...(hit?.columns ?? {}) };
    for (const c of def.columns) {
      if (c.key in columns) continue;
      const i = table.headers.findIndex(
        (h) => normalizeName(h) === normalizeName(c.zh) || normalizeName(h) === normalizeName(c.en)
      );
      if (i >= 0) columns[c.key] = i;
    }
    layout[def.key] = {
      sheet: table.sheet,
      headerRow: table.headerRow,
      firstColumn: table.firstColumn,
      columns,
    };
  }
  return layout;
}

/**
 * @summary The sheet and address of the cell a diagnostic names: its table, worksheet row (the
 * header row when null) and column (the table's first column when null or not found). Null
 * when the layout has no such table.
 * @example
 * placeOf(layout, { table: "punches", row: 17, column: "date" }) //=> { sheet: "考勤", address: "A17" }
 */
export function placeOf(
  layout: LedgerLayout,
  at: { table: TableKey | null; row: number | null; column: string | null }
): CellPlace | null {
  const place = at.table === null ? undefined : layout[at.table];
  if (!place) return null;
  const index = (at.column !== null ? place.columns[at.column] : undefined) ?? 0;
  return {
    sheet: place.sheet,
    address: cellAddress(at.row ?? place.headerRow, place.firstColumn + index),
  };
}
