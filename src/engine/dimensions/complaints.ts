import { diag } from "../diagnostics";
import { dayToIso } from "../day";
import { show } from "../ledger";
import type { Category, ComplaintOutcome, Day, Diagnostic, EventDimensionResult, Ledger, Profile } from "../types";

/**
 * 日常维护 (第一条·四·2(2)) and 响应度 (2(3)): each verified complaint of the category that is an
 * event deducts 3 points, down to 0.
 * - 日常维护: every verified complaint is an event.
 * - 响应度: a verified complaint is an event when rectified after its deadline, or not rectified
 *   and the as-of date is past the deadline. Rectified on the deadline day is in time. Not
 *   rectified with the deadline not yet passed is pending (not counted, result provisional).
 *   Verified with no deadline: a warning, not counted, provisional.
 */
export function scoreComplaints(
  category: Category,
  ledger: Ledger,
  profile: Profile,
  asOf: Day,
  out: Diagnostic[],
): EventDimensionResult {
  const outcomes: ComplaintOutcome[] = [];
  for (const c of ledger.complaints) {
    if (c.category !== category) continue;
    let outcome: ComplaintOutcome["outcome"];
    if (!c.verified) outcome = "not-verified";
    else if (category === "maintenance") outcome = "event";
    else if (c.deadline === null) {
      outcome = "no-deadline";
      out.push(
        diag(
          "warning",
          "complaint-no-deadline",
          { table: "投诉", row: c.row, column: "整改期限" },
          `响应度投诉「${show(c.id)}」已核实属实，但没有整改期限，无法判断是否按期整改，暂不扣分，结果为暂定。请填写整改期限。`,
          `Responsiveness complaint ${show(c.id)} is verified but has no rectification deadline, so timeliness cannot be judged; not deducted for now, result provisional. Fill in the deadline.`,
        ),
      );
    } else if (c.rectifiedOn !== null) outcome = c.rectifiedOn > c.deadline ? "event" : "rectified-in-time";
    else if (asOf > c.deadline) outcome = "event";
    else {
      outcome = "pending";
      out.push(
        diag(
          "info",
          "complaint-pending",
          { table: "投诉", row: c.row, column: "整改完成日期" },
          `响应度投诉「${show(c.id)}」尚未整改，整改期限 ${dayToIso(c.deadline)} 未到（考核日期 ${dayToIso(asOf)}），暂不扣分，结果为暂定。`,
          `Responsiveness complaint ${show(c.id)} is not yet rectified and its deadline ${dayToIso(c.deadline)} has not passed (as of ${dayToIso(asOf)}); not deducted for now, result provisional.`,
        ),
      );
    }
    outcomes.push({ id: c.id, row: c.row, category, outcome, deadline: c.deadline, rectifiedOn: c.rectifiedOn, note: c.note });
  }
  const events = outcomes.filter((o) => o.outcome === "event").length;
  const max = profile.maxPoints[category];
  return {
    key: category,
    max,
    pointsHundredths: Math.max(0, max * 100 - profile.eventDeductionHundredths * events),
    events,
    outcomes,
  };
}
