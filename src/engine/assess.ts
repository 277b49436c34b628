import { statutoryCalendar, uncoveredYears, workdaysBetween } from "./calendar";
import { readContract } from "./contract";
import { diag } from "./diagnostics";
import { dayToIso } from "./day";
import { scoreAttendance } from "./dimensions/attendance";
import { scoreComplaints } from "./dimensions/complaints";
import { scoreCompletion } from "./dimensions/completion";
import { scoreSatisfaction } from "./dimensions/satisfaction";
import { readLedger, show } from "./ledger";
import { shareOfFen, tierForHundredths } from "./pay";
import { DEFAULT_PROFILE } from "./profile";
import { ratio } from "./ratio";
import { locateTables } from "./schema";
import type { AssessOptions, Assessment, Diagnostic, Profile, RawTable } from "./types";

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
        "error",
        "service-end-before-start",
        { table: "合同" },
        `服务结束 ${dayToIso(profile.serviceEnd)} 早于服务开始 ${dayToIso(profile.serviceStart)}。`,
        `Service end ${dayToIso(profile.serviceEnd)} is before service start ${dayToIso(profile.serviceStart)}.`,
      ),
    );
  } else if (asOf < periodStart) {
    out.push(
      diag(
        "error",
        "as-of-before-start",
        { table: null },
        `考核日期 ${dayToIso(asOf)} 早于服务开始 ${dayToIso(periodStart)}，没有可考核的期间。`,
        `The as-of date ${dayToIso(asOf)} is before the service start ${dayToIso(periodStart)}: there is no period to assess.`,
      ),
    );
  }

  const ledger = readLedger(located, profile.completedStatuses, out);
  const cal = statutoryCalendar(new Map(ledger.calendar.map((o) => [o.date, o.workday])));
  const provisionalReasons: { zh: string; en: string }[] = [];

  if (located.roster && ledger.roster.length === 0 && !out.some((d) => d.severity === "error" && d.table === "驻场人员")) {
    out.push(
      diag(
        "error",
        "empty-roster",
        { table: "驻场人员" },
        "驻场人员表没有任何人员，无法计算出勤率。请填写驻场人员（合同要求 3 名）。",
        "The Roster has no one on it, so attendance cannot be computed. List the resident staff (the contract requires 3).",
      ),
    );
  }
  if (periodEnd >= periodStart) {
    if (workdaysBetween(cal, periodStart, periodEnd).length === 0) {
      out.push(
        diag(
          "error",
          "no-working-days",
          { table: null },
          `考核期间 ${dayToIso(periodStart)} 至 ${dayToIso(periodEnd)} 没有工作日，无法计算出勤率。`,
          `The assessed period ${dayToIso(periodStart)} to ${dayToIso(periodEnd)} has no working days, so attendance cannot be computed.`,
        ),
      );
    }
    for (const year of uncoveredYears(cal, periodStart, periodEnd)) {
      out.push(
        diag(
          "warning",
          "calendar-year-not-covered",
          { table: "日历" },
          `内置法定节假日数据不含 ${year} 年，该年按周一至周五为工作日计算，结果为暂定。请在「日历」表中登记 ${year} 年的节假日和调休上班日。`,
          `The built-in statutory calendar does not cover ${year}; that year is counted as Monday to Friday and the result is provisional. Add ${year}'s holidays and adjusted working days to the Calendar table.`,
        ),
      );
      provisionalReasons.push({
        zh: `${year} 年不在内置法定节假日数据中，按周一至周五计算`,
        en: `${year} is not in the built-in statutory calendar; counted as Monday to Friday`,
      });
    }
  }

  const base: Omit<Assessment, "status" | "dimensions" | "totalHundredths" | "tier" | "tailRatio" | "tailAmountFen"> = {
    provisionalReasons,
    profile,
    asOf,
    periodStart,
    periodEnd,
    tailBaseFen: shareOfFen(profile.contractAmountFen, profile.tailShare),
    diagnostics: out,
    ledger,
  };
  const invalid = (): Assessment => ({
    ...base,
    status: "invalid",
    provisionalReasons: [],
    dimensions: null,
    totalHundredths: null,
    tier: null,
    tailRatio: null,
    tailAmountFen: null,
  });
  if (out.some((d) => d.severity === "error")) {
    return invalid();
  }

  const attendance = scoreAttendance(ledger, profile, cal, periodStart, periodEnd, out);
  if (attendance.expected === 0) {
    out.push(
      diag(
        "error",
        "no-expected-checks",
        { table: "驻场人员" },
        "没有任何驻场人员的在岗期间与考核期间重叠，应打卡次数为 0，无法计算出勤率。请核对到岗、离岗日期。",
        "No roster member's period overlaps the assessed period, so no checks are expected and attendance cannot be computed. Check the Start and End dates.",
      ),
    );
    return invalid();
  }
  const maintenance = scoreComplaints("maintenance", ledger, profile, asOf, out);
  const responsiveness = scoreComplaints("responsiveness", ledger, profile, asOf, out);
  const completion = scoreCompletion(ledger, profile, out);
  const satisfaction = scoreSatisfaction(ledger, profile, maintenance.events + responsiveness.events, out);

  const totalHundredths =
    attendance.pointsHundredths +
    maintenance.pointsHundredths +
    responsiveness.pointsHundredths +
    completion.pointsHundredths +
    satisfaction.pointsHundredths;
  const tier = tierForHundredths(totalHundredths, profile.payTiers);
  const tailRatio = ratio(BigInt(tier.sharePercent), 100n);

  if (asOf < profile.serviceEnd) {
    provisionalReasons.unshift({
      zh: `考核日期 ${dayToIso(asOf)} 早于服务结束 ${dayToIso(profile.serviceEnd)}，服务期尚未结束`,
      en: `the as-of date ${dayToIso(asOf)} is before the service end ${dayToIso(profile.serviceEnd)}`,
    });
  }
  if (satisfaction.responses === 0) {
    provisionalReasons.push({ zh: "问卷调查结果尚未录入", en: "no survey results yet" });
  }
  const pending = responsiveness.outcomes.filter((o) => o.outcome === "pending" || o.outcome === "no-deadline");
  if (pending.length > 0) {
    provisionalReasons.push({
      zh: `${pending.length} 起响应度投诉尚未能判定（${pending.map((o) => show(o.id)).join("、")}）`,
      en: `${pending.length} responsiveness complaint(s) cannot be judged yet (${pending.map((o) => show(o.id)).join(", ")})`,
    });
  }

  return {
    ...base,
    status: provisionalReasons.length > 0 ? "provisional" : "final",
    dimensions: { attendance, maintenance, responsiveness, completion, satisfaction },
    totalHundredths,
    tier: tier.tier,
    tailRatio,
    tailAmountFen: shareOfFen(base.tailBaseFen, tailRatio),
  };
}
