/** Feature-rich ledger workbooks, built at test time (no binary fixtures are committed). */
import { strFromU8 } from "fflate";
import { parts, patch, workbookBytes } from "./helpers";

/** The bytes as a standalone ArrayBuffer (what exceljs's `addImage` accepts). */
const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;

/** A 2×2 PNG (red), small enough to inline. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64"
);
const PNG2 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64"
);

/**
 * A ledger with data validation, conditional formats, comments, defined names, frozen panes,
 * an image, hyperlinks, merged cells, an Excel table and a second summary-looking sheet.
 * With `existingSummary`, it also holds a user-made `考核结果` sheet (with a comment and its own image).
 */
export async function richLedger(opts: { existingSummary?: boolean } = {}): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    wb.creator = "监理公司";
    const ws = wb.addWorksheet("考勤", { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [{ width: 12 }, { width: 10 }, { width: 8 }, { width: 8 }, { width: 8 }];
    ws.addRow(["日期", "姓名", "时段", "时间", "结果"]).font = { bold: true };
    for (let i = 0; i < 8; i++)
      ws.addRow([
        45474 + i,
        i % 2 ? "张三" : "李四",
        i % 2 ? "下班" : "上班",
        0.375,
        i === 3 ? "缺勤" : "到岗",
      ]);
    for (let r = 2; r <= 9; r++) {
      ws.getCell(`A${r}`).numFmt = "yyyy-mm-dd";
      ws.getCell(`E${r}`).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: ['"到岗,缺勤"'],
      };
    }
    ws.addConditionalFormatting({
      ref: "E2:E9",
      rules: [
        {
          type: "containsText",
          operator: "containsText",
          text: "缺勤",
          priority: 1,
          style: { font: { color: { argb: "FF9C0006" } } },
        },
      ],
    });
    ws.getCell("B2").note = "驻场工程师（组长）";
    ws.getCell("G1").value = { text: "考勤制度 rules", hyperlink: "https://example.gov.cn/rules" };
    ws.getCell("G3").value = "合并单元格";
    ws.mergeCells("G3:H4");
    ws.addImage(wb.addImage({ buffer: arrayBuffer(PNG), extension: "png" }), "J2:K4");
    wb.definedNames.add("考勤!$A$1:$E$9", "PunchArea");

    const tk = wb.addWorksheet("工单");
    tk.addTable({
      name: "工单",
      ref: "A1",
      columns: [{ name: "工单号" }, { name: "流转乙方" }, { name: "状态" }, { name: "创建日期" }],
      rows: [
        ["GD-001", "是", "已关闭", 45474],
        ["GD-002", "是", "处理中", 45475],
        ["GD-003", "否", "已关闭", 45476],
      ],
    });

    const old = wb.addWorksheet("考核结果（上月）");
    old.addRow(["运维考核评分结果 OM Scorecard assessment"]);
    old.addRow(["合计 Total", 81.25]);
    old.getCell("B2").numFmt = "0.00";

    if (opts.existingSummary) {
      const mine = wb.addWorksheet("考核结果");
      mine.addRow(["旧的结果 old result", 12.34]);
      mine.getCell("A1").note = "旧批注 old comment";
      mine.addImage(wb.addImage({ buffer: arrayBuffer(PNG2), extension: "png" }), "D2:E3");
    }
    const last = wb.addWorksheet("说明");
    last.addRow(["本台账由监理公司维护。"]);
  });
}

const VBA_CT = "application/vnd.ms-office.vbaProject";
export const MACRO_MAIN_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
/** A fake vbaProject.bin: any bytes will do for a package-level test. */
export const FAKE_VBA = Uint8Array.from({ length: 1536 }, (_, i) => (i * 37 + 11) & 0xff);
export const FAKE_PRINTER = Uint8Array.from({ length: 300 }, (_, i) => (i * 13) & 0xff);

/**
 * The .xlsm variant: a vbaProject.bin part, the macro-enabled workbook content type, a
 * printer-settings part on the first sheet, and a pivot cache (definition + records).
 */
export function toXlsm(xlsx: Uint8Array): Uint8Array {
  const p = parts(xlsx);
  const ct = strFromU8(p["[Content_Types].xml"])
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      MACRO_MAIN_CT
    )
    .replace(
      "</Types>",
      `<Default Extension="bin" ContentType="${VBA_CT}"/><Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>`
    );
  const rels = strFromU8(p["xl/_rels/workbook.xml.rels"]).replace(
    "</Relationships>",
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
  );
  const sheetRels = strFromU8(p["xl/worksheets/_rels/sheet1.xml.rels"]).replace(
    "</Relationships>",
    '<Relationship Id="rIdPrn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'
  );
  // A pivot cache over the tickets table (no pivot table uses it; the parts only need to survive).
  const workbook = strFromU8(p["xl/workbook.xml"]).replace(
    "</workbook>",
    '<pivotCaches><pivotCache cacheId="1" r:id="rIdPc"/></pivotCaches></workbook>'
  );
  const pivotDef =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" refreshOnLoad="1" recordCount="0">' +
    '<cacheSource type="worksheet"><worksheetSource ref="A1:D4" sheet="工单"/></cacheSource><cacheFields count="1"><cacheField name="状态" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>';
  const pivotRecords =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>';
  const pivotRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>';
  return patch(xlsx, {
    "[Content_Types].xml": ct.replace(
      "</Types>",
      '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
        '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/></Types>'
    ),
    "xl/workbook.xml": workbook,
    "xl/pivotCache/pivotCacheDefinition1.xml": pivotDef,
    "xl/pivotCache/pivotCacheRecords1.xml": pivotRecords,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": pivotRels,
    "xl/_rels/workbook.xml.rels": rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdPc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>'
    ),
    "xl/worksheets/_rels/sheet1.xml.rels": sheetRels,
    "xl/vbaProject.bin": FAKE_VBA,
    "xl/printerSettings/printerSettings1.bin": FAKE_PRINTER,
  });
}
