/**
 * SPEC §12 "Many contracts at once", the command line: `assess PATH... [--overview FILE.xlsx]`.
 * A folder of mixed real ledgers — the tidy sample, the DingTalk export, punches kept one sheet
 * per month, one invalid ledger, with a lock file, an old scored copy and a text file beside
 * them — is scored as a batch; each scored copy must be byte for byte the copy a single run
 * writes with the same options and clock, and the overview, the JSON and the text must name
 * every ledger with its figures.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/main";
import { cleanup } from "../hostile/harness";
import { invalidLedger, monthSheets, withSheets, xlsxFile } from "../hostile/ledgers";
import { runCli } from "../support/cli";
import { convertWithLibreOffice } from "../support/libreoffice";

const ROOT = path.resolve(__dirname, "../..");
const NOW = () => new Date("2025-07-10T02:00:00Z");

let dir: string;
/** The ledgers of the folder, by the name the batch reports them under. */
let ledgers: Record<string, string>;

afterAll(() => {
  cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder of the mixed ledgers (a batch writes into it, so each test makes its own). */
async function mixedFolder(): Promise<string> {
  const folder = mkdtempSync(path.join(dir, "mixed-"));
  copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), path.join(folder, "a-tidy.xlsx"));
  mkdirSync(path.join(folder, "b-exports"));
  copyFileSync(
    path.join(ROOT, "sample/ledger-dingtalk.xlsx"),
    path.join(folder, "b-exports", "dingtalk.xlsx")
  );
  copyFileSync(ledgers.months, path.join(folder, "c-months.xlsx"));
  copyFileSync(ledgers.invalid, path.join(folder, "d-invalid.xlsx"));
  // Not ledgers: Excel's lock file, an old scored copy, a note.
  writeFileSync(path.join(folder, "~$a-tidy.xlsx"), "lock");
  copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), path.join(folder, "old.scored.xlsx"));
  writeFileSync(path.join(folder, "notes.txt"), "notes");
  return folder;
}

/** The single run of one ledger, on its own copy in a fresh folder, with the same clock. */
async function singleRun(source: string, extra: string[] = []) {
  const own = mkdtempSync(path.join(dir, "single-"));
  const file = path.join(own, path.basename(source));
  copyFileSync(source, file);
  const r = await runCli(["assess", file, "--json", ...extra], NOW);
  const scored = file.replace(/\.xlsx$/, ".scored.xlsx");
  return {
    code: r.code,
    json: JSON.parse(r.out),
    copy: existsSync(scored) ? readFileSync(scored) : null,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "om-batch-"));
  const months = await xlsxFile(monthSheets());
  const invalid = await xlsxFile(invalidLedger());
  ledgers = { months, invalid };
}, 60_000);

