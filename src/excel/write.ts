/**
 * Writing the summary sheet `考核结果` with Office.js, as near all-or-nothing as Office.js allows.
 *
 * 1. Check, before anything is written: a protected workbook structure or a protected summary
 *    sheet is refused with a catalogue message (`workbook-structure-protected`, `sheet-protected`), not
 *    the raw Excel error.
 * 2. Build the new summary on a temporary sheet (one batch; a summary over 4 MB of cell data is
 *    cut into several). A failure here deletes the temporary sheet: the workbook is as it was.
 * 3. Put it in place. With no summary yet, the temporary sheet is renamed. An existing summary
 *    is never deleted — deleting it would turn every formula pointing at `考核结果!…` into
 *    #REF! — but cleared and rewritten where it stands (same sheet, position and name, so
 *    references survive), and the temporary sheet deleted. The rewrite repeats the batch that
 *    has just succeeded on the temporary sheet; if it still fails half-way, Office.js cannot
 *    roll back: the error says so and names the temporary sheet, which keeps the complete new
 *    summary.
 * Ledger tables are never touched. Like any Office.js change, a run cannot be undone with
 * Ctrl+Z (see docs/add-in-deployment.md).
 */
import { HEADER_FILL_RGB, SIZE_POINTS, cellAddress, columnLetter } from "../report/cells";
import type { PageSetup, SummaryChart, SummarySheet } from "../report/types";
import { diag, messageOf, type Diagnostic, type DiagnosticCode } from "../engine";
import { BATCH_BUDGET_BYTES, cellToExcel, jsonBytes, runs, widthPoints } from "./layout";

/** Fill of header and section-title cells: the shared light grey, as Office.js spells it. */
const HEADER_FILL = `#${HEADER_FILL_RGB}`;

/** Name of the sheet the new summary is built on before it replaces the old one. */
function temporaryName(): string {
  return `考核结果~${Date.now().toString(36)}`;
}

/**
 * What the run's read already knows of the workbook (src/excel/read.ts reads it with the
 * ledger), so the write needs no check round trip of its own, and what to queue with its last
 * round trip (the 考核记录 row).
 */
