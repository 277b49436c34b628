import { isBuiltin } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import FOLDERS from "./architecture.folders.json";

/**
 * The design's arrows, checked on the source: each folder of src/ may import only the folders
 * and packages listed for it. The engine, in particular, never knows where its rows came from:
 * no Office, no DOM, no file system, nothing of ours outside it. And only src/excel calls
 * Excel.run. A new import that breaks an arrow fails here, naming the file and the import.
 */

const SRC = path.resolve(__dirname, "../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return specs;
}

/** The src/ folder a relative import lands in, or the package name of a bare one. */
function target(file: string, spec: string): string {
  if (spec.startsWith(".")) {
    const rel = path.relative(SRC, path.resolve(path.dirname(file), spec));
    return `src/${rel.split(path.sep)[0]}`;
  }
  if (spec.startsWith("node:")) return spec;
  return spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
}

/**
 * Each folder of src/ and what it may import: src/ folders, packages, Node's modules. The same
 * table is dependency-cruiser's (`.dependency-cruiser.cjs`, run by `npm run lint`).
 */
const ALLOWED: Record<string, string[]> = FOLDERS;

describe("the arrows point one way", () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    test(`src/${folder} imports only ${allowed.join(", ")}`, () => {
      const files = filesUnder(path.join(SRC, folder));
      expect(files.length).toBeGreaterThan(0);
      const outside = files.flatMap((f) =>
        importsOf(f)
          .map((spec) => [path.relative(SRC, f), spec, target(f, spec)] as const)
          .filter(([, , t]) => !allowed.includes(t))
          .map(([f2, spec]) => `${f2}: ${spec}`)
      );
      expect(outside).toEqual([]);
    });
  }

  test("every folder of src/ has its rule", () => {
    const folders = readdirSync(SRC).filter((n) => statSync(path.join(SRC, n)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  test("src/workbook uses nothing of Node: no node: or built-in module, no Buffer or process", () => {
    const nodeOnly = /\b(Buffer|process|require|__dirname|setImmediate)\b\s*[.(]/;
    const offenders = filesUnder(path.join(SRC, "workbook")).flatMap((f) => [
      ...importsOf(f)
        .filter((spec) => spec.startsWith("node:") || isBuiltin(spec))
        .map((spec) => `${path.relative(SRC, f)}: ${spec}`),
      ...readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => nodeOnly.test(line.replace(/\/\/.*|^\s*\*.*/, "")))
        .map((line) => `${path.relative(SRC, f)}: ${line.trim()}`),
    ]);
    expect(offenders).toEqual([]);
  });

  test("only src/excel calls Excel.run", () => {
    const callers = filesUnder(SRC)
      .filter((f) => /Excel\.run\s*\(/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f).split(path.sep)[0]);
    expect(new Set(callers)).toEqual(new Set(["excel"]));
  });

  test("nothing in src/ opens a network connection (PIPL: ledgers never leave the machine)", () => {
    const net =
      /\b(fetch|XMLHttpRequest|WebSocket|navigator\.sendBeacon)\s*\(|require\(["']node:(http|https|net|dgram)["']\)|from\s+["']node:(http|https|net|dgram)["']/;
    const offenders = filesUnder(SRC)
      .filter((f) => net.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
