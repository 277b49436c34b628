/**
 * SPEC §13 against the recording Office.js fake (test/fakes/officeFake.js), which refuses any
 * round trip over Excel on the web's 5 MB as Excel does: long text the estimate could not see,
 * round trips at open and at Assess on 100,000 rows, and score formats past 20,000 rows.
 */
import {
  checkLedger,
  listTables,
  readLedger,
  runAssessment,
  type ReadStats,
} from "../../src/excel";
import { PAYLOAD_LIMIT_BYTES } from "../../src/excel/layout";
import { bigLedger } from "./bigLedger";

const OfficeFake = require("../fakes/officeFake.js");
const SampleLedger = require("../fakes/sampleLedger.js");

type Sync = { requestBytes: number; responseBytes: number; failed?: string; actions: string[] };
type Host = { syncs: Sync[]; cells(name: string): unknown[][] | null };

function install(spec: unknown): Host {
  const host = OfficeFake.createHost(spec);
  (globalThis as unknown as { Excel: unknown }).Excel = host.Excel;
  return host;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** 130 Chinese characters of note, different on each row. */
const note = (i: number) =>
  `第${i}号工单处理说明：`.padEnd(130, "现场核实故障原因并更换配件后恢复");

/** The sample ledger with 30,000 tickets whose 备注 column is empty for the first 60 rows. */
function longNotesLedger() {
  const spec = SampleLedger.sampleSpec();
  const rows = Array.from({ length: 30_000 }, (_, i) => [
    `GD-${String(i + 1).padStart(5, "0")}`,
    "是",
    "已关闭",
    i < 60 ? null : note(i),
  ]);
  spec.sheets[2] = SampleLedger.table("工单", "工单", ["工单号", "流转乙方", "状态", "备注"], rows);
  return { spec, rows };
}

const passed = (host: Host) => host.syncs.filter((s) => !s.failed);
const mb = (n: number) => (n / 1048576).toFixed(2);

describe("5 MB, always (SPEC §13)", () => {
  it("reads 30,000 tickets whose ~130-character notes start after the estimate rows: refused trips are cut, none is fatal", async () => {
    const { spec, rows } = longNotesLedger();
    const host = install(spec);
    const stats: ReadStats = { syncs: 0, batches: 0 };
    const tables = await readLedger(stats);
    const tickets = tables.find((t) => t.name === "工单")!;
    expect(tickets.rows).toHaveLength(30_000);
    expect(sameJson(tickets.rows, rows)).toBe(true);
    for (const s of passed(host)) {
      expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    for (const s of host.syncs.filter((x) => x.failed))
      expect(s.failed).toBe("ResponsePayloadSizeLimitExceeded");
    console.log(
      `30,000 long notes: ${host.syncs.length} syncs (${host.syncs.filter((x) => x.failed).length} refused); ` +
        `largest response ${mb(Math.max(...passed(host).map((s) => s.responseBytes)))} MB`
    );
  });

  it("assesses the same ledger and writes its summary", async () => {
    install(longNotesLedger().spec);
    const run = await runAssessment();
    expect(run.assessment.status).not.toBe("invalid");
    expect(run.record).not.toBeNull();
  });

  it("reads every score cell's number format, past 20,000 rows too: a score shown as 92% is 92", async () => {
    const spec = SampleLedger.sampleSpec();
    const rows = Array.from({ length: 25_000 }, (_, i) => [`处室${i}`, i === 24_000 ? 0.92 : 90]);
    spec.sheets[4] = SampleLedger.table("问卷", "问卷", ["受访者", "得分"], rows);
    spec.sheets[4].formats = { B24002: "0%" }; // data row 24,001 (header in row 1)
    install(spec);
    const surveys = (await readLedger()).find((t) => t.name === "问卷")!;
    expect(surveys.rows).toHaveLength(25_000);
    expect([...(surveys.percentCells ?? [])]).toEqual(["24002,2"]);
  });
});

describe("round trips (SPEC §13)", () => {
  const spec = bigLedger(100_000);

  it("opening the pane (listTables) reads names and headers only: no ledger rows, 3 round trips", async () => {
    const host = install(spec);
    const o = await listTables();
    expect(o.tables.find((t) => t.name === "考勤表")!.rows).toBe(100_000);
    expect(host.syncs).toHaveLength(3);
    const bytes = host.syncs.reduce((n, s) => n + s.responseBytes, 0);
    // Names, extents and header rows (and the plain punch sheet's first rows): a few KB.
    expect(bytes).toBeLessThan(20_000);
    console.log(`open at 100,000 rows: ${host.syncs.length} syncs, ${bytes} bytes of response`);
  });

  it("Assess on 100,000 rows takes at most 10 round trips, each under 5 MB, and a second Assess too", async () => {
    const host = install(spec);
    const first = await runAssessment();
    expect(first.record).not.toBeNull();
    expect(host.syncs.length).toBeLessThanOrEqual(10);
    const before = host.syncs.length;
    const second = await runAssessment();
    expect(second.record!.seq).toBe(first.record!.seq + 1);
    const again = host.syncs.slice(before);
    expect(again.length).toBeLessThanOrEqual(10);
    for (const s of host.syncs) {
      expect(s.failed).toBeUndefined();
      expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    console.log(
      `Assess at 100,000 rows: ${before} syncs, then ${again.length} with a summary in place`
    );
  });

  it("the 台账自上次评分后已修改 check takes the ledger's round trips and no more", async () => {
    const host = install(spec);
    await runAssessment();
    const before = host.syncs.length;
    const check = await checkLedger();
    expect(check.ledgerChanged).toBe(false);
    expect(host.syncs.length - before).toBeLessThanOrEqual(8);
  });
});
