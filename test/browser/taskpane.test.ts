/**
 * The task pane in real headless Chromium, from the production build in dist/.
 *
 * A static server on 127.0.0.1 serves dist/; Playwright's page.route serves a stub in place of
 * the office.js CDN file: `Office.onReady` resolving with host Excel, and a fake `Excel.run`
 * (test/fakes/officeFake.js) over a small ledger workbook (test/fakes/sampleLedger.js). Every
 * other request is aborted and recorded, so the test also proves the pane sends nothing
 * elsewhere.
 *
 * Needs `npx webpack --mode production` first, and Chromium at /usr/bin/chromium.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUTPUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** The office.js stand-in: the fake host and globals Office, Excel and CustomFunctions. */
function officeStub(): string {
  const fake = fs.readFileSync(path.join(ROOT, "test/fakes/officeFake.js"), "utf8");
  const ledger = fs.readFileSync(path.join(ROOT, "test/fakes/sampleLedger.js"), "utf8");
  const setup = `
    (function () {
      var host = OfficeFake.createHost(SampleLedger.sampleSpec());
      window.__host = host;
      window.Excel = host.Excel;
      var info = { host: "Excel", platform: "OfficeOnline" };
      window.Office = {
        HostType: { Excel: "Excel" },
        context: { requirements: { isSetSupported: function () { return true; } } },
        actions: { associate: function () {} },
        onReady: function (callback) {
          var p = Promise.resolve(info);
          return callback ? p.then(function () { return callback(info); }).then(function () { return info; }) : p;
        },
      };
      // The shared runtime loads the custom functions bundle in the same page.
      function CFError(code, message) { var e = new Error(message); e.code = code; return e; }
      window.CustomFunctions = {
        associate: function () {},
        Error: CFError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!",
          nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
      };
    })();`;
  return `${fake}\n${ledger}\n${setup}`;
}

