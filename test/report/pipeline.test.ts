/**
 * The score-and-write pipeline every host drives (src/report/pipeline.ts): scoring gives the
 * assessment and the fingerprint of what was scored; the write plan numbers and chains the run
 * after the log as read, and the summary it carries names that run.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RUN_LOG_SHEET_NAME, assess, type RawCell } from "../../src/engine";
import { ledgerFingerprint, type Sha256 } from "../../src/report/fingerprint";
import { scoreLedger, writePlan } from "../../src/report/pipeline";
import { readLog } from "../../src/report/runLog";
import { SUMMARY_LABELS } from "../../src/report/labels";
import { ledgerAt85, scored } from "../engine/ledgerBuilder";

const nodeSha256 = (): Sha256 => {
  const h = createHash("sha256");
  return { update: (t) => void h.update(t, "utf8"), hex: () => h.digest("hex") };
};

/** A plan's log as the next read would see it: header row, then each written row's values. */
const gridOf = (...plans: ReturnType<typeof writePlan>[]): RawCell[][] => [
  plans[0].log.header.map((c) => c.value),
  ...plans.map((p) => p.log.row.map((c) => c.value)),
];

describe("the score-and-write pipeline", () => {
  const tables = ledgerAt85();

  test("scores as assess does and fingerprints the same data, whichever SHA-256 is passed", () => {
    const options = { profile: { tierEdge: "upper" as const } };
    const pure = scoreLedger(tables, options);
    const node = scoreLedger(tables, options, nodeSha256);
    expect(pure.assessment).toEqual(assess(tables, options));
    expect(pure.fingerprint).toBe(ledgerFingerprint(tables));
    expect(node.fingerprint).toBe(pure.fingerprint);
  });

  test("the first run is No. 1; the next follows the log's last row and chains to it", () => {
    const { assessment, fingerprint } = scoreLedger(tables);
    const a = scored(assessment);
    const first = writePlan(a, fingerprint, {
      previousLog: null,
      now: new Date("2025-07-10T02:00:00Z"),
    });
    expect(first.record.seq).toBe(1);
    expect(first.log.name).toBe(RUN_LOG_SHEET_NAME);
    const second = writePlan(a, fingerprint, {
      previousLog: gridOf(first),
      now: new Date("2025-07-11T02:00:00Z"),
    });
    expect(second.record.seq).toBe(2);
    // The two rows read back as an intact log: numbered from 1, every check holding.
    const back = readLog(gridOf(first, second));
    expect(back.problems).toEqual([]);
    expect(back.records.map((r) => r.check)).toEqual([first.record.check, second.record.check]);
  });

  test("the summary names the run it belongs to: its fingerprint and its run No.", () => {
    const { assessment, fingerprint } = scoreLedger(tables);
    const plan = writePlan(scored(assessment), fingerprint, {
      previousLog: null,
      now: new Date("2025-07-10T02:00:00Z"),
    });
    const row = (label: string) => plan.summary.rows.find((r) => r[0]?.value === label);
    expect(row(SUMMARY_LABELS.fingerprint)?.[1].value).toBe(fingerprint);
    expect(row(SUMMARY_LABELS.run)?.[1].value).toBe(plan.record.seq);
  });

  test("both hosts drive it, and neither scores or lays out the sheet on its own", () => {
    const src = (f: string) => readFileSync(path.resolve(__dirname, "../../src", f), "utf8");
    // The command line and the web page's worker drive it through the workbook package's
    // scoreWorkbook (one file's steps for both), the add-in directly.
    for (const host of ["workbook/scoreWorkbook.ts", "excel/index.ts"]) {
      const text = src(host);
      expect(text).toMatch(/\bscoreLedger\(/);
      expect(text).toMatch(/\bwritePlan\(/);
      expect(text).not.toMatch(/\b(assess|buildSummary|newRecord|ledgerFingerprint)\(/);
    }
    for (const caller of ["cli/main.ts", "cli/assessFile.ts", "cli/batch.ts", "web/scoreFile.ts"]) {
      const text = src(caller);
      expect(text).toMatch(/\b(scoreWorkbook|assessFile)\(/);
      expect(text).not.toMatch(/\b(assess|buildSummary|newRecord|ledgerFingerprint|scoreLedger)\(/);
    }
  });
});
