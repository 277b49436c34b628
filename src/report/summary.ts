import {
  SEVERITY_TEXT,
  SUMMARY_SHEET_NAME,
  dayToIso,
  serialFromDay,
  serialInDateSystem,
  toNumber,
  REASONS,
  type Assessment,
  type ScoredAssessment,
  type ComplaintOutcome,
  type Payment,
  type ReadingKey,
} from "../engine";
import { dimensionRows, figuresText, maxTotal, rateRule } from "./dimensions";
import { groupDiagnostics, groupText } from "./diagnosticGroups";
import {
  DEFAULT_MARK,
  DOCUMENT_TITLE,
  NOT_GIVEN,
  PAYMENT_TEXT,
  PENALTY_NOTE,
  READING_TEXT,
  STATUS_TEXT,
  SUMMARY_LABELS,
  both,
  capitalsText,
  choicesText,
  fmtYuan,
  identityLines,
  identityText,
  penaltyLines,
} from "./labels";
import type { RunRecord } from "./runLog";
import { adviceHeadline, adviceText, monthRows, staffingText } from "./year";
import type { SummaryCell, SummaryChart, SummarySheet } from "./types";
import { PAGE_OF_PAGES, displayWidth } from "./cells";

/**
 * The summary sheet `考核结果`, laid out once for every writer. Chinese first, English alongside.
 * Every deduction names its ledger IDs and rows. Long evidence lists are cut at EVIDENCE_LIMIT
 * rows with a line saying how many more there are and where to find them, so the sheet stays
 * writable in one request whatever the ledger's size. Only the sheet's layout lives here: the
 * words and number formats the other views share are in `labels.ts`.
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

const OUTCOME_TEXT: Record<ComplaintOutcome["outcome"], string> = {
  event: "扣分 deducted",
  pending: "待定（期限未到）pending",
  "rectified-in-time": "按期整改，不扣分 rectified in time",
  "not-verified": "未核实属实，不扣分 not verified",
  "no-deadline": "缺整改期限，暂不扣分 no deadline",
};

const periodText = (a: number, b: number): string => `${dayToIso(a)} 至 ${dayToIso(b)}`;

/** The run a summary belongs to: the ledger fingerprint and its 考核记录 row. */
export interface SummaryRun {
  fingerprint: string;
  record: RunRecord | null;
}

/** The readings' English, short enough for the sheet's last two columns. */
const READING_SHORT_EN: Record<ReadingKey, string> = {
  chosen: "chosen",
  "round-rate": "rate rounded (whole %)",
  "exact-rate": "rate not rounded",
  "upper-edge": "85 is A (upper edge)",
  "lower-edge": "85 is B (lower edge)",
  "unrounded-points": "unrounded points",
};

/**
 * Where the summary's columns end (A to H) and how wide they are, in characters: C, F and G
 * are wider, since the evidence's metrics and rules and the diagnostics' messages wrap there.
 */
const COLUMN_WIDTHS = [28, 12, 18, 12, 12, 20, 20, 10];
const SIGNATURE_ROW_HEIGHT = 42;

/** Text of a due date: the date, or why there is none. */
function dueText(pay: Payment): string | null {
  if (pay.due !== null) return null;
  if (pay.uncoveredYear !== null) return both(REASONS.dueNotCovered(pay.uncoveredYear));
  return "待定 to be fixed";
}

/**
 * @summary Lay out the summary sheet of an assessment: page one is the signable result (status,
 * as-of, total, tier, tail payable, the five items, the readings in dispute, the payment
 * schedule, the penalties for reference, the fingerprint and a signature block), then a page
 * break and the evidence.
 * @example
 * buildSummary(assess(tables)).rows[0][0].value //=> "运维服务考核评分表 O&M service assessment"
 */
