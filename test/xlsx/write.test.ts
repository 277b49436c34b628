import { strFromU8 } from "fflate";
import { readLedgerXlsx, writeScoredCopy, type WriteReport } from "../support/workbook";
import { FAKE_PRINTER, FAKE_VBA, MACRO_MAIN_CT, richLedger, toXlsm } from "./fixtures";
import { scanWorksheet } from "../../src/workbook/sheetScan";
import { partString, parts, patch as patchParts, rawWorkbook, summaryFixture } from "./helpers";

/** Every cell value of the copy's summary sheet. */
function summaryValues(bytes: Uint8Array): unknown[] {
  const { rows } = scanWorksheet(partString(bytes, summaryPart(bytes)), [], false);
  return rows.flatMap((r) => r ?? []);
}

/** Parts a scored copy may change; every other original part must stay byte-identical. */
const ALLOWED = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
];

/** workbook.xml without the workbook functions' defined names (SPEC §7), tested on their own below. */
function withoutFunctionNames(xml: string): string {
  return xml
    .replace(
      /<(\w+:)?definedName name="(TAILPAY|PAYTIER|TAILRATIO|RATEPOINTS)"[^>]*>[^<]*<\/(\w+:)?definedName>/g,
      ""
    )
    .replace(/<(\w+:)?definedNames><\/(\w+:)?definedNames>/g, "");
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  !!a && !!b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/** Children of a styles.xml container, as text. */
function styleList(xml: string, container: string, item: string): string[] {
  const m = new RegExp(`<${container}\\b[^>]*>([\\s\\S]*?)</${container}>`).exec(xml);
  if (!m) return [];
  return (
    m[1].match(new RegExp(`<${item}\\b[^>]*/>|<${item}\\b[^>]*>[\\s\\S]*?</${item}>`, "g")) ?? []
  );
}

/** The summary sheet's part name in a copy, found through the workbook's relationships. */
function summaryPart(bytes: Uint8Array): string {
  const wb = partString(bytes, "xl/workbook.xml");
  const rid =
    /<sheet [^>]*name="考核结果"[^>]*r:id="([^"]+)"|<sheet [^>]*r:id="([^"]+)"[^>]*name="考核结果"/.exec(
      wb
    );
  const id = rid![1] ?? rid![2];
  const rels = partString(bytes, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return "xl/" + target;
}

describe.each([
  ["xlsx", false],
  ["xlsm", true],
])("writeScoredCopy on a feature-rich .%s", (_kind, macro) => {
  let original: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    const xlsx = await richLedger();
    original = macro ? toXlsm(xlsx) : xlsx;
    copy = writeScoredCopy(original, summaryFixture());
  });

  it("keeps every original part byte-identical except the four that must change", () => {
    const before = parts(original);
    const after = parts(copy);
    for (const name of Object.keys(before)) {
      expect(after[name]).toBeDefined();
      if (!ALLOWED.includes(name))
        expect([name, same(before[name], after[name])]).toEqual([name, true]);
    }
    if (macro) {
      expect(after["xl/pivotCache/pivotCacheDefinition1.xml"]).toBeDefined();
      expect(same(after["xl/vbaProject.bin"], FAKE_VBA)).toBe(true);
      expect(same(after["xl/printerSettings/printerSettings1.bin"], FAKE_PRINTER)).toBe(true);
    }
  });

  it("adds only the summary sheet, its drawing and its chart", () => {
    const added = Object.keys(parts(copy)).filter((n) => !(n in parts(original)));
    expect(added.sort()).toEqual(
      [
        "xl/charts/chart1.xml",
        "xl/drawings/_rels/drawing2.xml.rels",
        "xl/drawings/drawing2.xml",
        "xl/worksheets/_rels/sheet5.xml.rels",
        "xl/worksheets/sheet5.xml",
      ].sort()
    );
    expect(summaryPart(copy)).toBe("xl/worksheets/sheet5.xml");
  });

  it("only inserts into workbook.xml, its relationships and [Content_Types].xml", () => {
    const wb0 = partString(original, "xl/workbook.xml");
    const wb1 = withoutFunctionNames(partString(copy, "xl/workbook.xml"));
    const sheetEl = /<sheet name="考核结果" sheetId="5" r:id="(rId\d+)"\/>/.exec(wb1)!;
    expect(sheetEl).not.toBeNull();
    expect(wb1.replace(sheetEl[0], "")).toBe(wb0);
    // appended after the last sheet
    expect(wb1.indexOf(sheetEl[0])).toBeGreaterThan(wb1.indexOf('name="说明"'));

    const rels0 = partString(original, "xl/_rels/workbook.xml.rels");
    const rels1 = partString(copy, "xl/_rels/workbook.xml.rels");
    const relEl = `<Relationship Id="${sheetEl[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet5.xml"/>`;
    expect(rels1.replace(relEl, "")).toBe(rels0);

    const ct0 = partString(original, "[Content_Types].xml");
    const ct1 = partString(copy, "[Content_Types].xml");
    const overrides =
      '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>';
    expect(ct1.replace(overrides, "")).toBe(ct0);
    if (macro) expect(ct1).toContain(MACRO_MAIN_CT);
  });

  it("appends styles without moving any existing entry", () => {
    const s0 = partString(original, "xl/styles.xml");
    const s1 = partString(copy, "xl/styles.xml");
    for (const [c, i] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellStyleXfs", "xf"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      const a = styleList(s0, c, i);
      const b = styleList(s1, c, i);
      expect(b.slice(0, a.length)).toEqual(a);
      const count = new RegExp(`<${c}\\b[^>]*count="(\\d+)"`).exec(s1);
      if (count) expect(+count[1]).toBe(b.length);
    }
    // Outside the lists, nothing else changed.
    const strip = (x: string) => x.replace(/<(numFmts|fonts|fills|cellXfs)\b[\s\S]*?<\/\1>/g, "");
    expect(strip(s1)).toBe(strip(s0));
  });

  it("formats each cell as asked: numbers, dates, bold, shaded headers, widths", () => {
    const styles = partString(copy, "xl/styles.xml");
    const xfs = styleList(styles, "cellXfs", "xf");
    const fonts = styleList(styles, "fonts", "font");
    const fills = styleList(styles, "fills", "fill");
    const sheet = partString(copy, summaryPart(copy));
    const xfOf = (ref: string) => {
      const m = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet);
      if (!m) throw new Error(`no styled cell ${ref}`);
      const xf = xfs[+m[1]];
      const at = (k: string) => +(new RegExp(`${k}="(\\d+)"`).exec(xf)?.[1] ?? 0);
      return { numFmtId: at("numFmtId"), font: fonts[at("fontId")], fill: fills[at("fillId")], xf };
    };
    const dateFmt = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/.exec(styles)!;
    expect(xfOf("B2").numFmtId).toBe(+dateFmt[1]);
    expect(xfOf("B3").numFmtId).toBe(4); // #,##0.00
    expect(xfOf("B6").numFmtId).toBe(1); // 0
    expect(xfOf("C6").numFmtId).toBe(2); // 0.00
    expect(xfOf("D6").numFmtId).toBe(10); // 0.00%
    expect(xfOf("E6").numFmtId).toBe(49); // @
    expect(xfOf("A1").font).toMatch(/<b\/>/);
    expect(xfOf("A5").fill).toContain('patternType="solid"');
    expect(xfOf("A5").font).toMatch(/<b\/>/);
    expect(xfOf("C11").font).toMatch(/<b\/>/);
    expect(sheet).toContain('<col min="1" max="1" width="');
    expect(sheet).not.toMatch(/<pane\b/); // nothing frozen
    expect(sheet).toContain("<v>84.5</v>");
    expect(sheet).toContain("<v>381870.12</v>");
  });

  it("writes strings inline, never as formulas, and marks formula-like text quotePrefix", () => {
    const sheet = partString(copy, summaryPart(copy));
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(sheet).toMatch(
      /<c r="E7" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK\("x","y"\)<\/t><\/is><\/c>/
    );
    const xfs = styleList(partString(copy, "xl/styles.xml"), "cellXfs", "xf");
    for (const ref of ["E7", "E8", "E9", "E10"]) {
      const s = +new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1];
      expect(xfs[s]).toContain('quotePrefix="1"');
    }
    const s6 = +/<c r="E6" s="(\d+)"/.exec(sheet)![1];
    expect(xfs[s6]).not.toContain("quotePrefix");
    // sharedStrings.xml is untouched (checked byte-for-byte above) and the copy reads back as text.
    const cells = summaryValues(copy);
    for (const s of ['=HYPERLINK("x","y")', "-1+2", "@x", "+1"]) expect(cells).toContain(s);
  });

  it("reads the same ledger tables back from the copy", () => {
    const a = readLedgerXlsx(original);
    const b = readLedgerXlsx(copy);
    expect(b.sheetNames).toEqual([...a.sheetNames, "考核结果"]);
    expect(b.tables.filter((t) => t.sheet !== "考核结果")).toEqual(a.tables);
  });

  it("replaces its own summary when run on the copy: one 考核结果, byte-identical output", () => {
    const again = writeScoredCopy(copy, summaryFixture());
    expect(same(again, copy)).toBe(true);
    expect(partString(again, "xl/workbook.xml").match(/name="考核结果"/g)).toHaveLength(1);
    expect(same(writeScoredCopy(original, summaryFixture()), copy)).toBe(true); // deterministic
  });

  it("replaces a changed summary in place, dropping the chart when there is none", () => {
    const changed = summaryFixture("新的说明");
    changed.rows[10][2] = { value: 90.25, format: "points", bold: true };
    const second = writeScoredCopy(copy, { ...changed, chart: { ...changed.chart, rowCount: 0 } });
    const p = parts(second);
    expect(Object.keys(p).filter((n) => /charts\/|drawing2/.test(n))).toEqual([]);
    expect(partString(second, "[Content_Types].xml")).not.toContain("chart1.xml");
    expect(strFromU8(p["xl/worksheets/sheet5.xml"])).toContain("<v>90.25</v>");
    expect(strFromU8(p["xl/worksheets/sheet5.xml"])).not.toContain("<drawing");
    // and back again: the chart returns under the same names
    expect(same(writeScoredCopy(second, summaryFixture()), copy)).toBe(true);
  });
});

