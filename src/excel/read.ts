/**
 * Reading the ledger out of the open workbook with Office.js.
 *
 * Round trips (`context.sync()`), whatever the number of rows:
 * 1. worksheet and table names, and the workbook's date system;
 * 2. where every candidate stands, its header row, and a plain sheet's first rows (its columns
 *    are judged on them together by the engine's `plainSheetColumns`, so a one-cell title does
 *    not narrow the table and a stray value in XFD1 does not make every row 16,384 cells wide);
 * 3. each plain sheet's last row with data within its header's columns, and every candidate's
 *    first {@link SAMPLE_ROWS} data rows (a ledger that small is then read completely);
 * 4+. the remaining rows, cut into batches estimated under 4 MB each (Excel on the web rejects
 *    responses over 5 MB): one round trip per batch.
 * So `readLedger` takes 3 + ceil(estimated bytes of the rows beyond the samples / 4 MB) syncs —
 * 3 for a ledger of up to 50 rows a table, 4 for one under 4 MB, 8 for 100,000 punch rows.
 * `listTables` takes exactly 2.
 */
import {
  SUMMARY_SHEET_NAME,
  TITLE_ROWS_LIMIT,
  normalizeName,
  plainSheetColumns,
  type RawCell,
  type RawTable,
} from "../engine";
import {
  BATCH_BUDGET_BYTES,
  SAMPLE_ROWS,
  estimateRowBytes,
  planBatches,
  toRawCell,
} from "./layout";

/** A candidate ledger table after the metadata round trips. */
interface Candidate {
  kind: "table" | "sheet";
  name: string;
  sheet: string;
  /** 0-based worksheet row and column of the header row's first cell. */
  headerRowIndex: number;
  columnIndex: number;
  columnCount: number;
  /** Data rows below the header. */
  rowCount: number;
  headers: RawCell[];
  /** Data rows read so far (the sample). */
  rows: RawCell[][];
  sampleValues: unknown[][];
  sampleTypes: unknown[][];
  /** 0-based index (within the candidate) of a survey score column, whose number formats are read. */
  scoreColumn?: number;
  percentCells?: Set<string>;
}

/** A merged area, 0-based worksheet coordinates. */
interface Merge {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

/**
 * Merged areas (SPEC §5: a merged range's value fills every cell of it) need
 * Range.getMergedAreasOrNullObject, ExcelApi 1.13 — newer than the manifest's ExcelApi 1.7, so
 * it is asked for only where the host supports it. Outside Office (tests with the fake host, no
 * `Office` global) it is tried.
 */
function mergedAreasSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return true;
  return office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") === true;
}

/** Fill the cells of `grid` (whose cell [0][0] stands at worksheet row r0, column c0) from merges. */
function fillMerged(grid: RawCell[][], r0: number, c0: number, merges: readonly Merge[]): void {
  for (const m of merges) {
    const tr = m.r - r0;
    const tc = m.c - c0;
    const v = grid[tr]?.[tc];
    if (v === undefined || v === null) continue;
    for (let r = Math.max(tr, 0); r < Math.min(tr + m.rows, grid.length); r++) {
      const row = grid[r];
      for (let c = Math.max(tc, 0); c < Math.min(tc + m.cols, row.length); c++)
        if (row[c] === null || row[c] === undefined || row[c] === "") row[c] = v;
    }
  }
}

const isPercentFormat = (f: unknown): boolean =>
  typeof f === "string" && f.replace(/"[^"]*"|\\./g, "").includes("%");

const isSummary = (sheet: string): boolean =>
  normalizeName(sheet) === normalizeName(SUMMARY_SHEET_NAME);

function rowsOf(values: unknown[][], types: unknown[][] | undefined): RawCell[][] {
  return values.map((row, r) =>
    row.map((v, c) => toRawCell(v, types?.[r]?.[c] as string | undefined))
  );
}

/**
 * The metadata round trips shared by `readLedger` and `listTables`: every Excel table, and every
 * worksheet holding no table, except the summary sheet. Round trips 1 and 2 always; round trip 3
 * (true row extents of plain sheets and the samples) only when `withSamples`.
 */
