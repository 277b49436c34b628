import { diag } from "../diagnostics";
import { normalizePerson } from "../ledger/roster";
import { monthKey } from "../day";
import { bandShare, pointsForShare } from "../pay";
import type { WorkCalendar } from "../calendar";
import type { Day } from "../day";
import type { Diagnostic } from "../diagnostics";
import type { Ledger } from "../ledger";
import type { Punch } from "../ledger/punches";
import type { Profile } from "../profile";

interface MemberAttendance {
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

/** Whether the day lies within a roster row's own 到岗日期 … 离岗日期 (either may be empty). */
const onRoster = (r: { start: Day | null; end: Day | null }, d: Day): boolean =>
  (r.start === null || d >= r.start) && (r.end === null || d <= r.end);

/**
 * 出勤率 (第一条·四·2(1)): present checks over expected checks, two a working day per resident
 * staff member, each member counted from max(service start, member start) to
 * min(service end, member end, as-of). A check is counted once per (member, date, slot); a
 * check on a day that is not expected for that member is not counted and is warned about.
 */
export function scoreAttendance(
  ledger: Ledger,
  profile: Profile,
  cal: WorkCalendar,
  periodStart: Day,
  periodEnd: Day,
  out: Diagnostic[]
): AttendanceResult {
  const T = "punches";
  // prefix[i] = working days in [periodStart, periodStart + i)
  const span = Math.max(0, periodEnd - periodStart + 1);
  const workday = new Uint8Array(span);
  const prefix = new Int32Array(span + 1);
  for (let i = 0; i < span; i++) {
    workday[i] = cal.isWorkday(periodStart + i) ? 1 : 0;
    prefix[i + 1] = prefix[i] + workday[i];
  }
  const workdaysIn = (from: Day, to: Day): number =>
    to < from ? 0 : prefix[to - periodStart + 1] - prefix[from - periodStart];

  // The calendar month of each day of the period (for the monthly trend).
  const monthOf = new Int32Array(span);
  const months: { month: string; present: number; expected: number }[] = [];
  for (let i = 0; i < span; i++) {
    const month = monthKey(periodStart + i);
    if (months.length === 0 || months[months.length - 1].month !== month) {
      months.push({ month, present: 0, expected: 0 });
    }
    monthOf[i] = months.length - 1;
  }

  const members: MemberAttendance[] = [];
  // A person who left and returned has one roster row (one member entry) per period.
  const index = new Map<string, number[]>();
  for (const m of ledger.roster) {
    const from = Math.max(periodStart, m.start ?? periodStart);
    const to = Math.min(periodEnd, m.end ?? periodEnd);
    const days = workdaysIn(from, to);
    const key = normalizePerson(m.name);
    const list = index.get(key);
    if (list) list.push(members.length);
    else index.set(key, [members.length]);
    members.push({
      name: m.name,
      row: m.row,
      from: to >= from ? from : null,
      to: to >= from ? to : null,
      expected: days * profile.checksPerDay,
      present: 0,
    });
  }

  // One slot per (member, day, slot), as bits: 1 = an absent row seen, 2 = a present row seen.
  // A slot is present when any of its rows is. firstRow is the slot's lowest worksheet row, and
  // every other row of the slot is a repeat, warned about once the whole table has been read so
  // that the warnings do not depend on the order of the rows.
  const slots = new Uint8Array(members.length * span * 2);
  const firstRow = new Int32Array(members.length * span * 2);
  const repeats: { k: number; p: Punch; mi: number }[] = [];
  const marks = { late: 0, early: 0, leave: 0 };
  for (const p of ledger.punches) {
    const list = index.get(normalizePerson(p.name));
    if (p.restWord !== undefined) {
      // 休息 / 未排班 records no check; said only on a day the member is expected to check.
      const mi = list?.find((i) => {
        const c = members[i];
        return c.from !== null && p.date >= c.from && p.date <= c.to!;
      });
      if (mi !== undefined && workday[p.date - periodStart])
        out.push(
          diag(
            "rest-word-on-workday",
            { table: T, row: p.row, column: p.restColumn ?? "result", sheet: p.sheet },
            { date: p.date, word: p.restWord }
          )
        );
      continue;
    }
    if (list === undefined) {
      out.push(
        diag(
          "punch-unknown-name",
          { table: T, row: p.row, column: "name", sheet: p.sheet },
          { name: p.name }
        )
      );
      continue;
    }
    let mi = list[0];
    if (list.length > 1) {
      for (const i of list) {
        const c = members[i];
        if (c.from !== null && p.date >= c.from && p.date <= c.to!) mi = i;
      }
    }
    const m = members[mi];
    if (m.from === null || p.date < m.from || p.date > m.to!) {
      // An interim run over a whole month's export: a check dated after the as-of date (within
      // the service period and within one of the person's roster periods) is not counted
      // because of the as-of date, and the message says so, grouped (its arguments do not vary
      // by row), instead of blaming the person's period row by row.
      if (
        p.date > periodEnd &&
        periodEnd < profile.serviceEnd &&
        p.date <= profile.serviceEnd &&
        list.some((i) => onRoster(ledger.roster[i], p.date))
      ) {
        out.push(
          diag(
            "punch-after-as-of",
            { table: T, row: p.row, column: "date", sheet: p.sheet },
            { asOf: periodEnd }
          )
        );
        continue;
      }
      out.push(
        diag(
          "punch-outside-period",
          { table: T, row: p.row, column: "date", sheet: p.sheet },
          { date: p.date, name: m.name, from: m.from, to: m.to }
        )
      );
      continue;
    }
    if (!workday[p.date - periodStart]) {
      out.push(
        diag(
          "punch-rest-day",
          { table: T, row: p.row, column: "date", sheet: p.sheet },
          { date: p.date }
        )
      );
      continue;
    }
    if (p.mark === "late") marks.late++;
    else if (p.mark === "early") marks.early++;
    else if (p.mark === "leave") marks.leave++;
    const k = (mi * span + (p.date - periodStart)) * 2 + (p.slot === "上班" ? 0 : 1);
    if (slots[k] === 0 || p.row < firstRow[k]) {
      if (slots[k] !== 0) repeats.push({ k, p: { ...p, row: firstRow[k] }, mi });
      firstRow[k] = p.row;
    } else repeats.push({ k, p, mi });
    slots[k] |= p.present ? 2 : 1;
  }
  for (const { k, p, mi } of repeats) {
    const args = { name: members[mi].name, date: p.date, slot: p.slot, firstRow: firstRow[k] };
    out.push(
      diag(
        slots[k] === 3 ? "punch-conflict" : "punch-duplicate",
        { table: T, row: p.row, column: "name", sheet: p.sheet },
        args
      )
    );
  }

  let present = 0;
  let expected = 0;
  const absentRows: number[] = [];
  for (let mi = 0; mi < members.length; mi++) {
    let n = 0;
    let seen = false;
    const base = mi * span * 2;
    for (let j = base; j < base + span * 2; j++) {
      if (slots[j] & 2) {
        n++;
        months[monthOf[(j - base) >> 1]].present++;
      } else if (slots[j] === 1) absentRows.push(firstRow[j]);
      if (slots[j] !== 0) seen = true;
    }
    const m = members[mi];
    // Not one row for a member who had checks to make: every check absent. Said, since it is
    // often the name written two ways (张叁 in the roster, 张三 in the export).
    if (!seen && m.expected > 0)
      out.push(
        diag(
          "roster-member-no-punches",
          { table: "roster", row: m.row, column: "name" },
          { name: m.name, from: m.from!, to: m.to!, expected: m.expected }
        )
      );
    if (m.from !== null) {
      for (let d = m.from; d <= m.to!; d++) {
        if (workday[d - periodStart])
          months[monthOf[d - periodStart]].expected += profile.checksPerDay;
      }
    }
    members[mi].present = n;
    present += n;
    expected += members[mi].expected;
  }
  const max = profile.maxPoints.attendance;
  const sharePercent =
    expected === 0 ? 0 : bandShare(present, expected, profile.rateBands, profile.rateRounding);
  return {
    key: "attendance",
    max,
    pointsHundredths: pointsForShare(max, sharePercent),
    present,
    expected,
    sharePercent,
    members,
    workingDays: workdaysIn(periodStart, periodEnd),
    absentRows: absentRows.sort((a, b) => a - b),
    months,
    marks,
  };
}
