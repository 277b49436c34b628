import { isoDay, type Day } from "./day";
import { ratio, type Ratio } from "./ratio";

export interface RateBand {
  /** Lower bound of the rate, in whole percent (85 means r >= 85%). */
  minPercent: number;
  /** Share of the dimension's max awarded, in whole percent. */
  sharePercent: number;
}

export interface PayTier {
  tier: "A" | "B" | "C" | "D" | "E" | "F";
  /** The tier applies when total > aboveHundredths (null: the lowest tier, anything else). */
  aboveHundredths: number | null;
  /** Share of the tail paid, whole percent. */
  sharePercent: number;
}

export type RateRounding = "none" | "whole-percent";

/**
 * Which tier a total exactly on a tier edge belongs to. `lower` (the default, SPEC §1): 85 is
 * B, as the contract's table writes B as 75-85; `upper`: 85 is A, reading 以上 as including the
 * number (Civil Code art. 1259).
 */
export type TierEdge = "lower" | "upper";

/** Everything a contract's assessment clause and payment terms fix. Defaults: the source contract. */
export interface Profile {
  contractName: string;
  /** Contract amount in fen (integer). */
  contractAmountFen: number;
  /** Tail share of the contract amount (0.5 = 50%). */
  tailShare: Ratio;
  serviceStart: Day;
  serviceEnd: Day;
  signedOn: Day;
  maxPoints: {
    attendance: number;
    maintenance: number;
    responsiveness: number;
    completion: number;
    satisfaction: number;
  };
  /** Survey part of satisfaction (8) and the linked part (2); they sum to maxPoints.satisfaction. */
  surveyPoints: number;
  /** The survey's full score (问卷满分, default 100): survey part = surveyPoints × mean / scale. */
  surveyScale: number;
  linkedPoints: number;
  /** Points deducted per event, in hundredths (300 = 3 points). */
  eventDeductionHundredths: number;
  /** Linked-part deduction per event, in hundredths (50 = 0.5 points). */
  linkedDeductionHundredths: number;
  checksPerDay: number;
  /** Resident staff the contract requires on site each working day (第一条·五: 3, one of them the 负责人). */
  residentStaff: number;
  rateBands: RateBand[];
  rateRounding: RateRounding;
  payTiers: PayTier[];
  /** Where a total exactly on a tier edge goes (default `lower`: 85 is B). */
  tierEdge: TierEdge;
  /** Date of the payment notice (付款通知日期) the tail's due date counts from; null: not yet. */
  paymentNoticeOn: Day | null;
  /** Statuses that count a ticket as completed. */
  completedStatuses: string[];
  penalties: {
    rectifyFailurePercent: number;
    falseCommitmentPercent: number;
    ipBreachPercent: number;
  };
}

export type TierLetter = PayTier["tier"];

/**
 * The default profile: the source contract (常州人社一体化信息平台（就业创业子系统）2024年度运维服务),
 * clause 第一条·四 for the scoring, 第二条 and 第四条 for the money, 第六条 for penalties.
 */
const defaults: Profile = {
  contractName: "常州人社一体化信息平台（就业创业子系统）2024年度运维服务",
  contractAmountFen: 84_860_000,
  tailShare: ratio(1n, 2n),
  serviceStart: isoDay("2024-07-01"),
  serviceEnd: isoDay("2025-06-30"),
  signedOn: isoDay("2024-06-28"),
  maxPoints: {
    attendance: 30,
    maintenance: 20,
    responsiveness: 20,
    completion: 20,
    satisfaction: 10,
  },
  surveyPoints: 8,
  linkedPoints: 2,
  eventDeductionHundredths: 300,
  linkedDeductionHundredths: 50,
  checksPerDay: 2,
  residentStaff: 3,
  // 第一条·四·2(1)(4): 85%-100% full, 70%-84% 80%, 60%-69% 60%, 0%-59% 50%; read as lower bounds.
  rateBands: [
    { minPercent: 85, sharePercent: 100 },
    { minPercent: 70, sharePercent: 80 },
    { minPercent: 60, sharePercent: 60 },
    { minPercent: 0, sharePercent: 50 },
  ],
  rateRounding: "none",
  // 第一条·四·3: A >85, B 75-85 (85 included), C 70-75, D 65-70, E 60-65, F <=60.
  payTiers: [
    { tier: "A", aboveHundredths: 8500, sharePercent: 100 },
    { tier: "B", aboveHundredths: 7500, sharePercent: 90 },
    { tier: "C", aboveHundredths: 7000, sharePercent: 80 },
    { tier: "D", aboveHundredths: 6500, sharePercent: 70 },
    { tier: "E", aboveHundredths: 6000, sharePercent: 60 },
    { tier: "F", aboveHundredths: null, sharePercent: 50 },
  ],
  tierEdge: "lower",
  paymentNoticeOn: null,
  completedStatuses: ["待验证", "已关闭"],
  surveyScale: 100,
  penalties: { rectifyFailurePercent: 20, falseCommitmentPercent: 30, ipBreachPercent: 30 },
};

export const DEFAULT_PROFILE: Readonly<Profile> = Object.freeze(defaults);
