import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readLedgerXlsx } from "../support/workbook";
import { BUILTIN_CALENDAR, dayToIso, isoDay, workdaysBetween } from "../../src/engine";
import { contractTable, d, writeWorkbook, type Cell, type TableSpec } from "./workbook";
import { runCli } from "../support/cli";

/** The clock of the run log, fixed. */
let clock = new Date("2025-07-10T02:00:00Z");

const run = (args: string[]) => runCli(args, () => clock);

/**
 * A year's ledger that totals exactly 85.00: attendance 30 (every check present), maintenance 14
 * (two verified complaints), responsiveness 20, completion 16 (4 of 5 routed tickets, the 80%
 * band), satisfaction 5 (survey 50 → 4.00, linked 2 − 2 × 0.5 = 1.00).
 */
function ledgerAt85(): TableSpec[] {
  const punches: Cell[][] = [];
  for (const day of workdaysBetween(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2025-06-30"))) {
    punches.push([d(dayToIso(day)), "张三", "上班", null, "到岗"]);
    punches.push([d(dayToIso(day)), "张三", "下班", null, "到岗"]);
  }
  return [
    {
      name: "驻场人员",
      headers: ["姓名", "角色", "到岗日期", "离岗日期"],
      rows: [["张三", "负责人", null, null]],
    },
    { name: "考勤", headers: ["日期", "姓名", "时段", "时间", "结果"], rows: punches },
    {
      name: "工单",
      headers: ["工单号", "流转乙方", "状态", "创建日期"],
      rows: [
        ["T1", "是", "已关闭", null],
        ["T2", "是", "已关闭", null],
        ["T3", "是", "待验证", null],
        ["T4", "是", "已关闭", null],
        ["T5", "是", "处理中", null],
      ],
    },
    {
      name: "投诉",
      headers: ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
      rows: [
        ["C1", null, "日常维护", "是", null, null, null],
        ["C2", null, "日常维护", "是", null, null, null],
      ],
    },
    { name: "问卷", headers: ["受访者", "得分"], rows: [["甲", 50]] },
    contractTable(),
  ];
}

/** The cells of a tool sheet of a workbook file. */
const sheetOf = (file: string, name: string) => readLedgerXlsx(readFileSync(file)).toolSheets[name];
const rowLabelled = (grid: unknown[][], label: string) =>
  grid.find((r) => typeof r[0] === "string" && (r[0] as string).startsWith(label))!;

/** Open a workbook with exceljs, change it, save it under a new name. */
async function edit(file: string, out: string, change: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

let ledgerFile: string;
let scoredFile: string;
beforeAll(async () => {
  ledgerFile = await writeWorkbook(ledgerAt85());
  scoredFile = ledgerFile.replace(/\.xlsx$/, ".scored.xlsx");
  const r = await run(["assess", ledgerFile]);
  expect(r.code).toBe(0);
});

describe("a ledger that totals exactly 85", () => {
  test("JSON: tier B chosen; tier A under the upper-edge reading, which pays 42,430.00 more", async () => {
    const r = await run(["assess", ledgerFile, "--json", "--out", `${ledgerFile}.j.xlsx`]);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ status: "final", total: 85, tier: "B", tailAmount: 381870 });
    expect(j.sensitivity).toEqual([
      { reading: "round-rate", total: 85, tier: "B", tailAmount: 381870, differs: false },
      { reading: "upper-edge", total: 85, tier: "A", tailAmount: 424300, differs: true },
      { reading: "unrounded-points", total: 85, tier: "B", tailAmount: 381870, differs: false },
    ]);
    expect(j.payments).toEqual([
      {
        payment: "first",
        amount: 424300,
        from: "2024-06-28",
        workingDays: 30,
        due: "2024-08-09",
        dueNote: null,
      },
      {
        payment: "tail",
        amount: 381870,
        from: null,
        workingDays: 30,
        due: null,
        dueNote: "to be fixed",
      },
    ]);
    expect(j.penaltiesReference.map((p: { percent: number }) => p.percent)).toEqual([20, 30, 30]);
    expect(j.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(j.run).toMatchObject({
      seq: 1,
      options: "rate=exact; tier-edge=lower",
      version: "0.1.0",
    });
  });

  test("--tier-edge upper adopts the other reading: tier A, and the lower edge is the alternative", async () => {
    const r = await run([
      "assess",
      ledgerFile,
      "--json",
      "--tier-edge",
      "upper",
      "--out",
      `${ledgerFile}.u.xlsx`,
    ]);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tier: "A", tailAmount: 424300, readings: { tierEdge: "upper" } });
    expect(j.sensitivity[1]).toEqual({
      reading: "lower-edge",
      total: 85,
      tier: "B",
      tailAmount: 381870,
      differs: true,
    });
    expect(j.run.options).toBe("rate=exact; tier-edge=upper");
    expect((await run(["assess", ledgerFile, "--tier-edge", "middle"])).code).toBe(1);
  });

  test("text: the readings in dispute, the payment difference, the schedule and penalties as a reference", async () => {
    const r = await run(["assess", ledgerFile, "--out", `${ledgerFile}.t.xlsx`]);
    expect(r.out).toMatch(/付款等级 Tier: B \(90%\)/);
    expect(r.out).toMatch(
      /边界分属上一档（85 分为 A）.*85\.00\s+A\s+¥424,300\.00\s+付款不同 differs by ¥42,430\.00/
    );
    expect(r.out).toContain(
      "首付款 First payment: ¥424,300.00, 自 from 2024-06-28, 付款期限 due by 2024-08-09"
    );
    expect(r.out).toContain(
      "尾款 Tail: ¥381,870.00, 起算日待定 from: to be fixed, 付款期限 due by 待定 to be fixed"
    );
    expect(r.out).toMatch(/reference only/);
    expect(r.out).not.toMatch(/incurred|已发生/);
  });

  test("sheet: page one shows tier B and the upper-edge reading's tier A and payment, flagged", () => {
    const g = sheetOf(scoredFile, "考核结果") as unknown[][];
    expect(rowLabelled(g, "付款等级 Tier")[1]).toBe("B");
    expect(rowLabelled(g, "总分 Total")[1]).toBe(85);
    const upper = rowLabelled(g, "边界分属上一档");
    expect(upper.slice(1, 6)).toEqual([85, "A", 424300, 42430, "付款不同 differs"]);
    expect(rowLabelled(g, "签署 Signatures").slice(0, 6)).toEqual([
      "签署 Signatures",
      "签字 Signature",
      "",
      "盖章 Seal",
      "",
      "日期 Date",
    ]);
    expect(rowLabelled(g, "违约金参考")[3]).toContain("reference");
  });
});

