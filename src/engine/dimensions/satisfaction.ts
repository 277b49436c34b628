import { diag } from "../diagnostics";
import { add, ratio, roundToUnits, type Ratio } from "../ratio";
import type { Diagnostic } from "../diagnostics";
import type { Ledger } from "../ledger";
import type { Profile } from "../profile";

export interface SatisfactionResult {
  key: "satisfaction";
  max: number;
  pointsHundredths: number;
  /** Survey part, exact, and rounded to hundredths for display. */
  survey: Ratio;
  surveyHundredths: number;
  linkedHundredths: number;
  responses: number;
  /** Mean survey score, exact (null when there are no responses). */
  meanScore: Ratio | null;
  linkedEvents: number;
}

/**
 * 满意率 (第一条·四·2(5)): survey part = 8 × mean(score) / 问卷满分 (default 100); linked part = 2 − 0.5 per
 * 日常维护 or 响应度 event, down to 0. Rounded to hundredths once, at the end. No survey
 * response: survey part 0, a warning (the result is provisional).
 */
export function scoreSatisfaction(
  ledger: Ledger,
  profile: Profile,
  linkedEvents: number,
  out: Diagnostic[]
): SatisfactionResult {
  const n = ledger.surveys.length;
  let meanScore: Ratio | null = null;
  let survey = ratio(0n);
  if (n === 0) {
    out.push(diag("no-surveys", { table: "surveys" }, {}));
  } else {
    let sum = ratio(0n);
    for (const s of ledger.surveys) sum = add(sum, s.score);
    meanScore = ratio(sum.n, sum.d * BigInt(n));
    survey = ratio(
      BigInt(profile.surveyPoints) * sum.n,
      sum.d * BigInt(n) * BigInt(profile.surveyScale)
    );
  }
  const linkedHundredths = Math.max(
    0,
    profile.linkedPoints * 100 - profile.linkedDeductionHundredths * linkedEvents
  );
  const total = add(survey, ratio(BigInt(linkedHundredths), 100n));
  return {
    key: "satisfaction",
    max: profile.maxPoints.satisfaction,
    pointsHundredths: roundToUnits(total, 100n),
    survey,
    surveyHundredths: roundToUnits(survey, 100n),
    linkedHundredths,
    responses: n,
    meanScore,
    linkedEvents,
  };
}
