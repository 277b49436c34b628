/**
 * The sheets the tool keeps besides the summary: their cells as read back (for the
 * next log row and for the "台账自上次评分后已修改" check) and appending one 考核记录 row.
 */
import { RUN_LOG_SHEET_NAME, type RawCell } from "../engine";
import type { SummaryCell } from "../report/types";
import { cellToExcel, toRawCell } from "./layout";

export interface ToolSheets {
  /** True when the workbook's structure is protected (ExcelApi 1.7 `workbook.protection`). */
  structureProtected: boolean;
  /** 考核结果's cells from A1, or null without the sheet. */
  summary: RawCell[][] | null;
  /** 考核记录's cells from A1, or null without the sheet. */
  log: RawCell[][] | null;
  /** True when 考核结果 exists and is protected (read with the ledger for a run; else unset). */
  summaryProtected?: boolean;
}

/**
 * @summary Cells read at worksheet row and column index `rowIndex`, `columnIndex` (0-based),
 * placed from A1: the rows and columns above and left of them as empty.
 */
export function gridFromA1(
  values: unknown[][],
  types: unknown[][],
  rowIndex: number,
  columnIndex: number
): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = 0; r < rowIndex; r++) out.push([]);
  values.forEach((row, r) => {
    const cells: RawCell[] = new Array<RawCell>(columnIndex).fill(null);
    row.forEach((v, c) => cells.push(toRawCell(v, types[r]?.[c] as string | undefined)));
    out.push(cells);
  });
  return out;
}

function queueRow(ws: Excel.Worksheet, rowIndex: number, cells: SummaryCell[]): void {
  const x = cells.map(cellToExcel);
  const range = ws.getRangeByIndexes(rowIndex, 0, 1, cells.length);
  range.numberFormat = [x.map((c) => c.numberFormat)];
  range.values = [x.map((c) => c.value)];
}

/** Queue 考核记录 with its header row and column widths on a new sheet. */
function queueNewLog(
  context: Excel.RequestContext,
  header: SummaryCell[],
  widthsPoints: number[]
): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(RUN_LOG_SHEET_NAME);
  queueRow(ws, 0, header);
  ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
  widthsPoints.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
  return ws;
}

/**
 * @summary Queue the 考核记录 row of a run whose read saw `log` (the sheet's cells from A1, null
 * without the sheet): after its last used row, or on a new sheet with its header. No round trip
 * of its own: it goes with the summary's last one.
 */
export function queueLogRow(
  context: Excel.RequestContext,
  log: RawCell[][] | null,
  header: SummaryCell[],
  row: SummaryCell[],
  widthsPoints: number[]
): void {
  if (log === null) {
    queueRow(queueNewLog(context, header, widthsPoints), 1, row);
    return;
  }
  queueRow(context.workbook.worksheets.getItem(RUN_LOG_SHEET_NAME), Math.max(1, log.length), row);
}
