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
const PAYMENT_DOC = path.resolve(__dirname, "../docs/payment-document.md");
const BEGIN = "<!-- diagnostic-codes:begin -->";
const END = "<!-- diagnostic-codes:end -->";
const HEADING: Record<Severity, string> = {
  error: "Errors (the run is invalid, nothing written)",
  warning: "Warnings (scored)",
  info: "Info",
};

function expectedList(include: (code: string) => boolean = () => true): string {
  return (["error", "warning", "info"] as const)
    .map((sev) => {
      const codes = DIAGNOSTIC_CODES.filter((c) => c.severity === sev && include(c.code));
      return codes.length
        ? `- ${HEADING[sev]}: ${codes.map((c) => `\`${c.code}\``).join(", ")}.`
        : null;
    })
    .filter((x) => x !== null)
    .join("\n");
}

/** The codes a marked list names, by severity heading. */
function listed(text: string): Map<string, Severity> {
  const block = new RegExp(`${BEGIN}([\\s\\S]*?)${END}`).exec(text)?.[1] ?? "";
  const out = new Map<string, Severity>();
  for (const line of block.split("\n")) {
    const sev = (Object.keys(HEADING) as Severity[]).find((k) =>
      line.startsWith(`- ${HEADING[k]}:`)
    );
    if (!sev) continue;
    for (const m of line.matchAll(/`([a-z0-9-]+)`/g)) out.set(m[1], sev);
  }
  return out;
}

test("the README and docs/payment-document.md list every diagnostic code of the catalogue under its severity", () => {
  // The codes of SPEC §6 (payment document, verify) are listed in docs/payment-document.md;
  // every other code in the README. Together: each code of the catalogue once, in catalogue
  // order within each list, under its own severity.
  const docsText = readFileSync(PAYMENT_DOC, "utf8");
  const inDocs = listed(docsText);
  const text = readFileSync(README, "utf8");
  const block = `${BEGIN}\n${expectedList((c) => !inDocs.has(c))}\n${END}`;
  if (process.env.UPDATE_DOCS)
    writeFileSync(README, text.replace(new RegExp(`${BEGIN}[\\s\\S]*${END}`), block));
  expect(text).toContain(block);
  expect(docsText).toContain(`${BEGIN}\n${expectedList((c) => inDocs.has(c))}\n${END}`);
  for (const [code, sev] of inDocs)
    expect(DIAGNOSTIC_CODES.find((c) => c.code === code)?.severity).toBe(sev);
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
    row: 3,
    what: "x",
    scored: "a".repeat(64),
    now: "b".repeat(64),
    figure: "总分 total",
    summary: "85.00",
    log: "84.00",
    payment: "tail",
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
