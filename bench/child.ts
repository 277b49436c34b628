/**
 * One measurement, in a fresh process (so heap and RSS figures belong to that measurement
 * alone). `bench/run.js` starts it as `node --expose-gc build-bench/bench/child.js MODE ...` and
 * reads the JSON object it prints on its last line.
 *
 * Modes:
 *   engine ROWS RUNS       assess() on RawTables already in memory, RUNS times
 *   xlsx ROWS|issue5 FILE [SEED]  write the synthetic ledger as .xlsx to FILE (cache)
 *   pieces FILE OUT        the command line's steps timed one by one
 *   cli FILE OUT           the built command line (build/cli/main.js, what bin/ loads:
 *                          `main(["assess", FILE, ...])`), timed by the parent
 *   batch PATH...          the built command line on ledgers (`assess PATH... --json`, SPEC §12):
 *                          when each ledger finished, and the peak RSS of the whole batch
 *   ratios FILE ROUNDS     inflate alone, read, and assess + fingerprint, ROUNDS times in turn
 *   adapter ROWS           the Excel adapter against the recording Office.js fake
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as v8 from "node:v8";
import type { RawTable } from "../src/engine";
import type { Sha256 } from "../src/report/fingerprint";
import type { toJson } from "../src/report/json";

// Modules are required inside each mode, so that the `cli` mode loads exactly what the command
// line loads (its start-up time is part of what is measured).

const engineModule = () => require("../src/engine") as typeof import("../src/engine");
const summaryModule = () =>
  require("../src/report/summary") as typeof import("../src/report/summary");
const generateModule = () => require("./generate") as typeof import("./generate");
const pipelineModule = () =>
  require("../src/report/pipeline") as typeof import("../src/report/pipeline");
const xlsxModule = () => require("../src/workbook") as typeof import("../src/workbook");
const nodeCodecModule = () =>
  require("../src/cli/nodeCodec") as typeof import("../src/cli/nodeCodec");

/** The project's root (this file runs from build-bench/bench/). */
const ROOT = path.resolve(__dirname, "../..");

/** Node's SHA-256, as the command line passes it to the pipeline. */
const nodeSha256 = (): Sha256 => {
  const h = createHash("sha256");
  return { update: (t) => void h.update(t, "utf8"), hex: () => h.digest("hex") };
};

const MB = 1024 * 1024;
const gc = (globalThis as unknown as { gc?: () => void }).gc ?? ((): void => undefined);

/** Peak resident set size of this process so far, in bytes (VmHWM; maxRSS where /proc is absent). */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS * 1024;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function done(result: object): void {
  process.stdout.write(`\n${JSON.stringify({ ...result, peakRssMB: peakRss() / MB })}\n`);
}

function shapeArg(arg: string) {
  const { issue5Shape, shapeFor } = generateModule();
  return arg === "issue5" ? issue5Shape() : shapeFor(Number(arg));
}

function engine(rowsArg: string, runsArg: string): void {
  const { assess } = engineModule();
  const ledger = generateModule().generateLedger(shapeArg(rowsArg));
  const runs = Number(runsArg);
  gc();
  const heapTables = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let peakHeap = 0;
  let status = "";
  let total: number | null = null;
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const a = assess(ledger.tables);
    times.push(performance.now() - t0);
    // Heap right after the run, before any forced collection: what the run retained plus the
    // garbage it left (an upper estimate of its own peak, since young-generation collections run
    // along the way).
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - before);
    status = a.status;
    total = a.status === "invalid" ? null : a.totalHundredths;
    diagnostics = a.diagnostics.length;
  }
  done({
    mode: "engine",
    rows: ledger.rows,
    staff: ledger.staff,
    shape: ledger.shape,
    runs,
    times,
    medianMs: median(times),
    tablesHeapMB: heapTables / MB,
    runHeapMB: peakHeap / MB,
    heapTotalMB: v8.getHeapStatistics().total_heap_size / MB,
    status,
    total,
    diagnostics,
  });
}

function xlsx(rowsArg: string, file: string, seed?: string): void {
  const { generateLedger, ledgerXlsx } = generateModule();
  const ledger = generateLedger(shapeArg(rowsArg), seed === undefined ? undefined : Number(seed));
  const bytes = ledgerXlsx(ledger.tables);
  writeFileSync(file, bytes);
  done({ mode: "xlsx", rows: ledger.rows, staff: ledger.staff, bytes: bytes.length });
}

