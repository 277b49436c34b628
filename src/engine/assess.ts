import { advise } from "./advice";
import { statutoryCalendar, uncoveredYears, workdaysBetween, type WorkCalendar } from "./calendar";
import { monthlyTrend } from "./months";
import { checkStaffing } from "./staffing";
import { defaultsTaken, readContract, type ContractIdentity, type MoneyItem } from "./contract";
import { diag, type Diagnostic } from "./diagnostics";
import { scoreAttendance } from "./dimensions/attendance";
import { scoreComplaints } from "./dimensions/complaints";
import { scoreCompletion } from "./dimensions/completion";
import { scoreSatisfaction } from "./dimensions/satisfaction";
import { readLedger, type Ledger } from "./ledger";
import { REASONS, type Bilingual } from "./messages";
import { shareOfFen, tierForHundredths } from "./pay";
import { paymentSchedule } from "./payments";
import { readingsOf } from "./readings";
import { DEFAULT_PROFILE } from "./profile";
import { ratio, toNumber } from "./ratio";
import { locateTables, nameExportColumns } from "./schema";
import type { Advice } from "./advice";
import type { Day } from "./day";
import type { Dimensions } from "./dimensions";
import type { MonthTrend } from "./months";
import type { Payment } from "./payments";
import type { Profile, TierLetter } from "./profile";
import type { Ratio } from "./ratio";
import type { RawTable } from "./raw";
import type { ReadingResult } from "./readings";
import type { Staffing } from "./staffing";

/** How a run ended: final, provisional (scored, but may still change), or invalid (not scored). */
export type Status = "final" | "provisional" | "invalid";

