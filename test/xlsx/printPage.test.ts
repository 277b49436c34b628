/**
 * The signable first page (SPEC §6), printed by a real spreadsheet program: the bundled sample
 * ledger is scored by the command line, LibreOffice exports the scored copy to PDF, and poppler
 * reads the summary's pages back (page size with `pdfinfo`, text positions with
 * `pdftotext -layout`). LibreOffice prints every sheet, so the summary's first page is found by
 * its title. `UPDATE_DOCS=1` also renders that page to docs/images/summary-page1.png.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { convertWithLibreOffice } from "../support/libreoffice";
import { mayRewrite } from "../support/rewrite";

const ROOT = path.resolve(__dirname, "../..");

describe("the scored sample, printed by LibreOffice", () => {
  let dir: string;
  let pdf: string;
  let pages: string[];
  let first: number; // 1-based page number of the summary's first page
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "om-print-"));
    const ledger = path.join(dir, "ledger.xlsx");
    copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), ledger);
    const code = await main(["assess", ledger, "--out", path.join(dir, "scored.xlsx")], {
      stdout: async () => undefined,
      stderr: async () => undefined,
      now: () => new Date("2025-07-10T02:00:00Z"),
    });
    expect(code).toBe(0);
    convertWithLibreOffice(
      dir,
      path.join(dir, "scored.xlsx"),
      "pdf",
      path.join(dir, "out"),
      120_000
    );
    pdf = path.join(dir, "out", readdirSync(path.join(dir, "out"))[0]);
    pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    first = pages.findIndex((p) => p.includes("运维考核评分结果 OM Scorecard assessment")) + 1;
    if (mayRewrite("UPDATE_DOCS")) {
      execFileSync("pdftoppm", [
        "-f",
        String(first),
        "-l",
        String(first),
        "-r",
        "110",
        "-png",
        "-singlefile",
        pdf,
        path.join(ROOT, "docs/images/summary-page1"),
      ]);
    }
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the summary's first page is A4 portrait", () => {
    expect(first).toBeGreaterThan(0);
    const info = execFileSync("pdfinfo", ["-f", String(first), "-l", String(first), pdf], {
      encoding: "utf8",
    });
    const m = new RegExp(`Page\\s+${first} size:\\s+([\\d.]+) x ([\\d.]+) pts`).exec(info)!;
    expect(Math.round(Number(m[1]))).toBe(595);
    expect(Math.round(Number(m[2]))).toBe(842);
  });

  test("page one holds the result, the readings in dispute, the payment schedule and the signature block", () => {
    const p1 = pages[first - 1];
    for (const text of [
      "状态 Status",
      "总分 Total",
      "付款等级 Tier",
      "应付尾款 Tail payable",
      "争议口径 Readings in dispute",
      "付款计划 Payment schedule",
      "违约金参考",
      "台账指纹 Ledger fingerprint",
      "监理单位 Supervisor",
      "甲方 Client",
      "乙方 Vendor",
    ])
      expect(p1).toContain(text);
    expect(p1).not.toContain("明细 Evidence");
    // Header and footer: the contract name, page x of y, the fingerprint.
    expect(p1).toContain("常州人社一体化信息平台");
    expect(p1).toMatch(new RegExp(`Page ${first} of \\d+`));
    expect(p1).toMatch(/台账指纹 SHA-256 [0-9a-f]{64}/);
  });

  test("the summary is one page wide: each table's last column is on the same line as its first", () => {
    const lines = pages[first - 1].split("\n");
    const line = (start: string) => lines.find((l) => l.includes(start)) ?? "";
    expect(line("争议口径 Readings in dispute")).toMatch(/付款 Payment/);
    expect(line("签署 Signatures")).toMatch(/日期 Date/);
    expect(line("付款计划 Payment schedule")).toMatch(/约定 Terms/);
    // The signature block is laid out left to right across the page, below everything else.
    const sig = lines.findIndex((l) => l.includes("签署 Signatures"));
    const pay = lines.findIndex((l) => l.includes("付款计划 Payment schedule"));
    expect(sig).toBeGreaterThan(pay);
    expect(line("签署 Signatures").indexOf("日期 Date")).toBeGreaterThan(60);
  });

  test("the evidence starts on the next page, after the page break, under the repeated title rows", () => {
    const p2 = pages[first];
    expect(p2).toContain("明细 Evidence");
    expect(p2).toContain("运维考核评分结果 OM Scorecard assessment"); // print titles
    expect(p2).toMatch(new RegExp(`Page ${first + 1} of \\d+`));
  });
});
