/**
 * The task pane's boot script (SPEC §13, old webviews) is ES5: it must run in Internet
 * Explorer 11, where Office falls back without the WebView2 runtime and the ES2020 bundle cannot
 * even be parsed. Parsed with acorn at ecmaVersion 5, as written and as built into taskpane.html.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src/taskpane/boot/boot.js");
const BUILT = path.join(ROOT, "dist/taskpane.html");

const es5 = (code: string) => parse(code, { ecmaVersion: 5, sourceType: "script" });

describe("the boot script is ES5 (SPEC §13)", () => {
  it("parses as ES5 as written", () => {
    expect(() => es5(fs.readFileSync(SOURCE, "utf8"))).not.toThrow();
  });

  it("an ES2015 line would not (the check has teeth)", () => {
    expect(() => es5("const a = () => 1;")).toThrow();
    expect(() => es5("var a = b ?? c;")).toThrow();
  });

  it("is inlined into the built taskpane.html before office.js, and parses as ES5 there", () => {
    const html = fs.readFileSync(BUILT, "utf8");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(() => es5(inline[0])).not.toThrow();
    expect(inline[0]).toContain("WebView2");
    const boot = html.indexOf("id=boot");
    const script = html.indexOf("<script>");
    const officeJs = html.indexOf("appsforoffice.microsoft.com");
    // The boot text, then the boot script, then office.js.
    expect(boot).toBeGreaterThan(-1);
    expect(boot).toBeLessThan(script);
    expect(script).toBeLessThan(officeJs);
  });
});