export function buildSummary(a: Assessment, run: SummaryRun | null = null): SummarySheet {
  const p = a.profile;
  const rows: SummaryCell[][] = [];
  const rowHeights: Record<number, number> = {};
  const blank = (): void => {
    rows.push([]);
  };
  const label = (text: string): SummaryCell => t(text, { bold: true });
  const scored = a.status === "invalid" ? null : a;

  // The title (SPEC §9): the document, then this contract's name, repeated on every page.
  const ids = identityLines(a);
  const name = ids.find((i) => i.key === "name")!.value;
  rows.push([t(both(DOCUMENT_TITLE), { bold: true, size: "title" })]);
  rows.push([
    label(both(ids.find((i) => i.key === "name")!.label)),
    t(identityText(name), { bold: true, size: "large" }),
  ]);
  // The parties and the contract's terms, each as the ledger gives it.
  for (const i of ids.filter((x) => x.key !== "name"))
    rows.push([label(both(i.label)), t(identityText(i.value))]);
  const mark = (...items: (typeof a.moneyDefaults)[number][]): string =>
    items.some((x) => a.moneyDefaults.includes(x)) ? both(DEFAULT_MARK) : "";
  rows.push([
    label("合同金额 Contract amount"),
    money(p.contractAmountFen),
    t(
      `尾款比例 Tail share ${Math.round(toNumber(p.tailShare) * 10000) / 100}% ${mark("amount", "tailShare")}`.trim()
    ),
  ]);
  rows.push([
    label("服务期限 Service period"),
    t(`${periodText(p.serviceStart, p.serviceEnd)} ${mark("serviceStart", "serviceEnd")}`.trim()),
  ]);
  rows.push([
    label("考核期间 Period assessed"),
    t(a.periodEnd >= a.periodStart ? periodText(a.periodStart, a.periodEnd) : "无 none"),
  ]);
  blank();

  // The result.
  rows.push([h("结果 Result"), h(""), h(""), h(""), h(""), h(""), h(""), h("")]);
  rows.push([label(SUMMARY_LABELS.status), t(both(STATUS_TEXT[a.status]), { bold: true })]);
  if (a.status === "provisional") {
    a.provisionalReasons.forEach((r, i) => {
      rows.push([i === 0 ? label("暂定原因 Why provisional") : t(null), t(`${r.zh}（${r.en}）`)]);
    });
  }
  if (a.status === "invalid") {
    rows.push([label("说明 Note"), t("台账有错误，未评分。请按「问题」逐条修正后重新评分。")]);
    rows.push([
      t(null),
      t("The ledger has errors and was not scored: fix each problem and assess again."),
    ]);
  }
  rows.push([label(SUMMARY_LABELS.asOf), date(a.asOf)]);
  const tier = scored && p.payTiers.find((x) => x.tier === scored.tier)!;
  // Total, tier and tail payable: what finance signs for, set larger than the rest (SPEC §9).
  const big = { bold: true, size: "large" } as const;
  rows.push([
    label(SUMMARY_LABELS.total),
    pts(scored && scored.totalHundredths, big),
    t(`满分 of ${maxTotal(p)}`),
  ]);
  rows.push([
    label(SUMMARY_LABELS.tier),
    t(scored ? scored.tier : "—", big),
    t(tier ? `付尾款 ${tier.sharePercent}% of the tail` : null),
  ]);
  rows.push([
    label(SUMMARY_LABELS.tail),
    money(scored && scored.tailAmountFen, big),
    t(scored ? capitalsText(scored.tailAmountFen) : null, { bold: true }),
  ]);
  rows.push([
    t(null),
    t(
      `尾款 Tail ${fmtYuan(a.tailBaseFen)}（合同金额 ${fmtYuan(p.contractAmountFen)} × ${Math.round(toNumber(p.tailShare) * 10000) / 100}%）`
    ),
  ]);
  rows.push([label("评分口径 Readings chosen"), t(choicesText(p).zh)]);
  rows.push([t(null), t(choicesText(p).en)]);
  blank();

  // The five items, compact.
  rows.push([
    h(SUMMARY_LABELS.itemsHeader),
    h("满分 Max"),
    h("得分 Points"),
    h("指标 Figures"),
    h(""),
    h(""),
    h(""),
    h(""),
  ]);
  const firstDimRow = rows.length;
  const dims = dimensionRows(p, scored);
  for (const r of dims) {
    rows.push([t(both(r.label)), n(r.max, "points"), pts(r.pointsHundredths), t(figuresText(r))]);
  }
  rows.push([
    t("合计 Total", { bold: true }),
    n(maxTotal(p), "points", { bold: true }),
    pts(scored && scored.totalHundredths, { bold: true }),
  ]);
  blank();

  // The readings in dispute.
  rows.push([
    h("争议口径 Readings in dispute"),
    h("总分 Total"),
    h("等级 Tier"),
    h("应付尾款 Payable"),
    h("差额 Difference"),
    h("付款 Payment"),
    h("Reading"),
    h(""),
  ]);
  if (!scored) rows.push([t("未评分 not scored")]);
  else {
    const chosen = scored.readings[0];
    for (const r of scored.readings) {
      rows.push([
        t(READING_TEXT[r.reading].zh, { bold: r.reading === "chosen" }),
        r.reading === "unrounded-points"
          ? n(toNumber(r.total), "decimal4")
          : pts(r.totalHundredths),
        t(r.tier),
        money(r.tailAmountFen),
        money(r.tailAmountFen - chosen.tailAmountFen),
        t(r.reading === "chosen" ? "采用 chosen" : r.differs ? "付款不同 differs" : "相同 same", {
          bold: r.differs,
        }),
        t(READING_SHORT_EN[r.reading]),
      ]);
    }
  }
  blank();

  // The payment schedule.
  rows.push([
    h("付款计划 Payment schedule"),
    h("金额 Amount"),
    h("起算日 From"),
    h("付款期限 Due by"),
    h("约定 Terms"),
    h(""),
    h(""),
    h(""),
  ]);
  for (const pay of a.payments) {
    const tx = PAYMENT_TEXT[pay.key];
    rows.push([
      t(both(tx.label)),
      money(pay.amountFen),
      pay.from === null ? t("待定 to be fixed") : date(pay.from),
      pay.due === null ? t(dueText(pay)) : date(pay.due),
      t(tx.rule.zh),
    ]);
    if (pay.amountFen !== null) rows.push([t(null), t(capitalsText(pay.amountFen))]);
  }
  blank();

  // Penalties: reference only.
  rows.push([
    h("违约金参考（第六条）"),
    h("比例 Rate"),
    h("金额 Amount"),
    h("Penalties (art. 6), for reference"),
    h(""),
    h(""),
    h(""),
    h(""),
  ]);
  for (const l of penaltyLines(p)) {
    rows.push([t(l.label.zh), n(l.percent / 100, "percent"), money(l.fen), t(l.label.en)]);
  }
  rows.push([t(PENALTY_NOTE.zh)]);
  rows.push([t(PENALTY_NOTE.en)]);
  blank();

  rows.push([label(SUMMARY_LABELS.fingerprint), t(run ? run.fingerprint : "—")]);
  rows.push([
    label(SUMMARY_LABELS.run),
    run?.record ? n(run.record.seq, "integer") : t("—"),
    // No clock time on the sheet: the same ledger gives the same sheet (SPEC §3); the time of the
    // run is in its 考核记录 row.
    t(
      run?.record
        ? `程序版本 version ${run.record.version}；评分时间见「考核记录」time of the run: see 考核记录`
        : null
    ),
  ]);
  blank();

  // The signature block.
  rows.push([
    h("签署 Signatures"),
    h("签字 Signature"),
    h(""),
    h("盖章 Seal"),
    h(""),
    h("日期 Date"),
    h(""),
    h(""),
  ]);
  // Each party by its name as the ledger gives it, then the line it signs on.
  for (const key of ["supervisor", "client", "vendor"] as const) {
    const party = ids.find((i) => i.key === key)!;
    rows.push([label(both(party.label)), t(identityText(party.value))]);
    rowHeights[rows.length] = SIGNATURE_ROW_HEIGHT;
    rows.push([t(null), t("____________"), t(null), t("____________"), t(null), t("____________")]);
  }
  const pageOneEnd = rows.length;

  // Evidence, after the page break: the dimensions in full.
  rows.push([h("明细 Evidence")]);
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
  rows.push([t("比率规则 Rate rule", { bold: true }), t(both(rateRule(p)))]);
  for (const r of dims.filter((x) => x.note)) {
    rows.push([t(`说明 Note: ${both(r.label)}`, { bold: true }), t(r.note!.zh)]);
    rows.push([t(null), t(r.note!.en)]);
  }
  blank();

  let trend: SummaryChart | undefined;
  if (scored) {
    trend = yearSections(rows, scored);
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

  // Diagnostics: one row per problem; rows sharing one (same code, table, column and value)
  // are one row with their count and first rows (SPEC §5, grouped messages).
  rows.push([
    h("问题 Diagnostics"),
    h("表 Table"),
    h("行 Row"),
    h("列 Column"),
    h("代码 Code"),
    h("说明 Message"),
    h("行数 Count"),
  ]);
  const groups = groupDiagnostics(a.diagnostics);
  if (groups.length === 0) rows.push([t("无 none")]);
  for (const g of groups.slice(0, EVIDENCE_LIMIT)) {
    const s = g.shown;
    rows.push([
      t(both(SEVERITY_TEXT[s.severity])),
      t(s.table),
      n(s.row, "integer"),
      t(s.column),
      t(s.code),
      // Wrapped inside its column (fitLongTexts), never cut at the printed edge (SPEC §9).
      t(groupText(g)),
      n(g.count, "integer"),
    ]);
  }
  if (groups.length > EVIDENCE_LIMIT) {
    const more = groups.length - EVIDENCE_LIMIT;
    rows.push([
      t(
        `另有 ${more} 类问题未列出 ${more} more problems not listed; the task pane and --json list all`
      ),
    ]);
  }

  fitLongTexts(rows, COLUMN_WIDTHS, rowHeights);
  const fingerprint = run ? run.fingerprint : "—";
  return {
    name: SUMMARY_SHEET_NAME,
    rows,
    columnWidths: COLUMN_WIDTHS,
    rowHeights,
    chart: {
      title: "各考核项得分 Points by item",
      firstRow: firstDimRow,
      rowCount: dims.length,
      categoryColumn: 0,
      seriesColumns: [2, 1],
    },
    ...(trend ? { trend } : {}),
    pageSetup: {
      paper: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      titleRows: { first: 1, last: 2 },
      printArea: { lastRow: rows.length, lastColumn: COLUMN_WIDTHS.length },
      header: {
        left: "",
        center: headerText(`${DOCUMENT_TITLE.zh}：${name ?? `合同名称${NOT_GIVEN.zh}`}`),
        right: "",
      },
      footer: {
        left: PAGE_OF_PAGES,
        center: "",
        right: `&8台账指纹 SHA-256 ${headerText(fingerprint)}`,
      },
      breaksAfterRows: [pageOneEnd],
    },
  };
}

/** What lifts the tier, the monthly trend and the staffing duty (SPEC §8). */
function yearSections(rows: SummaryCell[][], a: ScoredAssessment): SummaryChart {
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
  const firstMonthRow = rows.length;
  // A month with nothing expected (or nothing routed) has no rate: an empty cell, never 0/0, and a
  // gap in the line chart (a "—" text would be drawn as 0%).
  for (const m of monthRows(a)) {
    rows.push([
      t(m.month),
      n(m.present, "integer"),
      n(m.expected, "integer"),
      n(m.attendanceRate === null ? null : m.present / m.expected, "percent"),
      n(m.routed, "integer"),
      n(m.completed, "integer"),
      n(m.completionRate === null ? null : m.completed / m.routed, "percent"),
      n(m.events, "integer"),
    ]);
  }
  const trend: SummaryChart = {
    kind: "line",
    title: "月度趋势 Monthly trend",
    firstRow: firstMonthRow,
    rowCount: a.months.length,
    categoryColumn: 0,
    seriesColumns: [3, 6],
  };
  rows.push([]);
  const s = a.staffing;
  rows.push([h(`驻场人员配备 Staffing（要求 ${s.required} 名 required）`), h("")]);
  const gaps = [
    ...s.short.map((g) => staffingText(g, "short", s.required)),
    ...s.noLead.map((g) => staffingText(g, "noLead", s.required)),
  ];
  if (gaps.length === 0) rows.push([t("全期满足 met throughout the period")]);
  for (const g of gaps) rows.push([t(null), t(both(g))]);
  return trend;
}

/** Height in points of one line of text at a cell's size. */
const LINE_POINTS = { normal: 16, large: 19, title: 22, small: 12 } as const;

/**
 * @summary SPEC §9: no text is cut at the printed edge. A text longer than its cell spans the
 * empty cells to its right (merged), and one longer than that wraps there, its row made tall
 * enough for the lines (both hosts keep a row height they are given; neither fits a merged
 * cell's height by itself).
 */
function fitLongTexts(
  rows: SummaryCell[][],
  widths: readonly number[],
  rowHeights: Record<number, number>
): void {
  // A text may span the empty cells after it; a header wraps in its own cell (the header row's
  // empty cells are read back as empty).
  const blank = (c: SummaryCell | undefined): boolean =>
    !c || ((c.value === null || c.value === "") && !c.header);
  rows.forEach((row, r) => {
    let lines = 1;
    let line: number = LINE_POINTS.normal;
    row.forEach((cell, c) => {
      if (c >= widths.length || cell.format !== "text" || typeof cell.value !== "string") return;
      // One character width is the indent and the cell's padding.
      const need = displayWidth(cell.value);
      if (need <= widths[c] - 1) return;
      let end = c + 1;
      while (!cell.header && end < widths.length && blank(row[end])) end++;
      if (end - c > 1) cell.span = end - c;
      const room = widths.slice(c, cell.span ? end : c + 1).reduce((x, y) => x + y, 0) - 1;
      if (need <= room) return;
      cell.wrap = true;
      const scale = cell.size === "title" ? 16 / 11 : cell.size === "large" ? 13 / 11 : 1;
      lines = Math.max(lines, Math.ceil((need * scale) / room));
      line = Math.max(line, LINE_POINTS[cell.size ?? "normal"]);
    });
    if (lines > 1) {
      rowHeights[r] = Math.max(rowHeights[r] ?? 0, lines * line);
      // The whole row reads from its top, as the wrapped text does, so a figure stays level
      // with its label and its text.
      for (const cell of row) if (cell.value !== null) cell.wrap = true;
    }
  });
}

/** Literal text for a header or footer: `&` starts a code there, so it is doubled. */
function headerText(s: string): string {
  return s.replace(/&/g, "&&");
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
