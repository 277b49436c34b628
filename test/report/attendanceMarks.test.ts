/**
 * SPEC §5: late, early and leave are counted separately and the mapping is stated — late and
 * early count as present, leave as absent (the contract grants no leave exemption) — in the
 * summary sheet, the printed text and the JSON (`attendanceMarks`, an added top-level key; the
 * SPEC §4 dimension objects are unchanged). Every view reads the attendance row's `note`.
 */
import { assess } from "../../src/engine";
import { formatAssessment } from "../../src/cli/print";
import { dimensionRows } from "../../src/report/dimensions";
import { toJson } from "../../src/report/json";
import { buildSummary } from "../../src/report/summary";
import { fullPunches, ledger, scored } from "../engine/ledgerBuilder";

const punches = fullPunches("张三");
punches[0][4] = "迟到";
punches[1][4] = "早退";
punches[2][4] = "迟到";
punches[3][4] = "病假";
punches[4][4] = "外勤";
const a = scored(assess(ledger({ punches })));

test("the JSON has attendanceMarks with the words counted each way; the dimension object is unchanged", () => {
  const j = toJson(a);
  expect(j.attendanceMarks).toEqual({
    late: 2,
    early: 1,
    leave: 1,
    countedPresent: ["迟到", "早退", "外勤", "补卡"],
    countedAbsent: ["请假", "事假", "病假", "年假", "休假", "调休"],
  });
  expect(Object.keys(j.dimensions!.attendance)).toEqual([
    "points",
    "max",
    "rate",
    "present",
    "expected",
  ]);
  expect(j.dimensions!.attendance.expected - j.dimensions!.attendance.present).toBe(1);
});

test("the attendance row's note gives the counts and the mapping; the text and the sheet show it", () => {
  const note = dimensionRows(a.profile, a)[0].note!;
  expect(note.zh).toMatch(/^迟到 2 次、早退 1 次（均计为到岗），请假 1 次（计为缺勤）。/);
  expect(note.zh).toContain("请假、事假、病假、年假、休假、调休按缺勤计（合同未约定请假豁免");
  expect(note.en).toMatch(/^Late 2, early 1 \(both counted present\), leave 1 \(counted absent\)/);
  expect(note.en).toContain("no leave exemption");

  const text = formatAssessment(a);
  expect(text).toContain(`出勤率 Attendance: ${note.zh}`);
  expect(text).toContain(note.en);

  const sheet = buildSummary(a);
  const i = sheet.rows.findIndex((r) => r[0]?.value === "说明 Note: 出勤率 Attendance");
  expect(sheet.rows[i][1].value).toBe(note.zh);
  expect(sheet.rows[i + 1][1].value).toBe(note.en);
});

test("an invalid run has no attendanceMarks; its attendance row still states the mapping", () => {
  const bad = assess(ledger({ punches: [["x", "张三", "上班", null, "到岗"]] }));
  expect(bad.status).toBe("invalid");
  expect("attendanceMarks" in toJson(bad)).toBe(false);
  expect(dimensionRows(bad.profile, null)[0].note!.zh).toMatch(/^迟到、早退、外勤、补卡按到岗计/);
});
