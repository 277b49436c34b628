import {
  SEVERITY_TEXT,
  dayToIso,
  type Assessment,
  type ScoredAssessment,
  type Diagnostic,
} from "../engine";
import { dimensionRows, figuresText, maxTotal } from "../report/dimensions";
import {
  groupDiagnostics,
  groupLocationZh,
  groupPrefixEn,
  type DiagnosticGroup,
} from "../report/diagnosticGroups";
import { adviceHeadline, adviceText, monthRows } from "../report/year";
import type { RunRecord } from "../report/runLog";
import {
  DEFAULT_MARK,
  PAYMENT_TEXT,
  PENALTY_NOTE,
  READING_TEXT,
  STATUS_TEXT,
  both,
  capitalsText,
  choicesText,
  fmtYuan,
  identityLines,
  identityText,
  penaltyLines,
} from "../report/labels";
import type { VerifyResult } from "../report/verify";
import { displayWidth } from "../report/cells";

/**
 * The readable summary the command line prints: Chinese first, English alongside, aligned for a
 * terminal (CJK characters count two columns).
 */

/** Pad to a display width (CJK counted double), left-aligned or right-aligned. */
export const pad = (s: string, width: number): string =>
  s + " ".repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number): string =>
  " ".repeat(Math.max(0, width - displayWidth(s))) + s;
const points = (h: number): string => (h / 100).toFixed(2);

/** At most this many diagnostics (groups of one problem) are printed; the JSON and the summary sheet have them all. */
const PRINT_DIAGNOSTICS = 30;

/** One problem, once: its rows counted and the first ones named when many rows share it. */
function formatGroup(g: DiagnosticGroup): string {
  const s = g.shown;
  return `[${both(SEVERITY_TEXT[s.severity])}] ${groupLocationZh(g)}${s.zh}\n    ${groupPrefixEn(g)}${s.en} (${s.code})`;
}

export function formatDiagnostics(list: readonly Diagnostic[]): string[] {
  const groups = groupDiagnostics(list);
  const lines = groups.slice(0, PRINT_DIAGNOSTICS).map(formatGroup);
  if (groups.length > PRINT_DIAGNOSTICS) {
    const rest = groups.slice(PRINT_DIAGNOSTICS).reduce((n, g) => n + g.count, 0);
    lines.push(
      `… 另有 ${groups.length - PRINT_DIAGNOSTICS} 类问题（${rest} 条），见汇总表或 --json。${groups.length - PRINT_DIAGNOSTICS} more problems (${rest} rows): see the summary sheet or --json.`
    );
  }
  return lines;
}

/** What lifts the tier, the monthly trend and the staffing duty (SPEC §8), for the terminal. */
function formatYear(a: ScoredAssessment): string[] {
  const lines: string[] = [];
  const head = adviceHeadline(a);
  lines.push("如何提升等级 What lifts the tier:", `  ${head.zh}`, `  ${head.en}`);
  for (const c of a.advice.changes) {
    const t = adviceText(c, a.advice.nextTier ?? a.tier);
    lines.push(`  · ${t.zh}`, `    ${t.en}`);
  }
  lines.push("", "月度趋势 Monthly trend:");
  const rate = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);
  const rows = [
    ["月份 Month", "出勤 Attendance", "工单完成 Tickets", "扣分事件 Events"],
    ...monthRows(a).map((m) => [
      m.month,
      `${m.present}/${m.expected} ${rate(m.attendanceRate)}`,
      `${m.completed}/${m.routed} ${rate(m.completionRate)}`,
      String(m.events),
    ]),
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  for (const r of rows)
    lines.push(`  ${r.map((c, i) => (i === 0 ? pad(c, w[i]) : padStart(c, w[i]))).join("  ")}`);
  const s = a.staffing;
  lines.push(
    "",
    `驻场人员 Staffing: 要求 ${s.required} 名 required; ${s.short.length === 0 && s.noLead.length === 0 ? "全期满足 met throughout" : `${s.short.length} 段人数不足 runs short, ${s.noLead.length} 段无负责人 runs without a lead (见问题 see diagnostics)`}`
  );
  return lines;
}

