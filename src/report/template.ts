import {
  CONTRACT_ITEMS,
  DEFAULT_PROFILE,
  SUMMARY_SHEET_NAME,
  TABLES,
  askedColumns,
  dayToIso,
  type ColumnDef,
  type TableDef,
  type TableKey,
} from "../engine";

/**
 * The ledger template's content (SPEC §8), shared by the command line's `om-scorecard template`
 * (src/cli/template.ts, with exceljs) and the add-in's 新建台账模板 (src/excel/template.ts, with
 * Office.js): the drop-down vocabularies, each column's format, check and explanation, and the
 * rows of the 说明 sheet. Only words and shapes here; each writer applies them its own way.
 */

/** The values a drop-down offers: the reader's canonical spelling of each (SPEC §2). */
export const VOCABULARY = {
  yesNo: ["是", "否"],
  slot: ["上班", "下班"],
  result: ["到岗", "缺勤"],
  category: ["日常维护", "响应度"],
  dayType: ["工作日", "休息日"],
  contractItem: Object.values(CONTRACT_ITEMS).map((i) => i.zh),
} as const;

export type VocabularyKey = keyof typeof VOCABULARY;

/** What the English side of the 说明 sheet says each word means, and what else the reader accepts. */
const VOCABULARY_NOTES: Record<VocabularyKey, { zh: string; en: string }> = {
  yesNo: {
    zh: "是 / 否；也接受 Y/N、yes/no、true/false、✓/✗ 及 Excel 逻辑值。",
    en: "是 (yes) / 否 (no); Y/N, yes/no, true/false, ✓/✗ and Excel TRUE/FALSE are read too.",
  },
  slot: {
    zh: "上班（也接受 上班后、上午、AM）/ 下班（下班前、下午、PM）。留空时按时间判断：12:00 前为上班，否则为下班。",
    en: "上班 = start-of-day check (上班后, 上午, AM also read) / 下班 = end-of-day check (下班前, 下午, PM). When empty, a time before 12:00 means 上班, otherwise 下班.",
  },
  result: {
    zh: "到岗（也接受 出勤、present、✓、是）/ 缺勤（absent、✗、否）。留空视为到岗。",
    en: "到岗 = present (出勤, present, ✓, 是 also read) / 缺勤 = absent (absent, ✗, 否). Empty means present.",
  },
  category: {
    zh: "日常维护（maintenance）/ 响应度（responsiveness）。",
    en: "日常维护 = maintenance / 响应度 = responsiveness (the English words are read too).",
  },
  dayType: {
    zh: "工作日 / 休息日（也接受 Workday、RestDay、节假日、Holiday）。",
    en: "工作日 = working day / 休息日 = rest day (Workday, RestDay, 节假日, Holiday also read).",
  },
  contractItem: {
    zh: "合同项目，见下方「合同项目」一节。",
    en: "Contract items: see the section on Contract items below.",
  },
};

/** How a column is formatted and checked. */
export type ColumnKind =
  | { kind: "list"; vocabulary: VocabularyKey }
  | { kind: "date" }
  | { kind: "time" }
  | { kind: "score" }
  | { kind: "text"; width?: number };

export interface ColumnGuide {
  kind: ColumnKind;
  zh: string;
  en: string;
}

interface TableGuide {
  zh: string;
  en: string;
  columns: Record<string, ColumnGuide>;
}

const list = (vocabulary: VocabularyKey): ColumnKind => ({ kind: "list", vocabulary });
const DATE: ColumnKind = { kind: "date" };
const TEXT: ColumnKind = { kind: "text" };

