import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { WorkbookError, readLedgerXlsx, writeScoredCopy } from "../support/workbook";
import { shown } from "../../src/engine";
import { patch, rawWorkbook, summaryFixture, workbookBytes } from "./helpers";

/** The WorkbookError code `fn` throws (fails the test for any other outcome). */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkbookError) {
      const shownError = shown(e.diagnostic);
      expect(shownError.zh.length).toBeGreaterThan(10);
      expect(shownError.en.length).toBeGreaterThan(10);
      return e.code;
    }
    throw e;
  }
  throw new Error("no error thrown");
}

/** A compound-file (OLE) container: the magic number, then directory names in UTF-16LE. */
function cfb(...streamNames: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = streamNames
    .flatMap((n) => [...Buffer.from(n, "utf16le")])
    .concat(new Array(64).fill(0));
  return Uint8Array.from([...head, ...new Array(504).fill(0), ...body]);
}

describe("hostile files: each kind gives its WorkbookError", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await workbookBytes((wb) => {
      wb.addWorksheet("考勤").addRow(["日期", "姓名"]);
    });
  });

  it("empty file → file-empty", () => {
    expect(codeOf(() => readLedgerXlsx(new Uint8Array(0)))).toBe("file-empty");
  });

  it("a password-protected workbook (CFB with EncryptionInfo/EncryptedPackage) → file-encrypted", () => {
    expect(
      codeOf(() => readLedgerXlsx(cfb("Root Entry", "EncryptionInfo", "EncryptedPackage")))
    ).toBe("file-encrypted");
    expect(
      codeOf(() => readLedgerXlsx(cfb("Root Entry", "\u0006DataSpaces", "EncryptedPackage")))
    ).toBe("file-encrypted");
  });

  it("a legacy .xls (CFB without encryption streams) → file-xls", () => {
    expect(
      codeOf(() => readLedgerXlsx(cfb("Root Entry", "Workbook", "\u0005SummaryInformation")))
    ).toBe("file-xls");
  });

  it("CSV text (UTF-8 with BOM, GB18030 bytes, tab-separated) → file-csv", () => {
    expect(
      codeOf(() => readLedgerXlsx(strToU8("\ufeff日期,姓名,结果\r\n2024-07-01,张三,到岗\r\n")))
    ).toBe("file-csv");
    // "日期,姓名" in GB18030
    expect(
      codeOf(() =>
        readLedgerXlsx(
          Uint8Array.from([0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a])
        )
      )
    ).toBe("file-csv");
    expect(codeOf(() => readLedgerXlsx(strToU8("TicketId\tStatus\nT1\t已关闭\n")))).toBe(
      "file-csv"
    );
  });

  it("other bytes, HTML saved as .xls, and zips that hold no workbook → file-not-xlsx", () => {
    expect(
      codeOf(() => readLedgerXlsx(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))
    ).toBe("file-not-xlsx");
    expect(
      codeOf(() => readLedgerXlsx(strToU8("<html><table><tr><td>日期</td></tr></table></html>")))
    ).toBe("file-not-xlsx");
    expect(
      codeOf(() => readLedgerXlsx(zipSync({ "word/document.xml": strToU8("<w:document/>") })))
    ).toBe("file-not-xlsx");
    expect(
      codeOf(() =>
        readLedgerXlsx(
          zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") })
        )
      )
    ).toBe("file-not-xlsx");
    expect(codeOf(() => readLedgerXlsx(zipSync({})))).toBe("file-not-xlsx");
  });

  it("a truncated zip, a damaged entry, or broken XML → file-corrupt", () => {
    expect(codeOf(() => readLedgerXlsx(good.subarray(0, Math.floor(good.length / 2))))).toBe(
      "file-corrupt"
    );
    const flipped = good.slice();
    const at = Buffer.from(good).indexOf("xl/worksheets/sheet1.xml"); // the entry's local header name
    flipped[at + 24 + 30] ^= 0xff; // inside its compressed data
    expect(codeOf(() => readLedgerXlsx(flipped))).toBe("file-corrupt");
    expect(
      codeOf(() =>
        readLedgerXlsx(
          patch(good, {
            "xl/worksheets/sheet1.xml":
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v>',
          })
        )
      )
    ).toBe("file-corrupt");
    expect(
      codeOf(() => readLedgerXlsx(patch(good, { "xl/workbook.xml": "<notAWorkbook/>" })))
    ).toBe("file-corrupt");
    expect(
      codeOf(() =>
        readLedgerXlsx(
          rawWorkbook([{ name: "S", xml: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }], {
            sharedStrings: ["<si><t>only one</t></si>"],
          })
        )
      )
    ).toBe("file-corrupt");
  });

  it("writeScoredCopy refuses the same files with the same codes", () => {
    expect(codeOf(() => writeScoredCopy(new Uint8Array(0), summaryFixture()))).toBe("file-empty");
    expect(codeOf(() => writeScoredCopy(cfb("EncryptedPackage"), summaryFixture()))).toBe(
      "file-encrypted"
    );
    expect(codeOf(() => writeScoredCopy(good.subarray(0, 100), summaryFixture()))).toBe(
      "file-corrupt"
    );
  });

  it("never throws anything but a WorkbookError, however the bytes are damaged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        (flips, cut) => {
          const b = good.slice(0, cut === undefined ? good.length : cut % good.length);
          for (const [at, x] of flips) if (b.length) b[at % b.length] ^= x;
          for (const f of [() => readLedgerXlsx(b), () => writeScoredCopy(b, summaryFixture())]) {
            try {
              f();
            } catch (e) {
              if (!(e instanceof WorkbookError)) throw e;
            }
          }
        }
      ),
      { numRuns: 300, seed: 20240628 }
    );
  });
});
