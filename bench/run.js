#!/usr/bin/env node
/*
 * `npm run bench`: how fast and how big. A benchmark script, not a test — it prints a table of
 * figures and says, for each target, "met" or "MISSED". Exit status is 0 either way (a missed
 * target is a finding, not a crash); 1 only when a measurement itself failed.
 *
 *   node bench/run.js [engine] [cli] [ratios] [batch] [adapter] [web] [--runs N] [--no-build]
 *   (--runs: command-line runs per ledger and column, default 5)
 *
 * 1. Compiles src + bench with tsconfig.bench.json into build-bench/ (gitignored), and the
 *    command line's bundle with webpack.cli.js into build/ (what bin/om-scorecard.js runs).
 * 2. Every measurement runs in a fresh child process (node --expose-gc), so its heap and peak RSS
 *    are its own. Synthetic ledgers are generated deterministically from a fixed seed
 *    (bench/generate.ts); the .xlsx files are cached in $TMPDIR/om-scorecard-bench-v1.
 * 3. `ratios` holds the command line to three floors on the 130k-row ledger: start-up against
 *    `node -e 0`, reading against inflating the same parts alone, and scoring against reading.
 * 4. `batch` scores a folder of 50 ledgers of 10k rows in one run (SPEC §12): time per ledger,
 *    and peak RSS against one ledger's single run (target ≤ 1.5×).
 * 5. `web` runs the 130k-row ledger through the built web page in headless Chromium against the
 *    command line on the same file (bench/web.js), target within 3 ×, with the browser's memory.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const CHILD = path.join(ROOT, "build-bench/bench/child.js");
const BIN = path.join(ROOT, "bin/om-scorecard.js");
const CACHE = path.join(os.tmpdir(), "om-scorecard-bench-v1");

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const parts = ["engine", "cli", "ratios", "batch", "adapter", "web"].filter((p) =>
  argv.includes(p)
);
const want = (p) => parts.length === 0 || parts.includes(p);
const RUNS = opt("--runs", 5);

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMs = (n) => (n >= 100 ? fmtInt(n) : n.toFixed(1));
const fmtMB = (n) => n.toFixed(0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run a child measurement; returns its JSON result and the wall time seen from outside. */
function child(args, { heap, semiSpace } = {}) {
  const nodeArgs = ["--expose-gc"];
  if (heap) nodeArgs.push(`--max-old-space-size=${heap}`);
  // As NODE_OPTIONS=--max-semi-space-size=N gives it to the command line (docs/cli.md).
  if (semiSpace) nodeArgs.push(`--max-semi-space-size=${semiSpace}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, CHILD, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    process.stderr.write(r.stderr || "");
    throw new Error(`child ${args.join(" ")} exited with ${r.status ?? r.signal}`);
  }
  const last = r.stdout.trim().split("\n").pop();
  return { ...JSON.parse(last), wallMs };
}

/** A plain-text table with aligned columns. */
function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ");
  return [line(headers), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

const verdicts = [];
function target(name, ok, detail) {
  verdicts.push([name, ok ? "met" : "MISSED", detail]);
}

function build() {
  if (flag("--no-build")) return;
  const steps = [
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.bench.json"],
    ["node_modules/webpack-cli/bin/cli.js", "--config", "webpack.cli.js"],
  ];
  for (const [script, ...args] of steps) {
    const r = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (r.status !== 0) {
      process.stdout.write(r.stdout);
      throw new Error(`could not build the benchmark (${path.basename(script)} ${args.join(" ")})`);
    }
  }
}

function benchEngine() {
  const sizes = [
    [10_000, 9],
    [100_000, 7],
    [1_000_000, 5],
  ];
  const rows = [];
  for (const [n, runs] of sizes) {
    const r = child(["engine", String(n), String(runs)]);
    rows.push([
      fmtInt(r.rows),
      `${fmtInt(r.shape.punches)} / ${fmtInt(r.shape.tickets)} / ${r.shape.complaints} / ${r.shape.surveys}`,
      fmtInt(r.staff),
      r.runs,
      fmtMs(r.medianMs),
      fmtMs(Math.min(...r.times)),
      fmtInt(r.rows / (r.medianMs / 1000)),
      fmtMB(r.tablesHeapMB),
      fmtMB(r.runHeapMB),
      fmtMB(r.peakRssMB),
      `${r.status} ${(r.total / 100).toFixed(2)}`,
    ]);
    if (n === 1_000_000)
      target(
        "engine scores 1M rows in under 1 s",
        r.medianMs < 1000,
        `median ${fmtMs(r.medianMs)} ms (min ${fmtMs(Math.min(...r.times))} ms)`
      );
  }
  console.log("\n## Engine only: assess(RawTables already in memory)\n");
  console.log(
    table(
      [
        "rows",
        "punches / tickets / complaints / surveys",
        "staff",
        "runs",
        "median ms",
        "min ms",
        "rows/s (median)",
        "input heap MB",
        "run heap MB",
        "peak RSS MB",
        "result",
      ],
      rows
    )
  );
  console.log(
    "\ninput heap: the RawTables, after gc. run heap: heap growth over one assess() before any forced gc (what it kept plus its garbage)."
  );
}

function ledgerFile(key) {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `ledger-${key}.xlsx`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    child(["xlsx", key, tmp]);
    fs.renameSync(tmp, file);
  }
  return file;
}

function benchCli() {
  const cases = [
    ["10000", "10k rows", null],
    ["100000", "100k rows", { wallMs: 5000, rssMB: 400 }],
    ["issue5", "issue 5: 60 staff × year + 100k tickets", { wallMs: 1200, rssMB: 250 }],
  ];
  const rows = [];
  for (const [key, label, goal] of cases) {
    const file = ledgerFile(key);
    const out = path.join(CACHE, `out-${key}.xlsx`);
    const pieces = [];
    const runs = [];
    for (let i = 0; i < RUNS; i++) pieces.push(child(["pieces", file, out]));
    for (let i = 0; i < RUNS; i++) runs.push(child(["cli", file, out]));
    const med = (k) => median(pieces.map((p) => p.times[k]));
    const wall = median(runs.map((r) => r.wallMs));
    const wallMin = Math.min(...runs.map((r) => r.wallMs));
    const rss = Math.max(...runs.map((r) => r.peakRssMB));
    rows.push([
      label,
      fmtInt(pieces[0].rows),
      `${(fs.statSync(file).size / 1048576).toFixed(1)}`,
      fmtMs(med("readFile") + med("read")),
      fmtMs(med("score")),
      fmtMs(med("plan")),
      fmtMs(med("write") + med("writeFile")),
      fmtMs(median(runs.map((r) => r.bootMs + r.loadMs))),
      `${fmtMs(wall)} / ${fmtMs(wallMin)}`,
      fmtMB(rss),
      `${runs[0].status} ${runs[0].total}`,
    ]);
    if (goal) {
      const name =
        key === "issue5"
          ? "CLI 130k-row ledger ≤ 1.2 s wall, ≤ 250 MB peak RSS"
          : "CLI 100k rows < 5 s wall, < 400 MB peak RSS";
      const okWall = key === "issue5" ? wall <= goal.wallMs : wall < goal.wallMs;
      const okRss = key === "issue5" ? rss <= goal.rssMB : rss < goal.rssMB;
      target(
        name,
        okWall && okRss,
        `wall median ${fmtMs(wall)} ms, min ${fmtMs(wallMin)} ms (${okWall ? "ok" : "over"}); peak RSS ${fmtMB(rss)} MB (${okRss ? "ok" : "over"})`
      );
    }
  }
  console.log(
    `\n## Command line end to end on .xlsx (median of ${RUNS} runs per column; each run a fresh process)\n`
  );
  console.log(
    table(
      [
        "ledger",
        "rows",
        "file MB",
        "read ms",
        "score ms",
        "plan ms",
        "write ms",
        "start-up ms",
        "wall ms median / min",
        "peak RSS MB",
        "result",
      ],
      rows
    )
  );
  console.log(
    "\nread = readFile + readLedgerXlsx; score = scoreLedger (assess + fingerprint); plan = writePlan (run record, summary" +
      "\nsheet, log row); write = writeScoredCopy + writeFile (pieces timed in one process);" +
      "\nstart-up = node start-up + loading the command line's bundle (build/cli/main.js), before the file is touched (part of wall);" +
      "\nwall = `assess FILE --out OUT --json` through the bundle's main(), from process spawn to exit (node start-up and module loading included);" +
      "\npeak RSS = VmHWM at exit, the largest of the runs. Targets are judged on the median wall time."
  );
}

