/**
 * The task pane in real headless Chromium, from the production build in dist/, in each state a
 * user can meet it:
 * - host present: Playwright's page.route serves a stub in place of the office.js CDN file,
 *   `Office.onReady` resolving with host Excel and a fake `Excel.run` (test/fakes/officeFake.js)
 *   over a small ledger workbook (test/fakes/sampleLedger.js);
 * - no host: the real office.js from @microsoft/office-js, as opened in a browser outside Office;
 * - office.js blocked: the CDN request aborted, as on an intranet;
 * - before any script: the static message of taskpane.html.
 * Every other request is aborted and recorded, so the test also proves the pane sends nothing
 * elsewhere. Each state is screenshot at 320 px (Excel's default pane width) and 420 px, in
 * Chinese and English, into test-output/, and checked with axe-core (WCAG 2 A/AA). One browser
 * serves every test.
 *
 * Needs `npx webpack --mode production` first, and Chromium at /usr/bin/chromium.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUTPUT = path.join(ROOT, "test-output");
const { CHROMIUM, launchChromium } = require("../support/chromium.js");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const REAL_OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js");
const WIDTHS = [320, 420] as const;
const LANGS = ["zh", "en"] as const;

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
      // A test may set window.__ledgerSpec (a function of SampleLedger) and window.__hostOptions
      // with an init script: a bigger ledger, an Excel without LAMBDA.
      var spec = window.__ledgerSpec ? window.__ledgerSpec(SampleLedger) : SampleLedger.sampleSpec();
      var host = OfficeFake.createHost(spec, window.__hostOptions);
      window.__host = host;
      window.Excel = host.Excel;
      var info = { host: "Excel", platform: "OfficeOnline" };
      window.Office = {
        HostType: { Excel: "Excel" },
        // The fake host's own answer, so a test can take ExcelApi 1.8 or 1.9 away.
        context: host.Office.context,
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

type Mode = "fake" | "real-office" | "blocked" | "no-script" | "old-webview" | "hanging";

interface Pane {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the local server and the office.js route, aborted. */
  blocked: string[];
  pageErrors: string[];
  /** office.js requests left unanswered (mode "hanging"). */
  hanging: string[];
}

/** Makes `new Function` refuse ES2020 syntax, as Internet Explorer 11's engine does. */
const AS_IF_IE11 = String.raw`
  (function () {
    var Real = Function;
    window.Function = function () {
      var body = String(arguments[arguments.length - 1] || "");
      if (/\?\.|\?\?|\d+n\b/.test(body)) throw new SyntaxError("Expected identifier");
      return Real.apply(this, arguments);
    };
    window.Function.prototype = Real.prototype;
  })();
`;

/**
 * Records what the pane announces: Fluent's AriaLiveAnnouncer calls `document.ariaNotify` where
 * the browser has it (Chromium does), and fills a live region otherwise.
 */
const RECORD_ANNOUNCEMENTS = `
  window.__announced = [];
  (function () {
    var notify = Document.prototype.ariaNotify;
    if (typeof notify === "function") {
      Document.prototype.ariaNotify = function (message, options) {
        window.__announced.push(String(message));
        return notify.call(this, message, options);
      };
    }
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        var el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        var live = el && el.closest && el.closest("[aria-live]");
        if (live && live.textContent.trim()) window.__announced.push(live.textContent.trim());
      });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })();
`;

let server: http.Server;
let browser: Browser;
let base: string;
let stub: string;

