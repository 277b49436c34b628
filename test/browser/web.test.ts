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
 * storage is checked empty. axe WCAG 2 A/AA and 320 px, screenshot into test-output/.
 *
 * Needs `npm run build` (the page) and `npm run build:cli` first, and Chromium at
 * /usr/bin/chromium.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { runCli } from "../support/cli";
import { asFile, expectSameAsCli, NOW, parts } from "../support/pageCopy";
import { d, withSheets, xlsxFile, base as baseSheets } from "../hostile/ledgers";
import { cleanup } from "../hostile/harness";

const ROOT = path.resolve(__dirname, "../..");
const PAGE = path.join(ROOT, "dist/om-scorecard.html");
const PAGE_URL = pathToFileURL(PAGE).href;
const OUTPUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;

let browser: Browser;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(OUTPUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "om-web-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
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
  const [roster, punches, ...rest] = baseSheets();
  const months = await xlsxFile([
    roster,
    { ...punches, name: "7月", rows: [punches.rows[0]] },
    { ...punches, name: "7月下", rows: [punches.rows[1]] },
    ...rest,
  ]);
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
  const server = http.createServer((req, res) => {
    if (req.url === "/om-scorecard.html")
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fs.readFileSync(PAGE));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/om-scorecard.html`;
    const o = await open(url);
    const file = asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "served.xlsx");
    const [copy] = await scoreOnPage(o, [file]);
    await expectSameAsCli(file, copy, []);
    await expectOffline(o);
    await o.context.close();
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