describe("assess FOLDER: every ledger in it, each as a single run", () => {
  let folder: string;
  let run: { code: number; out: string; err: string };
  let json: {
    ledgers: Record<string, unknown>[];
    overview: string | null;
  };
  const names = () => [
    path.join(folder, "a-tidy.xlsx"),
    path.join(folder, "b-exports", "dingtalk.xlsx"),
    path.join(folder, "c-months.xlsx"),
    path.join(folder, "d-invalid.xlsx"),
  ];
  beforeAll(async () => {
    folder = await mixedFolder();
    run = await runCli(["assess", folder, "--json"], NOW);
    json = JSON.parse(run.out);
  }, 60_000);

  test("the JSON is one object: a ledger each, sorted by file, lock files and scored copies left out", () => {
    expect(run.out.trim().split("\n")).toHaveLength(1);
    expect(Object.keys(json)).toEqual(["ledgers", "overview"]);
    expect(json.overview).toBeNull();
    expect(json.ledgers.map((l) => l.file)).toEqual(names());
    for (const l of json.ledgers)
      expect(Object.keys(l)).toEqual([
        "file",
        "output",
        "status",
        "total",
        "tier",
        "tailAmount",
        "contract",
        "problems",
      ]);
    // As the Contract table writes them (SPEC §9); the invalid ledger has none.
    expect(json.ledgers[0].contract).toEqual({
      name: "常州人社一体化信息平台（就业创业子系统）2024年度运维服务",
      number: "示例 SAMPLE-2024-001",
      vendor: "浙江浙大网新软件产业集团有限公司",
    });
    expect(json.ledgers[3].contract).toEqual({ name: null, number: null, vendor: null });
  });

  test("exit 2 when one ledger is invalid; every other ledger is still scored and written", () => {
    expect(run.code).toBe(2);
    expect(json.ledgers.map((l) => l.status)).toEqual([
      "final",
      "final",
      expect.any(String),
      "invalid",
    ]);
    expect(json.ledgers.map((l) => l.output)).toEqual([
      path.join(folder, "a-tidy.scored.xlsx"),
      path.join(folder, "b-exports", "dingtalk.scored.xlsx"),
      path.join(folder, "c-months.scored.xlsx"),
      null,
    ]);
    expect(existsSync(path.join(folder, "d-invalid.scored.xlsx"))).toBe(false);
    // The old scored copy and the lock file are not scored again.
    expect(existsSync(path.join(folder, "old.scored.scored.xlsx"))).toBe(false);
    expect(existsSync(path.join(folder, "~$a-tidy.scored.xlsx"))).toBe(false);
  });

  test("each scored copy has the same bytes, and each ledger the same figures, as its single run", async () => {
    const sources = [
      path.join(ROOT, "sample/ledger.xlsx"),
      path.join(ROOT, "sample/ledger-dingtalk.xlsx"),
      ledgers.months,
      ledgers.invalid,
    ];
    for (const [i, source] of sources.entries()) {
      const single = await singleRun(source);
      const l = json.ledgers[i];
      expect([l.status, l.total, l.tier, l.tailAmount]).toEqual([
        single.json.status,
        single.json.total,
        single.json.tier,
        single.json.tailAmount,
      ]);
      // The batch's own warning aside: both samples are the same contract, and say so.
      const own = (l.problems as { code: string }[]).filter(
        (p) => p.code === "duplicate-contract-number"
      );
      expect(own).toHaveLength(i < 2 ? 1 : 0);
      expect(l.problems).toEqual([...single.json.diagnostics, ...own]);
      const copy = l.output === null ? null : readFileSync(l.output as string);
      if (single.copy === null) expect(copy).toBeNull();
      else expect(copy!.equals(single.copy)).toBe(true);
    }
    expect(json.ledgers[0]).toMatchObject({ total: 84.61, tier: "B", tailAmount: 381870 });
  }, 60_000);

  test("the invalid ledger says why", () => {
    const problems = json.ledgers[3].problems as { severity: string; code: string }[];
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: "error", code: "bad-yes-no" })
    );
  });

  test("progress went to stderr, a plain line per ledger as it finished, none of it on stdout", () => {
    const lines = run.err.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^\[1\/4\] .*a-tidy\.xlsx {2}最终 final {2}84\.61 {2}B {2}¥381,870\.00$/
    );
    expect(run.err).not.toContain("\r");
    expect(run.out).not.toContain("[1/4]");
  });
});

