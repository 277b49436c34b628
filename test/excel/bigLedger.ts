/** Large ledgers for the Office.js fake: the adapter's round trips and sizes at 10k–1M rows. */
import { BUILTIN_CALENDAR, isoDay, serialFromDay, workdaysBetween } from "../../src/engine";

const SampleLedger = require("../fakes/sampleLedger.js");

/**
 * The sample ledger with `punchRows` punch rows in its Excel table 考勤表: two checks each working
 * day of the service year for as many members as that takes (one check in 97 缺勤), and the
 * roster to match.
 */
export function bigLedger(punchRows: number) {
  const days = workdaysBetween(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2025-06-30"));
  const members = Math.ceil(punchRows / (days.length * 2));
  const roster = Array.from({ length: members }, (_, i) => [
    `工程师${String(i + 1).padStart(3, "0")}`,
    "驻场工程师",
    45474,
    null,
  ]);
  const punches: unknown[][] = [];
  outer: for (const d of days) {
    for (const [name] of roster) {
      for (const [slot, time] of [
        ["上班", 0.35],
        ["下班", 0.74],
      ] as const) {
        if (punches.length >= punchRows) break outer;
        const absent = punches.length % 97 === 0;
        punches.push([serialFromDay(d), name, slot, time, absent ? "缺勤" : "到岗"]);
      }
    }
  }
  const s = SampleLedger.sampleSpec();
  s.sheets[0] = SampleLedger.table(
    "驻场人员",
    "驻场人员",
    ["姓名", "角色", "到岗日期", "离岗日期"],
    roster
  );
  s.sheets[1] = SampleLedger.table(
    "考勤",
    "考勤表",
    ["日期", "姓名", "时段", "时间", "结果"],
    punches
  );
  return s;
}
