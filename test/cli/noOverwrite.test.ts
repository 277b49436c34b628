/**
 * SPEC §9, "nothing overwritten in silence": the command line's output files, --version, and
 * its usage errors, bilingual and as one JSON object under --json.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli as run } from "../support/cli";
import { PROGRAM_VERSION } from "../../src/report/version";

const SAMPLE = path.resolve(__dirname, "../../sample/ledger.xlsx");
const folder = () => mkdtempSync(path.join(tmpdir(), "om-out-"));

describe("assess --out", () => {
  test("refuses an existing file: exit 1, one bilingual line naming it, the file kept byte for byte; --force replaces it", async () => {
    const dir = folder();
    const out = path.join(dir, "copy.xlsx");
    writeFileSync(out, "someone's work");
    const r = await run(["assess", SAMPLE, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain(out);
    expect(r.err).toMatch(/已存在.*--force.*already exists/);
    expect(readFileSync(out, "utf8")).toBe("someone's work");
    const j = await run(["assess", SAMPLE, "--out", out, "--json"]);
    expect(j.code).toBe(1);
    expect(j.out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(j.out)).toMatchObject({ status: "invalid", output: null });
    expect(JSON.parse(j.out).diagnostics[0].code).toBe("out-exists");
    const f = await run(["assess", SAMPLE, "--out", out, "--force", "--json"]);
    expect(f.code).toBe(0);
    expect(JSON.parse(f.out).output).toBe(out); // the JSON names the file written
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("without --out, an earlier scored copy beside the ledger is replaced and the run says so; any other file there is refused", async () => {
    const dir = folder();
    const ledger = path.join(dir, "台账.xlsx");
    copyFileSync(SAMPLE, ledger);
    const copy = path.join(dir, "台账.scored.xlsx");
    const first = await run(["assess", ledger], () => new Date("2025-07-10T02:00:00Z"));
    expect(first.code).toBe(0);
    expect(first.out).not.toContain("已替换");
    const earlier = readFileSync(copy);
    const again = await run(["assess", ledger], () => new Date("2025-08-10T02:00:00Z"));
    expect(again.code).toBe(0);
    expect(again.out).toContain("已替换上次的评分副本");
    expect(again.out).toContain("Replaced the earlier scored copy");
    expect(readFileSync(copy).equals(earlier)).toBe(false);
    // The JSON is the single run's, naming the copy.
    const j = await run(["assess", ledger, "--json"]);
    expect(JSON.parse(j.out).output).toBe(copy);
    // Someone's own file under that name is never replaced without --force.
    writeFileSync(copy, "someone's work");
    const r = await run(["assess", ledger]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(copy);
    expect(readFileSync(copy, "utf8")).toBe("someone's work");
  });

  test("writes only .xlsx: out.csv is refused and nothing is written", async () => {
    const out = path.join(folder(), "out.csv");
    const r = await run(["assess", SAMPLE, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\.xlsx/);
    expect(existsSync(out)).toBe(false);
  });

  test("a scored copy scored again never makes NAME.scored.scored.xlsx: without --out it is refused, naming NAME.rescored.xlsx", async () => {
    const dir = folder();
    const ledger = path.join(dir, "ledger.xlsx");
    copyFileSync(SAMPLE, ledger);
    expect((await run(["assess", ledger])).code).toBe(0);
    const scoredCopy = path.join(dir, "ledger.scored.xlsx");
    const again = await run(["assess", scoredCopy]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(path.join(dir, "ledger.rescored.xlsx"));
    expect(existsSync(path.join(dir, "ledger.scored.scored.xlsx"))).toBe(false);
    const named = await run([
      "assess",
      scoredCopy,
      "--out",
      path.join(dir, "ledger.rescored.xlsx"),
    ]);
    expect(named.code).toBe(0);
  });
});

describe("template --out and sample --out", () => {
  test("refuse an existing file unless --force, and anything but .xlsx", async () => {
    const dir = folder();
    const file = path.join(dir, "a.xlsx");
    writeFileSync(file, "keep");
    for (const cmd of ["template", "sample"]) {
      const r = await run([cmd, "--out", file]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(file);
      expect(readFileSync(file, "utf8")).toBe("keep");
      expect((await run([cmd, "--out", path.join(dir, `${cmd}.csv`)])).code).toBe(1);
    }
    expect((await run(["sample", "--out", file, "--force"])).code).toBe(0);
    expect((await run(["template", "--out", file, "--force"])).code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("--version and usage errors", () => {
  test("--version prints the version", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(PROGRAM_VERSION);
  });

  test("a usage error is one bilingual line, exit 1; under --json one JSON object", async () => {
    const r = await run(["assess", SAMPLE, "--no-such-flag"]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/用法错误.*未知的选项.*Usage error: unknown option/);
    const j = await run(["assess", "--json"]);
    expect(j.code).toBe(1);
    expect(j.err).toBe("");
    const o = JSON.parse(j.out);
    expect(o.status).toBe("invalid");
    expect(o.diagnostics[0]).toMatchObject({ code: "bad-usage", severity: "error" });
    expect(o.diagnostics[0].message).toMatch(/缺少参数.* \/ Usage error/);
  });
});