describe("assess PATH... as text", () => {
  test("one line per ledger and the totals; the same options reach every ledger", async () => {
    const folder = await mixedFolder();
    const r = await runCli(
      [
        "assess",
        path.join(folder, "a-tidy.xlsx"),
        path.join(folder, "b-exports"),
        "--tier-edge",
        "upper",
      ],
      NOW
    );
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const row = (name: string) => lines.filter((l) => l.includes(name) && l.includes("→"));
    expect(row("a-tidy.xlsx")).toHaveLength(1);
    expect(row("dingtalk.xlsx")).toHaveLength(1);
    expect(row("a-tidy.xlsx")[0]).toMatch(
      /最终 final\s+84\.61\s+B\s+¥381,870\.00\s+→ .*a-tidy\.scored\.xlsx/
    );
    expect(r.out).toContain(
      "合计 Totals: 最终 final 2 份 ¥763,740.00；暂定 provisional 0 份 ¥0.00；无效 invalid 0 份"
    );
    expect(r.out).toContain("应付尾款总计 Tail payable, all scored: ¥763,740.00");
    // --tier-edge reached the run log of each copy, as a single run with it writes it.
    const single = await singleRun(path.join(ROOT, "sample/ledger.xlsx"), ["--tier-edge", "upper"]);
    expect(readFileSync(path.join(folder, "a-tidy.scored.xlsx")).equals(single.copy!)).toBe(true);
  }, 60_000);

  test("a single ledger file keeps the single run's output exactly", async () => {
    const a = await mixedFolder();
    const b = await mixedFolder();
    const single = await runCli(["assess", path.join(a, "a-tidy.xlsx")], NOW);
    const again = await runCli(["assess", path.join(b, "a-tidy.xlsx")], NOW);
    expect(single.out.replaceAll(a, "F")).toBe(again.out.replaceAll(b, "F"));
    expect(single.out).toContain("运维考核评分 OM Scorecard\n合同名称 Contract    :");
    expect(single.out).not.toContain("份台账 ledgers");
    expect(single.err).toBe("");
  }, 60_000);

  test("--out is for one ledger: a batch refuses it (exit 1) and writes nothing", async () => {
    const folder = await mixedFolder();
    const r = await runCli(["assess", folder, "--out", path.join(folder, "x.xlsx")], NOW);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--out 只能用于单个台账文件");
    expect(r.err).toContain("--out takes a single ledger file");
    expect(readdirSync(folder).filter((f) => f.endsWith(".scored.xlsx"))).toEqual([
      "old.scored.xlsx",
    ]);
  });
});

/** The cells of the overview workbook's one sheet, as values (numbers as numbers). */
async function overviewRows(
  file: string
): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["考核总览"]);
  const sheet = wb.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    rows.push(Array.from({ length: 11 }, (_, j) => row.getCell(j + 1).value ?? null))
  );
  return { sheet, rows };
}

