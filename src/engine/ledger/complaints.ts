import type { Day } from "../day";
import { diag, type Diagnostic } from "../diagnostics";
import type { Located } from "../schema";
import { CHECKING, parseCategory, parseVerified, type Category } from "../values";
import { orNull } from "./cellRead";
import { rowsOf } from "./rowsOf";
import { SeenIds } from "./seenIds";
import { dateParser } from "./rowView";

/** A row of the 投诉 (Complaints) table. */
export interface Complaint {
  row: number;
  sheet?: string;
  id: string;
  date: Day | null;
  category: Category;
  verified: boolean;
  deadline: Day | null;
  rectifiedOn: Day | null;
  note: string | null;
}

/** A complaint still being checked (SPEC §10): not counted, and the result is provisional. */
export interface ComplaintBeingChecked {
  row: number;
  id: string;
}

/**
 * @summary The complaints, each ID once, and those still being checked (核实属实 empty, or
 * 核实中 / 待核实 / 调查中: not counted, one warning names them). A verified 响应度 complaint
 * whose deadline or rectification comes before the complaint itself is scored as written, with
 * a warning.
 */
export function readComplaints(
  loc: Located,
  out: Diagnostic[]
): { complaints: Complaint[]; checking: ComplaintBeingChecked[] } {
  const complaints: Complaint[] = [];
  const checking: ComplaintBeingChecked[] = [];
  const seen = new SeenIds();
  const date = dateParser(loc);
  for (const r of rowsOf(loc, out)) {
    const id = r.needText("id");
    const d = r.get("date", date, "bad-date");
    const category = r.need("category", parseCategory, "bad-category");
    const verified = r.get("verified", parseVerified, "bad-yes-no");
    r.noteWord("verified", "verified");
    r.noteWord("category", "category");
    const deadline = r.get("deadline", date, "bad-date");
    const rectifiedOn = r.get("rectifiedOn", date, "bad-date");
    const note = r.text("note");
    if (id.kind === "ok") r.checkUniqueId(seen, id.value);
    if (r.bad || id.kind !== "ok" || category.kind !== "ok" || verified.kind === "bad") continue;
    if (verified.kind === "empty" || verified.value === CHECKING) {
      checking.push({ row: r.row, id: id.value });
      continue;
    }
    const c: Complaint = {
      ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
      row: r.row,
      id: id.value,
      date: orNull(d),
      category: category.value,
      verified: verified.value,
      deadline: orNull(deadline),
      rectifiedOn: orNull(rectifiedOn),
      note: orNull(note),
    };
    // A deadline or a rectification before the complaint itself is most likely a slip (2023 for
    // 2024); scored as written, named so that it is checked.
    if (c.verified && c.category === "responsiveness" && c.date !== null)
      for (const what of ["deadline", "rectifiedOn"] as const) {
        const other = c[what];
        if (other !== null && other < c.date)
          r.report(what, "complaint-dates-out-of-order", { id: c.id, date: c.date, other, what });
      }
    complaints.push(c);
  }
  if (checking.length > 0)
    out.push(
      diag(
        "complaints-being-checked",
        { table: loc.def.key, row: checking[0].row, column: "verified" },
        {
          count: checking.length,
          rows: checking.slice(0, 5).map((c) => c.row),
          ids: checking.map((c) => c.id),
        }
      )
    );
  return { complaints, checking };
}
