/**
 * What the task pane may ask of the host workbook. The task pane's components receive an
 * `ExcelHost` as a prop and never touch `Excel` themselves; `src/excel/index.ts` implements it
 * with Office.js, tests and the browser harness implement it with fakes.
 */
import type { AssessOptions, Assessment, Diagnostic, TableKey } from "../engine";
import type { RunRecord } from "../report/runLog";
import type { VerifyResult } from "../report/verify";
import type { LedgerLayout } from "./locate";

/** One candidate ledger table found in the workbook. */
interface FoundTable {
  /** Excel table name (ListObject), or the worksheet name for a plain sheet. */
  name: string;
  sheet: string;
  kind: "table" | "sheet";
  /** Data rows below the header row (blank rows included; the engine skips them). */
  rows: number;
  columns: number;
  /** The logical ledger table it was recognised as, or null when it matched none. */
  matches: TableKey | null;
}

/** A logical ledger table (SPEC §2) that no workbook table matched. */
interface MissingTable {
  key: TableKey;
  zh: string;
  en: string;
  required: boolean;
}

/** The cheap overview the task pane shows before a run. */
export interface LedgerOverview {
  tables: FoundTable[];
  missing: MissingTable[];
  /** Problems found by locating alone (missing or ambiguous tables, missing columns). */
  diagnostics: Diagnostic[];
  /** Where each logical table stands, for `selectCell`. */
  layout: LedgerLayout;
}

/** An assessment with the layout of the tables it was read from. */
export interface AssessmentRun {
  assessment: Assessment;
  layout: LedgerLayout;
  /** The ledger fingerprint (SHA-256 of the canonical ledger data; the CLI gives the same). */
  fingerprint?: string;
  /** The 考核记录 row appended, or null when nothing was written. */
  record?: RunRecord | null;
  /**
   * Why nothing was written although the ledger scored: `workbook-structure-protected`
   * (checked before anything is written). Absent when written or invalid.
   */
  refused?: Diagnostic;
  /**
   * The print setup: `applied` through worksheet.pageLayout; `unsupported` when the host lacks
   * ExcelApi 1.9 (the summary is written without it, and the pane should say so).
   */
  pageLayout?: "applied" | "unsupported";
}

/**
 * The pane's "台账自上次评分后已修改" check: `verify` on the open workbook. `ledgerChanged` is
 * the flag to show; `outcome` and `findings` say what else differs (summary edited, log
 * edited); `unreadable` when the workbook has no summary yet.
 */
export type LedgerCheck = VerifyResult;

/** The cell a diagnostic points at: table and column by key, worksheet row. */
export interface CellRef {
  table: TableKey | null;
  row: number | null;
  column: string | null;
}

/** What `installFunctionNames` did with each workbook function's name (SPEC §7). */
export interface FunctionNamesResult {
  /** Names it defined now: TAILPAY, PAYTIER, TAILRATIO, RATEPOINTS, in that order. */
  added: string[];
  /** Names already defined in the workbook, left exactly as they were. */
  kept: string[];
  /**
   * One `function-name-kept` warning for each kept name whose formula is not this tool's
   * (the user's own name); none for a name that already holds this tool's LAMBDA.
   */
  diagnostics: Diagnostic[];
  /**
   * True when this Excel does not evaluate LAMBDA (Excel 2021, 2019): nothing was installed and
   * the workbook is as it was (SPEC §13). Absent where LAMBDA works.
   */
  lambdaMissing?: true;
}

/** What `addTemplateTables` did (SPEC §8, the pane's 新建台账模板). */
export interface TemplateTablesResult {
  /** Ledger tables added now, by their Chinese names, each on a new sheet; then 说明 if added. */
  added: string[];
  /**
   * Ledger tables the workbook has already (found by the locator, under any name), and names
   * whose sheet already exists (that sheet gets no table): left exactly as they were.
   */
  kept: string[];
  /**
   * The drop-down lists on columns with a fixed vocabulary: `applied` through
   * Range.dataValidation; `unsupported` when the host lacks ExcelApi 1.8 (tables added without
   * them). Absent when no table was added.
   */
  validation?: "applied" | "unsupported";
}

export interface ExcelHost {
  /** List the candidate ledger tables and what each matches (constant, small round trips). */
  listTables(): Promise<LedgerOverview>;
  /** Read the ledger, score it and, unless invalid, write the summary sheet. */
  runAssessment(options: AssessOptions): Promise<AssessmentRun>;
  /**
   * Select and reveal the cell a diagnostic points at, in the layout of the read it came from.
   * Resolves false when that layout has no such place.
   */
  selectCell(layout: LedgerLayout, at: CellRef): Promise<boolean>;
  /**
   * Define TAILPAY, PAYTIER, TAILRATIO and RATEPOINTS as workbook LAMBDA names (SPEC §7), never
   * over an existing name. Two round trips; Excel's own errors propagate. Optional: a host
   * without it gets no "install" button in the pane.
   */
  installFunctionNames?(): Promise<FunctionNamesResult>;
  /**
   * Recompute from the ledger with the options of the latest 考核记录 row and compare with the
   * summary and the log (SPEC §6 verify). Optional: hosts that predate it omit it.
   */
  checkLedger?(): Promise<LedgerCheck>;
  /**
   * Add the ledger tables the workbook lacks (SPEC §8 ledger template): for each of the seven
   * that the locator does not find, a new sheet with an Excel table (Chinese name and headers),
   * date formats and drop-down validation; and a 说明 sheet when absent. Never touches an
   * existing sheet or table. Optional: a host without it gets no 新建台账模板 button.
   */
  addTemplateTables?(): Promise<TemplateTablesResult>;
}
