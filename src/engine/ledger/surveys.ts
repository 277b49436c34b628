import { diag, type Diagnostic } from "../diagnostics";
import type { RawCell } from "../raw";
import type { Ratio } from "../ratio";
import type { Located } from "../schema";
import { isNotReturned, parseScore } from "../values";
import { orNull } from "./cellRead";
import { rowsOf } from "./rowsOf";

/** A row of the 问卷 (Surveys) table. */
export interface Survey {
  row: number;
  respondent: string | null;
  /** Exact score, 0 up to the survey's full score (问卷满分). */
  score: Ratio;
}

/**
 * @summary The survey responses, scores from 0 to `scale`; a cell formatted as a percentage
 * reads 92% as 92, and 92分 as 92. A form not returned (score empty, or 未回收 / 未返回 / 未填写)
 * is no response: skipped, one warning names the rows (SPEC §10).
 */
export function readSurveys(loc: Located, out: Diagnostic[], scale: number): Survey[] {
  const surveys: Survey[] = [];
  const plain = (c: RawCell) => parseScore(c, scale, false);
  const percent = (c: RawCell) => parseScore(c, scale, true);
  const notReturned: number[] = [];
  for (const r of rowsOf(loc, out)) {
    const respondent = r.text("respondent");
    // (A cell under a header merged down over it is reported already, not a form not returned.)
    if (!r.bad && isNotReturned(r.raw("score"))) {
      if (respondent.kind !== "bad") notReturned.push(r.row);
      continue;
    }
    const score = r.need("score", r.isPercent("score") ? percent : plain, "bad-score");
    r.noteWord("score", "score");
    if (r.bad || score.kind !== "ok") continue;
    surveys.push({ row: r.row, respondent: orNull(respondent), score: score.value });
  }
  if (notReturned.length > 0)
    out.push(
      diag(
        "surveys-not-returned",
        { table: loc.def.key, row: notReturned[0], column: "score" },
        { count: notReturned.length, rows: notReturned.slice(0, 5) }
      )
    );
  return surveys;
}