async function readCandidates(
  context: Excel.RequestContext,
  withSamples: boolean
): Promise<{
  candidates: Candidate[];
  date1904: boolean;
  merges: Map<string, Merge[]>;
  mergesUnread: boolean;
}> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 one; evaluated
  // by the workbook without touching any cell.
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load("value");
  await context.sync(); // round trip 1

  const tableReads = tables.items.map((table) => {
    const worksheet = table.worksheet.load("name");
    const header = table.getHeaderRowRange();
    header.load("values,valueTypes,rowIndex,columnIndex,columnCount");
    const body = table.getDataBodyRange().load("rowCount");
    return { table, worksheet, header, body };
  });
  const canMerge = mergedAreasSupported();
  const mergeReads = sheets.items
    .filter((s) => !isSummary(s.name) && canMerge)
    .map((sheet) => {
      const areas = sheet.getUsedRange(true).getMergedAreasOrNullObject();
      areas.load(
        "isNullObject,areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
      );
      return { sheet, areas };
    });
  const sheetReads = sheets.items
    .filter((s) => !isSummary(s.name))
    .map((sheet) => {
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      // The first row and the TITLE_ROWS_LIMIT rows under it (empty past the used range).
      const header = used.getRow(0).getResizedRange(TITLE_ROWS_LIMIT, 0);
      header.load("values,valueTypes");
      return { sheet, used, header };
    });
  await context.sync(); // round trip 2

  const merges = new Map<string, Merge[]>();
  for (const { sheet, areas } of mergeReads) {
    if (areas.isNullObject) continue;
    merges.set(
      sheet.name,
      areas.areas.items.map((a) => ({
        r: a.rowIndex,
        c: a.columnIndex,
        rows: a.rowCount,
        cols: a.columnCount,
      }))
    );
  }
  const candidates: Candidate[] = [];
  const sheetsWithTables = new Set<string>();
  for (const { table, worksheet, header, body } of tableReads) {
    sheetsWithTables.add(worksheet.name);
    if (isSummary(worksheet.name)) continue;
    candidates.push({
      kind: "table",
      name: table.name,
      sheet: worksheet.name,
      headerRowIndex: header.rowIndex,
      columnIndex: header.columnIndex,
      columnCount: header.columnCount,
      rowCount: body.rowCount,
      headers: rowsOf(header.values, header.valueTypes)[0],
      rows: [],
      sampleValues: [],
      sampleTypes: [],
    });
  }
  for (const { sheet, used, header } of sheetReads) {
    if (sheetsWithTables.has(sheet.name)) continue;
    const top = rowsOf(header.values, header.valueTypes);
    const m = merges.get(sheet.name);
    if (m) fillMerged(top, used.rowIndex, used.columnIndex, m);
    const span = plainSheetColumns(top);
    if (!span) continue; // a blank sheet
    const cells = top[0];
    candidates.push({
      kind: "sheet",
      name: sheet.name,
      sheet: sheet.name,
      headerRowIndex: used.rowIndex,
      columnIndex: used.columnIndex + span.first,
      columnCount: span.last - span.first + 1,
      // Provisional: the used range may reach further down in columns outside the header's.
      rowCount: used.rowCount - 1,
      headers: cells.slice(span.first, span.last + 1),
      rows: [],
      sampleValues: [],
      sampleTypes: [],
    });
  }
  const mergesUnread = !canMerge;
  if (!withSamples) return { candidates, date1904: probe.value === 0, merges, mergesUnread };

  const sampleReads = candidates
    .filter((c) => c.rowCount > 0)
    .map((c) => {
      const ws = context.workbook.worksheets.getItem(c.sheet);
      const dataRow = c.headerRowIndex + 1;
      let extent: Excel.Range | null = null;
      if (c.kind === "sheet") {
        extent = ws
          .getRangeByIndexes(dataRow, c.columnIndex, c.rowCount, c.columnCount)
          .getUsedRangeOrNullObject(true);
        extent.load("rowIndex,rowCount");
      }
      const sample = ws.getRangeByIndexes(
        dataRow,
        c.columnIndex,
        Math.min(SAMPLE_ROWS, c.rowCount),
        c.columnCount
      );
      sample.load("values,valueTypes");
      // A survey score column: its number formats (a score shown as 92% is 92).
      const si = c.headers.findIndex((h) => ["得分", "score"].includes(normalizeName(h)));
      let formats: Excel.Range | null = null;
      if (si >= 0) {
        c.scoreColumn = si;
        formats = ws.getRangeByIndexes(dataRow, c.columnIndex + si, c.rowCount, 1);
        formats.load("numberFormat");
      }
      return { c, extent, sample, formats };
    });
  await context.sync(); // round trip 3

  for (const { c, formats } of sampleReads) {
    if (!formats) continue;
    (formats.numberFormat as unknown[][]).forEach((row, i) => {
      if (isPercentFormat(row[0]))
        (c.percentCells ??= new Set()).add(
          `${c.headerRowIndex + 2 + i},${c.columnIndex + 1 + c.scoreColumn!}`
        );
    });
  }
  for (const { c, extent, sample } of sampleReads) {
    if (extent)
      c.rowCount = extent.isNullObject
        ? 0
        : extent.rowIndex + extent.rowCount - (c.headerRowIndex + 1);
    c.sampleValues = sample.values.slice(0, Math.min(SAMPLE_ROWS, c.rowCount));
    c.sampleTypes = (sample.valueTypes as unknown[][]).slice(0, c.sampleValues.length);
    c.rows = rowsOf(c.sampleValues, c.sampleTypes);
  }
  return { candidates, date1904: probe.value === 0, merges, mergesUnread };
}

