/**
 * The scoring engine's public surface: what the views (src/report, src/taskpane), the hosts
 * (src/cli, src/excel) and the custom functions use, and nothing more (`knip` in `npm run lint`
 * keeps it so). Pure: no Office, DOM or file-system imports anywhere under src/engine. Readers
 * hand it `RawTable`s; it hands back an `Assessment`. docs/architecture.md draws its layers.
 */

// What a reader hands in, and the run.
export type { RawCell, RawTable } from "./raw";
export {
  assess,
  type AssessOptions,
  type Assessment,
  type ScoredAssessment,
  type Status,
} from "./assess";
export { NO_CACHE_ERROR, isEmpty } from "./values";
// The contract an assessment is the document of (SPEC §9): its identity and money terms.
export { contractOf, type ContractDocument } from "./document";
export type { MoneyItem } from "./contract";

// What an assessment holds.
export type { Day } from "./day";
export type { Ratio } from "./ratio";
export type { Profile, RateRounding, TierEdge, TierLetter } from "./profile";
export type { DimensionKey } from "./dimensions";
export type { ComplaintOutcome } from "./dimensions/complaints";
export type { ReadingKey } from "./readings";
export type { Payment } from "./payments";
export type { AdviceChange } from "./advice";
export type { StaffingGap } from "./staffing";
export { DEFAULT_PROFILE } from "./profile";

// Diagnostics and the catalogue they are worded from.
export {
  DIAGNOSTIC_CODES,
  REASONS,
  wordHostedCodes,
  type Bilingual,
  type DiagnosticCode,
  type FileErrorCode,
  type HostWords,
  type Severity,
} from "./messages";
export {
  SEVERITY_TEXT,
  diag,
  diagnosticText,
  locationZh,
  messageOf,
  shown,
  sortDiagnostics,
  type Diagnostic,
  type ShownDiagnostic,
} from "./diagnostics";

// Days, exact ratios, the statutory calendar and the pay rules, for the views and the functions.
export {
  dayFromSerial,
  dayFromYmd,
  dayToIso,
  isoDay,
  parseDateText,
  serialFromDay,
  serialInDateSystem,
  ymdOf,
} from "./day";
export { ratio, ratioFromNumber, roundToUnits, toNumber } from "./ratio";
export {
  BUILTIN_CALENDAR,
  BUILTIN_YEARS,
  networkDays,
  statutoryCalendar,
  uncoveredYears,
  workdayAfter,
  workdaysBetween,
} from "./calendar";
export { dueAfter } from "./payments";
export {
  bandShare,
  pointsForShare,
  shareOfFen,
  tailPayFen,
  tierForHundredths,
  tierForScore,
} from "./pay";
// Amounts in Chinese capitals (SPEC §9), for the summary and OM.RMBCAPS.
export { MAX_CAPITALS_FEN, rmbCapitals } from "./capitals";

// The ledger format, and how a reader's tables are matched to it.
export type { TableKey } from "./tables";
export {
  CONTRACT_ITEMS,
  IDENTITY_ITEMS,
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  TABLES,
  TOOL_SHEET_NAMES,
  askedColumns,
  tableDef,
  type ColumnDef,
  type IdentityKey,
  type TableDef,
} from "./tables";
export {
  TITLE_ROWS_LIMIT,
  columnMatches,
  fitsLedgerTable,
  locateTables,
  normalizeName,
  plainSheetColumns,
} from "./schema";
