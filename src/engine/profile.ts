import { isoDay } from "./day";
import { ratio } from "./ratio";
import type { Profile } from "./types";

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