describe("writeScoredCopy replacing a user-made 考核结果 sheet", () => {
  let original: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    original = await richLedger({ existingSummary: true });
    copy = writeScoredCopy(original, summaryFixture());
  });

  it("keeps its position, sheetId and relationship, and writes over its part", () => {
    const wb0 = partString(original, "xl/workbook.xml");
    expect(withoutFunctionNames(partString(copy, "xl/workbook.xml"))).toBe(wb0);
    expect(partString(copy, "xl/_rels/workbook.xml.rels")).toBe(
      partString(original, "xl/_rels/workbook.xml.rels")
    );
    expect(summaryPart(copy)).toBe("xl/worksheets/sheet4.xml");
    expect(readLedgerXlsx(copy).sheetNames).toEqual([
      "考勤",
      "工单",
      "考核结果（上月）",
      "考核结果",
      "说明",
    ]);
  });

  it("removes the old sheet's own comments, VML, drawing and image, and keeps everything shared", () => {
    const before = parts(original);
    const after = parts(copy);
    for (const gone of ["xl/comments4.xml", "xl/drawings/vmlDrawing4.vml", "xl/media/image2.png"]) {
      expect([gone, gone in before, gone in after]).toEqual([gone, true, false]);
    }
    const ct = partString(copy, "[Content_Types].xml");
    expect(ct).not.toContain("comments4.xml");
    for (const kept of [
      "xl/media/image1.png",
      "xl/drawings/drawing1.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
    ]) {
      expect(same(before[kept], after[kept])).toBe(true);
    }
    // drawing2 is reused for the new chart's drawing
    expect(strFromU8(after["xl/drawings/drawing2.xml"])).toContain("c:chart");
    expect(strFromU8(after["xl/drawings/_rels/drawing2.xml.rels"])).toMatch(
      /Target="..\/charts\/chart1.xml"/
    );
    expect(strFromU8(after["xl/drawings/_rels/drawing2.xml.rels"])).not.toContain("image2");
    expect(strFromU8(after["xl/worksheets/_rels/sheet4.xml.rels"])).not.toMatch(
      /comments|vmlDrawing/
    );
    for (const name of Object.keys(before)) {
      if (ALLOWED.includes(name) || /sheet4\.xml|comments4|vmlDrawing4|drawing2|image2/.test(name))
        continue;
      expect([name, same(before[name], after[name])]).toEqual([name, true]);
    }
  });

  it("is idempotent from then on", () => {
    expect(same(writeScoredCopy(copy, summaryFixture()), copy)).toBe(true);
    expect(readLedgerXlsx(copy).tables.filter((t) => t.sheet === "考核结果")).toHaveLength(1);
  });
});

