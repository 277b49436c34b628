/**
 * The Excel adapter: the only module of the add-in that calls `Excel.run`. It takes and returns
 * engine types; errors propagate to the caller (the task pane shows them).
 */
import { TABLES, assess, locateTables, type AssessOptions, type Assessment, type RawTable } from "../engine";
import { buildSummary, inDateSystem } from "../report/summary";
import type { SummarySheet } from "../report/types";
import { placeOf } from "./locate";
import { readHeadersIn, readLedgerIn, type ReadStats } from "./read";
import type { ExcelHost, LedgerOverview } from "./types";
import { writeSummaryIn, type WriteStats } from "./write";

export type { ExcelHost, LedgerOverview, FoundTable, MissingTable } from "./types";
export type { ReadStats } from "./read";
export type { WriteStats } from "./write";

/** The tables of the last read, so a diagnostic's "go to" finds the cell it names. */
let lastTables: RawTable[] = [];

/**
 * @summary Read every candidate ledger table of the open workbook into `RawTable`s.
 * Round trips: 2 + one per 4 MB batch of rows (see `read.ts`).
 */
export async function readLedger(stats?: ReadStats): Promise<RawTable[]> {
  const tables = await Excel.run((context) => readLedgerIn(context, stats));
  lastTables = tables;
  return tables;
}

/** @summary Candidate tables with row counts, what each matches, and what is missing: 2 round trips. */
export async function listTables(): Promise<LedgerOverview> {
  const { tables, rowCounts, columnCounts } = await Excel.run((context) => readHeadersIn(context));
  lastTables = tables;
  const { located, diagnostics } = locateTables(tables);
  const matchOf = new Map(Object.values(located).map((l) => [l!.table, l!.def.key]));
  return {
    tables: tables.map((t, i) => ({
      name: t.name,
      sheet: t.sheet,
      kind: t.kind,
      rows: rowCounts[i],
      columns: columnCounts[i],
      matches: matchOf.get(t) ?? null,
    })),
    missing: TABLES.filter((d) => !located[d.key]).map((d) => ({ key: d.key, zh: d.zh, en: d.en, required: d.required })),
    diagnostics,
  };
}

/** @summary Replace the `考核结果` sheet, all or nothing (see `write.ts`). */
export async function writeSummary(sheet: SummarySheet, stats?: WriteStats): Promise<void> {
  await Excel.run((context) => writeSummaryIn(context, sheet, stats));
}

/**
 * @summary Select and reveal the cell a diagnostic names, located through the last read.
 * Resolves false (and changes nothing) when the workbook has no such place. One round trip.
 */
export async function selectCell(table: string, row: number | null, column: string | null): Promise<boolean> {
  const place = placeOf(lastTables, table, row, column);
  if (!place) return false;
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(place.sheet);
    sheet.activate();
    sheet.getRange(place.address).select();
    await context.sync();
  });
  return true;
}

/**
 * @summary Read, score and — unless the result is invalid — write the summary sheet.
 * An invalid result writes nothing; the old summary, if any, stays.
 */
export async function runAssessment(options: AssessOptions = {}): Promise<Assessment> {
  const tables = await readLedger();
  const assessment = assess(tables, options);
  const date1904 = tables.some((t) => t.date1904 === true);
  if (assessment.status !== "invalid") await writeSummary(inDateSystem(buildSummary(assessment), date1904));
  return assessment;
}

/** The adapter as the task pane's `ExcelHost`. */
export const excelHost: ExcelHost = { listTables, runAssessment, selectCell };
