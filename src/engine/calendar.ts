import chineseDays from "chinese-days/dist/chinese-days.json";
import { isoDay, weekdayOf, ymdOf, type Day } from "./day";

/**
 * The mainland-China statutory working-day calendar: Monday to Friday, minus public holidays,
 * plus the adjusted working weekend days (调休上班日). The data is the chinese-days package's
 * table; the years it covers are read from that table, never assumed, because the package
 * answers an uncovered year as plain Monday-Friday without saying so.
 */

interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = chineseDays as unknown as HolidayData;
const builtinHolidays = new Set(Object.keys(data.holidays).map(isoDay));
const builtinWorkdays = new Set(Object.keys(data.workdays).map(isoDay));

/** Years the built-in data covers (every year with at least one public holiday listed). */
export const BUILTIN_YEARS: ReadonlySet<number> = new Set(
  Object.keys(data.holidays).map((iso) => Number(iso.slice(0, 4)))
);

export interface WorkCalendar {
  /** Is this date a working day? */
  isWorkday(day: Day): boolean;
  /** Is this date's status known (built-in year or overridden), rather than assumed Monday-Friday? */
  isCovered(day: Day): boolean;
}

/**
 * @summary A calendar on the built-in statutory data, with single dates overridden.
 * @param overrides - date to working day (true) or rest day (false); wins over the built-in data.
 * @example
 * const cal = statutoryCalendar();
 * cal.isWorkday(isoDay("2024-09-29")) //=> true (Sunday, adjusted working day)
 * cal.isWorkday(isoDay("2024-10-01")) //=> false (National Day)
 */
export function statutoryCalendar(overrides: ReadonlyMap<Day, boolean> = new Map()): WorkCalendar {
  return {
    isWorkday(day: Day): boolean {
      const o = overrides.get(day);
      if (o !== undefined) return o;
      if (builtinWorkdays.has(day)) return true;
      if (builtinHolidays.has(day)) return false;
      const wd = weekdayOf(day);
      return wd !== 0 && wd !== 6;
    },
    isCovered(day: Day): boolean {
      return overrides.has(day) || BUILTIN_YEARS.has(ymdOf(day).year);
    },
  };
}

/** The built-in calendar with no overrides (shared; it holds no state). */
export const BUILTIN_CALENDAR: WorkCalendar = statutoryCalendar();

/**
 * @summary Working days from `from` to `to`, both included (empty when from > to).
 * @example
 * workdaysBetween(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2025-06-30")).length //=> 248
 */
export function workdaysBetween(cal: WorkCalendar, from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d++) if (cal.isWorkday(d)) out.push(d);
  return out;
}

/**
 * @summary Years between two dates (inclusive) that are not covered, i.e. treated as Monday-Friday.
 * A year counts only if some date in the range in that year is neither built in nor overridden.
 */
export function uncoveredYears(cal: WorkCalendar, from: Day, to: Day): number[] {
  const years = new Set<number>();
  for (let d = from; d <= to; d++) if (!cal.isCovered(d)) years.add(ymdOf(d).year);
  return [...years].sort((a, b) => a - b);
}

/**
 * @summary Excel's NETWORKDAYS on this calendar: working days between two dates, both included;
 * negative when end is before start.
 * @example
 * networkDays(BUILTIN_CALENDAR, isoDay("2024-09-27"), isoDay("2024-09-30")) //=> 3 (Fri, Sun, Mon)
 */
export function networkDays(cal: WorkCalendar, start: Day, end: Day): number {
  if (end < start) return -networkDays(cal, end, start);
  let n = 0;
  for (let d = start; d <= end; d++) if (cal.isWorkday(d)) n++;
  return n;
}

/**
 * @summary Excel's WORKDAY on this calendar: the date `days` working days after (or, when
 * negative, before) `start`; `start` itself is not counted. Zero days returns start.
 * @example
 * workdayAfter(BUILTIN_CALENDAR, isoDay("2024-09-27"), 1) //=> isoDay("2024-09-29")
 */
export function workdayAfter(cal: WorkCalendar, start: Day, days: number): Day {
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let d = start;
  while (left > 0) {
    d += step;
    if (cal.isWorkday(d)) left--;
  }
  return d;
}
