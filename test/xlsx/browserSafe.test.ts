/**
 * The workbook package must run in a Web Worker (SPEC §11): it is compiled here the way a page
 * would see it, with the WebWorker library and no Node types, so a `Buffer`, `process` or
 * `node:` module anywhere in it or in what it imports fails to type-check.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

it("src/workbook type-checks as Web Worker code, without Node's types", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "om-workbook-tsc-"));
  try {
    const config = path.join(dir, "tsconfig.json");
    writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(ROOT, "tsconfig.json"),
        compilerOptions: {
          noEmit: true,
          incremental: false,
          lib: ["ES2022", "WebWorker"],
          types: [],
        },
        include: [],
        files: ["index.ts", "fflateCodec.ts"].map((f) => path.join(ROOT, "src/workbook", f)),
      })
    );
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config],
      { encoding: "utf8" }
    );
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
