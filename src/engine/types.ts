import type { Advice } from "./advice";
import type { Bilingual, DiagnosticArgs, DiagnosticCode } from "./messages";
import type { MonthTrend } from "./months";
import type { Staffing } from "./staffing";

/**
 * The engine's vocabulary. Nothing here knows about Excel, files or the DOM: a reader (the
 * Excel adapter, the command line) turns whatever it reads into `RawTable`s, and the engine
 * turns those into an `Assessment`.
 */

/** An Excel error value read from a cell (`#N/A`, `#REF!`, ...). */
export interface CellError {
  error: string;
}

/**
 * One cell as a reader found it, before any interpretation.
 * - dates arrive as Excel serial numbers in the 1900 date system (readers convert 1904 workbooks
 *   and library `Date` objects), so a number in a date column is a serial;
 * - times of day arrive as fractions of a day;
 * - `null` is an empty cell.
 */
export type RawCell = string | number | boolean | null | CellError;

/** A table exactly as read: its header row and data rows, with where they stand in the sheet. */
export interface RawTable {
  /** The Excel table's name (ListObject), or the worksheet's name for a plain sheet. */
  name: string;
  /** The worksheet holding it. */
  sheet: string;
  /** `table` for an Excel table (ListObject), `sheet` for a plain worksheet. */
  kind: "table" | "sheet";
  /** Worksheet row number (1-based, as Excel shows it) of the header row. */
  headerRow: number;
  /** Worksheet column number (1-based) of the first column. */
  firstColumn: number;
  headers: RawCell[];
  /**
   * True when the workbook uses the 1904 date system: numbers in date columns are then 1904
   * serials, and the engine converts them. Default false.
   */
  date1904?: boolean;
  /** Data rows in sheet order; row i stands at worksheet row `headerRow + 1 + i`. */
  rows: RawCell[][];
  /**
   * Cells formatted as a percentage, as `row,column` (worksheet row and column numbers, 1-based):
   * a survey score 0.92 shown as 92% is 92. Absent when the reader found none.
   */
  percentCells?: ReadonlySet<string>;
  /**
   * Set by the Excel adapter when the host cannot report merged cells (ExcelApi 1.13 missing):
   * the engine then warns that merged ranges hold their value in their first cell only.
   */
  mergedCellsUnread?: boolean;
}

/** A calendar date as a whole number of days since 1970-01-01 (no time, no zone). */
export type Day = number;

export type Severity = "error" | "warning" | "info";

/** The logical tables of SPEC §2, by stable key. */
export type TableKey =
  "contract" | "roster" | "punches" | "tickets" | "complaints" | "surveys" | "calendar";

/**
 * A problem found in a ledger: a code from the catalogue (`messages.ts`) with its arguments, and
 * where it points. Table and column are keys; their names and the message are resolved only when
 * the diagnostic is shown (`shown`, `diagnosticText`).
 */
export type Diagnostic = {
  [C in DiagnosticCode]: {
    /** Always the code's own severity (see the catalogue). */
    severity: Severity;
    /** Stable, machine-readable code (`punch-rest-day`). */
    code: C;
    /** The logical table, or null for a problem with the whole workbook or run. */
    table: TableKey | null;
    /** Worksheet row number as the user sees it, or null. */
    row: number | null;
    /** The worksheet, when the table is read over several sheets (SPEC §5). */
    sheet?: string;
    /** The column's key in its table's definition (`date`), or null. */
    column: string | null;
    /**
     * The column's header as the sheet writes it, when that is another of its names than the
     * template's (打卡时间 for 时间, in a DingTalk export): SPEC §5 asks that diagnostics name the
     * export's column. Shown in place of the template's name.
     */
    header?: string;
    args: DiagnosticArgs[C];
  };
}[DiagnosticCode];

/** Exact non-negative rational number (used for money shares and survey means). */
export interface Ratio {
  n: bigint;
  d: bigint;
}

export interface RateBand {
  /** Lower bound of the rate, in whole percent (85 means r >= 85%). */
  minPercent: number;
  /** Share of the dimension's max awarded, in whole percent. */
  sharePercent: number;
}

export interface PayTier {
  tier: "A" | "B" | "C" | "D" | "E" | "F";
  /** The tier applies when total > aboveHundredths (null: the lowest tier, anything else). */
  aboveHundredths: number | null;
  /** Share of the tail paid, whole percent. */
  sharePercent: number;
}

export type RateRounding = "none" | "whole-percent";

/**
 * Which tier a total exactly on a tier edge belongs to. `lower` (the default, SPEC §1): 85 is
 * B, as the contract's table writes B as 75-85; `upper`: 85 is A, reading 以上 as including the
 * number (Civil Code art. 1259).
 */
export type TierEdge = "lower" | "upper";

