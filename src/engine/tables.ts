/**
 * The ledger format of SPEC §2 as data: which tables, which columns, which Contract items, with
 * their Chinese and English names. Pure data, imported by the locator, the reader and the
 * diagnostic catalogue (which resolves a diagnostic's table and column keys to names only when
 * it is shown).
 */

/** The logical tables of SPEC §2, by stable key. */
export type TableKey =
  "contract" | "roster" | "punches" | "tickets" | "complaints" | "surveys" | "calendar";

/** The summary sheet the tool writes; never read as a ledger table. */
export const SUMMARY_SHEET_NAME = "考核结果";

/** The run log the tool appends to (one row per assessment); never read as a ledger table. */
export const RUN_LOG_SHEET_NAME = "考核记录";

/** Sheets the tool writes itself, which are never ledger tables. */
export const TOOL_SHEET_NAMES: readonly string[] = [SUMMARY_SHEET_NAME, RUN_LOG_SHEET_NAME];

export interface ColumnDef {
  /** Field name in the typed rows. */
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** Other headers read as this column: the attendance apps' exports (SPEC §5). */
  aliases?: readonly string[];
  /**
   * A column only an attendance app's export has (DingTalk / WeCom daily statistics): read when
   * present, never asked for — not in the template, not in "add these headers" messages.
   */
  exportOnly?: true;
}

export interface TableDef {
  key: TableKey;
  zh: string;
  en: string;
  /** A missing optional table is not an error. */
  required: boolean;
  columns: ColumnDef[];
  /**
   * The column whose cell identifies a row: a row whose identifying cell (or first cell) says
   * 合计, 总计, 小计, 平均, 平均分, Total or Average is a totals row, skipped (SPEC §5).
   */
  idColumn: string;
}

const col = (
  key: string,
  zh: string,
  en: string,
  required = false,
  aliases?: readonly string[]
): ColumnDef => (aliases ? { key, zh, en, required, aliases } : { key, zh, en, required });

/** Tables in the order the summary and diagnostics list them. */
export const TABLES: readonly TableDef[] = [
  {
    key: "contract",
    zh: "合同",
    en: "Contract",
    required: false,
    columns: [col("item", "项目", "Item", true), col("value", "值", "Value", true)],
    idColumn: "item",
  },
  {
    key: "roster",
    zh: "驻场人员",
    en: "Roster",
    required: true,
    columns: [
      col("name", "姓名", "Name", true),
      col("role", "角色", "Role"),
      col("start", "到岗日期", "Start"),
      col("end", "离岗日期", "End"),
    ],
    idColumn: "name",
  },
  {
    key: "punches",
    zh: "考勤",
    en: "Punches",
    required: true,
    columns: [
      col("date", "日期", "Date", true, ["考勤日期", "打卡日期"]),
      col("name", "姓名", "Name", true),
      col("slot", "时段", "Slot", false, ["打卡类型"]),
      col("time", "时间", "Time", false, ["打卡时间"]),
      // WeCom's raw records head the result 打卡状态.
      col("result", "结果", "Result", false, ["打卡结果", "打卡状态"]),
      // The DingTalk / WeCom daily statistics layout: two checks per row (上班1 over 打卡时间,
      // or flattened by hand without the 1).
      {
        ...col("amTime", "上班1打卡时间", "Start1Time", false, ["上班打卡时间"]),
        exportOnly: true,
      },
      {
        ...col("amResult", "上班1打卡结果", "Start1Result", false, [
          "上班打卡结果",
          "上班1打卡状态",
          "上班打卡状态",
        ]),
        exportOnly: true,
      },
      { ...col("pmTime", "下班1打卡时间", "End1Time", false, ["下班打卡时间"]), exportOnly: true },
      {
        ...col("pmResult", "下班1打卡结果", "End1Result", false, [
          "下班打卡结果",
          "下班1打卡状态",
          "下班打卡状态",
        ]),
        exportOnly: true,
      },
      // A day of split shifts (上班2/下班2, 上班3/下班3): the day ends at its last 下班 written.
      { ...col("pm2Time", "下班2打卡时间", "End2Time"), exportOnly: true },
      {
        ...col("pm2Result", "下班2打卡结果", "End2Result", false, ["下班2打卡状态"]),
        exportOnly: true,
      },
      { ...col("pm3Time", "下班3打卡时间", "End3Time"), exportOnly: true },
      {
        ...col("pm3Result", "下班3打卡结果", "End3Result", false, ["下班3打卡状态"]),
        exportOnly: true,
      },
    ],
    idColumn: "name",
  },
  {
    key: "tickets",
    zh: "工单",
    en: "Tickets",
    required: true,
    columns: [
      // Ticket systems' exports head these 工单编号, 是否流转乙方, 工单状态 and 创建时间 (a
      // date-time, read as its date): unread, 创建时间 would count tickets of any date.
      col("id", "工单号", "TicketId", true, ["工单编号"]),
      col("routed", "流转乙方", "RoutedToVendor", true, ["是否流转乙方"]),
      col("status", "状态", "Status", true, ["工单状态"]),
      col("created", "创建日期", "Created", false, ["创建时间"]),
    ],
    idColumn: "id",
  },
  {
    key: "complaints",
    zh: "投诉",
    en: "Complaints",
    required: true,
    columns: [
      // 投诉日期 and 整改完成时间 as supervisors head them: unread, a complaint outside the
      // service period would count, and one rectified in time would count as not rectified.
      col("id", "编号", "ComplaintId", true, ["投诉编号"]),
      col("date", "日期", "Date", false, ["投诉日期", "投诉时间"]),
      col("category", "类别", "Category", true, ["投诉类别"]),
      col("verified", "核实属实", "Verified", true, ["是否属实"]),
      col("deadline", "整改期限", "Deadline", false, ["整改截止日期"]),
      col("rectifiedOn", "整改完成日期", "RectifiedOn", false, [
        "整改完成时间",
        "实际整改完成日期",
      ]),
      col("note", "说明", "Note"),
    ],
    idColumn: "id",
  },
  {
    key: "surveys",
    zh: "问卷",
    en: "Surveys",
    required: true,
    columns: [col("respondent", "受访者", "Respondent"), col("score", "得分", "Score", true)],
    idColumn: "respondent",
  },
  {
    key: "calendar",
    zh: "日历",
    en: "Calendar",
    required: false,
    columns: [col("date", "日期", "Date", true), col("type", "类型", "Type", true)],
    idColumn: "date",
  },
];

