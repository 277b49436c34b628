import {
  dayToIso,
  type AdviceChange,
  type Bilingual,
  type ScoredAssessment,
  type StaffingGap,
} from "../engine";
import { DIMENSION_LABELS, displayRate } from "./dimensions";

/**
 * Through the year (SPEC §8) as views: the monthly trend, what lifts the tier and the staffing
 * gaps, in words and figures every view (summary sheet, command line, task pane, JSON) shares.
 */

const pts = (h: number): string => (h / 100).toFixed(2);

/** One month as every view shows it; a rate is null where its denominator is 0 (shown "—"). */
export interface MonthRow {
  month: string;
  present: number;
  expected: number;
  attendanceRate: number | null;
  routed: number;
  completed: number;
  completionRate: number | null;
  events: number;
}

export function monthRows(a: ScoredAssessment): MonthRow[] {
  return a.months.map((m) => ({
    month: m.month,
    present: m.present,
    expected: m.expected,
    attendanceRate: displayRate(m.present, m.expected),
    routed: m.routed,
    completed: m.completed,
    completionRate: displayRate(m.completed, m.routed),
    events: m.events,
  }));
}

/** The headline of the advice: how far the next tier is, or that the tier is already the top. */
export function adviceHeadline(a: ScoredAssessment): Bilingual {
  const v = a.advice;
  if (v.nextTier === null || v.neededHundredths === null) {
    return { zh: `已是最高档 ${v.tier}，无需提升。`, en: `Already in the top tier, ${v.tier}.` };
  }
  const bound = a.profile.payTiers.find((t) => t.tier === v.nextTier)!.aboveHundredths!;
  const upper = a.profile.tierEdge === "upper";
  return {
    zh: `距 ${v.nextTier} 档还差 ${pts(v.neededHundredths)} 分（总分须${upper ? "达到" : "高于"} ${pts(bound)} 分）。单独一项做到下列任一条即可：`,
    en: `${pts(v.neededHundredths)} points short of tier ${v.nextTier} (the total must be ${upper ? "at least" : "above"} ${pts(bound)}). Any one of these alone would do:`,
  };
}

/**
 * @summary One change in words, Chinese and English.
 * @example
 * adviceText(change, "A") //=> { zh: "完成率：再完成 3 张流转乙方工单…", en: "Completion: 3 more routed tickets completed…" }
 */
export function adviceText(c: AdviceChange, nextTier: string): Bilingual {
  const label = DIMENSION_LABELS[c.dimension];
  switch (c.kind) {
    case "more-present":
      return {
        zh: `${label.zh}：再多 ${c.count} 次到岗打卡${c.stillToCome > 0 ? `（服务期结束前尚有 ${c.stillToCome} 次应打卡）` : ""}，得分 +${pts(c.gainHundredths)}。`,
        en: `${label.en}: ${c.count} more present checks${c.stillToCome > 0 ? ` (${c.stillToCome} checks are still to come before the service end)` : ""}, +${pts(c.gainHundredths)} points.`,
      };
    case "more-completed":
      return {
        zh: `${label.zh}：再完成 ${c.count} 张流转乙方工单（未完成的有 ${c.ticketIds.slice(0, 3).join("、")}${c.ticketIds.length > 3 ? " 等" : ""}），得分 +${pts(c.gainHundredths)}。`,
        en: `${label.en}: ${c.count} more routed tickets completed (open ones include ${c.ticketIds.slice(0, 3).join(", ")}), +${pts(c.gainHundredths)} points.`,
      };
    case "rectified-in-time":
      return {
        zh: `${label.zh}：若投诉 ${c.complaintIds.join("、")}（第 ${c.rows.join("、")} 行）已按期整改，连同满意率挂钩部分共 +${pts(c.gainHundredths)} 分。`,
        en: `${label.en}: had complaint ${c.complaintIds.join(", ")} (row ${c.rows.join(", ")}) been rectified by its deadline, +${pts(c.gainHundredths)} points with the linked part of satisfaction.`,
      };
    case "survey-mean":
      return {
        zh: `${label.zh}：问卷平均分${c.meanNow === null ? "（尚未录入）" : ` ${c.meanNow.toFixed(2)}`} 达到 ${c.meanNeeded.toFixed(2)} 分，得分 +${pts(c.gainHundredths)}。`,
        en: `${label.en}: a mean survey score of ${c.meanNeeded.toFixed(2)}${c.meanNow === null ? " (no survey yet)" : ` (now ${c.meanNow.toFixed(2)})`}, +${pts(c.gainHundredths)} points.`,
      };
    case "none":
      return c.reason === "at-max"
        ? { zh: `${label.zh}：已是满分。`, en: `${label.en}: already full points.` }
        : c.reason === "verified-complaints"
          ? {
              zh: `${label.zh}：核实属实的违规投诉每起扣分，整改也不能挽回，单靠此项无法达到 ${nextTier} 档。`,
              en: `${label.en}: each verified violation complaint deducts whatever is done after it; this item alone cannot reach tier ${nextTier}.`,
            }
          : {
              zh: `${label.zh}：单靠此项无法达到 ${nextTier} 档。`,
              en: `${label.en}: this item alone cannot reach tier ${nextTier}.`,
            };
  }
}

/** A staffing gap in words. */
export function staffingText(
  g: StaffingGap,
  kind: "short" | "noLead",
  required: number
): Bilingual {
  const when = {
    zh: `${dayToIso(g.from)} 至 ${dayToIso(g.to)}（${g.days} 个工作日）`,
    en: `${dayToIso(g.from)} to ${dayToIso(g.to)} (${g.days} working days)`,
  };
  return kind === "short"
    ? {
        zh: `${when.zh}：在岗 ${g.active} 名，少于要求的 ${required} 名`,
        en: `${when.en}: ${g.active} on post, fewer than the ${required} required`,
      }
    : { zh: `${when.zh}：无负责人在岗`, en: `${when.en}: no 负责人 (lead) on post` };
}

/** The JSON of the three (SPEC §8: `months`, `advice`, and the staffing check). */
export function yearJson(a: ScoredAssessment) {
  const v = a.advice;
  return {
    months: monthRows(a).map((m) => ({
      month: m.month,
      attendance: { present: m.present, expected: m.expected, rate: m.attendanceRate },
      tickets: { routed: m.routed, completed: m.completed, rate: m.completionRate },
      events: m.events,
    })),
    advice: {
      tier: v.tier,
      nextTier: v.nextTier,
      pointsNeeded: v.neededHundredths === null ? null : v.neededHundredths / 100,
      changes: v.changes.map((c) => {
        const { dimension, kind, ...rest } = c;
        const t = adviceText(c, v.nextTier ?? v.tier);
        const fields = Object.fromEntries(
          Object.entries(rest).map(([k, x]) =>
            k === "gainHundredths" ? ["gain", (x as number) / 100] : [k, x]
          )
        );
        return { dimension, change: kind, ...fields, message: `${t.zh} / ${t.en}` };
      }),
    },
    staffing: {
      required: a.staffing.required,
      short: a.staffing.short.map((g) => ({
        from: dayToIso(g.from),
        to: dayToIso(g.to),
        days: g.days,
        active: g.active,
      })),
      noLead: a.staffing.noLead.map((g) => ({
        from: dayToIso(g.from),
        to: dayToIso(g.to),
        days: g.days,
      })),
    },
  };
}
