import {
  contractOf,
  dayToIso,
  shown,
  sortDiagnostics,
  toNumber,
  type Assessment,
  type Diagnostic,
  type Severity,
  type Status,
} from "../engine";
import { MARK_WORDS, dimensionRows } from "./dimensions";
import { yearJson } from "./year";
import type { RunRecord } from "./runLog";
import { contractJson, penaltyLines, type ContractJson } from "./labels";

/** The machine-readable result of SPEC §4, printed by `om-scorecard assess --json`. */
export interface AssessmentJson {
  status: Status;
  total: number | null;
  tier: string | null;
  tailRatio: number | null;
  tailAmount: number | null;
  /**
   * SPEC §9: the contract's identity as the ledger gives it (null: not given) and the money
   * terms used, `defaulted` naming those taken from the built-in contract. Null only when no
   * ledger could be read.
   */
  contract: ContractJson | null;
  /** The scored copy written by the command line (SPEC §9); null when nothing was written. */
  output?: string | null;
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
  /**
   * SPEC §5, an added key, present only when the ledger was scored: checks written 迟到 (late)
   * and 早退 (early), counted present, and 请假/事假/… (leave), counted absent; with the words
   * counted each way.
   */
  attendanceMarks?: {
    late: number;
    early: number;
    leave: number;
    countedPresent: string[];
    countedAbsent: string[];
  };
  diagnostics: DiagnosticJson[];
  /** SPEC §8, present only when the ledger was scored. */
  months?: YearJson["months"];
  advice?: YearJson["advice"];
  staffing?: YearJson["staffing"];
  /**
   * SPEC §6, added keys. The readings in dispute: each alternative reading with its total,
   * tier and tail payable, `differs` when the payment differs from the chosen one's.
   */
  sensitivity: SensitivityJson[];
  /** The chosen reading choices. */
  readings: { rateRounding: "none" | "whole-percent"; tierEdge: "lower" | "upper" };
  /** The payment schedule: dates as yyyy-mm-dd, null when not fixed (with the reason). */
  payments: PaymentJson[];
  /** 第六条, reference only: never incurred by an assessment. */
  penaltiesReference: { clause: string; percent: number; amount: number }[];
  /** The ledger fingerprint (SHA-256 of the canonical ledger), when computed. */
  fingerprint: string | null;
  /** The 考核记录 row this run appended, when it wrote one. */
  run: { seq: number; time: string; options: string; version: string; check: string } | null;
}

interface SensitivityJson {
  reading: string;
  total: number;
  tier: string;
  tailAmount: number;
  differs: boolean;
}

interface PaymentJson {
  payment: "first" | "tail";
  amount: number | null;
  from: string | null;
  workingDays: number;
  due: string | null;
  /** Why `due` is null: "to be fixed" (no date to count from) or the uncovered year. */
  dueNote: string | null;
}

type YearJson = ReturnType<typeof yearJson>;

export interface DiagnosticJson {
  severity: Severity;
  table: string | null;
  /** The worksheet, only when the table is read over several sheets (SPEC §5). */
  sheet?: string;
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
    ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
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
export function toJson(
  a: Assessment,
  run: { fingerprint: string; record: RunRecord | null } | null = null
): AssessmentJson {
  const scored = a.status === "invalid" ? null : a;
  const r = run?.record ?? null;
  return {
    status: a.status,
    total: scored && scored.totalHundredths / 100,
    tier: scored && scored.tier,
    tailRatio: scored && toNumber(scored.tailRatio),
    tailAmount: scored && scored.tailAmountFen / 100,
    contract: contractJson(contractOf(a)),
    dimensions:
      scored &&
      (Object.fromEntries(
        dimensionRows(a.profile, scored).map((r) => [
          r.key,
          { points: r.pointsHundredths! / 100, max: r.max, ...r.json },
        ])
      ) as AssessmentJson["dimensions"]),
    ...(scored
      ? {
          attendanceMarks: {
            ...scored.dimensions.attendance.marks,
            countedPresent: [...MARK_WORDS.present],
            countedAbsent: [...MARK_WORDS.absent],
          },
        }
      : {}),
    diagnostics: sortDiagnostics(a.diagnostics).map(diagnosticJson),
    sensitivity: scored
      ? scored.readings
          .filter((x) => x.reading !== "chosen")
          .map((x) => ({
            reading: x.reading,
            total:
              x.reading === "unrounded-points"
                ? Math.round(toNumber(x.total) * 10_000) / 10_000
                : x.totalHundredths / 100,
            tier: x.tier,
            tailAmount: x.tailAmountFen / 100,
            differs: x.differs,
          }))
      : [],
    readings: { rateRounding: a.profile.rateRounding, tierEdge: a.profile.tierEdge },
    payments: a.payments.map((p) => ({
      payment: p.key,
      amount: p.amountFen === null ? null : p.amountFen / 100,
      from: p.from === null ? null : dayToIso(p.from),
      workingDays: p.workingDays,
      due: p.due === null ? null : dayToIso(p.due),
      dueNote:
        p.due !== null
          ? null
          : p.uncoveredYear !== null
            ? `calendar does not cover ${p.uncoveredYear}`
            : "to be fixed",
    })),
    penaltiesReference: penaltyLines(a.profile).map((l) => ({
      clause: `${l.label.zh} / ${l.label.en}`,
      percent: l.percent,
      amount: l.fen / 100,
    })),
    fingerprint: run?.fingerprint ?? null,
    run: r && { seq: r.seq, time: r.time, options: r.options, version: r.version, check: r.check },
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
    contract: null,
    dimensions: null,
    diagnostics: diagnostics.map(diagnosticJson),
    sensitivity: [],
    readings: { rateRounding: "none", tierEdge: "lower" },
    payments: [],
    penaltiesReference: [],
    fingerprint: null,
    run: null,
  };
}
