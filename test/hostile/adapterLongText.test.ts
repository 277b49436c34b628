/**
 * The same hostile text through the Excel adapter (src/excel) against the recording Office.js
 * fake: a 30,000-character name in the punch sheet that is not on the roster.
 *
 * The engine's punch-unknown-name warning quotes the whole name in Chinese and in English, so
 * the summary's diagnostic cell would be ≈60,000 characters. Excel cannot hold more than 32,767
 * characters in a cell, so every writer must cut such text. (Found by this test while the adapter
 * still wrote it whole; fixed by the adapter's owner during the same session — kept as a guard.)
 */
import { runAssessment } from "../../src/excel";

const OfficeFake = require("../fakes/officeFake.js");

const SampleLedger = require("../fakes/sampleLedger.js");

const EXCEL_MAX_CELL_CHARS = 32_767;

test("a 30,000-character name: the adapter scores it and writes no summary cell over Excel's 32,767-character limit", async () => {
  const spec = SampleLedger.sampleSpec();
  const punches = spec.sheets.find((s: { name: string }) => s.name === "考勤");
  punches.cells.push([45475, "张".repeat(30_000), "上班", "到岗"]);
  const host = OfficeFake.createHost(spec);
  (globalThis as unknown as { Excel: unknown }).Excel = host.Excel;

  const { assessment: a } = await runAssessment();
  expect(a.status).not.toBe("invalid");
  expect(
    a.diagnostics.some((d) => d.code === "punch-unknown-name" && d.row === punches.cells.length)
  ).toBe(true);

  const cells: unknown[][] = host.cells("考核结果");
  const longest = Math.max(...cells.flat().map((v) => (typeof v === "string" ? v.length : 0)));
  expect(longest).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
});
