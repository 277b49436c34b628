import type { Day } from "../day";
import type { Diagnostic } from "../diagnostics";
import type { Located } from "../schema";
import { memoText } from "../values";
import { orNull } from "./cellRead";
import { rowsOf } from "./rowsOf";
import { dateParser } from "./rowView";

/** A row of the 驻场人员 (Roster) table: a resident staff member and their period on post. */
export interface RosterMember {
  row: number;
  sheet?: string;
  name: string;
  role: string | null;
  start: Day | null;
  end: Day | null;
}

/** Names match after NFKC and with spaces removed: "张 伟" and "张伟" are one person. */
export const normalizePerson = memoText((name: string): string =>
  name.normalize("NFKC").replace(/\s+/g, "").toLowerCase()
);

/**
 * @summary The roster's members. One person may take several rows (left and came back), with
 * periods that do not overlap; overlapping periods of one name are an error (SPEC §5).
 */
export function readRoster(loc: Located, out: Diagnostic[]): RosterMember[] {
  const members: RosterMember[] = [];
  const seen = new Map<string, RosterMember[]>();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const name = r.text("name");
    const role = r.text("role");
    const start = r.get("start", date, "bad-date");
    const end = r.get("end", date, "bad-date");
    if (name.kind === "empty") {
      r.report("name", "empty-required", { expected: null });
      continue;
    }
    if (name.kind === "bad" || r.bad) continue;
    if (start.kind === "ok" && end.kind === "ok" && end.value < start.value) {
      r.report("end", "end-before-start", { start: start.value, end: end.value });
      continue;
    }
    const m: RosterMember = {
      row: r.row,
      name: name.value,
      role: orNull(role),
      start: orNull(start),
      end: orNull(end),
    };
    if (r.sheet !== undefined) m.sheet = r.sheet;
    const key = normalizePerson(name.value);
    const earlier = seen.get(key);
    if (earlier) {
      // Someone who left and returned: two rows, non-overlapping periods (SPEC §5).
      const clash = earlier.find((e) => overlaps(e, m));
      if (clash) {
        if (clash.start === null && clash.end === null && m.start === null && m.end === null)
          r.report("name", "duplicate-name", { name: m.name, firstRow: clash.row });
        else r.report("name", "roster-periods-overlap", { name: m.name, firstRow: clash.row });
        continue;
      }
      earlier.push(m);
    } else seen.set(key, [m]);
    members.push(m);
  }
  return members;
}

/** Whether two roster periods share a day (an open end reaches to the end of time). */
function overlaps(a: RosterMember, b: RosterMember): boolean {
  const aFrom = a.start ?? -Infinity;
  const aTo = a.end ?? Infinity;
  const bFrom = b.start ?? -Infinity;
  const bTo = b.end ?? Infinity;
  return aFrom <= bTo && bFrom <= aTo;
}
