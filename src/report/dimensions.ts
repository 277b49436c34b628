import {
  toNumber,
  type Bilingual,
  type DimensionKey,
  type Profile,
  type ScoredAssessment,
} from "../engine";

/**
 * The five dimensions as rows, built once for every view: the summary sheet, the command line's
 * text, the task pane and the JSON each loop over these rows instead of laying out the
 * dimensions by hand. A row is the same whether the run was scored or not; the figures are null
 * when it was not.
 */
export interface DimensionRow {
  key: DimensionKey;
  label: Bilingual;
  max: number;
  /** Points in hundredths; null when the run was not scored. */
  pointsHundredths: number | null;
  /** What is measured (for a scored satisfaction row: how its two parts came out). */
  metric: Bilingual;
  /** True when `metric` already states the figures (a scored satisfaction row). */
  metricHasFigures: boolean;
  /** A rate dimension (numerator / denominator on the bands) or a count (events, responses). */
  isRate: boolean;
  /** Rate: the numerator; count: the count. Null when not scored. */
  numerator: number | null;
  /** Rate: the denominator. Null for counts and when not scored. */
  denominator: number | null;
  /** What a count counts ("起事件" / "events"). */
  unit: Bilingual;
  /** The rule as applied (scored) or as written (not scored). */
  rule: Bilingual;
  /** Parts the points are the sum of (satisfaction: survey + linked), in hundredths. */
  parts: { label: Bilingual; hundredths: number }[];
  /** The dimension's own fields of the SPEC §4 JSON, after `points` and `max`. */
  json: Record<string, number | null>;
  /**
   * What every view states under the row (attendance: the late, early and leave counts and how
   * the attendance apps' words are counted, SPEC §5).
   */
  note?: Bilingual;
}

/**
 * The attendance apps' result words beyond 到岗/缺勤, as they count (SPEC §5, our reading: the
 * check asks whether someone is at the post).
 */
export const MARK_WORDS = {
  present: ["迟到", "早退", "外勤", "补卡"],
  absent: ["请假", "事假", "病假", "年假", "休假", "调休"],
} as const;

/** How the attendance apps' words are counted, in words. */
const MARKS_RULE: Bilingual = {
  zh: `${MARK_WORDS.present.join("、")}按到岗计；${MARK_WORDS.absent.join("、")}按缺勤计（合同未约定请假豁免，请假期间乙方须安排人员顶岗）。`,
  en: `${MARK_WORDS.present.join(", ")} (late, early, field work, corrected punch) count as present; ${MARK_WORDS.absent.join(", ")} (leave of any kind) count as absent: the contract grants no leave exemption, so the vendor must cover the post.`,
};

/** Late, early and leave counts, then the rule (null marks: the rule alone). */
function marksNote(marks: { late: number; early: number; leave: number } | null): Bilingual {
  if (marks === null) return MARKS_RULE;
  return {
    zh: `迟到 ${marks.late} 次、早退 ${marks.early} 次（均计为到岗），请假 ${marks.leave} 次（计为缺勤）。${MARKS_RULE.zh}`,
    en: `Late ${marks.late}, early ${marks.early} (both counted present), leave ${marks.leave} (counted absent). ${MARKS_RULE.en}`,
  };
}

/** Labels of the five dimensions, in the contract's order. */
export const DIMENSION_LABELS: Record<DimensionKey, Bilingual> = {
  attendance: { zh: "出勤率", en: "Attendance" },
  maintenance: { zh: "日常维护", en: "Daily maintenance" },
  responsiveness: { zh: "响应度", en: "Responsiveness" },
  completion: { zh: "完成率", en: "Completion" },
  satisfaction: { zh: "满意率", en: "Satisfaction" },
};

/** A rate to 4 decimals for display (the band was decided exactly, not on this figure). */
export const displayRate = (num: number, den: number): number | null =>
  den === 0 ? null : Math.round((num / den) * 10_000) / 10_000;

