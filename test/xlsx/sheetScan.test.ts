/**
 * The worksheet scanner reads a part's bytes (what the reader does: no decoding of the whole
 * sheet) or its text (the general scanner, which the byte scanner hands anything unusual to).
 * Both must read the same cells from any worksheet: hand-picked forms, then generated ones.
 */
import fc from "fast-check";
import { scanWorksheet } from "../../src/workbook/sheetScan";

const SHARED = ["编号", "类别", "a&b", "東京"];
const PERCENT = new Set([2, 5]);
const utf8 = new TextEncoder();

const sheet = (data: string, tail = "") =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/>' +
  `<sheetData>${data}</sheetData>${tail}</worksheet>`;

/** What a scan gives, or the error it throws, as plain data to compare. */
function scanned(part: string | Uint8Array, date1904 = false) {
  try {
    const r = scanWorksheet(part, SHARED, date1904, PERCENT);
    return {
      rows: r.rows.map((row) => (row === undefined ? "no row" : Array.from(row, (c) => c))),
      maxRow: r.maxRow,
      percent: r.percent ? [...r.percent].sort() : null,
      rest: r.rest,
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const bothAgree = (xml: string, date1904 = false) =>
  expect(scanned(utf8.encode(xml), date1904)).toEqual(scanned(xml, date1904));

describe("scanWorksheet: bytes and text read the same", () => {
  const forms: [string, string][] = [
    [
      "numbers as writers put them",
      '<row r="1" spans="1:9"><c r="A1"><v>45474</v></c><c r="B1"><v>0.35352661095093935</v></c>' +
        '<c r="C1"><v>-2.5</v></c><c r="D1"><v>1E-3</v></c><c r="E1"><v>+5</v></c><c r="F1"><v> 7 </v></c>' +
        '<c r="G1"><v>.5</v></c><c r="H1"><v>5.</v></c><c r="I1"><v>-0</v></c><c r="J1"><v>1e999</v></c>' +
        '<c r="K1"><v>0x1A</v></c><c r="L1"><v></v></c><c r="M1"><v>0000000000000000001</v></c>' +
        '<c r="N1"><v>123456789012345</v></c><c r="O1"><v>1234567890123456</v></c><c r="P1"><v>-</v></c></row>',
    ],
    [
      "every cell type",
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>TRUE</v></c>' +
        '<c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="d"><v>2024-07-01T08:30:00</v></c><c r="F2" t="str"><v>a &lt;b&gt; _x0041_</v></c>' +
        '<c r="G2" t="inlineStr"><is><t>内联</t></is></c><c r="H2" t="inlineStr"><is><r><t>富</t></r><r><t xml:space="preserve"> 文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c>' +
        '<c r="I2" t="s"><v> 2 </v></c><c r="J2" t="str"><v></v></c><c r="K2" t="x"><v>9</v></c><c r="L2" t="inlineStr"><v>v_x0042_</v></c></row>',
    ],
    [
      "formulas, cached or not",
      '<row r="3"><c r="A3"><f>SUM(B3:C3)</f><v>3</v></c><c r="B3" t="str"><f>A3&amp;"!"</f><v>3!</v></c>' +
        '<c r="C3"><f>NOW()</f></c><c r="D3" t="inlineStr"><f>X</f></c><c r="E3"><f t="shared" si="0"/><v>4</v></c></row>',
    ],
    [
      "cells and rows without r, lower case and $ references, odd attributes",
      "<row><c><v>1</v></c><c><v>2</v></c></row><row><c r='b2'><v>3</v></c><c r=\"$C$2\"><v>4</v></c></row>" +
        '<row r="9" ht="20" customHeight="1" x14ac:dyDescent="0.25"><c  r = "A9"  s="2"  t="n" ><v>0.92</v></c>' +
        '<c r="B9" s="5"/><c r="C9" s="7"><v>1</v></c><c r="D9" cm="1" vm="2"><v>5</v></c></row>',
    ],
    [
      "rows out of order, revisited, empty and self-closed",
      '<row r="4"><c r="A4"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row><row r="6"/>' +
        '<row r="4"><c r="C4"><v>3</v></c><c r="A7"><v>4</v></c></row><row r="8"></row>',
    ],
    [
      "what only the text scanner reads: comments, CDATA, extLst, prefixes",
      '<row r="1"><c r="A1"><v>1</v></c><!-- a note --><c r="B1"><v><![CDATA[12]]></v></c>' +
        '<c r="C1"><v>2</v><extLst><ext uri="x"><c r="Z9"><v>9</v></c></ext></extLst></c></row>' +
        '<x:row r="2" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A2" t="s"><x:v>3</x:v></x:c></x:row>' +
        '<row r="3"><c r="A3"><v>5</v></c></row>',
    ],
    [
      "entities in a number and a shared index",
      '<row r="1"><c r="A1"><v>&#49;2</v></c><c r="B1" t="s"><v>&#50;</v></c></row>',
    ],
    ["an empty sheet", ""],
  ];
  it.each(forms)("%s", (_what, data) => {
    bothAgree(sheet(data));
    bothAgree(sheet(data), true);
  });

  it("reads the merged cells after sheetData as the same rest", () => {
    bothAgree(
      sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>'
      )
    );
  });

  it("a self-closed or prefixed sheetData, and a spaced end tag", () => {
    bothAgree("<worksheet><sheetData/><mergeCells/></worksheet>");
    bothAgree(
      '<x:worksheet xmlns:x="y"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    );
    bothAgree(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData ></worksheet>'
    );
  });

  it("refuses the same broken parts with the same error", () => {
    for (const xml of [
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', // cut off
      "<worksheet><dimension/></worksheet>",
      '<worksheet><sheetData><row r="0"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="x1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1.5</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>',
    ]) {
      const text = scanned(xml);
      expect([xml, scanned(utf8.encode(xml))]).toEqual([xml, text]);
    }
  });

  it("reads any generated worksheet the same (property)", () => {
    const ref = fc.tuple(
      fc.constantFrom("A", "B", "C", "AA", "b", "$D"),
      fc.integer({ min: 1, max: 6 })
    );
    const value = fc.oneof(
      fc.integer({ min: -5, max: 100000 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.integer({ min: -999, max: 99999 }), fc.nat(999999999))
        .map(([a, b]) => `${a}.${String(b).padStart(9, "0")}`),
      fc.constantFrom(
        "",
        " 3",
        "1e5",
        "-",
        "0.1234567890123456789",
        "&amp;",
        "TRUE",
        "#REF!",
        "2024-01-02"
      ),
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, ""))
    );
    const cell = fc
      .record({
        ref: fc.option(ref, { nil: undefined }),
        type: fc.constantFrom(
          "",
          ' t="s"',
          ' t="str"',
          ' t="b"',
          ' t="e"',
          ' t="d"',
          ' t="n"',
          ' t="inlineStr"'
        ),
        style: fc.constantFrom("", ' s="2"', ' s="3"', " s='5'"),
        body: fc.oneof(
          value.map((v) => `<v>${v}</v>`),
          value.map((v) => `<f>A1</f><v>${v}</v>`),
          fc.constant("<f>A1</f>"),
          fc.string({ maxLength: 5 }).map((s) => `<is><t>${s.replace(/[<&]/g, "")}中</t></is>`),
          fc.constant(null)
        ),
      })
      .map(({ ref: r, type, style, body }) => {
        const attrs = `${r ? ` r="${r[0]}${r[1]}"` : ""}${type}${style}`;
        // Indexes into SHARED stay in range for t="s" most of the time.
        const b = type === ' t="s"' && body?.startsWith("<v>") ? `<v>${body.length % 5}</v>` : body;
        return b === null ? `<c${attrs}/>` : `<c${attrs}>${b}</c>`;
      });
    const row = fc
      .tuple(
        fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
        fc.array(cell, { maxLength: 5 })
      )
      .map(([r, cells]) => `<row${r === undefined ? "" : ` r="${r}"`}>${cells.join("")}</row>`);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), (rows, date1904) => {
        const xml = sheet(rows.join(""));
        expect(scanned(utf8.encode(xml), date1904)).toEqual(scanned(xml, date1904));
      }),
      { numRuns: 400 }
    );
  });
});
