/**
 * The web page (SPEC §11, issue 21: "Chromium-based browsers and Firefox") in Firefox ESR, the
 * browser family of most 信创 desktops (Kylin, UOS): Debian's stock `firefox-esr`, headless,
 * driven over WebDriver BiDi by puppeteer-core (which downloads nothing; Playwright drives only
 * its own patched Firefox, which cannot be downloaded here). The BUILT single file
 * dist/om-scorecard.html is opened over file:// and from a local web server; the tests set the
 * files on the page's file input, click 评分, read the figures shown, let Firefox really download
 * the scored copies (browser.setDownloadBehavior into a fresh folder) and hold each to the
 * command line's copy of the same file at the same clock (test/support/pageCopy.ts, shared with
 * the Chromium test web.test.ts). Every network request BiDi reports is recorded (none but the
 * page itself), every Content-Security-Policy violation (none), and the worker is checked to be
 * a blob: worker that runs under the page's policy: from the page and from inside the worker a
 * fetch to a listening local server is refused, and the server sees nothing. 320 px screenshot
 * into test-output/firefox-320-zh.png.
 *
 * The profile is fresh for each run (puppeteer makes it in the temporary folder and removes it
 * on close) with the preferences below, so Firefox makes no connection of its own: checked by
 * running this file with FIREFOX_PATH set to a wrapper that runs firefox-esr under
 * `strace -f -e trace=connect,sendto` (no DNS query, no connection but to 127.0.0.1).
 *
 * Needs `npm run build` (the page), `npm run build:cli`, and Firefox ESR at /usr/bin/firefox-esr
 * (scripts/install-system-deps.sh, run by `npm test`).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import puppeteer, { type Browser, type BrowserContext, type Page } from "puppeteer-core";
import { runCli } from "../support/cli";
import {
  asFile,
  expectSameAsCli,
  NOW,
  OUTPUT,
  PAGE_URL,
  ROOT,
  servePage,
} from "../support/pageCopy";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/**
 * Over puppeteer's own test profile (which already turns off updates, telemetry, Safe Browsing
 * and the like): Firefox's file:// rule as users have it, and the background connections that
 * profile leaves on.
 */
const PREFS: Record<string, unknown> = {
  // puppeteer's profile relaxes this; users' Firefox treats each file:// file as its own origin.
  "security.fileuri.strict_origin_policy": true,
  // Remote settings (block lists, certificate data) are synced from Mozilla at start-up. A
  // release build ignores this preference unless MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in its
  // environment (set at launch); a data: URL makes the client fetch nothing.
  "services.settings.server": "data:,#remote-settings-dummy/v1",
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.prefetch-next": false,
  "network.predictor.enabled": false,
  // No DNS over HTTPS.
  "network.trr.mode": 5,
  "browser.region.update.enabled": false,
  "browser.region.network.url": "",
  "media.gmp-manager.url": "",
  "toolkit.telemetry.server": "",
};

let browser: Browser;
let dir: string;

beforeAll(async () => {
  fs.mkdirSync(OUTPUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "om-firefox-"));
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: PREFS,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
  });
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Where Firefox saves this page's downloads. */
  downloads: string;
  /** Every network request BiDi reported for the page, by URL. */
  requests: string[];
  errors: string[];
}

/** Opens the page at `url` in a fresh user context with the fixed clock, recording as it goes. */
async function open(url = PAGE_URL, width = 900): Promise<Opened> {
  const downloads = fs.mkdtempSync(path.join(dir, "downloads-"));
  const context = await browser.createBrowserContext({
    downloadBehavior: { policy: "allow", downloadPath: downloads },
  });
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  // Before the page's own script: violations are recorded, the clock is fixed, and every
  // worker the page starts is recorded with its URL's scheme and any error it reports.
  await page.evaluateOnNewDocument(`
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", function (e) {
      window.__violations.push(e.violatedDirective + " " + e.blockedURI);
    });
    Date.now = function () { return ${NOW}; };
    window.__workers = [];
    var PageWorker = window.Worker;
    window.Worker = class extends PageWorker {
      constructor(url, options) {
        super(url, options);
        var seen = { scheme: String(url).split(":")[0], error: null };
        this.addEventListener("error", function (e) { seen.error = e.message || "error"; });
        window.__workers.push(seen);
      }
    };
  `);
  await page.goto(url);
  await page.waitForSelector("h1");
  return { context, page, downloads, requests, errors };
}

