/**
 * The monthly trend in the scored copy (SPEC §8): a table of the months and, under the points
 * chart, a line chart of the attendance and completion rates, with a gap (never 0%) where a
 * month has nothing expected.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { readLedgerXlsx, writeScoredCopy } from "../support/workbook";
import { assess } from "../../src/engine";
import { buildSummary } from "../../src/report/summary";

const SAMPLE = readFileSync(path.resolve(__dirname, "../../sample/ledger.xlsx"));

function chartsOf(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  return Object.keys(files)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .sort()
    .map((n) => strFromU8(files[n]));
}

test("the scored sample carries a bar chart of the items and a line chart of the twelve months", () => {
  const a = assess(readLedgerXlsx(SAMPLE).tables);
  const summary = buildSummary(a);
  expect(summary.trend).toMatchObject({ kind: "line", rowCount: 12, seriesColumns: [3, 6] });
  const charts = chartsOf(writeScoredCopy(SAMPLE, summary));
  expect(charts).toHaveLength(2);
  expect(charts.filter((c) => c.includes("<c:barChart>"))).toHaveLength(1);
  const line = charts.find((c) => c.includes("<c:lineChart>"))!;
  expect(line).toContain("月度趋势 Monthly trend");
  expect(line.match(/<c:ser>/g)).toHaveLength(2);
  expect(line).toContain('<c:ptCount val="12"/>');
  expect(line).toContain("<c:v>2024-07</c:v>");
  expect(line).toContain('<c:dispBlanksAs val="gap"/>');
  expect(line).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
});

test("a month with nothing expected is an empty cell, left out of the line, not 0%", () => {
  const tables = readLedgerXlsx(SAMPLE).tables.map((t) =>
    // Everyone starts in August: July expects no checks.
    t.name === "驻场人员" ? { ...t, rows: t.rows.map((r) => [r[0], r[1], 45505, r[3]]) } : t
  );
  const summary = buildSummary(assess(tables));
  const july = summary.rows[summary.trend!.firstRow];
  expect(july[0].value).toBe("2024-07");
  expect(july[3]).toMatchObject({ value: null, format: "percent" });
  const line = chartsOf(writeScoredCopy(SAMPLE, summary)).find((c) => c.includes("<c:lineChart>"))!;
  const attendance = line.split("<c:ser>")[1];
  const values = attendance.slice(attendance.indexOf("<c:val>"));
  expect(values).not.toContain('<c:pt idx="0">');
  expect(values).toContain('<c:pt idx="1">');
});
