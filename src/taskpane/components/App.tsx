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
  typographyStyles,
  useAnnounce,
} from "@fluentui/react-components";
import {
  DEFAULT_PROFILE,
  dayToIso,
  isoDay,
  shown,
  type Diagnostic,
  type RateRounding,
  type TierEdge,
} from "../../engine";
import type { AssessmentRun, ExcelHost, LedgerOverview } from "../../excel/types";
import type { HostProblem } from "../connect";
import { describeFailure, type HostFailure } from "../hostFailure";
import { resultAnnouncement } from "../format";
import { STRINGS, type Lang, type Strings } from "../i18n";
import { AssessForm } from "./AssessForm";
import { DiagnosticsList } from "./DiagnosticsList";
import { FailureMessage } from "./FailureMessage";
import { LedgerTables } from "./LedgerTables";
import { Mixed, langTag } from "./Mixed";
import { useSectionStyles } from "./sectionStyles";
import { ResultView } from "./ResultView";

export interface AppProps {
  /**
   * The workbook: the Office.js adapter in Excel, a fake in tests; null outside Excel, where the
   * pane says why (`hostProblem`) and 评分 stays disabled.
   */
  host: ExcelHost | null;
  /**
   * Why there is no host; shown when `host` is null.
   * @default "not-in-excel"
   */
  hostProblem?: HostProblem;
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
  langSwitch: { flexShrink: 0 },
  resultHeading: {
    ...typographyStyles.subtitle1,
    margin: 0,
    // Focus lands here after 评分; a visible ring, not the browser default.
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  footer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sectionHead: { display: "flex", justifyContent: "space-between", alignItems: "center" },
});

