/**
 * `om-scorecard template`: the empty ledger opens with exceljs and with the project's reader, has
 * the seven tables with their checks and the 说明 sheet, never overwrites a file, and, filled
 * with the bundled sample's rows, scores exactly as the sample does. LibreOffice (`soffice`,
 * installed by scripts/install-system-deps.sh) must open it too; without it that test FAILS.
 */
import { runCli } from "../support/cli";
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  BLANK_ROWS,
  CHECKED_ROWS,
  DATE_FORMAT,
  GUIDE_SHEET,
  TIME_FORMAT,
  VOCABULARY,
} from "../../src/cli/template";
import { readLedgerXlsx } from "../support/workbook";
import {
  CONTRACT_ITEMS,
  SUMMARY_SHEET_NAME,
  TABLES,
  askedColumns,
  type RawCell,
} from "../../src/engine";
import {
  BAD,
  parseCategory,
  parseDayType,
  parseResult,
  parseSlot,
  parseYesNo,
} from "../../src/engine/values";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "sample/ledger.xlsx");

const run = runCli;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "om-template-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder with a freshly written template in it. */
async function freshTemplate(): Promise<string> {
  const sub = mkdtempSync(path.join(dir, "t-"));
  const file = path.join(sub, "模板.xlsx");
  const r = await run(["template", "--out", file]);
  expect(r).toEqual({
    code: 0,
    out: `已生成空白台账模板 Ledger template written: ${file}\n`,
    err: "",
  });
  return file;
}

/** The checks the brief names, by table and column (Chinese). */
const LISTS: Record<string, string[]> = {
  "合同/项目": Object.values(CONTRACT_ITEMS).map((i) => i.zh),
  "考勤/时段": ["上班", "下班"],
  "考勤/结果": ["到岗", "缺勤"],
  "工单/流转乙方": ["是", "否"],
  "投诉/类别": ["日常维护", "响应度"],
  "投诉/核实属实": ["是", "否"],
  "日历/类型": ["工作日", "休息日"],
};
const DATES = new Set([
  "驻场人员/到岗日期",
  "驻场人员/离岗日期",
  "考勤/日期",
  "工单/创建日期",
  "投诉/日期",
  "投诉/整改期限",
  "投诉/整改完成日期",
  "日历/日期",
]);