/** A Contract (合同) table item: its names and what its value must be. */
export interface ContractItemDef {
  zh: string;
  en: string;
  expectZh: string;
  expectEn: string;
  /** Other names read as this item (项目名称 for 合同名称, 采购人 for 甲方, 供应商 for 乙方). */
  aliases?: readonly string[];
}

/**
 * The Contract table's items, by key. The identity items (SPEC §9: name, number, parties) are
 * kept as written; a missing money item (amount, tail share, period) takes the default profile's
 * value and says so (`contract-default-used`), the other missing items keep theirs.
 */
export const CONTRACT_ITEMS = {
  amount: {
    zh: "合同金额",
    en: "ContractAmount",
    expectZh: "金额（元，最多两位小数）",
    expectEn: "an amount in yuan (at most 2 decimals)",
  },
  tailShare: {
    zh: "尾款比例",
    en: "TailShare",
    expectZh: "0 到 1 之间的比例（如 0.5 或 50%）",
    expectEn: "a share from 0 to 1 (0.5 or 50%)",
  },
  serviceStart: { zh: "服务开始", en: "ServiceStart", expectZh: "日期", expectEn: "a date" },
  serviceEnd: { zh: "服务结束", en: "ServiceEnd", expectZh: "日期", expectEn: "a date" },
  asOf: { zh: "考核日期", en: "AsOf", expectZh: "日期", expectEn: "a date" },
  residentStaff: {
    zh: "驻场人数",
    en: "ResidentStaff",
    expectZh: "1 到 99 之间的整数（如 3）",
    expectEn: "a whole number from 1 to 99 (e.g. 3)",
  },
  signedOn: { zh: "签订日期", en: "SignedOn", expectZh: "日期", expectEn: "a date" },
  paymentNotice: {
    zh: "付款通知日期",
    en: "PaymentNoticeDate",
    expectZh: "日期",
    expectEn: "a date",
  },
  serviceTerm: {
    zh: "服务期限",
    en: "ServicePeriod",
    expectZh: "起止日期，如 2024年9月1日至2025年8月31日 或 2024-09-01~2025-08-31",
    expectEn: "start and end dates, e.g. 2024-09-01~2025-08-31 or 2024年9月1日至2025年8月31日",
  },
  surveyScale: {
    zh: "问卷满分",
    en: "SurveyScale",
    expectZh: "正数（如 100 或 5）",
    expectEn: "a positive number (100 or 5)",
  },
  name: {
    zh: "合同名称",
    en: "ContractName",
    expectZh: "文字（合同的名称）",
    expectEn: "text (the contract's name)",
    aliases: ["项目名称", "ProjectName"],
  },
  number: { zh: "合同编号", en: "ContractNo", expectZh: "文字", expectEn: "text" },
  client: {
    zh: "甲方",
    en: "Client",
    expectZh: "文字（甲方单位名称）",
    expectEn: "text (the client's name)",
    aliases: ["采购人", "Purchaser"],
  },
  vendor: {
    zh: "乙方",
    en: "Vendor",
    expectZh: "文字（乙方单位名称）",
    expectEn: "text (the vendor's name)",
    aliases: ["供应商", "Supplier"],
  },
  supervisor: {
    zh: "监理单位",
    en: "Supervisor",
    expectZh: "文字（监理单位名称）",
    expectEn: "text (the supervising company's name)",
  },
} as const satisfies Record<string, ContractItemDef>;

export type ContractItemKey = keyof typeof CONTRACT_ITEMS;

/** The identity items of SPEC §9, in the order the views show them. */
export const IDENTITY_ITEMS = ["name", "number", "client", "vendor", "supervisor"] as const;

/** An identity item's key. */
export type IdentityKey = (typeof IDENTITY_ITEMS)[number];

/** A logical table's definition by key. */
export function tableDef(key: TableKey): TableDef {
  return TABLES.find((t) => t.key === key)!;
}

/**
 * @summary The columns a ledger is asked to have: every column but an attendance app's
 * export-only ones (read when present, never asked for). The template writes these, and the
 * missing-table message lists them.
 */
export function askedColumns(def: TableDef): ColumnDef[] {
  return def.columns.filter((c) => !c.exportOnly);
}
