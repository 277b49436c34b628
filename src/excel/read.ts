/**
 * Reading the ledger out of the open workbook with Office.js.
 *
 * Round trips (`context.sync()`), whatever the number of rows:
 * 1. worksheet and table names, and the workbook's date system;
 * 2. where every candidate stands (used ranges, table header and body extents), no values;
 * 3. table header rows, and each plain sheet's first {@link HEADER_ROWS} rows across its used
 *    width (where its header row and columns are judged, by src/sheets' `plainSheetHeader`, so
 *    a one-cell title does not narrow the table and a stray value in XFD1 does not make every
 *    row 16,384 cells wide);
 * 4. each plain sheet's last row with data within its header's columns, and every candidate's
 *    first {@link SAMPLE_ROWS} data rows (a ledger that small is then read completely);
 * 5+. the remaining rows, in batches planned under 4 MB: a table's first from its sample, each
 *    later one from the rows just read (`readRemainingRows`).
 * For a run (`readLedgerAndToolSheetsIn`) the same trips also bring the workbook's structure
 * protection (1), where 考核结果 and 考核记录 stand and 考核结果's protection (2), and their cells
 * (3): nothing more for the write to check.
 * What was read becomes `RawTable`s through the cells-to-tables step the .xlsx reader takes too
 * (src/sheets: merged areas, header fallbacks, a plain sheet's extent, percent marks).
 * Excel on the web rejects a request or response over 5 MB. Reads 3 and 4 are planned at
 * {@link CELL_BYTES} a cell under the 4 MB budget (a sheet with a stray XFD1 takes one
 * round trip more each); text is unknown before it is read, so a round trip that still comes
 * back over the limit is refused whole, cut in two and read again (`readBlocks`); a refused
 * row batch is planned again at half its size (SPEC §13: no trip is fatal for size, short of one
 * row over the limit).
 * So `readLedger` takes 4 + about ceil(bytes of the rows beyond the samples / 4 MB) syncs for a
 * usual ledger — 4 for up to 50 rows a table, 5 for one under 4 MB, 8 for 100,000 punch rows —
 * plus one per refused trip. `listTables` takes 3 and reads nothing below the header rows.
 */
import { RUN_LOG_SHEET_NAME, SUMMARY_SHEET_NAME, type RawCell, type RawTable } from "../engine";
import {
  HEADER_ROWS,
  fillMerged,
  isPercentFormat,
  isToolSheet,
  plainSheetHeader,
  scoreColumns,
  tablesOfSheet,
  type CellArea,
  type CellGrid,
  type SheetRead,
} from "../sheets";
import {
  BATCH_BUDGET_BYTES,
  SAMPLE_ROWS,
  estimateRowBytes,
  jsonBytes,
  planBatches,
  toRawCell,
} from "./layout";
import { gridFromA1, type ToolSheets } from "./toolSheets";

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
  /**
   * A plain sheet's header row and the rows under it that may still be its headers (within its
   * columns), read with the headers: where its score columns are looked for.
   */
  headerRows: RawCell[][];
  /** True for a table whose header row is turned off: `headers` are its column names. */
  namesAsHeaders?: boolean;
  /** "row,column" (worksheet numbers) of score cells formatted as a percentage. */
  percentCells?: Set<string>;
  /** Survey score columns (0-based within the candidate), set with the samples. */
  scoreColumns?: number[];
}

/**
 * Merged areas (SPEC §5: a merged range's value fills every cell of it) need
 * Range.getMergedAreasOrNullObject, ExcelApi 1.13 — newer than the manifest's ExcelApi 1.7, so
 * they are asked for only where the host supports it (elsewhere the tables say so and the
 * engine warns `merged-cells-not-read`). Outside Office (tests with the fake host, no `Office`
 * global) they are tried.
 */
function mergedAreasSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return true;
  return office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") === true;
}

/**
 * Number formats of a survey score column (src/sheets' `scoreColumns`) are read with the samples
 * (a score shown as 92% is 92): one short string a cell, so up to this many rows stay far under
 * the payload budget in that one round trip. A longer column has its first {@link SAMPLE_ROWS}
 * formats read there and the rest with its rows, batch by batch (`readRemainingRows`): no score
 * cell's format goes unread, whatever the table's length (the .xlsx reader sees every style).
 */
