import {
  BUILTIN_CALENDAR,
  assess,
  dayToIso,
  isoDay,
  networkDays,
  statutoryCalendar,
  workdayAfter,
} from "../../src/engine";
import { ledger, serial, scored, shownOf } from "./ledgerBuilder";

const isWork = (iso: string): boolean => BUILTIN_CALENDAR.isWorkday(isoDay(iso));

describe("statutory calendar", () => {
  test("adjusted working weekend days are working days", () => {
    expect(isWork("2024-09-29")).toBe(true); // Sunday
    expect(isWork("2024-10-12")).toBe(true); // Saturday
    expect(isWork("2025-01-26")).toBe(true); // Sunday before Spring Festival
    expect(isWork("2025-02-08")).toBe(true); // Saturday after it
  });

  test("National Day 2024-10-01..07 and Spring Festival 2025-01-28..02-04 are rest days", () => {
    for (let d = isoDay("2024-10-01"); d <= isoDay("2024-10-07"); d++)
      expect([dayToIso(d), BUILTIN_CALENDAR.isWorkday(d)]).toEqual([dayToIso(d), false]);
    for (let d = isoDay("2025-01-28"); d <= isoDay("2025-02-04"); d++)
      expect([dayToIso(d), BUILTIN_CALENDAR.isWorkday(d)]).toEqual([dayToIso(d), false]);
  });

  test("plain weekdays and weekends", () => {
    expect(isWork("2024-07-01")).toBe(true); // Monday
    expect(isWork("2024-07-06")).toBe(false); // Saturday
    expect(isWork("2026-10-01")).toBe(false); // 2026 National Day is built in
  });

  test("the service year 2024-07-01..2025-06-30 has 248 working days", () => {
    expect(networkDays(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2025-06-30"))).toBe(248);
  });

  test("WORKDAY: one working day after Friday 2024-09-27 is Sunday 2024-09-29", () => {
    expect(dayToIso(workdayAfter(BUILTIN_CALENDAR, isoDay("2024-09-27"), 1))).toBe("2024-09-29");
    expect(dayToIso(workdayAfter(BUILTIN_CALENDAR, isoDay("2024-09-30"), 1))).toBe("2024-10-08");
    expect(dayToIso(workdayAfter(BUILTIN_CALENDAR, isoDay("2024-10-08"), -1))).toBe("2024-09-30");
    expect(dayToIso(workdayAfter(BUILTIN_CALENDAR, isoDay("2024-10-03"), 0))).toBe("2024-10-03");
  });

  test("NETWORKDAYS is negative when the end is before the start", () => {
    expect(networkDays(BUILTIN_CALENDAR, isoDay("2024-09-30"), isoDay("2024-09-27"))).toBe(-3);
  });

  test("an override wins over the built-in data, both ways", () => {
    const cal = statutoryCalendar(
      new Map([
        [isoDay("2024-10-01"), true],
        [isoDay("2024-07-01"), false],
      ])
    );
    expect(cal.isWorkday(isoDay("2024-10-01"))).toBe(true);
    expect(cal.isWorkday(isoDay("2024-07-01"))).toBe(false);
  });
});

describe("calendar in an assessment", () => {
  test("a Calendar table override changes the expected checks", () => {
    const base = assess(ledger());
    const withDay = assess(
      ledger({
        calendar: [
          [serial("2024-10-01"), "工作日"],
          [serial("2024-07-01"), "休息日"],
          [serial("2024-07-02"), "RestDay"],
        ],
      })
    );
    expect(scored(withDay).dimensions.attendance.expected).toBe(
      scored(base).dimensions.attendance.expected - 2
    );
  });

  test("a 2031 service period is counted Monday-Friday with a warning naming the year, and is provisional", () => {
    const a = assess(
      ledger({
        contract: [
          ["服务开始", "2031-01-01"],
          ["服务结束", "2031-03-31"],
        ],
      })
    );
    const w = shownOf(a).filter((d) => d.code === "calendar-year-not-covered");
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(w[0].zh).toContain("2031");
    expect(w[0].en).toContain("2031");
    expect(a.status).toBe("provisional");
    // 2031-01-01..03-31 Monday-Friday: 64 days
    expect(scored(a).dimensions.attendance.workingDays).toBe(64);
  });

  test("a Calendar table listing every date of an uncovered period removes the warning", () => {
    const rows = [];
    for (let d = isoDay("2031-01-01"); d <= isoDay("2031-01-10"); d++)
      rows.push([dayToIso(d), d % 7 === 2 || d % 7 === 3 ? "休息日" : "工作日"]);
    const a = assess(
      ledger({
        calendar: rows,
        contract: [
          ["服务开始", "2031-01-01"],
          ["服务结束", "2031-01-10"],
        ],
      })
    );
    expect(shownOf(a).map((d) => d.code)).not.toContain("calendar-year-not-covered");
  });
});
