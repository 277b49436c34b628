/**
 * The scoring engine's public surface. Pure: no Office, DOM or file-system imports anywhere
 * under src/engine. Readers hand it `RawTable`s; it hands back an `Assessment`. Only what the
 * views, the readers and the functions use is exported here.
 */
export type { CellError, RawCell, RawTable } from "./raw";
export type { Day } from "./day";
export type { Ratio } from "./ratio";
export type { TableKey } from "./tables";
export type { Category, Slot } from "./values";
export type { Severity } from "./messages";
export type { Diagnostic } from "./diagnostics";
export type { PayTier, Profile, RateBand, RateRounding, TierEdge, TierLetter } from "./profile";
export type {
  CalendarOverride,
  Complaint,
  Ledger,
  Punch,
  RosterMember,
  Survey,
  Ticket,
} from "./ledger";
export type { AttendanceResult, MemberAttendance } from "./dimensions/attendance";
export type { ComplaintOutcome, EventDimensionResult } from "./dimensions/complaints";
export type { CompletionResult } from "./dimensions/completion";
export type { SatisfactionResult } from "./dimensions/satisfaction";
export type { DimensionKey, Dimensions } from "./dimensions";
export type { ReadingKey, ReadingResult } from "./readings";
export type { Payment } from "./payments";
export type {
  AssessOptions,
  Assessment,
  InvalidAssessment,
  ScoredAssessment,
  Status,
} from "./assess";
export {
  dayFromSerial,
  dayToIso,
  isoDay,
  parseDateText,
  serialFromDay,
  serialInDateSystem,
  weekdayOf,
  ymdOf,
  dayFromYmd,
} from "./day";
export { compare, mul, ratio, ratioFromNumber, roundToUnits, toNumber } from "./ratio";
export {
  BUILTIN_CALENDAR,
  BUILTIN_YEARS,
  networkDays,
  statutoryCalendar,
  uncoveredYears,
  workdayAfter,
  workdaysBetween,
  type WorkCalendar,
} from "./calendar";
export {
  bandShare,
  pointsForShare,
  shareOfFen,
  tailPayFen,
  tierForHundredths,
  tierForScore,
} from "./pay";
export { DEFAULT_PROFILE } from "./profile";
export {
  CONTRACT_ITEMS,
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  TOOL_SHEET_NAMES,
  TABLES,
  askedColumns,
  tableDef,
  type ColumnDef,
  type TableDef,
} from "./tables";
export {
  MAX_HEADER_GAP,
  TITLE_ROWS_LIMIT,
  locateTables,
  normalizeName,
  plainSheetColumns,
  type Located,
} from "./schema";
export { NO_CACHE_ERROR } from "./values";
export { assess } from "./assess";
export type { Advice, AdviceChange } from "./advice";
export type { MonthTrend } from "./months";
export type { Staffing, StaffingGap } from "./staffing";
export { monthKey } from "./day";
export { PAYMENT_WORKING_DAYS, dueAfter } from "./payments";
export { readingsOf } from "./readings";
export {
  REASONS,
  DIAGNOSTIC_CODES,
  show,
  type Bilingual,
  type DiagnosticArgs,
  type DiagnosticCode,
  type FileErrorCode,
  type HostWords,
  wordHostedCodes,
} from "./messages";
export {
  SEVERITIES,
  SEVERITY_TEXT,
  diag,
  diagnosticText,
  locationZh,
  messageOf,
  shown,
  sortDiagnostics,
  type ShownDiagnostic,
  type Where,
} from "./diagnostics";