/** Wall time of a command from spawn to exit, in ms; `expect` is its exit status. */
function spawnMs(args, expect) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== expect) {
    process.stderr.write(r.stderr || "");
    throw new Error(`${args.join(" ")} exited with ${r.status ?? r.signal}, not ${expect}`);
  }
  return ms;
}

/**
 * The three speed targets of issue 17 on the 130k-row ledger, each beside the floor it is
 * measured against:
 * - start-up: `om-scorecard assess` on a path that does not exist, spawn to exit — Node's start-up,
 *   the bundle loaded, the one failed read of the file and one line printed — against `node -e 0`,
 *   spawn to exit; the two alternate, STARTUP_RUNS each, medians compared;
 * - read: readLedgerXlsx against inflating the same parts alone (bench/child.ts `ratios`);
 * - assess + fingerprint (scoreLedger) against that read, in the same process.
 */
function benchRatios() {
  const STARTUP_RUNS = 15;
  const ROUNDS = 7;
  const file = ledgerFile("issue5");
  const missing = path.join(CACHE, "no-such-ledger.xlsx");
  const node = [];
  const cli = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    node.push(spawnMs(["-e", "0"], 0));
    cli.push(spawnMs([BIN, "assess", missing, "--json"], 2));
  }
  const r = child(["ratios", file, String(ROUNDS)]);
  const startup = median(cli);
  const floor = median(node);
  const inflate = median(r.times.inflate);
  const read = median(r.times.read);
  const score = median(r.times.score);
  const rows = [
    ["start-up (to the first touch of the file)", startup, "node -e 0", floor, 2],
    ["read (readLedgerXlsx)", read, "inflating its parts alone", inflate, 3],
    ["assess + fingerprint (scoreLedger)", score, "read", read, 1],
  ].map(([what, ms, floorName, floorMs, limit]) => {
    const ratio = ms / floorMs;
    const ok = ratio <= limit;
    target(
      `${what} ≤ ${limit}× ${floorName}`,
      ok,
      `${fmtMs(ms)} / ${fmtMs(floorMs)} ms = ${ratio.toFixed(2)}×`
    );
    return [
      what,
      fmtMs(ms),
      floorName,
      fmtMs(floorMs),
      `${ratio.toFixed(2)}×`,
      `≤ ${limit}×`,
      ok ? "met" : "MISSED",
    ];
  });
  console.log(
    `\n## Against the floors: the 130k-row ledger (${fmtInt(r.fileBytes / 1024)} KB .xlsx, ${(r.inflatedBytes / 1048576).toFixed(1)} MB inflated)\n`
  );
  console.log(table(["measure", "ms", "floor", "floor ms", "ratio", "target", "verdict"], rows));
  console.log(
    `\nstart-up: \`om-scorecard assess\` on a missing file (exit 2), spawn to exit, against \`node -e 0\`; median of ${STARTUP_RUNS} each, alternating.` +
      `\nread, inflate, score: one process, ${ROUNDS} rounds in turn (inflate the worksheet, shared-string and table parts; readLedgerXlsx;` +
      "\nscoreLedger with Node's SHA-256), medians; a gc before each."
  );
}