export interface KnownState {
  structureProtected: boolean;
  summaryExists: boolean;
  summaryProtected: boolean;
  lastly?: () => void;
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

function queueFormatting(ws: Excel.Worksheet, sheet: SummarySheet, pageLayout: boolean): void {
  sheet.rows.forEach((row, r) => {
    // SPEC §9: larger type, long texts spanning the empty cells to their right and wrapped
    // there, text set off from a number before it (indentLevel: ExcelApi 1.9, as the layout).
    for (const size of ["title", "large"] as const)
      for (const [a, b] of runs(row, (c) => c.size === size))
        ws.getRangeByIndexes(r, a, 1, b - a).format.font.size = SIZE_POINTS[size];
    for (const [a, b] of runs(row, (c) => c.wrap === true)) {
      const range = ws.getRangeByIndexes(r, a, 1, b - a);
      range.format.wrapText = true;
      range.format.verticalAlignment = Excel.VerticalAlignment.top;
    }
    row.forEach((c, i) => {
      if (c.span && c.span > 1) ws.getRangeByIndexes(r, i, 1, c.span).merge(false);
    });
    if (pageLayout)
      for (const [a, b] of runs(row, (c) => c.format === "text" && c.value !== null))
        ws.getRangeByIndexes(r, a, 1, b - a).format.indentLevel = 1;
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
  pl.orientation =
    ps.orientation === "landscape"
      ? Excel.PageOrientation.landscape
      : Excel.PageOrientation.portrait;
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
  // A sheet that grows (the run log) prints whatever it holds: no fixed print area.
  if (ps.printArea.lastRow > ps.titleRows.last)
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

/** The summary's charts, one under the other: the points by item (bar), then the monthly trend (line). */
function queueCharts(ws: Excel.Worksheet, sheet: SummarySheet): void {
  [sheet.chart, sheet.trend].forEach((chart, i) => {
    if (chart) queueChart(ws, sheet, chart, i);
  });
}

function queueChart(
  ws: Excel.Worksheet,
  sheet: SummarySheet,
  chart: SummaryChart,
  slot: number
): void {
  if (chart.rowCount <= 0 || chart.seriesColumns.length === 0) return;
  const column = (c: number) => ws.getRangeByIndexes(chart.firstRow, c, chart.rowCount, 1);
  const categories = column(chart.categoryColumn);
  const headerRow = sheet.rows[chart.firstRow - 1] ?? [];
  const seriesName = (c: number, i: number): string => {
    const v = headerRow[c]?.value;
    return typeof v === "string" && v !== "" ? v : `Series ${i + 1}`;
  };
  const [first, ...rest] = chart.seriesColumns;
  const type = chart.kind === "line" ? Excel.ChartType.lineMarkers : Excel.ChartType.barClustered;
  const c = ws.charts.add(type, column(first), Excel.ChartSeriesBy.columns);
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
  c.setPosition(cellAddress(1 + slot * 20, width + 2), cellAddress(18 + slot * 20, width + 9));
}

/** An error the task pane can show as it is: a catalogue message, with the code. */
export class HostError extends Error {
  readonly code: DiagnosticCode;
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(messageOf(diagnostic));
    this.name = "HostError";
    this.code = diagnostic.code;
    this.diagnostic = diagnostic;
  }
}

/**
 * The summary sheet failed half-way through its rewrite: it may be partly rewritten, and the
 * complete new summary is on the temporary sheet `tempName`, kept for the user.
 */
class PartialWriteError extends AggregateError {
  readonly sheet: string;
  readonly tempName: string;
  constructor(cause: unknown, sheet: string, tempName: string) {
    super(
      [cause],
      `「${sheet}」可能只更新了一部分；完整的新结果在工作表「${tempName}」。The sheet ${sheet} may be partly rewritten; the complete new summary is on the sheet ${tempName}. (${String(cause)})`
    );
    this.name = "PartialWriteError";
    this.sheet = sheet;
    this.tempName = tempName;
  }
}

/** Write the grid, formatting and chart of `sheet` onto `ws`; `sync` between cell blocks. */
async function queueSummary(
  ws: Excel.Worksheet,
  sheet: SummarySheet,
  grid: Grid,
  sync: () => Promise<void>,
  pageLayout: boolean
): Promise<void> {
  const parts = blocks(grid);
  for (let i = 0; i < parts.length; i++) {
    queueCells(ws, grid, parts[i][0], parts[i][1]);
    if (i < parts.length - 1) await sync();
  }
  queueFormatting(ws, sheet, pageLayout);
  queueCharts(ws, sheet);
  if (pageLayout && sheet.pageSetup) {
    // A sheet rewritten in place keeps its old manual breaks unless they are reset first.
    ws.horizontalPageBreaks.removePageBreaks();
    queuePageLayout(ws, sheet.pageSetup);
  }
}

/**
 * @summary Write the `考核结果` sheet `sheet`, keeping an existing one in place so formulas
 * referring to it (`=考核结果!B5`) survive; see the module comment.
 * Round trips: 1 check (2 when the sheet exists), 1 build on a temporary sheet, 1 to put it in
 * place; one more per extra 4 MB block of cells in each of the last two. With `known` (what the
 * run's read saw) there is no check round trip: 2 in all for a usual summary. Protection is checked
 * before anything is written and refused with a catalogue message (`HostError`).
 */
export async function writeSummaryIn(
  context: Excel.RequestContext,
  sheet: SummarySheet,
  stats?: WriteStats,
  pageLayout = false,
  known?: KnownState
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const tempName = temporaryName();
  const grid = toGrid(sheet);
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  let phase: "check" | "build" | "swap" | "done" = "check";
  let old: Excel.Worksheet | null = null;
  try {
    let oldCharts: Excel.ChartCollection | null = null;
    if (known) {
      // Checked by the read of the same run (readLedgerAndToolSheetsIn): no round trip here.
      if (known.structureProtected)
        throw new HostError(diag("workbook-structure-protected", {}, {}));
      if (known.summaryExists) {
        if (known.summaryProtected)
          throw new HostError(diag("sheet-protected", {}, { sheet: sheet.name }));
        old = worksheets.getItem(sheet.name);
        // Loaded with the build, which leaves the old sheet alone.
        oldCharts = old.charts.load("items/name");
      }
    } else {
      // Check: nothing is written to a protected workbook or a protected summary sheet.
      const workbookProtection = context.workbook.protection.load("protected"); // ExcelApi 1.7
      const existing = worksheets.getItemOrNullObject(sheet.name);
      syncs++;
      await context.sync();
      if (workbookProtection.protected)
        throw new HostError(diag("workbook-structure-protected", {}, {}));
      if (!existing.isNullObject) {
        old = existing;
        const protection = old.protection.load("protected"); // ExcelApi 1.2
        oldCharts = old.charts.load("items/name");
        syncs++;
        await context.sync();
        if (protection.protected)
          throw new HostError(diag("sheet-protected", {}, { sheet: sheet.name }));
      }
    }

    // Build the whole new summary on a temporary sheet: if anything fails, only it goes.
    phase = "build";
    const temp = worksheets.add(tempName);
    await queueSummary(temp, sheet, grid, sync, pageLayout);
    await sync();

    // Put it in place. A new summary: the temporary sheet takes the name. An existing one is
    // cleared and rewritten where it stands (never deleted), so references to it survive.
    phase = "swap";
    if (old === null) {
      temp.name = sheet.name;
      temp.activate();
      known?.lastly?.();
    } else {
      old.getRange().clear();
      for (const chart of oldCharts!.items) chart.delete();
      await queueSummary(old, sheet, grid, sync, pageLayout);
      // Before the temporary sheet goes: if what follows fails, it still holds the new summary.
      known?.lastly?.();
      temp.delete();
      old.activate();
    }
    await sync();
    phase = "done";
  } catch (error) {
    if (phase === "build" || phase === "swap") {
      try {
        await cleanUp(context, tempName, sheet.name, phase === "swap");
      } catch (cleanupError) {
        throw new AggregateError(
          [error, cleanupError],
          `${String(error)}; cleaning up also failed: ${String(cleanupError)}`
        );
      }
    }
    if (phase === "swap" && old !== null) throw new PartialWriteError(error, sheet.name, tempName);
    throw error;
  } finally {
    if (stats) stats.syncs = syncs;
  }
}

/**
 * After a failure. While building: delete the temporary sheet (the old summary was not touched).
 * While putting it in place: a new summary whose rename failed is renamed again; an existing
 * summary that failed half-way through its rewrite cannot be put back (Office.js has no
 * transactions), so the complete temporary sheet is kept for the user and named in the error.
 */
async function cleanUp(
  context: Excel.RequestContext,
  tempName: string,
  name: string,
  swapping: boolean
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const temp = worksheets.getItemOrNullObject(tempName);
  const old = worksheets.getItemOrNullObject(name);
  // isNullObject is known after a sync without a load.
  await context.sync();
  if (temp.isNullObject) return;
  if (swapping && old.isNullObject) temp.name = name;
  else if (!swapping) temp.delete();
  else return;
  await context.sync();
}