/** Everything a contract's assessment clause and payment terms fix. Defaults: the source contract. */
export interface Profile {
  contractName: string;
  /** Contract amount in fen (integer). */
  contractAmountFen: number;
  /** Tail share of the contract amount (0.5 = 50%). */
  tailShare: Ratio;
  serviceStart: Day;
  serviceEnd: Day;
  signedOn: Day;
  maxPoints: {
    attendance: number;
    maintenance: number;
    responsiveness: number;
    completion: number;
    satisfaction: number;
  };
  /** Survey part of satisfaction (8) and the linked part (2); they sum to maxPoints.satisfaction. */
  surveyPoints: number;
  /** The survey's full score (问卷满分, default 100): survey part = surveyPoints × mean / scale. */
  surveyScale: number;
  linkedPoints: number;
  /** Points deducted per event, in hundredths (300 = 3 points). */
  eventDeductionHundredths: number;
  /** Linked-part deduction per event, in hundredths (50 = 0.5 points). */
  linkedDeductionHundredths: number;
  checksPerDay: number;
  /** Resident staff the contract requires on site each working day (第一条·五: 3, one of them the 负责人). */
  residentStaff: number;
  rateBands: RateBand[];
  rateRounding: RateRounding;
  payTiers: PayTier[];
  /** Where a total exactly on a tier edge goes (default `lower`: 85 is B). */
  tierEdge: TierEdge;
  /** Date of the payment notice (付款通知日期) the tail's due date counts from; null: not yet. */
  paymentNoticeOn: Day | null;
  /** Statuses that count a ticket as completed. */
  completedStatuses: string[];
  penalties: {
    rectifyFailurePercent: number;
    falseCommitmentPercent: number;
    ipBreachPercent: number;
  };
}

export type Slot = "上班" | "下班";

export interface RosterMember {
  row: number;
  sheet?: string;
  name: string;
  role: string | null;
  start: Day | null;
  end: Day | null;
}

export interface Punch {
  row: number;
  /** The worksheet, when the table is read over several sheets. */
  sheet?: string;
  date: Day;
  name: string;
  slot: Slot;
  present: boolean;
  /** The result as written: late and early are present, leave is absent (SPEC §5). */
  mark: "present" | "late" | "early" | "absent" | "leave";
  /**
   * A daily-statistics row whose result says 休息 or 未排班: no check is recorded (it counts as
   * not punched); kept only so that such a word on an expected working day is warned about.
   */
  restWord?: string;
  /** The result column holding restWord (amResult, pmResult …), for the warning. */
  restColumn?: string;
}

export interface Ticket {
  row: number;
  sheet?: string;
  id: string;
  routed: boolean;
  status: string;
  completed: boolean;
  created: Day | null;
}

export type Category = "maintenance" | "responsiveness";

export interface Complaint {
  row: number;
  sheet?: string;
  id: string;
  date: Day | null;
  category: Category;
  verified: boolean;
  deadline: Day | null;
  rectifiedOn: Day | null;
  note: string | null;
}

export interface Survey {
  row: number;
  respondent: string | null;
  /** Exact score 0..100. */
  score: Ratio;
}

export interface CalendarOverride {
  row: number;
  date: Day;
  workday: boolean;
}

/** The typed ledger after parsing: what the dimensions score. */
export interface Ledger {
  roster: RosterMember[];
  punches: Punch[];
  tickets: Ticket[];
  complaints: Complaint[];
  surveys: Survey[];
  calendar: CalendarOverride[];
  /** Which logical tables were found, and where. */
  found: Partial<Record<TableKey, { name: string; sheet: string; rows: number }>>;
}

/** A deduction event or a complaint that was looked at, with the ledger row behind it. */
export interface ComplaintOutcome {
  id: string;
  row: number;
  category: Category;
  /** `event` deducts; `pending` awaits its deadline; the others do not deduct. */
  outcome: "event" | "pending" | "rectified-in-time" | "not-verified" | "no-deadline";
  deadline: Day | null;
  rectifiedOn: Day | null;
  note: string | null;
}

export interface MemberAttendance {
  name: string;
  row: number;
  from: Day | null;
  to: Day | null;
  expected: number;
  present: number;
}

export interface AttendanceResult {
  key: "attendance";
  max: number;
  pointsHundredths: number;
  present: number;
  expected: number;
  /** Band share applied (whole percent) and the whole-percent rate when rounding is on. */
  sharePercent: number;
  members: MemberAttendance[];
  /** Working days in the assessed period (service start .. min(service end, as-of)). */
  workingDays: number;
  /** Rows of absent checks (evidence of lost attendance). */
  absentRows: number[];
  /** Present and expected checks per calendar month of the period (`2024-07`), in order. */
  months: { month: string; present: number; expected: number }[];
  /**
   * Counted check rows written 迟到 (late), 早退 (early) — both present — and 请假/事假/病假/
   * 年假/休假/调休 (leave, absent): SPEC §5.
   */
  marks: { late: number; early: number; leave: number };
}