function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: http.Server;
let browser: Browser;
let page: Page;
let base: string;
const blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (
    !fs.existsSync(path.join(DIST, "taskpane.html")) ||
    !fs.existsSync(path.join(DIST, "taskpane.js"))
  ) {
    throw new Error(
      "dist/taskpane.html or dist/taskpane.js is missing: build the add-in first with `npx webpack --mode production`."
    );
  }
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-wqy-zenhei)`
    );
  server = await serveDist();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
    locale: "zh-CN",
  });
  page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const stub = officeStub();
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript; charset=utf-8",
        body: stub,
      });
    } else if (url.startsWith(`${base}/`)) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort("blockedbyclient");
    }
  });
  await page.goto(`${base}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe("the task pane in Chromium (production build, fake Excel host)", () => {
  it("lists the ledger tables with row counts and what is missing", async () => {
    await page.getByTestId("ledger-table").first().waitFor();
    await expect(page.getByTestId("ledger-table").count()).resolves.toBe(5);
    const punches = page.getByTestId("ledger-table").filter({ hasText: "考勤" });
    await expect(punches.textContent()).resolves.toMatch(/工作表.*6 行.*识别为「考勤」/);
    await expect(page.getByTestId("missing-tables").textContent()).resolves.toMatch(
      /合同（可选）.*日历（可选）/
    );
  });

  it("assesses on click, shows the result, the dimensions and the diagnostics, and writes the summary", async () => {
    await page.getByTestId("assess").click();
    await page.getByTestId("result").waitFor();
    await expect(page.getByTestId("status").textContent()).resolves.toMatch(/^(最终|暂定)$/);
    await expect(page.getByTestId("total").textContent()).resolves.toMatch(/^\d+\.\d\d$/);
    await expect(page.getByTestId("tier").textContent()).resolves.toMatch(/^[A-F]$/);
    await expect(page.getByTestId("tail-amount").textContent()).resolves.toMatch(
      /^¥\d{1,3}(,\d{3})*\.\d\d$/
    );
    await expect(page.getByTestId("dimensions").locator("tbody tr").count()).resolves.toBe(5);
    await expect(page.getByTestId("dimension-attendance").textContent()).resolves.toMatch(
      /出勤率.*应打卡次数：\d+ \/ \d+（/
    );
    await expect(page.getByTestId("diagnostic").count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.locator('[data-code="punch-rest-day"]').textContent()).resolves.toMatch(
      /第 6 行/
    );
    const sheets = await page.evaluate(() =>
      (window as unknown as { __host: { sheetNames(): string[] } }).__host.sheetNames()
    );
    expect(sheets).toContain("考核结果");
  });

  it("asks the host to select the cell when a diagnostic is clicked", async () => {
    await page.locator('[data-code="punch-rest-day"] [data-testid="diagnostic-go"]').click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __host: { workbook: { selection: unknown } } }).__host.workbook
          .selection !== null
    );
    const selection = await page.evaluate(
      () =>
        (window as unknown as { __host: { workbook: { selection: unknown } } }).__host.workbook
          .selection
    );
    expect(selection).toEqual({ sheet: "考勤", address: "A6" });
    await page.locator('[data-code="punch-unknown-name"] [data-testid="diagnostic-go"]').click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __host: { workbook: { selection: { address: string } } } }).__host
          .workbook.selection.address !== "A6"
    );
    const second = await page.evaluate(
      () =>
        (window as unknown as { __host: { workbook: { selection: unknown } } }).__host.workbook
          .selection
    );
    expect(second).toMatchObject({ sheet: "考勤" });
  });

  it("renders Chinese text and saves a screenshot of the result", async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const file = path.join(OUTPUT, "taskpane-result.png");
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    // The CJK font is present: a Chinese string is as wide as its glyphs, not zero-width boxes.
    const width = await page.evaluate(() => {
      const span = document.createElement("span");
      span.textContent = "运维考核评分";
      document.body.appendChild(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    });
    expect(width).toBeGreaterThan(40);
  });

  it("switches to English", async () => {
    await page.getByTestId("lang").click();
    await expect(page.getByTestId("assess").textContent()).resolves.toBe("Assess");
    await expect(page.getByTestId("status").textContent()).resolves.toMatch(
      /^(final|provisional)$/
    );
    await page.getByTestId("lang").click();
    await expect(page.getByTestId("assess").textContent()).resolves.toBe("评分");
  });

  it("shows an error from the host in a message bar and leaves the workbook's summary as it was", async () => {
    type FakeWindow = { __host: { sheetNames(): string[]; failWhen: unknown } };
    const before = await page.evaluate(() => (window as unknown as FakeWindow).__host.sheetNames());
    await page.evaluate(() => {
      (window as unknown as FakeWindow).__host.failWhen = (op: { action: string }) =>
        op.action === "addChart";
    });
    await page.getByTestId("assess").click();
    await page.getByTestId("error").waitFor();
    await expect(page.getByTestId("error").textContent()).resolves.toMatch(/出错了.*fake failure/);
    await expect(page.getByTestId("assess").isEnabled()).resolves.toBe(true);
    const after = await page.evaluate(() => {
      const host = (window as unknown as FakeWindow).__host;
      host.failWhen = null;
      return host.sheetNames();
    });
    expect(after).toEqual(before);
    // The next run succeeds and clears the message.
    await page.getByTestId("assess").click();
    await page.getByTestId("error").waitFor({ state: "detached" });
  });

  it("passes the chosen as-of date: an earlier date gives a provisional result with its reasons", async () => {
    await page.getByTestId("as-of").fill("2024-12-31");
    await page.getByTestId("assess").click();
    await page.getByTestId("provisional-reasons").waitFor();
    await expect(page.getByTestId("status").textContent()).resolves.toBe("暂定");
    await expect(page.getByTestId("period").textContent()).resolves.toBe(
      "2024-07-01 至 2024-12-31（考核日期 2024-12-31）"
    );
  });

  it("sent no request anywhere but the local server and the office.js stub, and threw no page errors", () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
