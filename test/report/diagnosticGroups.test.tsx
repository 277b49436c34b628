/**
 * SPEC §5 "Grouped messages": many rows sharing one problem (same code, table, column and value)
 * are shown once — count, first rows, value and fix — in the printed text, the task pane's list
 * and the summary sheet; `--json` still lists every row. Diagnostics that name a sheet carry it in
 * the JSON and the pane.
 */
import * as React from "react";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { main, type Io } from "../../src/cli/main";
import { readLedgerXlsx } from "../support/workbook";
import { assess, diag, isoDay } from "../../src/engine";
import { groupDiagnostics, groupText } from "../../src/report/diagnosticGroups";
import { diagnosticJson } from "../../src/report/json";
import { buildSummary } from "../../src/report/summary";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { STRINGS } from "../../src/taskpane/i18n";
import { cleanup, runLedger } from "../hostile/harness";
import { d, withSheets, xlsxFile, type Cell } from "../hostile/ledgers";

afterAll(cleanup);

const text = (el: React.ReactElement): string =>
  renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

/** 1,400 checks written with a word no attendance app uses (打勾), one bad-time beside them. */
async function ledger1400(): Promise<string> {
  const rows: Cell[][] = Array.from({ length: 1400 }, (_, i) => [
    d("2024-07-01"),
    "张三",
    i % 2 ? "下班" : "上班",
    null,
    "打勾",
  ]);
  rows.push([d("2024-07-01"), "张三", "上班", 8.52, "到岗"]);
  return xlsxFile(withSheets({ 考勤: { rows } }));
}

describe("grouped messages", () => {
  test("1,400 rows of an unknown result word: one printed group with the count; the JSON lists all 1,400", async () => {
    const file = await ledger1400();
    const { json } = await runLedger(file, ["--as-of", "2024-07-01"]);
    expect(json.status).toBe("invalid");
    expect(json.diagnostics.filter((x) => x.code === "bad-result")).toHaveLength(1400);

    let out = "";
    const io: Io = { stdout: async (s) => void (out += s), stderr: async (s) => void (out += s) };
    expect(await main(["assess", file, "--as-of", "2024-07-01"], io)).toBe(2);
    const lines = out.split("\n");
    const bad = lines.filter((l) => l.startsWith("[") && l.includes("打勾"));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain("表「考勤」 列「结果」 共 1,400 行（第 2、3、4、5、6 … 行）");
    expect(bad[0]).toContain("应为到岗/缺勤");
    const en = lines[lines.indexOf(bad[0]) + 1];
    expect(en).toContain('1,400 rows (rows 2, 3, 4, 5, 6 …): The Result value "打勾"');
    expect(en).toContain("(bad-result)");
    // The other problem is its own line, with its row.
    expect(out).toContain("第 1402 行 列「时间」");
    expect(out).not.toContain("另有");
  });

  test("the task pane's list renders one item with the count; the summary sheet one row", async () => {
    const read = await readLedgerXlsx(readFileSync(await ledger1400()));
    const a = assess(read.tables, { asOf: isoDay("2024-07-01") });
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <DiagnosticsList
          diagnostics={a.diagnostics}
          onSelect={() => undefined}
          strings={STRINGS.zh}
        />
      </FluentProvider>
    );
    const items = html.match(/data-testid="diagnostic"[^>]*/g)!;
    expect(items.filter((i) => i.includes('data-code="bad-result"'))).toEqual([
      expect.stringContaining('data-count="1400"'),
    ]);
    const out = text(
      <DiagnosticsList
        diagnostics={a.diagnostics}
        onSelect={() => undefined}
        strings={STRINGS.zh}
      />
    );
    // SPEC §13 moved the code behind 详情 (it was "… 「结果」列 bad-result").
    expect(out).toContain("共 1,400 行（第 2、3、4、5、6 … 行） 「结果」列 定位");
    expect(out).toMatch(/共 1,400 行.*? 详情 bad-result/);
    const en = text(
      <DiagnosticsList
        diagnostics={a.diagnostics}
        onSelect={() => undefined}
        strings={STRINGS.en}
      />
    );
    expect(en).toContain("1,400 rows (rows 2, 3, 4, 5, 6 …)");

    const s = buildSummary(a);
    const rows = s.rows.filter((r) => r[4]?.value === "bad-result");
    expect(rows).toHaveLength(1);
    expect(rows[0].map((c) => c.value).slice(0, 5)).toEqual([
      "错误 error",
      "考勤",
      2,
      "结果",
      "bad-result",
    ]);
    expect(rows[0][5].value).toMatch(
      /^表「考勤」 列「结果」 共 1,400 行（第 2、3、4、5、6 … 行）：/
    );
    expect(rows[0][5].value).toContain("/ 1,400 rows (rows 2, 3, 4, 5, 6 …): The Result value");
    expect(rows[0][6].value).toBe(1400);
  });

  test("groups keep severity order; a different value, column or code is its own group", () => {
    const at = (row: number, value: string, column = "result") =>
      diag("bad-result", { table: "punches", row, column }, { value });
    const list = [
      diag(
        "punch-rest-day",
        { table: "punches", row: 2, column: "date" },
        { date: isoDay("2024-10-01") }
      ),
      at(9, "打勾"),
      at(3, "打勾"),
      at(4, "打叉"),
      at(5, "打勾", "slot"),
      diag(
        "punch-rest-day",
        { table: "punches", row: 7, column: "date" },
        { date: isoDay("2024-10-01") }
      ),
    ];
    const groups = groupDiagnostics(list);
    expect(
      groups.map((g) => [g.first.severity, g.first.code, g.count, g.rows.map((r) => r.row)])
    ).toEqual([
      ["error", "bad-result", 2, [3, 9]],
      ["error", "bad-result", 1, [4]],
      ["error", "bad-result", 1, [5]],
      ["warning", "punch-rest-day", 2, [2, 7]],
    ]);
    // One row alone reads as before: its row in the location, no count.
    expect(groupText(groups[1])).toMatch(/^表「考勤」 第 4 行 列「结果」：/);
  });

  test("a row with two checks of one problem (a daily export's 上班 and 下班) is one row of the group, not two", () => {
    const after = (row: number) =>
      diag("punch-after-as-of", { table: "punches", row, column: "date" }, { asOf: 45474 });
    const [g] = groupDiagnostics([after(18), after(18), after(19), after(19)]);
    expect([g.count, g.rows.map((r) => r.row)]).toEqual([2, [18, 19]]);
    expect(groupText(g)).toContain("共 2 行（第 18、19 行）");
  });
});