const MAX_FORMAT_ROWS = 20_000;

/** Rows of a worksheet. */
const MAX_ROWS = 1_048_576;

/**
 * Bytes a cell is planned at before its text is known: an empty one costs 11 (`""` and
 * `"Empty"`), a date or short name about 20. 11 rows × 16,384 columns (a stray XFD1) then fit
 * one 4 MB round trip; longer text is caught by the refusal-and-split path.
 */
const CELL_BYTES = 20;

function rowsOf(values: unknown[][], types: unknown[][] | undefined): RawCell[][] {
  return values.map((row, r) =>
    row.map((v, c) => toRawCell(v, types?.[r]?.[c] as string | undefined))
  );
}

/** A block of cells to read (`values` and `valueTypes`), 0-based worksheet coordinates. */
interface Block {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A block's cells as read. */
interface BlockCells {
  values: unknown[][];
  types: unknown[][];
}

const isPayloadError = (e: unknown): boolean =>
  /PayloadSizeLimitExceeded/i.test(String((e as { code?: unknown })?.code ?? ""));

/**
 * @summary Read `blocks`, planned into round trips estimated under the 4 MB budget at
 * {@link CELL_BYTES} a cell (a block too big for one is cut into row runs, a row too wide into
 * column runs). A cell's text is unknown before it is read, so long text can still push a
 * response over Excel on the web's 5 MB: such a round trip is refused whole (nothing is read),
 * and it is cut in two and read again, down to a single cell. `first` queues extra small loads
 * with the first round trip (again if that one is cut). Returns the cells of each block.
 */
async function readBlocks(
  context: Excel.RequestContext,
  blocks: Block[],
  counter: { syncs: number },
  first?: () => void
): Promise<BlockCells[]> {
  type Piece = Block & { of: number };
  const out: BlockCells[] = blocks.map((b) => ({
    values: Array.from({ length: b.rows }, () => new Array<unknown>(b.columns)),
    types: Array.from({ length: b.rows }, () => new Array<unknown>(b.columns)),
  }));
  const pieces: Piece[] = [];
  const cellsPerTrip = Math.max(1, Math.floor(BATCH_BUDGET_BYTES / CELL_BYTES));
  blocks.forEach((b, of) => {
    if (b.rows < 1 || b.columns < 1) return;
    const columnsPer = Math.min(b.columns, cellsPerTrip);
    const rowsPer = Math.max(1, Math.floor(cellsPerTrip / columnsPer));
    for (let r = 0; r < b.rows; r += rowsPer)
      for (let c = 0; c < b.columns; c += columnsPer)
        pieces.push({
          ...b,
          row: b.row + r,
          column: b.column + c,
          rows: Math.min(rowsPer, b.rows - r),
          columns: Math.min(columnsPer, b.columns - c),
          of,
        });
  });
  // Greedy packing, in order.
  const trips: Piece[][] = [];
  let current: Piece[] = [];
  let cells = 0;
  for (const p of pieces) {
    const n = p.rows * p.columns;
    if (current.length > 0 && cells + n > cellsPerTrip) {
      trips.push(current);
      current = [];
      cells = 0;
    }
    current.push(p);
    cells += n;
  }
  if (current.length > 0 || first) trips.push(current);

  let pendingFirst = first;
  while (trips.length > 0) {
    const trip = trips.shift()!;
    const reads = trip.map((p) => {
      const range = context.workbook.worksheets
        .getItem(p.sheet)
        .getRangeByIndexes(p.row, p.column, p.rows, p.columns);
      range.load("values,valueTypes");
      return { p, range };
    });
    pendingFirst?.();
    counter.syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one trip per planned batch, each under 5 MB (SPEC §13)
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      trips.unshift(...split(trip, e));
      continue;
    }
    pendingFirst = undefined;
    for (const { p, range } of reads) {
      const b = blocks[p.of];
      const target = out[p.of];
      range.values.forEach((row, r) =>
        row.forEach((v, c) => {
          target.values[p.row - b.row + r][p.column - b.column + c] = v;
          target.types[p.row - b.row + r][p.column - b.column + c] = range.valueTypes[r][c];
        })
      );
    }
  }
  return out;

