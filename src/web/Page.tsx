import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
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
} from "../engine";
import { AssessForm } from "../taskpane/components/AssessForm";
import { DiagnosticsList } from "../taskpane/components/DiagnosticsList";
import { Mixed, langTag } from "../taskpane/components/Mixed";
import { resultAnnouncement } from "../taskpane/format";
import {
  assessedRow,
  buildOverview,
  unreadableRow,
  type Overview,
  type OverviewRow,
} from "../report/overview";
import { ResultView } from "../taskpane/components/ResultView";
import { STRINGS, type Lang } from "../taskpane/i18n";
import type { WorkerClient } from "./client";
import { saveBytes, ZIP_TYPE } from "./download";
import { OverviewView } from "./OverviewView";
import {
  scoredName,
  type CheckOutcome,
  type FileOutcome,
  type PageOptions,
  type Stage,
} from "./scoreFile";
import { WEB_STRINGS } from "./strings";
import { useSectionStyles } from "../taskpane/components/sectionStyles";
import { templateBytes, TEMPLATE_NAME } from "./template";
import { zipCopies } from "./zipAll";

export interface PageProps {
  /** The worker that scores; null when the page's worker script is missing. */
  client: WorkerClient | null;
}

/** One chosen file and what the last action on it gave. */
interface FileRun {
  key: number;
  file: File;
  stage: Stage | "checking" | null;
  scored?: FileOutcome;
  checked?: CheckOutcome;
  error?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "960px",
    margin: "0 auto",
    color: tokens.colorNeutralForeground1,
    boxSizing: "border-box",
    minHeight: "100vh",
  },
  /** With the overview shown, room for its table at desktop widths. */
  wide: { maxWidth: "1280px" },
  drop: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  fileInput: { ...typographyStyles.body1, maxWidth: "100%" },
  fileLabel: { ...typographyStyles.body1Strong },
  fileList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** A batch of files scored (SPEC §12): its overview, the files that failed, the copies made. */
interface Batch {
  overview: Overview;
  failed: string[];
  copies: { name: string; bytes: Uint8Array }[];
}

/**
 * @summary The overview of the files once every one of two or more has been scored: a row each
 * (`assessedRow` / `unreadableRow`, as the command line's batch makes them, the file named as
 * chosen, the copy as `scoredName` names it), null while any is still to run.
 */
function batchOf(runs: readonly FileRun[]): Batch | null {
  if (runs.length < 2) return null;
  const rows: OverviewRow[] = [];
  const failed: string[] = [];
  const copies: Batch["copies"] = [];
  for (const r of runs) {
    const name = r.file.name;
    if (r.scored?.kind === "scored") {
      const { assessment, fingerprint, copy } = r.scored;
      rows.push(
        assessedRow(name, assessment, { fingerprint, output: copy ? scoredName(name) : null })
      );
      if (copy) copies.push({ name: scoredName(name), bytes: copy });
    } else if (r.scored?.kind === "refused") rows.push(unreadableRow(name, [r.scored.diagnostic]));
    else if (r.error) failed.push(name);
    else return null;
  }
  return { overview: buildOverview(rows), failed, copies };
}

