import { messageOf, sortDiagnostics } from "./diagnostics";
import { toNumber } from "./ratio";
import type { Assessment, Diagnostic, Severity, Status } from "./types";

/** The machine-readable result of SPEC §4, printed by `om-scorecard assess --json`. */
export interface AssessmentJson {
  status: Status;
  total: number | null;
  tier: string | null;
  tailRatio: number | null;
  tailAmount: number | null;
  dimensions: {
    attendance: { points: number; max: number; rate: number | null; present: number; expected: number };
    maintenance: { points: number; max: number; events: number };
    responsiveness: { points: number; max: number; events: number };
    completion: { points: number; max: number; rate: number | null; completed: number; routed: number };
    satisfaction: { points: number; max: number; survey: number; linked: number; responses: number };
  } | null;
  diagnostics: DiagnosticJson[];
}

export interface DiagnosticJson {
  severity: Severity;
  table: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** A diagnostic as SPEC §4 prints it: the message is Chinese, then English. */
export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return { severity: d.severity, table: d.table, row: d.row, column: d.column, code: d.code, message: messageOf(d) };
}

/** Hundredths to a plain number with two decimals at most (1234 -> 12.34). */
const fromHundredths = (h: number): number => h / 100;

/** A rate to 4 decimals for display (the band was decided exactly, not on this figure). */
const displayRate = (num: number, den: number): number | null =>
  den === 0 ? null : Math.round((num / den) * 10_000) / 10_000;

/**
 * @summary The SPEC §4 JSON object of an assessment. Points are the exact figures rounded to
 * hundredths; an invalid result has null scores and its diagnostics.
 */
export function toJson(a: Assessment): AssessmentJson {
  const d = a.dimensions;
  return {
    status: a.status,
    total: a.totalHundredths === null ? null : fromHundredths(a.totalHundredths),
    tier: a.tier,
    tailRatio: a.tailRatio === null ? null : toNumber(a.tailRatio),
    tailAmount: a.tailAmountFen === null ? null : a.tailAmountFen / 100,
    dimensions: d && {
      attendance: {
        points: fromHundredths(d.attendance.pointsHundredths),
        max: d.attendance.max,
        rate: displayRate(d.attendance.present, d.attendance.expected),
        present: d.attendance.present,
        expected: d.attendance.expected,
      },
      maintenance: {
        points: fromHundredths(d.maintenance.pointsHundredths),
        max: d.maintenance.max,
        events: d.maintenance.events,
      },
      responsiveness: {
        points: fromHundredths(d.responsiveness.pointsHundredths),
        max: d.responsiveness.max,
        events: d.responsiveness.events,
      },
      completion: {
        points: fromHundredths(d.completion.pointsHundredths),
        max: d.completion.max,
        rate: displayRate(d.completion.completed, d.completion.routed),
        completed: d.completion.completed,
        routed: d.completion.routed,
      },
      satisfaction: {
        points: fromHundredths(d.satisfaction.pointsHundredths),
        max: d.satisfaction.max,
        survey: fromHundredths(d.satisfaction.surveyHundredths),
        linked: fromHundredths(d.satisfaction.linkedHundredths),
        responses: d.satisfaction.responses,
      },
    },
    diagnostics: sortDiagnostics(a.diagnostics).map(diagnosticJson),
  };
}
