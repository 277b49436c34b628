#!/usr/bin/env node
/*
 * The web page against the command line on the same ledger (SPEC §11 "Speed"), in one run:
 *
 *   node bench/web.js FILE RUNS   → one JSON line
 *
 * Opens the built dist/om-scorecard.html over file:// in headless Chromium (Debian's, through
 * playwright-core), sets FILE on the page's file input, clicks 评分 and times click → download
 * saved (reading the File, the worker's read, score and write, the copy back to the page and the
 * download); the page's load is timed apart. The command line's time is `assess FILE --out OUT
 * --json` from spawn to exit (Node's start-up included). The runs alternate, RUNS each.
 * Memory: the page's JS heap as the browser reports it (performance.memory, polled every 50 ms,
 * with --enable-precise-memory-info), the worker's heap likewise from inside the worker, and the
 * peak RSS (VmHWM) of the browser's renderer processes started by this script.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { launchChromium } = require("../test/support/chromium.js");

const ROOT = path.resolve(__dirname, "..");
const PAGE = path.join(ROOT, "dist/om-scorecard.html");
const BIN = path.join(ROOT, "bin/om-scorecard.js");

/** Processes below `root` in the process tree, with their command lines. */
function descendants(root) {
  const parent = new Map();
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (pid) => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...parent.keys()].filter(below);
}

/** Largest VmHWM (peak RSS, MB) among this script's Chromium renderer processes. */
function rendererPeakMB() {
  let peak = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return peak;
}

function cliMs(file, out) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, "assess", file, "--out", out, "--force", "--json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`cli exited ${r.status}: ${r.stderr}`);
  return { ms, json: JSON.parse(r.stdout) };
}

async function pageRun(browser, file, dir) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const t0 = Date.now();
  await page.goto(pathToFileURL(PAGE).href);
  await page.locator('input[type="file"]').waitFor();
  const loadMs = Date.now() - t0;
  let heap = 0;
  let workerHeap = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      heap = Math.max(heap, await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
      for (const w of page.workers())
        workerHeap = Math.max(
          workerHeap,
          await w.evaluate(() => self.performance.memory?.usedJSHeapSize ?? 0).catch(() => 0)
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await page.locator('input[type="file"]').setInputFiles(file);
  const t1 = Date.now();
  await page.getByRole("button", { name: "评分", exact: true }).click();
  await page.getByTestId("download").waitFor({ timeout: 600_000 });
  const scoredMs = Date.now() - t1;
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download").click(),
  ]);
  const saved = path.join(dir, "page.scored.xlsx");
  await download.saveAs(saved);
  const totalMs = Date.now() - t1;
  polling = false;
  await poll;
  // Read before the context closes: its renderer process ends with it.
  const rendererMB = rendererPeakMB();
  await context.close();
  return {
    loadMs,
    scoredMs,
    totalMs,
    heapMB: heap / 1048576,
    workerHeapMB: workerHeap / 1048576,
    rendererMB,
    requests,
    saved,
  };
}

async function main() {
  const [file, runsText] = process.argv.slice(2);
  const runs = Number(runsText ?? 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "om-web-bench-"));
  const browser = await launchChromium(["--enable-precise-memory-info"]);
  try {
    const cli = [];
    const page = [];
    let cliJson = null;
    for (let i = 0; i < runs; i++) {
      const c = cliMs(file, path.join(dir, "cli.scored.xlsx"));
      cli.push(c.ms);
      cliJson = c.json;
      page.push(await pageRun(browser, file, dir));
    }
    const outside = page
      .flatMap((p) => p.requests)
      .filter((u) => !u.startsWith("file:") && !u.startsWith("blob:"));
    const verify = spawnSync(process.execPath, [BIN, "verify", page[0].saved, "--json"], {
      encoding: "utf8",
    });
    process.stdout.write(
      `${JSON.stringify({
        cliMs: cli,
        pageMs: page.map((p) => p.totalMs),
        pageScoredMs: page.map((p) => p.scoredMs),
        pageLoadMs: page.map((p) => p.loadMs),
        heapMB: Math.max(...page.map((p) => p.heapMB)),
        workerHeapMB: Math.max(...page.map((p) => p.workerHeapMB)),
        rendererPeakMB: Math.max(...page.map((p) => p.rendererMB)),
        outsideRequests: outside,
        verify: JSON.parse(verify.stdout).outcome,
        cliTotal: cliJson.total,
        cliTier: cliJson.tier,
      })}\n`
    );
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exitCode = 1;
});
