/**
 * The reference list of diagnostic codes, docs/diagnostics.md, is the catalogue's
 * (`src/engine/messages.ts`): every code once, under its own severity, in catalogue order.
 * `UPDATE_DOCS=1 npx jest test/docs.test.ts` rewrites the list between its markers.
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
// The words of the codes the command line and the add-in word themselves (bad-as-of, sheet-protected …).
import "../src/cli/messages";
import "../src/excel/messages";
import { mayRewrite } from "./support/rewrite";

const PAGE = path.resolve(__dirname, "../docs/diagnostics.md");
const BEGIN = "<!-- diagnostic-codes:begin -->";
const END = "<!-- diagnostic-codes:end -->";
const HEADING: Record<Severity, string> = {
  error:
    "Errors (the run is invalid, nothing written; for `verify`, a finding that makes it exit 3)",
  warning: "Warnings (scored)",
  info: "Info",
};

function expectedList(): string {
  return (["error", "warning", "info"] as const)
    .map((sev) => {
      const codes = DIAGNOSTIC_CODES.filter((c) => c.severity === sev);
      return `- ${HEADING[sev]}: ${codes.map((c) => `\`${c.code}\``).join(", ")}.`;
    })
    .join("\n");
}

test("docs/diagnostics.md lists every diagnostic code of the catalogue under its severity", () => {
  const text = readFileSync(PAGE, "utf8");
  const block = `${BEGIN}\n${expectedList()}\n${END}`;
  if (mayRewrite("UPDATE_DOCS"))
    writeFileSync(PAGE, text.replace(new RegExp(`${BEGIN}[\\s\\S]*${END}`), block));
  expect(readFileSync(PAGE, "utf8")).toContain(block);
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
    word: "休息",
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
    row: 3,
    what: "x",
    scored: "a".repeat(64),
    now: "b".repeat(64),
    figure: "总分 total",
    summary: "85.00",
    log: "84.00",
    payment: "tail",
    sheets: ["7月", "8月"],
    chosen: "考勤",
    left: ["8月"],
    count: 2,
    rows: [3, 4],
    status: "已办结",
    max: "0.9",
    scale: 100,
    hint: 1,
    header: "出勤情况",
    shift: 2,
    other: 19904,
    values: [{ item: "amount", fen: 84860000 }],
    contract: "常州人社一体化信息平台（就业创业子系统）2024年度运维服务",
    defaults: [{ item: "surveyScale", value: "100" }],
    allowed: ".xlsx",
    suggested: "a.rescored.xlsx",
    kind: "commander.unknownOption",
    detail: "unknown option '--x'",
    ids: ["C2", "C3"],
    reading: "是",
    zh: "流转乙方",
    en: "RoutedToVendor",
    lookAlikes: [{ sheet: "通讯录", columns: ["name"] }],
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