/** An error from the worker or the browser, shown as it is. */
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The bilingual words of a refusal (the command line's message for the same file). */
function RefusedBar({ d, lang, title }: { d: Diagnostic; lang: Lang; title: string }) {
  const v = shown(d);
  const second = lang === "zh" ? "en" : "zh";
  return (
    <MessageBar intent="error" layout="multiline" data-testid="refused">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>
          <Mixed text={v[lang]} lang={lang} />
        </div>
        <div lang={langTag(second)}>
          {v[second]} ({d.code})
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The web page (SPEC §11): the page's one file input (or a drop anywhere on the page) takes
 * one or more ledgers; the task pane's options form and its 评分 button; per file, the task
 * pane's result view and problem list, and 下载评分结果. 核对 checks the chosen files as scored
 * copies; 下载空白台账模板 saves the command line's template. The work runs in the worker, one
 * file at a time, with its stage shown. Two or more files scored give the overview (SPEC §12,
 * `OverviewView`): the command line's overview rows, its workbook (written in the worker) and
 * every scored copy in one .zip.
 */
export function Page({ client }: PageProps): React.ReactElement {
  const styles = useStyles();
  const shared = useSectionStyles();
  const [lang, setLang] = React.useState<Lang>("zh");
  const s = STRINGS[lang];
  const w = WEB_STRINGS[lang];
  const [asOf, setAsOf] = React.useState(dayToIso(DEFAULT_PROFILE.serviceEnd));
  const [asOfTouched, setAsOfTouched] = React.useState(false);
  const [rounding, setRounding] = React.useState<RateRounding>("none");
  const [tierEdge, setTierEdge] = React.useState<TierEdge>("lower");
  const [runs, setRuns] = React.useState<FileRun[]>([]);
  const [busy, setBusy] = React.useState<"score" | "check" | null>(null);
  /** What the files' outcomes are of: a batch's overview is shown after 评分, not after 核对. */
  const [lastRun, setLastRun] = React.useState<"score" | "check" | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const inputId = React.useId();
  const nextKey = React.useRef(1);
  const { announce } = useAnnounce();

  /** Says what a file gave, as the task pane does for its run (the result appears below). */
  const announceOutcome = (name: string, o: FileOutcome) => {
    const t = STRINGS[lang];
    if (o.kind === "refused") announce(`${name}${t.colon}${shown(o.diagnostic)[lang]}`);
    else announce(`${name}${t.colon}${resultAnnouncement(o.assessment, lang)}`, { polite: true });
  };

  const choose = (files: FileList | null) => {
    if (!files || busy) return;
    setError(null);
    setRuns([...files].map((file) => ({ key: nextKey.current++, file, stage: null })));
    setLastRun(null);
  };
  const update = (key: number, change: Partial<FileRun>) =>
    setRuns((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  /** Each file in turn through the worker: a new run's outcome replaces the last. */
  const runAll = async (kind: "score" | "check") => {
    if (!client) return;
    setBusy(kind);
    setLastRun(kind);
    setError(null);
    const options: PageOptions = {
      ...(asOfTouched && asOf ? { asOf: isoDay(asOf) } : {}),
      rateRounding: rounding,
      tierEdge,
    };
    for (const run of runs) {
      update(run.key, { scored: undefined, checked: undefined, error: undefined, stage: null });
      try {
        const bytes = new Uint8Array(await run.file.arrayBuffer());
        if (kind === "score") {
          const scored = await client.score(bytes, options, (stage) => update(run.key, { stage }));
          update(run.key, { scored, stage: null });
          announceOutcome(run.file.name, scored);
        } else {
          update(run.key, { stage: "checking" });
          const checked = await client.check(bytes, () => {});
          update(run.key, { checked, stage: null });
        }
      } catch (e) {
        update(run.key, { error: errorText(e), stage: null });
      }
    }
    setBusy(null);
  };

  const batch = React.useMemo(
    () => (busy === null && lastRun === "score" ? batchOf(runs) : null),
    [runs, busy, lastRun]
  );

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files);
  };

  return (
    <main
      className={mergeClasses(styles.root, batch !== null && styles.wide)}
      lang={langTag(lang)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className={shared.header}>
        <div className={shared.titles}>
          <Title3 as="h1" className={shared.heading}>
            {w.title}
          </Title3>
          <Caption1 as="p" className={mergeClasses(shared.heading, shared.muted)}>
            {w.subtitle}
          </Caption1>
        </div>
        <Switch
          label={{ children: s.english, lang: "en" }}
          checked={lang === "en"}
          onChange={(_, d) => setLang(d.checked ? "en" : "zh")}
          data-testid="lang"
        />
      </header>

      {!client && (
        <MessageBar intent="error" layout="multiline" data-testid="no-worker">
          <MessageBarBody>{w.workerMissing}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{w.errorTitle}</MessageBarTitle>
            <div>{error}</div>
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={shared.section}>
        <Subtitle1 as="h2" className={shared.heading}>
          {w.filesHeading}
        </Subtitle1>
        <div className={mergeClasses(styles.drop, dragging && styles.dropActive)}>
          <label htmlFor={inputId} className={styles.fileLabel}>
            {w.chooseFiles}
          </label>
          <input
            id={inputId}
            type="file"
            multiple
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.fileInput}
            disabled={busy !== null}
            onChange={(e) => choose(e.target.files)}
            data-testid="files"
          />
          <Caption1 className={shared.muted}>{w.dropHint}</Caption1>
          {runs.length > 0 && (
            <>
              <Body1 role="status">{w.chosen(runs.length)}</Body1>
              <ul className={styles.fileList}>
                {runs.map((r) => (
                  <li key={r.key}>
                    <Body1>{r.file.name}</Body1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
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
          running={busy === "score"}
          disabled={!client || runs.length === 0 || busy !== null}
          onAssess={() => void runAll("score")}
          strings={s}
        />
      </section>

      {batch && client && (
        <OverviewView
          overview={batch.overview}
          failed={batch.failed}
          copies={batch.copies.length}
          lang={lang}
          onDownloadOverview={async () => {
            try {
              saveBytes(await client.overview(batch.overview), w.overviewFileName);
            } catch (e) {
              setError(errorText(e));
            }
          }}
          onDownloadAll={() =>
            saveBytes(zipCopies(batch.copies, new Date(Date.now())), w.zipFileName, ZIP_TYPE)
          }
        />
      )}

      {runs.map((r) => (
        <FileResult key={r.key} run={r} lang={lang} />
      ))}

      <section className={shared.section}>
        <div className={shared.tools}>
          <Button
            onClick={() => void runAll("check")}
            disabled={!client || runs.length === 0 || busy !== null}
            data-testid="check"
          >
            {busy === "check" ? w.checking : w.check}
          </Button>
          <Caption1 className={shared.muted}>{w.checkHint}</Caption1>
        </div>
        <div className={shared.tools}>
          <Button onClick={() => saveBytes(templateBytes(), TEMPLATE_NAME)} data-testid="template">
            {w.template}
          </Button>
          <Caption1 className={shared.muted}>{w.templateHint}</Caption1>
        </div>
      </section>

      <Divider />
      <footer data-testid="footer">
        <Caption1 className={shared.muted}>
          <Mixed text={w.privacy} lang={lang} />
        </Caption1>
      </footer>
    </main>
  );
}

/** One file's section: its stage while it runs, then its refusal, result or check. */
function FileResult({ run, lang }: { run: FileRun; lang: Lang }): React.ReactElement | null {
  const shared = useSectionStyles();
  const s = STRINGS[lang];
  const w = WEB_STRINGS[lang];
  const headingId = React.useId();
  const { scored, checked } = run;
  if (!run.stage && !scored && !checked && !run.error) return null;
  return (
    <section className={shared.section} aria-labelledby={headingId} data-testid="file-result">
      <Subtitle1 as="h2" id={headingId} className={shared.heading}>
        {run.file.name}
      </Subtitle1>
      {run.stage && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={run.stage === "checking" ? w.checking : w.stage[run.stage]}
          role="status"
          data-testid="progress"
        />
      )}
      {run.error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{w.errorTitle}</MessageBarTitle>
            <div>{run.error}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {scored?.kind === "refused" && (
        <RefusedBar d={scored.diagnostic} lang={lang} title={w.refusedTitle} />
      )}
      {scored?.kind === "scored" && (
        <>
          {/* The download first: the result below it is long. */}
          {scored.copy ? (
            <div>
              <Button
                appearance="primary"
                onClick={() => saveBytes(scored.copy!, scoredName(run.file.name))}
                data-testid="download"
              >
                {w.download}
              </Button>
            </div>
          ) : (
            <Body1 data-testid="no-copy">{w.invalidNoCopy}</Body1>
          )}
          {/* The page writes a copy to download, not a sheet of an open workbook: its own words. */}
          <ResultView
            assessment={scored.assessment}
            strings={{ ...s, written: w.copyReady, notWritten: w.invalidNoCopy }}
            written={scored.copy !== null}
          />
          <Subtitle1 as="h3" className={shared.heading}>
            {s.diagnosticsHeading(scored.assessment.diagnostics.length)}
          </Subtitle1>
          <DiagnosticsList diagnostics={scored.assessment.diagnostics} strings={s} />
        </>
      )}
      {checked?.kind === "refused" && (
        <RefusedBar d={checked.diagnostic} lang={lang} title={w.refusedTitle} />
      )}
      {checked?.kind === "checked" && (
        <div data-testid="check-result" data-outcome={checked.result.outcome}>
          <Subtitle1 as="h3" className={shared.heading}>
            {w.checkHeading}
          </Subtitle1>
          <MessageBar
            intent={checked.result.outcome === "match" ? "success" : "error"}
            layout="multiline"
          >
            <MessageBarBody>
              <div>{w.checkOutcome[checked.result.outcome]}</div>
              {checked.result.ledgerChanged && <div>{w.ledgerChangedSince}</div>}
            </MessageBarBody>
          </MessageBar>
          {checked.result.latest && (
            <Body1 as="p">
              {w.latestRun(
                checked.result.latest.seq,
                checked.result.latest.time,
                checked.result.latest.asOf
              )}
            </Body1>
          )}
          <Caption1 as="p" className={shared.muted}>
            {w.fingerprint}
            {s.colon}
            <span lang="en" style={{ overflowWrap: "anywhere" }}>
              {checked.result.fingerprint}
            </span>
          </Caption1>
          {checked.result.findings.length > 0 && (
            <DiagnosticsList diagnostics={checked.result.findings} strings={s} />
          )}
        </div>
      )}
    </section>
  );
}
