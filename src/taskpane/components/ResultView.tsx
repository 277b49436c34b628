import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { dayToIso, type Assessment, type Status } from "../../engine";
import { STATUS_TEXT } from "../../report/summary";
import { dimensionRows, type DimensionRow } from "../../report/dimensions";
import { percent, points, yuan } from "../format";
import type { Strings } from "../i18n";
import { YearView } from "./YearView";

export interface ResultViewProps {
  assessment: Assessment;
  strings: Strings;
}

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "baseline",
  },
  label: { color: tokens.colorNeutralForeground3 },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  en: { color: tokens.colorNeutralForeground3, display: "block" },
  number: { textAlign: "end", whiteSpace: "nowrap" },
});

const STATUS_COLOR: Record<Status, "success" | "warning" | "danger"> = {
  final: "success",
  provisional: "warning",
  invalid: "danger",
};

/** Total, tier, tail amount, status and why, and the five dimensions with metric, rule and points. */
export function ResultView({ assessment: a, strings: s }: ResultViewProps): React.ReactElement {
  const styles = useStyles();
  const lang = s.lang;
  const scored = a.status === "invalid" ? null : a;
  const rows = scored ? dimensionRows(a.profile, scored) : [];
  const figures = (r: DimensionRow): string =>
    r.numerator === null
      ? "—"
      : r.isRate
        ? `${r.numerator} / ${r.denominator ?? 0}${lang === "zh" ? "（" : " ("}${percent(r.numerator, r.denominator ?? 0)}${lang === "zh" ? "）" : ")"}`
        : `${r.numerator} ${r.unit[lang]}`;
  return (
    <div data-testid="result">
      <div className={styles.figures}>
        <span className={styles.label}>{s.status}</span>
        <span>
          <Badge appearance="filled" color={STATUS_COLOR[a.status]} data-testid="status">
            {STATUS_TEXT[a.status][lang]}
          </Badge>
        </span>
        <span className={styles.label}>{s.period}</span>
        <span data-testid="period">
          {s.periodText(dayToIso(a.periodStart), dayToIso(a.periodEnd), dayToIso(a.asOf))}
        </span>
        {scored && (
          <>
            <span className={styles.label}>{s.total}</span>
            <span className={styles.big} data-testid="total">
              {points(scored.totalHundredths)}
            </span>
            <span className={styles.label}>{s.tier}</span>
            <span className={styles.big} data-testid="tier">
              {scored.tier}
            </span>
            <span className={styles.label}>{s.tailAmount}</span>
            <span className={styles.big} data-testid="tail-amount">
              {yuan(scored.tailAmountFen)}
            </span>
          </>
        )}
      </div>
      {a.status === "provisional" && a.provisionalReasons.length > 0 && (
        <div data-testid="provisional-reasons">
          <Caption1 className={styles.label}>{s.whyProvisional}</Caption1>
          <ul className={styles.reasons}>
            {a.provisionalReasons.map((r, i) => (
              <li key={i}>
                <Body1>{r.zh}</Body1>
                <Caption1 className={styles.en}>{r.en}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.status === "invalid" ? (
        <Body1>{s.invalidNote}</Body1>
      ) : (
        <>
          <Caption1>{s.written}</Caption1>
          <Table size="small" aria-label={s.dimensionsHeading} data-testid="dimensions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.colItem}</TableHeaderCell>
                <TableHeaderCell>{s.colMetric}</TableHeaderCell>
                <TableHeaderCell>{s.colRule}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{s.colPoints}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.key} data-testid={`dimension-${r.key}`}>
                  <TableCell>{r.label[lang]}</TableCell>
                  <TableCell>
                    {r.metricHasFigures
                      ? r.metric[lang]
                      : `${r.metric[lang]}${lang === "zh" ? "：" : ": "}${figures(r)}`}
                  </TableCell>
                  <TableCell>{r.rule[lang]}</TableCell>
                  <TableCell className={styles.number}>
                    {points(r.pointsHundredths ?? 0)} / {r.max}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {scored && <YearView assessment={scored} lang={lang} />}
        </>
      )}
    </div>
  );
}
