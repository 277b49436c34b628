import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { MonthRow } from "../../report/year";
import { Mixed } from "./Mixed";

export interface TrendChartProps {
  months: MonthRow[];
  /** The chart's accessible name and the legend's labels, in the pane's language. */
  title: string;
  attendanceLabel: string;
  completionLabel: string;
  /**
   * Said in place of the completion legend when no month has a completion rate (the tickets
   * have no created dates): a legend for a line that is not drawn would read as a missing line.
   */
  noCompletionNote: string;
  /** The language the labels are in (for `lang` on the figure). */
  lang: "zh" | "en";
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    width: "100%",
    margin: 0,
  },
  svg: { width: "100%", height: "auto", overflow: "visible" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  // The viewBox is scaled to the pane: 11 units read as about 10 px at 320 px.
  axis: { fill: tokens.colorNeutralForeground3, fontSize: "11px" },
  attendance: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: "none" },
  completion: {
    stroke: tokens.colorPaletteDarkOrangeForeground1,
    strokeWidth: 2,
    fill: "none",
    strokeDasharray: "4 3",
  },
  dotAttendance: { fill: tokens.colorBrandForeground1 },
  dotCompletion: { fill: tokens.colorPaletteDarkOrangeForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    alignItems: "center",
  },
  swatch: {
    display: "inline-block",
    width: "16px",
    height: "2px",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "middle",
  },
  note: { color: tokens.colorNeutralForeground3, flexBasis: "100%" },
  swatchAttendance: { backgroundColor: tokens.colorBrandForeground1 },
  swatchCompletion: { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 },
});

const W = 300;
const H = 140;
const PAD = { left: 36, right: 10, top: 8, bottom: 24 };

/**
 * The monthly trend as a small line chart: attendance rate and completion rate per month, 0–100%,
 * drawn with SVG and Fluent's colour tokens (no chart library: two polylines and a grid are all
 * it takes, and the pane stays small). A month with no expected checks or no routed tickets has
 * no point: the line breaks there instead of dropping to 0. The figures are also in a table the
 * screen reader reads (`aria-describedby` points at the caption with the numbers).
 */
export function TrendChart({
  months,
  title,
  attendanceLabel,
  completionLabel,
  noCompletionNote,
  lang,
}: TrendChartProps): React.ReactElement {
  const styles = useStyles();
  const id = React.useId();
  const n = months.length;
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (rate: number) => PAD.top + (1 - rate) * (H - PAD.top - PAD.bottom);
  /** Polyline segments, broken where a month has no rate. */
  const segments = (rate: (m: MonthRow) => number | null): string[] => {
    const out: string[] = [];
    let current: string[] = [];
    months.forEach((m, i) => {
      const r = rate(m);
      if (r === null) {
        if (current.length) out.push(current.join(" "));
        current = [];
      } else current.push(`${x(i).toFixed(1)},${y(r).toFixed(1)}`);
    });
    if (current.length) out.push(current.join(" "));
    return out;
  };
  const described = months
    .map((m) => `${m.month} ${pct(m.attendanceRate)} / ${pct(m.completionRate)}`)
    .join("; ");
  return (
    <figure className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"} data-testid="trend-chart">
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={title}
        aria-describedby={id}
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line className={styles.grid} x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className={styles.axis} x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
              {v * 100}%
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % Math.max(1, Math.ceil(n / 6)) === 0 ? (
            <text key={m.month} className={styles.axis} x={x(i)} y={H - 7} textAnchor="middle">
              {m.month.slice(2)}
            </text>
          ) : null
        )}
        {segments((m) => m.attendanceRate).map((p) => (
          <polyline key={`a${p}`} className={styles.attendance} points={p} />
        ))}
        {segments((m) => m.completionRate).map((p) => (
          <polyline key={`c${p}`} className={styles.completion} points={p} />
        ))}
        {months.map((m, i) =>
          m.attendanceRate === null ? null : (
            <circle
              key={`da${m.month}`}
              className={styles.dotAttendance}
              cx={x(i)}
              cy={y(m.attendanceRate)}
              r={2}
            />
          )
        )}
        {months.map((m, i) =>
          m.completionRate === null ? null : (
            <circle
              key={`dc${m.month}`}
              className={styles.dotCompletion}
              cx={x(i)}
              cy={y(m.completionRate)}
              r={2}
            />
          )
        )}
      </svg>
      <figcaption className={styles.legend}>
        <Caption1>
          <span
            className={mergeClasses(styles.swatch, styles.swatchAttendance)}
            aria-hidden="true"
          />
          {attendanceLabel}
        </Caption1>
        {months.some((m) => m.completionRate !== null) ? (
          <Caption1>
            <span
              className={mergeClasses(styles.swatch, styles.swatchCompletion)}
              aria-hidden="true"
            />
            {completionLabel}
          </Caption1>
        ) : (
          <Caption1 className={styles.note} data-testid="no-completion">
            <Mixed text={noCompletionNote} lang={lang} />
          </Caption1>
        )}
        <span id={id} hidden>
          {described}
        </span>
      </figcaption>
    </figure>
  );
}

const pct = (r: number | null): string => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
