/**
 * The web page (SPEC §11) in real headless Chromium, from the BUILT single file
 * dist/om-scorecard.html opened over file:// (and once from a local web server), with real .xlsx
 * ledgers: the sample, the DingTalk sample, month sheets, merged cells. Each test sets the
 * page's one file input, clicks 评分 and takes the downloads, then holds each download to the
 * command line's copy of the same file with the same options and the same clock: every part
 * of the two packages the same bytes once inflated (ledger parts, summary, run log, names), and
 * `om-scorecard verify` passing on it. Bad files (.xls, .csv, encrypted, truncated) get the
 * command line's message and no download. Every request the page makes is recorded (none but
 * the file itself), so is every Content-Security-Policy violation (none), and the browser's
 * storage is checked empty. axe WCAG 2 A/AA and 320 px, screenshot into test-output/. Several
 * files at once (SPEC §12): the overview on screen, its workbook and the zip of every copy, each
 * held to the command line's batch over the same files.
 *
 * Needs `npm run build` (the page) and `npm run build:cli` first, and Chromium at
 * /usr/bin/chromium.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { runCli } from "../support/cli";
import {
  asFile,
  expectSameAsCli,
  NOW,
  OUTPUT,
  PAGE_URL,
  parts,
  ROOT,
  servePage,
} from "../support/pageCopy";
import { d, invalidLedger, monthSheets, withSheets, xlsxFile } from "../hostile/ledgers";
import { cleanup } from "../hostile/harness";

const PAGE = path.join(ROOT, "dist/om-scorecard.html");
const { launchChromium } = require("../support/chromium.js");
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

let browser: Browser;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(OUTPUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "om-web-"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  cleanup();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Every request the page (or its worker) made, by URL. */
  requests: string[];
  /** Content-Security-Policy violations the page reported. */
  violations: () => Promise<string[]>;
  errors: string[];
}

