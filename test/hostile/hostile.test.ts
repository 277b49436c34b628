/**
 * Hostile ledgers, each a real file run through the command line (`main`, in-process). Every case
 * ends in exit 2 with a diagnostic that tells the supervisor what to fix (naming the table, row and
 * column where there is one), or in exit 0 with a warning where the ledger is still usable — never
 * a crash — and the ledger file's bytes are unchanged (checked in `runLedger`).
 */
import { strFromU8, unzipSync, zipSync, strToU8 } from "fflate";
import { readFileSync } from "node:fs";
import { readLedgerXlsx } from "../support/workbook";
import { OUTCOMES, cleanup, fileOf, record, runLedger, writeReport, type Outcome } from "./harness";
import { base, d, withSheets, xlsxFile, type Cell } from "./ledgers";

afterAll(() => {
  expect(OUTCOMES.length).toBeGreaterThan(25);
  writeReport();
  cleanup();
});

const AS_OF = ["--as-of", "2024-07-01"];

/** The diagnostics with `code`; fails when there are none. */
function diagsOf(o: Outcome, code: string) {
  const found = o.json.diagnostics.filter((x) => x.code === code);
  expect({
    code,
    found: found.length > 0,
    all: o.json.diagnostics.map((x) => x.code),
  }).toMatchObject({ found: true });
  return found;
}

/** Every text of the scored copy's summary sheet (`考核结果`), straight from its worksheet XML. */
function summaryTexts(o: Outcome): string[] {
  const files = unzipSync(o.copy!);
  const wb = strFromU8(files["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="考核结果"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target =
    new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const part = target[1].startsWith("/") ? target[1].slice(1) : `xl/${target[1]}`;
  const xml = strFromU8(files[part]);
  const shared = files["xl/sharedStrings.xml"]
    ? [...strFromU8(files["xl/sharedStrings.xml"]).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
        (m) => m[1]
      )
    : [];
  const unescape = (t: string) =>
    t
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const out: string[] = [];
  for (const m of xml.matchAll(/<c ([^>]*)>([\s\S]*?)<\/c>/g)) {
    const type = / t="(\w+)"/.exec(m[1])?.[1];
    if (type === "s") out.push(unescape(shared[Number(/<v>(\d+)<\/v>/.exec(m[2])![1])]));
    else if (type === "inlineStr" || type === "str") out.push(unescape(m[2]));
  }
  return out;
}

/** The longest text of any cell in any worksheet of the copy, straight from the package XML. */
function longestCellText(bytes: Uint8Array): number {
  let longest = 0;
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) {
      const text = m[1].replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, "x");
      longest = Math.max(longest, text.length); // Excel counts UTF-16 code units
    }
  }
  return longest;
}

const clean = async () => runLedger(await xlsxFile(base()), AS_OF);

describe("tables with no data", () => {
  test("a Surveys table (Excel table) with 0 data rows: scored, survey part 0, warning, provisional", async () => {
    const o = await runLedger(
      await xlsxFile(withSheets({ 问卷: { rows: [], asTable: true } })),
      AS_OF
    );
    expect(o.code).toBe(0);
    expect(diagsOf(o, "no-surveys")[0]).toMatchObject({ severity: "warning", table: "问卷" });
    expect(o.json.dimensions!.satisfaction).toMatchObject({ survey: 0, responses: 0 });
    record(
      "no data",
      "问卷 as an Excel table with 0 data rows",
      o,
      "scored; survey part 0; warning; provisional"
    );
  });

  test("a Tickets sheet with only its header row: full completion points with a warning", async () => {
    const o = await runLedger(await xlsxFile(withSheets({ 工单: { rows: [] } })), AS_OF);
    expect(o.code).toBe(0);
    expect(diagsOf(o, "no-routed-tickets")[0]).toMatchObject({
      severity: "warning",
      table: "工单",
    });
    expect(o.json.dimensions!.completion).toMatchObject({ points: 20, routed: 0 });
    record(
      "no data",
      "工单 sheet with only its header row",
      o,
      "scored; completion full points (spec); warning"
    );
  });

  test("every table only a header row: the empty roster is the error, named", async () => {
    const sheets = base().map((s) => ({ ...s, rows: [] }));
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(2);
    expect(diagsOf(o, "empty-roster")[0]).toMatchObject({ table: "驻场人员" });
    expect(diagsOf(o, "empty-roster")[0].message).toContain("驻场人员");
    record("no data", "every table only a header row", o, "refused: empty roster named");
  });

  test("a punch sheet that is completely empty: each missing required column is named", async () => {
    const o = await runLedger(await xlsxFile(withSheets({ 考勤: { headers: [], rows: [] } })));
    expect(o.code).toBe(2);
    const missing = diagsOf(o, "missing-column");
    expect(missing.map((x) => [x.table, x.column])).toEqual(
      expect.arrayContaining([
        ["考勤", "日期"],
        ["考勤", "姓名"],
      ])
    );
    record(
      "no data",
      "考勤 sheet with no cells at all",
      o,
      "refused: the required columns 日期, 姓名 named"
    );
  });
});

