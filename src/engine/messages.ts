import { dayToIso, type Day } from "./day";
import { isTimeTypedAsNumber, type Slot } from "./values";
import {
  CONTRACT_ITEMS,
  askedColumns,
  tableDef,
  type ColumnDef,
  type ContractItemKey,
  type TableKey,
} from "./tables";
import type { CellError, RawCell } from "./raw";

/**
 * The diagnostic catalogue: every problem the tool can report, one entry per stable code, with
 * its severity and one function from the code's arguments to the Chinese and English message.
 * A diagnostic carries its code, where it points (table and column as keys) and its arguments;
 * the names and the words are resolved here, only when it is shown. The few codes about a host's
 * own controls (a command-line flag, an Excel version or menu) are declared here too, so that
 * every code is in one typed list, but worded by their host (`hosted`: src/cli/messages.ts,
 * src/excel/messages.ts). Nothing else writes diagnostic prose.
 */

/** How serious a diagnostic is: an error makes the run invalid; warnings and info are scored. */
export type Severity = "error" | "warning" | "info";

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The table and column a diagnostic points at, as names (resolved from their keys). */
export interface Place {
  table: TableKey | null;
  tableZh: string;
  tableEn: string;
  columnZh: string;
  columnEn: string;
  /** The column's key (`verified`), where the diagnostic names one: some columns word their own hints. */
  columnKey?: string;
}

/** A located table as messages describe it. */
export interface TableRef {
  kind: "table" | "sheet";
  name: string;
  sheet: string;
}

/**
 * @summary Short display of a cell or name in a message: long text is cut, so a
 * 30,000-character cell stays readable.
 * @example
 * show("张三") //=> "张三"
 * show({ error: "#N/A" }) //=> "#N/A"
 */