describe("writeScoredCopy on unusual packages", () => {
  it("creates styles.xml when a package has none, and keeps a workbook without sharedStrings intact", () => {
    const b = rawWorkbook([
      { name: "考勤", xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c></row>' },
    ]);
    const copy = writeScoredCopy(b, summaryFixture());
    const p = parts(copy);
    expect(p["xl/styles.xml"]).toBeDefined();
    expect(partString(copy, "xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/styles" Target="styles.xml"/
    );
    expect(partString(copy, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    expect(p["xl/sharedStrings.xml"]).toBeUndefined();
    expect(same(writeScoredCopy(copy, summaryFixture()), copy)).toBe(true);
    expect(readLedgerXlsx(copy).sheetNames).toEqual(["考勤", "考核结果"]);
  });

  it("escapes text the XML cannot hold and reads it back unchanged", () => {
    const s = summaryFixture();
    const tricky = 'a<b>&"c" _x0041_ \u0001 tab\tnew\nline 𠀀';
    s.rows[12][1] = { value: tricky, format: "text" };
    const b = rawWorkbook([{ name: "S", xml: "" }]);
    const copy = writeScoredCopy(b, s);
    expect(summaryValues(copy)).toContain(tricky);
  });

  it("rejects a summary name Excel would refuse", () => {
    expect(() =>
      writeScoredCopy(rawWorkbook([{ name: "S", xml: "" }]), { ...summaryFixture(), name: "a/b" })
    ).toThrow(/invalid worksheet name/);
  });
});

describe("writeScoredCopy on packages from other writers", () => {
  const RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  it("follows a prefixed workbook (x: elements, a non-r relationships prefix)", () => {
    const base = rawWorkbook([{ name: "考勤", xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    const wb =
      `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="${RELNS}">` +
      '<x:sheets><x:sheet name="考勤" sheetId="7" rel:id="rId1"/></x:sheets></x:workbook>';
    const b = patchPart(base, "xl/workbook.xml", wb);
    const copy = writeScoredCopy(b, summaryFixture());
    expect(partString(copy, "xl/workbook.xml")).toContain(
      '<x:sheet name="考核结果" sheetId="8" rel:id="rId2"/></x:sheets>'
    );
    const r = readLedgerXlsx(copy);
    expect(r.sheetNames).toEqual(["考勤", "考核结果"]);
    expect(same(writeScoredCopy(copy, summaryFixture()), copy)).toBe(true);
  });

  it("drops the calculation chain when the replaced sheet held formulas", () => {
    const b = rawWorkbook([
      { name: "考勤", xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
      { name: "考核结果", xml: '<row r="1"><c r="A1"><f>考勤!A1*2</f><v>2</v></c></row>' },
    ]);
    const withChain = patchPart(
      patchPart(
        patchPart(
          b,
          "xl/calcChain.xml",
          '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>'
        ),
        "xl/_rels/workbook.xml.rels",
        partString(b, "xl/_rels/workbook.xml.rels").replace(
          "</Relationships>",
          `<Relationship Id="rId9" Type="${RELNS}/calcChain" Target="calcChain.xml"/></Relationships>`
        )
      ),
      "[Content_Types].xml",
      partString(b, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
      )
    );
    const copy = writeScoredCopy(withChain, summaryFixture());
    expect(parts(copy)["xl/calcChain.xml"]).toBeUndefined();
    expect(partString(copy, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(partString(copy, "[Content_Types].xml")).not.toContain("calcChain");
    expect(summaryPart(copy)).toBe("xl/worksheets/sheet2.xml");
    expect(partString(copy, "xl/worksheets/sheet2.xml")).not.toContain("<f>");
  });
});

function patchPart(bytes: Uint8Array, name: string, text: string): Uint8Array {
  return patchParts(bytes, { [name]: text });
}

describe("what writeScoredCopy writes is well-formed and faithful", () => {
  it("every part it writes parses as XML (saxes, with namespaces)", async () => {
    const { SaxesParser } = require("saxes") as typeof import("saxes");
    const original = await richLedger({ existingSummary: true });
    const copy = writeScoredCopy(original, summaryFixture());
    const before = parts(original);
    const after = parts(copy);
    const written = Object.keys(after).filter(
      (n) => /\.(xml|rels)$/.test(n) && !same(before[n], after[n])
    );
    expect(written.length).toBeGreaterThanOrEqual(6);
    for (const name of written) {
      const p = new SaxesParser({ xmlns: true });
      let error: unknown = null;
      p.on("error", (e) => (error = e));
      p.write(strFromU8(after[name])).close();
      expect([name, error]).toEqual([name, null]);
    }
  });

  it("any string reads back exactly as written", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    const base = rawWorkbook([{ name: "S", xml: "" }]);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 30 }), { minLength: 1, maxLength: 5 }),
        (texts) => {
          const s = summaryFixture();
          s.rows = [texts.map((value) => ({ value, format: "text" as const }))];
          const got =
            scanWorksheet(
              partString(writeScoredCopy(base, s), "xl/worksheets/sheet2.xml"),
              [],
              false
            ).rows[1] ?? [];
          expect(texts.map((_, i) => got[i] ?? "")).toEqual(texts);
        }
      ),
      { numRuns: 200, seed: 7 }
    );
  });
});

describe("Excel's cell limits", () => {
  it("cuts text longer than 32,767 characters, marks the cut, and never splits a surrogate pair", () => {
    const s = summaryFixture();
    const long = "很长".repeat(20_000);
    const emoji = "a".repeat(32_767 - "…（已截断 truncated）".length - 1) + "😀".repeat(10);
    s.rows = [
      [
        { value: long, format: "text" },
        { value: emoji, format: "text" },
        { value: "短", format: "text" },
      ],
    ];
    const copy = writeScoredCopy(rawWorkbook([{ name: "S", xml: "" }]), s);
    const [a, b, c] = scanWorksheet(partString(copy, "xl/worksheets/sheet2.xml"), [], false)
      .rows[1] as string[];
    expect(a.length).toBe(32_767);
    expect(a.endsWith("…（已截断 truncated）")).toBe(true);
    expect(a.startsWith(long.slice(0, 1000))).toBe(true);
    expect(b.length).toBeLessThanOrEqual(32_767);
    expect(b).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(c).toBe("短");
  });
});

describe("dates in a 1904 workbook", () => {
  it("shifts the summary's 1900-system date serials so the same date shows", () => {
    const b1900 = rawWorkbook([{ name: "S", xml: "" }]);
    const b1904 = rawWorkbook([{ name: "S", xml: "" }], { date1904: true });
    const b2 = (bytes: Uint8Array) =>
      scanWorksheet(
        partString(writeScoredCopy(bytes, summaryFixture()), "xl/worksheets/sheet2.xml"),
        [],
        false
      ).rows[2]![1];
    expect(b2(b1900)).toBe(45657); // 2024-12-31
    expect(b2(b1904)).toBe(45657 - 1462); // 2024-12-31 in the 1904 system
    // Other numbers are not dates and stay as they are.
    expect(
      scanWorksheet(
        partString(writeScoredCopy(b1904, summaryFixture()), "xl/worksheets/sheet2.xml"),
        [],
        false
      ).rows[3]![1]
    ).toBe(848600);
  });
});

describe("writeScoredCopy defines the workbook functions (SPEC §7)", () => {
  const NAMES = ["TAILPAY", "PAYTIER", "TAILRATIO", "RATEPOINTS"];
  const definedNames = (bytes: Uint8Array) =>
    [
      ...partString(bytes, "xl/workbook.xml").matchAll(
        /<definedName name="([^"]+)"([^>]*)>([^<]*)</g
      ),
    ].map((m) => ({ name: m[1], attrs: m[2], text: m[3] }));

  it("adds each as a workbook-scope LAMBDA stored with _xlfn./_xlpm., in schema order, next to the user's names", async () => {
    const original = await richLedger();
    const report: WriteReport = {};
    const copy = writeScoredCopy(original, summaryFixture(), undefined, report);
    expect(report.names).toEqual({ added: NAMES, current: [], kept: [] });
    const names = definedNames(copy);
    expect(names.map((n) => n.name)).toEqual(["PunchArea", ...NAMES]);
    for (const n of names.slice(1)) {
      expect(n.text).toMatch(/^_xlfn\.LAMBDA\(_xlpm\./);
      expect(n.attrs).not.toMatch(/localSheetId/);
    }
    const wb = partString(copy, "xl/workbook.xml");
    expect(wb.indexOf("</sheets>")).toBeLessThan(wb.indexOf("<definedNames>"));
    expect(wb.indexOf("</definedNames>")).toBeLessThan(wb.indexOf("<calcPr"));
  });

  it("creates <definedNames> before calcPr in a workbook that has none", () => {
    const original = rawWorkbook([{ name: "考勤", xml: "" }]);
    const copy = writeScoredCopy(original, summaryFixture());
    const wb = partString(copy, "xl/workbook.xml");
    expect(wb).toMatch(/<\/sheets><definedNames><definedName name="TAILPAY"/);
  });

  it("never overwrites a name the user defined, reports it, and leaves its own names as they are on the next run", async () => {
    const original = await richLedger();
    const wb0 = partString(original, "xl/workbook.xml");
    const mine = wb0.replace(
      "</definedNames>",
      '<definedName name="tailpay">Sheet1!$A$1*2</definedName><definedName name="PAYTIER" localSheetId="0">1</definedName></definedNames>'
    );
    const patched = patchParts(original, { "xl/workbook.xml": mine });
    const report: WriteReport = {};
    const copy = writeScoredCopy(patched, summaryFixture(), undefined, report);
    expect(report.names).toEqual({ added: NAMES.slice(1), current: [], kept: ["TAILPAY"] });
    const names = definedNames(copy);
    expect(names.find((n) => n.name === "tailpay")!.text).toBe("Sheet1!$A$1*2");
    expect(names.filter((n) => n.name.toUpperCase() === "TAILPAY")).toHaveLength(1);

    const again: WriteReport = {};
    const copy2 = writeScoredCopy(copy, summaryFixture(), undefined, again);
    expect(again.names).toEqual({ added: [], current: NAMES.slice(1), kept: ["TAILPAY"] });
    expect(partString(copy2, "xl/workbook.xml")).toBe(partString(copy, "xl/workbook.xml"));
  });
});
