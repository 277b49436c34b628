import * as React from "react";
import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  Link,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { dayToIso, type Assessment, type Status } from "../../engine";
import { NOT_GIVEN, STATUS_TEXT, capitalsText, identityLines } from "../../report/labels";
import { dimensionRows, type DimensionRow } from "../../report/dimensions";
import { counted, percent, points, yuan } from "../format";
import type { Lang, Strings } from "../i18n";
import { Mixed, langTag } from "./Mixed";
import { PaymentView } from "./PaymentView";
import { YearView } from "./YearView";
import { resultBlock } from "./blockStyles";

export interface ResultViewProps {
  assessment: Assessment;
  strings: Strings;
  /**
   * Whether the host wrote the 考核结果 sheet: false when it refused (a protected workbook
   * structure), and the pane says nothing was written.
   * @default true
   */
  written?: boolean;
  /**
   * The problems found, shown beside the total as a link to their list (SPEC §13): their
   * number and the id of the element the list starts at. Absent: not shown.
   */
  problems?: { count: number; targetId: string };
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "baseline",
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  // The amount in capitals sits under the figure, in the values' column.
  capitals: { gridColumnStart: 2, color: tokens.colorNeutralForeground3, margin: 0 },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  second: { color: tokens.colorNeutralForeground3, display: "block" },
  heading: { margin: 0 },
  // One block per dimension: name and points on a line (wrapping under each other when the pane
  // is too narrow for both), then the metric, then the rule. Reads the same from 320 px up.
  dims: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  dim: resultBlock,
  dimHead: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
  },
  points: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  text: { overflowWrap: "anywhere" },
  rule: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const STATUS_COLOR: Record<Status, "success" | "warning" | "danger"> = {
  final: "success",
  provisional: "warning",
  invalid: "danger",
};

const other = (lang: Lang): Lang => (lang === "zh" ? "en" : "zh");

/** Total, tier, tail amount, status and why, and the five dimensions with metric, rule and points. */
export function ResultView({
  assessment: a,
  strings: s,
  written = true,
  problems,
}: ResultViewProps): React.ReactElement {
  const styles = useStyles();
  const lang = s.lang;
  const scored = a.status === "invalid" ? null : a;
  const rows = scored ? dimensionRows(a.profile, scored) : [];
  const figures = (r: DimensionRow): string =>
    r.numerator === null
      ? "—"
      : r.isRate
        ? `${r.numerator} / ${r.denominator ?? 0}${s.paren(percent(r.numerator, r.denominator ?? 0))}`
        : counted(r.numerator, r.unit, lang);
  // Beside the total (under the period when there is none): how many problems, linking to them.
  const problemsRow = problems && (
    <>
      <dt className={styles.term}>{s.problemsTerm}</dt>
      <dd className={styles.value}>
        {problems.count === 0 ? (
          <span data-testid="problems-link">{s.problemsNone}</span>
        ) : (
          <Link
            href={`#${problems.targetId}`}
            data-testid="problems-link"
            onClick={(e) => {
              // Focus, not only scroll, to the list: a keyboard or screen-reader user lands there.
              const target = document.getElementById(problems.targetId);
              if (!target) return;
              e.preventDefault();
              target.scrollIntoView({ block: "start" });
              target.focus();
            }}
          >
            {s.problemsLink(problems.count)}
          </Link>
        )}
      </dd>
    </>
  );
  return (
    <div className={styles.root} data-testid="result">
      <dl className={styles.figures}>
        {/* The contract as the ledger names it (SPEC §9); an item not given says so. */}
        {identityLines(a).map((i) => (
          <React.Fragment key={i.key}>
            <dt className={styles.term}>{i.label[lang]}</dt>
            <dd className={styles.value} data-testid={`contract-${i.key}`}>
              {i.value ?? NOT_GIVEN[lang]}
            </dd>
          </React.Fragment>
        ))}
        <dt className={styles.term}>{s.status}</dt>
        <dd className={styles.value}>
          <Badge appearance="filled" color={STATUS_COLOR[a.status]} data-testid="status">
            {STATUS_TEXT[a.status][lang]}
          </Badge>
        </dd>
        <dt className={styles.term}>{s.period}</dt>
        <dd className={styles.value} data-testid="period">
          {s.periodText(dayToIso(a.periodStart), dayToIso(a.periodEnd), dayToIso(a.asOf))}
        </dd>
        {!scored && problemsRow}
        {scored && (
          <>
            <dt className={styles.term}>{s.total}</dt>
            <dd className={mergeClasses(styles.value, styles.big)} data-testid="total">
              {points(scored.totalHundredths)}
            </dd>
            {problemsRow}
            <dt className={styles.term}>{s.tier}</dt>
            <dd className={mergeClasses(styles.value, styles.big)} data-testid="tier">
              {scored.tier}
            </dd>
            <dt className={styles.term}>{s.tailAmount}</dt>
            <dd className={mergeClasses(styles.value, styles.big)} data-testid="tail-amount">
              {yuan(scored.tailAmountFen)}
            </dd>
            <dd className={styles.capitals} data-testid="tail-capitals" lang="zh-CN">
              {lang === "zh"
                ? capitalsText(scored.tailAmountFen)
                : `(${capitalsText(scored.tailAmountFen).slice(1, -1)})`}
            </dd>
          </>
        )}
      </dl>
      {a.status === "provisional" && a.provisionalReasons.length > 0 && (
        <div data-testid="provisional-reasons">
          <Caption1 className={styles.term}>{s.whyProvisional}</Caption1>
          <ul className={styles.reasons}>
            {a.provisionalReasons.map((r, i) => (
              <li key={i}>
                <Body1 lang={langTag(lang)}>
                  <Mixed text={r[lang]} lang={lang} />
                </Body1>
                <Caption1 className={styles.second} lang={langTag(other(lang))}>
                  <Mixed text={r[other(lang)]} lang={other(lang)} />
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.status === "invalid" ? (
        <Body1>
          <Mixed text={s.invalidNote} lang={lang} />
        </Body1>
      ) : (
        <>
          <Caption1 data-testid="written">
            <Mixed text={written ? s.written : s.notWritten} lang={lang} />
          </Caption1>
          <Subtitle2 as="h3" className={styles.heading}>
            {s.dimensionsHeading}
          </Subtitle2>
          <ul className={styles.dims} data-testid="dimensions">
            {rows.map((r) => (
              <li key={r.key} className={styles.dim} data-testid={`dimension-${r.key}`}>
                <div className={styles.dimHead}>
                  <Body1Strong>{r.label[lang]}</Body1Strong>
                  <Body1Strong className={styles.points} data-testid="points">
                    {points(r.pointsHundredths ?? 0)} / {r.max}
                  </Body1Strong>
                </div>
                <Body1 className={styles.text}>
                  {r.metricHasFigures ? r.metric[lang] : `${r.metric[lang]}${s.colon}${figures(r)}`}
                </Body1>
                <Caption1 className={styles.rule}>{r.rule[lang]}</Caption1>
                {r.note && (
                  <Caption1 className={styles.rule} data-testid={`note-${r.key}`}>
                    <Mixed text={r.note[lang]} lang={lang} />
                  </Caption1>
                )}
              </li>
            ))}
          </ul>
          {scored && <PaymentView assessment={scored} strings={s} />}
          {scored && <YearView assessment={scored} lang={lang} />}
        </>
      )}
    </div>
  );
}
