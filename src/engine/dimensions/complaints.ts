import { diag } from "../diagnostics";
import type { Day } from "../day";
import type { Diagnostic } from "../diagnostics";
import type { Ledger } from "../ledger";
import type { Profile } from "../profile";
import type { Category } from "../values";

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

export interface EventDimensionResult {
  key: "maintenance" | "responsiveness";
  max: number;
  pointsHundredths: number;
  events: number;
  outcomes: ComplaintOutcome[];
}

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
  out: Diagnostic[]
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
          "complaint-no-deadline",
          { table: "complaints", row: c.row, column: "deadline" },
          { id: c.id }
        )
      );
    } else if (c.rectifiedOn !== null)
      outcome = c.rectifiedOn > c.deadline ? "event" : "rectified-in-time";
    else if (asOf > c.deadline) outcome = "event";
    else {
      outcome = "pending";
      out.push(
        diag(
          "complaint-pending",
          { table: "complaints", row: c.row, column: "rectifiedOn" },
          { id: c.id, deadline: c.deadline, asOf }
        )
      );
    }
    outcomes.push({
      id: c.id,
      row: c.row,
      category,
      outcome,
      deadline: c.deadline,
      rectifiedOn: c.rectifiedOn,
      note: c.note,
    });
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
