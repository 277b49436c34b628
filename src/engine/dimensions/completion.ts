import { diag } from "../diagnostics";
import { bandShare, pointsForShare } from "../pay";
import { statusKey } from "../ledger/tickets";
import type { Diagnostic } from "../diagnostics";
import type { Ledger } from "../ledger";
import type { Profile } from "../profile";

export interface CompletionResult {
  key: "completion";
  max: number;
  pointsHundredths: number;
  completed: number;
  routed: number;
  sharePercent: number;
  /** Ticket IDs routed to the vendor and not completed (with rows). */
  incomplete: { id: string; row: number; status: string }[];
}

/**
 * 完成率 (第一条·四·2(4)): tickets routed to the vendor's engineers (流转乙方 = 是) that are
 * completed (status 待验证 or 已关闭, surrounding spaces ignored) over all routed tickets, on the
 * rate bands. No routed ticket at all: full points, with a warning.
 */
export function scoreCompletion(
  ledger: Ledger,
  profile: Profile,
  out: Diagnostic[]
): CompletionResult {
  const max = profile.maxPoints.completion;
  let routed = 0;
  let completed = 0;
  const incomplete: CompletionResult["incomplete"] = [];
  // A status the contract does not define is named with its count, never silently "not done".
  const unknown = new Map<string, number[]>();
  for (const t of ledger.tickets) {
    if (!t.routed) continue;
    routed++;
    if (t.completed) {
      completed++;
      continue;
    }
    incomplete.push({ id: t.id, row: t.row, status: t.status });
    const key = statusKey(t.status);
    if (key === "" || OPEN_STATUSES.has(key)) continue;
    const rows = unknown.get(t.status.trim());
    if (rows) rows.push(t.row);
    else unknown.set(t.status.trim(), [t.row]);
  }
  if (routed === 0) out.push(diag("no-routed-tickets", { table: "tickets" }, {}));
  for (const [status, rows] of unknown) {
    out.push(
      diag(
        "status-not-completed",
        { table: "tickets", row: rows[0], column: "status" },
        { status, count: rows.length, rows: rows.slice(0, 5) }
      )
    );
  }
  const sharePercent =
    routed === 0 ? 100 : bandShare(completed, routed, profile.rateBands, profile.rateRounding);
  return {
    key: "completion",
    max,
    pointsHundredths: pointsForShare(max, sharePercent),
    completed,
    routed,
    sharePercent,
    incomplete,
  };
}

/**
 * Statuses of a ticket still open in the ticket system: not completed, as the contract says,
 * without a warning. Any other status that is not 待验证 or 已关闭 (已办结, 已完成 …) is warned
 * about with its count.
 */
const OPEN_STATUSES = new Set([
  "待处理",
  "处理中",
  "挂起",
  "已退回",
  "退回",
  "已受理",
  "待受理",
  "待分派",
  "已派单",
  "待派单",
  "已转派",
  "新建",
  "待审核",
  "待响应",
  "已响应",
]);
