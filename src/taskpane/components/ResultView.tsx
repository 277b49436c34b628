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
import { percent, points, ratioText, yuan } from "../format";
import type { Strings } from "../i18n";

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
  const d = a.dimensions;
  const p = a.profile;
  const per = String(p.eventDeductionHundredths / 100);
  const rows = d
    ? [
        {
          key: "attendance" as const,
          metric: `${s.presentOfExpected(d.attendance.present, d.attendance.expected)}（${percent(d.attendance.present, d.attendance.expected)}）`,
          rule: s.bandRule(d.attendance.sharePercent),
          dim: d.attendance,
        },
        { key: "maintenance" as const, metric: s.events(d.maintenance.events), rule: s.eventRule(d.maintenance.max, per), dim: d.maintenance },
        {
          key: "responsiveness" as const,
          metric: s.events(d.responsiveness.events),
          rule: s.eventRule(d.responsiveness.max, per),
          dim: d.responsiveness,
        },
        {
          key: "completion" as const,
          metric: `${s.completedOfRouted(d.completion.completed, d.completion.routed)}（${percent(d.completion.completed, d.completion.routed)}）`,
          rule: d.completion.routed === 0 ? s.zeroRouted : s.bandRule(d.completion.sharePercent),
          dim: d.completion,
        },
        {
          key: "satisfaction" as const,
          metric: s.surveyMetric(d.satisfaction.responses, ratioText(d.satisfaction.meanScore)),
          rule: s.satisfactionRule(points(d.satisfaction.surveyHundredths), points(d.satisfaction.linkedHundredths)),
          dim: d.satisfaction,
        },
      ]
    : [];
  return (
    <div data-testid="result">
      <div className={styles.figures}>
        <span className={styles.label}>{s.status}</span>
        <span>
          <Badge appearance="filled" color={STATUS_COLOR[a.status]} data-testid="status">
            {s.statusText[a.status]}
          </Badge>
        </span>
        <span className={styles.label}>{s.period}</span>
        <span data-testid="period">{s.periodText(dayToIso(a.periodStart), dayToIso(a.periodEnd), dayToIso(a.asOf))}</span>
        {a.totalHundredths !== null && (
          <>
            <span className={styles.label}>{s.total}</span>
            <span className={styles.big} data-testid="total">
              {points(a.totalHundredths)}
            </span>
            <span className={styles.label}>{s.tier}</span>
            <span className={styles.big} data-testid="tier">
              {a.tier}
            </span>
            <span className={styles.label}>{s.tailAmount}</span>
            <span className={styles.big} data-testid="tail-amount">
              {a.tailAmountFen === null ? "—" : yuan(a.tailAmountFen)}
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
                  <TableCell>{s.dimension[r.key]}</TableCell>
                  <TableCell>{r.metric}</TableCell>
                  <TableCell>{r.rule}</TableCell>
                  <TableCell className={styles.number}>
                    {points(r.dim.pointsHundredths)} / {r.dim.max}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
