/**
 * Scoring one real-ledger .xlsx through both readers — the command line's (.xlsx reader,
 * `assess --json`) and the Excel adapter against the fake Office.js host — and holding the JSON
 * both give to the committed expected JSON. Shared by the real-ledger tests (SPEC §5, §10).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runAssessment } from "../../src/excel";
import { toJson, type AssessmentJson } from "../../src/report/json";
import { runLedger } from "../hostile/harness";
import { mayRewrite } from "../support/rewrite";
import { fakeSpec } from "./fakeSpec";

const OfficeFake = require("../fakes/officeFake.js");

const EXPECTED = path.join(__dirname, "expected");

/**
 * The full JSON a case must give, committed in test/real/expected/NAME.json so that a reviewer
 * can read every figure and message. UPDATE_EXPECTED=1 rewrites the files (then read the diff);
 * a missing file fails the test otherwise. The run log's `run` and the `fingerprint` are left
 * out (null): the harness clears them, and they are tested on their own.
 */
function expectFullJson(name: string, json: AssessmentJson): void {
  const file = path.join(EXPECTED, `${name}.json`);
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (mayRewrite("UPDATE_EXPECTED")) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`no ${file}: run with UPDATE_EXPECTED=1 and review it`);
  expect(json).toEqual(JSON.parse(readFileSync(file, "utf8")));
}

/**
 * Score through both readers: the adapter's JSON must equal the command line's, and both must
 * equal the committed expected JSON `expected`. Returns it.
 */
export async function both(
  expected: string,
  file: string,
  args: string[] = []
): Promise<AssessmentJson> {
  const cli = await runLedger(file, args);
  const host = OfficeFake.createHost(await fakeSpec(file));
  (globalThis as unknown as { Excel: unknown }).Excel = host.Excel;
  const asOf = args[0] === "--as-of" ? { asOf: Date.parse(args[1]) / 86400000 } : {};
  const { assessment } = await runAssessment(asOf);
  expect(toJson(assessment)).toEqual(cli.json);
  expectFullJson(expected, cli.json);
  return cli.json;
}