function pieces(file: string, out: string): void {
  const { scoreLedger, writePlan } = pipelineModule();
  const { readLedgerXlsx, writeScoredCopy } = xlsxModule();
  const { nodeCodec } = nodeCodecModule();
  const t: Record<string, number> = {};
  let m = performance.now();
  const lap = (name: string): void => {
    const n = performance.now();
    t[name] = n - m;
    m = n;
  };
  const bytes = readFileSync(file);
  lap("readFile");
  const read = readLedgerXlsx(bytes, nodeCodec);
  lap("read");
  const { assessment: a, fingerprint } = scoreLedger(read.tables, {}, nodeSha256);
  lap("score");
  if (a.status === "invalid") throw new Error(`${file} does not score`);
  const plan = writePlan(a, fingerprint, { previousLog: null, now: new Date() });
  lap("plan");
  const scored = writeScoredCopy(bytes, plan.summary, nodeCodec, plan.log);
  lap("write");
  writeFileSync(out, scored);
  lap("writeFile");
  done({
    mode: "pieces",
    rows: read.tables.reduce((n: number, x: RawTable) => n + x.rows.length, 0),
    times: t,
    status: a.status,
    total: a.totalHundredths,
    outBytes: scored.length,
  });
}

/**
 * The ratios of the three speed targets, in one process on one file: reading it
 * (`readLedgerXlsx`) against inflating the very parts the read inflates with the same codec
 * (`measureRead`, ROUNDS runs each, alternately), then scoring it (`scoreLedger`: assess plus the
 * fingerprint) ROUNDS times; the parent compares the medians.
 */
function ratios(file: string, roundsArg: string): void {
  const { scoreLedger } = pipelineModule();
  const { readLedgerXlsx } = xlsxModule();
  const { nodeCodec } = nodeCodecModule();
  const { measureRead } = require("./measureRead") as typeof import("./measureRead");
  const bytes = readFileSync(file);
  const rounds = Number(roundsArg);
  const m = measureRead(bytes, nodeCodec, rounds);
  const { tables } = readLedgerXlsx(bytes, nodeCodec);
  const score: number[] = [];
  let status = "";
  for (let i = 0; i < rounds; i++) {
    gc();
    const t0 = performance.now();
    status = scoreLedger(tables, {}, nodeSha256).assessment.status;
    score.push(performance.now() - t0);
  }
  done({
    mode: "ratios",
    // measureRead gives medians already: one figure each.
    times: { inflate: [m.inflateMs], read: [m.readMs], score },
    firstReadMs: m.firstReadMs,
    inflatedBytes: m.inflatedBytes,
    fileBytes: bytes.length,
    status,
  });
}

async function cli(file: string, out: string): Promise<void> {
  // Node's own start-up, then the command line's bundle (commander, the engine, the .xlsx
  // reader/writer, and whatever they import at load time), as bin/om-scorecard.js loads it.
  const bootMs = performance.now();
  const { main } = require(
    path.join(ROOT, "build/cli/main.js")
  ) as typeof import("../src/cli/main");
  const loadMs = performance.now() - bootMs;
  let stdout = "";
  const code = await main(["assess", file, "--out", out, "--force", "--json"], {
    stdout: async (s) => void (stdout += s),
    stderr: async () => undefined,
  });
  // Exit 1 is a refusal (an output that exists, a bad option): nothing was measured.
  if (code === 1) throw new Error(`assess refused to run: ${stdout}`);
  const json = JSON.parse(stdout) as ReturnType<typeof toJson>;
  done({
    mode: "cli",
    code,
    status: json.status,
    total: json.total,
    bootMs,
    loadMs,
    sinceStartMs: performance.now(),
  });
}

/**
 * A batch through the built command line, as `om-scorecard assess PATH... --json` runs it: the
 * moment each ledger finished (from its progress line on stderr), the exit status and the JSON's
 * statuses. Peak RSS (VmHWM) covers the whole batch.
 */
