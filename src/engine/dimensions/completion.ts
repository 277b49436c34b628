import { diag } from "../diagnostics";
import { bandShare, pointsForShare } from "../pay";
import type { CompletionResult, Diagnostic, Ledger, Profile } from "../types";

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
  const routed = ledger.tickets.filter((t) => t.routed);
  const completed = routed.filter((t) => t.completed).length;
  if (routed.length === 0) {
    out.push(diag("no-routed-tickets", { table: "tickets" }, {}));
  }
  const sharePercent =
    routed.length === 0
      ? 100
      : bandShare(completed, routed.length, profile.rateBands, profile.rateRounding);
  return {
    key: "completion",
    max,
    pointsHundredths: pointsForShare(max, sharePercent),
    completed,
    routed: routed.length,
    sharePercent,
    incomplete: routed
      .filter((t) => !t.completed)
      .map((t) => ({ id: t.id, row: t.row, status: t.status })),
  };
}
