import { bandShare, pointsForShare } from "./pay";
import { add, ratio, roundToUnits, type Ratio } from "./ratio";
import type { DimensionKey, Dimensions } from "./dimensions";
import type { PayTier, Profile, TierLetter } from "./profile";

/**
 * What lifts the tier (SPEC §8): for a result below the top tier, the points needed to reach the
 * next one and, per dimension, the smallest single change to the ledger that alone would get
 * there — every other dimension held as it is. Each suggestion is checked in
 * `test/engine/advice.test.ts` by applying it to the ledger and scoring again.
 */
export type AdviceChange =
  | {
      dimension: "attendance";
      kind: "more-present";
      /** More present checks needed (present checks at the end of the period − present now). */
      count: number;
      /** Checks still to come before the service end (0 once the period is over). */
      stillToCome: number;
      gainHundredths: number;
    }
  | {
      dimension: "completion";
      kind: "more-completed";
      count: number;
      /** The first `count` routed tickets not completed, in ledger order (any `count` of them would do). */
      ticketIds: string[];
      gainHundredths: number;
    }
  | {
      dimension: "responsiveness";
      kind: "rectified-in-time";
      /** The complaints that, had they been rectified by their deadline, would have got there. */
      complaintIds: string[];
      rows: number[];
      gainHundredths: number;
    }
  | {
      dimension: "satisfaction";
      kind: "survey-mean";
      /** Mean survey score now (null: no survey yet) and the mean needed, rounded up to 0.01. */
      meanNow: number | null;
      meanNeeded: number;
      gainHundredths: number;
    }
  | {
      dimension: DimensionKey;
      kind: "none";
      /** Why no change of this dimension alone reaches the next tier. */
      reason: "at-max" | "verified-complaints" | "not-enough";
    };

export interface Advice {
  tier: TierLetter;
  /** The next tier up, or null when the result is already in the top tier. */
  nextTier: TierLetter | null;
  /** Points (hundredths) the total must gain to reach the next tier; null at the top. */
  neededHundredths: number | null;
  changes: AdviceChange[];
}

/**
 * @summary Advice for a scored result.
 * @param futureExpected checks expected between the as-of date and the service end (0 when the
 * period is over): on a provisional run they are still to come, and count in the rate at the end.
 * @example
 * advise(profile, dims, 8461, "B", 0).neededHundredths //=> 40 (85.01 − 84.61)
 */
export function advise(
  profile: Profile,
  dims: Dimensions,
  totalHundredths: number,
  tier: TierLetter,
  futureExpected: number
): Advice {
  const tiers = [...profile.payTiers].sort(
    (a, b) => (a.aboveHundredths ?? -1) - (b.aboveHundredths ?? -1)
  );
  const next: PayTier | undefined = tiers[tiers.findIndex((t) => t.tier === tier) + 1];
  if (!next || next.aboveHundredths === null)
    return { tier, nextTier: null, neededHundredths: null, changes: [] };
  // The tier applies above its bound (85 分以上, 85 itself is B): one hundredth more is enough.
  // Under the upper-edge reading the bound itself is enough (85 is A).
  const needed = next.aboveHundredths + (profile.tierEdge === "upper" ? 0 : 1) - totalHundredths;
  return {
    tier,
    nextTier: next.tier,
    neededHundredths: needed,
    changes: [
      attendanceChange(profile, dims, needed, futureExpected),
      {
        dimension: "maintenance",
        kind: "none",
        reason: dims.maintenance.events > 0 ? "verified-complaints" : "at-max",
      },
      responsivenessChange(profile, dims, needed),
      completionChange(profile, dims, needed),
      satisfactionChange(profile, dims, needed),
    ],
  };
}

/**
 * The fewest numerator units `n'` (out of `den`) whose band gives at least `target` points of
 * `max`, or null when even `den` does not. Bands are thresholds, so the answer is the threshold
 * of the lowest band that is enough.
 */
function fewestFor(profile: Profile, max: number, den: number, target: number): number | null {
  let best: number | null = null;
  for (const b of profile.rateBands) {
    if (pointsForShare(max, b.sharePercent) < target) continue;
    // Lower bounds: 100 n ≥ min × den. Whole-percent rounding: 200 n ≥ (2 min − 1) × den.
    const n =
      profile.rateRounding === "whole-percent"
        ? Math.max(0, Math.ceil(((2 * b.minPercent - 1) * den) / 200))
        : Math.ceil((b.minPercent * den) / 100);
    // Check exactly (the division above is a float): step up until the band really applies.
    let m = n;
    while (
      m <= den &&
      pointsForShare(max, bandShare(m, den, profile.rateBands, profile.rateRounding)) < target
    )
      m++;
    if (m <= den && (best === null || m < best)) best = m;
  }
  return best;
}

