/**
 * What `npm run build` leaves in dist/ for Excel to load: the manifest, the shared-runtime page
 * with office.js from Microsoft's CDN and the two chunks, functions.json describing every OM
 * function, the functions bundle binding each id, and every file the manifest points at.
 *
 * These tests read dist/ and do not build it: run `npm run build` first (`npm test` does).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const DEV_URL = "https://localhost:3000";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FUNCTION_IDS = [
  "TAILPAY",
  "PAYTIER",
  "TAILRATIO",
  "RATEPOINTS",
  "CNWORKDAY",
  "CNNETWORKDAYS",
  "RMBCAPS",
];

const webpackConfig = require("../webpack.config.js") as {
  addinUrl(value: string | undefined): string;
  rewriteManifest(xml: string, baseUrl: string): string;
};

function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `dist/${name} is missing: run \`npm run build\` first (dist/${name} 不存在：请先运行 npm run build)`
    );
  }
  return fs.readFileSync(file, "utf8");
}

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Array<{ name: string; type?: string; optional?: boolean; description?: string }>;
  result: { type?: string };
}

describe("dist/ after npm run build", () => {
  beforeAll(() => {
    if (!fs.existsSync(DIST)) {
      throw new Error(
        "dist/ does not exist: run `npm run build` first (dist/ 不存在：请先运行 npm run build)"
      );
    }
  });

  it("holds the manifest, still well-formed and naming the OM namespace", () => {
    const xml = distFile("manifest.xml");
    expect(() =>
      execFileSync("/usr/bin/xmllint", ["--noout", path.join(DIST, "manifest.xml")], {
        stdio: "pipe",
      })
    ).not.toThrow();
    expect(xml).toContain("<OfficeApp");
    expect(xml).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="OM"\s*\/>/);
  });

  it("serves every file the manifest points at, all from one https base", () => {
    const xml = distFile("manifest.xml");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    // The dev server's, or ADDIN_URL's when the build was made for a production host.
    const page = urls.find((u) => u.endsWith("/taskpane.html"));
    expect(page).toBeDefined();
    const base = page!.slice(0, -"/taskpane.html".length);
    expect(urls.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    const missing = urls
      .map((u) => u.slice(base.length + 1))
      .filter((f) => !fs.existsSync(path.join(DIST, f)));
    expect(missing).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN, then the task pane and functions chunks (no commands chunk)", () => {
    const html = distFile("taskpane.html");
    // The HTML is minified: attribute values may be unquoted.
    const scripts = [
      ...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g),
    ].map((m) => m[1] ?? m[2] ?? m[3]);
    expect(scripts).toContain(OFFICE_JS);
    const local = scripts.map((s) => s.replace(/^\.?\//, ""));
    for (const chunk of ["taskpane.js", "functions.js"]) {
      expect(local).toContain(chunk);
      distFile(chunk);
    }
    // The ribbon's only button is ShowTaskpane: no commands chunk to load.
    expect(local).not.toContain("commands.js");
    expect(fs.existsSync(path.join(DIST, "commands.js"))).toBe(false);
    // office.js must come first: the chunks use Office and CustomFunctions when they run.
    expect(scripts.indexOf(OFFICE_JS)).toBe(0);
    // No other network script: nothing beyond office.js leaves the add-in's own host.
    expect(scripts.filter((s) => /^https?:/.test(s) && s !== OFFICE_JS)).toEqual([]);
  });

  it("describes every OM function in functions.json, with Chinese descriptions", () => {
    const meta = JSON.parse(distFile("functions.json")) as { functions: FunctionMeta[] };
    const ids = meta.functions.map((f) => f.id);
    expect([...ids].sort()).toEqual([...FUNCTION_IDS].sort());
    for (const f of meta.functions) {
      expect(f.name).toBe(f.id); // users type =OM.TAILPAY(...), as SPEC §4 says
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(byId.TAILPAY.parameters.map((p) => [p.name, p.type])).toEqual([
      ["score", "number"],
      ["amount", "number"],
    ]);
    expect(byId.TAILPAY.result.type).toBe("number");
    expect(byId.PAYTIER.result.type).toBe("string");
    expect(byId.RATEPOINTS.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ["rate", "number", false],
      ["max", "number", false],
      ["roundWholePercent", "boolean", true],
    ]);
    expect(byId.CNWORKDAY.parameters.map((p) => p.name)).toEqual(["start", "days"]);
    expect(byId.CNNETWORKDAYS.parameters.map((p) => p.name)).toEqual(["start", "end"]);
  });

  it("leaves allowCustomDataForDataTypeAny out of functions.json (perpetual Excel 2021, office-js#4385)", () => {
    const text = distFile("functions.json");
    expect(text).not.toContain("allowCustomDataForDataTypeAny");
    const meta = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(meta)).not.toContain("allowCustomDataForDataTypeAny");
    expect(Array.isArray(meta.functions)).toBe(true);
  });

  it("binds every function id in the functions bundle (the plugin's associate calls)", () => {
    const js = distFile("functions.js");
    for (const id of FUNCTION_IDS)
      expect(js).toMatch(new RegExp(`CustomFunctions\\.associate\\(\\s*["']${id}["']`));
    expect(js.match(/CustomFunctions\.associate\(/g)).toHaveLength(FUNCTION_IDS.length);
  });

  it("computes in a bare JavaScript runtime as Excel loads it (the bundled functions, not the sources)", () => {
    const js = distFile("functions.js");
    const bound = new Map<string, (...args: unknown[]) => unknown>();
    class FakeError {
      constructor(
        public code: string,
        public message?: string
      ) {}
    }
    const sandbox = {
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => bound.set(id, fn),
        Error: FakeError,
        ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
      },
    };
    vm.runInNewContext(js, sandbox, { filename: "functions.js" });
    expect([...bound.keys()].sort()).toEqual([...FUNCTION_IDS].sort());
    expect(bound.get("TAILPAY")!(84, 424300)).toBe(381870);
    expect(bound.get("PAYTIER")!(85)).toBe("B");
    expect(bound.get("TAILRATIO")!(85.01)).toBe(1);
    expect(bound.get("RATEPOINTS")!(0.8499, 30, null)).toBe(24);
    expect(bound.get("CNWORKDAY")!(45562, 1)).toBe(45564);
    expect(bound.get("CNNETWORKDAYS")!(45474, 45838)).toBe(248);
    expect(bound.get("RMBCAPS")!(381870)).toBe("叁拾捌万壹仟捌佰柒拾元整");
    let thrown: unknown;
    try {
      bound.get("CNNETWORKDAYS")!(45474, 47850);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(FakeError);
    // A year the statutory calendar does not cover: #N/A, whose message Excel shows.
    expect((thrown as FakeError).code).toBe("#N/A");
    expect((thrown as FakeError).message).toContain("2027");
  });

  it("copies the icons", () => {
    for (const size of [16, 32, 64, 80]) {
      const file = path.join(DIST, "assets", `icon-${size}.png`);
      expect(fs.existsSync(file)).toBe(true);
      expect(
        fs.readFileSync(file).equals(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)))
      ).toBe(true);
    }
  });
});

describe("building for a production host (ADDIN_URL)", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("rewrites every dev-server URL in the manifest to the host", () => {
    const out = webpackConfig.rewriteManifest(
      xml,
      webpackConfig.addinUrl("https://addins.example.gov.cn/om/")
    );
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://addins.example.gov.cn/om/taskpane.html"');
    expect(out).toContain('DefaultValue="https://addins.example.gov.cn/om/functions.json"');
    expect(out).toContain('DefaultValue="https://addins.example.gov.cn/om/assets/icon-80.png"');
  });

  it("keeps the dev-server URLs when ADDIN_URL is not set", () => {
    expect(webpackConfig.addinUrl(undefined)).toBe(DEV_URL);
    expect(webpackConfig.rewriteManifest(xml, webpackConfig.addinUrl(""))).toBe(xml);
  });

  it("refuses a host that is not https", () => {
    expect(() => webpackConfig.addinUrl("http://addins.example.gov.cn/om")).toThrow(/https/);
    expect(() => webpackConfig.addinUrl("addins.example.gov.cn")).toThrow(/ADDIN_URL/);
  });
});

describe("OFFICE_JS_URL: where taskpane.html loads office.js from", () => {
  const config = require("../webpack.config.js") as ((
    env: unknown,
    argv: { mode: string }
  ) => { plugins: unknown[] }) & {
    officeJsUrl(value: string | undefined): { url: string; self: boolean };
    OFFICE_JS_GLOBAL: string;
    OFFICE_JS_CHINA: string;
  };

  it("defaults to Microsoft's global CDN, which the production build uses", () => {
    expect(config.officeJsUrl(undefined)).toEqual({ url: OFFICE_JS, self: false });
    expect(config.officeJsUrl("")).toEqual({ url: OFFICE_JS, self: false });
    expect(distFile("taskpane.html")).toMatch(
      new RegExp(`src="?${OFFICE_JS.replace(/[./]/g, "\\$&")}"?>`)
    );
  });

  it("takes china (21Vianet), self (a copy in the build) or an https URL, and refuses anything else", () => {
    expect(config.officeJsUrl("china").url).toBe(config.OFFICE_JS_CHINA);
    expect(config.officeJsUrl("21Vianet").url).toMatch(/^https:\/\/[^/]+\.cn\//);
    expect(config.officeJsUrl("self")).toEqual({ url: "office-js/office.js", self: true });
    expect(config.officeJsUrl("https://intranet.example/office/office.js").url).toBe(
      "https://intranet.example/office/office.js"
    );
    expect(() => config.officeJsUrl("http://intranet.example/office.js")).toThrow(/https/);
    expect(() => config.officeJsUrl("office.js")).toThrow(/OFFICE_JS_URL/);
  });

  it("with self, copies the @microsoft/office-js package's dist/ (office.js and the host files it loads) into the build", () => {
    const saved = process.env.OFFICE_JS_URL;
    process.env.OFFICE_JS_URL = "self";
    try {
      const built = config({}, { mode: "production" });
      const copy = built.plugins.find(
        (p) => (p as { constructor: { name: string } }).constructor.name === "CopyPlugin"
      ) as { patterns: { from: string; to: string }[] };
      const pattern = copy.patterns.find((p) => p.to === "office-js")!;
      expect(pattern).toBeDefined();
      for (const f of ["office.js", "excel-win32-16.00.js", "excel-web-16.00.js"])
        expect(fs.existsSync(path.join(pattern.from, f))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.OFFICE_JS_URL;
      else process.env.OFFICE_JS_URL = saved;
    }
    const plain = config({}, { mode: "production" });
    const copy = plain.plugins.find(
      (p) => (p as { constructor: { name: string } }).constructor.name === "CopyPlugin"
    ) as { patterns: { to: string }[] };
    expect(copy.patterns.some((p) => p.to === "office-js")).toBe(false);
  });
});