export interface EventDimensionResult {
  key: "maintenance" | "responsiveness";
  max: number;
  pointsHundredths: number;
  events: number;
  outcomes: ComplaintOutcome[];
}

export interface CompletionResult {
  key: "completion";
  max: number;
  pointsHundredths: number;
  completed: number;
  routed: number;
  sharePercent: number;
  /** Ticket IDs routed to the vendor and not completed (with rows). */
  incomplete: { id: string; row: number; status: string }[];
}

export interface SatisfactionResult {
  key: "satisfaction";
  max: number;
  pointsHundredths: number;
  /** Survey part, exact, and rounded to hundredths for display. */
  survey: Ratio;
  surveyHundredths: number;
  linkedHundredths: number;
  responses: number;
  /** Mean survey score, exact (null when there are no responses). */
  meanScore: Ratio | null;
  linkedEvents: number;
}

export type Status = "final" | "provisional" | "invalid";
export type TierLetter = PayTier["tier"];

/** The five dimensions of SPEC §1, by key. */
export interface Dimensions {
  attendance: AttendanceResult;
  maintenance: EventDimensionResult;
  responsiveness: EventDimensionResult;
  completion: CompletionResult;
  satisfaction: SatisfactionResult;
}

export type DimensionKey = keyof Dimensions;

/** One reading of the contract: the total, tier and tail payable it gives. */
export interface ReadingResult {
  /** Which reading: the chosen one, or the chosen one with one choice changed. */
  reading: ReadingKey;
  /** Total in hundredths (the unrounded reading: the exact sum, rounded only for display). */
  totalHundredths: number;
  /** The exact total (equal to totalHundredths / 100 except under `unrounded-points`). */
  total: Ratio;
  tier: TierLetter;
  tailAmountFen: number;
  /** True when its tail payable differs from the chosen reading's. */
  differs: boolean;
}

/**
 * The readings in dispute (SPEC §6). `chosen` is what the profile says; each other reading
 * changes one choice: the rate rounding (`round-rate` or back to `exact-rate`), the tier edge
 * (`upper-edge` or back to `lower-edge`), or the total summed from unrounded dimension points.
 */
export type ReadingKey =
  "chosen" | "round-rate" | "exact-rate" | "upper-edge" | "lower-edge" | "unrounded-points";

/** One payment of the contract (第四条) and when it falls due. */
export interface Payment {
  key: "first" | "tail";
  /** Amount in fen; null when not known (the tail of an invalid run). */
  amountFen: number | null;
  /** The date the period counts from (signing, payment notice); null when not yet fixed. */
  from: Day | null;
  /** Statutory working days allowed. */
  workingDays: number;
  /** Last day to pay; null when `from` is not fixed or the calendar does not cover the period. */
  due: Day | null;
  /** A year the calendar does not cover, when that is why `due` is null. */
  uncoveredYear: number | null;
}

/** What every assessment has, scored or not. */
interface AssessmentBase {
  profile: Profile;
  asOf: Day;
  /** The period scored: service start .. min(service end, as-of). */
  periodStart: Day;
  periodEnd: Day;
  /** Full tail (before the tier share), in fen. */
  tailBaseFen: number;
  /** The payment schedule (第四条): the first payment and the tail. */
  payments: Payment[];
  diagnostics: Diagnostic[];
}

/** A ledger with any error diagnostic: nothing is scored. */
export interface InvalidAssessment extends AssessmentBase {
  status: "invalid";
}

/** A scored ledger: final, or provisional with the reasons why. */
export interface ScoredAssessment extends AssessmentBase {
  status: "final" | "provisional";
  /** Why the result is provisional, empty when final. */
  provisionalReasons: Bilingual[];
  dimensions: Dimensions;
  totalHundredths: number;
  tier: TierLetter;
  tailRatio: Ratio;
  /** Tail amount paid, in fen. */
  tailAmountFen: number;
  /** The period month by month (SPEC §8). */
  months: MonthTrend[];
  /** The staffing duty checked on the roster (SPEC §8). */
  staffing: Staffing;
  /** What lifts the tier (SPEC §8). */
  advice: Advice;
  /** The readings in dispute: the chosen one first, then each alternative. */
  readings: ReadingResult[];
}

/** The result of `assess`: a union on `status` — an invalid one has no scores, the others always do. */
export type Assessment = InvalidAssessment | ScoredAssessment;

export interface AssessOptions {
  /** As-of date; overrides the Contract table's 考核日期. Default: the service end. */
  asOf?: Day;
  /**
   * Profile overrides on top of the defaults and the Contract table. The two reading choices
   * live here: `rateRounding` ("none" | "whole-percent") and `tierEdge` ("lower" | "upper").
   */
  profile?: Partial<Profile>;
}
