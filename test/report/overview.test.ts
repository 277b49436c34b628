/**
 * The overview model of SPEC §12, host-neutral: rows sorted by file, the same 合同编号 in two
 * ledgers warned on both, the tail payable summed by status in fen, and the identity items taken
 * from the ledger's Contract table (SPEC §9), never from the default profile's contract name.
 */
import { assess } from "../../src/engine";
import { fullPunches, ledger } from "../engine/ledgerBuilder";
import {
  assessedRow,
  batchJson,
  buildOverview,
  emptyFolderRow,
  overviewCells,
  unreadableRow,
  type OverviewRow,
} from "../../src/report/overview";
import { diag } from "../../src/engine";

/** A scored row with the figures given (what a ledger's run would give). */
function row(file: string, over: Partial<OverviewRow> = {}): OverviewRow {
  return {
    file,
    output: file.replace(/\.xlsx$/, ".scored.xlsx"),
    contract: { name: "运维服务", number: null, vendor: "某公司" },
    serviceStart: "2024-07-01",
    serviceEnd: "2025-06-30",
    status: "final",
    total: 90,
    tier: "A",
    tailAmount: 0.1,
    problems: [],
    reason: null,
    fingerprint: "0".repeat(64),
    ...over,
  };
}

test("identity items are not given until the ledger gives them: never the source contract's name", () => {
  const a = assess([]);
  expect(a.profile.contractName).not.toBe(""); // the default profile has one …
  // … the overview does not take it
  expect(assessedRow("x.xlsx", a, { fingerprint: null, output: null }).contract).toEqual({
    name: null,
    number: null,
    vendor: null,
  });
});

test("a row names the contract as its Contract table writes it: 合同名称, 合同编号 (a number as its digits), 乙方", () => {
  const a = assess(
    ledger({
      punches: fullPunches("张三"),
      contract: [
        ["项目名称", "某市社保系统2025年度运维服务"],
        ["合同编号", 2025001],
        ["供应商", "某软件有限公司"],
      ],
    })
  );
  expect(assessedRow("x.xlsx", a, { fingerprint: null, output: null }).contract).toEqual({
    name: "某市社保系统2025年度运维服务",
    number: "2025001",
    vendor: "某软件有限公司",
  });
});

test("rows are sorted by file in code-unit order, whatever order they came in", () => {
  const o = buildOverview([row("b.xlsx"), row("a/z.xlsx"), row("B.xlsx"), row("a.xlsx")]);
  expect(o.rows.map((r) => r.file)).toEqual(["B.xlsx", "a.xlsx", "a/z.xlsx", "b.xlsx"]);
});

test("two ledgers with the same 合同编号 each carry a warning naming the other; the status stays", () => {
  const o = buildOverview([
    row("a.xlsx", { contract: { name: "甲", number: "HT-2024-01", vendor: null } }),
    row("b.xlsx", { contract: { name: "乙", number: " HT-2024-01 ", vendor: null } }),
    row("c.xlsx", { contract: { name: "丙", number: "HT-2024-02", vendor: null } }),
  ]);
  const warned = o.rows.map((r) => r.problems.map((p) => [p.severity, p.code, p.message]));
  expect(warned[0]).toEqual([
    [
      "warning",
      "duplicate-contract-number",
      '合同编号「HT-2024-01」也出现在 「b.xlsx」：是否同一合同录入了两次？ / Contract number "HT-2024-01" is also in "b.xlsx": the same contract twice?',
    ],
  ]);
  expect(warned[1][0][2]).toContain("「a.xlsx」");
  expect(warned[2]).toEqual([]);
  expect(o.rows.map((r) => r.status)).toEqual(["final", "final", "final"]);
  // The text cell of the overview names it too.
  expect(overviewCells(o).rows[0][9]).toContain("the same contract twice?");
});

test("the tail payable is summed by status in fen: no float drift over many ledgers", () => {
  const rows = [
    ...Array.from({ length: 10 }, (_, i) => row(`f${i}.xlsx`, { tailAmount: 0.1 })),
    row("p.xlsx", { status: "provisional", tailAmount: 0.2 }),
    unreadableRow("u.xlsx", [diag("file-not-xlsx", {}, {})]),
    emptyFolderRow("empty"),
  ];
  const t = buildOverview(rows).totals;
  expect(t.byStatus).toEqual({
    final: { ledgers: 10, tailAmount: 1 },
    provisional: { ledgers: 1, tailAmount: 0.2 },
    invalid: { ledgers: 2, tailAmount: 0 },
  });
  expect(t.tailAmount).toBe(1.2);
  expect(t.ledgers).toBe(13);
});

test("a row that could not be scored keeps its reason; the JSON has the SPEC §12 keys", () => {
  const bad = unreadableRow("u.xlsx", [diag("file-not-xlsx", {}, {})]);
  expect(bad.reason).toMatch(/^这不是 Excel 工作簿.* \/ This is not an Excel workbook/);
  const j = batchJson(buildOverview([bad, row("a.xlsx")]), "o.xlsx");
  expect(j.overview).toBe("o.xlsx");
  expect(j.ledgers[1]).toEqual({
    file: "u.xlsx",
    output: null,
    status: "invalid",
    total: null,
    tier: null,
    tailAmount: null,
    contract: { name: null, number: null, vendor: null },
    problems: [expect.objectContaining({ severity: "error", code: "file-not-xlsx" })],
  });
});