describe("--overview: one row per ledger, the tail payable by status, one page wide", () => {
  let folder: string;
  let overview: string;
  let run: { code: number; out: string; err: string };
  beforeAll(async () => {
    folder = await mixedFolder();
    // Bad inputs beside the good ones: a folder with no ledger, a missing file, a file that is
    // not a workbook, a workbook that is not a ledger.
    mkdirSync(path.join(folder, "e-empty"));
    writeFileSync(path.join(folder, "e-empty", "readme.txt"), "no ledgers here");
    writeFileSync(path.join(folder, "f-junk.xlsx"), "not a zip");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("预算").addRow(["科目", "金额"]);
    await other.xlsx.writeFile(path.join(folder, "g-budget.xlsx"));
    overview = path.join(folder, "overview.xlsx"); // inside the folder: never read as a ledger
    run = await runCli(
      [
        "assess",
        folder,
        path.join(folder, "e-empty"),
        path.join(dir, "missing.xlsx"),
        "--overview",
        overview,
      ],
      NOW
    );
  }, 60_000);

  test("every path has its row, sorted by file, with its figures or the reason it has none", async () => {
    expect(run.code).toBe(2);
    const { rows } = await overviewRows(overview);
    expect(rows[0][0]).toBe("运维考核总览 Assessment overview — 8 份台账 ledgers");
    expect(rows[1]).toEqual([
      "文件 File",
      "合同名称 Contract",
      "合同编号 Contract No.",
      "乙方 Vendor",
      "服务期限 Service period",
      "状态 Status",
      "总分 Total",
      "等级 Tier",
      "应付尾款 Tail payable",
      "问题 Problems",
      "台账指纹 Fingerprint",
    ]);
    const body = rows.slice(2, 10);
    expect(body.map((r) => r[0])).toEqual([
      path.join(dir, "missing.xlsx"),
      path.join(folder, "a-tidy.xlsx"),
      path.join(folder, "b-exports", "dingtalk.xlsx"),
      path.join(folder, "c-months.xlsx"),
      path.join(folder, "d-invalid.xlsx"),
      path.join(folder, "e-empty"),
      path.join(folder, "f-junk.xlsx"),
      path.join(folder, "g-budget.xlsx"),
    ]);
    const [missing, tidy, dingtalk, , invalid, empty, junk, budget] = body;
    expect(tidy.slice(1, 9)).toEqual([
      "常州人社一体化信息平台（就业创业子系统）2024年度运维服务",
      "示例 SAMPLE-2024-001",
      "浙江浙大网新软件产业集团有限公司",
      "2024-07-01 至 2025-06-30",
      "最终 final",
      84.61,
      "B",
      381870,
    ]);
    // The rest-day punch, and the same 合同编号 as the DingTalk sample (both samples are one contract).
    expect(tidy[9]).toMatch(/^警告 2 warnings/);
    expect(tidy[9]).toContain("the same contract twice?");
    expect(body[3][1]).toBe("（未填写）(not given)"); // c-months gives no 合同名称
    expect(tidy[10]).toMatch(/^[0-9a-f]{64}$/);
    expect(dingtalk.slice(5, 9)).toEqual(["最终 final", 84.61, "B", 381870]);
    for (const bad of [missing, invalid, empty, junk, budget]) {
      expect(bad[5]).toBe("无效 invalid");
      expect(bad[6]).toBeNull();
      expect(bad[8]).toBeNull();
    }
    expect(missing[9]).toContain("无法读取文件");
    expect(missing[9]).toContain("it does not exist");
    expect(invalid[9]).toMatch(/^错误 1 errors：表「工单」 第 2 行 列「流转乙方」：/);
    expect(empty[9]).toContain("中没有 .xlsx 台账文件");
    expect(empty[9]).toContain("holds no .xlsx ledger");
    expect(junk[9]).toContain("这不是 Excel 工作簿");
    expect(budget[9]).toContain("找不到「");
  });

  test("the tail payable is summed by status under the rows", async () => {
    const { rows } = await overviewRows(overview);
    const totals = rows.slice(11).filter((r) => r[0] !== null);
    const months = JSON.parse((await runCli(["assess", ledgers.months, "--json"], NOW)).out);
    const provisional = months.status === "provisional" ? months.tailAmount : 0;
    const final = 763740 + (months.status === "final" ? months.tailAmount : 0);
    expect(totals.map((r) => [r[0], r[8]])).toEqual([
      [expect.stringContaining("最终"), final],
      [expect.stringContaining("暂定"), provisional],
      ["未评分（无效 5 份）Not scored, invalid (5)", null],
      ["应付尾款总计（共 8 份）Tail payable, all scored (8 ledgers)", final + provisional],
    ]);
  });

  test("the text names each bad input in both languages, and the overview written", () => {
    expect(run.out).toContain(`[错误 error] ${path.join(folder, "e-empty")}：文件夹`);
    expect(run.out).toContain("holds no .xlsx ledger");
    expect(run.out).toContain(
      `[错误 error] ${path.join(folder, "f-junk.xlsx")}：这不是 Excel 工作簿`
    );
    expect(run.out).toContain(`已写入总览 Overview written: ${overview}`);
  });

  test("its page setup prints it landscape, fit to one page wide", async () => {
    const { sheet } = await overviewRows(overview);
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  test("LibreOffice prints it on one landscape page, the header's last column beside its first", () => {
    const out = path.join(dir, "overview-pdf");
    convertWithLibreOffice(dir, overview, "pdf", out, 120_000);
    const pdf = path.join(out, "overview.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1\n/);
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([842, 595]);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const header = text.split("\n").find((l) => l.includes("文件 File")) ?? "";
    expect(header).toContain("台账指纹");
    expect(text).toContain("a-tidy.xlsx");
    expect(text).toContain("¥381,870.00");
    if (process.env.OVERVIEW_PNG)
      execFileSync("pdftoppm", ["-r", "130", "-png", "-singlefile", pdf, process.env.OVERVIEW_PNG]);
  }, 180_000);
});

test("a folder's links to ledger files are followed, links to folders are not", async () => {
  const folder = mkdtempSync(path.join(dir, "links-"));
  const target = mkdtempSync(path.join(dir, "target-"));
  copyFileSync(ledgers.months, path.join(target, "m.xlsx"));
  symlinkSync(path.join(target, "m.xlsx"), path.join(folder, "linked.xlsx"));
  symlinkSync(target, path.join(folder, "loop"));
  symlinkSync(folder, path.join(target, "back"));
  const r = await runCli(["assess", folder, "--json"], NOW);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).ledgers.map((l: { file: string }) => l.file)).toEqual([
    path.join(folder, "linked.xlsx"),
  ]);
});

test("--overview never writes over a ledger or another workbook, only over an earlier overview", async () => {
  const folder = await mixedFolder();
  const ledger = path.join(folder, "a-tidy.xlsx");
  const before = readFileSync(ledger);
  const r = await runCli(["assess", path.join(folder, "c-months.xlsx"), "--overview", ledger], NOW);
  expect(r.code).toBe(1);
  expect(r.err).toContain("已存在，且不是总览工作簿");
  expect(r.err).toContain("it is not written over");
  expect(readFileSync(ledger).equals(before)).toBe(true);
  expect(existsSync(path.join(folder, "c-months.scored.xlsx"))).toBe(false);
  // An overview written before is replaced on the next run.
  const overview = path.join(folder, "overview.xlsx");
  expect((await runCli(["assess", folder, "--overview", overview], NOW)).code).toBe(2);
  const again = await runCli(
    ["assess", path.join(folder, "a-tidy.xlsx"), "--overview", overview, "--json", "--force"],
    NOW
  );
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out).overview).toBe(overview);
  expect((await overviewRows(overview)).rows[0][0]).toContain("1 份台账 ledgers");
  // Bad names: not .xlsx, a missing folder.
  for (const bad of [path.join(folder, "o.csv"), path.join(folder, "no", "o.xlsx")])
    expect((await runCli(["assess", folder, "--overview", bad], NOW)).code).toBe(1);
}, 60_000);

