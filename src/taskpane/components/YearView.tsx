import * as React from "react";
import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ScoredAssessment } from "../../engine";
import { adviceHeadline, adviceText, monthRows, staffingText } from "../../report/year";
import { Mixed } from "./Mixed";
import { TrendChart } from "./TrendChart";

export interface YearViewProps {
  assessment: ScoredAssessment;
  lang: "zh" | "en";
}

const TEXT = {
  zh: {
    advice: "如何提升等级",
    trend: "月度趋势",
    attendance: "出勤率",
    completion: "完成率",
    staffing: (n: number) => `驻场人员配备（要求 ${n} 名）`,
    staffingMet: "全期满足。",
    noCompletion: "各月均无完成率可画：工单没有「创建日期」，或没有流转乙方的工单。",
  },
  en: {
    advice: "What lifts the tier",
    trend: "Monthly trend",
    attendance: "Attendance rate",
    completion: "Completion rate",
    staffing: (n: number) => `Staffing (${n} required)`,
    staffingMet: "Met throughout the period.",
    noCompletion:
      "No month has a completion rate to draw: the tickets have no 创建日期 (created date), or none was routed to the vendor.",
  },
} as const;

const useStyles = makeStyles({
  heading: { margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
});

/** What lifts the tier, the monthly trend as a small chart, and the staffing duty (SPEC §8). */
export function YearView({ assessment: a, lang }: YearViewProps): React.ReactElement {
  const styles = useStyles();
  const s = TEXT[lang];
  const gaps = [
    ...a.staffing.short.map((g) => staffingText(g, "short", a.staffing.required)),
    ...a.staffing.noLead.map((g) => staffingText(g, "noLead", a.staffing.required)),
  ];
  return (
    <div data-testid="year">
      <section className={styles.section} data-testid="advice">
        <Subtitle2 as="h3" className={styles.heading}>
          {s.advice}
        </Subtitle2>
        <Body1>{adviceHeadline(a)[lang]}</Body1>
        {a.advice.changes.length > 0 && (
          <ul className={styles.list}>
            {a.advice.changes.map((c) => (
              <li key={c.dimension}>
                <Caption1>
                  <Mixed text={adviceText(c, a.advice.nextTier ?? a.tier)[lang]} lang={lang} />
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section}>
        <Subtitle2 as="h3" className={styles.heading}>
          {s.trend}
        </Subtitle2>
        <TrendChart
          months={monthRows(a)}
          title={s.trend}
          attendanceLabel={s.attendance}
          completionLabel={s.completion}
          noCompletionNote={s.noCompletion}
          lang={lang}
        />
      </section>
      <section className={styles.section} data-testid="staffing">
        <Subtitle2 as="h3" className={styles.heading}>
          {s.staffing(a.staffing.required)}
        </Subtitle2>
        {gaps.length === 0 ? (
          <Caption1>{s.staffingMet}</Caption1>
        ) : (
          <ul className={styles.list}>
            {gaps.map((g, i) => (
              <li key={i}>
                <Caption1>
                  <Mixed text={g[lang]} lang={lang} />
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
