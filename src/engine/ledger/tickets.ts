import type { Day } from "../day";
import type { Diagnostic } from "../diagnostics";
import type { Located } from "../schema";
import { memoText, parseRouted } from "../values";
import { orNull } from "./cellRead";
import { rowsOf } from "./rowsOf";
import { SeenIds } from "./seenIds";
import { dateParser } from "./rowView";

/** A row of the 工单 (Tickets) table. */
export interface Ticket {
  row: number;
  sheet?: string;
  id: string;
  routed: boolean;
  status: string;
  /** The status is one the profile counts as completed (待验证, 已关闭). */
  completed: boolean;
  created: Day | null;
}

/** A status for matching: NFKC, every space removed ("已 关闭" is 已关闭). */
export const statusKey = memoText((s: string): string => s.normalize("NFKC").replace(/\s+/g, ""));

/** @summary The tickets, each ID once; `completedStatuses` are the statuses that count as done. */
export function readTickets(
  loc: Located,
  out: Diagnostic[],
  completedStatuses: string[]
): Ticket[] {
  const tickets: Ticket[] = [];
  const seen = new SeenIds();
  const date = dateParser(loc);
  const done = new Set(completedStatuses.map(statusKey));
  for (const r of rowsOf(loc, out)) {
    const id = r.needText("id");
    const routed = r.need("routed", parseRouted, "bad-yes-no");
    r.noteWord("routed", "routed");
    const status = r.text("status");
    const created = r.get("created", date, "bad-date");
    if (id.kind === "ok") r.checkUniqueId(seen, id.value);
    if (r.bad || id.kind !== "ok" || routed.kind !== "ok" || status.kind === "bad") continue;
    const s = orNull(status) ?? "";
    const t: Ticket = {
      row: r.row,
      id: id.value,
      routed: routed.value,
      status: s,
      completed: done.has(statusKey(s)),
      created: orNull(created),
    };
    if (r.sheet !== undefined) t.sheet = r.sheet;
    tickets.push(t);
  }
  return tickets;
}