  function split(trip: Piece[], e: unknown): Piece[][] {
    if (trip.length > 1) {
      const half = Math.ceil(trip.length / 2);
      return [trip.slice(0, half), trip.slice(half)];
    }
    const [p] = trip;
    if (p === undefined) throw e; // only the extra loads, and still too big
    if (p.rows > 1) {
      const half = Math.ceil(p.rows / 2);
      return [[{ ...p, rows: half }], [{ ...p, row: p.row + half, rows: p.rows - half }]];
    }
    if (p.columns > 1) {
      const half = Math.ceil(p.columns / 2);
      return [
        [{ ...p, columns: half }],
        [{ ...p, column: p.column + half, columns: p.columns - half }],
      ];
    }
    throw e; // one cell over the limit: nothing smaller to read
  }
}

/**
 * The metadata round trips shared by `readLedger` and `listTables`: every Excel table, and every
 * worksheet holding no table, except the sheets the tool writes (考核结果, 考核记录). Round trips
 * 1 and 2 always; round trip 3 (true row extents of plain sheets and the samples) only when
 * `withSamples`.
 */
async function readCandidates(
  context: Excel.RequestContext,
  withSamples: boolean,
  counter: { syncs: number },
  withToolSheets = false
): Promise<{
  candidates: Candidate[];
  date1904: boolean;
  merges: Map<string, CellArea[]>;
  mergesUnread: boolean;
  tool?: ToolSheets;
}> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  // Workbook structure protection (ExcelApi 1.7), for a run that will write.
  const structure = withToolSheets ? workbook.protection.load("protected") : null;
  // showHeaders (ExcelApi 1.3): a table whose header row is turned off still names its columns.
  const tables = workbook.tables.load("items/name,items/showHeaders");
  // DATE(1904,1,1) is serial 0 in the 1904 date system and 1462 in the 1900 one; evaluated
  // by the workbook without touching any cell.
  const probe = workbook.functions.date(1904, 1, 1);
  probe.load("value");
  counter.syncs++;
  await context.sync(); // round trip 1

  // Round trip 2: where everything stands; no cell values yet (their size is unknown).
  // A table with its header row turned off (Table Design > Header Row): its columns' names are
  // its headers, as the .xlsx reader takes them from <tableColumn name>, and the header row is
  // the row above its first data row (what Office.js returns as the header row range of such a
  // table is not documented, so it is not asked for).
  const tableReads = tables.items.map((table) => {
    const worksheet = table.worksheet.load("name");
    const header = table.showHeaders ? table.getHeaderRowRange() : table.getRange();
    header.load("rowIndex,columnIndex,columnCount");
    const body = table.getDataBodyRange().load("rowCount");
    const names = table.showHeaders ? null : table.columns.load("items/name");
    return { table, worksheet, header, body, names };
  });
  const sheetReads = sheets.items
    .filter((s) => !isToolSheet(s.name))
    .map((sheet) => {
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { sheet, used };
    });
  const canMerge = mergedAreasSupported();
  const mergeReads = canMerge
    ? sheetReads.map(({ sheet }) => {
        const areas = sheet.getUsedRange(true).getMergedAreasOrNullObject();
        areas.load(
          "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount"
        );
        return { sheet, areas };
      })
    : [];
  // The tool sheets (考核结果, 考核记录) a run reads back: where their cells stand, and whether
  // the summary sheet is protected; their cells come with the headers.
  const toolReads = withToolSheets
    ? [SUMMARY_SHEET_NAME, RUN_LOG_SHEET_NAME].map((name) => {
        const sheet = sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
        if (!sheet) return null;
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        const protection = name === SUMMARY_SHEET_NAME ? sheet.protection.load("protected") : null;
        return { name: sheet.name, used, protection };
      })
    : [];
  counter.syncs++;
  await context.sync(); // round trip 2
  const toolBlocks = toolReads.map((t) =>
    t && !t.used.isNullObject
      ? {
          sheet: t.name,
          row: t.used.rowIndex,
          column: t.used.columnIndex,
          rows: t.used.rowCount,
          columns: t.used.columnCount,
        }
      : null
  );

  const merges = new Map<string, CellArea[]>();
  for (const { sheet, areas } of mergeReads) {
    if (areas.isNullObject) continue;
    merges.set(
      sheet.name,
      areas.areas.items.map((a) => ({
        top: a.rowIndex + 1,
        left: a.columnIndex + 1,
        bottom: a.rowIndex + a.rowCount,
        right: a.columnIndex + a.columnCount,
      }))
    );
  }
  const mergesUnread = !canMerge;

  // Round trip 3 (more when wide or long): table header rows, and each plain sheet's first
  // HEADER_ROWS rows across its used width (a stray XFD1 makes that 16,384 columns), planned
  // under the budget.
  const sheetsWithTables = new Set(tableReads.map((t) => t.worksheet.name));
  const tablesKept = tableReads.filter((t) => !isToolSheet(t.worksheet.name));
  const plain = sheetReads.filter((s) => !sheetsWithTables.has(s.sheet.name));
  const heads = await readBlocks(
    context,
    [
      ...tablesKept.map((t) => ({
        sheet: t.worksheet.name,
        row: t.header.rowIndex,
        column: t.header.columnIndex,
        rows: t.names ? 0 : 1,
        columns: t.header.columnCount,
      })),
      ...plain.map(({ sheet, used }) => ({
        sheet: sheet.name,
        row: used.rowIndex,
        column: used.columnIndex,
        rows: Math.min(HEADER_ROWS, MAX_ROWS - used.rowIndex),
        columns: used.columnCount,
      })),
      ...toolBlocks.filter((b) => b !== null),
    ],
    counter
  );
  let tool: ToolSheets | undefined;
  if (withToolSheets) {
    let next = tablesKept.length + plain.length;
    // No sheet: null; a sheet with nothing in it: no rows.
    const [summary, log] = toolBlocks.map((b, i) => {
      if (b === null) return toolReads[i] ? [] : null;
      const cells = heads[next++];
      return gridFromA1(cells.values, cells.types, b.row, b.column);
    });
    tool = {
      structureProtected: structure!.protected,
      summary,
      log,
      summaryProtected: toolReads[0]?.protection?.protected === true,
    };
  }

  const candidates: Candidate[] = [];
  tablesKept.forEach(({ table, worksheet, header, body, names }, i) => {
    candidates.push({
      kind: "table",
      name: table.name,
      sheet: worksheet.name,
      headerRowIndex: names ? header.rowIndex - 1 : header.rowIndex,
      columnIndex: header.columnIndex,
      columnCount: header.columnCount,
      rowCount: body.rowCount,
      headers: names ? names.items.map((c) => c.name) : rowsOf(heads[i].values, heads[i].types)[0],
      headerRows: [],
      ...(names ? { namesAsHeaders: true } : {}),
      rows: [],
      sampleValues: [],
      sampleTypes: [],
    });
  });
  plain.forEach(({ sheet, used }, i) => {
    const cells = heads[tablesKept.length + i];
    const top: CellGrid = {
      rows: rowsOf(cells.values, cells.types),
      row: used.rowIndex + 1,
      column: used.columnIndex + 1,
      columns: used.columnCount,
    };
    const m = merges.get(sheet.name);
    if (m) fillMerged(top, m);
    const header = plainSheetHeader(top);
    const base = { kind: "sheet" as const, name: sheet.name, sheet: sheet.name };
    const none = { rows: [], sampleValues: [], sampleTypes: [] };
    if (!header) {
      // A blank sheet: a table with no headers and no rows, as the .xlsx reader gives.
      candidates.push({
        ...base,
        ...none,
        headerRowIndex: 0,
        columnIndex: 0,
        columnCount: 0,
        rowCount: 0,
        headers: [],
        headerRows: [],
      });
      return;
    }
    const at = header.row - top.row;
    const from = header.first - top.column;
    const to = header.last - top.column + 1;
    candidates.push({
      ...base,
      ...none,
      headerRowIndex: header.row - 1,
      columnIndex: header.first - 1,
      columnCount: header.last - header.first + 1,
      // Provisional: the used range may reach further down in columns outside the header's.
      rowCount: used.rowIndex + used.rowCount - header.row,
      headers: (top.rows[at] ?? []).slice(from, to),
      headerRows: top.rows.slice(at, at + HEADER_ROWS).map((row) => (row ?? []).slice(from, to)),
    });
  });
  if (!withSamples) return { candidates, date1904: probe.value === 0, merges, mergesUnread, tool };

  // Round trip 4 (more when wide or long): every candidate's first SAMPLE_ROWS data rows, planned
  // under the budget, with each plain sheet's last row within its header's columns.
  const sampled = candidates.filter((c) => c.rowCount > 0);
  // Made anew for each attempt of the first round trip: a refused one tells them nothing.
  let extents: (Excel.Range | null)[] = [];
  let formats: { column: number; range: Excel.Range }[][] = [];
  const queueExtents = () => {
    // Survey score columns: their number formats (a score shown as 92% is 92).
    formats = sampled.map((c) => {
      const columns = scoreColumns(c.kind === "table" ? [c.headers] : c.headerRows);
      c.scoreColumns = columns;
      // A long table's formats beyond its samples come with its rows (readRemainingRows).
      const rows = c.rowCount > MAX_FORMAT_ROWS ? Math.min(SAMPLE_ROWS, c.rowCount) : c.rowCount;
      return columns.map((column) => {
        const range = context.workbook.worksheets
          .getItem(c.sheet)
          .getRangeByIndexes(c.headerRowIndex + 1, c.columnIndex + column, rows, 1);
        range.load("numberFormat");
        return { column, range };
      });
    });
    extents = sampled.map((c) => {
      if (c.kind !== "sheet") return null;
      const extent = context.workbook.worksheets
        .getItem(c.sheet)
        .getRangeByIndexes(c.headerRowIndex + 1, c.columnIndex, c.rowCount, c.columnCount)
        .getUsedRangeOrNullObject(true);
      extent.load("rowIndex,rowCount");
      return extent;
    });
  };
  const samples = await readBlocks(
    context,
    sampled.map((c) => ({
      sheet: c.sheet,
      row: c.headerRowIndex + 1,
      column: c.columnIndex,
      rows: Math.min(SAMPLE_ROWS, c.rowCount),
      columns: c.columnCount,
    })),
    counter,
    queueExtents
  );

  sampled.forEach((c, i) => {
    for (const { column, range } of formats[i] ?? [])
      markPercent(c, column, c.headerRowIndex + 1, range.numberFormat as unknown[][]);
    const extent = extents[i];
    if (extent)
      c.rowCount = extent.isNullObject
        ? 0
        : extent.rowIndex + extent.rowCount - (c.headerRowIndex + 1);
    c.sampleValues = samples[i].values.slice(0, Math.min(SAMPLE_ROWS, c.rowCount));
    c.sampleTypes = samples[i].types.slice(0, c.sampleValues.length);
    c.rows = rowsOf(c.sampleValues, c.sampleTypes);
  });
  return { candidates, date1904: probe.value === 0, merges, mergesUnread, tool };
}