/** The task pane: ledger tables, options, the 评分 button, the result and the diagnostics. */
export function App({
  host,
  hostProblem = "not-in-excel",
  defaultAsOf = dayToIso(DEFAULT_PROFILE.serviceEnd),
  defaultLang = "zh",
}: AppProps): React.ReactElement {
  const styles = useStyles();
  const shared = useSectionStyles();
  const [lang, setLang] = React.useState<Lang>(defaultLang);
  const s = STRINGS[lang];
  const [overview, setOverview] = React.useState<LedgerOverview | null>(null);
  const [asOf, setAsOf] = React.useState(defaultAsOf);
  // Until the user picks a date, the engine decides: the Contract table's 考核日期, else the service end.
  const [asOfTouched, setAsOfTouched] = React.useState(false);
  const [rounding, setRounding] = React.useState<RateRounding>("none");
  const [tierEdge, setTierEdge] = React.useState<TierEdge>("lower");
  const [running, setRunning] = React.useState(false);
  const [run, setRun] = React.useState<AssessmentRun | null>(null);
  const result = run?.assessment ?? null;
  const [error, setError] = React.useState<HostFailure | null>(null);
  // A failed run moves focus to its message (SPEC §13: shown where the user looks).
  const [focusError, setFocusError] = React.useState(0);
  // A notice is kept as what to say, not the words, so the language switch re-words it.
  const [notice, setNotice] = React.useState<((t: Strings) => string) | null>(null);
  const say = (f: (t: Strings) => string) => setNotice(() => f);
  const [installing, setInstalling] = React.useState(false);
  const [templating, setTemplating] = React.useState(false);
  // The "台账自上次评分后已修改" check: true only when there is a summary and the ledger differs.
  const [ledgerChanged, setLedgerChanged] = React.useState(false);
  // Each run or check takes a number; a check that resolves after a later run is dropped.
  const generation = React.useRef(0);
  const runningRef = React.useRef(false);
  const { announce } = useAnnounce();
  const resultHeading = React.useRef<HTMLHeadingElement>(null);
  const resultHeadingId = React.useId();
  const problemsId = React.useId();

  // A new result: move focus to its heading (it appears below the fold) and say what it is.
  React.useEffect(() => {
    if (!run) return;
    resultHeading.current?.focus();
    announce(resultAnnouncement(run.assessment, lang), { polite: true });
    // Only a new run is announced, not a language switch.
  }, [run]);

  /**
   * The table overview (names and headers only, no ledger rows); with `check`, then the
   * 台账自上次评分后已修改 check, which reads the whole ledger: only when the user asks (刷新),
   * never on opening — with the shared runtime the page also opens when an OM.* formula
   * recalculates (SPEC §13).
   */
  const refresh = React.useCallback(
    async (check: boolean) => {
      if (!host) return;
      setOverview(null);
      try {
        setOverview(await host.listTables());
      } catch (e) {
        setError(describeFailure(e));
        setOverview({ tables: [], missing: [], diagnostics: [], layout: {} });
      }
      // Then the check, never while a run reads and writes the same sheets.
      if (!check || !host.checkLedger || runningRef.current) return;
      const mine = ++generation.current;
      try {
        const check = await host.checkLedger();
        if (mine === generation.current)
          setLedgerChanged(check.outcome !== "unreadable" && check.ledgerChanged);
      } catch (e) {
        if (mine === generation.current) setError(describeFailure(e));
      }
    },
    [host]
  );

  React.useEffect(() => {
    void refresh(false);
  }, [refresh]);

  const onAssess = async () => {
    if (!host) return;
    setRunning(true);
    runningRef.current = true;
    generation.current++;
    setError(null);
    setNotice(null);
    try {
      const a = await host.runAssessment({
        ...(asOfTouched ? { asOf: isoDay(asOf) } : {}),
        profile: { rateRounding: rounding, tierEdge },
      });
      setRun(a);
      // A summary written now matches the ledger as read.
      if (a.record) setLedgerChanged(false);
    } catch (e) {
      // The previous result is not this run's: cleared, so no old total stays on screen.
      setRun(null);
      setError(describeFailure(e));
      setFocusError((n) => n + 1);
    } finally {
      runningRef.current = false;
      setRunning(false);
    }
  };

  const onTemplate = async () => {
    if (!host?.addTemplateTables) return;
    setTemplating(true);
    setError(null);
    setNotice(null);
    try {
      const r = await host.addTemplateTables();
      say((t) => t.templateDone(r.added, r.kept, r.validation !== "unsupported"));
    } catch (e) {
      setError(describeFailure(e));
    } finally {
      setTemplating(false);
    }
    if (!runningRef.current) await refresh(false);
  };

  const onInstall = async () => {
    if (!host?.installFunctionNames) return;
    setInstalling(true);
    setError(null);
    setNotice(null);
    try {
      const r = await host.installFunctionNames();
      say((t) => (r.lambdaMissing ? t.lambdaMissing : t.installed(r.added, r.kept)));
    } catch (e) {
      setError(describeFailure(e));
    } finally {
      setInstalling(false);
    }
  };

  const onSelect = async (d: Diagnostic) => {
    if (!host) return;
    setNotice(null);
    try {
      const layout = run?.layout ?? overview?.layout ?? {};
      const found = await host.selectCell(layout, d);
      if (!found) say((t) => t.notFound);
    } catch (e) {
      setError(describeFailure(e));
    }
  };

  const shownDiagnostics = result ? result.diagnostics : (overview?.diagnostics ?? []);

  return (
    <main className={styles.root} lang={langTag(lang)}>
      <header className={shared.header}>
        <div className={shared.titles}>
          <Title3 as="h1" className={shared.heading}>
            {s.title}
          </Title3>
          <Caption1 as="p" className={mergeClasses(shared.heading, shared.muted)}>
            {s.subtitle}
          </Caption1>
        </div>
        <Switch
          label={{ children: s.english, lang: "en" }}
          checked={lang === "en"}
          onChange={(_, d) => setLang(d.checked ? "en" : "zh")}
          data-testid="lang"
          className={styles.langSwitch}
        />
      </header>

      {!host && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-host">
          <MessageBarBody>
            <MessageBarTitle>{s.hostProblemTitle[hostProblem]}</MessageBarTitle>
            <div>
              <Mixed text={s.hostProblemBody[hostProblem]} lang={lang} />
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {error && <FailureMessage failure={error} strings={s} focusKey={focusError} />}
      {run?.refused && (
        <MessageBar intent="error" layout="multiline" data-testid="refused">
          <MessageBarBody>
            <MessageBarTitle>{s.refusedTitle}</MessageBarTitle>
            <div>
              <Mixed text={shown(run.refused)[lang]} lang={lang} />
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {ledgerChanged && (
        <MessageBar intent="warning" layout="multiline" data-testid="ledger-changed">
          <MessageBarBody>
            <MessageBarTitle>{s.ledgerChangedTitle}</MessageBarTitle>
            <div>
              <Mixed text={s.ledgerChangedBody} lang={lang} />
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {run?.pageLayout === "unsupported" && (
        <MessageBar intent="info" layout="multiline" data-testid="page-layout-unsupported">
          <MessageBarBody>
            <Mixed text={s.pageLayoutUnsupported} lang={lang} />
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar key={notice(STRINGS.zh)} intent="info" layout="multiline" data-testid="notice">
          <MessageBarBody>
            <Mixed text={notice(s)} lang={lang} />
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={shared.section}>
        <div className={styles.sectionHead}>
          <Subtitle1 as="h2" className={shared.heading}>
            {s.tablesHeading}
          </Subtitle1>
          {host && (
            <Button
              size="small"
              onClick={() => void refresh(true)}
              disabled={running || overview === null}
            >
              {s.refresh}
            </Button>
          )}
        </div>
        {host ? (
          <LedgerTables overview={overview} strings={s} />
        ) : (
          <Caption1 className={shared.muted}>{s.noHostTables}</Caption1>
        )}
      </section>

      <section className={shared.section}>
        <Subtitle1 as="h2" className={shared.heading}>
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
          tierEdge={tierEdge}
          onTierEdgeChange={setTierEdge}
          running={running}
          disabled={!host}
          onAssess={() => void onAssess()}
          strings={s}
        />
      </section>

      {result && (
        <section className={shared.section} aria-labelledby={resultHeadingId}>
          <h2
            id={resultHeadingId}
            className={styles.resultHeading}
            ref={resultHeading}
            tabIndex={-1}
            data-testid="result-heading"
          >
            {s.resultHeading}
          </h2>
          <ResultView
            assessment={result}
            strings={s}
            written={!run?.refused}
            problems={{ count: shownDiagnostics.length, targetId: problemsId }}
          />
        </section>
      )}

      {(result || shownDiagnostics.length > 0) && (
        <section className={shared.section}>
          <Subtitle1
            as="h2"
            id={problemsId}
            tabIndex={-1}
            className={styles.resultHeading}
            data-testid="problems-heading"
          >
            {s.diagnosticsHeading(shownDiagnostics.length)}
          </Subtitle1>
          <DiagnosticsList
            diagnostics={shownDiagnostics}
            onSelect={(d) => void onSelect(d)}
            strings={s}
          />
        </section>
      )}

      {(host?.installFunctionNames || host?.addTemplateTables) && (
        <div className={shared.tools}>
          {host.addTemplateTables && (
            <Button
              onClick={() => void onTemplate()}
              disabled={templating || running}
              data-testid="add-template"
            >
              {templating ? s.templating : s.template}
            </Button>
          )}
          {host.installFunctionNames && (
            <Button
              onClick={() => void onInstall()}
              disabled={installing || running}
              data-testid="install-names"
            >
              {installing ? s.installing : s.install}
            </Button>
          )}
        </div>
      )}

      <Divider />
      <footer className={styles.footer} data-testid="footer">
        <Caption1 className={shared.muted}>
          <Mixed text={s.privacy} lang={lang} />
        </Caption1>
        <Caption1 className={shared.muted}>{s.officeJs}</Caption1>
      </footer>
    </main>
  );
}