/** Per table and column (by the keys of TABLES): format, check and explanation. */
const GUIDE: Record<TableKey, TableGuide> = {
  contract: {
    zh: "可选。合同条款中的金额、尾款比例与服务期；值留空的项目沿用默认合同的值。",
    en: "Optional. The contract's amount, tail share and service period; an item left empty keeps the default contract's value.",
    columns: {
      item: {
        kind: list("contractItem"),
        zh: "合同项目名称，从下拉列表选择。",
        en: "The item's name, chosen from the drop-down.",
      },
      value: {
        kind: { kind: "text", width: 18 },
        zh: "项目的值：金额、比例或日期，见「合同项目」一节。",
        en: "The item's value: an amount, a share or a date (see Contract items).",
      },
    },
  },
  roster: {
    zh: "必需。驻场人员名单，至少一人。",
    en: "Required. The resident staff; at least one person.",
    columns: {
      name: {
        kind: TEXT,
        zh: "姓名，须与考勤表中的姓名一致。",
        en: "Name, written as in the Punches table.",
      },
      role: {
        kind: { kind: "text", width: 14 },
        zh: "角色，如 项目负责人、运维工程师。",
        en: "Role, e.g. 项目负责人 (project lead), 运维工程师 (O&M engineer).",
      },
      start: {
        kind: DATE,
        zh: "到岗日期；留空表示服务期开始即在岗。",
        en: "First day on site; empty means from the start of the service period.",
      },
      end: {
        kind: DATE,
        zh: "离岗日期；留空表示仍在岗。",
        en: "Last day on site; empty means still on site.",
      },
    },
  },
  punches: {
    zh: "必需。每个工作日每人两次考勤检查（上班、下班）的记录。",
    en: "Required. The attendance checks: two per person per working day (start and end of day).",
    columns: {
      date: { kind: DATE, zh: "检查日期。", en: "Date of the check." },
      name: { kind: TEXT, zh: "被检查人员姓名。", en: "Name of the person checked." },
      slot: { kind: list("slot"), zh: "时段：上班 / 下班。", en: "Slot: 上班 / 下班." },
      time: {
        kind: { kind: "time" },
        zh: "检查时间（hh:mm），可留空。",
        en: "Time of the check (hh:mm); may be empty.",
      },
      result: { kind: list("result"), zh: "结果：到岗 / 缺勤。", en: "Result: 到岗 / 缺勤." },
    },
  },
  tickets: {
    zh: "必需。服务台工单；完成率 = 已完成的流转乙方工单 / 全部流转乙方工单。",
    en: "Required. The service-desk tickets; completion = completed vendor tickets / all vendor tickets.",
    columns: {
      id: {
        kind: { kind: "text", width: 20 },
        zh: "工单号，不可重复。",
        en: "Ticket ID, unique.",
      },
      routed: {
        kind: list("yesNo"),
        zh: "是否流转给乙方（运维方）处理：是 / 否。",
        en: "Routed to the vendor's engineers: 是 (yes) / 否 (no).",
      },
      status: {
        kind: { kind: "text", width: 12 },
        zh: `工单状态；「${DEFAULT_PROFILE.completedStatuses.join("」「")}」计为已完成，其余（如 处理中、挂起）计为未完成。`,
        en: `Ticket status; ${DEFAULT_PROFILE.completedStatuses.join(" and ")} count as completed, anything else (e.g. 处理中) as not completed.`,
      },
      created: {
        kind: DATE,
        zh: "工单创建日期（用于按月统计）。",
        en: "Date the ticket was created (for the monthly figures).",
      },
    },
  },
  complaints: {
    zh: "必需（可以没有数据行）。投诉及整改记录；核实属实的投诉扣分。",
    en: "Required (it may have no rows). Complaints and their rectification; verified complaints cost points.",
    columns: {
      id: { kind: TEXT, zh: "投诉编号，不可重复。", en: "Complaint ID, unique." },
      date: { kind: DATE, zh: "投诉日期。", en: "Date of the complaint." },
      category: {
        kind: list("category"),
        zh: "类别：日常维护 / 响应度。",
        en: "Category: 日常维护 (maintenance) / 响应度 (responsiveness).",
      },
      verified: {
        kind: list("yesNo"),
        zh: "经核实是否属实：是 / 否。",
        en: "Verified as true: 是 (yes) / 否 (no).",
      },
      deadline: {
        kind: DATE,
        zh: "整改期限（响应度投诉）。",
        en: "Rectification deadline (responsiveness complaints).",
      },
      rectifiedOn: {
        kind: DATE,
        zh: "实际整改完成日期；留空表示尚未整改。",
        en: "Date the rectification was completed; empty means not yet.",
      },
      note: {
        kind: { kind: "text", width: 40 },
        zh: "说明，仅供记录。",
        en: "Note, for the record only.",
      },
    },
  },
  surveys: {
    zh: "必需。满意度问卷，每份一行。",
    en: "Required. The satisfaction surveys, one row each.",
    columns: {
      respondent: {
        kind: { kind: "text", width: 16 },
        zh: "受访者或受访单位。",
        en: "Respondent (person or unit).",
      },
      score: { kind: { kind: "score" }, zh: "得分，0 到 100。", en: "Score from 0 to 100." },
    },
  },
  calendar: {
    zh: "可选。仅用于修正内置法定节假日日历（如地方调整）；不填则使用内置日历。",
    en: "Optional. Only to correct the built-in statutory holiday calendar; leave empty to use it as is.",
    columns: {
      date: { kind: DATE, zh: "日期。", en: "Date." },
      type: {
        kind: list("dayType"),
        zh: "类型：工作日 / 休息日。",
        en: "Type: 工作日 (working day) / 休息日 (rest day).",
      },
    },
  },
};

