/**
 * Which state the task pane starts in: whether office.js loaded, whether Office answered, and
 * whether the host is Excel. The only place in src/taskpane that touches the `Office` global;
 * components get the outcome as props.
 */

/** Why the pane has no workbook to work on. */
export type HostProblem =
  /** Office answered, but not as Excel: the page was opened in a browser or another Office app. */
  | "not-in-excel"
  /** office.js loaded, but `Office.onReady` did not answer in time (typically: not inside Office). */
  | "no-answer"
  /** office.js is not there at all: the CDN was unreachable (an intranet) or blocked. */
  | "office-js-missing";

export type Connection = { kind: "excel" } | { kind: "none"; problem: HostProblem };

/** How long Office may take to answer before the pane says so. Excel keeps being listened to. */
const OFFICE_TIMEOUT_MS = 8000;

/**
 * @summary Reports the pane's connection once office.js has answered or timed out, and again if
 * Office answers as Excel after the timeout.
 * @description office.js is a synchronous `<script>` before the deferred bundles, so by the time the
 * bundle runs it has either loaded or failed (an aborted request, or a proxy's HTML page in its
 * place): `Office` undefined means it could not be loaded, whatever the reason.
 * @example
 * watchOffice((c) => render(c)) // outside Office: { kind: "none", problem: "no-answer" } after 8 s
 */
export function watchOffice(
  onConnection: (c: Connection) => void,
  timeoutMs: number = OFFICE_TIMEOUT_MS
): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    onConnection({ kind: "none", problem: "office-js-missing" });
    return;
  }
  let answered = false;
  const timer = setTimeout(() => {
    if (!answered) onConnection({ kind: "none", problem: "no-answer" });
  }, timeoutMs);
  Office.onReady().then(
    (info) => {
      answered = true;
      clearTimeout(timer);
      onConnection(
        info.host === Office.HostType.Excel
          ? { kind: "excel" }
          : { kind: "none", problem: "not-in-excel" }
      );
    },
    () => {
      answered = true;
      clearTimeout(timer);
      onConnection({ kind: "none", problem: "no-answer" });
    }
  );
}
