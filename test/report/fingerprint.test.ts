import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { readLedgerXlsx } from "../support/workbook";
import type { RawCell, RawTable } from "../../src/engine";
import { canonicalLedger, ledgerFingerprint } from "../../src/report/fingerprint";

/** The reference: SHA-256 of the canonical text built a row at a time. */
const reference = (tables: RawTable[]): string =>
  createHash("sha256").update(canonicalLedger(tables), "utf8").digest("hex");

const sample = (name: string): RawTable[] =>
  readLedgerXlsx(readFileSync(path.resolve(__dirname, "../../sample", name))).tables;

/**
 * The bundled sample as it was before its Contract table named the contract (SPEC §9 added the
 * identity items and the other terms): the same data the fixed fingerprints below were taken of.
 */
const OLD_CONTRACT_ITEMS = ["合同金额", "尾款比例", "服务开始", "服务结束", "考核日期"];
const asBefore = (tables: RawTable[]): RawTable[] =>
  tables.map((t) =>
    t.name === "合同"
      ? { ...t, rows: t.rows.filter((r) => OLD_CONTRACT_ITEMS.includes(String(r[0]))) }
      : t
  );

describe("the ledger fingerprint", () => {
  test("of the bundled samples is unchanged (the canonical form om-ledger-v1 is fixed)", () => {
    // Fixed values: a change here means every fingerprint already logged in a 考核记录 no longer
    // matches its ledger, which only a new FINGERPRINT_VERSION may do.
    expect(ledgerFingerprint(asBefore(sample("ledger.xlsx")))).toBe(
      "7c8e3e68b14b371c9a6b4022f72afc2c6d7def906ec0ea48d63256de1d84e99c"
    );
    expect(ledgerFingerprint(asBefore(sample("ledger-dingtalk.xlsx")))).toBe(
      "4aec03cb429cc0bb9601e8542b9a5b7e54bc9b3b4f44fcd7a35abf1a1cac6cf8"
    );
  });

  // Cells that each make a row leave the batched path: empty text, an error, a trailing empty
  // cell, text holding the row separator "],[" — mixed with ordinary ones.
  const cell: fc.Arbitrary<RawCell> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<RawCell>("张三", "已关闭", "是", 45474, 0.375, 1) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom<RawCell>("", null, -0, "],[", 'a"],["b', "]", "[") },
    { weight: 1, arbitrary: fc.constantFrom<RawCell>({ error: "#N/A" }, true, false, 1e21) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }
  );
  const table = (rows: RawCell[][]): RawTable => ({
    name: "工单",
    sheet: "工单",
    kind: "sheet",
    headerRow: 1,
    firstColumn: 1,
    headers: ["工单号", "流转乙方", "状态", "创建日期"],
    rows,
  });

  test("hashed in batches of rows is the hash of the canonical text, row by row", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 60 }), (rows) => {
        const t = [table(rows)];
        expect(ledgerFingerprint(t)).toBe(reference(t));
      }),
      { numRuns: 300, seed: 20241125 }
    );
  });

  test("over more rows than one batch, with and without a row that leaves the batch", () => {
    const plain: RawCell[][] = Array.from({ length: 2_500 }, (_, i) => [
      `GD${String(i).padStart(7, "0")}`,
      "是",
      i % 7 ? "已关闭" : "处理中",
      45474 + (i % 365),
    ]);
    const mixed = plain.map((r, i) => (i === 1_500 ? ["x],[y", "是", "", 45474] : r));
    for (const rows of [plain, mixed]) {
      const t = [table(rows)];
      expect(ledgerFingerprint(t)).toBe(reference(t));
    }
    expect(ledgerFingerprint([table(plain)])).not.toBe(ledgerFingerprint([table(mixed)]));
  });
});