/**
 * A candidate's cells as read, handed to the cells-to-tables step (src/sheets) with its sheet's
 * merged areas: a table as its extent over its header row and body, a plain sheet as the block
 * from its header row — which src/sheets may give back as several tables standing side by side.
 */
function toRawTables(
  c: Candidate,
  date1904: boolean,
  merges?: Map<string, CellArea[]>,
  mergesUnread = false
): RawTable[] {
  const top = c.headerRowIndex + 1; // worksheet row of the header row
  const column = c.columnIndex + 1;
  const sheet: SheetRead = {
    name: c.sheet,
    // A table whose header row is off has none in the sheet: its cells start at its body.
    cells: c.namesAsHeaders
      ? { rows: c.rows, row: top + 1, column, columns: c.columnCount }
      : { rows: [c.headers, ...c.rows], row: top, column, columns: c.columnCount },
    merges: merges?.get(c.sheet) ?? [],
    tables:
      c.kind === "table"
        ? [
            {
              name: c.name,
              area: {
                top: c.namesAsHeaders ? top + 1 : top,
                left: column,
                bottom: top + c.rows.length,
                right: column + c.columnCount - 1,
              },
              headerRowCount: c.namesAsHeaders ? 0 : 1,
              totalsRowCount: 0, // the body (getDataBodyRange) leaves the totals row out
              columnNames: c.namesAsHeaders ? (c.headers as string[]) : [],
            },
          ]
        : [],
    date1904,
  };
  if (mergesUnread) sheet.mergesUnread = true;
  if (c.percentCells) sheet.percent = c.percentCells;
  return tablesOfSheet(sheet);
}