function attendanceChange(
  profile: Profile,
  dims: Dimensions,
  needed: number,
  future: number
): AdviceChange {
  const a = dims.attendance;
  if (a.pointsHundredths >= a.max * 100)
    return { dimension: "attendance", kind: "none", reason: "at-max" };
  const den = a.expected + future;
  const n = fewestFor(profile, a.max, den, a.pointsHundredths + needed);
  if (n === null) return { dimension: "attendance", kind: "none", reason: "not-enough" };
  const at = pointsForShare(a.max, bandShare(n, den, profile.rateBands, profile.rateRounding));
  return {
    dimension: "attendance",
    kind: "more-present",
    count: Math.max(0, n - a.present),
    stillToCome: future,
    gainHundredths: at - a.pointsHundredths,
  };
}

function completionChange(profile: Profile, dims: Dimensions, needed: number): AdviceChange {
  const c = dims.completion;
  if (c.routed === 0 || c.pointsHundredths >= c.max * 100)
    return { dimension: "completion", kind: "none", reason: "at-max" };
  const n = fewestFor(profile, c.max, c.routed, c.pointsHundredths + needed);
  if (n === null) return { dimension: "completion", kind: "none", reason: "not-enough" };
  const at = pointsForShare(c.max, bandShare(n, c.routed, profile.rateBands, profile.rateRounding));
  return {
    dimension: "completion",
    kind: "more-completed",
    count: n - c.completed,
    ticketIds: c.incomplete.slice(0, n - c.completed).map((t) => t.id),
    gainHundredths: at - c.pointsHundredths,
  };
}

/** Satisfaction points (hundredths) with a survey part and a linked part given in hundredths. */
const satisfactionAt = (survey: Ratio, linkedHundredths: number): number =>
  roundToUnits(add(survey, ratio(BigInt(linkedHundredths), 100n)), 100n);

function responsivenessChange(profile: Profile, dims: Dimensions, needed: number): AdviceChange {
  const r = dims.responsiveness;
  const s = dims.satisfaction;
  const events = r.outcomes.filter((o) => o.outcome === "event");
  if (events.length === 0) return { dimension: "responsiveness", kind: "none", reason: "at-max" };
  for (let k = 1; k <= events.length; k++) {
    // k fewer events: the dimension and the linked part of satisfaction both gain.
    const resp = Math.max(0, r.max * 100 - profile.eventDeductionHundredths * (r.events - k));
    const linked = Math.max(
      0,
      profile.linkedPoints * 100 - profile.linkedDeductionHundredths * (s.linkedEvents - k)
    );
    const gain = resp - r.pointsHundredths + satisfactionAt(s.survey, linked) - s.pointsHundredths;
    if (gain >= needed) {
      return {
        dimension: "responsiveness",
        kind: "rectified-in-time",
        complaintIds: events.slice(0, k).map((o) => o.id),
        rows: events.slice(0, k).map((o) => o.row),
        gainHundredths: gain,
      };
    }
  }
  return { dimension: "responsiveness", kind: "none", reason: "not-enough" };
}

function satisfactionChange(profile: Profile, dims: Dimensions, needed: number): AdviceChange {
  const s = dims.satisfaction;
  const target = s.pointsHundredths + needed;
  // round(surveyPoints × mean / 100 + linked) ≥ target ⇔ surveyPoints × mean ≥ target − linked − 0.5 (hundredths).
  const mean = ratio(
    BigInt(2 * (target - s.linkedHundredths) - 1),
    BigInt(2 * profile.surveyPoints)
  );
  const meanNeeded = Math.ceil(Number((mean.n * 100n + mean.d - 1n) / mean.d)) / 100;
  if (meanNeeded > 100) return { dimension: "satisfaction", kind: "none", reason: "not-enough" };
  const meanNow = s.meanScore === null ? null : roundToUnits(s.meanScore, 100n) / 100;
  return {
    dimension: "satisfaction",
    kind: "survey-mean",
    meanNow,
    meanNeeded,
    gainHundredths:
      satisfactionAt(
        ratio(BigInt(Math.round(meanNeeded * 100) * profile.surveyPoints), 10000n),
        s.linkedHundredths
      ) - s.pointsHundredths,
  };
}