/** The explanation of a column; a column added to TABLES without one still gets a plain text column. */
export function guideOf(table: TableDef, column: ColumnDef): ColumnGuide {
  return GUIDE[table.key].columns[column.key] ?? { kind: TEXT, zh: "", en: "" };
}

/** What an empty Contract value keeps, by item key (null for an item without a fixed default). */
function contractDefault(key: string): string | null {
  const p = DEFAULT_PROFILE;
  switch (key) {
    case "amount":
      return (p.contractAmountFen / 100).toFixed(2);
    case "tailShare":
      return String(Number(p.tailShare.n) / Number(p.tailShare.d));
    case "serviceStart":
      return dayToIso(p.serviceStart);
    case "serviceEnd":
      return dayToIso(p.serviceEnd);
    case "asOf":
      return "服务结束 / ServiceEnd";
    case "residentStaff":
      return String(p.residentStaff);
    case "surveyScale":
      return String(p.surveyScale);
    default:
      return null;
  }
}

/** Blank rows each table starts with (the Contract table starts with one row per item instead). */
export const BLANK_ROWS = 5;
/**
 * Rows below the header that carry the checks. Excel copies a table column's checks and formats
 * into the rows a table grows by; a fixed range also keeps the file small and quick to open in
 * libraries that expand a range cell by cell.
 */
export const CHECKED_ROWS = 5000;
export const DATE_FORMAT = "yyyy-mm-dd";
export const TIME_FORMAT = "hh:mm";
export const GUIDE_SHEET = "说明";

/**
 * @summary The rows a template table starts with: one per Contract item (its 值 empty) for the
 * Contract table, BLANK_ROWS blank rows for the others; each as wide as the table's columns.
 */
export function startRows(table: TableDef): (string | null)[][] {
  const width = askedColumns(table).length;
  return table.key === "contract"
    ? VOCABULARY.contractItem.map((item) => [item, ...Array<null>(width - 1).fill(null)])
    : Array.from({ length: BLANK_ROWS }, () => Array<null>(width).fill(null));
}

/** The number format of a column of this kind (dates and times), or null. */
export function numberFormatOf(kind: ColumnKind): string | null {
  return kind.kind === "date" ? DATE_FORMAT : kind.kind === "time" ? TIME_FORMAT : null;
}

const VOCABULARY_LABEL: Record<VocabularyKey, string> = {
  yesNo: "是否 Yes/no",
  slot: "时段 Slot",
  result: "结果 Result",
  category: "类别 Category",
  dayType: "类型 Day type",
  contractItem: "合同项目 Contract item",
};

export function widthOf(column: ColumnDef, kind: ColumnKind): number {
  if (kind.kind === "text" && kind.width) return kind.width;
  if (kind.kind === "date") return 12;
  // Chinese characters are about two columns wide; leave room for the filter button.
  return Math.max(10, column.zh.length * 2 + 4);
}

/** What a drop-down on a column with a fixed vocabulary says (both writers). */
export function listCheckText(vocabulary: VocabularyKey): {
  title: string;
  prompt: string;
  errorTitle: string;
  error: string;
} {
  const words = VOCABULARY[vocabulary];
  return {
    title: VOCABULARY_LABEL[vocabulary].slice(0, 32),
    prompt: `从列表选择 Choose: ${words.join(" / ")}`,
    errorTitle: "请从列表选择 Not in the list",
    error: `只能填写 Allowed: ${words.join(" / ")}`,
  };
}

/** What the 0–100 check on survey scores says (both writers). */
export const SCORE_CHECK_TEXT = {
  errorTitle: "得分 Score",
  error: "得分须为 0 到 100 的数字。The score must be a number from 0 to 100.",
} as const;

/** Column widths of the 说明 sheet, in characters: topic, column, required, Chinese, English. */
export const GUIDE_WIDTHS = [24, 26, 15, 50, 60] as const;