/** Opens the page at `url` with the fixed clock, recording requests, violations and errors. */
async function open(url = PAGE_URL, width = 900): Promise<Opened> {
  const context = await browser.newContext({
    acceptDownloads: true,
    timezoneId: TZ,
    viewport: { width, height: 900 },
  });
  const requests: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript(`
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", function (e) {
      window.__violations.push(e.violatedDirective + " " + e.blockedURI);
    });
    Date.now = function () { return ${NOW}; };
  `);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).waitFor();
  return {
    context,
    page,
    requests,
    errors,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

/** Sets the files, clicks 评分 and takes every download, in the order the files were given. */
async function scoreOnPage(o: Opened, files: string[], asOf?: string): Promise<Uint8Array[]> {
  const { page } = o;
  await page.locator('input[type="file"]').setInputFiles(files);
  if (asOf) await page.getByTestId("as-of").fill(asOf);
  await page.getByRole("button", { name: "评分", exact: true }).click();
  const results = page.getByTestId("file-result");
  await page
    .getByTestId("download")
    .nth(files.length - 1)
    .waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("download").count()).toBe(files.length);
  const copies: Uint8Array[] = [];
  for (let i = 0; i < files.length; i++) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      results.nth(i).getByTestId("download").click(),
    ]);
    const base = path.basename(files[i], ".xlsx");
    expect(download.suggestedFilename()).toBe(`${base}.scored.xlsx`);
    const saved = path.join(dir, `page-${i}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    copies.push(fs.readFileSync(saved));
  }
  return copies;
}

/** No request but the page itself (blob: URLs are the page's own memory), no violation, storage empty. */
async function expectOffline(o: Opened): Promise<void> {
  // The recording works: the page's own load is in it.
  expect(o.requests).toContain(o.page.url());
  const outside = o.requests.filter((u) => u !== o.page.url() && !u.startsWith("blob:"));
  expect(outside).toEqual([]);
  expect(await o.violations()).toEqual([]);
  const storage = await o.page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  }));
  expect(storage).toEqual({ local: 0, session: 0, cookie: "", idb: 0 });
  expect(o.errors).toEqual([]);
}

test("the built page is one file whose first lines forbid every connection", () => {
  const html = fs.readFileSync(PAGE, "utf8");
  const head = html.split("\n").slice(0, 6).join("\n");
  expect(head).toMatch(
    /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'; worker-src blob:; connect-src 'none';/
  );
  // Nothing is loaded from anywhere: no src= or href= attribute at all.
  expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
  expect(fs.readdirSync(path.dirname(PAGE)).filter((f) => f.startsWith("om-scorecard"))).toEqual([
    "om-scorecard.html",
  ]);
});

test("scores the sample and the DingTalk sample as the command line does, offline", async () => {
  const files = [
    asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "ledger.xlsx"),
    asFile(fs.readFileSync(path.join(ROOT, "sample/ledger-dingtalk.xlsx")), "钉钉台账.xlsx"),
  ];
  const o = await open();
  const copies = await scoreOnPage(o, files);
  expect(await o.page.getByTestId("result").count()).toBe(2);
  for (let i = 0; i < files.length; i++) await expectSameAsCli(files[i], copies[i], []);
  // The page made a copy to download; it wrote no sheet of an open workbook, and says so.
  const written = await o.page.getByTestId("written").first().innerText();
  expect(written).toContain("下载评分结果");
  expect(written).not.toContain("已写入");

  // 核对 on the scored copy: match.
  const scored = asFile(copies[0], "ledger.scored.xlsx");
  await o.page.locator('input[type="file"]').setInputFiles([scored]);
  await o.page.getByRole("button", { name: "核对" }).click();
  await o.page.getByTestId("check-result").waitFor();
  expect(await o.page.getByTestId("check-result").getAttribute("data-outcome")).toBe("match");

  await expectOffline(o);
  await o.context.close();
});

test("month sheets and merged cells, with an as-of date, as the command line", async () => {
  const months = await xlsxFile(monthSheets());
  const merged = await xlsxFile(
    withSheets({
      考勤: {
        rows: [
          [d("2024-07-01"), "张三", "上班", null, "到岗"],
          [null, null, "下班", null, "到岗"],
        ],
      },
    }),
    (wb) => {
      wb.getWorksheet("考勤")!.mergeCells("A2:A3");
      wb.getWorksheet("考勤")!.mergeCells("B2:B3");
    }
  );
  const files = [
    asFile(fs.readFileSync(months), "月表.xlsx"),
    asFile(fs.readFileSync(merged), "合并单元格.xlsx"),
  ];
  const o = await open();
  await o.page.getByText("上限归上档").click();
  await o.page.getByText("先四舍五入到整百分数").click();
  const copies = await scoreOnPage(o, files, "2024-07-01");
  const args = ["--as-of", "2024-07-01", "--round-rate", "--tier-edge", "upper"];
  for (let i = 0; i < files.length; i++) await expectSameAsCli(files[i], copies[i], args);
  await expectOffline(o);
  await o.context.close();
});

test("bad files get the command line's message and nothing is downloaded", async () => {
  const sample = fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx"));
  const cfb = (extra: string) => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from(extra, "utf16le").copy(b, 1024);
    return b;
  };
  const files = [
    asFile(cfb("Workbook"), "旧格式.xls"),
    asFile("日期,姓名,班次\n2024-07-01,张三,上班\n", "导出.csv"),
    asFile(cfb("EncryptionInfo EncryptedPackage"), "加密.xlsx"),
    asFile(sample.subarray(0, Math.floor(sample.length / 2)), "截断.xlsx"),
  ];
  const o = await open();
  let downloads = 0;
  o.page.on("download", () => downloads++);
  await o.page.locator('input[type="file"]').setInputFiles(files);
  await o.page.getByRole("button", { name: "评分", exact: true }).click();
  await o.page.getByTestId("refused").nth(3).waitFor({ timeout: 60_000 });
  expect(await o.page.getByTestId("refused").count()).toBe(4);
  const codes: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const cli = await runCli(["assess", files[i], "--json", "--out", `${files[i]}.out.xlsx`]);
    expect(cli.code).toBe(2);
    const diagnostic = JSON.parse(cli.out).diagnostics[0];
    const [zh, en] = diagnostic.message.split(" / ");
    const text = await o.page.getByTestId("refused").nth(i).innerText();
    expect(text).toContain(zh);
    expect(text).toContain(en);
    expect(text).toContain(diagnostic.code);
    codes.push(diagnostic.code);
  }
  expect(codes).toEqual(["file-xls", "file-csv", "file-encrypted", "file-corrupt"]);
  expect(await o.page.getByTestId("download").count()).toBe(0);
  expect(downloads).toBe(0);
  await expectOffline(o);
  await o.context.close();
});

test("下载空白台账模板 saves the command line's template", async () => {
  const o = await open();
  const [download] = await Promise.all([
    o.page.waitForEvent("download"),
    o.page.getByRole("button", { name: "下载空白台账模板" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ledger-template.xlsx");
  const saved = path.join(dir, "page-template.xlsx");
  await download.saveAs(saved);
  const cliOut = path.join(dir, "cli-template.xlsx");
  expect((await runCli(["template", "--out", cliOut])).code).toBe(0);
  const web = parts(fs.readFileSync(saved));
  const cli = parts(fs.readFileSync(cliOut));
  expect(Object.keys(web).sort()).toEqual(Object.keys(cli).sort());
  // The same workbook; only the creation time in docProps/core.xml differs.
  for (const n of Object.keys(cli).filter((x) => x !== "docProps/core.xml"))
    expect({ n, same: Buffer.compare(web[n], cli[n]) === 0 }).toEqual({ n, same: true });
  await expectOffline(o);
  await o.context.close();
});

test("from a web server too: scores the sample, and requests nothing but the page", async () => {
  const server = await servePage();
  try {
    const url = server.url;
    const o = await open(url);
    const file = asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "served.xlsx");
    const [copy] = await scoreOnPage(o, [file]);
    await expectSameAsCli(file, copy, []);
    await expectOffline(o);
    await o.context.close();
    expect(server.served).toEqual(["/om-scorecard.html"]);
  } finally {
    server.close();
  }
});

test("accessible (axe A/AA) and usable at 320 px, in both languages, with a result shown", async () => {
  const o = await open(PAGE_URL, 320);
  const file = asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "台账.xlsx");
  await scoreOnPage(o, [file]);
  for (const lang of ["zh", "en"] as const) {
    if (lang === "en") await o.page.getByTestId("lang").click();
    const width = await o.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await o.page.screenshot({ path: path.join(OUTPUT, `web-320-${lang}.png`), fullPage: true });
    const axe = await new AxeBuilder({ page: o.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  }
  await o.page.setViewportSize({ width: 1024, height: 900 });
  await o.page.getByTestId("lang").click();
  await o.page.screenshot({ path: path.join(OUTPUT, "web-1024-zh.png"), fullPage: true });
  // The README's picture: the options, 评分 and the top of the result with its download.
  await o.page.getByRole("heading", { name: "评分选项" }).scrollIntoViewIfNeeded();
  await o.page.evaluate(() => window.scrollBy(0, 260));
  await o.page.screenshot({ path: path.join(OUTPUT, "web-1024-zh-result.png") });
  await expectOffline(o);
  await o.context.close();
});

/** Each cell's value of a workbook's sheets, by sheet name and address (exceljs reads them). */
async function cellValues(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => (out[`${ws.name}!${c.address}`] = c.value))
    )
  );
  return out;
}

/** The central directory's names whose UTF-8 flag (bit 11) is set. */
function utf8Flagged(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: string[] = [];
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    let at = view.getUint32(i + 16, true);
    for (let n = view.getUint16(i + 10, true); n > 0; n--) {
      const length = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + length));
      if (view.getUint16(at + 8, true) & 0x800) out.push(name);
      at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    break;
  }
  return out;
}

/** Saves the download a click starts; returns its suggested name and bytes. */
async function take(page: Page, click: () => Promise<void>): Promise<[string, Uint8Array]> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const saved = path.join(
    dir,
    `taken-${Date.now()}-${Math.random()}-${download.suggestedFilename()}`
  );
  await download.saveAs(saved);
  return [download.suggestedFilename(), fs.readFileSync(saved)];
}

test("several files at once: the overview, its workbook and every copy in one zip, as the command line", async () => {
  const months = await xlsxFile(monthSheets());
  const invalid = await xlsxFile(invalidLedger());
  const sources: Record<string, string> = {
    "a-台账.xlsx": path.join(ROOT, "sample/ledger.xlsx"),
    "b-钉钉.xlsx": path.join(ROOT, "sample/ledger-dingtalk.xlsx"),
    "c-月表.xlsx": months,
    "d-无效.xlsx": invalid,
  };
  const names = Object.keys(sources);
  const pageDir = fs.mkdtempSync(path.join(dir, "page-batch-"));
  const cliDir = fs.mkdtempSync(path.join(dir, "cli-batch-"));
  for (const n of names) {
    fs.copyFileSync(sources[n], path.join(pageDir, n));
    fs.copyFileSync(sources[n], path.join(cliDir, n));
  }
  // The command line's batch over the same files, named as the page names them (no folder),
  // with the same clock.
  const cwd = process.cwd();
  process.chdir(cliDir);
  let cli;
  try {
    cli = await runCli(
      ["assess", ...names, "--json", "--overview", "overview.xlsx"],
      () => new Date(NOW)
    );
  } finally {
    process.chdir(cwd);
  }
  expect(cli.code).toBe(2);
  const json = JSON.parse(cli.out) as {
    ledgers: {
      file: string;
      status: string;
      total: number | null;
      tier: string | null;
      tailAmount: number | null;
      contract: Record<"name" | "number" | "vendor", string | null>;
      problems: { code: string; message: string }[];
    }[];
  };

  const o = await open(PAGE_URL, 1280);
  const { page } = o;
  await page.locator('input[type="file"]').setInputFiles(names.map((n) => path.join(pageDir, n)));
  await page.getByRole("button", { name: "评分", exact: true }).click();
  await page.getByTestId("overview").waitFor({ timeout: 60_000 });

  // The table on screen: every file, with the command line's figures.
  const yuan = (v: number) =>
    `¥${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const rows = page.getByTestId("overview-row");
  expect(await rows.count()).toBe(names.length);
  expect(json.ledgers.map((l) => l.file)).toEqual(names);
  for (const [i, l] of json.ledgers.entries()) {
    const cells = await rows.nth(i).locator("th, td").allInnerTexts();
    const given = (v: string | null) => v ?? "（未填写）(not given)";
    expect(cells.slice(0, 4)).toEqual([
      l.file,
      given(l.contract.name),
      given(l.contract.number),
      given(l.contract.vendor),
    ]);
    expect(cells[5]).toContain(l.status);
    expect(cells.slice(6, 9)).toEqual([
      l.total === null ? "—" : l.total.toFixed(2),
      l.tier ?? "—",
      l.tailAmount === null ? "—" : yuan(l.tailAmount),
    ]);
    const duplicate = l.problems.some((p) => p.code === "duplicate-contract-number");
    expect(cells[9].includes("the same contract twice?")).toBe(duplicate);
  }
  expect(json.ledgers.map((l) => l.status)).toEqual([
    "final",
    "final",
    expect.stringMatching(/^(final|provisional)$/),
    "invalid",
  ]);
  // The totals by status, and the same contract twice (both samples name one 合同编号).
  const totals = await page.getByTestId("overview-totals").locator("li").allInnerTexts();
  const scored = json.ledgers.filter((l) => l.status !== "invalid");
  const sum = scored.reduce((s, l) => s + Math.round((l.tailAmount ?? 0) * 100), 0) / 100;
  expect(totals).toHaveLength(4);
  expect(totals[3]).toContain("应付尾款总计（共 4 份）");
  expect(totals[3]).toContain(yuan(sum));
  expect(totals[2]).toContain("无效 1 份");
  const warning = await page.getByTestId("duplicate-warning").innerText();
  expect(warning).toContain("a-台账.xlsx");
  expect(warning).toContain("b-钉钉.xlsx");

  // 下载总览工作簿: the same cells as the command line's --overview (and the same parts).
  const [overviewName, overviewBytes] = await take(page, () =>
    page.getByRole("button", { name: "下载总览工作簿" }).click()
  );
  expect(overviewName).toBe("考核总览.xlsx");
  const pageOverview = asFile(overviewBytes, "page-overview.xlsx");
  const cliOverview = path.join(cliDir, "overview.xlsx");
  const [webCells, cliCells] = [await cellValues(pageOverview), await cellValues(cliOverview)];
  expect(Object.keys(webCells).length).toBeGreaterThan(50);
  expect(webCells).toEqual(cliCells);
  const [webParts, cliParts] = [parts(overviewBytes), parts(fs.readFileSync(cliOverview))];
  expect(Object.keys(webParts).sort()).toEqual(Object.keys(cliParts).sort());
  for (const n of Object.keys(cliParts))
    expect({ n, same: Buffer.compare(webParts[n], cliParts[n]) === 0 }).toEqual({ n, same: true });

  // 全部下载（.zip）: each scored copy as its own button saves it, the invalid ledger none;
  // Chinese names flagged UTF-8.
  const [zipName, zipBytes] = await take(page, () =>
    page.getByRole("button", { name: "全部下载（.zip）" }).click()
  );
  expect(zipName).toBe("评分结果.zip");
  const zipped = unzipSync(zipBytes);
  const copies = names.slice(0, 3).map((n) => n.replace(/\.xlsx$/, ".scored.xlsx"));
  expect(Object.keys(zipped)).toEqual(copies);
  expect(utf8Flagged(zipBytes)).toEqual(copies);
  const results = page.getByTestId("file-result");
  for (const [i, copy] of copies.entries()) {
    const [one, bytes] = await take(page, () => results.nth(i).getByTestId("download").click());
    expect(one).toBe(copy);
    expect(Buffer.compare(zipped[copy], bytes)).toBe(0);
    // The batch's copy on the command line, part for part (zlib and fflate may deflate the new
    // parts into other bytes: test/xlsx/codec.test.ts), and a single run's, verified.
    const batchCopy = parts(fs.readFileSync(path.join(cliDir, copy)));
    const zippedParts = parts(zipped[copy]);
    expect(Object.keys(zippedParts).sort()).toEqual(Object.keys(batchCopy).sort());
    for (const n of Object.keys(batchCopy))
      expect({ n, same: Buffer.compare(zippedParts[n], batchCopy[n]) === 0 }).toEqual({
        n,
        same: true,
      });
    await expectSameAsCli(path.join(pageDir, names[i]), zipped[copy], []);
  }
  expect(await results.nth(3).getByTestId("download").count()).toBe(0);

  // Accessible with the overview shown, at desktop width and at 320 px, in both languages.
  await page.getByTestId("overview").screenshot({
    path: path.join(OUTPUT, "web-overview-1280-zh.png"),
  });
  await page.setViewportSize({ width: 320, height: 900 });
  for (const lang of ["zh", "en"] as const) {
    if (lang === "en") await page.getByTestId("lang").click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    // The table scrolls inside its own frame, which the keyboard can reach.
    const frame = page.getByRole("region", {
      name: lang === "zh" ? "考核总览表" : "Overview table",
    });
    expect(await frame.getAttribute("tabindex")).toBe("0");
    expect(await frame.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  }
  await page.getByTestId("lang").click();
  await page.getByTestId("overview").screenshot({
    path: path.join(OUTPUT, "web-overview-320-zh.png"),
  });
  await expectOffline(o);
  await o.context.close();
}, 180_000);
