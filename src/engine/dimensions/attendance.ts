import { diag } from "../diagnostics";
import { dayToIso } from "../day";
import { normalizePerson, show } from "../ledger";
import { bandShare, pointsForShare } from "../pay";
import type { WorkCalendar } from "../calendar";
import type { AttendanceResult, Day, Diagnostic, Ledger, MemberAttendance, Profile, Punch } from "../types";

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
  out: Diagnostic[],
): AttendanceResult {
  const T = "考勤";
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

  const members: MemberAttendance[] = [];
  const index = new Map<string, number>();
  for (const m of ledger.roster) {
    const from = Math.max(periodStart, m.start ?? periodStart);
    const to = Math.min(periodEnd, m.end ?? periodEnd);
    const days = workdaysIn(from, to);
    index.set(normalizePerson(m.name), members.length);
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
  for (const p of ledger.punches) {
    const mi = index.get(normalizePerson(p.name));
    if (mi === undefined) {
      out.push(
        diag(
          "warning",
          "punch-unknown-name",
          { table: T, row: p.row, column: "姓名" },
          `「${show(p.name)}」不在驻场人员表中，本条打卡未计入。如是驻场人员，请将其加入「驻场人员」表（姓名须一致）。`,
          `"${show(p.name)}" is not on the Roster; this check is not counted. If they are resident staff, add them to the Roster with the same name.`,
        ),
      );
      continue;
    }
    const m = members[mi];
    if (m.from === null || p.date < m.from || p.date > m.to!) {
      out.push(
        diag(
          "warning",
          "punch-outside-period",
          { table: T, row: p.row, column: "日期" },
          `${dayToIso(p.date)} 不在「${show(m.name)}」的考核期内（${m.from === null ? "无" : `${dayToIso(m.from)} 至 ${dayToIso(m.to!)}`}），本条打卡未计入。`,
          `${dayToIso(p.date)} is outside ${show(m.name)}'s assessed period (${m.from === null ? "none" : `${dayToIso(m.from)} to ${dayToIso(m.to!)}`}); this check is not counted.`,
        ),
      );
      continue;
    }
    if (!workday[p.date - periodStart]) {
      out.push(
        diag(
          "warning",
          "punch-rest-day",
          { table: T, row: p.row, column: "日期" },
          `${dayToIso(p.date)} 是休息日（法定节假日或周末），不是应打卡日，本条打卡未计入。如当天实为工作日，请在「日历」表中登记。`,
          `${dayToIso(p.date)} is a rest day (public holiday or weekend), not a check day; this check is not counted. If it was a working day, add it to the Calendar table.`,
        ),
      );
      continue;
    }
    const k = (mi * span + (p.date - periodStart)) * 2 + (p.slot === "上班" ? 0 : 1);
    if (slots[k] === 0 || p.row < firstRow[k]) {
      if (slots[k] !== 0) repeats.push({ k, p: { ...p, row: firstRow[k] }, mi });
      firstRow[k] = p.row;
    } else repeats.push({ k, p, mi });
    slots[k] |= p.present ? 2 : 1;
  }
  for (const { k, p, mi } of repeats) {
    const name = show(members[mi].name);
    const when = `${dayToIso(p.date)} ${p.slot}`;
    const whenEn = `${p.slot === "上班" ? "start-of-day" : "end-of-day"} check on ${dayToIso(p.date)}`;
    const conflict = slots[k] === 3;
    out.push(
      diag(
        "warning",
        conflict ? "punch-conflict" : "punch-duplicate",
        { table: T, row: p.row, column: "姓名" },
        conflict
          ? `「${name}」${when}的打卡在第 ${firstRow[k]} 行等处有不一致的记录（既有到岗也有缺勤），按到岗计。请核对。`
          : `「${name}」${when}的打卡已在第 ${firstRow[k]} 行记录，本行重复，只计一次。`,
        conflict
          ? `${name}'s ${whenEn} has conflicting records (present and absent, see row ${firstRow[k]}); counted as present. Please check.`
          : `${name}'s ${whenEn} is already recorded at row ${firstRow[k]}; counted once.`,
      ),
    );
  }

  let present = 0;
  let expected = 0;
  const absentRows: number[] = [];
  for (let mi = 0; mi < members.length; mi++) {
    let n = 0;
    const base = mi * span * 2;
    for (let j = base; j < base + span * 2; j++) {
      if (slots[j] & 2) n++;
      else if (slots[j] === 1) absentRows.push(firstRow[j]);
    }
    members[mi].present = n;
    present += n;
    expected += members[mi].expected;
  }
  const max = profile.maxPoints.attendance;
  const sharePercent = expected === 0 ? 0 : bandShare(present, expected, profile.rateBands, profile.rateRounding);
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
  };
}
