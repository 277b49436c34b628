/**
 * A finding of the shuffle property (engine.property.test.ts), pinned as a plain example.
 *
 * Three rows for one check (张三, 2024-07-01, 上班): present, absent, absent. The score never
 * depended on their order (the check counts as present), but the warnings once did. Now every
 * row of a check other than its lowest-numbered one is a repeat: `punch-conflict` when the check
 * has both present and absent rows, `punch-duplicate` when they all agree, whatever the order.
 */
import { assess, type RawCell } from "../../src/engine";
import { ledger, serial, scored } from "../engine/ledgerBuilder";

const codesOf = (punches: RawCell[][]): string[] =>
  assess(ledger({ punches, roster: [["张三", null, null, null]] }))
    .diagnostics.filter((d) => d.code.startsWith("punch-"))
    .map((d) => d.code)
    .sort();

describe("repeated checks of one slot", () => {
  const present: RawCell[] = [serial("2024-07-01"), "张三", "上班", null, "到岗"];
  const absent: RawCell[] = [serial("2024-07-01"), "张三", "上班", null, "缺勤"];

  test("score the same in any order", () => {
    const a = scored(assess(ledger({ punches: [present, absent, absent] })));
    const b = scored(assess(ledger({ punches: [absent, absent, present] })));
    expect(b.dimensions.attendance.present).toBe(a.dimensions.attendance.present);
    expect(b.totalHundredths).toBe(a.totalHundredths);
  });

  test("give the same warnings in any order", () => {
    expect(codesOf([absent, absent, present])).toEqual(codesOf([present, absent, absent]));
    expect(codesOf([absent, present, absent])).toEqual(codesOf([present, absent, absent]));
  });
});
