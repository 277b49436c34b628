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
import {
  SEVERITY_TEXT,
  shown,
  sortDiagnostics,
  type Diagnostic,
  type Severity,
  type TableKey,
} from "../../engine";
import type { Strings } from "../i18n";
import { Mixed, langTag } from "./Mixed";

export interface DiagnosticsListProps {
  diagnostics: Diagnostic[];
  /** Called when the "go to" button of a diagnostic that names a table is pressed. */
  onSelect: (d: Diagnostic) => void;
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
  en: { color: tokens.colorNeutralForeground3, display: "block" },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/**
 * Diagnostics grouped by table, most serious first: severity badge, row, column, the Chinese
 * message and the English below. A diagnostic that names a table has a Fluent button that selects
 * its cell; the button's name is short and the message is its description.
 */
export function DiagnosticsList({
  diagnostics,
  onSelect,
  strings: s,
}: DiagnosticsListProps): React.ReactElement {
  const styles = useStyles();
  const baseId = React.useId();
  // The pane's language first, the other below it.
  const second = s.lang === "zh" ? "en" : "zh";
  if (diagnostics.length === 0)
    return <Body1 data-testid="no-diagnostics">{s.noDiagnostics}</Body1>;
  const groups = new Map<TableKey | null, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const list = groups.get(d.table) ?? [];
    list.push(d);
    groups.set(d.table, list);
  }
  return (
    <div data-testid="diagnostics">
      {[...groups.entries()].map(([table, list]) => (
        <section key={table ?? ""} className={styles.group} data-testid="diagnostic-group">
          <Subtitle2 as="h3" className={styles.groupHeading}>
            {table ? s.tableName[table] : s.wholeWorkbook}
          </Subtitle2>
          {list.map((d, i) => {
            const v = shown(d);
            const messageId = `${baseId}-${table ?? "all"}-${i}`;
            return (
              <div
                key={i}
                className={styles.item}
                data-testid="diagnostic"
                data-code={d.code}
                data-row={d.row ?? ""}
              >
                <div className={styles.top}>
                  <span className={styles.where}>
                    <Badge appearance="tint" color={SEVERITY_COLOR[d.severity]} size="small">
                      {SEVERITY_TEXT[d.severity][s.lang]}
                    </Badge>
                    {d.row !== null && <Caption1>{s.row(d.row)}</Caption1>}
                    {v.column && (
                      <Caption1>
                        <Mixed text={s.column(v.column)} lang={s.lang} />
                      </Caption1>
                    )}
                    <Caption1 className={styles.muted} lang="en">
                      {d.code}
                    </Caption1>
                  </span>
                  {d.table !== null && (
                    <Button
                      size="small"
                      appearance="subtle"
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
                  <Caption1 className={styles.en} lang={langTag(second)}>
                    <Mixed text={v[second]} lang={second} />
                  </Caption1>
                </span>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