/** What every assessment has, scored or not. */
interface AssessmentBase {
  profile: Profile;
  /** The contract's identity as the ledger's Contract table gives it (SPEC §9); see `contractOf`. */
  identity: ContractIdentity;
  /** The money items taken from the default profile (`contract-default-used`), empty when none. */
  moneyDefaults: MoneyItem[];
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
interface InvalidAssessment extends AssessmentBase {
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

/**
 * @summary Score a ledger: the whole law of SPEC §1 on the tables a reader found.
 * @description The profile is the default (the source contract), then the Contract table's
 * items, then `options.profile`. The as-of date is `options.asOf`, else the Contract table's
 * 考核日期, else the service end. Any error diagnostic makes the result `invalid` with no scores;
 * warnings never stop scoring. The input tables are never modified.
 * @example
 * const a = assess(tables, { asOf: isoDay("2025-06-30") });
 * a.status //=> "final"
 * a.totalHundredths //=> 8450 (84.50 points)
 */
export function assess(tables: readonly RawTable[], options: AssessOptions = {}): Assessment {
  const { located, diagnostics } = locateTables(tables);
  const a = assessLocated(tables, located, diagnostics, options);
  nameExportColumns(a.diagnostics, located);
  return a;
}

function assessLocated(
  tables: readonly RawTable[],
  located: ReturnType<typeof locateTables>["located"],
  diagnostics: Diagnostic[],
  options: AssessOptions
): Assessment {
  const out: Diagnostic[] = [];
  out.push(...diagnostics);
  if (tables.some((t) => t.mergedCellsUnread)) out.push(diag("merged-cells-not-read", {}, {}));

  const contract = readContract(located.contract, out);
  const profile: Profile = { ...DEFAULT_PROFILE, ...contract.profile, ...options.profile };
  const asOf = options.asOf ?? contract.asOf ?? profile.serviceEnd;
  const periodStart = profile.serviceStart;
  const periodEnd = Math.min(profile.serviceEnd, asOf);

  if (profile.serviceEnd < profile.serviceStart) {
    out.push(
      diag(
        "service-end-before-start",
        { table: "contract" },
        { start: profile.serviceStart, end: profile.serviceEnd }
      )
    );
  } else if (asOf < periodStart) {
    out.push(diag("as-of-before-start", {}, { asOf, start: periodStart }));
  }

  // SPEC §9: a value that decides the money and was not given is said (once the ledger scores:
  // an invalid run pays nothing), and keeps the result provisional; the other defaults are
  // listed once.
  const taken = defaultsTaken(
    { ...contract.profile, ...options.profile },
    profile,
    contract.unreadable
  );
  const moneyDefaults = taken.money.map((m) => m.item);

  const ledger = readLedger(located, profile.completedStatuses, out, profile.surveyScale);
  checkSurveyScale(ledger, profile, out);
  // SPEC §5: tickets and complaints dated outside the service period, or after the as-of date,
  // are not counted; rows with no date are.
  const lastDay = Math.min(profile.serviceEnd, asOf);
  const inPeriod = (d: number | null): boolean =>
    d === null || (d >= profile.serviceStart && d <= lastDay);
  const period = { from: profile.serviceStart, to: profile.serviceEnd, asOf };
  const outside = <T extends { row: number; sheet?: string }>(
    rows: T[],
    date: (t: T) => number | null,
    table: "tickets" | "complaints",
    column: string
  ): T[] => {
    let outsideCount = 0;
    for (const t of rows) if (!inPeriod(date(t))) outsideCount++;
    if (outsideCount === 0) return rows;
    const kept = rows.filter((t) => inPeriod(date(t)));
    {
      const left = rows.filter((t) => !inPeriod(date(t)));
      out.push(
        diag(
          "rows-outside-period",
          { table, column },
          { count: left.length, rows: left.slice(0, 5).map((t) => t.row), ...period }
        )
      );
    }
    return kept;
  };
  ledger.tickets = outside(ledger.tickets, (t) => t.created, "tickets", "created");
  ledger.complaints = outside(ledger.complaints, (c) => c.date, "complaints", "date");
  const cal = statutoryCalendar(new Map(ledger.calendar.map((o) => [o.date, o.workday])));
  const provisionalReasons: Bilingual[] = [];

  if (
    located.roster &&
    ledger.roster.length === 0 &&
    !out.some((d) => d.severity === "error" && d.table === "roster")
  ) {
    out.push(diag("empty-roster", { table: "roster" }, {}));
  }
  if (periodEnd >= periodStart) {
    if (workdaysBetween(cal, periodStart, periodEnd).length === 0) {
      out.push(diag("no-working-days", {}, { from: periodStart, to: periodEnd }));
    }
    for (const year of uncoveredYears(cal, periodStart, periodEnd)) {
      out.push(diag("calendar-year-not-covered", { table: "calendar" }, { year }));
      provisionalReasons.push(REASONS.yearNotCovered(year));
    }
  }

  const tailBaseFen = shareOfFen(profile.contractAmountFen, profile.tailShare);
  const schedule = (tailAmountFen: number | null) => {
    const payments = paymentSchedule(
      profile,
      cal,
      profile.contractAmountFen - tailBaseFen,
      tailAmountFen
    );
    for (const p of payments)
      if (p.uncoveredYear !== null)
        out.push(diag("payment-due-not-covered", {}, { payment: p.key, year: p.uncoveredYear }));
    return payments;
  };
  const base = {
    profile,
    identity: contract.identity,
    moneyDefaults,
    asOf,
    periodStart,
    periodEnd,
    tailBaseFen,
    payments: [] as ReturnType<typeof schedule>,
    diagnostics: out,
  };
  const invalid = (): InvalidAssessment => ({
    ...base,
    payments: schedule(null),
    status: "invalid",
  });
  if (out.some((d) => d.severity === "error")) {
    return invalid();
  }
  if (taken.money.length > 0)
    out.push(
      diag(
        "contract-default-used",
        { table: "contract" },
        { values: taken.money, contract: DEFAULT_PROFILE.contractName }
      )
    );
  if (taken.other.length > 0)
    out.push(diag("contract-other-defaults", { table: "contract" }, { defaults: taken.other }));

  const attendance = scoreAttendance(ledger, profile, cal, periodStart, periodEnd, out);
  if (attendance.expected === 0) {
    out.push(diag("no-expected-checks", { table: "roster" }, {}));
    return invalid();
  }
  const maintenance = scoreComplaints("maintenance", ledger, profile, asOf, out);
  const responsiveness = scoreComplaints("responsiveness", ledger, profile, asOf, out);
  const completion = scoreCompletion(ledger, profile, out);
  const satisfaction = scoreSatisfaction(
    ledger,
    profile,
    maintenance.events + responsiveness.events,
    out
  );
  const staffing = checkStaffing(ledger.roster, profile, cal, periodStart, periodEnd, out);
  const dimensions = { attendance, maintenance, responsiveness, completion, satisfaction };

  const totalHundredths =
    attendance.pointsHundredths +
    maintenance.pointsHundredths +
    responsiveness.pointsHundredths +
    completion.pointsHundredths +
    satisfaction.pointsHundredths;
  const tier = tierForHundredths(totalHundredths, profile.payTiers, profile.tierEdge);
  const tailRatio = ratio(BigInt(tier.sharePercent), 100n);

  if (moneyDefaults.length > 0) {
    provisionalReasons.push(REASONS.contractDefaults(moneyDefaults, DEFAULT_PROFILE.contractName));
  }
  if (asOf < profile.serviceEnd) {
    provisionalReasons.unshift(REASONS.asOfBeforeEnd(asOf, profile.serviceEnd));
  }
  if (satisfaction.responses === 0) {
    provisionalReasons.push(REASONS.noSurveys());
  }
  if (ledger.complaintsBeingChecked.length > 0) {
    provisionalReasons.push(
      REASONS.complaintsBeingChecked(ledger.complaintsBeingChecked.map((c) => c.id))
    );
  }
  const pending = responsiveness.outcomes.filter(
    (o) => o.outcome === "pending" || o.outcome === "no-deadline"
  );
  if (pending.length > 0) {
    provisionalReasons.push(REASONS.undecidedComplaints(pending.map((o) => o.id)));
  }

  const tailAmountFen = shareOfFen(base.tailBaseFen, tailRatio);
  return {
    ...base,
    payments: schedule(tailAmountFen),
    status: provisionalReasons.length > 0 ? "provisional" : "final",
    provisionalReasons,
    dimensions,
    totalHundredths,
    tier: tier.tier,
    tailRatio,
    tailAmountFen,
    months: monthlyTrend(ledger, dimensions, periodStart, periodEnd),
    staffing,
    advice: advise(
      profile,
      dimensions,
      totalHundredths,
      tier.tier,
      checksStillToCome(ledger.roster, profile, cal, asOf)
    ),
    readings: readingsOf(dimensions, profile, base.tailBaseFen),
  };
}

/** Checks expected after the as-of date up to the service end: still to come on a provisional run. */
function checksStillToCome(
  roster: Ledger["roster"],
  profile: Profile,
  cal: WorkCalendar,
  asOf: number
): number {
  let n = 0;
  for (const m of roster) {
    const from = Math.max(asOf + 1, m.start ?? -Infinity, profile.serviceStart);
    const to = Math.min(profile.serviceEnd, m.end ?? Infinity);
    if (to >= from) n += workdaysBetween(cal, from, to).length * profile.checksPerDay;
  }
  return n;
}

/**
 * SPEC §5: every score at most 1, or at most 5, on a 100-point scale is almost surely a
 * fraction (0.92) or a 1–5 survey: an error that suggests the fix, never a silent loss of points.
 */
function checkSurveyScale(ledger: Ledger, profile: Profile, out: Diagnostic[]): void {
  if (profile.surveyScale !== 100 || ledger.surveys.length === 0) return;
  let max = 0;
  for (const s of ledger.surveys) max = Math.max(max, toNumber(s.score));
  if (max > 5) {
    // Some scores on another scale among the 100-point ones (4.5 beside 90): scored as written,
    // but said, since one such row moves the mean by several points.
    const low = ledger.surveys.filter((s) => toNumber(s.score) > 0 && toNumber(s.score) <= 5);
    if (low.length > 0 && low.length < ledger.surveys.length)
      out.push(
        diag(
          "survey-scores-mixed-scale",
          { table: "surveys", row: low[0].row, column: "score" },
          { count: low.length, rows: low.slice(0, 5).map((s) => s.row), scale: profile.surveyScale }
        )
      );
    return;
  }
  if (max === 0) return;
  out.push(
    diag(
      "survey-scale-suspect",
      { table: "surveys", column: "score" },
      { max: String(max), scale: profile.surveyScale, hint: max <= 1 ? 1 : 5 }
    )
  );
}
