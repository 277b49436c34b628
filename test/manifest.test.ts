/**
 * Offline checks of manifest.xml. Microsoft's validator (`office-addin-manifest validate`) needs
 * the network, so this checks what makes Office refuse or misload an add-in: well-formed XML,
 * element order, every resid defined (with the right kind and length), https URLs, a real GUID,
 * the shared runtime wiring, the OM namespace, the ribbon button, and icons of the declared sizes.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { SaxesParser } from "saxes";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

interface El {
  uri: string;
  name: string; // local name
  attrs: Record<string, string>; // by local name, except xsi:type as "xsi:type"
  children: El[];
  text: string;
  parent: El | null;
}

function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | null = null;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === "http://www.w3.org/2000/xmlns/") continue; // namespace declarations
      attrs[a.uri === NS.xsi ? `xsi:${a.local}` : a.local] = a.value;
    }
    const el: El = {
      uri: tag.uri,
      name: tag.local,
      attrs,
      children: [],
      text: "",
      parent: stack[stack.length - 1] ?? null,
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("empty document");
  return root;
}

function all(el: El, name?: string, uri?: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if ((name === undefined || c.name === name) && (uri === undefined || c.uri === uri))
        out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

function path_(el: El): string {
  const names: string[] = [];
  for (let e: El | null = el; e; e = e.parent) names.unshift(e.name);
  return names.join("/");
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The repository file a dev-server URL serves, for URLs that name a source file (assets). */
function repoFileFor(url: string): string {
  expect(url.startsWith(`${DEV_URL}/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length + 1));
}

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = parseXml(xml);
const overrides = child(doc, "VersionOverrides");
const resources = child(overrides, "Resources");

/** Resource id -> { kind, default value, overrides } for every resource in <Resources>. */
const resourceKinds = ["Images", "Urls", "ShortStrings", "LongStrings"] as const;
type Kind = (typeof resourceKinds)[number];
const defined = new Map<string, { kind: Kind; value: string; overrides: Record<string, string> }>();
const duplicates: string[] = [];
for (const kind of resourceKinds) {
  for (const r of child(resources, kind).children) {
    if (defined.has(r.attrs.id)) duplicates.push(r.attrs.id);
    const ov: Record<string, string> = {};
    for (const o of r.children.filter((c) => c.name === "Override"))
      ov[o.attrs.Locale] = o.attrs.Value;
    defined.set(r.attrs.id, { kind, value: r.attrs.DefaultValue, overrides: ov });
  }
}

function resource(id: string, kind: Kind): { value: string; overrides: Record<string, string> } {
  const r = defined.get(id);
  if (!r) throw new Error(`resid ${id} is not defined`);
  expect(r.kind).toBe(kind);
  return r;
}

describe("manifest.xml", () => {
  it("is well-formed XML (xmllint)", () => {
    expect(() =>
      execFileSync("/usr/bin/xmllint", ["--noout", MANIFEST], { stdio: "pipe" })
    ).not.toThrow();
  });

  it("is a TaskPaneApp OfficeApp with its top-level elements in schema order", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(doc.uri).toBe(NS.app);
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const names = doc.children.map((c) => c.name);
    for (const n of names) expect(order).toContain(n);
    expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "Hosts",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect(names).toContain(required);
    }
  });

  it("has no empty element the schema requires children of (an empty <AppDomains/> is invalid)", () => {
    // OfficeAppManifestV1_1.xsd: AppDomains holds one or more AppDomain; Sets one or more Set.
    for (const e of all(doc, "AppDomains")) {
      const domains = e.children.filter((c) => c.name === "AppDomain");
      expect({ path: path_(e), domains: domains.length }).toEqual({
        path: path_(e),
        domains: Math.max(1, domains.length),
      });
      for (const d of domains) expect(d.text.trim()).toMatch(/^https:\/\/[^\s/]+/);
    }
    for (const e of all(doc, "Sets"))
      expect({ path: path_(e), sets: e.children.length }).toEqual({
        path: path_(e),
        sets: Math.max(1, e.children.length),
      });
  });

  it("declares every requirement set with a Name and a MinVersion", () => {
    const sets = all(doc, "Set").filter((s) => s.parent?.name === "Sets");
    expect(sets.length).toBeGreaterThan(0);
    const problems = sets
      .filter((s) => !s.attrs.Name?.trim() || !/^\d+\.\d+$/.test(s.attrs.MinVersion ?? ""))
      .map(
        (s) => `${path_(s)} Name="${s.attrs.Name ?? ""}" MinVersion="${s.attrs.MinVersion ?? ""}"`
      );
    expect(problems).toEqual([]);
    const names = sets.map((s) => s.attrs.Name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("requires the API sets the code uses: ExcelApi 1.7, CustomFunctionsRuntime 1.2, SharedRuntime 1.1", () => {
    const requirements = child(doc, "Requirements");
    expect(requirements.children.map((c) => c.name)).toEqual(["Sets"]);
    const declared = Object.fromEntries(
      all(requirements, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion])
    );
    expect(declared).toEqual({
      ExcelApi: "1.7",
      CustomFunctionsRuntime: "1.2",
      SharedRuntime: "1.1",
    });
  });

  it("has its own GUID Id (not the Office template's) and a four-part version", () => {
    const id = child(doc, "Id").text.trim();
    expect(id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(id.toLowerCase()).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    expect(child(doc, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("names the add-in in Chinese with English alongside, within the length limits", () => {
    const name = child(doc, "DisplayName");
    expect(child(doc, "DefaultLocale").text.trim()).toBe("zh-CN");
    expect(name.attrs.DefaultValue).toContain("运维考核评分");
    expect(name.attrs.DefaultValue).toContain("OM Scorecard");
    expect(name.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    const desc = child(doc, "Description");
    expect(desc.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(desc.attrs.DefaultValue).toMatch(/[A-Za-z]{5}/);
    for (const e of [name, desc]) {
      const limit = e === name ? 125 : 250;
      for (const o of e.children) expect(o.attrs.Value.length).toBeLessThanOrEqual(limit);
      expect(e.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
    }
  });

  it("targets Excel workbooks with read/write document permission", () => {
    expect(child(doc, "Hosts").children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(child(doc, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const hosts = child(overrides, "Hosts").children;
    expect(hosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
    expect(overrides.uri).toBe(NS.overrides);
    expect(overrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("runs the task pane, ribbon and custom functions in one shared runtime (FunctionFile is the pane's page)", () => {
    const sets = all(child(doc, "Requirements"), "Set");
    const shared = sets.find((s) => s.attrs.Name === "SharedRuntime");
    expect(shared?.attrs.MinVersion).toBe("1.1");
    const runtimes = all(overrides, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
    const runtimeUrl = runtimes[0].attrs.resid;
    const cf = all(overrides, "ExtensionPoint").find(
      (e) => e.attrs["xsi:type"] === "CustomFunctions"
    );
    expect(cf).toBeDefined();
    expect(child(child(cf!, "Page"), "SourceLocation").attrs.resid).toBe(runtimeUrl);
    expect(all(overrides, "FunctionFile").map((f) => f.attrs.resid)).toEqual([runtimeUrl]);
    expect(resource(runtimeUrl, "Urls").value).toBe(`${DEV_URL}/taskpane.html`);
    expect(resource(child(child(cf!, "Script"), "SourceLocation").attrs.resid, "Urls").value).toBe(
      `${DEV_URL}/functions.js`
    );
    expect(
      resource(child(child(cf!, "Metadata"), "SourceLocation").attrs.resid, "Urls").value
    ).toBe(`${DEV_URL}/functions.json`);
  });

  it("puts the custom functions in the OM namespace", () => {
    const ns = all(overrides, "Namespace");
    expect(ns).toHaveLength(1);
    expect(resource(ns[0].attrs.resid, "ShortStrings").value).toBe("OM");
  });

  it("has a Home-tab button 评分 / Assess that opens the task pane", () => {
    const tab = all(overrides, "OfficeTab").find((t) => t.attrs.id === "TabHome");
    expect(tab).toBeDefined();
    const buttons = all(tab!, "Control").filter((c) => c.attrs["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const label = resource(child(buttons[0], "Label").attrs.resid, "ShortStrings");
    expect(label.value).toBe("评分");
    expect(label.overrides["en-US"]).toBe("Assess");
    const action = child(buttons[0], "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(resource(child(action, "SourceLocation").attrs.resid, "Urls").value).toBe(
      `${DEV_URL}/taskpane.html`
    );
  });

  it("defines every resid it references, once, with the right kind and at most 32 characters", () => {
    expect(duplicates).toEqual([]);
    const refs = all(doc).filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    const expectedKind = (e: El): Kind => {
      if (e.name === "Image") return "Images";
      if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(e.name))
        return "Urls";
      if (e.name === "Description") return "LongStrings";
      return "ShortStrings"; // Label, Title, Namespace
    };
    const problems: string[] = [];
    for (const e of refs) {
      const r = defined.get(e.attrs.resid);
      if (!r) problems.push(`${path_(e)} resid="${e.attrs.resid}" is not defined`);
      else if (r.kind !== expectedKind(e))
        problems.push(
          `${path_(e)} resid="${e.attrs.resid}" is a ${r.kind}, expected ${expectedKind(e)}`
        );
      if (e.attrs.resid.length > 32)
        problems.push(`resid "${e.attrs.resid}" is longer than 32 characters`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    for (const [id, r] of defined) {
      const limit = r.kind === "ShortStrings" ? 125 : r.kind === "LongStrings" ? 250 : 2048;
      for (const v of [r.value, ...Object.values(r.overrides)]) {
        expect({ id, length: v.length }).toEqual({ id, length: Math.min(v.length, limit) });
      }
    }
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const e of all(doc)) {
      for (const v of Object.values(e.attrs)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) urls.push(v);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e.text.trim())) urls.push(e.text.trim());
    }
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    for (const [, r] of defined) {
      if (r.kind === "Urls" || r.kind === "Images")
        expect(r.value.startsWith("https://")).toBe(true);
    }
  });

  it("points every icon at a PNG of the size it is declared as (16/32/80 ribbon, 32/64 add-in)", () => {
    const checks: Array<[string, number]> = [
      [child(doc, "IconUrl").attrs.DefaultValue, 32],
      [child(doc, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const img of all(overrides, "Image").filter((e) => e.attrs.resid !== undefined)) {
      checks.push([resource(img.attrs.resid, "Images").value, Number(img.attrs.size)]);
    }
    expect(checks.map(([, s]) => s).sort((a, b) => a - b)).toEqual(
      expect.arrayContaining([16, 32, 64, 80])
    );
    for (const [url, size] of checks) {
      const file = repoFileFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it("is read by office-addin-manifest (offline `info`)", () => {
    const bin = path.join(ROOT, "node_modules", ".bin", "office-addin-manifest");
    const out = execFileSync(bin, ["info", MANIFEST], { encoding: "utf8", stdio: "pipe" });
    expect(out).toContain(`Id: ${child(doc, "Id").text.trim()}`);
    expect(out).toContain("Name: 运维考核评分 OM Scorecard");
    expect(out).toContain("Type: TaskPaneApp");
    expect(out).toContain("Hosts: Workbook");
    expect(out).toContain("Permissions: ReadWriteDocument");
  });
});