describe("headers written untidily", () => {
  test("stray spaces, full-width letters and line breaks in headers and table names score like clean ones", async () => {
    const ref = await clean();
    const sheets = withSheets({
      驻场人员: { headers: [" 姓名 ", "角\n色", "到岗日期\r\n", " 离岗 日期"] },
      考勤: { headers: ["日　期", "姓名 ", "时段", "时间", "结果"] }, // ideographic space
      工单: {
        name: " 工单 ",
        headers: ["ＴｉｃｋｅｔＩｄ", "Routed\nTo Vendor", "ＳＴＡＴＵＳ", "Created"],
      },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json).toEqual(ref.json);
    record(
      "headers",
      "headers with stray spaces, full-width letters, line breaks; sheet name ' 工单 '",
      o,
      "scored exactly as the clean ledger"
    );
  });

  test("duplicate column headers in a ledger table: refused, naming table, header row and column", async () => {
    const o = await runLedger(
      await xlsxFile(
        withSheets({
          考勤: {
            headers: ["日期", "姓名", "时段", "时间", "结果", "日期"],
            rows: [[d("2024-07-01"), "张三", "上班", null, "到岗", d("2024-07-02")]],
          },
        })
      )
    );
    expect(o.code).toBe(2);
    expect(diagsOf(o, "duplicate-column")[0]).toMatchObject({
      table: "考勤",
      row: 1,
      column: "日期",
    });
    record(
      "headers",
      "two 日期 columns in 考勤",
      o,
      "refused: duplicate column named (table, row 1, column)"
    );
  });

  test("duplicate headers of a column the ledger does not use are ignored", async () => {
    const o = await runLedger(
      await xlsxFile(
        withSheets({
          工单: {
            headers: ["工单号", "流转乙方", "状态", "创建日期", "备注", "备注"],
            rows: [["T1", "是", "已关闭", null, "a", "b"]],
          },
        })
      ),
      AS_OF
    );
    expect(o.code).toBe(0);
    record(
      "headers",
      "two 备注 (extra, unused) columns in 工单",
      o,
      "scored; extra columns ignored (spec)"
    );
  });
});

describe("merged cells", () => {
  test("a date merged down over the 上班 and 下班 rows: the merged value fills both rows (SPEC §5)", async () => {
    const sheets = withSheets({
      考勤: {
        rows: [
          [d("2024-07-01"), "张三", "上班", null, "到岗"],
          [null, "张三", "下班", null, "到岗"],
        ],
      },
    });
    const o = await runLedger(
      await xlsxFile(sheets, (wb) => wb.getWorksheet("考勤")!.mergeCells("A2:A3")),
      AS_OF
    );
    expect(o.code).toBe(0);
    expect(o.json.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
    record(
      "merged cells",
      "日期 merged down over a day's two punch rows (A2:A3)",
      o,
      "scored: a merged range's value fills every cell of it"
    );
  });

  test("a merged title row above the headers of a plain sheet: the headers are found under it, and the pane says so", async () => {
    const sheets = withSheets({ 考勤: { above: [["2024年7月考勤记录"]] } });
    const o = await runLedger(
      await xlsxFile(sheets, (wb) => wb.getWorksheet("考勤")!.mergeCells("A1:E1")),
      AS_OF
    );
    expect(o.code).toBe(0);
    expect(diagsOf(o, "title-rows-skipped")[0]).toMatchObject({
      severity: "info",
      table: "考勤",
      row: 2,
    });
    expect(o.json.total).toBe((await clean()).json.total);
    record(
      "merged cells",
      "merged title row A1:E1 above the 考勤 headers (plain sheet)",
      o,
      "scored: row 1 taken as a title, headers from row 2 (info title-rows-skipped)"
    );
  });

  test("a merged title row above an Excel table: the table is found where it is", async () => {
    const sheets = withSheets({ 问卷: { asTable: true, above: [["满意度调查"]] } });
    const o = await runLedger(
      await xlsxFile(sheets, (wb) => wb.getWorksheet("问卷")!.mergeCells("A1:B1")),
      AS_OF
    );
    expect(o.code).toBe(0);
    record(
      "merged cells",
      "merged title A1:B1 above the 问卷 Excel table",
      o,
      "scored (Excel tables are read from their own range)"
    );
  });
});

describe("formulas and error values", () => {
  test("formulas with cached values score as their values", async () => {
    const ref = await clean();
    const sheets = withSheets({
      考勤: {
        rows: [
          [
            { formula: "DATE(2024,7,1)", result: d("2024-07-01") },
            "张三",
            "上班",
            null,
            { formula: '"到"&"岗"', result: "到岗" },
          ],
          [d("2024-07-01"), { formula: '"张"&"三"', result: "张三" }, "下班", null, "到岗"],
        ],
      },
      问卷: { rows: [["人社局", { formula: "45+45", result: 90 }]] },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json).toEqual(ref.json);
    record(
      "formulas",
      'formulas with cached values (=DATE(...), ="到"&"岗", =45+45)',
      o,
      "scored on the cached values, same as typed values"
    );
  });

  test("error values #N/A and #REF! are refused, naming table, row and column", async () => {
    const sheets = withSheets({
      考勤: {
        rows: [
          [{ error: "#REF!" } as Cell, "张三", "上班", null, "到岗"],
          [d("2024-07-01"), "张三", "下班", null, "到岗"],
        ],
      },
      问卷: { rows: [["人社局", { error: "#N/A" } as Cell]] },
    });
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(2);
    const errs = diagsOf(o, "cell-error");
    expect(errs.map((x) => [x.table, x.row, x.column])).toEqual(
      expect.arrayContaining([
        ["考勤", 2, "日期"],
        ["问卷", 2, "得分"],
      ])
    );
    expect(errs.find((x) => x.table === "问卷")!.message).toContain("#N/A");
    record(
      "formulas",
      "error values #REF! (考勤 日期) and #N/A (问卷 得分)",
      o,
      "refused: each error cell named with its error value"
    );
  });

  test("a formula saved without a cached value is refused, asking to recalculate in Excel", async () => {
    const sheets = withSheets({
      问卷: { rows: [["人社局", { formula: "AVERAGE(90,80)" } as Cell]] },
    });
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(2);
    expect(diagsOf(o, "formula-no-value")[0]).toMatchObject({
      table: "问卷",
      row: 2,
      column: "得分",
    });
    record(
      "formulas",
      "formula with no cached value in 问卷 得分",
      o,
      "refused: open and save in Excel, or type the value"
    );
  });
});

describe("numbers and text in the wrong clothes", () => {
  test('numbers stored as text (score "90", serial "45474", yes/no "1") are read as numbers', async () => {
    const ref = await clean();
    const sheets = withSheets({
      考勤: {
        rows: [
          ["45474", "张三", "上班", null, "到岗"],
          ["2024-07-01", "张三", "下班", null, "到岗"],
        ],
      },
      工单: { rows: [["T1", "1", "已关闭", "45474"]] },
      投诉: { rows: [["C1", "45474", "日常维护", "0", null, null, "核实不属实"]] },
      问卷: { rows: [["人社局", "90"]] },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json).toEqual(ref.json);
    record(
      "numbers/text",
      'numbers stored as text: score "90", dates "45474", yes/no "1"/"0"',
      o,
      "scored, same as real numbers"
    );
  });

  test("text in number and date columns is refused, naming the cell and what it expects", async () => {
    const sheets = withSheets({
      考勤: {
        rows: [
          ["七月一日", "张三", "上班", null, "到岗"],
          [d("2024-07-01"), "张三", "下班", null, "到岗"],
        ],
      },
      问卷: { rows: [["人社局", "九十分"]] },
    });
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(2);
    expect(diagsOf(o, "bad-date")[0]).toMatchObject({ table: "考勤", row: 2, column: "日期" });
    expect(diagsOf(o, "bad-score")[0]).toMatchObject({ table: "问卷", row: 2, column: "得分" });
    expect(diagsOf(o, "bad-score")[0].message).toMatch(/九十分.*0 到 100/);
    record(
      "numbers/text",
      'text in number/date columns: 得分 "九十分", 日期 "七月一日"',
      o,
      "refused: cell named, value quoted, accepted forms listed"
    );
  });
});

describe("dates", () => {
  test("Excel serial numbers without a date format score like real dates", async () => {
    const ref = await clean();
    const s = 45474; // 2024-07-01
    const sheets = withSheets({
      驻场人员: { rows: [["张三", "负责人", s, null]] },
      考勤: {
        rows: [
          [s, "张三", "上班", 0.35, "到岗"],
          [s + 0.75, "张三", "下班", null, "到岗"],
        ],
      },
      工单: { rows: [["T1", "是", "已关闭", s]] },
      投诉: { rows: [["C1", s, "日常维护", "否", null, null, "核实不属实"]] },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json).toEqual(ref.json);
    record(
      "dates",
      "dates as bare serial numbers (45474, 45474.75 with a time)",
      o,
      "scored, same as formatted dates"
    );
  });

  test("a 1904-date-system workbook scores the same calendar dates", async () => {
    const ref = await clean();
    const file = await xlsxFile(base(), (wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
    });
    expect(readLedgerXlsx(readFileSync(file)).date1904).toBe(true);
    const o = await runLedger(file, AS_OF);
    expect(o.code).toBe(0);
    expect(o.json).toEqual(ref.json);
    record(
      "dates",
      "1904 date system workbook (Mac Excel)",
      o,
      "scored on the same calendar dates"
    );
  });

  test("a punch dated before 1900 or after 2100 is warned about by row and not counted", async () => {
    const sheets = withSheets({
      考勤: {
        rows: [
          [d("2024-07-01"), "张三", "上班", null, "到岗"],
          [d("2024-07-01"), "张三", "下班", null, "到岗"],
          ["1899-12-31", "张三", "上班", null, "到岗"],
          [d("2101-03-01"), "张三", "上班", null, "到岗"],
        ],
      },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    const w = diagsOf(o, "punch-outside-period");
    expect(w.map((x) => x.row).sort()).toEqual([4, 5]);
    expect(w[0].message).toMatch(/1899-12-31|2101-03-01/);
    record(
      "dates",
      "punches dated 1899-12-31 (text) and 2101-03-01",
      o,
      "scored; each warned by row, not counted"
    );
  });

  test("a service period running past 2100 is scored provisionally, naming every year the calendar does not cover", async () => {
    const sheets = withSheets({}, [
      {
        name: "合同",
        headers: ["项目", "值"],
        rows: [
          ["服务开始", d("2024-07-01")],
          ["服务结束", d("2101-06-30")],
        ],
      },
    ]);
    const o = await runLedger(await xlsxFile(sheets), ["--as-of", "2101-06-30"]);
    expect(o.code).toBe(0);
    const years = diagsOf(o, "calendar-year-not-covered");
    expect(years).toHaveLength(2101 - 2027 + 1);
    expect(o.json.status).toBe("provisional");
    record(
      "dates",
      "合同 服务结束 2101-06-30 (period past the built-in calendar)",
      o,
      "scored, provisional; one warning per uncovered year (2027–2101)"
    );
  });

  test("a roster start date before 1900 (text) is accepted as a date", async () => {
    const o = await runLedger(
      await xlsxFile(withSheets({ 驻场人员: { rows: [["张三", "负责人", "1899-01-01", null]] } })),
      AS_OF
    );
    expect(o.code).toBe(0);
    expect(o.json.dimensions!.attendance).toMatchObject({ present: 2, expected: 2 });
    record(
      "dates",
      "驻场人员 到岗日期 1899-01-01 (text)",
      o,
      "scored; member counted from the service start"
    );
  });
});

describe("long and unusual text", () => {
  const long = "很长的说明".repeat(6000); // 30,000 characters

  test("a 30,000-character note is carried into the summary as text", async () => {
    const sheets = withSheets({
      投诉: { rows: [["C1", d("2024-07-01"), "日常维护", "是", null, null, long]] },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json.dimensions!.maintenance.events).toBe(1);
    expect(summaryTexts(o).some((t) => t.includes(long))).toBe(true);
    record(
      "long text",
      "a 30,000-character 说明 (note) on a complaint",
      o,
      "scored; the note is in the summary as text"
    );
  });

  test("a 30,000-character name not on the roster: warned about, and no summary cell exceeds Excel's 32,767-character limit", async () => {
    const name = "张".repeat(30_000);
    const sheets = withSheets({
      考勤: {
        rows: [
          [d("2024-07-01"), "张三", "上班", null, "到岗"],
          [d("2024-07-01"), "张三", "下班", null, "到岗"],
          [d("2024-07-01"), name, "上班", null, "到岗"],
        ],
      },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    record(
      "long text",
      "a 30,000-character name in 考勤 that is not on the roster",
      o,
      "scored; punch-unknown-name at row 4; the summary cell quoting it is cut at Excel's 32,767-character limit"
    );
    expect(o.code).toBe(0);
    expect(diagsOf(o, "punch-unknown-name")[0]).toMatchObject({
      table: "考勤",
      row: 4,
      column: "姓名",
    });
    // The warning quotes the name in Chinese and English (≈60,000 characters); Excel refuses a
    // cell over 32,767, so the copy must cut it.
    expect(longestCellText(o.copy!)).toBeLessThanOrEqual(32_767);
  });

  test("emoji and right-to-left names match across roster and punches and survive into the summary", async () => {
    const names = ["👩🏽‍💻 Zoë", "محمد علي", "יעל כהן"];
    const sheets = withSheets({
      驻场人员: { rows: names.map((n) => [n, "驻场工程师", d("2024-07-01"), null]) },
      考勤: {
        rows: names.flatMap((n) => [
          [d("2024-07-01"), n, "上班", null, "到岗"],
          [d("2024-07-01"), n, "下班", null, "缺勤"],
        ]),
      },
    });
    const o = await runLedger(await xlsxFile(sheets), AS_OF);
    expect(o.code).toBe(0);
    expect(o.json.dimensions!.attendance).toMatchObject({ present: 3, expected: 6 });
    expect(o.json.diagnostics.filter((x) => x.code.startsWith("punch-"))).toEqual([]);
    const texts = summaryTexts(o);
    for (const n of names) expect(texts.some((t) => t.includes(n))).toBe(true);
    record(
      "long text",
      "emoji (👩🏽‍💻 Zoë) and right-to-left (محمد علي, יעל כהן) names",
      o,
      "scored; names matched and written back unchanged"
    );
  });
});

describe("ambiguous tables", () => {
  test("two sheets that both look like punches (one per month): read together as one table", async () => {
    const [roster, punches, ...rest] = base();
    const sheets = [
      roster,
      { ...punches, name: "7月考勤" },
      { ...punches, name: "8月考勤", rows: [] },
      ...rest,
    ];
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(0);
    const a = diagsOf(o, "table-over-sheets")[0];
    expect(a.table).toBe("考勤");
    expect(a.message).toContain("7月考勤、8月考勤");
    record(
      "tables",
      "two sheets 7月考勤 and 8月考勤 with punch headers, none named 考勤",
      o,
      "scored: read together as one table, in workbook order (info table-over-sheets)"
    );
  });

  test("two sheets with different punch columns: refused, naming both", async () => {
    const [roster, punches, ...rest] = base();
    const sheets = [
      roster,
      { ...punches, name: "7月考勤" },
      { ...punches, name: "8月考勤", headers: ["日期", "姓名", "时段"], rows: [] },
      ...rest,
    ];
    const o = await runLedger(await xlsxFile(sheets));
    expect(o.code).toBe(2);
    const a = diagsOf(o, "ambiguous-table")[0];
    expect(a.message).toContain("7月考勤");
    expect(a.message).toContain("8月考勤");
  });
});

describe("files that are not a ledger workbook", () => {
  /** A compound-file (OLE) container: the magic number, a header, then directory names in UTF-16LE. */
  function cfb(...streams: string[]): Uint8Array {
    const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const dir = streams.flatMap((n) => {
      const entry = new Array(128).fill(0);
      Buffer.from(n, "utf16le").forEach((b, i) => (entry[i] = b));
      entry[64] = (n.length + 1) * 2;
      return entry;
    });
    return Uint8Array.from([...head, ...new Array(504).fill(0), ...dir]);
  }

  const cases: [string, () => Promise<string>, string, RegExp][] = [
    [
      "a password-protected workbook (CFB with EncryptionInfo + EncryptedPackage)",
      async () =>
        fileOf(cfb("Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces")),
      "file-encrypted",
      /密码|password/i,
    ],
    [
      "a truncated .xlsx (zip cut in half)",
      async () => {
        const bytes = readFileSync(await xlsxFile(base()));
        return fileOf(bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
      "file-corrupt",
      /损坏|damaged/i,
    ],
    [
      "a .csv renamed .xlsx",
      async () => fileOf("\ufeff日期,姓名,时段,结果\r\n2024-07-01,张三,上班,到岗\r\n"),
      "file-csv",
      /另存为|Save As/,
    ],
    [
      "a .xls (CFB without encryption streams) renamed .xlsx",
      async () => fileOf(cfb("Root Entry", "Workbook", "\u0005SummaryInformation")),
      "file-xls",
      /97-2003|另存为/,
    ],
    [
      "an empty (0-byte) file",
      async () => fileOf(new Uint8Array(0)),
      "file-empty",
      /0 字节|0 bytes/,
    ],
    [
      "a zip holding no workbook (a .docx renamed)",
      async () => fileOf(zipSync({ "word/document.xml": strToU8("<w:document/>") })),
      "file-not-xlsx",
      /另存为|Save As/,
    ],
  ];

  test.each(cases.map(([name, make, code, hint]) => ({ name, make, code, hint })))(
    "$name: refused with $code and a message saying what to do",
    async ({ name, make, code, hint }) => {
      const o = await runLedger(await make());
      expect(o.code).toBe(2);
      expect(o.json).toMatchObject({ status: "invalid", total: null, dimensions: null });
      expect(o.json.diagnostics).toHaveLength(1);
      expect(o.json.diagnostics[0]).toMatchObject({ severity: "error", code });
      expect(o.json.diagnostics[0].message).toMatch(hint);
      record("file", name, o, "refused before reading; message says how to convert or repair");
    }
  );
});

describe("stray cells far from the data", () => {
  test("a stray value in the last row (A1048576) of the punch sheet: blank rows skipped, scored", async () => {
    const file = await xlsxFile(base(), (wb) => {
      wb.getWorksheet("考勤")!.getCell("E1048576").value = "到岗";
    });
    const o = await runLedger(file, AS_OF);
    // The stray row has a result but no date, name or slot: it is named by row.
    expect(o.code).toBe(2);
    expect(diagsOf(o, "empty-required")[0]).toMatchObject({ table: "考勤", row: 1_048_576 });
    record(
      "stray cells",
      "a stray 到岗 in E1048576 of 考勤",
      o,
      "refused: the stray row 1048576 named (the million blank rows between are skipped)"
    );
  });

  test("a stray header far to the right (XFD1) of a 5,000-row punch sheet: scored, and rows are not padded out to column XFD", async () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 2500; i++)
      rows.push(
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [d("2024-07-01"), "张三", "下班", null, "到岗"]
      );
    const file = await xlsxFile(withSheets({ 考勤: { rows } }), (wb) => {
      wb.getWorksheet("考勤")!.getCell("XFD1").value = "x";
    });
    const o = await runLedger(file, AS_OF);
    record(
      "stray cells",
      "a stray header 'x' in XFD1 of a 5,000-row 考勤 sheet",
      o,
      "scored; the stray cell is not taken as a column (the header row ends at a gap of more than 16 empty cells)"
    );
    expect(o.code).toBe(0);
    expect(diagsOf(o, "punch-duplicate").length).toBeGreaterThan(0);
    // Before the reader's MAX_HEADER_GAP, one stray cell in XFD1 made every row 16,384 cells
    // wide: the 130k-row ledger then took ≈26 s and 4 GB. Keep rows as wide as the real columns.
    const punches = readLedgerXlsx(readFileSync(file)).tables.find((t) => t.name === "考勤")!;
    expect(punches.rows[0].length).toBeLessThan(1_000);
  });
});