/** The rate rule in words, Chinese then English. */
export function rateRule(profile: Profile): Bilingual {
  const bands = [...profile.rateBands].sort((a, b) => b.minPercent - a.minPercent);
  const last = bands.length - 1;
  const zh = bands.map((b, i) =>
    i === last
      ? `其余得${b.sharePercent}%`
      : `≥${b.minPercent}%${b.sharePercent === 100 ? "满分" : `得${b.sharePercent}%`}`
  );
  const en = bands.map((b, i) =>
    i === last
      ? `below: ${b.sharePercent}%`
      : `≥${b.minPercent}%: ${b.sharePercent === 100 ? "full" : `${b.sharePercent}%`}`
  );
  return profile.rateRounding === "whole-percent"
    ? {
        zh: `${zh.join("；")}（比率先四舍五入到整百分数）`,
        en: `${en.join("; ")} (rate rounded half up to a whole percent first)`,
      }
    : {
        zh: `${zh.join("；")}（比率按下限判定、不取整，84.9% 属 80% 档）`,
        en: `${en.join("; ")} (lower bounds, no rounding: 84.9% is in the 80% band)`,
      };
}

const hundredths = (h: number): string => (h / 100).toFixed(2);

/**
 * @summary The five dimension rows of an assessment (`scored` null for an invalid run).
 * @example
 * dimensionRows(a.profile, a).map((r) => r.key) //=> ["attendance", "maintenance", "responsiveness", "completion", "satisfaction"]
 */
