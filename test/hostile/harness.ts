/**
 * Runs a hostile ledger file through the command line in-process and checks what every hostile
 * case must satisfy, whatever its outcome: no crash, exactly one JSON object on stdout, the
 * ledger file's bytes unchanged, and nothing written when the run is refused (exit 2).
 *
 * Outcomes are recorded; `HOSTILE_REPORT=bench/HOSTILE.md npx jest test/hostile/hostile.test.ts`
 * writes them as the Markdown table of bench/HOSTILE.md (between its markers; the rest of the
 * file is kept).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/main";
import type { AssessmentJson } from "../../src/report/json";

export interface Outcome {
  code: number;
  json: AssessmentJson;
  out: string;
  file: string;
  scored: string;
  /** Bytes of the scored copy, when one was written. */
  copy: Buffer | null;
}

export interface Row {
  area: string;
  input: string;
  exit: number;
  status: string;
  codes: string;
  treatment: string;
}

export const OUTCOMES: Row[] = [];

const DIRS: string[] = [];

/** Remove the folders `fileOf` made. */
export function cleanup(): void {
  for (const dir of DIRS.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder holding `bytes` as `name`. */
export function fileOf(bytes: Uint8Array | string, name = "ledger.xlsx"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "om-hostile-"));
  DIRS.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** `assess FILE --json --out OUT` in-process, with the checks every case shares. */
export async function runLedger(file: string, extra: string[] = []): Promise<Outcome> {
  const before = readFileSync(file);
  const scored = path.join(path.dirname(file), "out.scored.xlsx");
  let out = "";
  let err = "";
  const io: Io = { stdout: async (s) => void (out += s), stderr: async (s) => void (err += s) };
  // --force: a case may score the same file twice into the same copy (SPEC §9 refuses it otherwise).
  const code = await main(["assess", file, "--json", "--out", scored, "--force", ...extra], io);
  expect(readFileSync(file).equals(before)).toBe(true); // the ledger is never changed
  expect([0, 2]).toContain(code);
  const lines = out.trim().split("\n");
  expect(lines).toHaveLength(1); // exactly one JSON object, even for a refused file
  const json = JSON.parse(out) as AssessmentJson;
  if (code === 2) {
    expect(json.status).toBe("invalid");
    expect(existsSync(scored)).toBe(false); // nothing written
    // A refused run always says why, in both languages, with a stable code.
    expect(json.diagnostics.some((d) => d.severity === "error")).toBe(true);
  } else {
    expect(json.status).not.toBe("invalid");
    expect(existsSync(scored)).toBe(true);
  }
  void err;
  // The fingerprint is of the data as read (and the log row's check and time follow it), so
  // ledgers written differently differ there by design; cases compare what was scored.
  expect(json.fingerprint === null || /^[0-9a-f]{64}$/.test(json.fingerprint)).toBe(true);
  const scoredJson = { ...json, fingerprint: null, run: null };
  // Where the copy went is this run's temporary folder: not part of what was scored.
  expect(json.output).toBe(code === 0 ? scored : null);
  delete scoredJson.output;
  return {
    code,
    json: scoredJson,
    out,
    file,
    scored,
    copy: existsSync(scored) ? readFileSync(scored) : null,
  };
}

/** The error or warning codes of an outcome (no info), for the report. */
function codesOf(o: Outcome, severities: string[] = ["error", "warning"]): string[] {
  return [
    ...new Set(
      o.json.diagnostics.filter((d) => severities.includes(d.severity)).map((d) => d.code)
    ),
  ];
}

export function record(area: string, input: string, o: Outcome, treatment: string): void {
  OUTCOMES.push({
    area,
    input,
    exit: o.code,
    status: o.json.status,
    codes: codesOf(o).join(", ") || "—",
    treatment,
  });
}

/** Writes the recorded outcomes as Markdown when HOSTILE_REPORT names a file. */
export function writeReport(): void {
  const target = process.env.HOSTILE_REPORT;
  if (!target) return;
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [
    "| # | area | hostile input | exit | status | diagnostic codes (errors, warnings) | treatment |",
    "|---|---|---|---|---|---|---|",
    ...OUTCOMES.map(
      (r, i) =>
        `| ${i + 1} | ${esc(r.area)} | ${esc(r.input)} | ${r.exit} | ${r.status} | ${esc(r.codes)} | ${esc(r.treatment)} |`
    ),
  ];
  const existing = existsSync(target) ? readFileSync(target, "utf8") : "";
  const begin = "<!-- hostile-table:begin -->";
  const end = "<!-- hostile-table:end -->";
  const block = `${begin}\n${lines.join("\n")}\n${end}`;
  const next = existing.includes(begin)
    ? existing.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block)
    : `${existing}${block}\n`;
  writeFileSync(target, next);
}
