/**
 * SPEC §6 in the Excel adapter, against the fake host: the page layout (ExcelApi 1.9, and its
 * absence), the 考核记录 log, structure protection, the ledger check, and the fingerprint being
 * the command line's for the same data.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readLedgerXlsx } from "../support/workbook";
import { SUMMARY_SHEET_NAME } from "../../src/engine";
import { checkLedger, readLedger, runAssessment } from "../../src/excel";
import { ledgerFingerprint } from "../../src/report/fingerprint";
import { buildSummary } from "../../src/report/summary";
import {
  SampleLedger,
  installHost,
  sampleWithContract,
  uninstallOffice,
} from "../support/fakeHost";

const install = installHost;
afterEach(uninstallOffice);

const now = () => new Date("2025-07-10T02:00:00Z");

/** The fake host's workbook written as an .xlsx by exceljs: the same tables, the same values. */
async function asXlsx(spec: {
  sheets: {
    name: string;
    cells: unknown[][];
    tables: { name: string; columns: number; rows: number }[];
  }[];
}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    const [headers, ...rows] = s.cells as ExcelJS.CellValue[][];
    if (s.tables.length) {
      ws.addTable({
        name: s.tables[0].name,
        ref: "A1",
        headerRow: true,
        columns: headers.map((h) => ({ name: String(h) })),
        rows: rows.map((r) => headers.map((_, c) => (r[c] === undefined ? null : r[c]))),
      });
    } else {
      s.cells.forEach((r, i) =>
        (r as ExcelJS.CellValue[]).forEach((v, c) => {
          if (v !== null && v !== undefined) ws.getCell(i + 1, c + 1).value = v;
        })
      );
    }
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "om-fp-")), "ledger.xlsx");
  await wb.xlsx.writeFile(file);
  return readFileSync(file);
}

describe("the ledger fingerprint", () => {
  it("is the same from the Excel adapter (fake host) and the command line's reader for the same data", async () => {
    const spec = SampleLedger.sampleSpec();
    install(spec);
    const fromExcel = ledgerFingerprint(await readLedger());
    const fromCli = ledgerFingerprint(readLedgerXlsx(await asXlsx(spec)).tables);
    expect(fromExcel).toMatch(/^[0-9a-f]{64}$/);
    expect(fromExcel).toBe(fromCli);
    const run = await runAssessment({}, now);
    expect(run.fingerprint).toBe(fromCli);
  });
});

describe("runAssessment as a payment document", () => {
  it("applies the page layout through worksheet.pageLayout where the host has ExcelApi 1.9", async () => {
    const host = install(sampleWithContract());
    const run = await runAssessment({}, now);
    expect(run.pageLayout).toBe("applied");
    const s = host.sheet(SUMMARY_SHEET_NAME);
    const summary = buildSummary(run.assessment, {
      fingerprint: run.fingerprint!,
      record: run.record!,
    });
    const ps = summary.pageSetup!;
    expect(s.pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      printArea: `A1:H${ps.printArea.lastRow}`,
      centerHorizontally: true,
    });
    expect(s.pageLayout.headersFooters.centerHeader).toContain("常州人社");
    expect(s.pageLayout.headersFooters.leftFooter).toContain("&P");
    expect(s.pageLayout.headersFooters.rightFooter).toContain(run.fingerprint);
    expect(s.pageBreaks).toEqual([`A${ps.breaksAfterRows[0] + 1}`]);
    // The three signature lines, and (SPEC §9) the rows of long texts wrapped to the page's width.
    expect(Object.values(s.rowHeights).filter((h) => h === 42)).toHaveLength(3);
    expect(Object.values(s.rowHeights)).toEqual(Object.values(summary.rowHeights ?? {}));
    expect(s.merges.length).toBeGreaterThan(0);
  });

  it("prints the 考核记录 one landscape page wide, as the command line's copy does (SPEC §9), its rows wrapped and three lines tall", async () => {
    const host = install(sampleWithContract());
    await runAssessment({}, now);
    await runAssessment({}, now);
    const log = host.sheet("考核记录");
    expect(log.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
    });
    // The log grows: no print area fixed at its first row.
    expect(log.pageLayout.printArea).toBeUndefined();
    expect(log.pageLayout.headersFooters.centerHeader).toBe("考核记录 Run log");
    // The header and both runs' rows: wrapped, from the top, 48 pt.
    expect(log.rowHeights).toEqual({ 0: 48, 1: 48, 2: 48 });
    expect(log.wrap.has("2,0")).toBe(true);
    expect(log.valign.get("2,0")).toBe("Top");
  });

  it("writes the summary without the page layout, and says so, where the host lacks ExcelApi 1.9", async () => {
    const host = install(SampleLedger.sampleSpec(), { apiVersions: ["1.7"] });
    const run = await runAssessment({}, now);
    expect(run.pageLayout).toBe("unsupported");
    expect(host.sheet(SUMMARY_SHEET_NAME).pageLayout.printArea).toBeUndefined();
    expect(host.cells(SUMMARY_SHEET_NAME)[0][0]).toContain("运维服务考核评分表");
    // The run log is written all the same, with no print setup.
    expect(host.cells("考核记录")).toHaveLength(2);
    expect(host.sheet("考核记录").pageLayout.orientation).toBeUndefined();
  });

  it("appends one 考核记录 row per run and never rewrites the earlier ones", async () => {
    const host = install(SampleLedger.sampleSpec());
    const r1 = await runAssessment({}, now);
    const log1 = host.cells("考核记录");
    expect(log1).toHaveLength(2);
    expect(log1[1][0]).toBe(1);
    expect(log1[1][4]).toBe(r1.fingerprint);
    const r2 = await runAssessment({ profile: { tierEdge: "upper" } }, now);
    const log2 = host.cells("考核记录");
    expect(log2).toHaveLength(3);
    expect(log2[1]).toEqual(log1[1]);
    expect(log2[2][3]).toBe("rate=exact; tier-edge=upper");
    expect(r2.record!.seq).toBe(2);
  });

  it("refuses to write into a workbook whose structure is protected, before writing anything", async () => {
    const host = install({ ...SampleLedger.sampleSpec(), protectedStructure: true });
    const names = host.sheetNames();
    const run = await runAssessment({}, now);
    expect(run.refused?.code).toBe("workbook-structure-protected");
    expect(host.sheetNames()).toEqual(names);
    expect(host.cellWrites).toEqual([]);
  });
});

describe("checkLedger (the pane's 台账自上次评分后已修改)", () => {
  it("matches right after scoring, and flags a changed ledger cell", async () => {
    const host = install(SampleLedger.sampleSpec());
    expect((await checkLedger()).outcome).toBe("unreadable");
    await runAssessment({}, now);
    const ok = await checkLedger();
    expect(ok).toMatchObject({ outcome: "match", ledgerChanged: false, findings: [] });
    const surveys = host.sheet("问卷");
    surveys.rows[1][1] = 10;
    const changed = await checkLedger();
    expect(changed.outcome).toBe("differs");
    expect(changed.ledgerChanged).toBe(true);
    expect(changed.findings.map((f) => f.code)).toContain("verify-ledger-changed");
  });
});
