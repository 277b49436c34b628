import {
  SEVERITY_TEXT,
  dayToIso,
  locationZh,
  shown,
  sortDiagnostics,
  type Assessment,
  type ScoredAssessment,
  type Diagnostic,
} from "../engine";
import { dimensionRows, maxTotal, type DimensionRow } from "../report/dimensions";
import { adviceHeadline, adviceText, monthRows } from "../report/year";
import { STATUS_TEXT, both, fmtYuan } from "../report/summary";

/**
 * The readable summary the command line prints: Chinese first, English alongside, aligned for a
 * terminal (CJK characters count two columns).
 */

/** Display width of text in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, width: number): string =>
  s + " ".repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number): string =>
  " ".repeat(Math.max(0, width - displayWidth(s))) + s;
const points = (h: number): string => (h / 100).toFixed(2);
const pct = (num: number, den: number): string =>
  den === 0 ? "—" : `${((num / den) * 100).toFixed(2)}%`;

/** At most this many diagnostics are printed; the JSON and the summary sheet have them all. */
export const PRINT_DIAGNOSTICS = 30;

export function formatDiagnostic(d: Diagnostic): string {
  const s = shown(d);
  return `[${both(SEVERITY_TEXT[d.severity])}] ${locationZh(s)}${s.zh}\n    ${s.en} (${d.code})`;
}

export function formatDiagnostics(list: readonly Diagnostic[]): string[] {
  const sorted = sortDiagnostics(list);
  const lines = sorted.slice(0, PRINT_DIAGNOSTICS).map(formatDiagnostic);
  if (sorted.length > PRINT_DIAGNOSTICS) {
    lines.push(
      `… 另有 ${sorted.length - PRINT_DIAGNOSTICS} 条问题，见汇总表或 --json。${sorted.length - PRINT_DIAGNOSTICS} more: see the summary sheet or --json.`
    );
  }
  return lines;
}

/** A row's figures: `1186/1482 = 80.03%` for a rate, `1 起事件 events` for a count, its parts where it has them. */
function figures(r: DimensionRow): string {
  if (r.numerator === null) return "—";
  if (r.parts.length > 0)
    return r.parts.map((p) => `${both(p.label)} ${points(p.hundredths)}`).join(" + ");
  return r.isRate
    ? `${r.numerator}/${r.denominator} = ${pct(r.numerator, r.denominator ?? 0)}`
    : `${r.numerator} ${both(r.unit)}`;
}

/** What lifts the tier, the monthly trend and the staffing duty (SPEC §8), for the terminal. */
export function formatYear(a: ScoredAssessment): string[] {
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

/** The whole printed report of an assessment. */
export function formatAssessment(a: Assessment): string {
  const lines: string[] = [];
  const p = a.profile;
  lines.push("运维考核评分 OM Scorecard");
  lines.push(`合同 Contract: ${p.contractName}`);
  lines.push(
    `服务期限 Service: ${dayToIso(p.serviceStart)} 至 ${dayToIso(p.serviceEnd)}    考核日期 As of: ${dayToIso(a.asOf)}`
  );
  lines.push(`状态 Status: ${both(STATUS_TEXT[a.status])}`);
  if (a.status !== "invalid") {
    for (const r of a.provisionalReasons) lines.push(`  · ${r.zh} (${r.en})`);
    lines.push("");
    const rows: string[][] = [
      ["考核项 Item", "指标 Metric", "得分 Points", "满分 Max"],
      ...dimensionRows(p, a).map((r) => [
        both(r.label),
        figures(r),
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
    lines.push("");
    const share = p.payTiers.find((t) => t.tier === a.tier)!.sharePercent;
    lines.push(
      `付款等级 Tier: ${a.tier} (${share}%)    尾款 Tail: ${fmtYuan(a.tailBaseFen)}    应付尾款 Payable: ${fmtYuan(a.tailAmountFen)}`
    );
    lines.push("", ...formatYear(a));
  }
  if (a.diagnostics.length > 0) {
    lines.push("");
    lines.push(`问题 Diagnostics (${a.diagnostics.length}):`);
    lines.push(...formatDiagnostics(a.diagnostics));
  }
  return lines.join("\n");
}
