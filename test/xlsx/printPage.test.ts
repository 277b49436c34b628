/**
 * The signable first page (SPEC §6), printed by a real spreadsheet program: the bundled sample
 * ledger is scored by the command line, LibreOffice exports the scored copy to PDF, and poppler
 * reads the summary's pages back (page size with `pdfinfo`, text positions with
 * `pdftotext -layout`). A supervisor prints the summary sheets, not the ledger: the ledger's
 * sheets are hidden in the copy printed (LibreOffice prints every visible sheet), so the pages
 * are numbered as that printout numbers them. `UPDATE_DOCS=1` also renders page one to
 * docs/images/summary-page1.png.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { convertWithLibreOffice } from "../support/libreoffice";
import { mayRewrite } from "../support/rewrite";

const ROOT = path.resolve(__dirname, "../..");

/** The workbook with every sheet but the tool's own (考核结果, 考核记录) hidden, 考核结果 active. */
function summaryOnly(file: string, out: string): void {
  const parts = unzipSync(readFileSync(file));
  let xml = strFromU8(parts["xl/workbook.xml"]);
  const names = [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  xml = xml.replace(/<sheet\b([^>]*)\/>/g, (m, attrs: string) =>
    /name="考核(结果|记录)"/.test(attrs)
      ? m
      : `<sheet${attrs.replace(/\s+state="[^"]*"/, "")} state="hidden"/>`
  );
  xml = xml.replace(/activeTab="\d+"/, `activeTab="${names.indexOf("考核结果")}"`);
  parts["xl/workbook.xml"] = strToU8(xml);
  writeFileSync(out, zipSync(parts));
}

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
    summaryOnly(path.join(dir, "scored.xlsx"), path.join(dir, "printed.xlsx"));
    convertWithLibreOffice(
      dir,
      path.join(dir, "printed.xlsx"),
      "pdf",
      path.join(dir, "out"),
      120_000
    );
    pdf = path.join(dir, "out", readdirSync(path.join(dir, "out"))[0]);
    pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
    first = pages.findIndex((p) => p.includes("运维服务考核评分表 O&M service assessment")) + 1;
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
    expect(first).toBe(1);
    expect(p1).toMatch(/第 1 页，共 \d 页 Page 1 of \d\b/);
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

  test("SPEC §9: page one opens with the title and the contract's name, names the parties, gives the payable in capitals and each party a signature line", () => {
    const p1 = pages[first - 1];
    const lines = p1.split("\n").filter((l) => l.trim() !== "");
    // The title, then the contract's name, before anything else on the page (the header aside).
    const title = lines.findIndex((l) => l.includes("运维服务考核评分表 O&M service assessment"));
    expect(title).toBeGreaterThanOrEqual(0);
    expect(lines[title + 1]).toContain("常州人社一体化信息平台（就业创业子系统）2024年度运维服务");
    for (const party of [
      "甲方 Client",
      "常州市人力资源和社会保障公共服务与技术保障中心",
      "乙方 Vendor",
      "浙江浙大网新软件产业集团有限公司",
      "监理单位 Supervisor",
      "示例监理有限公司",
      "合同编号 Contract No.",
    ])
      expect(p1).toContain(party);
    // The tail payable followed by its amount in capitals; each payment too.
    expect(p1).toMatch(/381,870\.00\s+（人民币叁拾捌万壹仟捌佰柒拾元整）/);
    expect(p1).toContain("（人民币肆拾贰万肆仟叁佰元整）");
    // A signature line for each party, under its name.
    const sig = lines.findIndex((l) => l.includes("签署 Signatures"));
    expect(lines.slice(sig).filter((l) => /_{6,}.*_{6,}.*_{6,}/.test(l))).toHaveLength(3);
  });

  test("SPEC §9: no number on page one runs into the text of the next column", () => {
    const p1 = pages[first - 1];
    // A points or money figure (two decimals) directly followed by a digit or a letter: the
    // 30.001462/1488, 84.61B and 17.001 起事件 of a print where text stood flush against a
    // number (84.6067, the unrounded total, is one figure of four decimals).
    expect(p1).not.toMatch(/\d\.\d{2}(?!\d{2}\s)[0-9A-Za-z]/);
    expect(p1).toMatch(/30\.00\s+1462\/1488/);
    expect(p1).toMatch(/84\.61\s+B\s/);
  });

  test("SPEC §9: the evidence wraps long texts inside the printed width, and the run log prints one page wide", () => {
    const evidence = pages
      .slice(first)
      .filter((p) => p.includes("明细 Evidence") || p.includes("运维服务考核评分表"));
    expect(evidence.length).toBeGreaterThan(0);
    // The rate rule and the dimension notes are whole on the page: their last words are printed.
    const all = evidence.join("\n");
    expect(all).toContain("问题 Diagnostics");
    // The run log: its header and its one row on a single page, every column on it.
    const log = pages.filter((p) => p.includes("考核记录 Run log"));
    expect(log).toHaveLength(1);
    for (const header of ["序号", "校验", "监理单位", "Supervisor"])
      expect(log[0]).toContain(header);
    expect(log[0]).toContain("示例监理有限公司");
  });

  test("the evidence starts on the next page, after the page break, under the repeated title rows", () => {
    const p2 = pages[first];
    expect(p2).toContain("明细 Evidence");
    expect(p2).toContain("运维服务考核评分表 O&M service assessment"); // print titles
    expect(p2).toMatch(new RegExp(`Page ${first + 1} of \\d+`));
  });
});