describe("om-scorecard template", () => {
  test("seven Excel tables with the spec's Chinese names and headers, checks, formats and a 说明 sheet", async () => {
    const file = await freshTemplate();

    // The project's reader sees the seven tables as tables, with the first names of SPEC §2.
    const read = readLedgerXlsx(readFileSync(file));
    expect(read.sheetNames).toEqual([GUIDE_SHEET, ...TABLES.map((t) => t.zh)]);
    expect(read.tables.filter((t) => t.kind === "table").map((t) => [t.name, t.headers])).toEqual(
      TABLES.map((t) => [t.zh, askedColumns(t).map((c) => c.zh)])
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const table of TABLES) {
      const ws = wb.getWorksheet(table.zh)!;
      const model = (ws.getTable(table.zh) as unknown as { table: ExcelJS.TableProperties }).table;
      expect(model.columns.map((c) => c.name)).toEqual(askedColumns(table).map((c) => c.zh));
      const rows = table.key === "contract" ? Object.keys(CONTRACT_ITEMS).length : BLANK_ROWS;
      expect((model as unknown as { tableRef: string }).tableRef).toMatch(
        new RegExp(`^A1:[A-Z]${rows + 1}$`)
      );
      if (table.key === "contract") {
        expect(LISTS["合同/项目"].map((_, i) => ws.getCell(i + 2, 1).value)).toEqual(
          LISTS["合同/项目"]
        );
      }

      askedColumns(table).forEach((column, i) => {
        const where = `${table.zh}/${column.zh}`;
        for (const row of [2, rows + 1, CHECKED_ROWS + 1]) {
          const cell = ws.getCell(row, i + 1);
          const v = cell.dataValidation as ExcelJS.DataValidation | undefined;
          if (LISTS[where]) {
            expect([where, v?.type, v?.formulae]).toEqual([
              where,
              "list",
              [`"${LISTS[where].join(",")}"`],
            ]);
            expect(v).toMatchObject({
              allowBlank: true,
              showErrorMessage: true,
              errorStyle: "stop",
            });
          } else if (DATES.has(where)) {
            expect([where, v?.type, cell.numFmt]).toEqual([where, "date", DATE_FORMAT]);
          } else if (where === "问卷/得分") {
            expect(v).toMatchObject({ type: "decimal", formulae: [0, 100], errorStyle: "stop" });
          } else {
            expect([where, v]).toEqual([where, undefined]);
          }
        }
        if (where === "考勤/时间") expect(ws.getCell(2, i + 1).numFmt).toBe(TIME_FORMAT);
        // no check beyond the checked rows
        expect(ws.getCell(CHECKED_ROWS + 2, i + 1).dataValidation).toBeUndefined();
      });
    }

    // The guide names every table and column in both languages, the vocabulary and the summary sheet.
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    expect(wb.worksheets[0].name).toBe(GUIDE_SHEET);
    const text: string[] = [];
    guide.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    const all = text.join("\n");
    for (const table of TABLES) {
      expect(all).toContain(`${table.zh} ${table.en}`);
      for (const c of askedColumns(table)) expect(all).toContain(`${c.zh} ${c.en}`);
    }
    for (const words of Object.values(VOCABULARY)) for (const w of words) expect(all).toContain(w);
    for (const item of Object.values(CONTRACT_ITEMS))
      expect(all).toContain(`${item.zh} ${item.en}`);
    expect(all).toContain(`「${SUMMARY_SHEET_NAME}」工作表由工具写入`);
    expect(all).toContain("is written by the tool");
    // Chinese first, English alongside: every explained row has both.
    guide.eachRow((row, n) => {
      if (n > 2 && row.getCell(4).value) expect(row.getCell(5).value).toBeTruthy();
    });
  });

  test("each drop-down word is one the reader accepts, and the two words of a pair differ", () => {
    const pairs: [readonly string[], (c: RawCell) => unknown][] = [
      [VOCABULARY.yesNo, parseYesNo],
      [VOCABULARY.slot, parseSlot],
      [VOCABULARY.result, parseResult],
      [VOCABULARY.category, parseCategory],
      [VOCABULARY.dayType, parseDayType],
    ];
    for (const [words, parse] of pairs) {
      const parsed = words.map((w) => parse(w));
      expect(parsed).not.toContain(BAD);
      expect(parsed).not.toContain(null);
      expect(new Set(parsed).size).toBe(words.length);
    }
    expect(VOCABULARY.contractItem).toEqual(Object.values(CONTRACT_ITEMS).map((i) => i.zh));
  });

  test("the empty template reads cleanly: its only problem is the empty roster", async () => {
    const file = await freshTemplate();
    const r = await run([
      "assess",
      file,
      "--json",
      "--out",
      path.join(path.dirname(file), "o.xlsx"),
    ]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(["empty-roster"]);
  });

  test("never overwrites: an existing file is kept byte for byte, exit 1 and one bilingual line", async () => {
    const sub = mkdtempSync(path.join(dir, "keep-"));
    const file = path.join(sub, "ledger.xlsx");
    writeFileSync(file, "the supervisor's real ledger");

    const r = await run(["template", "--out", file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `文件「${file}」已存在，未覆盖；请换一个 --out 文件名。 The file "${file}" already exists and was not overwritten; choose another --out file.\n`
    );
    expect(readFileSync(file, "utf8")).toBe("the supervisor's real ledger");

    const j = await run(["template", "--out", file, "--json"]);
    expect(j.code).toBe(1);
    expect(j.err).toBe("");
    expect(j.out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(j.out)).toEqual({
      status: "error",
      code: "file-exists",
      path: file,
      message: {
        zh: `文件「${file}」已存在，未覆盖；请换一个 --out 文件名。`,
        en: `The file "${file}" already exists and was not overwritten; choose another --out file.`,
      },
    });
    expect(readFileSync(file, "utf8")).toBe("the supervisor's real ledger");

    // A folder of that name is refused the same way; no temporary file is left behind.
    mkdirSync(path.join(sub, "folder.xlsx"));
    expect((await run(["template", "--out", path.join(sub, "folder.xlsx")])).code).toBe(1);
    expect(readdirSync(sub).sort()).toEqual(["folder.xlsx", "ledger.xlsx"]);
  });

  test("a folder that does not exist is reported, not created", async () => {
    const file = path.join(dir, "no-such-folder", "ledger.xlsx");
    const r = await run(["template", "--out", file, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      status: "error",
      code: "write-failed",
      message: {
        zh: `无法写入文件「${file}」：文件夹不存在（ENOENT）。`,
        en: `Cannot write the file "${file}": the folder does not exist (ENOENT).`,
      },
    });
    expect(readdirSync(dir)).not.toContain("no-such-folder");
  });

  test("default name ledger-template.xlsx in the current folder; --json prints one object", async () => {
    const sub = mkdtempSync(path.join(dir, "cwd-"));
    const cwd = process.cwd();
    process.chdir(sub);
    try {
      const r = await run(["template", "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ status: "written", path: "ledger-template.xlsx" });
      expect(readdirSync(sub)).toEqual(["ledger-template.xlsx"]);
      expect((await run(["template"])).code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  test("filled with the sample's rows, the template scores exactly as the sample: 84.61, B, 381,870", async () => {
    const file = await freshTemplate();
    const sample = readLedgerXlsx(readFileSync(SAMPLE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const src of sample.tables) {
      const def = TABLES.find((t) => t.zh === src.name)!;
      expect(def).toBeDefined();
      const ws = wb.getWorksheet(def.zh)!;
      // Rows in the template's column order, whatever the sample's order.
      const at = askedColumns(def).map((c) => src.headers.indexOf(c.zh));
      expect(at).not.toContain(-1);
      const rows = src.rows.map((r) => at.map((j) => r[j] as ExcelJS.CellValue));
      // exceljs cannot add rows to a table it has read (SETUP-NOTES): remove it and add it again.
      ws.removeTable(def.zh);
      ws.addTable({
        name: def.zh,
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: askedColumns(def).map((c) => ({ name: c.zh, filterButton: true })),
        rows,
      });
    }
    const filled = path.join(path.dirname(file), "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const assessJson = async (ledger: string) => {
      // Each copy in this test's folder, replaced if an earlier run left it (SPEC §9 refuses
      // an existing file otherwise).
      const out = path.join(path.dirname(file), `${path.basename(ledger, ".xlsx")}.scored.xlsx`);
      const r = await run(["assess", ledger, "--json", "--out", out, "--force"]);
      expect(r.code).toBe(0);
      return JSON.parse(r.out);
    };
    const mine = await assessJson(filled);
    const theirs = await assessJson(SAMPLE);
    expect(mine).toMatchObject({ status: "final", total: 84.61, tier: "B", tailAmount: 381870 });
    // The same result; the fingerprint and the run record follow the workbook's own tables and
    // the time of the run, and each copy has its own name, so they differ by design.
    const result = (j: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(j).filter(([k]) => k !== "fingerprint" && k !== "run" && k !== "output")
      );
    expect(result(mine)).toEqual(result(theirs));
    // The checks are still there after the fill.
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(filled);
    expect(again.getWorksheet("考勤")!.getCell("C2").dataValidation?.type).toBe("list");
  });

  test("`assess` does not load exceljs: the template code is loaded only by its command", () => {
    // The built command line (npm run build:cli, run by npm test before jest).
    const loaded = execFileSync(
      process.execPath,
      [
        "-e",
        `require(${JSON.stringify(path.join(ROOT, "build/cli/main.js"))});` +
          "console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /exceljs|[\\\\/]cli[\\\\/](template|sample)\\.js$/.test(k))))",
      ],
      { encoding: "utf8" }
    );
    expect(JSON.parse(loaded)).toEqual([]);
  });

  test("LibreOffice opens the template: it prints the 说明 sheet and keeps the drop-downs", async () => {
    for (const cmd of ["soffice", "pdftotext"]) {
      if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0) {
        throw new Error(
          `${cmd} not found: run scripts/install-system-deps.sh, then rerun this test.`
        );
      }
    }
    const file = await freshTemplate();
    const work = path.dirname(file);
    const convert = (format: string): void => {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(work, "lo-profile")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          format,
          "--outdir",
          path.join(work, "out"),
          file,
        ],
        { cwd: work, timeout: 90_000, stdio: "pipe" }
      );
    };
    convert("pdf");
    const text = execFileSync("pdftotext", ["-layout", path.join(work, "out/模板.pdf"), "-"], {
      encoding: "utf8",
    });
    expect(text).toContain("运维考核评分台账模板");
    expect(text).toContain("Contract items");

    convert("xlsx");
    const back = readFileSync(path.join(work, "out/模板.xlsx"));
    const read = readLedgerXlsx(back);
    expect(read.sheetNames).toEqual([GUIDE_SHEET, ...TABLES.map((t) => t.zh)]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(back as unknown as ArrayBuffer);
    const v = wb.getWorksheet("工单")!.getCell("B2").dataValidation;
    expect([v.type, v.formulae?.[0]]).toEqual(["list", '"是,否"']);
  }, 120_000);
});
