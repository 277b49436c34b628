/**
 * The sheets the tool keeps besides the summary: their cells as read back (for the
 * next log row and for the "台账自上次评分后已修改" check) and appending one 考核记录 row.
 */
import { RUN_LOG_SHEET_NAME, type RawCell } from "../engine";
import type { PageSetup, SummaryCell } from "../report/types";
import { cellToExcel, toRawCell } from "./layout";
import { queuePageLayout } from "./write";

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

/** The 考核记录 sheet as the pipeline plans it (`WritePlan.log`), widths already in points. */
export interface LogWrite {
  header: SummaryCell[];
  row: SummaryCell[];
  widthsPoints: number[];
  /** One landscape page wide (SPEC §9): applied where the host has ExcelApi 1.9. */
  pageSetup: PageSetup;
  /** Points: each row three wrapped lines tall (the fingerprint, the check, the names). */
  rowHeight: number;
}

/** Queue one row of the log at `rowIndex`: its cells wrapped, from the top, as tall as planned. */
function queueLogLine(
  ws: Excel.Worksheet,
  rowIndex: number,
  cells: SummaryCell[],
  rowHeight: number
): void {
  queueRow(ws, rowIndex, cells);
  const format = ws.getRangeByIndexes(rowIndex, 0, 1, cells.length).format;
  format.wrapText = true;
  format.verticalAlignment = Excel.VerticalAlignment.top;
  format.rowHeight = rowHeight;
}

/** Queue 考核记录 with its header row, column widths and (with ExcelApi 1.9) print setup on a new sheet. */
function queueNewLog(
  context: Excel.RequestContext,
  log: LogWrite,
  pageLayout: boolean
): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(RUN_LOG_SHEET_NAME);
  queueLogLine(ws, 0, log.header, log.rowHeight);
  ws.getRangeByIndexes(0, 0, 1, log.header.length).format.font.bold = true;
  log.widthsPoints.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
  });
  if (pageLayout) queuePageLayout(ws, log.pageSetup);
  return ws;
}

/**
 * @summary Queue the 考核记录 row of a run whose read saw `log` (the sheet's cells from A1, null
 * without the sheet): after its last used row, or on a new sheet with its header and its print
 * setup (an existing sheet keeps its own, as the command line's writer does). No round trip of
 * its own: it goes with the summary's last one.
 */
export function queueLogRow(
  context: Excel.RequestContext,
  read: RawCell[][] | null,
  log: LogWrite,
  pageLayout: boolean
): void {
  if (read === null) {
    queueLogLine(queueNewLog(context, log, pageLayout), 1, log.row, log.rowHeight);
    return;
  }
  const ws = context.workbook.worksheets.getItem(RUN_LOG_SHEET_NAME);
  queueLogLine(ws, Math.max(1, read.length), log.row, log.rowHeight);
}