/** One row of the 说明 sheet and how it is styled. */
export interface GuideRow {
  style: "title" | "head" | "section" | "line";
  cells: (string | null)[];
}

/**
 * @summary The 说明 sheet's rows, in order: the title, the header, then sections (overview, each
 * table and its columns, the accepted values, the Contract items) of topic, Chinese and English.
 * @example
 * guideRows()[0].cells[0] //=> "运维考核评分台账模板 说明"
 */
export function guideRows(): GuideRow[] {
  const rows: GuideRow[] = [];
  const section = (zh: string, en: string): void => {
    rows.push({ style: "section", cells: [zh, "", "", "", en] });
  };
  const line = (cells: (string | null)[]): void => {
    rows.push({ style: "line", cells });
  };
  rows.push({
    style: "title",
    cells: ["运维考核评分台账模板 说明", "", "", "", "OM Scorecard ledger template: read me"],
  });
  rows.push({
    style: "head",
    cells: ["表 Table", "列 Column", "必填 Required", "说明（中文）", "Description (English)"],
  });
  section("概述", "Overview");
  line([
    "工作簿 Workbook",
    null,
    null,
    "本工作簿是监理考核台账。每张工作表有一个同名的 Excel 表（表格），运维考核评分按表名（中文或英文）或表头识别它们：请勿修改表名和表头。在表下方紧接着输入即可添加行，表会自动扩展；多余的列会被保留并忽略，全空的行会被跳过。",
    "This workbook is the supervisor's assessment ledger. Each worksheet holds one Excel table of the same name; OM Scorecard finds them by name (Chinese or English) or by their headers: keep the table names and headers. Type directly below a table to add rows (the table grows); extra columns are kept and ignored, fully blank rows are skipped.",
  ]);
  line([
    "日期 Dates",
    null,
    null,
    "日期列格式为 yyyy-mm-dd。请填写真正的日期；文字日期如 2024-07-01、2024/7/1、2024年7月1日 也能识别。",
    "Date columns are formatted yyyy-mm-dd. Enter real dates; text such as 2024-07-01, 2024/7/1 or 2024年7月1日 is read too.",
  ]);
  line([
    `${SUMMARY_SHEET_NAME} Summary`,
    null,
    null,
    `「${SUMMARY_SHEET_NAME}」工作表由工具写入（命令行 om-scorecard assess 写入台账副本，加载项写入当前工作簿），每次评分整体替换：请勿在其中录入数据。台账中的各表从不被修改。`,
    `The 「${SUMMARY_SHEET_NAME}」 (assessment result) sheet is written by the tool (the command line om-scorecard assess writes it into a copy of the ledger, the add-in into the open workbook) and replaced whole on every run: do not enter data there. The ledger tables are never changed.`,
  ]);

  for (const table of TABLES) {
    const guide = GUIDE[table.key];
    section(`${table.zh} ${table.en}`, `${table.en} (${table.zh})`);
    line([
      `${table.zh} ${table.en}`,
      null,
      table.required ? "必需表 Required" : "可选表 Optional",
      guide.zh,
      guide.en,
    ]);
    for (const column of askedColumns(table)) {
      const g = guideOf(table, column);
      const words = g.kind.kind === "list" ? VOCABULARY[g.kind.vocabulary] : null;
      line([
        `${table.zh} ${table.en}`,
        `${column.zh} ${column.en}`,
        column.required ? "是 Yes" : "否 No",
        words && g.kind.kind === "list" && g.kind.vocabulary !== "contractItem"
          ? `${g.zh}（下拉选择 ${words.join(" / ")}）`
          : g.zh,
        g.en,
      ]);
    }
  }

  section("可选值", "Accepted values");
  for (const key of Object.keys(VOCABULARY) as VocabularyKey[]) {
    if (key === "contractItem") continue;
    line([
      VOCABULARY_LABEL[key],
      VOCABULARY[key].join(" / "),
      null,
      VOCABULARY_NOTES[key].zh,
      VOCABULARY_NOTES[key].en,
    ]);
  }

  section("合同项目", "Contract items");
  for (const [key, item] of Object.entries(CONTRACT_ITEMS)) {
    const def = contractDefault(key);
    line([
      `${item.zh} ${item.en}`,
      null,
      null,
      `值：${item.expectZh}。${def === null ? "" : `留空时为 ${def}。`}`,
      `Value: ${item.expectEn}.${def === null ? "" : ` Empty: ${def}.`}`,
    ]);
  }
  return rows;
}
