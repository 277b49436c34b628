import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { fmtYuan } from "../report/labels";
import { overviewCells, type Overview, type OverviewCell } from "../report/overview";
import { Mixed } from "../taskpane/components/Mixed";
import type { Lang } from "../taskpane/i18n";
import { WEB_STRINGS } from "./strings";
import { useSectionStyles } from "../taskpane/components/sectionStyles";

/**
 * Many files at once on the page (SPEC §12): the overview of the files scored, the same rows and
 * columns as the command line's overview, because both come from `overviewCells` (the command
 * line's workbook adds the fingerprint, 64 hex digits that help no one reading a screen). The
 * table scrolls sideways inside its own frame rather than the page: at 320 px ten columns do not
 * fit, and a table read across (one ledger's figures in a row, one figure down the ledgers) is
 * what a data table is for (WCAG 1.4.10 lets such a table scroll in two dimensions). Under it the
 * tail payable summed by status; above it the same-合同编号 warning and the two downloads.
 */

/** The overview's columns on screen: every column of `overviewCells` but the fingerprint. */
const SHOWN = 10;
/**
 * Each column's narrowest width in rem (set on its header cell): wide enough that a name or a
 * period breaks between words, not between letters; the frame scrolls when they do not fit.
 */
const MIN_REM = [7, 9, 6.5, 7, 6, 4, 4, 2.5, 6.5, 12];
/** The columns that hold figures (total, tail payable): right-aligned, kept on one line. */
const FIGURES = new Set([6, 8]);

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  table: {
    borderCollapse: "collapse",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "break-word",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  file: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  right: { textAlign: "right" },
  figure: { textAlign: "right", whiteSpace: "nowrap" },
  totals: { margin: 0, paddingLeft: 0, listStyleType: "none" },
  total: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  last: { fontWeight: tokens.fontWeightSemibold },
});

/** How an overview cell reads on screen: points to the hundredth, yuan as the command line prints them. */
function cellText(c: OverviewCell): string {
  if (c === null) return "—";
  if (typeof c === "string") return c;
  return c.format === "yuan" ? fmtYuan(Math.round(c.value * 100)) : c.value.toFixed(2);
}

export interface OverviewViewProps {
  overview: Overview;
  /** Files whose run failed (a fault, not a bad file): named, since they have no row. */
  failed: readonly string[];
  /** How many scored copies 全部下载 would put in the zip. */
  copies: number;
  lang: Lang;
  /** Writes and saves the overview workbook; resolves when saved. */
  onDownloadOverview: () => Promise<void>;
  onDownloadAll: () => void;
}

/** @summary The overview of the files scored, its totals and warnings, and the batch's downloads. */
export function OverviewView(props: OverviewViewProps): React.ReactElement {
  const { overview, failed, copies, lang } = props;
  const styles = useStyles();
  const shared = useSectionStyles();
  const w = WEB_STRINGS[lang];
  const headingId = React.useId();
  const hintId = React.useId();
  const [writing, setWriting] = React.useState(false);
  const cells = overviewCells(overview);
  const duplicates = overview.rows.flatMap((r) =>
    r.problems
      .filter((p) => p.code === "duplicate-contract-number")
      .map((p) => ({ file: r.file, message: p.message }))
  );
  const download = async () => {
    setWriting(true);
    try {
      await props.onDownloadOverview();
    } finally {
      setWriting(false);
    }
  };
  const last = cells.totals.length - 1;
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="overview">
      <Subtitle1 as="h2" id={headingId} className={shared.heading}>
        {w.overviewHeading}
      </Subtitle1>
      <Body1 as="p" className={shared.heading}>
        {w.overviewIntro(overview.totals.ledgers)}
      </Body1>
      {duplicates.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="duplicate-warning">
          <MessageBarBody>
            <MessageBarTitle>{w.duplicateTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {duplicates.map((d, i) => (
                <li key={i}>
                  <Mixed text={`${d.file}：${d.message}`} lang={lang} />
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {failed.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="not-in-overview">
          <MessageBarBody>
            <MessageBarTitle>{w.notInOverview}</MessageBarTitle>
            <ul className={styles.list}>
              {failed.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={shared.tools}>
        <Button
          appearance="primary"
          onClick={() => void download()}
          disabled={writing}
          data-testid="download-overview"
        >
          {w.downloadOverview}
        </Button>
        <Button onClick={props.onDownloadAll} disabled={copies === 0} data-testid="download-all">
          {w.downloadAll}
        </Button>
        {writing && <Spinner size="tiny" labelPosition="after" label={w.writingOverview} />}
      </div>
      <Caption1 className={shared.muted}>{w.downloadAllHint(copies)}</Caption1>
      <Caption1 id={hintId} className={shared.muted}>
        {w.overviewScroll}
      </Caption1>
      {/* Focusable, so that the keyboard can scroll it; a region of its own name. */}
      <div
        className={styles.scroller}
        role="region"
        aria-label={w.overviewTable}
        aria-describedby={hintId}
        tabIndex={0}
      >
        <table className={styles.table} aria-labelledby={headingId} data-testid="overview-table">
          <thead>
            <tr>
              {cells.header.slice(0, SHOWN).map((h, j) => (
                <th
                  key={j}
                  scope="col"
                  style={{ minWidth: `${MIN_REM[j]}rem` }}
                  className={mergeClasses(styles.cell, styles.head, FIGURES.has(j) && styles.right)}
                >
                  <Mixed text={h} lang={lang} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.rows.map((row, i) => (
              <tr key={i} data-testid="overview-row">
                {row.slice(0, SHOWN).map((c, j) => {
                  const className = mergeClasses(
                    styles.cell,
                    j === 0 && styles.file,
                    FIGURES.has(j) && styles.figure
                  );
                  const text = <Mixed text={cellText(c)} lang={lang} />;
                  return j === 0 ? (
                    <th key={j} scope="row" className={className}>
                      {text}
                    </th>
                  ) : (
                    <td key={j} className={className}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Subtitle1 as="h3" className={shared.heading}>
        {w.totalsHeading}
      </Subtitle1>
      <ul className={styles.totals} data-testid="overview-totals">
        {cells.totals.map((line, i) => (
          <li key={i} className={mergeClasses(styles.total, i === last && styles.last)}>
            <span>
              <Mixed text={cellText(line[0])} lang={lang} />
            </span>
            <span>{line[8] === null ? "—" : cellText(line[8])}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
