/**
 * A stray value far to the right of a plain punch sheet (cell XFD1), read by the Excel adapter
 * (src/excel) against the recording Office.js fake. Reading the sheet's whole used range, A1:XFDn,
 * made the second round trip 51 rows × 16,384 columns (8.8 MB, over the 5 MB response limit), so
 * `readLedger` rejected and nothing could be scored. (Found by this test; fixed by the adapter's
 * owner during the same session: the header row now ends at a gap of more than MAX_HEADER_GAP
 * empty cells, as in the command line's reader — kept as a guard.)
 */
import { readLedger, type ReadStats } from "../../src/excel";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel/layout";

const OfficeFake = require("../fakes/officeFake.js");

const SampleLedger = require("../fakes/sampleLedger.js");

test("a stray value in XFD1 of the plain punch sheet: the ledger is still read, in a bounded number of round trips", async () => {
  const spec = SampleLedger.sampleSpec();
  const punches = spec.sheets.find((s: { name: string }) => s.name === "考勤");
  for (let i = 0; i < 2000; i++)
    punches.cells.push([45475, "张三", i % 2 ? "下班" : "上班", "到岗"]);
  punches.cells[0][16_383] = "x";
  const host = OfficeFake.createHost(spec);
  (globalThis as unknown as { Excel: unknown }).Excel = host.Excel;

  const stats: ReadStats = { syncs: 0, batches: 0 };
  let failure: unknown = null;
  const tables = await readLedger(stats).catch((e) => {
    failure = e;
    return null;
  });
  expect(failure).toBeNull(); // was ResponsePayloadSizeLimitExceeded (8.8 MB in round trip 2)
  expect(host.syncs.length).toBeLessThanOrEqual(5);
  for (const s of host.syncs) expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  expect(tables!.find((t) => t.name === "考勤")!.rows.length).toBeGreaterThanOrEqual(2000);
});
