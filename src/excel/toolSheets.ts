/**
 * The sheets the tool keeps besides the summary: reading 考核结果 and 考核记录 back (for the
 * next log row and for the "台账自上次评分后已修改" check) and appending one 考核记录 row.
 */
import { RUN_LOG_SHEET_NAME, SUMMARY_SHEET_NAME, type RawCell } from "../engine";
import type { SummaryCell } from "../report/types";
import { cellToExcel, toRawCell } from "./layout";

export interface ToolSheets {
  /** True when the workbook's structure is protected (ExcelApi 1.7 `workbook.protection`). */
  structureProtected: boolean;
  /** 考核结果's cells from A1, or null without the sheet. */
  summary: RawCell[][] | null;
  /** 考核记录's cells from A1, or null without the sheet. */
  log: RawCell[][] | null;
}

/** A used range's cells placed from A1 (rows and columns above and left of it as empty). */
function fromA1(range: Excel.Range): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = 0; r < range.rowIndex; r++) out.push([]);
  const types = range.valueTypes as unknown[][];
  range.values.forEach((row, r) => {
    const cells: RawCell[] = new Array<RawCell>(range.columnIndex).fill(null);
    row.forEach((v, c) => cells.push(toRawCell(v, types[r]?.[c] as string | undefined)));
    out.push(cells);
  });
  return out;
}

/** @summary Protection and the two tool sheets' cells: 2 round trips. */
export async function readToolSheetsIn(context: Excel.RequestContext): Promise<ToolSheets> {
  const protection = context.workbook.protection.load("protected");
  const sheets = [SUMMARY_SHEET_NAME, RUN_LOG_SHEET_NAME].map((n) =>
    context.workbook.worksheets.getItemOrNullObject(n)
  );
  await context.sync();
  const used = sheets.map((ws) => {
    if (ws.isNullObject) return null;
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("values,valueTypes,rowIndex,columnIndex");
    return u;
  });
  await context.sync();
  const grid = (u: Excel.Range | null): RawCell[][] | null =>
    u === null ? null : u.isNullObject ? [] : fromA1(u);
  return {
    structureProtected: protection.protected,
    summary: grid(used[0]),
    log: grid(used[1]),
  };
}

function queueRow(ws: Excel.Worksheet, rowIndex: number, cells: SummaryCell[]): void {
  const x = cells.map(cellToExcel);
  const range = ws.getRangeByIndexes(rowIndex, 0, 1, cells.length);
  range.numberFormat = [x.map((c) => c.numberFormat)];
  range.values = [x.map((c) => c.value)];
}

/**
 * @summary Append one row to 考核记录 after its last used row, creating the sheet (with its
 * header row and column widths) when there is none. Earlier rows are never written. 2 round trips.
 */
export async function appendLogRowIn(
  context: Excel.RequestContext,
  header: SummaryCell[],
  row: SummaryCell[],
  widthsPoints: number[]
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(RUN_LOG_SHEET_NAME);
  await context.sync();
  if (existing.isNullObject) {
    const ws = worksheets.add(RUN_LOG_SHEET_NAME);
    queueRow(ws, 0, header);
    ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
    widthsPoints.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w;
    });
    queueRow(ws, 1, row);
    await context.sync();
    return;
  }
  const used = existing.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  await context.sync();
  const next = used.isNullObject ? 1 : used.rowIndex + used.rowCount;
  queueRow(existing, next, row);
  await context.sync();
}
