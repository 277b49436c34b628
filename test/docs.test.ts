/**
 * The README's list of diagnostic codes is the catalogue's (`src/engine/messages.ts`): every code
 * once, under its own severity, in catalogue order. `UPDATE_DOCS=1 npx jest test/docs.test.ts`
 * rewrites the list between its markers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import {
  DIAGNOSTIC_CODES,
  diag,
  messageOf,
  type DiagnosticCode,
  type Severity,
} from "../src/engine";

const README = path.resolve(__dirname, "../README.md");
const BEGIN = "<!-- diagnostic-codes:begin -->";
const END = "<!-- diagnostic-codes:end -->";
const HEADING: Record<Severity, string> = {
  error: "Errors (the run is invalid, nothing written)",
  warning: "Warnings (scored)",
  info: "Info",
};

/**
 * Codes documented in a page under docs/ (the add-in's and the workbook functions' own codes) in
 * a `<!-- diagnostic-codes:docs -->` list of "- `code` (severity): …" lines, until the README
 * links those pages. Each must be in the catalogue with that severity; the README lists the rest.
 */
const DOC_PAGES = ["docs/add-in-deployment.md", "docs/workbook-functions.md"].map((p) =>
  path.resolve(__dirname, "..", p)
);
function documentedInDocs(): Map<string, string> {
  const out = new Map<string, string>();
  for (const page of DOC_PAGES) {
    const text = readFileSync(page, "utf8");
    const at = text.indexOf("<!-- diagnostic-codes:docs -->");
    if (at < 0) continue;
    for (const m of text.slice(at).matchAll(/^- `([a-z0-9-]+)` \((error|warning|info)\)/gm))
      out.set(m[1], m[2]);
  }
  return out;
}

function expectedList(): string {
  const elsewhere = documentedInDocs();
  return (["error", "warning", "info"] as const)
    .map(
      (sev) =>
        `- ${HEADING[sev]}: ${DIAGNOSTIC_CODES.filter(
          (c) => c.severity === sev && !elsewhere.has(c.code)
        )
          .map((c) => `\`${c.code}\``)
          .join(", ")}.`
    )
    .join("\n");
}

test("the README lists every diagnostic code of the catalogue under its severity", () => {
  const text = readFileSync(README, "utf8");
  const block = `${BEGIN}\n${expectedList()}\n${END}`;
  if (process.env.UPDATE_DOCS)
    writeFileSync(README, text.replace(new RegExp(`${BEGIN}[\\s\\S]*${END}`), block));
  expect(text).toContain(block);
});

test("the codes documented under docs/ are the catalogue's, with their severity", () => {
  const docs = documentedInDocs();
  expect(docs.size).toBeGreaterThan(0);
  const catalogue = new Map(DIAGNOSTIC_CODES.map((c) => [c.code as string, c.severity]));
  for (const [code, sev] of docs) expect([code, catalogue.get(code)]).toEqual([code, sev]);
});

test("every code's message is bilingual and names no placeholder", () => {
  // Arguments that every message accepts: the message functions read only what their code declares.
  const args = {
    value: "x",
    expected: null,
    error: "#N/A",
    id: "T1",
    firstRow: 2,
    name: "张三",
    start: 19905,
    end: 19904,
    date: 19905,
    slot: "上班",
    from: null,
    to: null,
    deadline: 19905,
    asOf: 19905,
    year: 2031,
    item: "amount",
    found: [],
    sheet: "考勤",
    firstTitleRow: 1,
    headerRow: 2,
    path: "a.xlsx",
    reason: null,
    days: 5,
    active: 2,
    required: 3,
  };
  for (const { code } of DIAGNOSTIC_CODES) {
    const m = messageOf(
      diag(code as DiagnosticCode, { table: "punches", row: 2, column: "date" }, args as never)
    );
    const [zh, en] = m.split(" / ");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatch(/[A-Za-z]{3}/);
    expect(m).not.toMatch(/undefined|\[object/);
  }
});
