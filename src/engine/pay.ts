import { compare, ratio, ratioFromNumber, roundToUnits, mul } from "./ratio";
import type { PayTier, Profile, RateBand, Ratio, TierLetter } from "./types";

/**
 * Rate bands, payment tiers and money: the pure rules behind both the assessment and the
 * custom functions. Every boundary is compared exactly (cross-multiplied integers).
 */

/** A rejected argument: `value` for the wrong kind of thing, `num` for a number out of range. */
export interface ArgError {
  kind: "value" | "num";
  zh: string;
  en: string;
}

export function isArgError(x: unknown): x is ArgError {
  return typeof x === "object" && x !== null && "kind" in x && "zh" in x;
}

const notANumber = (what: string, whatEn: string): ArgError => ({
  kind: "value",
  zh: `${what}必须是数字`,
  en: `${whatEn} must be a number`,
});

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
  rounding: Profile["rateRounding"],
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
 */
export function tierForHundredths(totalHundredths: number, tiers: PayTier[]): PayTier {
  return tierForScore(ratio(BigInt(totalHundredths), 100n), tiers);
}

/** The payment tier of an exact score: the first tier (highest bound first) whose bound it exceeds. */
export function tierForScore(score: Ratio, tiers: PayTier[]): PayTier {
  const sorted = [...tiers].sort((a, b) => (b.aboveHundredths ?? -Infinity) - (a.aboveHundredths ?? -Infinity));
  for (const t of sorted) {
    if (t.aboveHundredths === null || compare(score, ratio(BigInt(t.aboveHundredths), 100n)) > 0) return t;
  }
  return sorted[sorted.length - 1];
}

/**
 * @summary Check a score argument: a finite number from 0 to 100.
 * @example
 * scoreArg(84.5) //=> { n: 169n, d: 2n }
 * scoreArg("x") //=> { kind: "value", ... }
 * scoreArg(101) //=> { kind: "num", ... }
 */
export function scoreArg(score: unknown): Ratio | ArgError {
  if (typeof score !== "number" || !Number.isFinite(score)) return notANumber("分数", "The score");
  const r = ratioFromNumber(score);
  if (r === null || score < 0 || score > 100) {
    return { kind: "num", zh: "分数必须在 0 到 100 之间", en: "The score must be from 0 to 100" };
  }
  return r;
}

/** Check a money argument: a finite, non-negative amount in yuan. */
export function amountArg(amount: unknown): Ratio | ArgError {
  if (typeof amount !== "number" || !Number.isFinite(amount)) return notANumber("金额", "The amount");
  const r = ratioFromNumber(amount);
  if (r === null || amount < 0) return { kind: "num", zh: "金额不能为负数", en: "The amount cannot be negative" };
  return r;
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

export type { TierLetter };