/** The whole printed report of an assessment (with the run it was logged as, when it was). */
export function formatAssessment(
  a: Assessment,
  run: { fingerprint: string; record: RunRecord | null } | null = null
): string {
  const lines: string[] = [];
  const p = a.profile;
  lines.push("运维考核评分 OM Scorecard");
  const ids = identityLines(a);
  const idWidth = Math.max(...ids.map((i) => displayWidth(both(i.label))));
  for (const i of ids) lines.push(`${pad(both(i.label), idWidth)}: ${identityText(i.value)}`);
  const dflt = (item: (typeof a.moneyDefaults)[number]) =>
    a.moneyDefaults.includes(item) ? ` ${both(DEFAULT_MARK)}` : "";
  lines.push(
    `合同金额 Amount: ${fmtYuan(p.contractAmountFen)}${dflt("amount")}    尾款比例 Tail share: ${Math.round((Number(p.tailShare.n) * 10_000) / Number(p.tailShare.d)) / 100}%${dflt("tailShare")}`
  );
  lines.push(
    `服务期限 Service: ${dayToIso(p.serviceStart)} 至 ${dayToIso(p.serviceEnd)}${a.moneyDefaults.includes("serviceStart") || a.moneyDefaults.includes("serviceEnd") ? ` ${both(DEFAULT_MARK)}` : ""}    考核日期 As of: ${dayToIso(a.asOf)}`
  );
  lines.push(`状态 Status: ${both(STATUS_TEXT[a.status])}`);
  if (a.status !== "invalid") {
    for (const r of a.provisionalReasons) lines.push(`  · ${r.zh} (${r.en})`);
    lines.push("");
    const rows: string[][] = [
      ["考核项 Item", "指标 Metric", "得分 Points", "满分 Max"],
      ...dimensionRows(p, a).map((r) => [
        both(r.label),
        figuresText(r),
        points(r.pointsHundredths ?? 0),
        String(r.max),
      ]),
    ];
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
    for (const r of rows)
      lines.push(
        `  ${pad(r[0], w[0])}  ${pad(r[1], w[1])}  ${padStart(r[2], w[2])}  ${padStart(r[3], w[3])}`
      );
    lines.push(
      `  ${pad("合计 Total", w[0] + w[1] + 2)}  ${padStart(points(a.totalHundredths), w[2])}  ${padStart(String(maxTotal(p)), w[3])}`
    );
    for (const r of dimensionRows(p, a).filter((x) => x.note))
      lines.push(`  ${both(r.label)}: ${r.note!.zh}`, `    ${r.note!.en}`);
    lines.push("");
    const share = p.payTiers.find((t) => t.tier === a.tier)!.sharePercent;
    lines.push(
      `付款等级 Tier: ${a.tier} (${share}%)    尾款 Tail: ${fmtYuan(a.tailBaseFen)}    应付尾款 Payable: ${fmtYuan(a.tailAmountFen)}${capitalsText(a.tailAmountFen)}`
    );
    lines.push(`评分口径 Readings chosen: ${choicesText(p).zh}`);
    lines.push(`  (${choicesText(p).en})`);
    lines.push("");
    lines.push("争议口径 Readings in dispute:");
    const chosen = a.readings[0];
    const rr = a.readings.map((r) => [
      both(READING_TEXT[r.reading]),
      r.reading === "unrounded-points"
        ? (Math.round((Number(r.total.n) / Number(r.total.d)) * 10_000) / 10_000).toFixed(4)
        : points(r.totalHundredths),
      r.tier,
      fmtYuan(r.tailAmountFen),
      r.reading === "chosen"
        ? "采用 chosen"
        : r.differs
          ? `付款不同 differs by ${fmtYuan(r.tailAmountFen - chosen.tailAmountFen)}`
          : "相同 same",
    ]);
    const rw = [0, 1, 2, 3].map((i) => Math.max(...rr.map((r) => displayWidth(r[i]))));
    for (const r of rr)
      lines.push(
        `  ${pad(r[0], rw[0])}  ${padStart(r[1], rw[1])}  ${pad(r[2], rw[2])}  ${padStart(r[3], rw[3])}  ${r[4]}`
      );
    lines.push("", ...formatYear(a));
  }
  lines.push("");
  lines.push("付款计划 Payment schedule:");
  for (const pay of a.payments) {
    const tx = PAYMENT_TEXT[pay.key];
    const due =
      pay.due !== null
        ? dayToIso(pay.due)
        : pay.uncoveredYear !== null
          ? `待定 to be fixed (${pay.uncoveredYear} 不在日历中 not in the calendar)`
          : "待定 to be fixed";
    lines.push(
      `  ${both(tx.label)}: ${pay.amountFen === null ? "—" : fmtYuan(pay.amountFen)}, ${pay.from === null ? "起算日待定 from: to be fixed" : `自 from ${dayToIso(pay.from)}`}, 付款期限 due by ${due}`
    );
    if (pay.amountFen !== null) lines.push(`    大写 In capitals: ${capitalsText(pay.amountFen)}`);
    lines.push(`    ${tx.rule.zh} (${tx.rule.en})`);
  }
  lines.push("");
  lines.push("违约金参考（第六条）Penalties (art. 6), reference only:");
  for (const l of penaltyLines(p))
    lines.push(`  ${l.label.zh} (${l.label.en}): ${l.percent}% = ${fmtYuan(l.fen)}`);
  lines.push(`  ${PENALTY_NOTE.zh}`);
  lines.push(`  ${PENALTY_NOTE.en}`);
  if (run) {
    lines.push("");
    lines.push(`台账指纹 Ledger fingerprint (SHA-256): ${run.fingerprint}`);
    if (run.record)
      lines.push(
        `考核记录 Run log: No. ${run.record.seq}, ${run.record.time}, ${run.record.options}, version ${run.record.version}`
      );
  }
  if (a.diagnostics.length > 0) {
    lines.push("");
    lines.push(`问题 Diagnostics (${a.diagnostics.length}):`);
    lines.push(...formatDiagnostics(a.diagnostics));
  }
  return lines.join("\n");
}

/** The printed result of `verify`. */
export function formatVerify(r: VerifyResult): string {
  const lines: string[] = [];
  if (r.outcome === "match") {
    lines.push(
      "一致：汇总表与台账、考核记录相符。Match: the summary agrees with the ledger and the run log."
    );
  } else if (r.outcome === "differs") {
    lines.push(
      r.ledgerChanged
        ? "不一致：台账自上次评分后已修改。Differs: the ledger changed since it was scored."
        : "不一致：见下列各项。Differs: see below."
    );
  } else lines.push("无法核对 Cannot verify.");
  if (r.latest)
    lines.push(
      `最近一次评分 Latest run: No. ${r.latest.seq}, ${r.latest.time}, ${r.latest.options}, 考核日期 as of ${r.latest.asOf}`
    );
  lines.push(`台账指纹 Ledger fingerprint now: ${r.fingerprint}`);
  if (r.findings.length) lines.push(...formatDiagnostics(r.findings));
  return lines.join("\n");
}
