import type { Diagnostic } from "../diagnostics";
import type { RawCell } from "../raw";
import type { Ratio } from "../ratio";
import type { Located } from "../schema";
import { parseScore } from "../values";
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
 * reads 92% as 92.
 */
export function readSurveys(loc: Located, out: Diagnostic[], scale: number): Survey[] {
  const surveys: Survey[] = [];
  const plain = (c: RawCell) => parseScore(c, scale, false);
  const percent = (c: RawCell) => parseScore(c, scale, true);
  for (const r of rowsOf(loc, out)) {
    const respondent = r.text("respondent");
    const score = r.need("score", r.isPercent("score") ? percent : plain, "bad-score");
    if (r.bad || score.kind !== "ok") continue;
    surveys.push({ row: r.row, respondent: orNull(respondent), score: score.value });
  }
  return surveys;
}