/** A fresh page in one of the states, on the shared browser. */
async function openPane(mode: Mode, width = 420): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const pane: Pane = { context, page, blocked: [], pageErrors: [], hanging: [] };
  page.on("pageerror", (e) => pane.pageErrors.push(String(e)));
  await page.addInitScript(RECORD_ANNOUNCEMENTS);
  // IE11's engine: the boot script's ES2020 probe is a SyntaxError there.
  if (mode === "old-webview") await page.addInitScript(AS_IF_IE11);
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS && mode === "fake") {
      await route.fulfill({ status: 200, contentType: TYPES[".js"], body: stub });
    } else if (url === OFFICE_JS && mode === "real-office") {
      await route.fulfill({ status: 200, contentType: TYPES[".js"], path: REAL_OFFICE_JS });
    } else if (url === OFFICE_JS && mode === "no-script") {
      await route.fulfill({ status: 200, contentType: TYPES[".js"], body: stub });
    } else if (url === OFFICE_JS && mode === "old-webview") {
      await route.fulfill({ status: 200, contentType: TYPES[".js"], body: stub });
    } else if (url === OFFICE_JS && mode === "hanging") {
      // A CDN that never answers: the request stays open until the page is closed.
      pane.hanging.push(url);
    } else if (
      (mode === "no-script" || mode === "old-webview") &&
      (url === `${base}/taskpane.js` || url === `${base}/functions.js`)
    ) {
      // Internet Explorer 11 cannot parse the ES2020 bundles: as if they never ran.
      await route.abort("blockedbyclient");
    } else if (url.startsWith(`${base}/`)) {
      await route.continue();
    } else {
      pane.blocked.push(url);
      await route.abort("blockedbyclient");
    }
  });
  return pane;
}

/** The pane's language, through its switch. */
async function setLang(page: Page, lang: "zh" | "en"): Promise<void> {
  const on = await page.getByTestId("lang").isChecked();
  if (on !== (lang === "en")) await page.getByTestId("lang").click();
}

/**
 * Screenshots at 320 and 420 px in both languages (test-output/pane-<state>-<lang>-<width>.png),
 * each checked for horizontal overflow, and axe in both languages. Leaves the page in Chinese at
 * 420 px.
 */
async function shootAndCheck(page: Page, state: string, switchable = true): Promise<void> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  for (const lang of switchable ? LANGS : (["zh"] as const)) {
    if (switchable) await setLang(page, lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      // Nothing wider than the pane: no sideways scrolling, no text spilling out.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth
      );
      expect({ state, lang, width, overflow }).toEqual({ state, lang, width, overflow: 0 });
      await page.screenshot({
        path: path.join(OUTPUT, `pane-${state}-${lang}-${width}.png`),
        fullPage: true,
        animations: "disabled",
      });
    }
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect({ state, lang, serious }).toEqual({ state, lang, serious: [] });
  }
  if (switchable) await setLang(page, "zh");
  await page.setViewportSize({ width: 420, height: 900 });
}