export function dimensionRows(p: Profile, scored: ScoredAssessment | null): DimensionRow[] {
  const d = scored?.dimensions ?? null;
  const max = p.maxPoints;
  const per = p.eventDeductionHundredths / 100;
  const general = rateRule(p);
  const band = (share: number): Bilingual => ({
    zh: `得 ${share}% 的分`,
    en: `${share}% of the points`,
  });
  const events: Bilingual = { zh: "起事件", en: "events" };
  const row = (
    key: DimensionKey,
    rest: Omit<DimensionRow, "key" | "label" | "max" | "parts"> &
      Partial<Pick<DimensionRow, "parts">>
  ): DimensionRow => ({
    key,
    label: DIMENSION_LABELS[key],
    max: max[key],
    parts: [],
    ...rest,
  });
  const countRule = (extraZh: string, extraEn: string): Bilingual => ({
    zh: `每起扣 ${per} 分，扣完为止${extraZh}`,
    en: `−${per} each, floor 0${extraEn}`,
  });
  const s = d?.satisfaction;
  return [
    row("attendance", {
      pointsHundredths: d ? d.attendance.pointsHundredths : null,
      metric: { zh: "到岗打卡次数 / 应打卡次数", en: "present / expected checks" },
      metricHasFigures: false,
      isRate: true,
      numerator: d ? d.attendance.present : null,
      denominator: d ? d.attendance.expected : null,
      unit: { zh: "次", en: "checks" },
      rule: d
        ? {
            zh: `得 ${d.attendance.sharePercent}% 的分；${d.attendance.workingDays} 个工作日 × ${p.checksPerDay} 次 × 在岗人员`,
            en: `${d.attendance.sharePercent}% of the points; ${d.attendance.workingDays} working days × ${p.checksPerDay} checks × staff on post`,
          }
        : general,
      json: d
        ? {
            rate: displayRate(d.attendance.present, d.attendance.expected),
            present: d.attendance.present,
            expected: d.attendance.expected,
          }
        : {},
      note: marksNote(d ? d.attendance.marks : null),
    }),
    row("maintenance", {
      pointsHundredths: d ? d.maintenance.pointsHundredths : null,
      metric: { zh: "核实属实的违规投诉", en: "verified violation complaints" },
      metricHasFigures: false,
      isRate: false,
      numerator: d ? d.maintenance.events : null,
      denominator: null,
      unit: events,
      rule: countRule("", ""),
      json: d ? { events: d.maintenance.events } : {},
    }),
    row("responsiveness", {
      pointsHundredths: d ? d.responsiveness.pointsHundredths : null,
      metric: { zh: "未按期整改的响应度投诉", en: "complaints not rectified by the deadline" },
      metricHasFigures: false,
      isRate: false,
      numerator: d ? d.responsiveness.events : null,
      denominator: null,
      unit: events,
      rule: countRule("；期限当天整改视为按期", "; on the deadline day is in time"),
      json: d ? { events: d.responsiveness.events } : {},
    }),
    row("completion", {
      pointsHundredths: d ? d.completion.pointsHundredths : null,
      metric: {
        zh: `已完成（${p.completedStatuses.join("、")}）/ 流转乙方工单`,
        en: "completed / routed tickets",
      },
      metricHasFigures: false,
      isRate: true,
      numerator: d ? d.completion.completed : null,
      denominator: d ? d.completion.routed : null,
      unit: { zh: "张工单", en: "tickets" },
      rule: d
        ? d.completion.routed === 0
          ? { zh: "无流转乙方工单，按满分", en: "no routed tickets: full points" }
          : band(d.completion.sharePercent)
        : general,
      json: d
        ? {
            rate: displayRate(d.completion.completed, d.completion.routed),
            completed: d.completion.completed,
            routed: d.completion.routed,
          }
        : {},
    }),
    row("satisfaction", {
      pointsHundredths: s ? s.pointsHundredths : null,
      metricHasFigures: s !== undefined,
      metric: s
        ? {
            zh: `问卷 ${s.responses} 份，平均 ${s.meanScore ? toNumber(s.meanScore).toFixed(2) : "—"} 分 → 问卷部分 ${hundredths(s.surveyHundredths)}；挂钩部分 ${hundredths(s.linkedHundredths)}（${s.linkedEvents} 起扣分事件）`,
            en: `${s.responses} responses, mean ${s.meanScore ? toNumber(s.meanScore).toFixed(2) : "—"} → survey part ${hundredths(s.surveyHundredths)}; linked part ${hundredths(s.linkedHundredths)} (${s.linkedEvents} deduction events)`,
          }
        : { zh: "问卷部分 + 挂钩部分", en: "survey part + linked part" },
      isRate: false,
      numerator: s ? s.responses : null,
      denominator: null,
      unit: { zh: "份问卷", en: "responses" },
      rule: {
        zh: `问卷 ${p.surveyPoints} × 平均分/100；挂钩 ${p.linkedPoints} − ${p.linkedDeductionHundredths / 100} × 扣分事件，扣完为止`,
        en: `survey ${p.surveyPoints} × mean/100; linked ${p.linkedPoints} − ${p.linkedDeductionHundredths / 100} per event, floor 0`,
      },
      parts: s
        ? [
            { label: { zh: "问卷", en: "survey" }, hundredths: s.surveyHundredths },
            { label: { zh: "挂钩", en: "linked" }, hundredths: s.linkedHundredths },
          ]
        : [],
      json: s
        ? {
            survey: s.surveyHundredths / 100,
            linked: s.linkedHundredths / 100,
            responses: s.responses,
          }
        : {},
    }),
  ];
}

/** The sum of the dimensions' maxima (100 under the source contract). */
export const maxTotal = (p: Profile): number =>
  Object.values(p.maxPoints).reduce((a, b) => a + b, 0);

/**
 * @summary A row's figures on one line, both languages: `1186/1482 = 80.03%` for a rate,
 * `1 起事件 events` for a count, its parts where it has them (`问卷 survey 7.11 + 挂钩 linked 0.50`),
 * "—" before scoring. The command line's table and the summary's first page both show it.
 */
export function figuresText(r: DimensionRow): string {
  if (r.numerator === null) return "—";
  if (r.parts.length > 0)
    return r.parts
      .map((x) => `${x.label.zh} ${x.label.en} ${hundredths(x.hundredths)}`)
      .join(" + ");
  if (r.isRate)
    return `${r.numerator}/${r.denominator} = ${r.denominator ? `${((r.numerator / r.denominator) * 100).toFixed(2)}%` : "—"}`;
  return `${r.numerator} ${r.unit.zh} ${r.unit.en}`;
}
