/**
 * Task pane entry. taskpane.html shows a static "connecting" message until office.js has answered
 * (or failed, or timed out, see ./connect.ts); then the pane renders inside Fluent UI's provider
 * and live-region announcer, with the Office.js adapter as the host in Excel and no host
 * elsewhere. Nothing here calls `Excel`; that is src/excel's job.
 */
import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { excelHost } from "../excel";
import { App } from "./components/App";
import { watchOffice, type Connection } from "./connect";

let root: Root | null = null;

function show(c: Connection): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  document.getElementById("boot")?.remove();
  root ??= createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        {c.kind === "excel" ? (
          <App key="excel" host={excelHost} />
        ) : (
          <App key="none" host={null} hostProblem={c.problem} />
        )}
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

watchOffice(show);
