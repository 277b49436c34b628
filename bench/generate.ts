/**
 * Deterministic synthetic ledgers for the benchmark: the same seed and size always give the
 * same rows. Cells are what a reader hands the engine: dates as Excel serials (1900 system),
 * times as day fractions, text as strings.
 *
 * Proportions (a busy contract scaled up): about half the rows are punch checks — two a working
 * day per resident staff member, so a large ledger has many staff — and the rest are tickets,
 * with complaints (~1 per 10,000 rows, at least 6) and survey responses (~1 per 20,000, at least
 * 12).
 */
import { strToU8, zipSync } from "fflate";
import { seededRandom as prng } from "../src/cli/random";
import {
  BUILTIN_CALENDAR,
  isoDay,
  serialFromDay,
  workdaysBetween,
  type RawCell,
  type RawTable,
} from "../src/engine";

export interface LedgerShape {
  /** Punch rows (checks); staff = ceil(punches / (2 × working days)). */
  punches: number;
  tickets: number;
  complaints: number;
  surveys: number;
}

/** The default mix for a total of `rows` ledger rows. */
export function shapeFor(rows: number): LedgerShape {
  const complaints = Math.max(6, Math.round(rows / 10_000));
  const surveys = Math.max(12, Math.round(rows / 20_000));
  const punches = Math.round((rows - complaints - surveys) / 2);
  return { punches, tickets: rows - complaints - surveys - punches, complaints, surveys };
}

/** Issue 5's ledger: 60 staff for the full service year (≈ 29,760 checks) plus 100,000 tickets. */
export function issue5Shape(): LedgerShape {
  return {
    punches: 60 * 2 * serviceWorkdays().length,
    tickets: 100_000,
    complaints: 24,
    surveys: 12,
  };
}

export function serviceWorkdays(): number[] {
  return workdaysBetween(BUILTIN_CALENDAR, isoDay("2024-07-01"), isoDay("2025-06-30"));
}

const total = (s: LedgerShape): number => s.punches + s.tickets + s.complaints + s.surveys;

export interface SyntheticLedger {
  shape: LedgerShape;
  rows: number;
  staff: number;
  tables: RawTable[];
}

function table(name: string, headers: string[], rows: RawCell[][]): RawTable {
  return { name, sheet: name, kind: "sheet", headerRow: 1, firstColumn: 1, headers, rows };
}

/** Build the ledger's RawTables (Chinese names and headers, plain sheets). */
export function generateLedger(shape: LedgerShape, seed = 20240701): SyntheticLedger {
  const rnd = prng(seed);
  const days = serviceWorkdays();
  const staff = Math.max(1, Math.ceil(shape.punches / (2 * days.length)));
  const start = serialFromDay(isoDay("2024-07-01"));
  const names = Array.from({ length: staff }, (_, i) => `工程师${String(i + 1).padStart(4, "0")}`);
  const roster: RawCell[][] = names.map((n, i) => [
    n,
    i === 0 ? "项目经理" : "驻场工程师",
    start,
    null,
  ]);

  const punches: RawCell[][] = new Array(shape.punches);
  let k = 0;
  outer: for (const d of days) {
    const serial = serialFromDay(d);
    for (const n of names) {
      for (let slot = 0; slot < 2; slot++) {
        if (k >= shape.punches) break outer;
        const absent = rnd() < 0.03;
        punches[k++] = [
          serial,
          n,
          slot === 0 ? "上班" : "下班",
          slot === 0 ? 0.35 + rnd() * 0.02 : 0.74 + rnd() * 0.02,
          absent ? "缺勤" : "到岗",
        ];
      }
    }
  }

  const statuses = ["已关闭", "已关闭", "已关闭", "已关闭", "待验证", "处理中", "已关闭 "];
  const tickets: RawCell[][] = new Array(shape.tickets);
  for (let i = 0; i < shape.tickets; i++) {
    const d = days[Math.floor(rnd() * days.length)];
    tickets[i] = [
      `GD${String(i + 1).padStart(7, "0")}`,
      rnd() < 0.9 ? "是" : "否",
      statuses[Math.floor(rnd() * statuses.length)],
      serialFromDay(d),
    ];
  }

  const complaints: RawCell[][] = [];
  for (let i = 0; i < shape.complaints; i++) {
    const d = days[Math.floor(rnd() * (days.length - 20))];
    const resp = i % 2 === 1;
    const verified = rnd() < 0.3;
    const deadline = resp ? serialFromDay(d) + 7 : null;
    const rectified = resp
      ? rnd() < 0.8
        ? serialFromDay(d) + Math.floor(rnd() * 10)
        : null
      : null;
    complaints.push([
      `TS${String(i + 1).padStart(5, "0")}`,
      serialFromDay(d),
      resp ? "响应度" : "日常维护",
      verified ? "是" : "否",
      deadline,
      rectified,
      `投诉说明 ${i + 1}`,
    ]);
  }

  const surveys: RawCell[][] = [];
  for (let i = 0; i < shape.surveys; i++)
    surveys.push([`处室${i + 1}`, 70 + Math.floor(rnd() * 31)]);

  return {
    shape,
    rows: total(shape),
    staff,
    tables: [
      table("驻场人员", ["姓名", "角色", "到岗日期", "离岗日期"], roster),
      table("考勤", ["日期", "姓名", "时段", "时间", "结果"], punches),
      table("工单", ["工单号", "流转乙方", "状态", "创建日期"], tickets),
      table(
        "投诉",
        ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
        complaints
      ),
      table("问卷", ["受访者", "得分"], surveys),
    ],
  };
}