describe("the 考核记录 run log", () => {
  test("gets one row per run, appended; the earlier rows stay as they were", async () => {
    const log1 = sheetOf(scoredFile, "考核记录")!;
    expect(log1).toHaveLength(2);
    expect(log1[1][0]).toBe(1);
    expect(log1[1][1]).toMatch(/^2025-07-1[01] \d\d:00:00 [+-]\d\d:\d\d$/); // local time and offset
    expect(log1[1].slice(2, 4)).toEqual(["2025-06-30", "rate=exact; tier-edge=lower"]);
    clock = new Date("2025-07-11T03:00:00Z");
    const twice = `${ledgerFile}.2.xlsx`;
    expect((await run(["assess", scoredFile, "--out", twice])).code).toBe(0);
    const log2 = sheetOf(twice, "考核记录")!;
    expect(log2).toHaveLength(3);
    expect(log2[1]).toEqual(log1[1]);
    expect(log2[2][0]).toBe(2);
    expect(log2[2][4]).toBe(log1[1][4]); // same ledger, same fingerprint
    expect((await run(["verify", twice])).code).toBe(0);
  });
});

describe("om-scorecard verify", () => {
  test("untouched: exit 0", async () => {
    const r = await run(["verify", scoredFile]);
    expect(r.out).toContain("一致");
    expect(r.code).toBe(0);
    const j = JSON.parse((await run(["verify", scoredFile, "--json"])).out);
    expect(j).toMatchObject({ outcome: "match", ledgerChanged: false, findings: [] });
    expect(j.fingerprint).toBe(j.scoredFingerprint);
  });

  test("re-saved by another program with the same data: still a match (the fingerprint is of the values)", async () => {
    const resaved = await edit(scoredFile, `${ledgerFile}.resaved.xlsx`, () => undefined);
    expect((await run(["verify", resaved])).code).toBe(0);
  });

  test("one ledger cell changed: exit 3, the ledger changed since scoring", async () => {
    const f = await edit(scoredFile, `${ledgerFile}.ledger.xlsx`, (wb) => {
      wb.getWorksheet("问卷")!.getCell("B2").value = 60;
    });
    const r = await run(["verify", f, "--json"]);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.ledgerChanged).toBe(true);
    expect(j.findings.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(["verify-ledger-changed", "verify-result-changed"])
    );
    expect((await run(["verify", f])).out).toContain("台账自上次评分后已修改");
  });

  test("a summary figure edited: exit 3, naming the figure", async () => {
    const f = await edit(scoredFile, `${ledgerFile}.summary.xlsx`, (wb) => {
      const ws = wb.getWorksheet("考核结果")!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === "总分 Total") row.getCell(2).value = 86;
      });
    });
    const r = await run(["verify", f, "--json"]);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.out);
    expect(j.ledgerChanged).toBe(false);
    expect(j.findings).toHaveLength(1);
    expect(j.findings[0]).toMatchObject({ code: "verify-summary-edited" });
    expect(j.findings[0].message).toContain("总分");
  });

  test("a log row deleted or changed by hand: exit 3, detected and not repaired", async () => {
    clock = new Date("2025-07-12T03:00:00Z");
    const twice = `${ledgerFile}.twice.xlsx`;
    await run(["assess", scoredFile, "--out", twice]);
    const firstDeleted = await edit(twice, `${ledgerFile}.del1.xlsx`, (wb) => {
      wb.getWorksheet("考核记录")!.spliceRows(2, 1);
    });
    let r = await run(["verify", firstDeleted, "--json"]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).findings[0]).toMatchObject({ code: "verify-log-edited" });
    expect(JSON.parse(r.out).findings[0].message).toMatch(/缺少第 1–1 条/);
    // The file is only read: the log is as it was.
    expect(sheetOf(firstDeleted, "考核记录")).toHaveLength(2);

    const lastDeleted = await edit(twice, `${ledgerFile}.del2.xlsx`, (wb) => {
      wb.getWorksheet("考核记录")!.spliceRows(3, 1);
    });
    r = await run(["verify", lastDeleted, "--json"]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).findings.map((x: { code: string }) => x.code)).toEqual([
      "verify-summary-log-mismatch",
    ]);

    const changed = await edit(twice, `${ledgerFile}.chg.xlsx`, (wb) => {
      wb.getWorksheet("考核记录")!.getCell("H2").value = 90;
    });
    r = await run(["verify", changed, "--json"]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).findings[0].message).toContain("第 2 行");
  });

  test("no summary: exit 2", async () => {
    const r = await run(["verify", ledgerFile]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain("没有「考核结果」");
    expect((await run(["verify", `${ledgerFile}.missing.xlsx`])).code).toBe(2);
  });
});

describe("a workbook whose structure is protected", () => {
  test("is refused with a clear message before anything is written", async () => {
    const z = unzipSync(readFileSync(ledgerFile));
    z["xl/workbook.xml"] = strToU8(
      strFromU8(z["xl/workbook.xml"]).replace(
        /(<workbookPr[^>]*\/>)/,
        '$1<workbookProtection lockStructure="1"/>'
      )
    );
    const locked = ledgerFile.replace(/\.xlsx$/, ".locked.xlsx");
    writeFileSync(locked, zipSync(z));
    const out = `${locked}.out.xlsx`;
    const r = await run(["assess", locked, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("工作簿结构受保护");
    expect(existsSync(out)).toBe(false);
  });
});
