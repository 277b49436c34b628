import * as React from "react";
import {
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Switch,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  DEFAULT_PROFILE,
  dayToIso,
  isoDay,
  type Diagnostic,
  type RateRounding,
} from "../../engine";
import type { AssessmentRun, ExcelHost, LedgerOverview } from "../../excel/types";
import { STRINGS, type Lang } from "../i18n";
import { AssessForm } from "./AssessForm";
import { DiagnosticsList } from "./DiagnosticsList";
import { LedgerTables } from "./LedgerTables";
import { ResultView } from "./ResultView";

export interface AppProps {
  /** The workbook: the Office.js adapter in Excel, a fake in tests. */
  host: ExcelHost;
  /**
   * As-of date shown at first, ISO.
   * @default the default profile's service end (2025-06-30)
   */
  defaultAsOf?: string;
  /**
   * Language shown at first.
   * @default "zh"
   */
  defaultLang?: Lang;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  sectionHead: { display: "flex", justifyContent: "space-between", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Shows an error from the host; never swallowed. */
function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && !e.message.includes(code)
      ? `${e.message} (${code})`
      : e.message;
  }
  return String(e);
}

/** The task pane: ledger tables, options, the 评分 button, the result and the diagnostics. */
export function App({
  host,
  defaultAsOf = dayToIso(DEFAULT_PROFILE.serviceEnd),
  defaultLang = "zh",
}: AppProps): React.ReactElement {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(defaultLang);
  const s = STRINGS[lang];
  const [overview, setOverview] = React.useState<LedgerOverview | null>(null);
  const [asOf, setAsOf] = React.useState(defaultAsOf);
  // Until the user picks a date, the engine decides: the Contract table's 考核日期, else the service end.
  const [asOfTouched, setAsOfTouched] = React.useState(false);
  const [rounding, setRounding] = React.useState<RateRounding>("none");
  const [running, setRunning] = React.useState(false);
  const [run, setRun] = React.useState<AssessmentRun | null>(null);
  const result = run?.assessment ?? null;
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    setOverview(null);
    try {
      setOverview(await host.listTables());
    } catch (e) {
      setError(errorText(e));
      setOverview({ tables: [], missing: [], diagnostics: [], layout: {} });
    }
  }, [host]);

  React.useEffect(() => {
    void refresh();
  }, [refresh]);

  const onAssess = async () => {
    setRunning(true);
    setError(null);
    setNotice(null);
    try {
      const a = await host.runAssessment({
        ...(asOfTouched ? { asOf: isoDay(asOf) } : {}),
        profile: { rateRounding: rounding },
      });
      setRun(a);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  const onSelect = async (d: Diagnostic) => {
    setNotice(null);
    try {
      const layout = run?.layout ?? overview?.layout ?? {};
      const found = await host.selectCell(layout, d);
      if (!found) setNotice(s.notFound);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const shownDiagnostics = result ? result.diagnostics : (overview?.diagnostics ?? []);

  return (
    <main className={styles.root} lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.heading}>
            {s.title}
          </Title3>
          <Caption1 as="p" className={mergeClasses(styles.heading, styles.muted)}>
            {s.subtitle}
          </Caption1>
        </div>
        <Switch
          label={s.english}
          checked={lang === "en"}
          onChange={(_, d) => setLang(d.checked ? "en" : "zh")}
          data-testid="lang"
        />
      </header>

      {error && (
        <MessageBar intent="error" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info" data-testid="notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section}>
        <div className={styles.sectionHead}>
          <Subtitle1 as="h2" className={styles.heading}>
            {s.tablesHeading}
          </Subtitle1>
          <Button
            size="small"
            onClick={() => void refresh()}
            disabled={running || overview === null}
          >
            {s.refresh}
          </Button>
        </div>
        <LedgerTables overview={overview} strings={s} />
      </section>

      <section className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {s.optionsHeading}
        </Subtitle1>
        <AssessForm
          asOf={asOf}
          onAsOfChange={(iso) => {
            setAsOf(iso);
            setAsOfTouched(true);
          }}
          rounding={rounding}
          onRoundingChange={setRounding}
          running={running}
          onAssess={() => void onAssess()}
          strings={s}
        />
      </section>

      {result && (
        <section className={styles.section}>
          <Subtitle1 as="h2" className={styles.heading}>
            {s.resultHeading}
          </Subtitle1>
          <ResultView assessment={result} strings={s} />
        </section>
      )}

      {(result || shownDiagnostics.length > 0) && (
        <section className={styles.section}>
          <Subtitle1 as="h2" className={styles.heading}>
            {s.diagnosticsHeading(shownDiagnostics.length)}
          </Subtitle1>
          <DiagnosticsList
            diagnostics={shownDiagnostics}
            onSelect={(d) => void onSelect(d)}
            strings={s}
          />
        </section>
      )}

      <Divider />
      <Caption1 className={styles.muted}>{s.privacy}</Caption1>
    </main>
  );
}
