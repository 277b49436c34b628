/** What the pane's component tests share: static rendering, its text, and the sample as read. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { RawTable } from "../../src/engine";

const SampleLedger = require("../fakes/sampleLedger.js");

/** The element rendered to static HTML inside the pane's Fluent theme. */
export const html = (el: React.ReactElement): string =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);

/** The words a person reads in the rendered element, one space between elements. */
export const text = (el: React.ReactElement): string =>
  html(el)
    .replace(/<style[^>]*>[^<]*<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    // A label and its value are separate elements: "总分： 85.00" reads as "总分：85.00".
    .replace(/： /g, "：");

/** The sample ledger's tables as the adapter reads them (no Contract table). */
export function rawSample(): RawTable[] {
  return SampleLedger.sampleSpec().sheets.map(
    (s: { name: string; cells: unknown[][]; tables: unknown[] }) => ({
      name: s.name,
      sheet: s.name,
      kind: s.tables.length ? "table" : "sheet",
      headerRow: 1,
      firstColumn: 1,
      headers: s.cells[0],
      rows: s.cells.slice(1),
    })
  );
}
