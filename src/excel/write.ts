/**
 * Writing the summary sheet `考核结果` with Office.js, all or nothing.
 *
 * The new summary is built on a temporary sheet in one batch (one `context.sync()`; a summary
 * over 4 MB of cell data is cut into several batches on the same temporary sheet). Only when
 * it is complete does a second round trip delete the old summary and give the new sheet its
 * name and place. If anything fails, the temporary sheet is deleted and the error rethrown:
 * the workbook is left as it was. Ledger tables are never touched.
 */
import { HEADER_FILL_RGB, cellAddress, columnLetter } from "../report/cells";
import type { PageSetup, SummarySheet } from "../report/types";
import { BATCH_BUDGET_BYTES, cellToExcel, jsonBytes, runs, widthPoints } from "./layout";

/** Fill of header and section-title cells: the shared light grey, as Office.js spells it. */
export const HEADER_FILL = `#${HEADER_FILL_RGB}`;

/** Name of the sheet the new summary is built on before it replaces the old one. */
export function temporaryName(): string {
  return `考核结果~${Date.now().toString(36)}`;
}

/** Statistics of the last write, for tests. */
export interface WriteStats {
  syncs: number;
}

type Grid = { values: (string | number)[][]; formats: string[][] };

function toGrid(sheet: SummarySheet): Grid {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  for (const row of sheet.rows) {
    const v: (string | number)[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const x = cellToExcel(row[c]);
      v.push(x.value);
      f.push(x.numberFormat);
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats };
}

/** Row blocks of the grid, each under the batch budget (one block for any usual summary). */
function blocks(grid: Grid): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  grid.values.forEach((row, i) => {
    const b = jsonBytes(row) + jsonBytes(grid.formats[i]);
    if (bytes + b > BATCH_BUDGET_BYTES && i > start) {
      out.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += b;
  });
  if (grid.values.length > start) out.push([start, grid.values.length]);
  return out;
}

/** Queue the cell values and number formats of rows [from, to): number formats first, so a text cell is already `@` when its value lands. */
function queueCells(ws: Excel.Worksheet, grid: Grid, from: number, to: number): void {
  const width = grid.values[0].length;
  const range = ws.getRangeByIndexes(from, 0, to - from, width);
  range.numberFormat = grid.formats.slice(from, to);
  range.values = grid.values.slice(from, to);
}

function queueFormatting(ws: Excel.Worksheet, sheet: SummarySheet): void {
  sheet.rows.forEach((row, r) => {
    for (const [a, b] of runs(row, (c) => c.bold === true || c.header === true)) {
      ws.getRangeByIndexes(r, a, 1, b - a).format.font.bold = true;
    }
    for (const [a, b] of runs(row, (c) => c.header === true)) {
      ws.getRangeByIndexes(r, a, 1, b - a).format.fill.color = HEADER_FILL;
    }
  });
  sheet.columnWidths.forEach((w, c) => {
    const letter = columnLetter(c + 1);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthPoints(w);
  });
  for (const [r, height] of Object.entries(sheet.rowHeights ?? {})) {
    ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = height;
  }
}

/**
 * The page setup through `worksheet.pageLayout` and `horizontalPageBreaks` (ExcelApi 1.9; the
 * caller checks the host supports it): the same settings the command line writes as
 * SpreadsheetML. Margins are in points here (inches × 72), in inches there.
 */
export function queuePageLayout(ws: Excel.Worksheet, ps: PageSetup): void {
  const pl = ws.pageLayout;
  pl.orientation = Excel.PageOrientation.portrait;
  pl.paperSize = Excel.PaperType.a4;
  pl.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
  pl.leftMargin = ps.margins.left * 72;
  pl.rightMargin = ps.margins.right * 72;
  pl.topMargin = ps.margins.top * 72;
  pl.bottomMargin = ps.margins.bottom * 72;
  pl.headerMargin = ps.margins.header * 72;
  pl.footerMargin = ps.margins.footer * 72;
  pl.centerHorizontally = true;
  pl.setPrintTitleRows(`$${ps.titleRows.first}:$${ps.titleRows.last}`);
  pl.setPrintArea(`A1:${columnLetter(ps.printArea.lastColumn)}${ps.printArea.lastRow}`);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.leftHeader = ps.header.left;
  hf.centerHeader = ps.header.center;
  hf.rightHeader = ps.header.right;
  hf.leftFooter = ps.footer.left;
  hf.centerFooter = ps.footer.center;
  hf.rightFooter = ps.footer.right;
  for (const r of ps.breaksAfterRows) ws.horizontalPageBreaks.add(`A${r + 1}`);
}

function queueChart(ws: Excel.Worksheet, sheet: SummarySheet): void {
  const { chart } = sheet;
  if (chart.rowCount <= 0 || chart.seriesColumns.length === 0) return;
  const column = (c: number) => ws.getRangeByIndexes(chart.firstRow, c, chart.rowCount, 1);
  const categories = column(chart.categoryColumn);
  const headerRow = sheet.rows[chart.firstRow - 1] ?? [];
  const seriesName = (c: number, i: number): string => {
    const v = headerRow[c]?.value;
    return typeof v === "string" && v !== "" ? v : `Series ${i + 1}`;
  };
  const [first, ...rest] = chart.seriesColumns;
  const c = ws.charts.add(Excel.ChartType.barClustered, column(first), Excel.ChartSeriesBy.columns);
  c.title.text = chart.title;
  const s0 = c.series.getItemAt(0);
  s0.name = seriesName(first, 0);
  s0.setXAxisValues(categories);
  rest.forEach((col, i) => {
    const s = c.series.add(seriesName(col, i + 1));
    s.setValues(column(col));
    s.setXAxisValues(categories);
  });
  c.legend.position = Excel.ChartLegendPosition.bottom;
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  c.setPosition(cellAddress(1, width + 2), cellAddress(18, width + 9));
}

/**
 * @summary Replace the `考核结果` sheet by `sheet`, all or nothing (see the module comment).
 * Round trips: 2 (build, swap), plus one per extra 4 MB of cell data; plus 1–2 to clean up
 * after a failure, which is then rethrown.
 */
export async function writeSummaryIn(
  context: Excel.RequestContext,
  sheet: SummarySheet,
  stats?: WriteStats,
  pageLayout = false
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const tempName = temporaryName();
  const grid = toGrid(sheet);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  let phase: "build" | "swap" | "done" = "build";
  try {
    // Build on the temporary sheet.
    const temp = worksheets.add(tempName);
    const parts = blocks(grid);
    for (let i = 0; i < parts.length; i++) {
      queueCells(temp, grid, parts[i][0], parts[i][1]);
      if (i < parts.length - 1) await sync();
    }
    queueFormatting(temp, sheet);
    queueChart(temp, sheet);
    if (pageLayout && sheet.pageSetup) queuePageLayout(temp, sheet.pageSetup);
    const old = worksheets.getItemOrNullObject(sheet.name);
    old.load("position");
    syncs++;
    await context.sync();

    // Swap: only now is the old summary removed.
    phase = "swap";
    const position = old.isNullObject ? null : old.position;
    if (!old.isNullObject) old.delete();
    temp.name = sheet.name;
    if (position !== null) temp.position = position;
    temp.activate();
    await sync();
    phase = "done";
  } catch (error) {
    if (phase !== "done") {
      try {
        await cleanUp(context, tempName, sheet.name, phase === "swap");
      } catch (cleanupError) {
        throw new AggregateError(
          [error, cleanupError],
          `${String(error)}; cleaning up also failed: ${String(cleanupError)}`
        );
      }
    }
    throw error;
  } finally {
    if (stats) stats.syncs = syncs;
  }
}

/**
 * After a failure: delete the temporary sheet. If the failure came during the swap and the old
 * summary is already gone, the temporary sheet is complete: finish the swap instead, so the
 * workbook holds either the old summary or the whole new one, never a part.
 */
async function cleanUp(
  context: Excel.RequestContext,
  tempName: string,
  name: string,
  complete: boolean
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const temp = worksheets.getItemOrNullObject(tempName);
  const old = worksheets.getItemOrNullObject(name);
  // isNullObject is known after a sync without a load.
  await context.sync();
  if (temp.isNullObject) return;
  if (complete && old.isNullObject) {
    // The old summary is gone and the new one is whole: keep it rather than none.
    temp.name = name;
  } else {
    temp.delete();
  }
  await context.sync();
}
