import { compare, ratio, roundToUnits, mul, type Ratio } from "./ratio";
import type { PayTier, Profile, RateBand, TierEdge } from "./profile";

/**
 * Rate bands, payment tiers and money: the pure rules behind both the assessment and the
 * custom functions. Every boundary is compared exactly (cross-multiplied integers).
 */

/**
 * @summary The band share (whole percent) for a rate numerator/denominator, on lower bounds.
 * With `whole-percent` rounding the rate is first rounded half up to a whole percent.
 * @example
 * bandShare(85, 100, bands, "none") //=> 100
 * bandShare(8499, 10000, bands, "none") //=> 80
 * bandShare(8450, 10000, bands, "whole-percent") //=> 100 (84.5% rounds to 85%)
 */
export function bandShare(
  num: number | bigint,
  den: number | bigint,
  bands: RateBand[],
  rounding: Profile["rateRounding"]
): number {
  const n = BigInt(num);
  const d = BigInt(den);
  const sorted = [...bands].sort((a, b) => b.minPercent - a.minPercent);
  if (rounding === "whole-percent") {
    const pct = (200n * n + d) / (2n * d); // round half up of 100 n / d
    for (const b of sorted) if (pct >= BigInt(b.minPercent)) return b.sharePercent;
  } else {
    for (const b of sorted) if (100n * n >= BigInt(b.minPercent) * d) return b.sharePercent;
  }
  return sorted[sorted.length - 1].sharePercent;
}

/** The lowest band's share applies below every bound; bands must include a 0% bound. */
export function pointsForShare(max: number, sharePercent: number): number {
  // max x share%, in hundredths: max * 100 * share / 100
  return roundToUnits(ratio(BigInt(Math.round(max * 100)) * BigInt(sharePercent), 100n), 1n);
}

/**
 * @summary The payment tier of a total given in hundredths of a point.
 * @example
 * tierForHundredths(8500, tiers).tier //=> "B"
 * tierForHundredths(8501, tiers).tier //=> "A"
 * tierForHundredths(8500, tiers, "upper").tier //=> "A" (以上 read as including 85)
 */
export function tierForHundredths(
  totalHundredths: number,
  tiers: PayTier[],
  edge: TierEdge = "lower"
): PayTier {
  return tierForScore(ratio(BigInt(totalHundredths), 100n), tiers, edge);
}

/**
 * The payment tier of an exact score: the first tier (highest bound first) whose bound it
 * exceeds, or, with the `upper` edge, reaches.
 */
export function tierForScore(score: Ratio, tiers: PayTier[], edge: TierEdge = "lower"): PayTier {
  const sorted = [...tiers].sort(
    (a, b) => (b.aboveHundredths ?? -Infinity) - (a.aboveHundredths ?? -Infinity)
  );
  for (const t of sorted) {
    if (t.aboveHundredths === null) return t;
    const c = compare(score, ratio(BigInt(t.aboveHundredths), 100n));
    if (c > 0 || (edge === "upper" && c === 0)) return t;
  }
  return sorted[sorted.length - 1];
}

/**
 * @summary Amount x the tier share for a score, in fen, rounded half up.
 * @example
 * tailPayFen(ratio(84n), ratio(424300n), tiers) //=> 38187000 (381,870.00 yuan)
 */
export function tailPayFen(score: Ratio, amountYuan: Ratio, tiers: PayTier[]): number {
  const share = tierForScore(score, tiers).sharePercent;
  return roundToUnits(mul(amountYuan, ratio(BigInt(share), 100n)), 100n);
}

/** Apply a percent share to an amount in fen, rounded half up to a fen. */
export function shareOfFen(fen: number, share: Ratio): number {
  return roundToUnits(mul(ratio(BigInt(fen)), share), 1n);
}
