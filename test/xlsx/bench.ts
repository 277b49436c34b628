/**
 * Read/write timing and peak memory on a generated 130k-row ledger (28k punch rows, 100k tickets).
 * Not a jest test. Run:
 *   npx tsc --outDir /tmp/xlsx-bench --module commonjs --target es2020 --esModuleInterop --skipLibCheck test/xlsx/bench.ts
 *   NODE_PATH=node_modules node /tmp/xlsx-bench/test/xlsx/bench.js gen /tmp/om-bench.xlsx       # build the workbook (exceljs)
 *   NODE_PATH=node_modules node /tmp/xlsx-bench/test/xlsx/bench.js once /tmp/om-bench.xlsx      # fresh process: one read + one write, peak RSS
 *   NODE_PATH=node_modules node /tmp/xlsx-bench/test/xlsx/bench.js measure /tmp/om-bench.xlsx   # 5 reads + 5 writes (warm timings)
 *   NODE_PATH=node_modules node /tmp/xlsx-bench/test/xlsx/bench.js saxes /tmp/om-bench.xlsx     # the same sheets through saxes, for comparison
 */
import ExcelJS from "exceljs";
import fs from "fs";
import { SaxesParser } from "saxes";
import { readLedgerXlsx, writeScoredCopy } from "../support/workbook";
import { scanSharedStrings, scanWorksheet } from "../../src/workbook/sheetScan";
import { summaryFixture } from "./helpers";
import { partString } from "./helpers";

async function gen(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const punches = wb.addWorksheet("考勤");
  punches.addRow(["日期", "姓名", "时段", "时间", "结果"]);
  const names = Array.from({ length: 14 }, (_, i) => `工程师${i + 1}`);
  for (let i = 0; i < 28000; i++) {
    const slot = i % 2 ? "下班" : "上班";
    punches.addRow([
      45474 + Math.floor(i / 28),
      names[Math.floor(i / 2) % 14],
      slot,
      slot === "上班" ? 0.36 : 0.74,
      i % 97 ? "到岗" : "缺勤",
    ]);
  }
  const tickets = wb.addWorksheet("工单");
  const rows: (string | number)[][] = [];
  const statuses = ["已关闭", "待验证", "处理中", "已关闭", "挂起"];
  for (let i = 0; i < 100000; i++)
    rows.push([
      `GD-2024-${String(i + 1).padStart(6, "0")}`,
      i % 5 ? "是" : "否",
      statuses[i % 5],
      45474 + (i % 365),
    ]);
  tickets.addTable({
    name: "工单",
    ref: "A1",
    columns: [{ name: "工单号" }, { name: "流转乙方" }, { name: "状态" }, { name: "创建日期" }],
    rows,
  });
  await wb.xlsx.writeFile(file);
}

function measure(file: string): void {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const r = readLedgerXlsx(bytes);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    rows = r.tables.reduce((n, t) => n + t.rows.length, 0);
  }
  const rssAfterRead = process.memoryUsage().rss;
  const w: number[] = [];
  let out: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    out = writeScoredCopy(bytes, summaryFixture());
    w.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(
    JSON.stringify({
      fileMB: +(bytes.length / 1e6).toFixed(2),
      rows,
      readMs: runs.map((x) => Math.round(x)),
      writeMs: w.map((x) => Math.round(x)),
      outMB: +(out.length / 1e6).toFixed(2),
      rssAfterReadMB: Math.round(rssAfterRead / 1e6),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1e3),
    })
  );
}

/** What the command line does: one read and one write, in a fresh process. */
function once(file: string): void {
  const bytes = new Uint8Array(fs.readFileSync(file));
  let t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const r = readLedgerXlsx(bytes);
  const readMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const peakAfterRead = process.resourceUsage().maxRSS;
  t0 = process.hrtime.bigint();
  const out = writeScoredCopy(bytes, summaryFixture());
  const writeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    JSON.stringify({
      rows: r.tables.reduce((n, t) => n + t.rows.length, 0),
      readMs: Math.round(readMs),
      readCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      writeMs: Math.round(writeMs),
      outBytes: out.length,
      peakRssAfterReadMB: Math.round(peakAfterRead / 1e3),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1e3),
    })
  );
}

function saxes(file: string): void {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const sst = partString(bytes, "xl/sharedStrings.xml");
  const sheets = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((p) =>
    partString(bytes, p)
  );
  for (let i = 0; i < 3; i++) {
    let t0 = process.hrtime.bigint();
    const shared = scanSharedStrings(sst);
    for (const s of sheets) scanWorksheet(s, shared, false);
    const scanner = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    let cells = 0;
    let textChars = 0; // the values the parser collected, so its work is not optimised away
    for (const s of [sst, ...sheets]) {
      const p = new SaxesParser();
      let inV = false;
      let text = "";
      p.on("opentag", (t) => {
        if (t.name === "c") cells++;
        if (t.name === "v" || t.name === "t") ((inV = true), (text = ""));
      });
      p.on("text", (x) => {
        if (inV) text += x;
      });
      p.on("closetag", () => {
        if (inV) textChars += text.length;
        inV = false;
      });
      p.write(s).close();
    }
    const sax = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(
      JSON.stringify({ scannerMs: Math.round(scanner), saxesMs: Math.round(sax), cells, textChars })
    );
  }
}

const [mode, file] = process.argv.slice(2);
if (mode === "gen") void gen(file);
else if (mode === "measure") measure(file);
else if (mode === "saxes") saxes(file);
else if (mode === "once") once(file);
else console.error("usage: bench.js gen|once|measure|saxes FILE");