/** Bytes planned for one score cell's number format in a row batch (`"0.00%"` and its comma). */
const FORMAT_CELL_BYTES = 16;

/** Margin over the bytes a row was seen to take when planning the next batch from it. */
const OBSERVED_MARGIN = 1.15;

/** The rows of one candidate still to read after its sample. */
interface Remaining {
  candidate: Candidate;
  /** 0-based worksheet row of the next unread row. */
  next: number;
  left: number;
  /** Estimated response bytes a row, from the sample, then from the rows last read. */
  rowBytes: number;
  /** Score columns whose number formats are read with the rows (tables over MAX_FORMAT_ROWS). */
  formatColumns: number[];
}

/**
 * @summary Read every candidate's rows beyond its sample, one round trip per batch planned under
 * the 4 MB budget, and return the number of row round trips taken.
 * @description The first batch of a table is planned from its sample; each later one from the
 * rows just read (their bytes as `jsonBytes` counts them, plus a margin), so a note column empty
 * in the first rows and full of text further down costs a batch or two more, not a failure. A
 * batch that Excel refuses for size (`ResponsePayloadSizeLimitExceeded`; nothing of it is read)
 * is planned again at half its estimated size and read again; only a single row over the limit
 * is fatal. A survey score column too long to have its number formats read with the samples
 * (over {@link MAX_FORMAT_ROWS} rows) has them read here, with its rows, so a score shown as
 * 92% is 92 whatever the table's length.
 */