async function batch(paths: string[]): Promise<void> {
  const { main } = require(
    path.join(ROOT, "build/cli/main.js")
  ) as typeof import("../src/cli/main");
  const finished: number[] = [];
  let stdout = "";
  const t0 = performance.now();
  const code = await main(["assess", ...paths, "--force", "--json"], {
    stdout: async (s) => void (stdout += s),
    stderr: async () => void finished.push(performance.now() - t0),
  });
  if (code === 1) throw new Error(`assess refused to run: ${stdout}`);
  const json = JSON.parse(stdout) as { ledgers: { status: string; total: number | null }[] };
  done({
    mode: "batch",
    code,
    ledgers: json.ledgers.length,
    statuses: [...new Set(json.ledgers.map((l) => l.status))],
    finishedMs: finished,
    totalMs: performance.now() - t0,
  });
}

async function adapter(rowsArg: string): Promise<void> {
  const { assess } = engineModule();
  const { buildSummary } = summaryModule();
  const OfficeFake = require("../../test/fakes/officeFake.js");
  const excel = require("../src/excel") as typeof import("../src/excel");
  const ledger = generateModule().generateLedger(shapeArg(rowsArg));
  // Every table an Excel table (ListObject) on its own sheet at A1.
  const spec = {
    sheets: ledger.tables.map((t) => OfficeFake.tableSheet(t.sheet, t.name, t.headers, t.rows)),
  };
  const host = OfficeFake.createHost(spec, { payloadLimit: 5 * MB });
  (globalThis as unknown as { Excel: unknown }).Excel = host.Excel;
  const stats = { syncs: 0, batches: 0 };
  const t0 = performance.now();
  const tables = await excel.readLedger(stats);
  const readMs = performance.now() - t0;
  const readSyncs = host.syncs.slice();
  const a = assess(tables);
  const t1 = performance.now();
  const writeStats = { syncs: 0 };
  if (a.status !== "invalid") await excel.writeSummary(buildSummary(a), writeStats);
  const writeMs = performance.now() - t1;
  const writeSyncs = host.syncs.slice(readSyncs.length);
  type S = { requestBytes: number; responseBytes: number };
  const sum = (xs: S[], k: keyof S): number => xs.reduce((n, s) => n + s[k], 0);
  const max = (xs: S[], k: keyof S): number => xs.reduce((n, s) => Math.max(n, s[k]), 0);

  // What the pane does (SPEC §13), on a fresh copy of the same workbook: opening (listTables),
  // the 台账自上次评分后已修改 check (checkLedger), and Assess (runAssessment: read, score,
  // write the summary and the 考核记录 row). Round trips, bytes, largest request and response.
  const pane = OfficeFake.createHost(spec, { payloadLimit: 5 * MB });
  (globalThis as unknown as { Excel: unknown }).Excel = pane.Excel;
  const step = async (run: () => Promise<unknown>) => {
    const from = pane.syncs.length;
    await run();
    const xs: S[] = pane.syncs.slice(from);
    return {
      syncs: xs.length,
      responseMB: sum(xs, "responseBytes") / MB,
      requestMB: sum(xs, "requestBytes") / MB,
      maxResponseMB: max(xs, "responseBytes") / MB,
      maxRequestMB: max(xs, "requestBytes") / MB,
    };
  };
  const open = await step(() => excel.listTables());
  const check = await step(() => excel.checkLedger());
  const t2 = performance.now();
  const assessRun = await step(() => excel.runAssessment({}, () => new Date(Date.UTC(2025, 6, 1))));
  const assessMs = performance.now() - t2;
  done({
    open,
    check,
    assess: assessRun,
    assessMs,
    mode: "adapter",
    rows: ledger.rows,
    readSyncs: readSyncs.length,
    batches: stats.batches,
    readResponseMB: sum(readSyncs, "responseBytes") / MB,
    readMaxResponseMB: max(readSyncs, "responseBytes") / MB,
    readMaxRequestBytes: max(readSyncs, "requestBytes"),
    writeSyncs: writeSyncs.length,
    writeRequestMB: sum(writeSyncs, "requestBytes") / MB,
    writeMaxRequestMB: max(writeSyncs, "requestBytes") / MB,
    readMs,
    writeMs,
    status: a.status,
  });
}

async function childMain(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  switch (mode) {
    case "engine":
      return engine(args[0], args[1] ?? "5");
    case "xlsx":
      return xlsx(args[0], args[1], args[2]);
    case "pieces":
      return pieces(args[0], args[1]);
    case "cli":
      return cli(args[0], args[1]);
    case "batch":
      return batch(args);
    case "ratios":
      return ratios(args[0], args[1] ?? "5");
    case "adapter":
      return adapter(args[0]);
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

childMain().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
