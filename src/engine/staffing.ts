import { diag, type Diagnostic } from "./diagnostics";
import type { WorkCalendar } from "./calendar";
import type { Day } from "./day";
import type { RosterMember } from "./ledger/roster";
import type { Profile } from "./profile";

/** A run of working days with the same shortfall. */
export interface StaffingGap {
  from: Day;
  to: Day;
  /** Working days in the run. */
  days: number;
  /** Roster members on post on each of those days. */
  active: number;
}

/** The staffing duty of 第一条·五, checked on the roster: resident staff on post, and a 负责人 among them. */
export interface Staffing {
  required: number;
  /** Runs of working days with fewer members on post than required. */
  short: StaffingGap[];
  /** Runs of working days on which no member on post has the 负责人 role. */
  noLead: StaffingGap[];
}

/** The role that marks the project lead, as the contract names it. */
const LEAD = "负责人";

/**
 * @summary Check the roster against the staffing duty over the assessed period's working days:
 * each run of days with fewer members on post than `profile.residentStaff`, and each run with no
 * 负责人, is listed and warned about once. The score does not change (the contract's remedy for
 * staffing is a penalty clause, not a deduction).
 * @example
 * checkStaffing(roster, profile, cal, isoDay("2024-07-01"), isoDay("2025-06-30"), out).short //=> []
 */
export function checkStaffing(
  roster: readonly RosterMember[],
  profile: Profile,
  cal: WorkCalendar,
  periodStart: Day,
  periodEnd: Day,
  out: Diagnostic[]
): Staffing {
  const required = profile.residentStaff;
  const short: StaffingGap[] = [];
  const noLead: StaffingGap[] = [];
  const onPost = (m: RosterMember, d: Day) =>
    (m.start ?? -Infinity) <= d && d <= (m.end ?? Infinity);
  const isLead = (m: RosterMember) => (m.role ?? "").normalize("NFKC").includes(LEAD);
  // Extend the last run when it reached the previous working day (and, for head-count runs,
  // had the same count); else start a new one. A lead gap keeps the fewest on post.
  const extend = (
    runs: StaffingGap[],
    d: Day,
    active: number,
    lastWorkday: Day | null,
    sameCount: boolean
  ) => {
    const last = runs[runs.length - 1];
    if (last && last.to === lastWorkday && (!sameCount || last.active === active)) {
      last.to = d;
      last.days++;
      last.active = Math.min(last.active, active);
    } else runs.push({ from: d, to: d, days: 1, active });
  };
  // Who is a lead is read once a member, not once a member and day (a thousand staff, a year).
  const leads = roster.map(isLead);
  let lastWorkday: Day | null = null;
  for (let d = periodStart; d <= periodEnd; d++) {
    if (!cal.isWorkday(d)) continue;
    let active = 0;
    let lead = false;
    for (let i = 0; i < roster.length; i++)
      if (onPost(roster[i], d)) {
        active++;
        if (leads[i]) lead = true;
      }
    if (active < required) extend(short, d, active, lastWorkday, true);
    if (!lead) extend(noLead, d, active, lastWorkday, false);
    lastWorkday = d;
  }
  for (const g of short) out.push(diag("staffing-short", { table: "roster" }, { ...g, required }));
  for (const g of noLead)
    out.push(diag("staffing-no-lead", { table: "roster", column: "role" }, g));
  return { required, short, noLead };
}