/**
 * SPEC §12, one ledger at a time: `assess FOLDER` on 50 ledgers of 10k rows (each its own seed,
 * so no two are alike), against single runs of the first of them. Time per ledger from the batch's
 * progress lines (the first ten against the last ten: linear when they match); peak RSS of the
 * batch against the largest of the single runs.
 */
function benchBatch() {
  const COUNT = 50;
  const folder = path.join(CACHE, "batch-50x10k");
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(folder, `ledger-${String(i + 1).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(file)) {
      const tmp = path.join(CACHE, `batch-${i}.${process.pid}.tmp`);
      child(["xlsx", "10000", tmp, String(20240701 + i)]);
      fs.renameSync(tmp, file);
    }
  }
  const first = path.join(folder, "ledger-01.xlsx");
  const out = path.join(CACHE, "out-batch-single.xlsx");
  const singles = [];
  for (let i = 0; i < RUNS; i++) singles.push(child(["cli", first, out]));
  const files = fs
    .readdirSync(folder)
    .filter((f) => /^ledger-\d+\.xlsx$/.test(f))
    .sort();
  const b10 = child(["batch", ...files.slice(0, 10).map((f) => path.join(folder, f))]);
  const b = child(["batch", folder]);
  if (b.ledgers !== COUNT) throw new Error(`batch scored ${b.ledgers} ledgers, not ${COUNT}`);
  // The setting docs/cli.md offers a machine short of memory: V8's young generation kept small.
  const small = child(["batch", folder], { semiSpace: 4 });
  const per = b.finishedMs.map((t, i) => t - (i ? b.finishedMs[i - 1] : 0));
  const singleWall = median(singles.map((r) => r.wallMs));
  const singleWork = median(singles.map((r) => r.sinceStartMs - r.bootMs - r.loadMs));
  const singleRss = Math.max(...singles.map((r) => r.peakRssMB));
  const head = median(per.slice(0, 10));
  const tail = median(per.slice(-10));
  const rssRatio = b.peakRssMB / singleRss;
  console.log(
    `\n## Many ledgers at once: assess FOLDER of ${COUNT} ledgers of 10k rows (SPEC §12)\n`
  );
  console.log(
    table(
      [
        "run",
        "ledgers",
        "wall ms",
        "ms per ledger (median)",
        "first 10 / last 10 ms",
        "peak RSS MB",
        "statuses",
      ],
      [
        [
          "single run (ledger-01)",
          1,
          fmtMs(singleWall),
          fmtMs(singleWork),
          "",
          fmtMB(singleRss),
          singles[0].status,
        ],
        [
          "batch of 10 (one process)",
          10,
          fmtMs(b10.wallMs),
          fmtMs(median(b10.finishedMs.map((t, i) => t - (i ? b10.finishedMs[i - 1] : 0)))),
          "",
          fmtMB(b10.peakRssMB),
          b10.statuses.join(" "),
        ],
        [
          "batch (one process)",
          COUNT,
          fmtMs(b.wallMs),
          fmtMs(median(per)),
          `${fmtMs(head)} / ${fmtMs(tail)}`,
          fmtMB(b.peakRssMB),
          b.statuses.join(" "),
        ],
        [
          "batch, --max-semi-space-size=4",
          COUNT,
          fmtMs(small.wallMs),
          fmtMs(median(small.finishedMs.map((t, i) => t - (i ? small.finishedMs[i - 1] : 0)))),
          "",
          `${fmtMB(small.peakRssMB)} (${(small.peakRssMB / singleRss).toFixed(2)}×)`,
          small.statuses.join(" "),
        ],
      ]
    )
  );
  console.log(
    "\nsingle: median of the runs, ms per ledger = the run without node start-up and loading the bundle; peak RSS the largest." +
      "\nbatch: ms per ledger from its progress lines (read, score, write the copy); first/last 10 = medians of the first and last ten ledgers."
  );
  target(
    `batch of ${COUNT} × 10k rows: peak RSS ≤ 1.5× one ledger's`,
    rssRatio <= 1.5,
    `${fmtMB(b.peakRssMB)} / ${fmtMB(singleRss)} MB = ${rssRatio.toFixed(2)}×`
  );
  target(
    `batch: peak RSS of ${COUNT} ledgers ≤ 1.1× that of 10 (flat in the number of ledgers)`,
    b.peakRssMB <= b10.peakRssMB * 1.1,
    `${fmtMB(b.peakRssMB)} / ${fmtMB(b10.peakRssMB)} MB = ${(b.peakRssMB / b10.peakRssMB).toFixed(2)}×`
  );
  target(
    `batch of ${COUNT} × 10k rows: time linear (last ten ledgers ≤ 1.5× the first ten)`,
    tail <= head * 1.5,
    `${fmtMs(head)} → ${fmtMs(tail)} ms per ledger; ${fmtMs(b.wallMs)} ms for ${COUNT} = ${fmtMs(b.wallMs / COUNT)} ms each, single run ${fmtMs(singleWall)} ms`
  );
}

