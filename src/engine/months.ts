import { monthKey, type Day } from "./day";
import type { Dimensions } from "./dimensions";
import type { Ledger } from "./ledger";

/** One calendar month of the period: attendance, tickets by 创建日期, complaint events by 日期. */
export interface MonthTrend {
  /** `YYYY-MM`. */
  month: string;
  present: number;
  expected: number;
  /** Tickets routed to the vendor created in the month, and how many of them are completed. */
  routed: number;
  completed: number;
  /** Deduction events (日常维护 and 响应度) of complaints dated in the month. */
  events: number;
}

/**
 * @summary The assessed period month by month. Tickets and complaints without a date, or dated
 * outside the period, belong to no month (the totals of the dimensions still count them as the
 * law says); a month with no expected checks has a rate of "—" in every view, never 0/0.
 * @example
 * monthlyTrend(ledger, dims, isoDay("2024-07-01"), isoDay("2025-06-30"))[0].month //=> "2024-07"
 */
export function monthlyTrend(
  ledger: Ledger,
  dims: Dimensions,
  periodStart: Day,
  periodEnd: Day
): MonthTrend[] {
  const months: MonthTrend[] = dims.attendance.months.map((m) => ({
    ...m,
    routed: 0,
    completed: 0,
    events: 0,
  }));
  // The month of each day of the period, worked out once (a ledger has 100,000 tickets, a year
  // 365 days).
  const index = new Map(months.map((m, i) => [m.month, i]));
  const monthOfDay = new Int32Array(Math.max(0, periodEnd - periodStart + 1));
  for (let d = periodStart; d <= periodEnd; d++)
    monthOfDay[d - periodStart] = index.get(monthKey(d))!;
  const at = (day: Day | null): MonthTrend | undefined =>
    day === null || day < periodStart || day > periodEnd
      ? undefined
      : months[monthOfDay[day - periodStart]];
  for (const t of ledger.tickets) {
    const m = t.routed ? at(t.created) : undefined;
    if (!m) continue;
    m.routed++;
    if (t.completed) m.completed++;
  }
  const dateOf = new Map(ledger.complaints.map((c) => [c.row, c.date]));
  for (const o of [...dims.maintenance.outcomes, ...dims.responsiveness.outcomes]) {
    const m = o.outcome === "event" ? at(dateOf.get(o.row) ?? null) : undefined;
    if (m) m.events++;
  }
  return months;
}
