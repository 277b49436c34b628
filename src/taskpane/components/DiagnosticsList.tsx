import * as React from "react";
import { Badge, Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Diagnostic, Severity } from "../../engine";
import type { Strings } from "../i18n";

export interface DiagnosticsListProps {
  diagnostics: Diagnostic[];
  /** Called when a diagnostic that names a table is clicked (or activated with Enter/Space). */
  onSelect: (d: Diagnostic) => void;
  strings: Strings;
}

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  where: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Diagnostics grouped by table: severity badge, row, column, the Chinese message and the English below. */
export function DiagnosticsList({ diagnostics, onSelect, strings: s }: DiagnosticsListProps): React.ReactElement {
  const styles = useStyles();
  if (diagnostics.length === 0) return <Body1 data-testid="no-diagnostics">{s.noDiagnostics}</Body1>;
  const groups = new Map<string | null, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.table) ?? [];
    list.push(d);
    groups.set(d.table, list);
  }
  return (
    <div data-testid="diagnostics">
      {[...groups.entries()].map(([table, list]) => (
        <section key={table ?? ""} className={styles.group} data-testid="diagnostic-group">
          <Subtitle2>{table ?? s.wholeWorkbook}</Subtitle2>
          {[...list]
            .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.row ?? 0) - (b.row ?? 0))
            .map((d, i) => {
              const go = d.table !== null;
              const activate = () => go && onSelect(d);
              return (
                <div
                  key={i}
                  className={mergeClasses(styles.item, go && styles.clickable)}
                  role={go ? "button" : undefined}
                  tabIndex={go ? 0 : undefined}
                  title={go ? s.goTo : undefined}
                  onClick={activate}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      activate();
                    }
                  }}
                  data-testid="diagnostic"
                  data-code={d.code}
                  data-row={d.row ?? ""}
                >
                  <span className={styles.where}>
                    <Badge appearance="tint" color={SEVERITY_COLOR[d.severity]} size="small">
                      {s.severity[d.severity]}
                    </Badge>
                    {d.row !== null && <Caption1>{s.row(d.row)}</Caption1>}
                    {d.column && <Caption1>{s.column(d.column)}</Caption1>}
                    <Caption1 className={styles.muted}>{d.code}</Caption1>
                  </span>
                  <Body1>{d.zh}</Body1>
                  <Caption1 className={styles.muted}>{d.en}</Caption1>
                </div>
              );
            })}
        </section>
      ))}
    </div>
  );
}
