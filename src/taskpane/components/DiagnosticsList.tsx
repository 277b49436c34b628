import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SEVERITY_TEXT, type Diagnostic, type Severity, type TableKey } from "../../engine";
import {
  groupDiagnostics,
  groupRowsText,
  sheetText,
  type DiagnosticGroup,
} from "../../report/diagnosticGroups";
import type { Strings } from "../i18n";
import { Mixed, langTag } from "./Mixed";

export interface DiagnosticsListProps {
  diagnostics: Diagnostic[];
  /**
   * Called when the "go to" button of a diagnostic that names a table is pressed; without it
   * (the web page, which has no open workbook to go to) there is no such button.
   */
  onSelect?: (d: Diagnostic) => void;
  strings: Strings;
}

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  top: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
  go: { flexShrink: 0 },
  where: {
    minWidth: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  groupHeading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * Diagnostics grouped by table, most serious first: severity badge, sheet (when the table spans
 * several), row, column and the message in the pane's language only (SPEC §13), its code behind
 * 详情. Rows sharing one problem
 * (same code, column and value) are one item with their count and first rows (SPEC §5). A
 * diagnostic that names a table has a bordered button (it reads as one) that selects its (first)
 * cell; the button's name is short and the message is its description.
 */
export function DiagnosticsList({
  diagnostics,
  onSelect,
  strings: s,
}: DiagnosticsListProps): React.ReactElement {
  const styles = useStyles();
  const baseId = React.useId();
  if (diagnostics.length === 0)
    return <Body1 data-testid="no-diagnostics">{s.noDiagnostics}</Body1>;
  const byTable = new Map<TableKey | null, DiagnosticGroup[]>();
  for (const g of groupDiagnostics(diagnostics)) {
    const list = byTable.get(g.first.table) ?? [];
    list.push(g);
    byTable.set(g.first.table, list);
  }
  return (
    <div data-testid="diagnostics">
      {[...byTable.entries()].map(([table, list]) => (
        <section key={table ?? ""} className={styles.group} data-testid="diagnostic-group">
          <Subtitle2 as="h3" className={styles.groupHeading}>
            {table ? s.tableName[table] : s.wholeWorkbook}
          </Subtitle2>
          {list.map((g, i) => {
            const d = g.first;
            const v = g.shown;
            const rows = groupRowsText(g);
            const sheet = g.sheets.length === 1 ? g.sheets[0] : undefined;
            const messageId = `${baseId}-${table ?? "all"}-${i}`;
            return (
              <div
                key={i}
                className={styles.item}
                data-testid="diagnostic"
                data-code={d.code}
                data-row={d.row ?? ""}
                data-count={g.count}
                {...(sheet !== undefined ? { "data-sheet": sheet } : {})}
              >
                <div className={styles.top}>
                  <span className={styles.where}>
                    <Badge appearance="tint" color={SEVERITY_COLOR[d.severity]} size="small">
                      {SEVERITY_TEXT[d.severity][s.lang]}
                    </Badge>
                    {sheet !== undefined && (
                      <Caption1 data-testid="diagnostic-sheet">
                        <Mixed text={sheetText(sheet)[s.lang]} lang={s.lang} />
                      </Caption1>
                    )}
                    {rows !== null ? (
                      <Caption1 data-testid="diagnostic-count">
                        <Mixed text={rows[s.lang]} lang={s.lang} />
                      </Caption1>
                    ) : (
                      d.row !== null && <Caption1>{s.row(d.row)}</Caption1>
                    )}
                    {v.column && (
                      <Caption1>
                        <Mixed text={s.column(v.column)} lang={s.lang} />
                      </Caption1>
                    )}
                  </span>
                  {d.table !== null && onSelect && (
                    <Button
                      size="small"
                      appearance="secondary"
                      aria-describedby={messageId}
                      title={s.goTo}
                      onClick={() => onSelect(d)}
                      className={styles.go}
                      data-testid="diagnostic-go"
                    >
                      {s.goToShort}
                    </Button>
                  )}
                </div>
                <span id={messageId}>
                  <Body1 lang={langTag(s.lang)}>
                    <Mixed text={v[s.lang]} lang={s.lang} />
                  </Body1>
                </span>
                <details className={styles.details}>
                  <summary className={styles.muted}>{s.codeDetails}</summary>
                  <Caption1 className={styles.muted} lang="en" data-testid="diagnostic-code">
                    {d.code}
                  </Caption1>
                </details>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