describe("progress on a terminal", () => {
  test("redrawn in place while a ledger runs, a line once it finishes; stdout keeps only the JSON", async () => {
    const folder = await mixedFolder();
    let out = "";
    let err = "";
    const io: Io = {
      stdout: async (s) => void (out += s),
      stderr: async (s) => void (err += s),
      stderrIsTTY: true,
      now: NOW,
    };
    const code = await main(
      ["assess", path.join(folder, "a-tidy.xlsx"), path.join(folder, "c-months.xlsx"), "--json"],
      io
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).ledgers).toHaveLength(2);
    expect(err).toContain("\r\x1b[K[1/2] 正在评分 scoring ");
    const finished = err
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\r\x1b[K").pop());
    expect(finished).toEqual([
      expect.stringMatching(/^\[1\/2\] .*a-tidy\.xlsx {2}最终 final/),
      expect.stringMatching(/^\[2\/2\] .*c-months\.xlsx {2}/),
    ]);
  }, 60_000);
});

/** A ledger whose Contract table names its contract (SPEC §9), in a file of `folder`. */
async function namedLedger(folder: string, file: string, name: string, number: string) {
  const made = await xlsxFile(
    withSheets({}, [
      {
        name: "合同",
        headers: ["项目", "值"],
        rows: [
          ["合同名称", name],
          ["合同编号", number],
          ["乙方", "某软件有限公司"],
        ],
      },
    ])
  );
  copyFileSync(made, path.join(folder, file));
}

test("two ledgers whose Contract tables give the same 合同编号: both rows warned, end to end", async () => {
  const folder = mkdtempSync(path.join(dir, "twice-"));
  await namedLedger(folder, "a.xlsx", "甲中心运维", "HT-2024-01");
  await namedLedger(folder, "b.xlsx", "甲中心运维（复制）", "HT-2024-01");
  await namedLedger(folder, "c.xlsx", "乙中心运维", "HT-2024-02");
  const r = await runCli(["assess", folder, "--json"], NOW);
  const json = JSON.parse(r.out) as {
    ledgers: {
      contract: { name: string; number: string; vendor: string };
      status: string;
      problems: { code: string; message: string }[];
    }[];
  };
  expect(json.ledgers.map((l) => l.contract)).toEqual([
    { name: "甲中心运维", number: "HT-2024-01", vendor: "某软件有限公司" },
    { name: "甲中心运维（复制）", number: "HT-2024-01", vendor: "某软件有限公司" },
    { name: "乙中心运维", number: "HT-2024-02", vendor: "某软件有限公司" },
  ]);
  const warned = json.ledgers.map((l) =>
    l.problems.filter((p) => p.code === "duplicate-contract-number").map((p) => p.message)
  );
  expect(warned[0]).toEqual([expect.stringContaining(`「${path.join(folder, "b.xlsx")}」`)]);
  expect(warned[1]).toEqual([expect.stringContaining(`「${path.join(folder, "a.xlsx")}」`)]);
  expect(warned[2]).toEqual([]);
  // A warning, not a refusal: every ledger is scored and written.
  expect(r.code).toBe(0);
  expect(json.ledgers.map((l) => l.status)).not.toContain("invalid");
  const text = await runCli(["assess", folder, "--force"], NOW);
  expect(text.out).toContain("问题 Problems:");
  expect(text.out).toContain("the same contract twice?");
}, 60_000);

