import {
  shown,
  sortDiagnostics,
  toNumber,
  type Assessment,
  type Diagnostic,
  type Severity,
  type Status,
} from "../engine";
import { dimensionRows } from "./dimensions";
import { yearJson } from "./year";

/** The machine-readable result of SPEC §4, printed by `om-scorecard assess --json`. */
export interface AssessmentJson {
  status: Status;
  total: number | null;
  tier: string | null;
  tailRatio: number | null;
  tailAmount: number | null;
  dimensions: {
    attendance: {
      points: number;
      max: number;
      rate: number | null;
      present: number;
      expected: number;
    };
    maintenance: { points: number; max: number; events: number };
    responsiveness: { points: number; max: number; events: number };
    completion: {
      points: number;
      max: number;
      rate: number | null;
      completed: number;
      routed: number;
    };
    satisfaction: {
      points: number;
      max: number;
      survey: number;
      linked: number;
      responses: number;
    };
  } | null;
  diagnostics: DiagnosticJson[];
  /** SPEC §8, present only when the ledger was scored. */
  months?: YearJson["months"];
  advice?: YearJson["advice"];
  staffing?: YearJson["staffing"];
}

type YearJson = ReturnType<typeof yearJson>;

export interface DiagnosticJson {
  severity: Severity;
  table: string | null;
  row: number | null;
  column: string | null;
  code: string;
  message: string;
}

/** A diagnostic as SPEC §4 prints it: table and column by their Chinese names, the message Chinese then English. */
export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  const s = shown(d);
  return {
    severity: s.severity,
    table: s.table,
    row: s.row,
    column: s.column,
    code: s.code,
    message: `${s.zh} / ${s.en}`,
  };
}

/**
 * @summary The SPEC §4 JSON object of an assessment. Points are the exact figures rounded to
 * hundredths; an invalid result has null scores and its diagnostics.
 */
export function toJson(a: Assessment): AssessmentJson {
  const scored = a.status === "invalid" ? null : a;
  return {
    status: a.status,
    total: scored && scored.totalHundredths / 100,
    tier: scored && scored.tier,
    tailRatio: scored && toNumber(scored.tailRatio),
    tailAmount: scored && scored.tailAmountFen / 100,
    dimensions:
      scored &&
      (Object.fromEntries(
        dimensionRows(a.profile, scored).map((r) => [
          r.key,
          { points: r.pointsHundredths! / 100, max: r.max, ...r.json },
        ])
      ) as AssessmentJson["dimensions"]),
    diagnostics: sortDiagnostics(a.diagnostics).map(diagnosticJson),
    ...(scored ? yearJson(scored) : {}),
  };
}

/** The JSON of a run that could not score anything (an unreadable file, a bad option). */
export function invalidJson(diagnostics: readonly Diagnostic[]): AssessmentJson {
  return {
    status: "invalid",
    total: null,
    tier: null,
    tailRatio: null,
    tailAmount: null,
    dimensions: null,
    diagnostics: diagnostics.map(diagnosticJson),
  };
}