const announced = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);

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
  stub = officeStub();
  server = await serveDist();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe("the task pane in Chromium (production build, fake Excel host)", () => {
  let pane: Pane;
  let page: Page;
  beforeAll(async () => {
    pane = await openPane("fake");
    page = pane.page;
    await page.goto(`${base}/taskpane.html`);
  });
  afterAll(() => pane.context.close());

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
    await expect(page.getByTestId("dimensions").locator("li").count()).resolves.toBe(5);
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

  it("moves focus to the result heading and announces the result", async () => {
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)
    ).resolves.toBe("result-heading");
    const total = await page.getByTestId("total").textContent();
    const tier = await page.getByTestId("tier").textContent();
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) =>
        m.startsWith("评分完成")
      )
    );
    const said = (await announced(page)).filter((m) => m.startsWith("评分完成"));
    expect(said.at(-1)).toMatch(
      new RegExp(`^评分完成：总分 ${total}，付款档次 ${tier}，应付尾款 ¥[\\d,.]+，(最终|暂定)。$`)
    );
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

  it("renders Chinese text; the result reads at 320 and 420 px in both languages and passes axe", async () => {
    await shootAndCheck(page, "excel");
    const file = path.join(OUTPUT, "pane-excel-zh-320.png");
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

  it("shows the readings in dispute, the payment schedule, the penalties and the year view, at 320 px in both languages", async () => {
    await page.getByTestId("result").waitFor();
    const readings = page.getByTestId("readings").locator("li");
    await expect(readings.first().getAttribute("data-testid")).resolves.toBe("reading-chosen");
    await expect(readings.count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId("payment-first").textContent()).resolves.toMatch(
      /首付款¥[\d,.]+起算日：2024-06-28付款期限：\d{4}-\d\d-\d\d/
    );
    await expect(page.getByTestId("penalty-note").textContent()).resolves.toMatch(/^仅供参考/);
    for (const id of ["advice", "staffing"]) await page.getByTestId(id).waitFor();
    await expect(page.locator('[data-testid="year"] svg[role="img"]').count()).resolves.toBe(1);
    // The result section alone, for the documentation: what a supervisor reads after 评分.
    const section = page.locator("section", { has: page.getByTestId("result") });
    for (const lang of LANGS) {
      await setLang(page, lang);
      await page.setViewportSize({ width: 320, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth
      );
      expect({ lang, overflow }).toEqual({ lang, overflow: 0 });
      await section.screenshot({
        path: path.join(OUTPUT, `pane-result-year-${lang}-320.png`),
        animations: "disabled",
      });
    }
    await setLang(page, "zh");
    await shootAndCheck(page, "year");
  });

  it("passes the tier-edge choice: under 上限归上档 the lower edge becomes the alternative reading", async () => {
    await page.getByTestId("tier-edge-upper").check();
    await page.getByTestId("assess").click();
    await page.getByTestId("reading-lower-edge").waitFor();
    await expect(page.getByTestId("reading-upper-edge").count()).resolves.toBe(0);
    await page.getByLabel("下限归下档（85 分为 B，默认）").check();
    await page.getByTestId("assess").click();
    await page.getByTestId("reading-upper-edge").waitFor();
  });

  it("warns when the ledger changed since it was scored (after 刷新), and not once it is scored again", async () => {
    type FakeWindow = { __host: { sheet(n: string): { rows: unknown[][] } } };
    await expect(page.getByTestId("ledger-changed").count()).resolves.toBe(0);
    await page.evaluate(() => {
      (window as unknown as FakeWindow).__host.sheet("问卷").rows[1][1] = 60;
    });
    await page.getByRole("button", { name: "刷新" }).click();
    await page.getByTestId("ledger-changed").waitFor();
    await expect(page.getByTestId("ledger-changed").textContent()).resolves.toMatch(
      /^台账自上次评分后已修改/
    );
    await shootAndCheck(page, "ledger-changed");
    await page.getByTestId("assess").click();
    await page.getByTestId("ledger-changed").waitFor({ state: "detached" });
  });

  it("says so when this Excel cannot apply the print setup, and when the workbook structure is protected", async () => {
    type FakeWindow = {
      __host: { apiVersions: string[]; workbook: { protectedStructure: boolean } };
    };
    await page.evaluate(() => {
      (window as unknown as FakeWindow).__host.apiVersions = ["1.7"];
    });
    await page.getByTestId("assess").click();
    await page.getByTestId("page-layout-unsupported").waitFor();
    await expect(page.getByTestId("page-layout-unsupported").textContent()).resolves.toMatch(
      /ExcelApi 1\.9/
    );
    await page.evaluate(() => {
      const host = (window as unknown as FakeWindow).__host;
      host.apiVersions = ["1.7", "1.9"];
      host.workbook.protectedStructure = true;
    });
    await page.getByTestId("assess").click();
    await page.getByTestId("refused").waitFor();
    await expect(page.getByTestId("refused").textContent()).resolves.toMatch(
      /^未写入工作簿工作簿结构受保护/
    );
    await expect(page.getByTestId("written").textContent()).resolves.toBe(
      "未写入「考核结果」工作表。"
    );
    await expect(page.getByTestId("page-layout-unsupported").count()).resolves.toBe(0);
    await shootAndCheck(page, "refused");
    await page.evaluate(() => {
      (window as unknown as FakeWindow).__host.workbook.protectedStructure = false;
    });
    await page.getByTestId("assess").click();
    await page.getByTestId("refused").waitFor({ state: "detached" });
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
    // The message bar is announced (assertive) as it appears.
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((m) =>
        m.includes("fake failure")
      )
    );
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

  it("新建台账模板 adds the missing tables and 说明, keeps the others, and lists them after", async () => {
    type FakeWindow = { __host: { cells(n: string): unknown[][]; sheetNames(): string[] } };
    const punches = await page.evaluate(() =>
      JSON.stringify((window as unknown as FakeWindow).__host.cells("考勤"))
    );
    await page.getByTestId("add-template").click();
    await page.getByTestId("notice").waitFor();
    await expect(page.getByTestId("notice").textContent()).resolves.toBe(
      "已添加：合同、日历、说明。已有，保留不动：驻场人员、考勤、工单、投诉、问卷。"
    );
    // The notice follows the language switch.
    await setLang(page, "en");
    await expect(page.getByTestId("notice").textContent()).resolves.toBe(
      "Added: 合同, 日历, 说明. Kept as they were: 驻场人员, 考勤, 工单, 投诉, 问卷."
    );
    await setLang(page, "zh");
    await expect(
      page.evaluate(() => JSON.stringify((window as unknown as FakeWindow).__host.cells("考勤")))
    ).resolves.toBe(punches);
    await page.getByTestId("ledger-table").filter({ hasText: "合同" }).waitFor();
    await expect(page.getByTestId("missing-tables").count()).resolves.toBe(0);
    await shootAndCheck(page, "template");
  });

  it("sent no request anywhere but the local server and the office.js stub, and threw no page errors", () => {
    expect(pane.blocked).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});

describe("outside Excel: the real office.js (from @microsoft/office-js), Office never answering", () => {
  let pane: Pane;
  let page: Page;
  beforeAll(async () => {
    pane = await openPane("real-office", 320);
    page = pane.page;
    // The pane waits a few seconds for Office before it says so; a fake clock skips the wait.
    await page.clock.install();
    await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
  });
  afterAll(() => pane.context.close());

  it("shows the static message first, then says to open the add-in in Excel, with 评分 disabled", async () => {
    await expect(page.locator("#boot").textContent()).resolves.toMatch(
      /正在连接 Excel…\s*Connecting to Excel…/
    );
    await page.clock.fastForward(10_000);
    await page.getByTestId("no-host").waitFor();
    await expect(page.locator("#boot").count()).resolves.toBe(0);
    await expect(page.getByTestId("no-host").textContent()).resolves.toMatch(
      /^请在 Excel 中打开此加载项.*Office 没有应答/
    );
    await expect(page.getByTestId("assess").isDisabled()).resolves.toBe(true);
    await expect(page.getByText("Excel is not defined").count()).resolves.toBe(0);
    await expect(page.getByText("所需的台账表都已找到").count()).resolves.toBe(0);
    await setLang(page, "en");
    await expect(page.getByTestId("no-host").textContent()).resolves.toMatch(
      /^Open this add-in in Excel/
    );
    await setLang(page, "zh");
  });

  it("announces the message, reads at 320 and 420 px in both languages and passes axe", async () => {
    await expect(announced(page)).resolves.toContainEqual(
      expect.stringMatching(/^请在 Excel 中打开此加载项/)
    );
    await shootAndCheck(page, "no-host");
  });

  it("let office.js ask only Microsoft's CDN for more, and threw no page errors", () => {
    expect(pane.blocked.length).toBeGreaterThan(0);
    for (const url of pane.blocked)
      expect(url).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\//);
    expect(pane.pageErrors).toEqual([]);
  });
});

describe("office.js blocked (an intranet without Microsoft's CDN)", () => {
  let pane: Pane;
  let page: Page;
  beforeAll(async () => {
    pane = await openPane("blocked", 320);
    page = pane.page;
    await page.goto(`${base}/taskpane.html`);
  });
  afterAll(() => pane.context.close());

  it("explains that office.js did not load and what an administrator can do, with 评分 disabled", async () => {
    await page.getByTestId("no-host").waitFor();
    await expect(page.getByTestId("no-host").textContent()).resolves.toMatch(
      /^无法加载 office\.js.*appsforoffice\.microsoft\.com/
    );
    await expect(page.getByTestId("assess").isDisabled()).resolves.toBe(true);
    await expect(pane.blocked).toEqual([OFFICE_JS]);
  });

  it("reads at 320 and 420 px in both languages and passes axe", async () => {
    await shootAndCheck(page, "blocked");
  });

  it("throws no page error of the task pane's own", () => {
    // The custom-functions chunk, loaded in the same page (shared runtime), registers its functions
    // with CustomFunctions.associate, which office.js defines: without office.js it throws.
    expect(pane.pageErrors.filter((e) => !/CustomFunctions is not defined/.test(e))).toEqual([]);
  });
});

describe("before any script (the bundle not loaded)", () => {
  it("shows the static message from the HTML itself, which passes axe", async () => {
    const pane = await openPane("no-script", 320);
    try {
      await pane.page.goto(`${base}/taskpane.html`);
      await expect(pane.page.locator("#boot").textContent()).resolves.toMatch(
        /运维考核评分 OM Scorecard\s*正在连接 Excel…\s*Connecting to Excel…/
      );
      await shootAndCheck(pane.page, "static", false);
    } finally {
      await pane.context.close();
    }
  });
});

/** SPEC §13 through the production build: what real Excel would make the pane meet. */
describe("real Excel (SPEC §13)", () => {
  /** A page at `width`×`height` whose fake host is built by `ledgerSpec` (a function source). */
  async function openWith(
    ledgerSpec: string | null,
    hostOptions: Record<string, unknown> | null,
    width = 320,
    height = 650
  ): Promise<Pane> {
    const pane = await openPane("fake", width);
    await pane.page.setViewportSize({ width, height });
    if (ledgerSpec) await pane.page.addInitScript(`window.__ledgerSpec = ${ledgerSpec};`);
    if (hostOptions)
      await pane.page.addInitScript(`window.__hostOptions = ${JSON.stringify(hostOptions)};`);
    await pane.page.goto(`${base}/taskpane.html`);
    await pane.page.getByTestId("ledger-table").first().waitFor();
    return pane;
  }
  type Sync = { responseBytes: number; requestBytes: number; failed?: string };
  const syncs = (page: Page): Promise<Sync[]> =>
    page.evaluate(() => (window as unknown as { __host: { syncs: Sync[] } }).__host.syncs);

  it("reads 30,000 tickets whose long notes start after the estimate rows, and assesses", async () => {
    // The 备注 column is empty in the first 60 rows, then holds ~130 Chinese characters a row.
    const spec = `function (L) {
      var s = L.sampleSpec();
      var rows = [];
      for (var i = 0; i < 30000; i++)
        rows.push(["GD-" + i, "是", "已关闭", i < 60 ? null : ("第" + i + "号工单处理说明：" + new Array(40).join("现场核实更换配件")).slice(0, 130)]);
      s.sheets[2] = L.table("工单", "工单", ["工单号", "流转乙方", "状态", "备注"], rows);
      return s;
    }`;
    const pane = await openWith(spec, null);
    try {
      const { page } = pane;
      await page.getByTestId("assess").click();
      await page.getByTestId("result").waitFor({ timeout: 60_000 });
      await expect(page.getByTestId("error").count()).resolves.toBe(0);
      const all = await syncs(page);
      for (const s of all.filter((x) => !x.failed))
        expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
      for (const s of all.filter((x) => x.failed))
        expect(s.failed).toBe("ResponsePayloadSizeLimitExceeded");
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "pane-long-notes-zh-320.png") });
    } finally {
      await pane.context.close();
    }
  }, 120_000);

  it("opens a 100,000-row ledger in 3 round trips reading no rows, and assesses it in at most 10", async () => {
    // 100,000 punches on working days (Monday to Friday from 2024-07-01), 140 members.
    const spec = `function (L) {
      var s = L.sampleSpec();
      var members = 140, roster = [], punches = [];
      for (var m = 0; m < members; m++) roster.push(["工程师" + m, "驻场工程师", 45474, null]);
      for (var d = 45474; punches.length < 100000; d++) {
        if ((d - 45474) % 7 > 4) continue;
        for (var k = 0; k < members && punches.length < 100000; k++) {
          punches.push([d, "工程师" + k, "上班", "到岗"]);
          punches.push([d, "工程师" + k, "下班", "到岗"]);
        }
      }
      s.sheets[0] = L.table("驻场人员", "驻场人员", ["姓名", "角色", "到岗日期", "离岗日期"], roster);
      s.sheets[1] = L.table("考勤", "考勤表", ["日期", "姓名", "时段", "结果"], punches);
      return s;
    }`;
    const pane = await openWith(spec, null, 420, 900);
    try {
      const { page } = pane;
      const punches = page.getByTestId("ledger-table").filter({ hasText: "考勤" });
      await expect(punches.textContent()).resolves.toMatch(/100,000 行/);
      const atOpen = await syncs(page);
      const openBytes = atOpen.reduce((n, s) => n + s.responseBytes, 0);
      expect(atOpen.length).toBe(3);
      expect(openBytes).toBeLessThan(20_000);
      await page.getByTestId("assess").click();
      await page.getByTestId("result").waitFor({ timeout: 90_000 });
      const assess = (await syncs(page)).slice(atOpen.length);
      expect(assess.length).toBeLessThanOrEqual(10);
      for (const s of assess) {
        expect(s.failed).toBeUndefined();
        expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
        expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
      }
      console.log(
        `pane at 100,000 rows: open ${atOpen.length} round trips, ${openBytes} bytes; Assess ${assess.length} round trips, ` +
          `largest response ${(Math.max(...assess.map((s) => s.responseBytes)) / 1048576).toFixed(2)} MB`
      );
    } finally {
      await pane.context.close();
    }
  }, 180_000);

  it("a failed re-run at 320×650: focus on the message, the old result gone, Excel's text behind 详细信息", async () => {
    const pane = await openWith(null, null);
    try {
      const { page } = pane;
      await page.getByTestId("assess").click();
      await page.getByTestId("result").waitFor();
      await expect(page.getByTestId("written").textContent()).resolves.toMatch(/结果已写入/);
      await page.evaluate(() => {
        (window as unknown as { __host: { failWhen: unknown } }).__host.failWhen = (op: {
          action: string;
        }) => op.action === "addChart";
      });
      await page.getByTestId("assess").scrollIntoViewIfNeeded();
      await page.getByTestId("assess").click();
      await page.getByTestId("error").waitFor();
      // Focus is on the message, and the message is in view.
      await expect(
        page.evaluate(() => !!document.activeElement?.closest("[data-testid=error]"))
      ).resolves.toBe(true);
      const box = (await page.getByTestId("error").boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(650);
      // The old result is gone; the words are a supervisor's; Excel's text is behind 详细信息.
      await expect(page.getByTestId("result").count()).resolves.toBe(0);
      await expect(page.getByTestId("written").count()).resolves.toBe(0);
      const words = (await page.getByTestId("error-words").textContent())!;
      expect(words).toMatch(/^Excel 未能完成这项操作。台账没有被修改。/);
      expect(words).not.toMatch(/fake failure|worksheets\.add/);
      await expect(page.getByTestId("error-detail").isVisible()).resolves.toBe(false);
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "pane-failed-rerun-zh-320x650.png") });
      await page.locator("summary", { hasText: "详细信息" }).click();
      await expect(page.getByTestId("error-detail").textContent()).resolves.toMatch(
        /fake failure at addChart[\s\S]*code: GeneralException/
      );
      await page.screenshot({
        path: path.join(OUTPUT, "pane-failed-rerun-details-zh-320x650.png"),
      });
      await shootAndCheck(page, "failed-rerun");
    } finally {
      await pane.context.close();
    }
  }, 60_000);

  it("the number of problems stands beside the total and links to them; cards in one language", async () => {
    const pane = await openWith(null, null);
    try {
      const { page } = pane;
      await page.getByTestId("assess").click();
      await page.getByTestId("result").waitFor();
      const link = page.getByTestId("problems-link");
      await expect(link.textContent()).resolves.toMatch(/^\d+ 个问题，查看$/);
      const total = (await page.getByTestId("total").boundingBox())!;
      const near = (await link.boundingBox())!;
      expect(near.y - total.y).toBeLessThan(100);
      await link.click();
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute("data-testid"))
      ).resolves.toBe("problems-heading");
      const card = page.getByTestId("diagnostic").first();
      await expect(card.textContent()).resolves.not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/);
      await expect(card.getByTestId("diagnostic-code").isVisible()).resolves.toBe(false);
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "pane-problems-zh-320x650.png") });
      await setLang(page, "en");
      await expect(link.textContent()).resolves.toMatch(/^\d+ problems?: see them$/);
      await expect(card.textContent()).resolves.not.toMatch(/[\u4e00-\u9fff]{6,}/);
      await page.getByTestId("total").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(OUTPUT, "pane-problems-en-320x650.png") });
    } finally {
      await pane.context.close();
    }
  }, 60_000);

  it("where this Excel has no LAMBDA (Excel 2021, 2019), says so and installs nothing", async () => {
    const pane = await openWith(null, { lambda: false });
    try {
      const { page } = pane;
      await page.getByTestId("install-names").click();
      await page.getByTestId("notice").waitFor();
      await expect(page.getByTestId("notice").textContent()).resolves.toMatch(
        /不支持 LAMBDA.*没有安装任何名称，工作簿保持原样/
      );
      const names = await page.evaluate(
        () =>
          (window as unknown as { __host: { workbook: { names: unknown[] } } }).__host.workbook
            .names
      );
      expect(names).toEqual([]);
      await page.getByTestId("notice").scrollIntoViewIfNeeded();
      fs.mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, "pane-no-lambda-zh-320x650.png") });
    } finally {
      await pane.context.close();
    }
  }, 60_000);

  it("where the bundle cannot run (IE11 without WebView2), the ES5 boot script says so and how to fix it", async () => {
    const pane = await openPane("old-webview", 320);
    try {
      const { page } = pane;
      await page.setViewportSize({ width: 320, height: 650 });
      await page.goto(`${base}/taskpane.html`);
      await expect(page.locator("#boot").textContent()).resolves.toMatch(
        /Internet Explorer 11.*安装 Microsoft Edge WebView2 运行时.*WebView2 Runtime/
      );
      await expect(page.locator("html").getAttribute("data-boot")).resolves.toBe("old-webview");
      await page.screenshot({
        path: path.join(OUTPUT, "pane-old-webview-zh-320x650.png"),
        fullPage: true,
      });
      await shootAndCheck(page, "old-webview", false);
    } finally {
      await pane.context.close();
    }
  }, 60_000);

  it("with a CDN that never answers, the boot text is on screen while office.js is still pending", async () => {
    const pane = await openPane("hanging", 320);
    try {
      const { page } = pane;
      await page.setViewportSize({ width: 320, height: 650 });
      await page.goto(`${base}/taskpane.html`, { waitUntil: "commit" });
      await page.getByText("正在连接 Excel…").waitFor({ state: "visible" });
      await page.waitForFunction(() => document.readyState === "loading");
      expect(pane.hanging).toEqual([OFFICE_JS]);
      await page.screenshot({ path: path.join(OUTPUT, "pane-hanging-cdn-zh-320x650.png") });
    } finally {
      await pane.context.close();
    }
  }, 60_000);
});