function benchAdapter() {
  const adapterFiles = ["src/excel/index.ts", "test/fakes/officeFake.js"].map((f) =>
    path.join(ROOT, f)
  );
  const missing = adapterFiles.filter((f) => !fs.existsSync(f));
  console.log(
    "\n## Excel adapter against the recording Office.js fake (test/fakes/officeFake.js)\n"
  );
  if (missing.length) {
    console.log(
      `adapter: not measured (${missing.map((f) => path.relative(ROOT, f)).join(", ")} not found)`
    );
    return;
  }
  const rows = [];
  const results = [];
  let packingOk = true;
  const packing = [];
  for (const n of [10_000, 100_000, 1_000_000]) {
    let r;
    try {
      r = child(["adapter", String(n)], { heap: 8192 });
    } catch (e) {
      rows.push([fmtInt(n), "failed", "", "", "", "", "", "", "", ""]);
      results.push({ n, error: e.message });
      packingOk = false;
      continue;
    }
    results.push({ n, ...r });
    // One per 4 MB: batches against the ideal ceil(actual response bytes / 4 MB).
    const ideal = Math.ceil(r.readResponseMB / 4);
    packingOk = packingOk && r.batches <= ideal + 1;
    packing.push(
      `${fmtInt(n)}: ${r.batches} vs ${ideal} (${(r.readResponseMB / Math.max(1, r.batches)).toFixed(2)} MB/batch)`
    );
    rows.push([
      fmtInt(r.rows),
      r.readSyncs,
      r.batches,
      r.readResponseMB.toFixed(1),
      r.readMaxResponseMB.toFixed(2),
      fmtInt(r.readMaxRequestBytes),
      r.writeSyncs,
      r.writeMaxRequestMB.toFixed(2),
      fmtMs(r.readMs),
      fmtMB(r.peakRssMB),
    ]);
  }
  // Constant plus one per chunk: read syncs minus batches is the same small constant at every
  // size, every response is under Excel on the web's 5 MB limit, and the write is a constant.
  const ok = results.filter((r) => !r.error);
  const constants = new Set(ok.map((r) => r.readSyncs - r.batches));
  const writes = new Set(ok.map((r) => r.writeSyncs));
  const structureOk =
    ok.length === results.length &&
    constants.size === 1 &&
    [...constants][0] <= 3 &&
    writes.size === 1 &&
    ok.every((r) => r.readMaxResponseMB < 5);
  const structure = results.map((r) =>
    r.error
      ? `${fmtInt(r.n)}: ${r.error}`
      : `${fmtInt(r.n)}: ${r.readSyncs} = ${r.readSyncs - r.batches} + ${r.batches} batches, write ${r.writeSyncs}`
  );
  console.log(
    table(
      [
        "rows",
        "read syncs",
        "batches",
        "read resp MB",
        "max resp MB",
        "max read req B",
        "write syncs",
        "max write req MB",
        "read ms (fake)",
        "peak RSS MB",
      ],
      rows
    )
  );
  console.log(
    "\nresp/req MB: UTF-8 bytes of the JSON the fake records per context.sync (Excel on the web rejects > 5 MB)."
  );
  // SPEC §13: what the pane costs in round trips and bytes — opening it, the 台账自上次评分后已修改
  // check (on 刷新 only), and Assess (read, score, write the summary and the 考核记录 row).
  const paneRows = [];
  for (const r of ok) {
    if (!r.open) continue;
    for (const [name, x] of [
      ["open", r.open],
      ["check (刷新)", r.check],
      ["Assess", r.assess],
    ])
      paneRows.push([
        fmtInt(r.rows),
        name,
        x.syncs,
        x.responseMB.toFixed(2),
        x.requestMB.toFixed(2),
        x.maxResponseMB.toFixed(2),
        x.maxRequestMB.toFixed(3),
      ]);
  }
  if (paneRows.length) {
    console.log("");
    console.log(
      table(
        ["rows", "pane step", "round trips", "resp MB", "req MB", "max resp MB", "max req MB"],
        paneRows
      )
    );
    const hundredK = ok.find((r) => r.rows >= 100_000 && r.rows < 1_000_000 && r.assess);
    target(
      "adapter: opening reads no ledger rows (3 round trips, < 0.1 MB) at every size",
      ok.every((r) => !r.open || (r.open.syncs <= 3 && r.open.responseMB < 0.1)),
      ok
        .map((r) =>
          r.open ? `${fmtInt(r.rows)}: ${r.open.syncs}, ${r.open.responseMB.toFixed(3)} MB` : ""
        )
        .join("; ")
    );
    target(
      "adapter: Assess at 100,000 rows ≤ 10 round trips, every trip < 5 MB",
      !!hundredK &&
        hundredK.assess.syncs <= 10 &&
        ok.every((r) => !r.assess || (r.assess.maxResponseMB < 5 && r.assess.maxRequestMB < 5)),
      hundredK ? `${hundredK.assess.syncs} round trips` : "not measured"
    );
  }
  target(
    "adapter: round trips = constant + one per batch; write constant; responses < 5 MB",
    structureOk,
    structure.join("; ")
  );
  target("adapter: batches ≤ ⌈actual response / 4 MB⌉ + 1", packingOk, packing.join("; "));
}