// ------------------------------------------------------------------ a minimal .xlsx writer

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The tables as an .xlsx package the way Excel saves one: one plain worksheet per table, text
 * in the shared-string table, numbers as numbers (date columns with a date format).
 */
export function ledgerXlsx(tables: RawTable[]): Uint8Array {
  const sst = new Map<string, number>();
  const sstList: string[] = [];
  let sstCount = 0;
  const si = (s: string): number => {
    sstCount++;
    let i = sst.get(s);
    if (i === undefined) {
      i = sstList.length;
      sst.set(s, i);
      sstList.push(s);
    }
    return i;
  };
  const files: Record<string, Uint8Array> = {};
  tables.forEach((t, ti) => {
    const dateCols = new Set(
      t.headers.map((h, i) => (/日期|期限/.test(String(h)) ? i : -1)).filter((i) => i >= 0)
    );
    const parts: string[] = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>`,
    ];
    const letters = t.headers.map((_, i) => colLetters(i));
    const emit = (cells: RawCell[], r: number): void => {
      let row = `<row r="${r}">`;
      cells.forEach((v, c) => {
        if (v === null) return;
        const ref = `${letters[c]}${r}`;
        if (typeof v === "number")
          row += `<c r="${ref}"${dateCols.has(c) ? ' s="1"' : ""}><v>${v}</v></c>`;
        else if (typeof v === "boolean") row += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        else if (typeof v === "string") row += `<c r="${ref}" t="s"><v>${si(v)}</v></c>`;
        else row += `<c r="${ref}" t="e"><v>${xmlEscape(v.error)}</v></c>`;
      });
      parts.push(`${row}</row>`);
    };
    emit(t.headers, 1);
    t.rows.forEach((cells, i) => emit(cells, i + 2));
    parts.push("</sheetData></worksheet>");
    files[`xl/worksheets/sheet${ti + 1}.xml`] = strToU8(parts.join(""));
  });
  const sstXml = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${sstCount}" uniqueCount="${sstList.length}">`,
  ];
  for (const s of sstList)
    sstXml.push(
      `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${xmlEscape(s)}</t></si>`
    );
  sstXml.push("</sst>");
  files["xl/sharedStrings.xml"] = strToU8(sstXml.join(""));
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheets>` +
      tables
        .map(
          (t, i) => `<sheet name="${xmlEscape(t.sheet)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
        )
        .join("") +
      "</sheets></workbook>"
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      tables
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${tables.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${tables.length + 2}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>"
  );
  files["_rels/.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files["[Content_Types].xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      tables
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      "</Types>"
  );
  // Fixed timestamps: the same ledger gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2025, 0, 1)) });
}
