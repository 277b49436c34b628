import * as React from "react";
import { Badge, Body1, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { LedgerOverview } from "../../excel/types";
import type { Strings } from "../i18n";
import { Mixed } from "./Mixed";

export interface LedgerTablesProps {
  /** The overview from the host, or null while it is being read. */
  overview: LedgerOverview | null;
  strings: Strings;
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  missing: { color: tokens.colorPaletteRedForeground1 },
});

/** The candidate ledger tables found in the workbook, with row counts, and the missing ones. */
export function LedgerTables({ overview, strings: s }: LedgerTablesProps): React.ReactElement {
  const styles = useStyles();
  if (!overview) return <Spinner size="tiny" label={s.loadingTables} />;
  return (
    <div data-testid="ledger-tables">
      {overview.tables.length === 0 ? (
        <Body1>{s.noTables}</Body1>
      ) : (
        <ul className={styles.list}>
          {overview.tables.map((t) => (
            <li key={`${t.sheet}/${t.name}`} className={styles.item} data-testid="ledger-table">
              <span className={styles.name}>
                <Mixed text={t.name} lang={s.lang} />
              </span>
              <Caption1 className={styles.muted}>
                {t.kind === "table" ? s.kindTable : s.kindSheet}
                {t.kind === "table" && t.sheet !== t.name ? (
                  <>
                    {" · "}
                    <Mixed text={t.sheet} lang={s.lang} />
                  </>
                ) : null}
              </Caption1>
              <Body1>{s.rows(t.rows)}</Body1>
              {t.matches ? (
                <Badge appearance="tint" color="success" size="small">
                  {s.matches(s.tableName[t.matches])}
                </Badge>
              ) : (
                <Badge appearance="tint" color="subtle" size="small">
                  {s.unmatched}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      {overview.tables.length === 0 || overview.missing.some((m) => m.required) ? null : (
        <Caption1 className={styles.muted}>{s.nothingMissing}</Caption1>
      )}
      {overview.missing.length > 0 && (
        <div data-testid="missing-tables">
          <Caption1 className={styles.muted}>
            {s.missingHeading}
            {s.colon}
          </Caption1>
          {overview.missing.map((m, i) => (
            <Caption1 key={m.key} className={m.required ? styles.missing : styles.muted}>
              {i > 0 ? s.listSep : ""}
              {s.tableName[m.key]}
              {s.paren(m.required ? s.missingRequired : s.missingOptional)}
            </Caption1>
          ))}
        </div>
      )}
    </div>
  );
}
