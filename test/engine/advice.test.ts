/**
 * "What lifts the tier" must be true: each suggestion, applied to the ledger, is scored again and
 * reaches the next tier; each "none can" is checked by applying the most that dimension allows.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { readLedgerXlsx } from "../support/workbook";
import {
  assess,
  isoDay,
  type AdviceChange,
  type RawCell,
  type RawTable,
  type TierLetter,
} from "../../src/engine";
import { toJson } from "../../src/report/json";
import { scored } from "./ledgerBuilder";

const SAMPLE = readLedgerXlsx(
  readFileSync(path.resolve(__dirname, "../../sample/ledger.xlsx"))
).tables;
const RANK: Record<TierLetter, number> = { A: 5, B: 4, C: 3, D: 2, E: 1, F: 0 };

const clone = (tables: readonly RawTable[]): RawTable[] =>
  tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
const table = (tables: RawTable[], name: string) => tables.find((t) => t.name === name)!;
const col = (t: RawTable, header: string) => t.headers.indexOf(header);

/** The ledger with `n` present punches marked absent, the latest first (or the earliest first). */
function withAbsences(n: number, earliestFirst = false): RawTable[] {
  const tables = clone(SAMPLE);
  const p = table(tables, "考勤");
  const result = col(p, "结果");
  const order = p.rows.map((_, i) => (earliestFirst ? i : p.rows.length - 1 - i));
  let left = n;
  for (const i of order) {
    if (left > 0 && p.rows[i][result] === "到岗") {
      p.rows[i][result] = "缺勤";
      left--;
    }
  }
  return tables;
}

/** The ledger changed as the suggestion says (or, for "none", as far as the dimension allows). */
function apply(tables0: readonly RawTable[], c: AdviceChange): RawTable[] {
  const tables = clone(tables0);
  switch (c.kind) {
    case "more-present": {
      const p = table(tables, "考勤");
      const result = col(p, "结果");
      let left = c.count;
      for (const r of p.rows) if (left > 0 && r[result] === "缺勤") ((r[result] = "到岗"), left--);
      expect(left).toBe(0);
      return tables;
    }
    case "more-completed": {
      const t = table(tables, "工单");
      for (const r of t.rows)
        if (c.ticketIds.includes(String(r[col(t, "工单号")]))) r[col(t, "状态")] = "已关闭";
      return tables;
    }
    case "rectified-in-time": {
      const t = table(tables, "投诉");
      for (const r of t.rows) {
        if (c.complaintIds.includes(String(r[col(t, "编号")])))
          r[col(t, "整改完成日期")] = r[col(t, "整改期限")];
      }
      return tables;
    }
    case "survey-mean": {
      const t = table(tables, "问卷");
      const rows: RawCell[][] = t.rows.length ? t.rows : [["甲", 0]];
      for (const r of rows) r[col(t, "得分")] = c.meanNeeded;
      t.rows = rows;
      return tables;
    }
    case "none":
      return maximal(tables, c.dimension);
  }
}

/** The most one dimension's ledger rows can give: every check present, every ticket done, ... */
function maximal(tables: RawTable[], dimension: string): RawTable[] {
  if (dimension === "attendance") {
    const p = table(tables, "考勤");
    for (const r of p.rows) r[col(p, "结果")] = "到岗";
  } else if (dimension === "completion") {
    const t = table(tables, "工单");
    for (const r of t.rows) r[col(t, "状态")] = "已关闭";
  } else if (dimension === "responsiveness") {
    const t = table(tables, "投诉");
    for (const r of t.rows)
      if (r[col(t, "类别")] === "响应度") r[col(t, "整改完成日期")] = r[col(t, "整改期限")];
  } else if (dimension === "satisfaction") {
    const t = table(tables, "问卷");
    for (const r of t.rows) r[col(t, "得分")] = 100;
  }
  return tables;
}

describe("what lifts the tier", () => {
  const cases: [string, RawTable[]][] = [
    ["the sample (84.61, B)", clone(SAMPLE)],
    ["the sample with 240 checks absent (attendance in the 80% band)", withAbsences(240)],
    ["the sample with 520 checks absent (attendance in the 60% band)", withAbsences(520)],
  ];
  for (const [name, tables] of cases) {
    test(`${name}: every suggestion reaches the next tier when applied, every "none" cannot`, () => {
      const a = scored(assess(tables));
      const { advice } = a;
      expect(advice.nextTier).not.toBeNull();
      expect(a.totalHundredths + advice.neededHundredths!).toBe(
        a.profile.payTiers.find((t) => t.tier === advice.nextTier)!.aboveHundredths! + 1
      );
      expect(advice.changes.map((c) => c.dimension)).toEqual([
        "attendance",
        "maintenance",
        "responsiveness",
        "completion",
        "satisfaction",
      ]);
      for (const c of advice.changes) {
        const after = scored(assess(apply(tables, c)));
        if (c.kind === "none") {
          expect(RANK[after.tier]).toBeLessThan(RANK[advice.nextTier!]);
        } else {
          expect(after.tier).toBe(advice.nextTier);
          expect(after.totalHundredths - a.totalHundredths).toBe(c.gainHundredths);
        }
      }
    });
  }

  test("the smallest change is the smallest: one check or ticket fewer does not reach the next tier", () => {
    const tables = withAbsences(520);
    const a = scored(assess(tables));
    for (const c of a.advice.changes) {
      if (c.kind === "more-present" || c.kind === "more-completed") {
        const less =
          c.kind === "more-present"
            ? { ...c, count: c.count - 1 }
            : { ...c, ticketIds: c.ticketIds.slice(1) };
        expect(RANK[scored(assess(apply(tables, less))).tier]).toBeLessThan(
          RANK[a.advice.nextTier!]
        );
      }
    }
  });

  test("a provisional run counts the checks still to come before the service end", () => {
    const a = scored(assess(withAbsences(300, true), { asOf: isoDay("2024-12-31") }));
    expect(a.status).toBe("provisional");
    const att = a.advice.changes.find((c) => c.dimension === "attendance")!;
    expect(att).toMatchObject({ kind: "more-present" });
    // 120 statutory working days from 2025-01-01 to 2025-06-30, 3 staff, 2 checks a day.
    if (att.kind === "more-present") expect(att.stillToCome).toBe(720);
  });

  test("tier A: the advice says so and suggests nothing; an invalid ledger has no advice", () => {
    const t = maximal(maximal(clone(SAMPLE), "completion"), "responsiveness");
    const a = scored(assess(t));
    expect(a.tier).toBe("A");
    expect(a.advice).toMatchObject({
      tier: "A",
      nextTier: null,
      neededHundredths: null,
      changes: [],
    });
    expect(toJson(a).advice!.changes).toEqual([]);
    const invalid = toJson(assess(clone(SAMPLE).filter((x) => x.name !== "工单")));
    expect(invalid.status).toBe("invalid");
    expect("advice" in invalid).toBe(false);
    expect("months" in invalid).toBe(false);
  });
});
