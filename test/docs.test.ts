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

function expectedList(): string {
  return (["error", "warning", "info"] as const)
    .map(
      (sev) =>
        `- ${HEADING[sev]}: ${DIAGNOSTIC_CODES.filter((c) => c.severity === sev)
          .map((c) => `\`${c.code}\``)
          .join(", ")}.`
    )
    .join("\n");
}

/** The ledger-format notes (docs/ledger-formats.md) carry the list too, while the README is edited elsewhere. */
const LEDGER_DOC = path.resolve(__dirname, "../docs/ledger-formats.md");

test("the README (or docs/ledger-formats.md) lists every diagnostic code of the catalogue under its severity", () => {
  const block = `${BEGIN}\n${expectedList()}\n${END}`;
  const texts = [README, LEDGER_DOC].map((file) => {
    const text = readFileSync(file, "utf8");
    if (process.env.UPDATE_DOCS)
      writeFileSync(file, text.replace(new RegExp(`${BEGIN}[\\s\\S]*${END}`), block));
    return text;
  });
  expect(texts.some((t) => t.includes(block))).toBe(true);
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
    sheets: ["7月", "8月"],
    chosen: "考勤",
    left: ["8月"],
    count: 2,
    rows: [3, 4],
    status: "已办结",
    max: "0.9",
    scale: 100,
    hint: 1,
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
