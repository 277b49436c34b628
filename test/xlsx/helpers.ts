/** Shared helpers for the xlsx reader/writer tests: build workbooks, open and patch packages. */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { SummarySheet } from "../../src/report/types";

export async function workbookBytes(
  build: (wb: ExcelJS.Workbook) => void | Promise<void>
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every part's uncompressed bytes (fflate's own unzip, independent of the code under test). */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partString(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** Repackages with some parts replaced (string or bytes) or removed (null). */
export function patch(
  bytes: Uint8Array,
  changes: Record<string, string | Uint8Array | null>
): Uint8Array {
  const all: Zippable = { ...parts(bytes) };
  for (const [name, v] of Object.entries(changes)) {
    if (v === null) delete all[name];
    else all[name] = typeof v === "string" ? strToU8(v) : v;
  }
  return zipSync(all, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) });
}

/** A minimal hand-written package: sheet XML bodies by name, plus optional extra parts. */
export function rawWorkbook(
  sheets: { name: string; xml: string; tables?: string[] }[],
  opts: { sharedStrings?: string[]; date1904?: boolean; extra?: Record<string, string> } = {}
): Uint8Array {
  const NS =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Record<string, string> = {};
  let ct =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  files["_rels/.rels"] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  let wbRels = "";
  let tableNo = 0;
  sheets.forEach((s, i) => {
    wbRels += `<Relationship Id="rId${i + 1}" Type="${RELNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
    ct += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>`;
    if (s.tables?.length) {
      let rels = "";
      s.tables.forEach((t, k) => {
        tableNo++;
        rels += `<Relationship Id="rId${k + 1}" Type="${RELNS}/table" Target="../tables/table${tableNo}.xml"/>`;
        files[`xl/tables/table${tableNo}.xml`] = t;
        ct += `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`;
      });
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
    }
  });
  if (opts.sharedStrings) {
    const n = sheets.length + 1;
    wbRels += `<Relationship Id="rId${n}" Type="${RELNS}/sharedStrings" Target="sharedStrings.xml"/>`;
    ct +=
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>';
    files["xl/sharedStrings.xml"] =
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.sharedStrings.join("")}</sst>`;
  }
  files["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels}</Relationships>`;
  files["xl/workbook.xml"] =
    `<?xml version="1.0"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>` +
    sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    "</sheets></workbook>";
  Object.assign(files, opts.extra ?? {});
  files["[Content_Types].xml"] = ct + "</Types>";
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = strToU8(v);
  return zipSync(z, { mtime: new Date(Date.UTC(2024, 0, 1)) });
}

/** A hand-built summary: a few rows in every format, a formula-looking note, and the chart spec. */
export function summaryFixture(note = '=HYPERLINK("x","y")'): SummarySheet {
  const t = (value: string | null, extra = {}) => ({ value, format: "text" as const, ...extra });
  const h = (value: string) => ({ value, format: "text" as const, bold: true, header: true });
  return {
    name: "考核结果",
    columnWidths: [24, 12, 12, 16, 40],
    rows: [
      [t("运维考核评分结果 OM Scorecard assessment", { bold: true })],
      [t("考核日期 As of"), { value: 45657, format: "date" }],
      [t("合同金额 Contract amount"), { value: 848600, format: "money" }],
      [],
      [h("考核项 Dimension"), h("满分 Max"), h("得分 Points"), h("比率 Rate"), h("说明 Note")],
      [
        t("出勤率"),
        { value: 30, format: "integer" },
        { value: 24, format: "points" },
        { value: 0.8003, format: "percent" },
        t("1186/1482"),
      ],
      [
        t("日常维护"),
        { value: 20, format: "integer" },
        { value: 17, format: "points" },
        { value: null, format: "percent" },
        t(note),
      ],
      [
        t("响应度"),
        { value: 20, format: "integer" },
        { value: 20, format: "points" },
        { value: null, format: "percent" },
        t("-1+2"),
      ],
      [
        t("完成率"),
        { value: 20, format: "integer" },
        { value: 16, format: "points" },
        { value: 0.8, format: "percent" },
        t("@x"),
      ],
      [
        t("满意率"),
        { value: 10, format: "integer" },
        { value: 7.5, format: "points" },
        { value: null, format: "percent" },
        t("+1"),
      ],
      [
        t("合计 Total", { bold: true }),
        { value: 100, format: "integer", bold: true },
        { value: 84.5, format: "points", bold: true },
      ],
      [t("尾款 Tail amount"), { value: 381870.12, format: "money" }],
      [t("状态 Status"), t("暂定 provisional")],
    ],
    chart: {
      title: "各项得分 Points by dimension",
      firstRow: 5,
      rowCount: 5,
      categoryColumn: 0,
      seriesColumns: [2, 1],
    },
  };
}
