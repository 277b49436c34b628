/**
 * The pane's 新建台账模板 (SPEC §8) in the Excel adapter, against the fake host: the missing
 * ledger tables added as Excel tables with Chinese names and headers, date formats and
 * drop-downs (ExcelApi 1.8, skipped where the host lacks it), a 说明 sheet; an existing table or
 * sheet never touched.
 */
import { SampleLedger, installHost, uninstallOffice } from "../support/fakeHost";
import { TABLES, askedColumns } from "../../src/engine";
import { addTemplateTables, listTables, runAssessment } from "../../src/excel";
import { BLANK_ROWS, CHECKED_ROWS, GUIDE_SHEET, guideRows } from "../../src/report/template";

const install = installHost;
afterEach(uninstallOffice);

const ALL = TABLES.map((t) => t.zh);
type Validation = {
  box: { r: number; c: number; rows: number; cols: number };
  rule: { list?: { source: string }; decimal?: unknown };
  errorAlert?: { style: string };
};

describe("addTemplateTables (新建台账模板)", () => {
  it("an empty workbook gets the seven tables, headed in Chinese, with formats, drop-downs and a 说明 sheet", async () => {
    const host = install({ sheets: [{ name: "Sheet1", cells: [], tables: [] }] });
    const r = await addTemplateTables();
    expect(r).toEqual({ added: [...ALL, GUIDE_SHEET], kept: [], validation: "applied" });
    for (const def of TABLES) {
      const table = host.workbook.tables.find((t: { name: string }) => t.name === def.zh);
      expect(table).toMatchObject({ headerRow: 0, col: 0, cols: askedColumns(def).length });
      expect(host.cells(def.zh)[0]).toEqual(askedColumns(def).map((c) => c.zh));
      expect(host.sheet(def.zh).frozenRows).toBe(1);
    }
    // Dates: yyyy-mm-dd on the table's rows (考勤's 日期 is column A).
    expect(host.sheet("考勤").formats.get("1,0")).toBe("yyyy-mm-dd");
    expect(host.sheet("考勤").formats.get(`${BLANK_ROWS},0`)).toBe("yyyy-mm-dd");
    expect(host.sheet("考勤").formats.get("1,3")).toBe("hh:mm");
    // Drop-downs: 时段 (column C) offers 上班 / 下班 for CHECKED_ROWS rows; 问卷's 得分 is 0..100.
    const slot = (host.sheet("考勤").validations as Validation[]).find((v) => v.box.c === 2)!;
    expect(slot.box).toEqual({ r: 1, c: 2, rows: CHECKED_ROWS, cols: 1 });
    expect(slot.rule).toEqual({ list: { inCellDropDown: true, source: "上班,下班" } });
    expect(slot.errorAlert?.style).toBe("Stop");
    const score = (host.sheet("问卷").validations as Validation[])[0];
    expect(score.rule.decimal).toEqual({ operator: "Between", formula1: 0, formula2: 100 });
    // The Contract table lists its items, one a row.
    expect(
      host
        .cells("合同")
        .slice(1, 3)
        .map((row: unknown[]) => row[0])
    ).toEqual(["合同金额", "尾款比例"]);
    // 说明: the shared rows, as text.
    const guide = host.cells(GUIDE_SHEET);
    expect(guide[0][0]).toBe("运维考核评分台账模板 说明");
    expect(guide).toHaveLength(guideRows().length);
    // The locator now finds every table: nothing is missing.
    expect((await listTables()).missing).toEqual([]);
  });

  it("adds only what the sample lacks: the 考勤 sheet with its data and the other tables are untouched", async () => {
    const host = install(SampleLedger.sampleSpec());
    const before = Object.fromEntries(
      host.sheetNames().map((n: string) => [n, JSON.stringify(host.cells(n))])
    );
    const tablesBefore = JSON.stringify(
      host.workbook.tables.map((t: { name: string; rows: number; sheet: { name: string } }) => [
        t.name,
        t.sheet.name,
        t.rows,
      ])
    );
    const r = await addTemplateTables();
    expect(r.added).toEqual(["合同", "日历", GUIDE_SHEET]);
    expect(r.kept).toEqual(["驻场人员", "考勤", "工单", "投诉", "问卷"]);
    for (const [name, cells] of Object.entries(before))
      expect([name, JSON.stringify(host.cells(name))]).toEqual([name, cells]);
    expect(host.ledgerWrites.filter((w: { sheet: string }) => w.sheet in before)).toEqual([]);
    expect(host.sheet("考勤").validations).toEqual([]);
    expect(
      JSON.stringify(
        host.workbook.tables
          .slice(0, JSON.parse(tablesBefore).length)
          .map((t: { name: string; rows: number; sheet: { name: string } }) => [
            t.name,
            t.sheet.name,
            t.rows,
          ])
      )
    ).toBe(tablesBefore);
    // The sample still scores as it did, the new empty tables changing nothing.
    const run = await runAssessment({});
    expect(run.assessment.status).not.toBe("invalid");
    // A second time: everything is there, nothing is added.
    expect(await addTemplateTables()).toEqual({ added: [], kept: ALL });
  });

  it("a sheet name already taken by something else gets no table and is reported kept", async () => {
    const spec = SampleLedger.sampleSpec();
    spec.sheets.push({ name: "日历", cells: [["我的备忘"], ["别动"]], tables: [] });
    const host = install(spec);
    const r = await addTemplateTables();
    expect(r.added).toEqual(["合同", GUIDE_SHEET]);
    expect(r.kept).toContain("日历");
    expect(host.cells("日历")).toEqual([["我的备忘"], ["别动"]]);
    expect(host.workbook.tables.some((t: { name: string }) => t.name === "日历")).toBe(false);
  });

  it("without ExcelApi 1.8 the tables are added without drop-downs, and it says so", async () => {
    const host = install(
      { sheets: [{ name: "Sheet1", cells: [], tables: [] }] },
      {
        apiVersions: ["1.7"],
      }
    );
    const r = await addTemplateTables();
    expect(r.validation).toBe("unsupported");
    expect(r.added).toHaveLength(8);
    for (const name of ALL) expect(host.sheet(name).validations).toEqual([]);
    expect(host.sheet("考勤").formats.get("1,0")).toBe("yyyy-mm-dd");
  });

  it("the fake refuses a validation where the host lacks ExcelApi 1.8, as Office.js does", async () => {
    install({ sheets: [{ name: "Sheet1", cells: [], tables: [] }] }, { apiVersions: ["1.7"] });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          list: { inCellDropDown: true, source: "a,b" },
        };
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("a protected workbook structure: Excel's refusal propagates and no sheet is added", async () => {
    const host = install({
      sheets: [{ name: "Sheet1", cells: [], tables: [] }],
      protectedStructure: true,
    });
    await expect(addTemplateTables()).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });
});