/** The button whose whole text is `name`. */
const button = (page: Page, name: string) =>
  page.locator(`::-p-xpath(//button[normalize-space()="${name}"])`);

/** Waits until Firefox has finished saving `name` into `folder`, and returns its bytes. */
async function downloaded(folder: string, name: string): Promise<Buffer> {
  const file = path.join(folder, name);
  for (const start = Date.now(); Date.now() - start < 30_000;) {
    const names = fs.readdirSync(folder);
    // Firefox writes NAME.part and renames it once the whole file is there.
    if (names.includes(name) && !names.some((n) => n.endsWith(".part")) && fs.statSync(file).size)
      return fs.readFileSync(file);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no download ${name} in ${folder}: ${fs.readdirSync(folder).join(", ")}`);
}

/** The figures a result shows: total, tier, tail payment. */
async function shown(page: Page, i: number): Promise<string[]> {
  const result = (await page.$$('[data-testid="file-result"]'))[i];
  return Promise.all(
    ["total", "tier", "tail-amount"].map((id) =>
      result.$eval(`[data-testid="${id}"]`, (e) => (e.textContent ?? "").trim())
    )
  );
}

/** Sets the files, clicks 评分, and takes every scored copy Firefox downloads, in order. */
async function scoreOnPage(o: Opened, files: string[]): Promise<Buffer[]> {
  const { page } = o;
  const input = await page.$('input[type="file"]');
  await input!.uploadFile(...files);
  await button(page, "评分").click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="download"]').length === n,
    { timeout: 60_000 },
    files.length
  );
  const copies: Buffer[] = [];
  for (let i = 0; i < files.length; i++) {
    const result = (await page.$$('[data-testid="file-result"]'))[i];
    await (await result.$('[data-testid="download"]'))!.click();
    copies.push(await downloaded(o.downloads, `${path.basename(files[i], ".xlsx")}.scored.xlsx`));
  }
  // Nothing but the scored copies was saved.
  expect(fs.readdirSync(o.downloads).sort()).toEqual(
    files.map((f) => `${path.basename(f, ".xlsx")}.scored.xlsx`).sort()
  );
  return copies;
}

/**
 * No network request but the page itself, no policy violation but `violations`, one worker
 * from a blob: URL with no error, no page error, the browser's storage empty. blob: and
 * data: URLs never leave the machine: blob: is the page's own memory (its worker and its
 * downloads), and Firefox reports its own list-bullet font (`-moz-bullet-font`, a data: URL in
 * its built-in counterstyles.css) as a request when the result's lists first show.
 */
async function expectOffline(o: Opened, violations: string[] = []): Promise<void> {
  const { page } = o;
  const outside = o.requests.filter(
    (u) => u !== page.url() && !u.startsWith("blob:") && !u.startsWith("data:")
  );
  expect(outside).toEqual([]);
  const state = await page.evaluate(async () => {
    const w = window as unknown as {
      __violations: string[];
      __workers: { scheme: string; error: string | null }[];
    };
    return {
      violations: w.__violations,
      workers: w.__workers,
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
    };
  });
  expect(state).toEqual({
    violations,
    workers: [{ scheme: "blob", error: null }],
    local: 0,
    session: 0,
    cookie: "",
    idb: 0,
  });
  // BiDi sees the same one worker. (Running a script in the worker's realm fails here: Firefox
  // 153 answers script.callFunction with "no such frame"; the policy a blob: worker runs under
  // is probed from the page instead, in the test below.)
  expect(page.workers().map((w) => w.url().split(":")[0])).toEqual(["blob"]);
  expect(o.errors.filter((e) => !violations.some((v) => e.includes(v.split(" ")[1])))).toEqual([]);
}

test("the browser is Firefox 149 or later (BiDi's browser.setDownloadBehavior, for downloads)", async () => {
  const version = await browser.version();
  expect(version).toMatch(/^firefox\/\d+/);
  expect(Number(version.split("/")[1].split(".")[0])).toBeGreaterThanOrEqual(149);
});

test("over file://: scores the sample and the DingTalk sample as the command line does, offline", async () => {
  const files = [
    asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "ledger.xlsx"),
    asFile(fs.readFileSync(path.join(ROOT, "sample/ledger-dingtalk.xlsx")), "钉钉台账.xlsx"),
  ];
  const o = await open();
  const copies = await scoreOnPage(o, files);
  expect(await shown(o.page, 0)).toEqual(["84.61", "B", "¥381,870.00"]);
  for (let i = 0; i < files.length; i++) {
    // The figures shown are the command line's.
    const cli = JSON.parse(
      (await runCli(["assess", files[i], "--json", "--out", `${files[i]}.shown.xlsx`])).out
    );
    const yuan = (cli.tailAmount as number).toLocaleString("en-US", { minimumFractionDigits: 2 });
    expect(await shown(o.page, i)).toEqual([cli.total.toFixed(2), cli.tier, `¥${yuan}`]);
    await expectSameAsCli(files[i], copies[i], []);
  }

  // 核对 on the scored copy Firefox saved: match.
  const input = await o.page.$('input[type="file"]');
  await input!.uploadFile(path.join(o.downloads, "ledger.scored.xlsx"));
  await button(o.page, "核对").click();
  const check = await o.page.waitForSelector('[data-testid="check-result"]');
  expect(await check!.evaluate((e) => e.getAttribute("data-outcome"))).toBe("match");

  await expectOffline(o);
  await o.context.close();
});

test("from a web server too: scores the sample, and requests nothing but the page", async () => {
  const { origin, url, served, close } = await servePage();
  try {
    const o = await open(url);
    const file = asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "served.xlsx");
    const [copy] = await scoreOnPage(o, [file]);
    expect(await shown(o.page, 0)).toEqual(["84.61", "B", "¥381,870.00"]);
    await expectSameAsCli(file, copy, []);
    // The recording works: the page's own load is in it.
    expect(o.requests).toContain(url);
    // From a server Firefox looks for the site's icon at /favicon.ico by itself; the page's
    // img-src 'none' refuses it before it is sent (one violation, and the server never sees it).
    await expectOffline(o, [`img-src ${origin}/favicon.ico`]);
    expect(served).toEqual(["/om-scorecard.html"]);
    await o.context.close();
  } finally {
    close();
  }
});

test("Firefox enforces the page's policy on the page and on a blob: worker: a listening server sees nothing", async () => {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    res.writeHead(200, { "access-control-allow-origin": "*" }).end("reached");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  try {
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const o = await open();
    // From the page.
    const fromPage = await o.page.evaluate(
      (u) =>
        fetch(u).then(
          (r) => r.text(),
          (e: unknown) => `refused: ${e instanceof Error ? e.name : String(e)}`
        ),
      target
    );
    expect(fromPage).toBe("refused: TypeError");
    // From a worker made as the page makes its own (a blob: URL, allowed by worker-src blob:),
    // which inherits the page's policy.
    const fromWorker = await o.page.evaluate(
      (u) =>
        new Promise<string>((resolve) => {
          const source = `fetch(${JSON.stringify(u)}).then(
            (r) => r.text().then((t) => postMessage(t)),
            (e) => postMessage("refused: " + e.name));`;
          const w = new Worker(
            URL.createObjectURL(new Blob([source], { type: "text/javascript" }))
          );
          w.onmessage = (e) => resolve(String(e.data));
          w.onerror = (e) => resolve(`worker error: ${e.message}`);
        }),
      target
    );
    expect(fromWorker).toBe("refused: TypeError");
    expect(hits).toBe(0);
    // The control: the same fetch from a page without the policy reaches the server.
    const plain = await o.context.newPage();
    await plain.goto("about:blank");
    expect(await plain.evaluate((u) => fetch(u).then((r) => r.text()), target)).toBe("reached");
    expect(hits).toBe(1);
    await o.context.close();
  } finally {
    server.close();
  }
});

test("usable at 320 px, with a result shown (screenshot test-output/firefox-320-zh.png)", async () => {
  const o = await open(PAGE_URL, 320);
  const file = asFile(fs.readFileSync(path.join(ROOT, "sample/ledger.xlsx")), "台账.xlsx");
  await scoreOnPage(o, [file]);
  const width = await o.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
  await o.page.screenshot({ path: path.join(OUTPUT, "firefox-320-zh.png"), fullPage: true });
  await expectOffline(o);
  await o.context.close();
});