/**
 * SPEC §11: the 130k-row ledger through the web page (dist/om-scorecard.html in headless
 * Chromium, bench/web.js) against the command line on the same file, alternating, in one run.
 * Needs the page built (`npm run build`); skipped with a note when it is not.
 */
function benchWeb() {
  const page = path.join(ROOT, "dist/om-scorecard.html");
  if (!fs.existsSync(page)) {
    console.log("\n## Web page: skipped (no dist/om-scorecard.html: run npm run build)");
    return;
  }
  const file = ledgerFile("issue5");
  const runs = Math.min(RUNS, 3);
  const r = spawnSync(process.execPath, [path.join(__dirname, "web.js"), file, String(runs)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || "");
    throw new Error(`bench/web.js exited with ${r.status ?? r.signal}`);
  }
  const w = JSON.parse(r.stdout.trim().split("\n").pop());
  const cli = median(w.cliMs);
  const web = median(w.pageMs);
  console.log(
    `\n## Web page against the command line: the 130k-row ledger (${runs} runs each, alternating)\n`
  );
  console.log(
    table(
      ["host", "median ms", "runs ms", "peak memory"],
      [
        ["command line (spawn to exit)", fmtMs(cli), w.cliMs.map(fmtMs).join(" "), "—"],
        [
          "web page (click 评分 to download saved)",
          fmtMs(web),
          w.pageMs.map(fmtMs).join(" "),
          `page heap ${fmtMB(w.heapMB)} MB${w.workerHeapMB ? `, worker heap ${fmtMB(w.workerHeapMB)} MB` : ""}, renderer peak RSS ${fmtMB(w.rendererPeakMB)} MB`,
        ],
      ]
    )
  );
  console.log(
    `\npage load (file:// to the file input ready): ${w.pageLoadMs.map(fmtMs).join(" ")} ms; click to download button: ${w.pageScoredMs.map(fmtMs).join(" ")} ms` +
      `\nverify on the page's copy: ${w.verify}; requests beyond the file: ${w.outsideRequests.length}; CLI total ${w.cliTotal} tier ${w.cliTier}` +
      "\nheaps: performance.memory.usedJSHeapSize (--enable-precise-memory-info), polled every 50 ms (Chromium gives it in the page, not in workers);" +
      "\nrenderer peak RSS: VmHWM of the page's renderer process (page and worker), the largest of the runs."
  );
  target(
    "web page 130k-row ledger within 3 × the command line",
    web <= 3 * cli && w.verify === "match" && w.outsideRequests.length === 0,
    `${fmtMs(web)} ms against ${fmtMs(cli)} ms (${(web / cli).toFixed(2)} ×); verify ${w.verify}`
  );
}

function mainBench() {
  const t0 = Date.now();
  console.log(
    `# om-scorecard bench — node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`
  );
  console.log(`seed 20240701; .xlsx cache ${CACHE}`);
  if (os.loadavg()[0] > os.cpus().length * 0.75) {
    console.log(
      `note: the machine is busy (load ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs); times below are pessimistic — rerun on an idle machine for clean figures.`
    );
  }
  build();
  if (want("engine")) benchEngine();
  if (want("cli")) benchCli();
  if (want("ratios")) benchRatios();
  if (want("batch")) benchBatch();
  if (want("adapter")) benchAdapter();
  if (want("web")) benchWeb();
  if (verdicts.length) {
    console.log("\n## Targets\n");
    console.log(table(["target", "verdict", "measured"], verdicts));
  }
  console.log(
    `\nbench finished in ${((Date.now() - t0) / 1000).toFixed(0)} s; load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`
  );
}

try {
  mainBench();
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
}