async function readRemainingRows(
  context: Excel.RequestContext,
  candidates: Candidate[],
  counter: { syncs: number }
): Promise<number> {
  const todo: Remaining[] = candidates
    .filter((c) => c.rowCount > c.rows.length)
    .map((c) => {
      const formatColumns = c.rowCount > MAX_FORMAT_ROWS ? (c.scoreColumns ?? []) : [];
      return {
        candidate: c,
        next: c.headerRowIndex + 1 + c.rows.length,
        left: c.rowCount - c.rows.length,
        rowBytes:
          estimateRowBytes(c.sampleValues, c.sampleTypes, c.columnCount) +
          formatColumns.length * FORMAT_CELL_BYTES,
        formatColumns,
      };
    });
  let budget = BATCH_BUDGET_BYTES;
  let trips = 0;
  for (;;) {
    const open = todo.filter((t) => t.left > 0);
    if (open.length === 0) return trips;
    const plan = planBatches(
      open.map((t) => ({ item: t, rows: t.left, rowBytes: t.rowBytes })),
      budget
    )[0];
    const reads = plan.map((chunk) => {
      const t = chunk.item;
      const c = t.candidate;
      const sheet = context.workbook.worksheets.getItem(c.sheet);
      const start = t.next + chunk.offset;
      const range = sheet.getRangeByIndexes(start, c.columnIndex, chunk.count, c.columnCount);
      range.load("values,valueTypes");
      const formats = t.formatColumns.map((column) => {
        const f = sheet.getRangeByIndexes(start, c.columnIndex + column, chunk.count, 1);
        f.load("numberFormat");
        return { column, range: f };
      });
      return { chunk, start, range, formats };
    });
    counter.syncs++;
    trips++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one trip per planned batch, each under 5 MB (SPEC §13)
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const planned = plan.reduce((n, ch) => n + ch.count * ch.item.rowBytes, 0);
      if (plan.length === 1 && plan[0].count === 1) throw e; // one row over the limit
      budget = Math.max(1, Math.floor(Math.min(budget, planned) / 2));
      continue;
    }
    budget = BATCH_BUDGET_BYTES;
    for (const { chunk, start, range, formats } of reads) {
      const t = chunk.item;
      const c = t.candidate;
      // Chunks of one table come in row order, across batches too.
      c.rows.push(...rowsOf(range.values, range.valueTypes));
      let seen = jsonBytes(range.values) + jsonBytes(range.valueTypes);
      for (const f of formats) {
        seen += jsonBytes(f.range.numberFormat);
        markPercent(c, f.column, start, f.range.numberFormat as unknown[][]);
      }
      t.rowBytes = Math.max(1, Math.ceil((seen / chunk.count) * OBSERVED_MARGIN));
      t.next += chunk.count;
      t.left -= chunk.count;
    }
  }
}

