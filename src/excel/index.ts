/**
 * The Excel adapter: the only module of the add-in that calls `Excel.run`. It takes and returns
 * engine types; errors propagate to the caller (the task pane shows them).
 */
import { TABLES, assess, locateTables, type AssessOptions, type RawTable } from "../engine";
import { buildSummary, inDateSystem } from "../report/summary";
import type { SummarySheet } from "../report/types";
import { ledgerLayout, placeOf, type LedgerLayout } from "./locate";
import { readHeadersIn, readLedgerIn, type ReadStats } from "./read";
import { installFunctionNamesIn } from "./names";
import type {
  AssessmentRun,
  CellRef,
  ExcelHost,
  FunctionNamesResult,
  LedgerOverview,
} from "./types";
import { writeSummaryIn, type WriteStats } from "./write";

export type {
  AssessmentRun,
  FunctionNamesResult,
  CellRef,
  ExcelHost,
  LedgerOverview,
  FoundTable,
  MissingTable,
} from "./types";
export type { LedgerLayout, TablePlace } from "./locate";
export type { ReadStats } from "./read";
export type { WriteStats } from "./write";
export { HostError } from "./write";

/**
 * Options of every `Excel.run` here. `delayForCellEdit`: while the user is editing a cell, the
 * batch waits until the edit ends instead of failing (InvalidOperationInCellEditMode). It is in
 * Microsoft's ExcelApi 1.5 list, below the manifest's ExcelApi 1.7 minimum, so no runtime check.
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * @summary Read every candidate ledger table of the open workbook into `RawTable`s.
 * Round trips: 4 + one per 4 MB batch of rows (see `read.ts`).
 */
export async function readLedger(stats?: ReadStats): Promise<RawTable[]> {
  return Excel.run(RUN_OPTIONS, (context) => readLedgerIn(context, stats));
}

/** @summary Candidate tables with row counts, what each matches, and what is missing: 3 round trips (see `read.ts`). */
export async function listTables(): Promise<LedgerOverview> {
  const { tables, rowCounts, columnCounts } = await Excel.run(RUN_OPTIONS, (context) =>
    readHeadersIn(context)
  );
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
    missing: TABLES.filter((d) => !located[d.key]).map((d) => ({
      key: d.key,
      zh: d.zh,
      en: d.en,
      required: d.required,
    })),
    diagnostics,
    layout: ledgerLayout(tables),
  };
}

/** @summary Replace the `考核结果` sheet, all or nothing (see `write.ts`). */
export async function writeSummary(sheet: SummarySheet, stats?: WriteStats): Promise<void> {
  await Excel.run(RUN_OPTIONS, (context) => writeSummaryIn(context, sheet, stats));
}

/**
 * @summary Select and reveal the cell a diagnostic names, in the layout of the read it came
 * from. Resolves false (and changes nothing) when the layout has no such place. One round trip.
 */
export async function selectCell(layout: LedgerLayout, at: CellRef): Promise<boolean> {
  const place = placeOf(layout, at);
  if (!place) return false;
  await Excel.run(RUN_OPTIONS, async (context) => {
    const sheet = context.workbook.worksheets.getItem(place.sheet);
    sheet.activate();
    sheet.getRange(place.address).select();
    await context.sync();
  });
  return true;
}

/**
 * @summary Read, score and — unless the result is invalid — write the summary sheet. Returns
 * the assessment with the layout of the tables it read (for `selectCell`).
 * An invalid result writes nothing; the old summary, if any, stays.
 */
export async function runAssessment(options: AssessOptions = {}): Promise<AssessmentRun> {
  const tables = await readLedger();
  const assessment = assess(tables, options);
  const date1904 = tables.some((t) => t.date1904 === true);
  if (assessment.status !== "invalid")
    await writeSummary(inDateSystem(buildSummary(assessment), date1904));
  return { assessment, layout: ledgerLayout(tables) };
}

/**
 * @summary Define the workbook functions TAILPAY, PAYTIER, TAILRATIO and RATEPOINTS as LAMBDA
 * names, never over an existing name (see `names.ts`). Two round trips.
 */
export async function installFunctionNames(): Promise<FunctionNamesResult> {
  return Excel.run(RUN_OPTIONS, (context) => installFunctionNamesIn(context));
}

/** The adapter as the task pane's `ExcelHost`. */
export const excelHost: ExcelHost = {
  listTables,
  runAssessment,
  selectCell,
  installFunctionNames,
};