describe("nothing overwritten in silence, in a batch too (SPEC §9)", () => {
  test("a folder scored again replaces its earlier scored copies and says so; another file where a copy goes stops the batch before the first ledger, unless --force", async () => {
    const folder = mkdtempSync(path.join(dir, "again-"));
    copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), path.join(folder, "a.xlsx"));
    copyFileSync(ledgers.months, path.join(folder, "b.xlsx"));
    expect((await runCli(["assess", folder], NOW)).code).toBe(0);
    const copies = ["a.scored.xlsx", "b.scored.xlsx"].map((f) => path.join(folder, f));
    const before = copies.map((f) => readFileSync(f));
    // Scored again, a month later: both copies are the new run's, and the text says they replaced the old.
    const later = () => new Date("2025-08-01T02:00:00Z");
    const again = await runCli(["assess", folder], later);
    expect(again.code).toBe(0);
    expect(again.out).toContain("已替换 2 份上次的评分副本");
    expect(again.out).toContain("Replaced 2 earlier scored copies");
    expect(readFileSync(copies[0]).equals(before[0])).toBe(false);
    // Not a scored copy where b's copy goes (someone's own file): nothing is scored or written.
    writeFileSync(copies[1], "someone's own notes");
    const refused = await runCli(["assess", folder], later);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
    expect(refused.err).toContain(copies[1]);
    expect(refused.err).not.toContain(copies[0]);
    expect(refused.err).toContain("To replace the files named above, add --force.");
    expect(refused.err.split("\n")[0]).toMatch(/^\[错误 error\] /);
    expect(readFileSync(copies[1], "utf8")).toBe("someone's own notes");
    const json = await runCli(["assess", folder, "--json"], later);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ledgers: [], overview: null });
    expect(JSON.parse(json.out).error).toContain("out-exists");

    const forced = await runCli(["assess", folder, "--force"], NOW);
    expect(forced.code).toBe(0);
    expect(readFileSync(copies[0]).equals(before[0])).toBe(true); // same ledger, same clock
    expect(readFileSync(copies[1]).equals(before[1])).toBe(true);
  }, 60_000);

  test("a bad --as-of stops the batch before any ledger: exit 2, the command line's words, one JSON object", async () => {
    const folder = mkdtempSync(path.join(dir, "asof-"));
    copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), path.join(folder, "a.xlsx"));
    const text = await runCli(["assess", folder, "--as-of", "2025-13-45"], NOW);
    expect(text.code).toBe(2);
    expect(text.out).toBe("");
    expect(text.err).toContain("bad-as-of");
    const json = await runCli(["assess", folder, "--as-of", "2025-13-45", "--json"], NOW);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ledgers: [], overview: null });
    expect(JSON.parse(json.out).error).toContain("2025-13-45");
    expect(readdirSync(folder)).toEqual(["a.xlsx"]);
  });

  test("a scored copy named among the ledgers is refused, as a single run refuses it: no NAME.scored.scored.xlsx", async () => {
    const folder = mkdtempSync(path.join(dir, "copy-"));
    const ledger = path.join(folder, "a.xlsx");
    copyFileSync(path.join(ROOT, "sample/ledger.xlsx"), ledger);
    expect((await runCli(["assess", ledger], NOW)).code).toBe(0);
    const r = await runCli(["assess", ledger, path.join(folder, "a.scored.xlsx"), "--force"], NOW);
    expect(r.code).toBe(1);
    expect(r.err).toContain("input-is-scored-copy");
    expect(r.err).toContain("a.rescored.xlsx");
    expect(readdirSync(folder).sort()).toEqual(["a.scored.xlsx", "a.xlsx"]);
  }, 60_000);
});
