import { add, ratio, roundToUnits, type Ratio } from "./ratio";
import { bandShare, pointsForShare, shareOfFen, tierForScore } from "./pay";
import type { Dimensions } from "./dimensions";
import type { Profile, TierLetter } from "./profile";

/** One reading of the contract: the total, tier and tail payable it gives. */
export interface ReadingResult {
  /** Which reading: the chosen one, or the chosen one with one choice changed. */
  reading: ReadingKey;
  /** Total in hundredths (the unrounded reading: the exact sum, rounded only for display). */
  totalHundredths: number;
  /** The exact total (equal to totalHundredths / 100 except under `unrounded-points`). */
  total: Ratio;
  tier: TierLetter;
  tailAmountFen: number;
  /** True when its tail payable differs from the chosen reading's. */
  differs: boolean;
}

/**
 * The readings in dispute (SPEC §6). `chosen` is what the profile says; each other reading
 * changes one choice: the rate rounding (`round-rate` or back to `exact-rate`), the tier edge
 * (`upper-edge` or back to `lower-edge`), or the total summed from unrounded dimension points.
 */
export type ReadingKey =
  "chosen" | "round-rate" | "exact-rate" | "upper-edge" | "lower-edge" | "unrounded-points";

/**
 * The readings in dispute (SPEC §6): beside the chosen result, the result when one contested
 * choice is read the other way. Three choices are contested:
 * - the rate bands' gap (84.5%): rates compared exactly on lower bounds, or first rounded half
 *   up to a whole percent;
 * - a total exactly on a tier edge (85): the lower tier (B, as the contract's table writes
 *   75-85), or the upper one (A, reading 以上 as including the number, Civil Code art. 1259);
 * - the total as the sum of dimension points rounded to hundredths (SPEC §1), or of the exact
 *   points.
 * Each reading changes one choice of the chosen profile, so the list shows what each choice alone
 * is worth.
 */

/** The exact points of each dimension (before the hundredths rounding), under a profile. */
function exactTotal(d: Dimensions): Ratio {
  let t = ratio(
    BigInt(
      d.attendance.pointsHundredths +
        d.maintenance.pointsHundredths +
        d.responsiveness.pointsHundredths +
        d.completion.pointsHundredths
    ),
    100n
  );
  // Only satisfaction is rounded from a fraction finer than hundredths (the survey mean);
  // rate points are max × whole percent and event points whole hundredths.
  t = add(t, add(d.satisfaction.survey, ratio(BigInt(d.satisfaction.linkedHundredths), 100n)));
  return t;
}

/** Rate points of a rate dimension under a rounding choice. */
function ratePoints(
  max: number,
  num: number,
  den: number,
  p: Profile,
  rounding: Profile["rateRounding"],
  emptyShare: number
): number {
  const share = den === 0 ? emptyShare : bandShare(num, den, p.rateBands, rounding);
  return pointsForShare(max, share);
}

/**
 * @summary The chosen reading and the three alternatives, each with total, tier and tail payable.
 * @example
 * // a ledger whose points total exactly 85.00
 * readingsOf(d, profile, tailBaseFen).map((r) => [r.reading, r.tier])
 * //=> [["chosen","B"], ["round-rate","B"], ["upper-edge","A"], ["unrounded-points","B"]]
 */
export function readingsOf(d: Dimensions, p: Profile, tailBaseFen: number): ReadingResult[] {
  const result = (
    reading: ReadingKey,
    total: Ratio,
    edge: Profile["tierEdge"]
  ): Omit<ReadingResult, "differs"> => {
    const tier = tierForScore(total, p.payTiers, edge);
    return {
      reading,
      total,
      totalHundredths: roundToUnits(total, 100n),
      tier: tier.tier,
      tailAmountFen: shareOfFen(tailBaseFen, ratio(BigInt(tier.sharePercent), 100n)),
    };
  };
  const rounded = (rounding: Profile["rateRounding"]): number =>
    ratePoints(d.attendance.max, d.attendance.present, d.attendance.expected, p, rounding, 0) +
    d.maintenance.pointsHundredths +
    d.responsiveness.pointsHundredths +
    ratePoints(d.completion.max, d.completion.completed, d.completion.routed, p, rounding, 100) +
    d.satisfaction.pointsHundredths;
  const chosenTotal = rounded(p.rateRounding);
  const otherRounding = p.rateRounding === "none" ? "whole-percent" : "none";
  const otherEdge = p.tierEdge === "lower" ? "upper" : "lower";
  const chosen = result("chosen", ratio(BigInt(chosenTotal), 100n), p.tierEdge);
  const list = [
    chosen,
    result(
      otherRounding === "whole-percent" ? "round-rate" : "exact-rate",
      ratio(BigInt(rounded(otherRounding)), 100n),
      p.tierEdge
    ),
    result(otherEdge === "upper" ? "upper-edge" : "lower-edge", chosen.total, otherEdge),
    result("unrounded-points", exactTotal(d), p.tierEdge),
  ];
  return list.map((r) => ({ ...r, differs: r.tailAmountFen !== chosen.tailAmountFen }));
}
