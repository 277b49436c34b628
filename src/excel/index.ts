/**
 * The Excel adapter: the only module of the add-in that calls `Excel.run`. It takes and returns
 * engine types; errors propagate to the caller (the task pane shows them).
 */
import { TABLES, diag, locateTables, type AssessOptions, type RawTable } from "../engine";
import { scoreLedger, writePlan } from "../report/pipeline";
import { inDateSystem } from "../report/summary";
import type { SummarySheet } from "../report/types";
import { verify } from "../report/verify";
import { widthPoints } from "./layout";
import { queueLogRow } from "./toolSheets";
import { ledgerLayout, placeOf, type LedgerLayout } from "./locate";
import { readHeadersIn, readLedgerAndToolSheetsIn, readLedgerIn, type ReadStats } from "./read";
import { installFunctionNamesIn } from "./names";
import { addTemplateTablesIn } from "./template";
import type {
  AssessmentRun,
  CellRef,
  ExcelHost,
  FunctionNamesResult,
  LedgerCheck,
  LedgerOverview,
  TemplateTablesResult,
} from "./types";
import { writeSummaryIn, type WriteStats } from "./write";
// The words of the add-in's own diagnostics (merged-cells-not-read, sheet-protected).
import "./messages";

export type {
  AssessmentRun,
  FunctionNamesResult,
  CellRef,
  ExcelHost,
  LedgerCheck,
  LedgerOverview,
  TemplateTablesResult,
} from "./types";
export type { LedgerLayout } from "./locate";
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

/**
 * Whether the host has the page layout API (worksheet.pageLayout, horizontalPageBreaks:
 * ExcelApi 1.9, above the manifest's 1.7 minimum), asked of Office.js at run time.
 */
function supportsPageLayout(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true;
}

/**
 * Whether the host has Range.dataValidation (ExcelApi 1.8, above the manifest's 1.7 minimum),
 * asked of Office.js at run time.
 */
function supportsDataValidation(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported("ExcelApi", "1.8") === true;
}

/**
 * @summary Replace the `考核结果` sheet, all or nothing (see `write.ts`), with its page setup
 * where the host supports ExcelApi 1.9. Resolves whether the page setup was applied.
 */
export async function writeSummary(
  sheet: SummarySheet,
  stats?: WriteStats
): Promise<"applied" | "unsupported"> {
  const layout = supportsPageLayout();
  await Excel.run(RUN_OPTIONS, (context) => writeSummaryIn(context, sheet, stats, layout));
  return layout ? "applied" : "unsupported";
}

/**
 * @summary The ledger and the tool sheets (structure protection, 考核结果 and 考核记录) in one
 * read: the ledger's round trips, no more (see `read.ts`).
 */
async function readForRun(stats?: ReadStats) {
  const { tables, tool } = await Excel.run(RUN_OPTIONS, (context) =>
    readLedgerAndToolSheetsIn(context, stats)
  );
  return { tables, tool: tool! };
}

/**
 * @summary The "台账自上次评分后已修改" check: verify the open workbook (SPEC §6). Reads the
 * ledger and the two tool sheets in the ledger's round trips; writes nothing. The pane runs it
 * only when asked (SPEC §13: opening the pane reads no ledger rows).
 */
export async function checkLedger(): Promise<LedgerCheck> {
  const { tables, tool } = await readForRun();
  return verify({ tables, summary: tool.summary, log: tool.log });
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
 * Round trips (SPEC §13: at most 10 at 100,000 rows): the ledger's read, which brings the tool
 * sheets with it (4 + one per row batch), then 2 to write the summary and the 考核记录 row.
 */
export async function runAssessment(
  options: AssessOptions = {},
  now: () => Date = () => new Date(),
  stats?: ReadStats
): Promise<AssessmentRun> {
  const { tables, tool } = await readForRun(stats);
  const { assessment, fingerprint } = scoreLedger(tables, options);
  const layout = ledgerLayout(tables);
  if (assessment.status === "invalid") return { assessment, layout, fingerprint, record: null };
  if (tool.structureProtected)
    return {
      assessment,
      layout,
      fingerprint,
      record: null,
      refused: diag("workbook-structure-protected", {}, {}),
    };
  const { record, summary, log } = writePlan(assessment, fingerprint, {
    previousLog: tool.log,
    now: now(),
  });
  const date1904 = tables.some((t) => t.date1904 === true);
  const pageLayout = supportsPageLayout();
  // Two round trips: the build, then the swap with the 考核记录 row queued after the summary —
  // if the summary fails the row is not written; if the row fails the summary stays without
  // it, which verify reports (the summary's run No. is not the log's last).
  await Excel.run(RUN_OPTIONS, (context) =>
    writeSummaryIn(context, inDateSystem(summary, date1904), undefined, pageLayout, {
      structureProtected: tool.structureProtected,
      summaryExists: tool.summary !== null,
      summaryProtected: tool.summaryProtected === true,
      lastly: () =>
        queueLogRow(
          context,
          tool.log,
          { ...log, widthsPoints: log.columnWidths.map(widthPoints) },
          pageLayout
        ),
    })
  );
  return {
    assessment,
    layout,
    fingerprint,
    record,
    pageLayout: pageLayout ? "applied" : "unsupported",
  };
}

/**
 * @summary Define the workbook functions TAILPAY, PAYTIER, TAILRATIO and RATEPOINTS as LAMBDA
 * names, never over an existing name (see `names.ts`). Two round trips.
 */
export async function installFunctionNames(): Promise<FunctionNamesResult> {
  return Excel.run(RUN_OPTIONS, (context) => installFunctionNamesIn(context));
}

/**
 * @summary The pane's 新建台账模板: add the ledger tables the locator does not find, each on a
 * new sheet, and a 说明 sheet when absent; never over an existing sheet or table (see
 * `template.ts`). The drop-downs need ExcelApi 1.8 and are skipped, and said so, without it.
 * 3 round trips for the overview, then 2.
 */
export async function addTemplateTables(): Promise<TemplateTablesResult> {
  const { missing } = await listTables();
  const validation = supportsDataValidation();
  return Excel.run(RUN_OPTIONS, (context) =>
    addTemplateTablesIn(
      context,
      missing.map((m) => m.key),
      validation
    )
  );
}

/** The adapter as the task pane's `ExcelHost`. */
export const excelHost: ExcelHost = {
  listTables,
  runAssessment,
  selectCell,
  installFunctionNames,
  checkLedger,
  addTemplateTables,
};
