/**
 * SPEC §9 in the engine: the contract's identity as the ledger writes it, and no money value
 * taken from the built-in contract in silence.
 */
import { assess, contractOf, DEFAULT_PROFILE, type RawCell } from "../../src/engine";
import { buildSummary } from "../../src/report/summary";
import { toJson } from "../../src/report/json";
import { fullPunches, ledger, scored, shownOf } from "./ledgerBuilder";

const OTHER: RawCell[][] = [
  ["项目名称", "某市社保系统2025年度运维服务"],
  ["合同编号", 2025001],
  ["采购人", "某市人社局信息中心"],
  ["供应商", "某软件有限公司"],
  ["监理单位", "  某监理公司  "],
  ["合同金额", "1,234,567.80元"],
  ["尾款比例", "30%"],
];

describe("the contract's identity (SPEC §9)", () => {
  test("is read as written, under its aliases, a number as its digits, into the JSON and the summary", () => {
    const a = scored(assess(ledger({ punches: fullPunches("张三"), contract: OTHER })));
    expect(contractOf(a)).toMatchObject({
      name: "某市社保系统2025年度运维服务",
      number: "2025001",
      client: "某市人社局信息中心",
      vendor: "某软件有限公司",
      supervisor: "某监理公司",
      amountFen: 123456780,
      defaulted: [],
    });
    expect(toJson(a).contract).toEqual({
      name: "某市社保系统2025年度运维服务",
      number: "2025001",
      client: "某市人社局信息中心",
      vendor: "某软件有限公司",
      supervisor: "某监理公司",
      amount: 1234567.8,
      tailShare: 0.3,
      serviceStart: "2024-07-01",
      serviceEnd: "2025-06-30",
      defaulted: [],
    });
    // The tail is this contract's: 30% of ¥1,234,567.80, times the tier's share.
    expect(a.tailBaseFen).toBe(37037034);
    const sheet = buildSummary(a);
    const text = sheet.rows
      .flat()
      .map((c) => String(c.value ?? ""))
      .join("\n");
    expect(text).not.toContain(DEFAULT_PROFILE.contractName);
    expect(sheet.rows[0][0].value).toBe("运维服务考核评分表 O&M service assessment");
    expect(sheet.rows[1][1].value).toBe("某市社保系统2025年度运维服务");
    expect(sheet.pageSetup!.header.center).toContain("某市社保系统2025年度运维服务");
    // Each party signs under its name.
    const sig = sheet.rows.findIndex((r) => r[0]?.value === "签署 Signatures");
    expect(sheet.rows.slice(sig).map((r) => r[1]?.value)).toEqual(
      expect.arrayContaining(["某监理公司", "某市人社局信息中心", "某软件有限公司"])
    );
  });

  test("an item not given is （未填写） on the page and null in the JSON, never the built-in contract's name", () => {
    const a = assess(ledger({ punches: fullPunches("张三") }));
    expect(toJson(a).contract).toMatchObject({ name: null, client: null, vendor: null });
    const sheet = buildSummary(a);
    expect(sheet.rows[1][1].value).toBe("（未填写） (not given)");
    expect(sheet.pageSetup!.header.center).not.toContain("常州人社");
    const pageOne = sheet.rows.slice(0, sheet.pageSetup!.breaksAfterRows[0]);
    expect(JSON.stringify(pageOne)).not.toContain("常州人社");
  });

  test("甲方 given twice (甲方 and 采购人) is duplicate-contract-item, never the later one in silence", () => {
    const a = assess(
      ledger({
        contract: [
          ["甲方", "甲"],
          ["采购人", "乙"],
        ],
      })
    );
    expect(a.status).toBe("invalid");
    expect(shownOf(a).find((d) => d.code === "duplicate-contract-item")).toMatchObject({
      severity: "error",
      row: 3,
    });
  });
});

describe("no silent defaults for money (SPEC §9)", () => {
  test("no Contract table: each money value is named with the contract it comes from, and the result is provisional, never final", () => {
    const a = scored(assess(ledger({ punches: fullPunches("张三"), contract: null })));
    expect(a.status).toBe("provisional");
    const w = shownOf(a).find((d) => d.code === "contract-default-used")!;
    expect(w.severity).toBe("warning");
    for (const part of [
      "合同金额 ¥848,600.00",
      "尾款比例 50%",
      "服务开始 2024-07-01",
      "服务结束 2025-06-30",
    ])
      expect(w.zh).toContain(part);
    expect(w.zh).toContain(DEFAULT_PROFILE.contractName);
    expect(w.en).toContain("ContractAmount");
    expect(a.provisionalReasons.map((r) => r.zh).join()).toContain(
      "合同金额、尾款比例、服务开始、服务结束"
    );
    expect(contractOf(a).defaulted).toEqual(["amount", "tailShare", "serviceStart", "serviceEnd"]);
    // The other defaults, in one info.
    const info = shownOf(a).filter((d) => d.code === "contract-other-defaults");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: "info" });
    for (const part of ["问卷满分 100", "驻场人数 3", "签订日期 2024-06-28"])
      expect(info[0].zh).toContain(part);
  });

  test("one value missing names that value only; every value given is final with no default said", () => {
    const some = scored(
      assess(ledger({ punches: fullPunches("张三"), contract: [["尾款比例", null]] }))
    );
    expect(some.status).toBe("provisional");
    expect(contractOf(some).defaulted).toEqual(["tailShare"]);
    const all = scored(assess(ledger({ punches: fullPunches("张三") })));
    expect(all.status).toBe("final");
    expect(shownOf(all).filter((d) => d.code.startsWith("contract-"))).toEqual([]);
  });
});
