/**
 * The scoring engine's public surface. Pure: no Office, DOM or file-system imports anywhere
 * under src/engine. Readers hand it `RawTable`s; it hands back an `Assessment`. Only what the
 * views, the readers and the functions use is exported here.
 */
export * from "./types";
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
export { MAX_CAPITALS_FEN, rmbCapitals } from "./capitals";
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
