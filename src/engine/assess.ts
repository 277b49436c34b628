import { advise } from "./advice";
import { statutoryCalendar, uncoveredYears, workdaysBetween, type WorkCalendar } from "./calendar";
import { monthlyTrend } from "./months";
import { checkStaffing } from "./staffing";
import { readContract } from "./contract";
import { diag } from "./diagnostics";
import { scoreAttendance } from "./dimensions/attendance";
import { scoreComplaints } from "./dimensions/complaints";
import { scoreCompletion } from "./dimensions/completion";
import { scoreSatisfaction } from "./dimensions/satisfaction";
import { readLedger } from "./ledger";
import { REASONS, type Bilingual } from "./messages";
import { shareOfFen, tierForHundredths } from "./pay";
import { paymentSchedule } from "./payments";
import { readingsOf } from "./readings";
import { DEFAULT_PROFILE } from "./profile";
import { ratio } from "./ratio";
import { locateTables } from "./schema";
import type {
  AssessOptions,
  Assessment,
  Diagnostic,
  InvalidAssessment,
  Ledger,
  Profile,
  RawTable,
} from "./types";

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
  const out: Diagnostic[] = [];
  const { located, diagnostics } = locateTables(tables);
  out.push(...diagnostics);

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

  const ledger = readLedger(located, profile.completedStatuses, out);
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

  if (asOf < profile.serviceEnd) {
    provisionalReasons.unshift(REASONS.asOfBeforeEnd(asOf, profile.serviceEnd));
  }
  if (satisfaction.responses === 0) {
    provisionalReasons.push(REASONS.noSurveys());
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
