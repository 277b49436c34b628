import {
  SEVERITY_TEXT,
  SUMMARY_SHEET_NAME,
  dayToIso,
  locationZh,
  serialFromDay,
  serialInDateSystem,
  shown,
  sortDiagnostics,
  toNumber,
  type Assessment,
  type Bilingual,
  type ScoredAssessment,
  type ComplaintOutcome,
} from "../engine";
import { dimensionRows, maxTotal, rateRule } from "./dimensions";
import { adviceHeadline, adviceText, monthRows, staffingText } from "./year";
import type { SummaryCell, SummarySheet } from "./types";

/**
 * The summary sheet `考核结果`, laid out once for every writer. Chinese first, English alongside.
 * Every deduction names its ledger IDs and rows. Long evidence lists are cut at EVIDENCE_LIMIT
 * rows with a line saying how many more there are and where to find them, so the sheet stays
 * writable in one request whatever the ledger's size.
 */

export const EVIDENCE_LIMIT = 2000;

const t = (value: string | null, extra: Partial<SummaryCell> = {}): SummaryCell => ({
  value,
  format: "text",
  ...extra,
});
const n = (
  value: number | null,
  format: SummaryCell["format"],
  extra: Partial<SummaryCell> = {}
): SummaryCell => ({
  value,
  format,
  ...extra,
});
const h = (value: string): SummaryCell => ({ value, format: "text", bold: true, header: true });
const pts = (hundredths: number | null, extra: Partial<SummaryCell> = {}): SummaryCell =>
  n(hundredths === null ? null : hundredths / 100, "points", extra);
const money = (fen: number | null, extra: Partial<SummaryCell> = {}): SummaryCell =>
  n(fen === null ? null : fen / 100, "money", extra);
const date = (day: number): SummaryCell => n(serialFromDay(day), "date");

/** Status labels, Chinese then English, for every view. */
export const STATUS_TEXT: Record<Assessment["status"], Bilingual> = {
  final: { zh: "最终", en: "final" },
  provisional: { zh: "暂定", en: "provisional" },
  invalid: { zh: "无效", en: "invalid" },
};

/** A bilingual text in one cell: Chinese, then English. */
export const both = (b: Bilingual): string => `${b.zh} ${b.en}`;

const OUTCOME_TEXT: Record<ComplaintOutcome["outcome"], string> = {
  event: "扣分 deducted",
  pending: "待定（期限未到）pending",
  "rectified-in-time": "按期整改，不扣分 rectified in time",
  "not-verified": "未核实属实，不扣分 not verified",
  "no-deadline": "缺整改期限，暂不扣分 no deadline",
};

const periodText = (a: number, b: number): string => `${dayToIso(a)} 至 ${dayToIso(b)}`;

/**
 * @summary Lay out the summary sheet of an assessment.
 * @example
 * buildSummary(assess(tables)).rows[0][0].value //=> "运维考核评分结果 OM Scorecard assessment"
 */