function show(c: RawCell): string {
  const s = c === null ? "" : typeof c === "object" ? (c as CellError).error : String(c);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** What a column of each parsed kind accepts, named by the code its bad values get. */
const EXPECTED = {
  "bad-date": {
    zh: "日期（如 2024-07-01、2024/7/1、2024年7月1日，或 Excel 日期）",
    en: "a date (2024-07-01, 2024/7/1, 2024年7月1日, or an Excel date)",
  },
  "bad-yes-no": {
    zh: "是/否（或 Y/N、yes/no、true/false、✓/✗）",
    en: "yes or no (是/否, Y/N, yes/no, true/false, ✓/✗)",
  },
  "bad-slot": {
    zh: "上班/下班（或 上午/下午、上班打卡/下班打卡、签到/签退、AM/PM）",
    en: "上班 or 下班 (上午/下午, 上班打卡/下班打卡, 签到/签退, AM/PM)",
  },
  "bad-time": { zh: "时间（如 08:30）", en: "a time such as 08:30" },
  "bad-result": {
    zh: "到岗/缺勤（或 出勤、正常、迟到、早退、外勤、补卡、缺卡、未打卡、旷工、请假、✓/✗、是/否）",
    en: "present or absent (到岗/缺勤, 出勤, 正常, 迟到, 早退, 外勤, 补卡, 缺卡, 未打卡, 旷工, 请假, ✓/✗, 是/否)",
  },
  "bad-score": {
    zh: "0 到 100 之间的数字（或 0 到合同表「问卷满分」；可带单位，如 92分）；未回收的问卷请留空或写「未回收」",
    en: "a number from 0 to 100 (or to the Contract item SurveyScale; 92分 is read as 92); leave a form not returned empty or write 未回收",
  },
  "bad-category": {
    zh: "日常维护 或 响应度（也可写 日常维护类、日常维护问题、响应度类、响应度问题）；两类都说得通的词（如「服务响应」）请改写为其中之一",
    en: "日常维护 (maintenance) or 响应度 (responsiveness) (日常维护类, 日常维护问题, 响应度类, 响应度问题 are read too); a word that could be either (服务响应) must be rewritten as one of them",
  },
  "bad-day-type": {
    zh: "工作日 或 休息日（也可写 班、上班、补班 或 休、休息、节假日、假）",
    en: "工作日 (Workday) or 休息日 (RestDay) (班, 上班, 补班 or 休, 休息, 节假日, 假 are read too)",
  },
} as const satisfies Record<string, Bilingual>;

/**
 * What a column accepts where it says more than its kind (SPEC §10): 核实属实 also takes 属实/不属实
 * and a complaint still being checked; 流转乙方 also takes 已流转/未流转.
 */
const EXPECTED_IN_COLUMN: Partial<Record<string, Bilingual>> = {
  "complaints.verified": {
    zh: "是/否（或 属实/不属实）；尚在核实的投诉请写「核实中」或留空",
    en: "yes or no (是/否, 属实/不属实); for a complaint still being checked write 核实中 or leave it empty",
  },
  "tickets.routed": {
    zh: "是/否（或 已流转/未流转、Y/N）",
    en: "yes or no (是/否, 已流转/未流转, Y/N)",
  },
};

/** What column `p` accepts, its values reported as `code`. */
const expectedIn = (p: Place, code: ValueCode): Bilingual =>
  EXPECTED_IN_COLUMN[`${p.table ?? ""}.${p.columnKey ?? ""}`] ?? EXPECTED[code];

/** Codes of a cell whose value is outside what its column accepts. */
export type ValueCode = keyof typeof EXPECTED;

const badValue = (a: { value: RawCell }, p: Place, code: ValueCode): Bilingual => ({
  zh: `「${p.columnZh}」的值「${show(a.value)}」无法识别，应为${expectedIn(p, code).zh}。`,
  en: `The ${p.columnEn} value "${show(a.value)}" is not understood; expected ${expectedIn(p, code).en}.`,
});

/** 8.52 → "8:52": what a time typed as a number most likely meant. */
const timeGuess = (n: number): string => {
  const h = Math.floor(n);
  const m = Math.round((n - h) * 100);
  return m < 60 && h < 24 ? `${h}:${String(m).padStart(2, "0")}` : "8:30";
};

const firstRows = (rows: readonly number[]): string =>
  rows.slice(0, 5).join(", ") + (rows.length > 5 ? " …" : "");

const describeZh = (t: TableRef): string =>
  t.kind === "table" ? `表格 ${t.name}（工作表 ${t.sheet}）` : `工作表 ${t.sheet}`;
const describeEn = (t: TableRef): string =>
  t.kind === "table" ? `table ${t.name} (sheet ${t.sheet})` : `sheet ${t.sheet}`;
const periodZh = (from: Day | null, to: Day | null): string =>
  from === null || to === null ? "无" : `${dayToIso(from)} 至 ${dayToIso(to)}`;
const periodEn = (from: Day | null, to: Day | null): string =>
  from === null || to === null ? "none" : `${dayToIso(from)} to ${dayToIso(to)}`;
/** A money value taken from the built-in contract (SPEC §9 `contract-default-used`). */
export type MoneyDefault =
  | { item: "amount"; fen: number }
  | { item: "tailShare"; percent: number }
  | { item: "serviceStart" | "serviceEnd"; day: Day };

/** A money default's value as the message shows it: ¥848,600.00, 50%, 2024-07-01. */
function moneyDefaultText(m: MoneyDefault): string {
  if (m.item === "amount") {
    const yuan = String(Math.floor(m.fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return `¥${yuan}.${String(m.fen % 100).padStart(2, "0")}`;
  }
  if (m.item === "tailShare") return `${m.percent}%`;
  return dayToIso(m.day);
}

const ID_LABEL: Partial<Record<TableKey, Bilingual>> = {
  tickets: { zh: "工单号", en: "Ticket ID" },
  complaints: { zh: "投诉编号", en: "Complaint ID" },
};

/** The file-level refusals of the command line's workbook reader. */
const FILE_MESSAGES = {
  "file-empty": {
    zh: "文件是空的（0 字节）。请确认选择了正确的台账文件，或从原始位置重新复制一份。",
    en: "The file is empty (0 bytes). Check that you chose the right ledger file, or copy it again from where it is kept.",
  },
  "file-not-xlsx": {
    zh: "这不是 Excel 工作簿（.xlsx/.xlsm）。请在 Excel 或 WPS 中打开台账，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    en: 'This is not an Excel workbook (.xlsx/.xlsm). Open the ledger in Excel or WPS and use Save As → "Excel Workbook (*.xlsx)", then assess that file.',
  },
  "file-encrypted": {
    zh: "工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开，依次点击“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再评分。",
    en: "The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, go to File → Info → Protect Workbook → Encrypt with Password, clear the password, save, then assess it.",
  },
  "file-xls": {
    zh: "这是旧版 Excel 97-2003 文件（.xls），不受支持。请在 Excel 或 WPS 中打开，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    en: 'This is a legacy Excel 97-2003 file (.xls), which is not supported. Open it in Excel or WPS and use Save As → "Excel Workbook (*.xlsx)", then assess that file.',
  },
  "file-csv": {
    zh: "这是 CSV 文本文件，不是 Excel 工作簿，无法保存表格和评分结果。请在 Excel 或 WPS 中打开，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    en: 'This is a CSV text file, not an Excel workbook, so it cannot hold the ledger tables and the result. Open it in Excel or WPS and use Save As → "Excel Workbook (*.xlsx)", then assess that file.',
  },
  "file-corrupt": {
    zh: "工作簿已损坏或不完整（可能复制或下载时中断），无法读取。请在 Excel 中打开它（Excel 会尝试修复），另存为新的 .xlsx 文件，或从备份中取回一份完整的文件。",
    en: "The workbook is damaged or incomplete (perhaps a copy or download was interrupted) and cannot be read. Open it in Excel (which will try to repair it) and save it as a new .xlsx file, or restore a complete copy from a backup.",
  },
} as const satisfies Record<string, Bilingual>;

export type FileErrorCode = keyof typeof FILE_MESSAGES;

const fileMessage =
  (code: FileErrorCode) =>
  (a: { detail?: string }): Bilingual => {
    const m = FILE_MESSAGES[code];
    return a.detail ? { zh: `${m.zh}（${a.detail}）`, en: `${m.en} (${a.detail})` } : m;
  };

/** A code the catalogue words: its severity, and its message from its arguments and place. */
interface Entry<A> {
  severity: Severity;
  text: (args: A, place: Place) => Bilingual;
}

/**
 * A code of the command line's or the add-in's own — about a flag, a file path, an Excel
 * version — declared here with its severity and arguments, so that every code stays in this one
 * typed list (and the JSON's codes are all in it), and worded by its host: src/cli/messages.ts
 * and src/excel/messages.ts give their words to `wordHostedCodes` as they load.
 */
interface HostedEntry<A> {
  severity: Severity;
  text: null;
  /** Only the type: the arguments its host's words take. */
  args?: A;
}

const entry = <A>(severity: Severity, text: (args: A, place: Place) => Bilingual): Entry<A> => ({
  severity,
  text,
});
const hosted = <A>(severity: Severity): HostedEntry<A> => ({ severity, text: null });
const error = <A>(text: (args: A, place: Place) => Bilingual) => entry("error", text);
const warning = <A>(text: (args: A, place: Place) => Bilingual) => entry("warning", text);
const info = <A>(text: (args: A, place: Place) => Bilingual) => entry("info", text);
type None = Record<string, never>;

const CATALOGUE = {
  // Locating the tables (schema.ts).
  "missing-table": error<{
    near?: { sheet: string; missing: string[] };
    taken?: { sheet: string; as: TableKey; columns: string[] };
  }>((a, p) => {
    const def = tableDef(p.table ?? "contract");
    const columns = askedColumns(def);
    if (a.taken) {
      // SPEC §10: the sheet holding this table's columns was read as another table (two tables
      // side by side on one sheet with no empty column between them, say).
      const other = tableDef(a.taken.as);
      const has = def.columns.filter((c) => a.taken!.columns.includes(c.key));
      return {
        zh: `找不到「${p.tableZh}」表：找的是列标题为 ${columns.map((c) => `「${c.zh}」`).join("")} 的表。工作表「${a.taken.sheet}」有${has.map((c) => `「${c.zh}」`).join("")}列，但整张工作表已作为「${other.zh}」表读取。请把${p.tableZh}放到单独的工作表（命名为「${p.tableZh}」），或在两张表之间留出至少一整列空列。`,
        en: `No ${p.tableEn} table found: looked for the headers ${columns.map((c) => c.en).join(", ")}. Sheet "${a.taken.sheet}" has the ${has.map((c) => c.en).join(", ")} column(s), but the whole sheet is read as the ${other.en} table. Put the ${p.tableEn} records on a sheet of their own (named "${p.tableZh}"), or leave at least one fully empty column between the two tables.`,
      };
    }
    if (a.near) {
      const miss = def.columns.filter((c) => a.near!.missing.includes(c.key));
      const zhOf = (c: ColumnDef) => [c.zh, ...(c.aliases ?? [])].join("、");
      return {
        zh: `找不到「${p.tableZh}」表：工作表「${a.near.sheet}」像是${p.tableZh}记录，但缺少必需的列${miss.map((c) => `「${c.zh}」（或 ${zhOf(c).slice(c.zh.length + 1) || c.en}）`).join("")}。请在该工作表添加这一列，或把列标题改为上述名称。`,
        en: `No ${p.tableEn} table found: sheet "${a.near.sheet}" looks like ${p.tableEn} records but has no required column ${miss.map((c) => `${c.en} (${zhOf(c).replace(/、/g, ", ")})`).join(", ")}. Add that column to the sheet, or rename its header to one of these.`,
      };
    }
    return {
      zh: `找不到「${p.tableZh}」表。请添加名为「${p.tableZh}」（或 ${p.tableEn}）的工作表或表格，首行为列标题：${columns.map((c) => c.zh).join("、")}。`,
      en: `No ${p.tableEn} table found. Add a sheet or Excel table named "${p.tableZh}" (or ${p.tableEn}) whose first row holds the headers: ${columns.map((c) => c.en).join(", ")}.`,
    };
  }),
  "ambiguous-table": error<{ found: TableRef[]; differ?: { sheet: string; columns: string[] }[] }>(
    (a, p) => {
      if (a.differ) {
        // Sheets kept one per month (7月, 8月 …) are read together only with the same columns.
        const cols = (ks: string[], lang: "zh" | "en") =>
          ks.map((k) => tableDef(p.table!).columns.find((c) => c.key === k)?.[lang] ?? k);
        return {
          zh: `有 ${a.found.length} 个工作表都像「${p.tableZh}」表：${a.found.map(describeZh).join("、")}。列相同的工作表会合并读取（如每月一个工作表），但这些工作表的列不同：${a.differ.map((x) => `工作表「${x.sheet}」缺少「${cols(x.columns, "zh").join("」「")}」列`).join("；")}。请让各工作表的列标题一致；如只有一个是${p.tableZh}记录，请把它命名为「${p.tableZh}」。`,
          en: `${a.found.length} sheets look like the ${p.tableEn} table: ${a.found.map(describeEn).join(", ")}. Sheets with the same columns are read together (one sheet per month, say), but these differ: ${a.differ.map((x) => `sheet "${x.sheet}" has no ${cols(x.columns, "en").join(", ")} column`).join("; ")}. Give every sheet the same headers; if only one holds ${p.tableEn} records, name it "${p.tableZh}".`,
        };
      }
      return {
        zh: `有 ${a.found.length} 个表都像「${p.tableZh}」表：${a.found.map(describeZh).join("、")}。请只保留一个，或把要用的表命名为「${p.tableZh}」。`,
        en: `${a.found.length} tables look like the ${p.tableEn} table: ${a.found.map(describeEn).join(", ")}. Keep one, or name the one to use "${p.tableZh}" or "${p.tableEn}".`,
      };
    }
  ),
  "duplicate-column": error<None>((_, p) => ({
    zh: `「${p.columnZh}」列出现了不止一次，无法确定用哪一列。请删除或改名多余的列。`,
    en: `The ${p.columnEn} column appears more than once; the tool cannot tell which to use. Remove or rename the extra one.`,
  })),
  "missing-column": error<None>((_, p) => ({
    zh: `「${p.tableZh}」表缺少必需的列「${p.columnZh}」（或 ${p.columnEn}）。`,
    en: `The ${p.tableEn} table has no required column ${p.columnEn} (or ${p.columnZh}).`,
  })),
  "title-rows-skipped": info<{
    sheet: string;
    firstTitleRow: number;
    headerRow: number;
    headerTop?: number;
  }>((a) => {
    const top = a.headerTop ?? a.headerRow;
    const rows = `${a.firstTitleRow}${top - 1 > a.firstTitleRow ? `–${top - 1}` : ""}`;
    const headZh =
      top < a.headerRow ? `第 ${top}–${a.headerRow} 行（两行合并）` : `第 ${a.headerRow} 行`;
    const headEn =
      top < a.headerRow ? `rows ${top}–${a.headerRow} (two rows, joined)` : `row ${a.headerRow}`;
    if (top <= a.firstTitleRow)
      return {
        zh: `工作表「${a.sheet}」的列标题取${headZh}。`,
        en: `Sheet "${a.sheet}": the headers are ${headEn}.`,
      };
    return {
      zh: `工作表「${a.sheet}」第 ${rows} 行视为标题，列标题取${headZh}。`,
      en: `Sheet "${a.sheet}": row ${rows} taken as a title; the headers are ${headEn}.`,
    };
  }),
  "table-over-sheets": info<{ sheets: string[] }>((a, p) => ({
    zh: `「${p.tableZh}」表由 ${a.sheets.length} 个列标题相同的工作表合并读取（按工作簿顺序）：${a.sheets.join("、")}。`,
    en: `The ${p.tableEn} table is read from ${a.sheets.length} sheets with the same headers, in workbook order: ${a.sheets.join(", ")}.`,
  })),
  "table-sheets-left-out": warning<{ chosen: string; left: string[] }>((a, p) => ({
    zh: `按名称使用了「${a.chosen}」作为「${p.tableZh}」表；以下工作表的列标题与它相同，但未计入：${a.left.join("、")}。如这些也是${p.tableZh}记录，请把「${a.chosen}」改名（如「7月」），所有同列标题的工作表将合并读取；如它们是旧的副本，请删除或移出本工作簿，以免重复计入。`,
    en: `"${a.chosen}" is used as the ${p.tableEn} table by its name; these sheets have the same headers but are NOT counted: ${a.left.join(", ")}. If they hold ${p.tableEn} records too, rename "${a.chosen}" (e.g. to a month such as 7月) so that all sheets with these headers are read together; if they are old copies, delete them or move them out of this workbook, so that nothing is counted twice.`,
  })),
  "totals-row-skipped": info<{ value: RawCell }>((a) => ({
    zh: `本行标为「${show(a.value)}」，是合计/提示行，未作为数据读取。`,
    en: `This row says "${show(a.value)}": a totals or hint row, not read as data.`,
  })),
  "header-row-skipped": info<None>(() => ({
    zh: "本行重复了列标题（如第二行英文标题，或导出时每页重复的标题），未作为数据读取。",
    en: "This row repeats the column headers (a second header row in English, say, or headers an export repeats on every page): not read as data.",
  })),
  "sheet-block-read": info<{ sheet: string; from: string; to: string }>((a, p) => ({
    zh: `工作表「${a.sheet}」上有几张并排的表（以整列空列分隔），其中 ${a.from}:${a.to} 列按「${p.tableZh}」表读取。`,
    en: `Sheet "${a.sheet}" holds tables side by side (split at a fully empty column); columns ${a.from}:${a.to} are read as the ${p.tableEn} table.`,
  })),
  "hint-row-skipped": info<{ value: RawCell }>((a) => ({
    zh: `本行是模板的填写提示（「${show(a.value)}」），未作为数据读取。`,
    en: `This row holds the template's hints ("${show(a.value)}"): not read as data.`,
  })),
  "header-hint-read": info<{ header: string; zh: string; en: string }>((a) => ({
    zh: `列标题「${show(a.header)}」按「${a.zh}」列读取（括号内的是填写提示）。`,
    en: `The header "${show(a.header)}" is read as the ${a.en} column (the note in brackets is a hint).`,
  })),
  "header-note-not-read": error<{ header: string }>((a, p) => ({
    zh: `列标题「${show(a.header)}」括号里的说明可能改变这一列的含义（如单位或分制），不能按「${p.columnZh}」列读取。请把列标题改为「${p.columnZh}」，并按模板的单位填写。`,
    en: `The header "${show(a.header)}" carries a note in brackets that may change what the column means (a unit or a scale), so it is not read as the ${p.columnEn} column. Rename the header to ${p.columnZh} and write the values as the template does.`,
  })),
  "look-alike-sheet-left-out": info<{
    chosen: string;
    lookAlikes: { sheet: string; columns: string[] }[];
  }>((a, p) => {
    const names = (ks: string[], lang: "zh" | "en") =>
      ks.map((k) => tableDef(p.table!).columns.find((c) => c.key === k)?.[lang] ?? k);
    return {
      zh: `「${p.tableZh}」表取自工作表「${a.chosen}」，它与该表相同的列最多；${a.lookAlikes.map((x) => `工作表「${x.sheet}」只有「${names(x.columns, "zh").join("」「")}」列相同`).join("，")}，不作为${p.tableZh}读取。`,
      en: `The ${p.tableEn} table is read from sheet "${a.chosen}", which has the most of its columns; ${a.lookAlikes.map((x) => `sheet "${x.sheet}" shares only ${names(x.columns, "en").join(", ")}`).join("; ")}, and is not read as ${p.tableEn}.`,
    };
  }),
  "header-merged-into-data": error<{ header: RawCell }>((a) => ({
    zh: `本单元格与列标题「${show(a.header)}」合并在一起（合并区域从标题行延伸到了数据行），Excel 只保留标题文字，本格按空读取。请取消合并，在每一行填入实际的值。`,
    en: `This cell is merged with its column header "${show(a.header)}" (a merged range running from the header row into the data rows): Excel keeps only the header's text, so the cell is read as empty. Unmerge it and fill in each row's value.`,
  })),
  // A reader that could not see merged ranges (RawTable.mergedCellsUnread): worded by src/excel.
  "merged-cells-not-read": hosted<None>("warning"),

  // Cells (ledger/).
  "bad-date": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-date")),
  "bad-yes-no": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-yes-no")),
  "bad-slot": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-slot")),
  "bad-time": error<{ value: RawCell }>((a, p) =>
    isTimeTypedAsNumber(a.value)
      ? {
          zh: `「${p.columnZh}」的值是数字 ${show(a.value)}，不是时间（不会把它当作一天中的某个时刻）。如果想写 ${timeGuess(a.value)}，请输入带冒号的时间「${timeGuess(a.value)}」。`,
          en: `The ${p.columnEn} value is the number ${show(a.value)}, not a time (it is never read as a fraction of a day). If you meant ${timeGuess(a.value)}, type it with a colon: ${timeGuess(a.value)}.`,
        }
      : badValue(a, p, "bad-time")
  ),
  "bad-result": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-result")),
  "bad-score": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-score")),
  "bad-category": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-category")),
  "bad-day-type": error<{ value: RawCell }>((a, p) => badValue(a, p, "bad-day-type")),
  "empty-required": error<{ expected: ValueCode | null }>((a, p) =>
    a.expected === null
      ? { zh: `「${p.columnZh}」为空。`, en: `The ${p.columnEn} cell is empty.` }
      : {
          zh: `「${p.columnZh}」为空，应为${expectedIn(p, a.expected).zh}。`,
          en: `The ${p.columnEn} cell is empty; expected ${expectedIn(p, a.expected).en}.`,
        }
  ),
  "cell-error": error<{ error: string }>((a, p) => ({
    zh: `「${p.columnZh}」是错误值 ${a.error}。请修正该单元格的公式或内容。`,
    en: `The ${p.columnEn} cell holds the error value ${a.error}. Fix its formula or content.`,
  })),
  "formula-no-value": error<None>((_, p) => ({
    zh: `「${p.columnZh}」是公式，但文件中没有计算结果。请在 Excel 中打开并保存该文件后再评分，或改为直接填写值。`,
    en: `The ${p.columnEn} cell holds a formula with no calculated value in the file. Open and save the file in Excel, or type the value instead.`,
  })),
  "duplicate-id": error<{ id: string; firstRow: number }>((a, p) => {
    const label = (p.table && ID_LABEL[p.table]) || { zh: p.columnZh, en: p.columnEn };
    return {
      zh: `${label.zh}「${show(a.id)}」重复（首次出现在第 ${a.firstRow} 行）。`,
      en: `${label.en} "${show(a.id)}" appears twice (first at row ${a.firstRow}).`,
    };
  }),
  "duplicate-name": error<{ name: string; firstRow: number }>((a) => ({
    zh: `驻场人员「${show(a.name)}」重复（首次出现在第 ${a.firstRow} 行）。同名人员请加以区分（如「张伟2」），考勤表中同样填写。`,
    en: `Roster member "${show(a.name)}" is listed twice (first at row ${a.firstRow}). Tell namesakes apart (e.g. "张伟2") and use the same name in the punches.`,
  })),
  "end-before-start": error<{ start: Day; end: Day }>((a) => ({
    zh: `离岗日期 ${dayToIso(a.end)} 早于到岗日期 ${dayToIso(a.start)}。`,
    en: `End date ${dayToIso(a.end)} is before start date ${dayToIso(a.start)}.`,
  })),
  "slot-missing": error<{ noColumns?: true; time?: string; noSlotColumn?: true }>((a) =>
    a.noColumns
      ? {
          zh: "无法判断是上班还是下班打卡：「考勤」表没有「时段」列，也没有「时间」列（「日期」中也没有时间）。请添加「时段」列（上班/下班）或「时间」列；钉钉/企业微信的每日统计请保留「上班1打卡时间」「上班1打卡结果」「下班1打卡时间」「下班1打卡结果」等列标题。",
          en: "Cannot tell whether this is the start-of-day or end-of-day check: the Punches table has no Slot column and no Time column (and the Date holds no time). Add a Slot column (上班/下班) or a Time column; for a DingTalk/WeCom daily statistics export, keep headers such as 上班1打卡时间, 上班1打卡结果, 下班1打卡时间, 下班1打卡结果.",
        }
      : a.noSlotColumn
        ? {
            // A raw export without 打卡类型: the time alone says which check it is.
            zh: `无法判断是上班还是下班打卡：「${a.time ?? "时间"}」为空，本表也没有「时段」（打卡类型）列。请填写打卡时间，或添加「时段」列（上班/下班）。`,
            en: `Cannot tell whether this is the start-of-day or end-of-day check: ${a.time ?? "Time"} is empty and the table has no Slot (打卡类型) column. Fill in the time, or add a Slot column (上班/下班).`,
          }
        : {
            zh: `无法判断是上班还是下班打卡：「时段」与「${a.time ?? "时间"}」都为空。请填写时段（上班/下班）或时间。`,
            en: `Cannot tell whether this is the start-of-day or end-of-day check: both Slot and ${a.time ?? "Time"} are empty. Fill in Slot (上班/下班) or ${a.time ?? "Time"}.`,
          }
  ),
  "result-column-not-read": error<{ header: RawCell; value: string }>((a) => ({
    zh: `「考勤」表没有「结果」列，但「${show(a.header)}」列写有「${show(a.value)}」（本行）这样的缺勤/请假记录。该列不是可识别的列标题，若照此评分，所有打卡都会按到岗计。请把该列标题改为「结果」（或 打卡结果）。`,
    en: `The Punches table has no Result column, but the column "${show(a.header)}" holds absence or leave words such as "${show(a.value)}" (this row). That header is not one the tool reads, so every check would count as present. Rename the column to 结果 (or Result, 打卡结果).`,
  })),
  "roster-periods-overlap": error<{ name: string; firstRow: number }>((a) => ({
    zh: `驻场人员「${show(a.name)}」在第 ${a.firstRow} 行和本行的在岗期间重叠。离岗后返岗的人员请分两行填写，且两段期间不重叠（每行都填写到岗日期，前一行填写离岗日期）；同名的不同人员请加以区分（如「张伟2」）。`,
    en: `Roster member "${show(a.name)}" has overlapping periods at row ${a.firstRow} and here. Someone who left and returned takes two rows with non-overlapping periods (Start on each row, End on the earlier one); tell namesakes apart (e.g. "张伟2").`,
  })),
  "status-not-completed": warning<{ status: string; count: number; rows: number[] }>((a) => ({
    zh: `状态「${show(a.status)}」不是合同规定的已完成状态（“待验证”和“已关闭”，第一条·四·2(4)），${a.count} 张流转乙方的工单（第 ${firstRows(a.rows)} 行）按未完成计。如该状态在工单系统中等同于“已关闭”，请在台账中改写为“已关闭”。`,
    en: `Status "${show(a.status)}" is not one of the contract's completed statuses (待验证 and 已关闭, clause 1.4.2(4)); ${a.count} routed ticket(s) (rows ${firstRows(a.rows)}) count as not completed. If the ticket system means 已关闭 by it, write 已关闭 in the ledger.`,
  })),
  "calendar-conflict": error<{ date: Day; firstRow: number }>((a) => ({
    zh: `${dayToIso(a.date)} 在第 ${a.firstRow} 行和本行的类型不同。请只保留一行。`,
    en: `${dayToIso(a.date)} is given different types at row ${a.firstRow} and here. Keep one row.`,
  })),

  // The Contract table (contract.ts).
  "unknown-contract-item": warning<{ value: RawCell }>((a) => ({
    zh: `未知的合同项目「${show(a.value)}」，已忽略。可用项目：${Object.values(CONTRACT_ITEMS)
      .map((i) => i.zh)
      .join("、")}。`,
    en: `Unknown contract item "${show(a.value)}", ignored. Known items: ${Object.values(
      CONTRACT_ITEMS
    )
      .map((i) => i.en)
      .join(", ")}.`,
  })),
  "contract-amount-unit-suspect": warning<{ value: RawCell }>((a) => ({
    zh: `「合同金额（万元）」的值 ${show(a.value)} 按万元计为一亿元以上，像是按元填写的。请核对：若以元计，请把项目名改为「合同金额」或「合同金额（元）」。`,
    en: `The 合同金额（万元） value ${show(a.value)}, read in 万元 (tens of thousands of yuan), is over 100 million yuan: it looks written in yuan. Check it; if it is in yuan, name the item 合同金额 or 合同金额（元）.`,
  })),
  "contract-item-annotated": error<{ value: RawCell; item: ContractItemKey }>((a) => {
    const i = CONTRACT_ITEMS[a.item];
    return {
      zh: `合同项目「${show(a.value)}」带有无法读取的括号说明，未能按「${i.zh}」读取；若忽略它，评分和金额将改用默认值。请把项目名改为「${i.zh}」，并把值写为${i.expectZh}${a.item === "amount" ? "（金额项目名可写为「合同金额（元）」或「合同金额（万元）」）" : ""}。`,
      en: `Contract item "${show(a.value)}" carries a note in brackets the tool cannot read, so it was not read as ${i.en}; ignoring it would score and pay from the default value instead. Name the item ${i.zh} (${i.en}) and write its value as ${i.expectEn}${a.item === "amount" ? " (an amount may be named 合同金额（元） or 合同金额（万元）)" : ""}.`,
    };
  }),
  "duplicate-contract-item": error<{ item: ContractItemKey }>((a) => ({
    zh: `合同项目「${CONTRACT_ITEMS[a.item].zh}」出现了两次。`,
    en: `Contract item ${CONTRACT_ITEMS[a.item].en} appears twice.`,
  })),
  "bad-contract-value": error<{ item: ContractItemKey; value: RawCell }>((a) => {
    const i = CONTRACT_ITEMS[a.item];
    return {
      zh: `合同项目「${i.zh}」的值「${show(a.value)}」无法识别，应为${i.expectZh}。`,
      en: `The value "${show(a.value)}" of contract item ${i.en} is not understood; expected ${i.expectEn}.`,
    };
  }),

  "contract-default-used": warning<{ values: readonly MoneyDefault[]; contract: string }>((a) => ({
    zh: `合同表没有给出${a.values.map((i) => CONTRACT_ITEMS[i.item].zh).join("、")}，已取内置合同《${a.contract}》的值：${a.values.map((i) => `${CONTRACT_ITEMS[i.item].zh} ${moneyDefaultText(i)}`).join("；")}。这些值决定付款金额，结果为暂定；若台账属于另一份合同，请在合同表中填写这些项目。`,
    en: `The Contract table does not give ${a.values.map((i) => CONTRACT_ITEMS[i.item].en).join(", ")}; the built-in contract's values are used (${a.contract}): ${a.values.map((i) => `${CONTRACT_ITEMS[i.item].en} ${moneyDefaultText(i)}`).join("; ")}. They decide the payment, so the result is provisional; if the ledger is another contract's, add these items to the Contract table.`,
  })),
  "contract-other-defaults": info<{
    defaults: readonly { item: ContractItemKey; value: string }[];
  }>((a) => ({
    zh: `合同表没有给出以下项目，按默认值计算：${a.defaults.map((i) => `${CONTRACT_ITEMS[i.item].zh} ${i.value}`).join("；")}。`,
    en: `The Contract table does not give these items; their defaults are used: ${a.defaults.map((i) => `${CONTRACT_ITEMS[i.item].en} ${i.value}`).join("; ")}.`,
  })),
  "survey-scale-suspect": error<{ max: string; scale: number; hint: 1 | 5 }>((a) =>
    a.hint === 1
      ? {
          zh: `问卷得分全部不超过 1（最高 ${a.max}），但问卷满分为 ${a.scale}：得分似乎写成了小数（如 0.92）。请写成百分制分数（如 92），或把单元格设置为百分比格式（显示为 92%）。`,
          en: `Every survey score is 1 or less (highest ${a.max}) on a ${a.scale}-point scale: the scores look like fractions (0.92). Write 92, or format the cells as percentages (shown as 92%).`,
        }
      : {
          zh: `问卷得分全部不超过 5（最高 ${a.max}），但问卷满分为 ${a.scale}：问卷似乎是 5 分制。请在合同表中添加项目「问卷满分」，值为 5；或把得分换算成百分制。`,
          en: `Every survey score is 5 or less (highest ${a.max}) on a ${a.scale}-point scale: the survey looks like a 1–5 scale. Add the Contract item 问卷满分 (SurveyScale) = 5, or convert the scores to 100 points.`,
        }
  ),
  "surveys-not-returned": warning<{ count: number; rows: number[] }>((a, p) => ({
    zh: `${a.count} 份问卷未回收（「${p.columnZh}」为空，或写「未回收」「未返回」「未填写」），不计入满意度（第 ${firstRows(a.rows)} 行）。如已回收，请填写得分。`,
    en: `${a.count} survey form(s) were not returned (${p.columnEn} empty, or 未回收 / 未返回 / 未填写): not counted (rows ${firstRows(a.rows)}). If a form came back, write its score.`,
  })),
  "complaints-being-checked": warning<{ count: number; rows: number[]; ids: string[] }>((a, p) => ({
    zh: `${a.count} 起投诉尚在核实（「${p.columnZh}」为空，或写「核实中」「待核实」「调查中」）：${a.ids.slice(0, 5).map(show).join("、")}${a.ids.length > 5 ? " …" : ""}（第 ${firstRows(a.rows)} 行）。尚未核实的投诉不计入，结果为暂定；核实后请填写 是/否（或 属实/不属实）。`,
    en: `${a.count} complaint(s) are still being checked (${p.columnEn} empty, or 核实中 / 待核实 / 调查中): ${a.ids.slice(0, 5).map(show).join(", ")}${a.ids.length > 5 ? " …" : ""} (rows ${firstRows(a.rows)}). Complaints not verified yet are not counted and the result is provisional; once checked, write 是/否 (属实/不属实).`,
  })),
  "habit-word-read": info<{ value: string; reading: string; count: number; rows: number[] }>(
    (a, p) => ({
      zh: `「${p.columnZh}」写作「${show(a.value)}」的 ${a.count} 行按「${a.reading}」读取（第 ${firstRows(a.rows)} 行）。`,
      en: `${a.count} row(s) with ${p.columnEn} written "${show(a.value)}" are read as ${a.reading} (rows ${firstRows(a.rows)}).`,
    })
  ),
  "survey-scores-mixed-scale": warning<{ count: number; rows: number[]; scale: number }>((a) => ({
    zh: `问卷满分为 ${a.scale}，但有 ${a.count} 份问卷得分不超过 5（第 ${firstRows(a.rows)} 行），远低于其他问卷，像是按 5 分制填写的。已按所填分数计入；如确为百分制的低分可忽略本提示，否则请换算成百分制（如 5 分制的 4.5 分 → 90 分）。`,
    en: `The survey scale is ${a.scale}, but ${a.count} score(s) are 5 or less (rows ${firstRows(a.rows)}), far below the others: they look like a 1–5 answer. They are counted as written; if they really are low scores out of ${a.scale}, ignore this, otherwise convert them (4.5 of 5 → 90).`,
  })),
  "rows-outside-period": warning<{
    count: number;
    rows: number[];
    from: Day;
    to: Day;
    asOf: Day;
  }>((a, p) => ({
    zh: `${a.count} 行「${p.tableZh}」记录的${p.columnZh}不在服务期 ${dayToIso(a.from)} 至 ${dayToIso(a.to)} 内或晚于考核日期 ${dayToIso(a.asOf)}，未计入（第 ${firstRows(a.rows)} 行）。`,
    en: `${a.count} ${p.tableEn} row(s) have a ${p.columnEn} outside the service period ${dayToIso(a.from)} to ${dayToIso(a.to)} or after the as-of date ${dayToIso(a.asOf)}; not counted (rows ${firstRows(a.rows)}).`,
  })),

  "later-shift-end-read": warning<{ count: number; rows: number[]; shift: number }>((a, p) => ({
    zh: `「${p.tableZh}」有分段班次（下班${a.shift}）：${a.count} 行的下班打卡取当天最后一个有记录的下班（第 ${firstRows(a.rows)} 行），而不是下班1；上班打卡取上班1。合同要求每日上、下班各打卡一次，中间各段不计。`,
    en: `${p.tableEn} has split shifts (End${a.shift}): on ${a.count} row(s) the end-of-day check is the day's last end punch written (rows ${firstRows(a.rows)}), not End1; the start-of-day check is Start1. The contract asks for one check at the start and one at the end of each day; the punches between are not counted.`,
  })),

  // The period and the roster as a whole (assess.ts).
  "service-end-before-start": error<{ start: Day; end: Day }>((a) => ({
    zh: `服务结束 ${dayToIso(a.end)} 早于服务开始 ${dayToIso(a.start)}。`,
    en: `Service end ${dayToIso(a.end)} is before service start ${dayToIso(a.start)}.`,
  })),
  "as-of-before-start": error<{ asOf: Day; start: Day }>((a) => ({
    zh: `考核日期 ${dayToIso(a.asOf)} 早于服务开始 ${dayToIso(a.start)}，没有可考核的期间。`,
    en: `The as-of date ${dayToIso(a.asOf)} is before the service start ${dayToIso(a.start)}: there is no period to assess.`,
  })),
  "empty-roster": error<None>(() => ({
    zh: "驻场人员表没有任何人员，无法计算出勤率。请填写驻场人员（合同要求 3 名）。",
    en: "The Roster has no one on it, so attendance cannot be computed. List the resident staff (the contract requires 3).",
  })),
  "no-working-days": error<{ from: Day; to: Day }>((a) => ({
    zh: `考核期间 ${dayToIso(a.from)} 至 ${dayToIso(a.to)} 没有工作日，无法计算出勤率。`,
    en: `The assessed period ${dayToIso(a.from)} to ${dayToIso(a.to)} has no working days, so attendance cannot be computed.`,
  })),
  "calendar-year-not-covered": warning<{ year: number }>((a) => ({
    zh: `内置法定节假日数据不含 ${a.year} 年，该年按周一至周五为工作日计算，结果为暂定。请在「日历」表中登记 ${a.year} 年的节假日和调休上班日。`,
    en: `The built-in statutory calendar does not cover ${a.year}; that year is counted as Monday to Friday and the result is provisional. Add ${a.year}'s holidays and adjusted working days to the Calendar table.`,
  })),
  "no-expected-checks": error<None>(() => ({
    zh: "没有任何驻场人员的在岗期间与考核期间重叠，应打卡次数为 0，无法计算出勤率。请核对到岗、离岗日期。",
    en: "No roster member's period overlaps the assessed period, so no checks are expected and attendance cannot be computed. Check the Start and End dates.",
  })),

  // Attendance (dimensions/attendance.ts).
  "punch-unknown-name": warning<{ name: string }>((a) => ({
    zh: `「${show(a.name)}」不在驻场人员表中，本条打卡未计入。如是驻场人员，请将其加入「驻场人员」表（姓名须一致）。`,
    en: `"${show(a.name)}" is not on the Roster; this check is not counted. If they are resident staff, add them to the Roster with the same name.`,
  })),
  "punch-outside-period": warning<{ date: Day; name: string; from: Day | null; to: Day | null }>(
    (a) => ({
      zh: `${dayToIso(a.date)} 不在「${show(a.name)}」的考核期内（${periodZh(a.from, a.to)}），本条打卡未计入。`,
      en: `${dayToIso(a.date)} is outside ${show(a.name)}'s assessed period (${periodEn(a.from, a.to)}); this check is not counted.`,
    })
  ),
  "roster-member-no-punches": warning<{ name: string; from: Day; to: Day; expected: number }>(
    (a) => ({
      zh: `驻场人员「${show(a.name)}」在 ${periodZh(a.from, a.to)} 应打卡 ${a.expected} 次，考勤表中没有此人的任何记录，全部按缺勤计。如考勤表中的姓名写法不同（如「张叁」与「张三」），请统一写法。`,
      en: `Resident staff member ${show(a.name)} had ${a.expected} checks to make (${periodEn(a.from, a.to)}), but the Punches table has no row for this name: all count as absent. If the punches write the name differently, write it the same way in both tables.`,
    })
  ),
  "punch-after-as-of": warning<{ asOf: Day }>((a) => ({
    zh: `打卡日期晚于考核日期 ${dayToIso(a.asOf)}，本条打卡未计入（考核只计到考核日期，之后的打卡留待以后的考核）。如考核日期有误，请修改考核日期。`,
    en: `The check is dated after the as-of date ${dayToIso(a.asOf)}; it is not counted (the assessment counts up to the as-of date; later checks belong to a later run). If the as-of date is wrong, change it.`,
  })),
  "rest-word-on-workday": warning<{ date: Day; word: string }>((a) => ({
    zh: `考勤导出在 ${dayToIso(a.date)} 写的是「${show(a.word)}」，但这天是工作日（法定工作日或调休上班日），按合同应打卡：本行未打的卡按缺勤计。如甲方同意当天休息，请在「日历」表中将这天登记为休息日。`,
    en: `The attendance export says "${show(a.word)}" on ${dayToIso(a.date)}, but that is a working day (a statutory or adjusted working day), when the contract expects the checks: the checks not punched on this row count as absent. If the client agreed to a day off, add the date to the Calendar table as a rest day.`,
  })),
  "punch-rest-day": warning<{ date: Day }>((a) => ({
    zh: `${dayToIso(a.date)} 是休息日（法定节假日或周末），不是应打卡日，本条打卡未计入。如当天实为工作日，请在「日历」表中登记。`,
    en: `${dayToIso(a.date)} is a rest day (public holiday or weekend), not a check day; this check is not counted. If it was a working day, add it to the Calendar table.`,
  })),
  "punch-duplicate": warning<RepeatArgs>((a) => ({
    zh: `「${show(a.name)}」${dayToIso(a.date)} ${a.slot}的打卡已在第 ${a.firstRow} 行记录，本行重复，只计一次。`,
    en: `${show(a.name)}'s ${checkEn(a)} is already recorded at row ${a.firstRow}; counted once.`,
  })),
  "punch-conflict": warning<RepeatArgs>((a) => ({
    zh: `「${show(a.name)}」${dayToIso(a.date)} ${a.slot}的打卡在第 ${a.firstRow} 行等处有不一致的记录（既有到岗也有缺勤），按到岗计。请核对。`,
    en: `${show(a.name)}'s ${checkEn(a)} has conflicting records (present and absent, see row ${a.firstRow}); counted as present. Please check.`,
  })),

  // Staffing (staffing.ts, 第一条·五).
  "staffing-short": warning<{ from: Day; to: Day; days: number; active: number; required: number }>(
    (a) => ({
      zh: `${dayToIso(a.from)} 至 ${dayToIso(a.to)} 共 ${a.days} 个工作日，在岗驻场人员只有 ${a.active} 名，少于合同要求的 ${a.required} 名（第一条·五）。如有人员漏登，请补入「驻场人员」表。`,
      en: `From ${dayToIso(a.from)} to ${dayToIso(a.to)} (${a.days} working days) only ${a.active} resident staff were on post, fewer than the ${a.required} the contract requires (第一条·五). If someone is missing from the Roster, add them.`,
    })
  ),
  "staffing-no-lead": warning<{ from: Day; to: Day; days: number; active: number }>((a) => ({
    zh: `${dayToIso(a.from)} 至 ${dayToIso(a.to)} 共 ${a.days} 个工作日，在岗驻场人员中没有「负责人」（合同要求驻场人员中有 1 名项目负责人）。请在「角色」列注明负责人。`,
    en: `From ${dayToIso(a.from)} to ${dayToIso(a.to)} (${a.days} working days) no one on post had the 负责人 (project lead) role, which the contract requires among the resident staff. Mark the lead in the Role column.`,
  })),

  // Complaints, tickets, surveys (dimensions/).
  "complaint-no-deadline": warning<{ id: string }>((a) => ({
    zh: `响应度投诉「${show(a.id)}」已核实属实，但没有整改期限，无法判断是否按期整改，暂不扣分，结果为暂定。请填写整改期限。`,
    en: `Responsiveness complaint ${show(a.id)} is verified but has no rectification deadline, so timeliness cannot be judged; not deducted for now, result provisional. Fill in the deadline.`,
  })),
  "complaint-dates-out-of-order": warning<{
    id: string;
    date: Day;
    other: Day;
    what: "deadline" | "rectifiedOn";
  }>((a) => {
    const rect = a.what === "rectifiedOn";
    return {
      zh: `投诉「${show(a.id)}」的${rect ? "整改完成日期" : "整改期限"} ${dayToIso(a.other)} 早于投诉日期 ${dayToIso(a.date)}，已按所写判断是否按期整改。请核对是否笔误（如年份、月份）。`,
      en: `Complaint ${show(a.id)}: its ${rect ? "RectifiedOn" : "Deadline"} ${dayToIso(a.other)} is before its date ${dayToIso(a.date)}; timeliness is judged as written. Check for a slip of the year or month.`,
    };
  }),
  "complaint-pending": info<{ id: string; deadline: Day; asOf: Day }>((a) => ({
    zh: `响应度投诉「${show(a.id)}」尚未整改，整改期限 ${dayToIso(a.deadline)} 未到（考核日期 ${dayToIso(a.asOf)}），暂不扣分，结果为暂定。`,
    en: `Responsiveness complaint ${show(a.id)} is not yet rectified and its deadline ${dayToIso(a.deadline)} has not passed (as of ${dayToIso(a.asOf)}); not deducted for now, result provisional.`,
  })),
  "no-routed-tickets": warning<None>(() => ({
    zh: "没有流转乙方的工单，完成率按满分计。请确认「流转乙方」列填写无误。",
    en: "No ticket was routed to the vendor; completion gets full points. Check the RoutedToVendor column.",
  })),
  "no-surveys": warning<None>(() => ({
    zh: "问卷表没有得分，满意率的问卷部分（8 分）暂按 0 分计，结果为暂定。服务期满后请录入问卷调查结果。",
    en: "The Surveys table has no scores; the survey part (8 points) counts as 0 for now and the result is provisional. Enter the survey results after the service period.",
  })),

  // Writing the workbook functions (SPEC §7: the command line and the add-in).
  "function-name-kept": warning<{ name: string }>((a) => ({
    zh: `工作簿中已有名称「${a.name}」，其定义与本工具的 ${a.name} 函数不同，未覆盖：公式中的 ${a.name}(…) 仍按原定义计算。如需本工具的版本，请先在“名称管理器”中删除或重命名原名称。`,
    en: `The workbook already defines the name ${a.name} with another meaning; it was not overwritten, so ${a.name}(…) in formulas keeps the old definition. To use this tool's version, delete or rename that name in the Name Manager first.`,
  })),

  // The add-in's own refusals before writing: worded by src/excel.
  "sheet-protected": hosted<{ sheet: string }>("error"),

  // The payment schedule (payments.ts).
  "payment-due-not-covered": warning<{ payment: "first" | "tail"; year: number }>((a) => ({
    zh: `${a.payment === "first" ? "首付款" : "尾款"}的付款期限涉及 ${a.year} 年，该年不在内置法定节假日数据中，付款期限待定（不按周一至周五推算）。可在「日历」表中补充该年的节假日。`,
    en: `The ${a.payment === "first" ? "first payment" : "tail"}'s due date falls in ${a.year}, which the built-in statutory calendar does not cover; the due date is left open (not guessed as Monday to Friday). Add that year's holidays in the Calendar table.`,
  })),

  // Writing back (src/cli, src/excel).
  "workbook-structure-protected": error<None>(() => ({
    zh: "工作簿结构受保护（审阅 → 保护工作簿），无法添加或替换「考核结果」「考核记录」工作表，未写入任何内容。请先撤销工作簿保护后再评分。",
    en: "The workbook's structure is protected (Review → Protect Workbook), so the 考核结果 and 考核记录 sheets cannot be added or replaced; nothing was written. Unprotect the workbook, then assess again.",
  })),

  // Verifying a scored workbook (src/report/verify.ts).
  "verify-no-summary": error<None>(() => ({
    zh: "工作簿中没有「考核结果」汇总表，无法核对。请先评分。",
    en: "The workbook has no 考核结果 summary sheet, so there is nothing to verify. Assess it first.",
  })),
  "verify-log-missing": error<None>(() => ({
    zh: "工作簿中没有「考核记录」或其中没有记录行，无法得知评分时的选项和台账指纹。",
    en: "The workbook has no 考核记录 run log, or the log has no rows: the options and ledger fingerprint of the scoring are unknown.",
  })),
  "verify-log-edited": error<{ row: number; what: string }>((a) => ({
    zh: `「考核记录」第 ${a.row} 行被手工修改过：${a.what}。记录只能追加，不能删改；本工具不做修复。`,
    en: `Row ${a.row} of the 考核记录 run log was edited by hand: ${a.what}. The log is append-only; this tool does not repair it.`,
  })),
  "verify-ledger-changed": error<{ scored: string; now: string }>((a) => ({
    zh: `台账自上次评分后已修改：评分时的台账指纹 ${a.scored.slice(0, 16)}…，现在是 ${a.now.slice(0, 16)}…。`,
    en: `The ledger changed since it was scored: fingerprint ${a.scored.slice(0, 16)}… then, ${a.now.slice(0, 16)}… now.`,
  })),
  "verify-result-changed": error<{ figure: string; summary: string; now: string }>((a) => ({
    zh: `按现在的台账重新评分，「${a.figure}」为 ${a.now}，汇总表上是 ${a.summary}。`,
    en: `Scored again on the ledger as it is now, ${a.figure} is ${a.now}; the summary says ${a.summary}.`,
  })),
  "verify-summary-edited": error<{ figure: string; summary: string; expected: string }>((a) => ({
    zh: `汇总表的「${a.figure}」被修改过：表上是 ${a.summary}，按评分时的台账应为 ${a.expected}。`,
    en: `The summary's ${a.figure} was edited: it says ${a.summary}, where the ledger as scored gives ${a.expected}.`,
  })),
  "verify-summary-log-mismatch": error<{ figure: string; summary: string; log: string }>((a) => ({
    zh: `汇总表与「考核记录」最后一行不一致（${a.figure}：汇总表 ${a.summary}，记录 ${a.log}）：记录行可能被删除，或汇总表来自另一次评分。`,
    en: `The summary and the last 考核记录 row disagree (${a.figure}: summary ${a.summary}, log ${a.log}): log rows may have been deleted, or the summary comes from another run.`,
  })),

  // The command line's own refusals (its flags, the files it is given): worded by src/cli.
  "bad-as-of": hosted<{ value: string }>("error"),
  "out-is-input": hosted<None>("error"),
  "out-unwritable": hosted<{ path: string; reason: "ENOENT" | "EISDIR" | null }>("error"),
  "file-unreadable": hosted<{ path: string; reason: "ENOENT" | "EISDIR" | null }>("error"),
  "out-exists": hosted<{ path: string }>("error"),
  "out-not-xlsx": hosted<{ path: string; allowed: string }>("error"),
  "input-is-scored-copy": hosted<{ path: string; suggested: string }>("error"),
  "bad-usage": hosted<{ kind: string; detail: string }>("error"),

  // The workbook reader's refusals (src/workbook).
  "file-empty": error(fileMessage("file-empty")),
  "file-not-xlsx": error(fileMessage("file-not-xlsx")),
  "file-encrypted": error(fileMessage("file-encrypted")),
  "file-xls": error(fileMessage("file-xls")),
  "file-csv": error(fileMessage("file-csv")),
  "file-corrupt": error(fileMessage("file-corrupt")),
};

interface RepeatArgs {
  name: string;
  date: Day;
  slot: Slot;
  firstRow: number;
}
const checkEn = (a: RepeatArgs): string =>
  `${a.slot === "上班" ? "start-of-day" : "end-of-day"} check on ${dayToIso(a.date)}`;

type Catalogue = typeof CATALOGUE;

/** Every stable diagnostic code. */
export type DiagnosticCode = keyof Catalogue;

/** The arguments each code's message takes. */
export type DiagnosticArgs = {
  [C in DiagnosticCode]: Catalogue[C] extends HostedEntry<infer A>
    ? A
    : Parameters<Exclude<Catalogue[C]["text"], null>>[0];
};

/** The codes a host words (see `HostedEntry`). */
type HostedCode = {
  [C in DiagnosticCode]: Catalogue[C] extends HostedEntry<unknown> ? C : never;
}[DiagnosticCode];

/** A host's words for its own codes. */
export type HostWords<C extends HostedCode> = {
  [K in C]: (args: DiagnosticArgs[K], place: Place) => Bilingual;
};

/** The words of the hosted codes, as their hosts gave them. */
const hostWords: Partial<HostWords<HostedCode>> = {};

/**
 * @summary Give the words of a host's own codes: src/cli/messages.ts and src/excel/messages.ts
 * call it once, as they load. A hosted code shown before its host's words are given is a bug,
 * and `messageText` says so.
 */
export function wordHostedCodes<C extends HostedCode>(words: HostWords<C>): void {
  Object.assign(hostWords, words);
}

/** Every code with its severity, in catalogue order (the README's list is checked against it). */
export const DIAGNOSTIC_CODES: readonly { code: DiagnosticCode; severity: Severity }[] = (
  Object.keys(CATALOGUE) as DiagnosticCode[]
).map((code) => ({ code, severity: CATALOGUE[code].severity }));

/** The severity a code always has. */
export function severityOf(code: DiagnosticCode): Severity {
  return CATALOGUE[code].severity;
}

/** The message of a code with its arguments, at a place. */
export function messageText<C extends DiagnosticCode>(
  code: C,
  args: DiagnosticArgs[C],
  place: Place
): Bilingual {
  const text = CATALOGUE[code].text ?? hostWords[code as HostedCode];
  if (!text)
    throw new Error(
      `${code} is worded by its host (src/cli/messages.ts or src/excel/messages.ts), not loaded`
    );
  return (text as (a: DiagnosticArgs[C], p: Place) => Bilingual)(args, place);
}

/** Why a result is provisional: one function per reason, as the catalogue does for diagnostics. */
export const REASONS = {
  asOfBeforeEnd: (asOf: Day, end: Day): Bilingual => ({
    zh: `考核日期 ${dayToIso(asOf)} 早于服务结束 ${dayToIso(end)}，服务期尚未结束`,
    en: `the as-of date ${dayToIso(asOf)} is before the service end ${dayToIso(end)}`,
  }),
  dueNotCovered: (year: number): Bilingual => ({
    zh: `待定：${year} 年不在内置法定节假日数据中`,
    en: `to be fixed: ${year} is not in the built-in statutory calendar`,
  }),
  yearNotCovered: (year: number): Bilingual => ({
    zh: `${year} 年不在内置法定节假日数据中，按周一至周五计算`,
    en: `${year} is not in the built-in statutory calendar; counted as Monday to Friday`,
  }),
  contractDefaults: (items: readonly ContractItemKey[], contract: string): Bilingual => ({
    zh: `${items.map((i) => CONTRACT_ITEMS[i].zh).join("、")}未在合同表中给出，取自内置合同《${contract}》`,
    en: `${items.map((i) => CONTRACT_ITEMS[i].en).join(", ")} not given in the Contract table; taken from the built-in contract (${contract})`,
  }),
  noSurveys: (): Bilingual => ({ zh: "问卷调查结果尚未录入", en: "no survey results yet" }),
  complaintsBeingChecked: (ids: readonly string[]): Bilingual => ({
    zh: `${ids.length} 起投诉尚在核实（${ids.map(show).join("、")}）`,
    en: `${ids.length} complaint(s) are still being checked (${ids.map(show).join(", ")})`,
  }),
  undecidedComplaints: (ids: readonly string[]): Bilingual => ({
    zh: `${ids.length} 起响应度投诉尚未能判定（${ids.map(show).join("、")}）`,
    en: `${ids.length} responsiveness complaint(s) cannot be judged yet (${ids.map(show).join(", ")})`,
  }),
};