describe("diagnostics that name a sheet", () => {
  const onSheet = diag(
    "bad-result",
    { table: "punches", row: 5, column: "result", sheet: "7月" },
    { value: "打勾" }
  );

  test("carry `sheet` in the JSON only when present", () => {
    expect(diagnosticJson(onSheet)).toEqual({
      severity: "error",
      table: "考勤",
      sheet: "7月",
      row: 5,
      column: "结果",
      code: "bad-result",
      message: expect.stringContaining("打勾"),
    });
    const plain = diagnosticJson(
      diag("bad-result", { table: "punches", row: 5, column: "result" }, { value: "x" })
    );
    expect("sheet" in plain).toBe(false);
  });

  test("name it in the pane's list item and in a group's rows over several sheets", () => {
    const out = text(
      <DiagnosticsList diagnostics={[onSheet]} onSelect={() => undefined} strings={STRINGS.zh} />
    );
    expect(out).toContain("错误 工作表「7月」 第 5 行 「结果」列");
    const en = text(
      <DiagnosticsList diagnostics={[onSheet]} onSelect={() => undefined} strings={STRINGS.en} />
    );
    expect(en).toMatch(/sheet 7 ?月 row 5/); // 月 is marked zh-CN inside the English
    const two = groupDiagnostics([
      onSheet,
      diag(
        "bad-result",
        { table: "punches", row: 3, column: "result", sheet: "8月" },
        { value: "打勾" }
      ),
    ]);
    expect(two).toHaveLength(1);
    expect(groupText(two[0])).toContain("共 2 行（第 8月!3、7月!5 行）");
  });

  test("a table over month sheets: each diagnostic's JSON names its sheet", async () => {
    const [roster, punches, ...rest] = withSheets({});
    const july = {
      ...punches,
      name: "7月",
      rows: [[d("2024-07-01"), "张三", "上班", null, "打勾"]],
    };
    const aug = {
      ...punches,
      name: "8月",
      rows: [[d("2024-07-01"), "张三", "下班", null, "打勾"]],
    };
    const { json } = await runLedger(await xlsxFile([roster, july, aug, ...rest]), [
      "--as-of",
      "2024-07-01",
    ]);
    expect(
      json.diagnostics.filter((x) => x.code === "bad-result").map((x) => [x.sheet, x.row])
    ).toEqual([
      ["7月", 2],
      ["8月", 2],
    ]);
  });
});