export function buildSummary(a: Assessment): SummarySheet {
  const p = a.profile;
  const rows: SummaryCell[][] = [];
  const blank = (): void => {
    rows.push([]);
  };

  rows.push([t("运维考核评分结果 OM Scorecard assessment", { bold: true })]);
  rows.push([t("合同 Contract", { bold: true }), t(p.contractName)]);
  rows.push([
    t("服务期限 Service period", { bold: true }),
    t(periodText(p.serviceStart, p.serviceEnd)),
  ]);
  rows.push([t("考核日期 As of", { bold: true }), date(a.asOf)]);
  rows.push([
    t("考核期间 Period assessed", { bold: true }),
    t(a.periodEnd >= a.periodStart ? periodText(a.periodStart, a.periodEnd) : "无 none"),
  ]);
  rows.push([t("状态 Status", { bold: true }), t(both(STATUS_TEXT[a.status]), { bold: true })]);
  if (a.status === "provisional") {
    rows.push([
      t("暂定原因 Why provisional", { bold: true }),
      t(a.provisionalReasons.map((r) => `${r.zh}（${r.en}）`).join("；")),
    ]);
  }
  if (a.status === "invalid") {
    rows.push([
      t("说明 Note", { bold: true }),
      t(
        "台账有错误，未评分。请按下方「问题」逐条修正后重新评分。The ledger has errors and was not scored: fix each problem below and assess again."
      ),
    ]);
  }
  rows.push([t("比率规则 Rate rule", { bold: true }), t(both(rateRule(p)))]);
  blank();

  // Dimensions.
  rows.push([
    h("考核项 Item"),
    h("满分 Max"),
    h("指标 Metric"),
    h("分子 Numerator"),
    h("分母 Denominator"),
    h("比率 Rate"),
    h("规则 Rule"),
    h("得分 Points"),
  ]);
  const firstDimRow = rows.length;
  const scored = a.status === "invalid" ? null : a;
  const dims = dimensionRows(p, scored);
  for (const r of dims) {
    rows.push([
      t(both(r.label)),
      n(r.max, "points"),
      t(both(r.metric)),
      n(r.numerator, "integer"),
      r.isRate ? n(r.denominator, "integer") : t(null),
      r.isRate
        ? n(r.numerator === null || !r.denominator ? null : r.numerator / r.denominator, "percent")
        : t(null),
      t(both(r.rule)),
      pts(r.pointsHundredths),
    ]);
  }
  rows.push([
    t("合计 Total", { bold: true }),
    n(maxTotal(p), "points", { bold: true }),
    t(null),
    t(null),
    t(null),
    t(null),
    t(null),
    pts(scored && scored.totalHundredths, { bold: true }),
  ]);
  blank();

  // Money.
  const tier = scored && p.payTiers.find((x) => x.tier === scored.tier)!;
  rows.push([h("付款 Payment"), h("")]);
  rows.push([
    t("付款等级 Tier", { bold: true }),
    t(scored && tier ? `${scored.tier}（付尾款 ${tier.sharePercent}%）` : "—", { bold: true }),
  ]);
  rows.push([t("合同金额 Contract amount"), money(p.contractAmountFen)]);
  rows.push([
    t(`尾款 Tail (${Math.round(toNumber(p.tailShare) * 10000) / 100}%)`),
    money(a.tailBaseFen),
  ]);
  rows.push([t("尾款比例 Tail ratio"), n(scored && toNumber(scored.tailRatio), "percent")]);
  rows.push([
    t("应付尾款 Tail amount payable", { bold: true }),
    money(scored && scored.tailAmountFen, { bold: true }),
  ]);
  rows.push([
    t("违约金参考 Penalties (第六条)"),
    t(
      `未按期整改 ${p.penalties.rectifyFailurePercent}% = ${fmtYuan((p.contractAmountFen * p.penalties.rectifyFailurePercent) / 100)}；虚假承诺/过错致无法履行 ${p.penalties.falseCommitmentPercent}% = ${fmtYuan((p.contractAmountFen * p.penalties.falseCommitmentPercent) / 100)}；违反知识产权条款 ${p.penalties.ipBreachPercent}% = ${fmtYuan((p.contractAmountFen * p.penalties.ipBreachPercent) / 100)}`
    ),
  ]);
  blank();

  if (scored) {
    yearSections(rows, scored);
    blank();
    const d = scored.dimensions;
    const rate = (num: number, den: number): SummaryCell =>
      n(den === 0 ? null : num / den, "percent");
    // Deduction events and the complaints behind them.
    rows.push([
      h("投诉 Complaints"),
      h("编号 ID"),
      h("台账行 Row"),
      h("结果 Outcome"),
      h("整改期限 Deadline"),
      h("整改完成 Rectified"),
      h("说明 Note"),
    ]);
    const outcomes = [...d.maintenance.outcomes, ...d.responsiveness.outcomes].sort(
      (x, y) => x.row - y.row
    );
    if (outcomes.length === 0) rows.push([t("无投诉 no complaints")]);
    for (const o of outcomes) {
      rows.push([
        t(o.category === "maintenance" ? "日常维护" : "响应度"),
        t(o.id),
        n(o.row, "integer"),
        t(OUTCOME_TEXT[o.outcome]),
        o.deadline === null ? t(null) : date(o.deadline),
        o.rectifiedOn === null ? t(null) : date(o.rectifiedOn),
        t(o.note),
      ]);
    }
    blank();

    rows.push([
      h("出勤明细 Attendance by member"),
      h("台账行 Row"),
      h("考核起 From"),
      h("考核止 To"),
      h("到岗 Present"),
      h("应打卡 Expected"),
      h("比率 Rate"),
    ]);
    for (const m of d.attendance.members) {
      rows.push([
        t(m.name),
        n(m.row, "integer"),
        m.from === null ? t("—") : date(m.from),
        m.to === null ? t("—") : date(m.to),
        n(m.present, "integer"),
        n(m.expected, "integer"),
        rate(m.present, m.expected),
      ]);
    }
    evidenceList(
      rows,
      "缺勤打卡 Absent checks（考勤表行号 rows in 考勤）",
      d.attendance.absentRows,
      (r) => [n(r, "integer")],
      "考勤",
      "结果"
    );
    evidenceList(
      rows,
      "未完成工单 Incomplete routed tickets（工单号 / 行号 / 状态）",
      d.completion.incomplete,
      (x) => [t(x.id), n(x.row, "integer"), t(x.status || "（空 empty）")],
      "工单",
      "状态"
    );
    blank();
  }

  // Diagnostics.
  rows.push([
    h("问题 Diagnostics"),
    h("表 Table"),
    h("行 Row"),
    h("列 Column"),
    h("代码 Code"),
    h("说明 Message"),
  ]);
  const diags = sortDiagnostics(a.diagnostics);
  if (diags.length === 0) rows.push([t("无 none")]);
  for (const x of diags.slice(0, EVIDENCE_LIMIT)) {
    const s = shown(x);
    rows.push([
      t(both(SEVERITY_TEXT[x.severity])),
      t(s.table),
      n(x.row, "integer"),
      t(s.column),
      t(x.code),
      t(`${locationZh(s)}${s.zh} / ${s.en}`),
    ]);
  }
  if (diags.length > EVIDENCE_LIMIT) {
    rows.push([
      t(
        `另有 ${diags.length - EVIDENCE_LIMIT} 条问题未列出 ${diags.length - EVIDENCE_LIMIT} more not listed; the task pane and --json list all`
      ),
    ]);
  }

  return {
    name: SUMMARY_SHEET_NAME,
    rows,
    columnWidths: [30, 14, 40, 14, 14, 14, 48, 12],
    chart: {
      title: "各考核项得分 Points by item",
      firstRow: firstDimRow,
      rowCount: dims.length,
      categoryColumn: 0,
      seriesColumns: [7, 1],
    },
  };
}

