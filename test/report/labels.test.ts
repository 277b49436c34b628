/**
 * The words the views share live in src/report/labels.ts, not in the summary sheet's module:
 * the summary sheet's layout can change without the pane, the command line's text or the JSON
 * moving with it. Outside the sheet itself, only what lays out or converts the sheet is taken
 * from report/summary.ts.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const SUMMARY = path.join(SRC, "report/summary");
/** What report/summary.ts offers: the sheet, and the sheet in a workbook's date system. */
const SHEET_NAMES = new Set(["buildSummary", "inDateSystem", "EVIDENCE_LIMIT", "SummaryRun"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

test("no module takes a label from the summary sheet's module", () => {
  const taken: string[] = [];
  for (const file of filesUnder(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
      if (!m[2].startsWith(".") || path.resolve(path.dirname(file), m[2]) !== SUMMARY) continue;
      for (const name of m[1].split(",").map((s) => s.trim().replace(/^type\s+/, ""))) {
        if (name && !SHEET_NAMES.has(name)) taken.push(`${path.relative(SRC, file)}: ${name}`);
      }
    }
  }
  expect(taken).toEqual([]);
});
