import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { readLedgerXlsx } from "../support/workbook";
import { baseLedger, d, writeWorkbook, type TableSpec } from "./workbook";
import { runCli } from "../support/cli";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/om-scorecard.js");

const run = runCli;

async function assessJson(tables: TableSpec[], extra: string[] = []) {
  const file = await writeWorkbook(tables);
  const before = readFileSync(file);
  const r = await run(["assess", file, "--json", ...extra]);
  expect(readFileSync(file).equals(before)).toBe(true); // the ledger is never changed
  const lines = r.out.trim().split("\n");
  expect(lines).toHaveLength(1); // exactly one JSON object on stdout
  return { ...r, file, json: JSON.parse(r.out), scored: file.replace(/\.xlsx$/, ".scored.xlsx") };
}

describe("om-scorecard assess", () => {
  test("plain sheets with Chinese headers, real dates and text dates: scores and writes the copy", async () => {
    const { code, json, scored } = await assessJson(baseLedger(), ["--as-of", "2024-07-01"]);
    expect(code).toBe(0);
    expect(json.status).toBe("provisional");
    expect(json.dimensions.attendance).toEqual({
      points: 30,
      max: 30,
      rate: 1,
      present: 2,
      expected: 2,
    });
    expect(existsSync(scored)).toBe(true);
    const sheets = readLedgerXlsx(readFileSync(scored)).sheetNames;
    expect(sheets.filter((s) => s === "考核结果")).toHaveLength(1);
  });

  test("Excel tables with English headers score the same as plain sheets with Chinese ones", async () => {
    const zh = await assessJson(baseLedger(), ["--as-of", "2024-07-01"]);
    const en = baseLedger({}, true).map((t) => ({
      ...t,
      name: {
        驻场人员: "Roster",
        考勤: "Punches",
        工单: "Tickets",
        投诉: "Complaints",
        问卷: "Surveys",
        合同: "Contract",
      }[t.name]!,
      headers: t.headers.map(
        (h) =>
          ({
            姓名: "Name",
            角色: "Role",
            到岗日期: "Start",
            离岗日期: "End",
            日期: "Date",
            时段: "Slot",
            时间: "Time",
            结果: "Result",
            工单号: "TicketId",
            流转乙方: "RoutedToVendor",
            状态: "Status",
            创建日期: "Created",
            编号: "ComplaintId",
            类别: "Category",
            核实属实: "Verified",
            整改期限: "Deadline",
            整改完成日期: "RectifiedOn",
            说明: "Note",
            受访者: "Respondent",
            得分: "Score",
            项目: "Item",
            值: "Value",
          })[h] ?? h
      ),
    }));
    const r = await assessJson(en, ["--as-of", "2024-07-01"]);
    // The fingerprint is of the data as read, headers included, so it (and the log row's
    // check) differs, and each copy has its own name (`output`); everything scored is the same.
    const scoredPart = (j: Record<string, unknown>) => ({
      ...j,
      fingerprint: null,
      run: null,
      output: null,
    });
    expect(scoredPart(r.json)).toEqual(scoredPart(zh.json));
    expect(r.json.fingerprint).not.toBe(zh.json.fingerprint);
  });

  test("tables placed away from A1 report the worksheet rows a user sees", async () => {
    const t = baseLedger(
      {
        工单: {
          origin: "C5",
          rows: [
            ["T1", "是", "已关闭", null],
            ["T2", "也许", "已关闭", null],
          ],
        },
      },
      true
    );
    const { code, json } = await assessJson(t);
    expect(code).toBe(2);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: "bad-yes-no", table: "工单", row: 7, column: "流转乙方" }),
    ]);
  });

  test("a plain sheet with a one-cell title above its headers is read from the real header row", async () => {
    const t = baseLedger({
      工单: {
        origin: "A3",
        rows: [
          ["T1", "是", "已关闭", null],
          ["T2", "也许", "已关闭", null],
        ],
      },
    });
    const file = await writeWorkbook(t);
    // writeWorkbook puts only the table; add the title in A1 through exceljs again.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet("工单")!.getCell("A1").value = "2024年度工单台账";
    await wb.xlsx.writeFile(file);
    const r = await run(["assess", file, "--json"]);
    const j = JSON.parse(r.out);
    expect(j.diagnostics.map((x: { code: string; row: number }) => [x.code, x.row])).toEqual(
      expect.arrayContaining([
        ["title-rows-skipped", 3],
        ["bad-yes-no", 5],
      ])
    );
  });

  const errorCases: [string, TableSpec[], object][] = [
    [
      "a required table missing",
      baseLedger().filter((t) => t.name !== "问卷"),
      { code: "missing-table", table: "问卷", row: null },
    ],
    [
      "a required column missing",
      baseLedger({ 问卷: { headers: ["受访者", "分数"] } }),
      { code: "missing-column", table: "问卷", row: 1, column: "得分" },
    ],
    [
      "an unreadable date",
      baseLedger({
        考勤: {
          rows: [
            [d("2024-07-01"), "张三", "上班", null, null],
            ["7月1日", "张三", "下班", null, null],
          ],
        },
      }),
      { code: "bad-date", table: "考勤", row: 3, column: "日期" },
    ],
    [
      "a yes/no value outside the list",
      baseLedger({ 工单: { rows: [["T1", "可能", "已关闭", null]] } }),
      { code: "bad-yes-no", table: "工单", row: 2, column: "流转乙方" },
    ],
    [
      "a category outside the list",
      baseLedger({ 投诉: { rows: [["C1", null, "其他", "是", null, null, null]] } }),
      { code: "bad-category", table: "投诉", row: 2, column: "类别" },
    ],
    [
      "a survey score that is not 0-100",
      baseLedger({
        问卷: {
          rows: [
            ["甲", 90],
            ["乙", 120],
          ],
        },
      }),
      { code: "bad-score", table: "问卷", row: 3, column: "得分" },
    ],
    [
      "a duplicate ticket ID",
      baseLedger({
        工单: {
          rows: [
            ["T1", "是", "已关闭", null],
            ["T1", "是", "已关闭", null],
          ],
        },
      }),
      { code: "duplicate-id", table: "工单", row: 3, column: "工单号" },
    ],
    [
      "a duplicate complaint ID",
      baseLedger({
        投诉: {
          rows: [
            ["C1", null, "响应度", "否", null, null, null],
            ["C1", null, "响应度", "否", null, null, null],
          ],
        },
      }),
      { code: "duplicate-id", table: "投诉", row: 3, column: "编号" },
    ],
    [
      "an empty roster",
      baseLedger({ 驻场人员: { rows: [] } }),
      { code: "empty-roster", table: "驻场人员" },
    ],
  ];
  test.each(errorCases)(
    "%s: the diagnostic names the row, exit 2, no file written",
    async (_name, tables, expected) => {
      const { code, json, file } = await assessJson(tables);
      expect(code).toBe(2);
      expect(json).toMatchObject({
        status: "invalid",
        total: null,
        tier: null,
        tailAmount: null,
        dimensions: null,
      });
      expect(json.diagnostics.filter((x: { severity: string }) => x.severity === "error")).toEqual([
        expect.objectContaining(expected),
      ]);
      expect(readdirSync(path.dirname(file))).toEqual(["ledger.xlsx"]);
    }
  );

  test("a period with no working days is an error", async () => {
    const tables = baseLedger({
      合同: {
        rows: [
          ["服务开始", "2024-10-01"],
          ["服务结束", d("2024-10-07")],
        ],
      },
    });
    const { code, json } = await assessJson(tables);
    expect(code).toBe(2);
    expect(json.diagnostics[0]).toMatchObject({ code: "no-working-days", severity: "error" });
  });

  test("a note =HYPERLINK(...) or -1+2 is written as text in the copy, never a formula", async () => {
    const note1 = '=HYPERLINK("x","y")';
    const tables = baseLedger({
      投诉: {
        rows: [
          ["C1", null, "日常维护", "是", null, null, note1],
          ["C2", null, "日常维护", "否", null, null, "-1+2"],
        ],
      },
    });
    const { code, scored } = await assessJson(tables, ["--as-of", "2024-07-01"]);
    expect(code).toBe(0);
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(readFileSync(scored));
    const sheetXml = Object.entries(files)
      .filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map(([, b]) => strFromU8(b))
      .find((x) => x.includes("HYPERLINK"))!;
    // Both notes are inline strings (text), in cells with no formula.
    const cellOf = (text: string) =>
      new RegExp(`<c [^>]*t="inlineStr"[^>]*>(?:(?!</c>).)*<t[^>]*>${text}</t>`, "s");
    expect(sheetXml).toMatch(
      cellOf('=HYPERLINK\\((?:"|&quot;)x(?:"|&quot;),(?:"|&quot;)y(?:"|&quot;)\\)')
    );
    expect(sheetXml).toMatch(cellOf("-1\\+2"));
    expect(sheetXml).not.toMatch(/<f>/);
  });

  test("the same ledger scored twice gives the same summary sheet, and re-scoring the copy keeps one summary", async () => {
    const file = await writeWorkbook(baseLedger());
    const a = path.join(path.dirname(file), "a.xlsx");
    const b = path.join(path.dirname(file), "b.xlsx");
    // The run log's time is the only thing that may differ: one clock for both runs.
    const now = () => new Date("2025-07-10T02:00:00Z");
    expect((await run(["assess", file, "--out", a], now)).code).toBe(0);
    expect((await run(["assess", file, "--out", b], now)).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const c = path.join(path.dirname(file), "c.xlsx");
    expect((await run(["assess", a, "--out", c])).code).toBe(0);
    expect(readLedgerXlsx(readFileSync(c)).sheetNames.filter((s) => s === "考核结果")).toHaveLength(
      1
    );
  });

  test("an unreadable file: exit 2, JSON with the diagnostic and null scores, nothing written", async () => {
    const file = await writeWorkbook(baseLedger());
    const bad = path.join(path.dirname(file), "notes.xlsx");
    require("node:fs").writeFileSync(bad, "姓名,日期\n张三,2024-07-01\n");
    const r = await run(["assess", bad, "--json"]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ status: "invalid", total: null, dimensions: null });
    expect(j.diagnostics[0].code).toMatch(/^file-/);
    expect(existsSync(path.join(path.dirname(file), "notes.scored.xlsx"))).toBe(false);
  });

  test("a missing file and a bad --as-of are reported, exit 2", async () => {
    expect((await run(["assess", "/nonexistent/x.xlsx", "--json"])).out).toContain(
      "file-unreadable"
    );
    const file = await writeWorkbook(baseLedger());
    const r = await run(["assess", file, "--as-of", "tomorrow"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--as-of");
  });

  test("--out may not overwrite the ledger", async () => {
    const file = await writeWorkbook(baseLedger());
    const before = readFileSync(file);
    const r = await run(["assess", file, "--out", file]);
    expect(r.code).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("the readable summary is Chinese first with English alongside", async () => {
    const file = await writeWorkbook(baseLedger());
    const r = await run(["assess", file]);
    expect(r.out).toMatch(/出勤率 Attendance/);
    expect(r.out).toMatch(/付款等级 Tier: /);
  });
});

describe("the compiled command line", () => {
  test("gives identical JSON under TZ=America/Los_Angeles and TZ=Asia/Shanghai", async () => {
    const file = await writeWorkbook(
      baseLedger({
        投诉: {
          rows: [["R1", d("2024-07-01"), "响应度", "是", d("2024-07-01"), d("2024-07-02"), null]],
        },
      })
    );
    const runTz = (tz: string) =>
      spawnSync(
        process.execPath,
        [
          BIN,
          "assess",
          file,
          "--json",
          "--as-of",
          "2024-07-01",
          "--out",
          `${file}.${tz.replace("/", "_")}.xlsx`,
        ],
        { env: { ...process.env, TZ: tz }, encoding: "utf8" }
      );
    const la = runTz("America/Los_Angeles");
    const sh = runTz("Asia/Shanghai");
    expect(la.status).toBe(0);
    // The run log's time is local wall-clock time with its offset, so only `run` may differ
    // (and `output`, the name of each run's own copy).
    const noRun = (out: string) => ({ ...JSON.parse(out), run: null, output: null });
    expect(noRun(la.stdout)).toEqual(noRun(sh.stdout));
    expect(JSON.parse(la.stdout).run.time).toMatch(/ -0[78]:00$/);
    expect(JSON.parse(sh.stdout).run.time).toMatch(/ \+08:00$/);
    const j = JSON.parse(la.stdout);
    expect(j.dimensions.responsiveness.events).toBe(1); // rectified one day late, in every time zone
    expect(j.dimensions.attendance.expected).toBe(2);
  });

  test("the bundled sample ledger scores 84.61, tier B, 381,870.00 (npm run demo)", () => {
    const out = execFileSync(
      process.execPath,
      [
        BIN,
        "assess",
        path.join(ROOT, "sample/ledger.xlsx"),
        "--json",
        "--out",
        path.join(require("node:os").tmpdir(), "sample.scored.xlsx"),
        // The shared temporary folder may hold this copy from an earlier run.
        "--force",
      ],
      { encoding: "utf8" }
    );
    const j = JSON.parse(out);
    expect(j).toMatchObject({
      status: "final",
      total: 84.61,
      tier: "B",
      tailRatio: 0.9,
      tailAmount: 381870,
    });
    expect(j.dimensions).toMatchObject({
      attendance: { points: 30, expected: 1488 },
      maintenance: { points: 17, events: 1 },
      responsiveness: { points: 14, events: 2 },
      completion: { points: 16, completed: 320, routed: 400, rate: 0.8 },
      satisfaction: { points: 7.61, survey: 7.11, linked: 0.5, responses: 12 },
    });
    expect(j.diagnostics.map((x: { code: string; row: number }) => [x.code, x.row])).toEqual([
      ["punch-rest-day", 389],
    ]);
  });
});

test("printing into a pipe that closes early (`| head -1`) is no error: exit 0, nothing on stderr", () => {
  const dir = require("node:fs").mkdtempSync(path.join(require("node:os").tmpdir(), "om-pipe-"));
  const out = path.join(dir, "out.xlsx");
  const r = spawnSync(
    "bash",
    [
      "-c",
      `node "${BIN}" assess "${path.join(ROOT, "sample/ledger.xlsx")}" --out "${out}" | head -1; exit \${PIPESTATUS[0]}`,
    ],
    { encoding: "utf8" }
  );
  expect(r.stdout.trim()).toBe("运维考核评分 OM Scorecard");
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(existsSync(out)).toBe(true);
});