/** Mark the cells of `column` (within the candidate) from worksheet row index `start` whose format shows a percentage. */
function markPercent(c: Candidate, column: number, start: number, formats: unknown[][]): void {
  formats.forEach((row, r) => {
    if (isPercentFormat(row[0]))
      (c.percentCells ??= new Set()).add(`${start + 1 + r},${c.columnIndex + 1 + column}`);
  });
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
 * `{ error }`, empty cells as null). Round trips: 4 + one per 4 MB batch of rows beyond the
 * first {@link SAMPLE_ROWS} of each table, usually (see the module comment). Errors propagate.
 */
export async function readLedgerIn(
  context: Excel.RequestContext,
  stats?: ReadStats
): Promise<RawTable[]> {
  return (await readLedgerAndToolSheetsIn(context, stats, false)).tables;
}

/**
 * @summary `readLedgerIn`, and with it (when `withToolSheets`) what a run needs of the tool
 * sheets — the workbook's structure protection, 考核结果's protection and the cells of 考核结果
 * and 考核记录 — in the same round trips: no extra trip for them.
 */
export async function readLedgerAndToolSheetsIn(
  context: Excel.RequestContext,
  stats?: ReadStats,
  withToolSheets = true
): Promise<{ tables: RawTable[]; tool: ToolSheets | undefined }> {
  const counter = { syncs: 0 };
  const { candidates, date1904, merges, mergesUnread, tool } = await readCandidates(
    context,
    true,
    counter,
    withToolSheets
  );
  const batches = await readRemainingRows(context, candidates, counter);
  if (stats) {
    stats.syncs = counter.syncs;
    stats.batches = batches;
  }
  return {
    tables: candidates.flatMap((c) => toRawTables(c, date1904, merges, mergesUnread)),
    tool,
  };
}

/**
 * @summary Headers and sizes of every candidate table, no data rows: 3 round trips, more for
 * very wide or long-text header rows.
 * Each table's `rows` is empty; `rowCounts[i]` is its data row count (for a plain sheet, the
 * used range's, which may count trailing rows with values outside the header's columns).
 */
export async function readHeadersIn(
  context: Excel.RequestContext
): Promise<{ tables: RawTable[]; rowCounts: number[]; columnCounts: number[] }> {
  const { candidates, date1904 } = await readCandidates(context, false, { syncs: 0 });
  const out = { tables: [] as RawTable[], rowCounts: [] as number[], columnCounts: [] as number[] };
  for (const c of candidates) {
    const tables = toRawTables(c, date1904);
    for (const t of tables) {
      out.tables.push(t);
      out.rowCounts.push(c.rowCount);
      // Tables side by side on one plain sheet: each block's own width.
      out.columnCounts.push(tables.length > 1 ? t.headers.length : c.columnCount);
    }
  }
  return out;
}
