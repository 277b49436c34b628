/**
 * Task pane entry: renders once Office is ready, inside Fluent UI's provider, with the Office.js
 * adapter as the host. Nothing here calls `Excel`; that is src/excel's job.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { excelHost } from "../excel";
import { App } from "./components/App";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={excelHost} />
    </FluentProvider>
  );
});