function toRawTable(
  c: Candidate,
  date1904: boolean,
  merges?: Map<string, Merge[]>,
  mergesUnread = false
): RawTable {
  const m = merges?.get(c.sheet);
  if (m) {
    const grid = [c.headers, ...c.rows];
    fillMerged(grid, c.headerRowIndex, c.columnIndex, m);
  }
  const table: RawTable = {
    name: c.name,
    sheet: c.sheet,
    kind: c.kind,
    headerRow: c.headerRowIndex + 1,
    firstColumn: c.columnIndex + 1,
    headers: c.headers,
    rows: c.rows,
  };
  if (date1904) table.date1904 = true;
  if (c.percentCells) table.percentCells = c.percentCells;
  if (mergesUnread) table.mergedCellsUnread = true;
  return table;
}

/** Statistics of the last read, for tests and diagnostics of the adapter itself. */
export interface ReadStats {
  syncs: number;
  batches: number;
}

/**
 * @summary Read every candidate ledger table of the open workbook — Excel tables and plain
 * worksheets without tables (first non-empty row = headers), never the `考核结果` sheet — into
 * `RawTable`s with rows exactly as Office.js reports them (dates as serials, errors as
 * `{ error }`, empty cells as null). Round trips: 3 + one per 4 MB batch of rows beyond the
 * first {@link SAMPLE_ROWS} of each table (see the module comment). Errors propagate.
 */
export async function readLedgerIn(
  context: Excel.RequestContext,
  stats?: ReadStats
): Promise<RawTable[]> {
  const { candidates, date1904, merges, mergesUnread } = await readCandidates(context, true);
  let syncs = candidates.some((c) => c.rowCount > 0) ? 3 : 2;
  const parts = candidates
    .filter((c) => c.rowCount > c.rows.length)
    .map((c) => ({
      // Chunk offsets count from the first row after the sample (fixed before any chunk lands).
      item: { candidate: c, firstUnread: c.headerRowIndex + 1 + c.rows.length },
      rows: c.rowCount - c.rows.length,
      rowBytes: estimateRowBytes(c.sampleValues, c.sampleTypes, c.columnCount),
    }));
  const batches = planBatches(parts, BATCH_BUDGET_BYTES);
  for (const batch of batches) {
    const reads = batch.map((chunk) => {
      const c = chunk.item.candidate;
      const start = chunk.item.firstUnread + chunk.offset;
      const range = context.workbook.worksheets
        .getItem(c.sheet)
        .getRangeByIndexes(start, c.columnIndex, chunk.count, c.columnCount);
      range.load("values,valueTypes");
      return { chunk, range };
    });
    await context.sync();
    syncs++;
    for (const { chunk, range } of reads) {
      // Chunks of one table come in row order, across batches too.
      chunk.item.candidate.rows.push(...rowsOf(range.values, range.valueTypes));
    }
  }
  if (stats) {
    stats.syncs = syncs;
    stats.batches = batches.length;
  }
  return candidates.map((c) => toRawTable(c, date1904, merges, mergesUnread));
}

/**
 * @summary Headers and sizes of every candidate table, no data rows: exactly 2 round trips.
 * Each table's `rows` is empty; `rowCounts[i]` is its data row count (for a plain sheet, the
 * used range's, which may count trailing rows with values outside the header's columns).
 */
export async function readHeadersIn(
  context: Excel.RequestContext
): Promise<{ tables: RawTable[]; rowCounts: number[]; columnCounts: number[] }> {
  const { candidates, date1904 } = await readCandidates(context, false);
  return {
    tables: candidates.map((c) => toRawTable(c, date1904)),
    rowCounts: candidates.map((c) => c.rowCount),
    columnCounts: candidates.map((c) => c.columnCount),
  };
}
