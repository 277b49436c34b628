import type { Day } from "../day";
import type { Diagnostic } from "../diagnostics";
import type { Located } from "../schema";
import { parseDayType } from "../values";
import { rowsOf } from "./rowsOf";
import { dateParser } from "./rowView";

/** A row of the optional 日历 (Calendar) table: a day the statutory calendar gets wrong. */
export interface CalendarOverride {
  row: number;
  date: Day;
  workday: boolean;
}

/** @summary The calendar's days, each date once; one date given two types is an error. */
export function readCalendar(loc: Located, out: Diagnostic[]): CalendarOverride[] {
  const days: CalendarOverride[] = [];
  const seen = new Map<number, CalendarOverride>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const d = r.need("date", date, "bad-date");
    const workday = r.need("type", parseDayType, "bad-day-type");
    r.noteWord("type", "dayType");
    if (r.bad || d.kind !== "ok" || workday.kind !== "ok") continue;
    const first = seen.get(d.value);
    if (first) {
      if (first.workday !== workday.value)
        r.report("date", "calendar-conflict", { date: d.value, firstRow: first.row });
      continue;
    }
    const o = { row: r.row, date: d.value, workday: workday.value };
    seen.set(d.value, o);
    days.push(o);
  }
  return days;
}
