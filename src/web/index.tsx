/**
 * The web page's entry (SPEC §11): starts the worker from the script the page carries inline and
 * renders the page inside Fluent UI's provider. webpack.web.js builds this and the worker into
 * the one file dist/om-scorecard.html.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WORKER_SCRIPT_ID, WorkerClient } from "./client";
import { Page } from "./Page";

const container = document.getElementById("container");
if (!container) throw new Error("om-scorecard.html has no #container element");
const source = document.getElementById(WORKER_SCRIPT_ID)?.textContent ?? "";
const client = source.trim() ? new WorkerClient(source) : null;
document.getElementById("boot")?.remove();
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <AriaLiveAnnouncer>
      <Page client={client} />
    </AriaLiveAnnouncer>
  </FluentProvider>
);
