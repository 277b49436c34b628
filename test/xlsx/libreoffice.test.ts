/**
 * The scored copy opens in a real spreadsheet program. Needs LibreOffice (`soffice`) and poppler's
 * `pdftotext`, installed by scripts/install-system-deps.sh; without them this test FAILS.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { WorkbookError, readLedgerXlsx, writeScoredCopy } from "../support/workbook";
import { richLedger, toXlsm } from "./fixtures";
import { parts, summaryFixture } from "./helpers";
import { convertWithLibreOffice } from "../support/libreoffice";

function which(cmd: string): string | null {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

function requireTools(): void {
  const missing = ["soffice", "pdftotext"].filter((c) => !which(c));
  if (missing.length) {
    throw new Error(
      `${missing.join(" and ")} not found: run scripts/install-system-deps.sh (Debian packages libreoffice-calc-nogui and poppler-utils), then rerun this test.`
    );
  }
}

/** Converts `files` with LibreOffice headless into `format` in `outDir`, using a private profile. */
function soffice(dir: string, format: string, files: string[]): void {
  convertWithLibreOffice(dir, files, format, path.join(dir, "out"), 90_000);
}

describe("LibreOffice opens the scored copy", () => {
  let dir: string;
  beforeAll(() => {
    requireTools();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-xlsx-"));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("renders the summary's numbers and the formula-looking note as text, for .xlsx and .xlsm", async () => {
    const xlsx = await richLedger({ existingSummary: true });
    const summary = summaryFixture();
    fs.writeFileSync(path.join(dir, "ledger.scored.xlsx"), writeScoredCopy(xlsx, summary));
    fs.writeFileSync(path.join(dir, "macro.scored.xlsm"), writeScoredCopy(toXlsm(xlsx), summary));
    soffice(dir, "pdf", ["ledger.scored.xlsx", "macro.scored.xlsm"]);
    for (const pdf of ["ledger.scored.pdf", "macro.scored.pdf"]) {
      const file = path.join(dir, "out", pdf);
      expect(fs.existsSync(file)).toBe(true);
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      for (const expected of [
        "84.50",
        "24.00",
        "7.50",
        "381,870.12",
        "848,600.00",
        "80.03%",
        "2024-12-31",
        '=HYPERLINK("x","y")',
        "-1+2",
        "@x",
        "暂定 provisional",
        "各项得分 Points by dimension",
      ]) {
        expect([expected, text.includes(expected)]).toEqual([expected, true]);
      }
      // the ledgers are still there
      for (const expected of ["GD-002", "合并单元格", "81.25", "本台账由监理公司维护。"]) {
        expect([expected, text.includes(expected)]).toEqual([expected, true]);
      }
      // the old user-made summary is gone
      expect(text).not.toContain("旧的结果");
    }
  });

  it("reads a workbook LibreOffice wrote (data descriptors, its own XML style) and scores a copy of it faithfully", async () => {
    const src = path.join(dir, "lo-src");
    fs.mkdirSync(src, { recursive: true });
    // A sheet with a chart (our own writer's, under another name) so the LibreOffice file holds chart and drawing parts.
    fs.writeFileSync(
      path.join(src, "ledger.xlsx"),
      writeScoredCopy(await richLedger(), { ...summaryFixture(), name: "统计图" })
    );
    convertWithLibreOffice(
      dir,
      path.join(src, "ledger.xlsx"),
      "xlsx:Calc Office Open XML",
      path.join(dir, "lo-out"),
      90_000
    );
    const lo = new Uint8Array(fs.readFileSync(path.join(dir, "lo-out", "ledger.xlsx")));
    const r = readLedgerXlsx(lo);
    expect(r.sheetNames).toEqual(["考勤", "工单", "考核结果（上月）", "说明", "统计图"]);
    const punches = r.tables.find((t) => t.sheet === "考勤")!;
    // G1 holds the hyperlink text, so the header row runs through column G.
    expect(punches.headers).toEqual([
      "日期",
      "姓名",
      "时段",
      "时间",
      "结果",
      null,
      "考勤制度 rules",
    ]);
    expect(punches.rows[0]).toEqual([45474, "李四", "上班", 0.375, "到岗", null, null]);
    expect(punches.rows[1][6]).toBe("合并单元格");
    const tickets = r.tables.find((t) => t.name === "工单")!;
    expect(tickets).toMatchObject({ kind: "table", headerRow: 1, firstColumn: 1 });
    expect(tickets.rows[1]).toEqual(["GD-002", "是", "处理中", 45475]);

    const copy = writeScoredCopy(lo, summaryFixture());
    const before = parts(lo);
    const after = parts(copy);
    expect(
      Object.keys(before).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length
    ).toBeGreaterThan(0);
    const allowed = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    for (const name of Object.keys(before)) {
      if (allowed.includes(name)) continue;
      expect([
        name,
        Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name] ?? new Uint8Array(0))),
      ]).toEqual([name, 0]);
    }
    expect(
      Buffer.compare(Buffer.from(writeScoredCopy(copy, summaryFixture())), Buffer.from(copy))
    ).toBe(0);
    expect(readLedgerXlsx(copy).tables.filter((t) => t.sheet !== "考核结果")).toEqual(r.tables);
  });

  it("real .xls and .csv files written by LibreOffice are refused with file-xls and file-csv", async () => {
    fs.writeFileSync(path.join(dir, "ledger.xlsx"), await richLedger());
    soffice(dir, "xls", ["ledger.xlsx"]);
    soffice(dir, "csv", ["ledger.xlsx"]);
    const code = (f: string) => {
      try {
        readLedgerXlsx(fs.readFileSync(path.join(dir, "out", f)));
        return "read";
      } catch (e) {
        return e instanceof WorkbookError ? e.code : String(e);
      }
    };
    expect(code("ledger.xls")).toBe("file-xls");
    expect(code("ledger.csv")).toBe("file-csv");
  });
});
