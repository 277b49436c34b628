import {
  BUILTIN_CALENDAR,
  diagnosticText,
  isoDay,
  shown,
  type ShownDiagnostic,
  serialFromDay,
  workdaysBetween,
  type Assessment,
  type RawCell,
  type RawTable,
  type ScoredAssessment,
} from "../../src/engine";

/** A plain-sheet RawTable with headers in row 1. */
export function sheet(
  name: string,
  headers: string[],
  rows: RawCell[][],
  extra: Partial<RawTable> = {}
): RawTable {
  return {
    name,
    sheet: name,
    kind: "sheet",
    headerRow: 1,
    firstColumn: 1,
    headers,
    rows,
    ...extra,
  };
}

export interface LedgerSpec {
  roster?: RawCell[][];
  punches?: RawCell[][];
  tickets?: RawCell[][];
  complaints?: RawCell[][];
  surveys?: RawCell[][];
  calendar?: RawCell[][] | null;
  contract?: RawCell[][] | null;
}

/**
 * The Contract rows a test ledger has unless it says otherwise: the source contract's terms
 * written out, so that the result does not rest on defaults (SPEC §9: a money default makes it
 * provisional, the others are listed in an info). A test's own Contract rows come first, and
 * these fill in only the items they do not name; `contract: null` leaves the table out.
 */
const CONTRACT_TERMS: RawCell[][] = [
  ["合同金额", 848600],
  ["尾款比例", 0.5],
  ["服务开始", serialFromDay(isoDay("2024-07-01"))],
  ["服务结束", serialFromDay(isoDay("2025-06-30"))],
  ["签订日期", serialFromDay(isoDay("2024-06-28"))],
  ["驻场人数", 3],
  ["问卷满分", 100],
];

/** A test's Contract rows, completed with the terms they do not name (see CONTRACT_TERMS). */
function contractRows(own: RawCell[][]): RawCell[][] {
  const named = new Set(own.map((r) => String(r[0])));
  const period = named.has("服务期限");
  return [
    ...own,
    ...CONTRACT_TERMS.filter(
      ([item]) =>
        !named.has(String(item)) && !(period && (item === "服务开始" || item === "服务结束"))
    ),
  ];
}

/** A ledger of plain sheets with Chinese names and headers; every table defaults to a small valid one. */
export function ledger(spec: LedgerSpec = {}): RawTable[] {
  const tables = [
    sheet(
      "驻场人员",
      ["姓名", "角色", "到岗日期", "离岗日期"],
      spec.roster ?? [["张三", "负责人", null, null]]
    ),
    sheet("考勤", ["日期", "姓名", "时段", "时间", "结果"], spec.punches ?? []),
    sheet(
      "工单",
      ["工单号", "流转乙方", "状态", "创建日期"],
      spec.tickets ?? [["T1", "是", "已关闭", null]]
    ),
    sheet(
      "投诉",
      ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
      spec.complaints ?? []
    ),
    sheet("问卷", ["受访者", "得分"], spec.surveys ?? [["甲", 100]]),
  ];
  if (spec.calendar) tables.push(sheet("日历", ["日期", "类型"], spec.calendar));
  if (spec.contract !== null)
    tables.push(sheet("合同", ["项目", "值"], contractRows(spec.contract ?? [])));
  return tables;
}

/** Serial of an ISO date (what Excel and the readers hand the engine). */
export const serial = (iso: string): number => serialFromDay(isoDay(iso));

/** Punch rows: for each working day in [from, to], both checks for the name, present. */
export function fullPunches(name: string, from = "2024-07-01", to = "2025-06-30"): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const d of workdaysBetween(BUILTIN_CALENDAR, isoDay(from), isoDay(to))) {
    rows.push([serialFromDay(d), name, "上班", null, "到岗"]);
    rows.push([serialFromDay(d), name, "下班", null, "到岗"]);
  }
  return rows;
}

/** The assessment as scored; fails the test (naming the first error) when it is invalid. */
export function scored(a: Assessment): ScoredAssessment {
  if (a.status === "invalid") {
    const first = a.diagnostics.find((d) => d.severity === "error");
    throw new Error(
      `expected a scored assessment, got invalid: ${first ? diagnosticText(first) : "no error"}`
    );
  }
  return a;
}

/** An assessment's diagnostics as people see them: table and column by their Chinese names, the message in both languages. */
export function shownOf(a: Assessment): ShownDiagnostic[] {
  return a.diagnostics.map(shown);
}

/**
 * A ledger that totals exactly 85: attendance 30 (all present), maintenance 14 (two verified
 * complaints), responsiveness 20, completion 16 (4 of 5 routed tickets completed: the 80% band),
 * satisfaction 5 (survey mean 50 → 4.00, linked 2 − 2 × 0.5 = 1).
 */
export function ledgerAt85(surveyScore = 50): RawTable[] {
  return ledger({
    punches: fullPunches("张三"),
    complaints: [
      ["C1", null, "日常维护", "是", null, null, null],
      ["C2", null, "日常维护", "是", null, null, null],
    ],
    tickets: [
      ["T1", "是", "已关闭", null],
      ["T2", "是", "已关闭", null],
      ["T3", "是", "待验证", null],
      ["T4", "是", "已关闭", null],
      ["T5", "是", "处理中", null],
    ],
    surveys: [["甲", surveyScore]],
  });
}