/** What lifts the tier, the monthly trend and the staffing duty (SPEC §8). */
function yearSections(rows: SummaryCell[][], a: ScoredAssessment): void {
  rows.push([h("如何提升等级 What lifts the tier"), h("")]);
  rows.push([t(both(adviceHeadline(a)))]);
  for (const c of a.advice.changes)
    rows.push([t(null), t(both(adviceText(c, a.advice.nextTier ?? a.tier)))]);
  rows.push([]);
  rows.push([
    h("月度趋势 Monthly trend"),
    h("到岗 Present"),
    h("应打卡 Expected"),
    h("出勤率 Attendance"),
    h("流转乙方 Routed"),
    h("已完成 Completed"),
    h("完成率 Completion"),
    h("扣分事件 Events"),
  ]);
  for (const m of monthRows(a)) {
    rows.push([
      t(m.month),
      n(m.present, "integer"),
      n(m.expected, "integer"),
      m.attendanceRate === null ? t("—") : n(m.present / m.expected, "percent"),
      n(m.routed, "integer"),
      n(m.completed, "integer"),
      m.completionRate === null ? t("—") : n(m.completed / m.routed, "percent"),
      n(m.events, "integer"),
    ]);
  }
  rows.push([]);
  const s = a.staffing;
  rows.push([h(`驻场人员配备 Staffing（要求 ${s.required} 名 required）`), h("")]);
  const gaps = [
    ...s.short.map((g) => staffingText(g, "short", s.required)),
    ...s.noLead.map((g) => staffingText(g, "noLead", s.required)),
  ];
  if (gaps.length === 0) rows.push([t("全期满足 met throughout the period")]);
  for (const g of gaps) rows.push([t(null), t(both(g))]);
}

/**
 * @summary The same sheet for a workbook in the given date system: date cells hold 1900-system
 * serials, which a 1904 workbook would show 4 years and a day late.
 * @example
 * inDateSystem(sheet, true) // every `date` cell's serial less 1462
 */
export function inDateSystem(sheet: SummarySheet, date1904: boolean): SummarySheet {
  if (!date1904) return sheet;
  return {
    ...sheet,
    rows: sheet.rows.map((row) =>
      row.map((c) =>
        c.format === "date" && typeof c.value === "number"
          ? { ...c, value: serialInDateSystem(c.value, true) }
          : c
      )
    ),
  };
}

/**
 * @summary Fen as yuan text with thousands separators, the same on every machine and locale.
 * @example
 * fmtYuan(38187000) //=> "¥381,870.00"
 */
export function fmtYuan(fen: number): string {
  const f = Math.round(fen);
  const sign = f < 0 ? "-" : "";
  const abs = Math.abs(f);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

function evidenceList<T>(
  rows: SummaryCell[][],
  title: string,
  items: readonly T[],
  cells: (x: T) => SummaryCell[],
  table: string,
  column: string
): void {
  rows.push([]);
  rows.push([h(title), h(`共 ${items.length} 条 total`)]);
  if (items.length === 0) rows.push([t("无 none")]);
  for (const x of items.slice(0, EVIDENCE_LIMIT)) rows.push([t(null), ...cells(x)]);
  if (items.length > EVIDENCE_LIMIT) {
    rows.push([
      t(
        `另有 ${items.length - EVIDENCE_LIMIT} 条未列出，可在「${table}」表按「${column}」列筛选查看 ${items.length - EVIDENCE_LIMIT} more: filter the ${table} table on its ${column} column`
      ),
    ]);
  }
}
