import {
  assess,
  diag,
  type Assessment,
  type DimensionKey,
  type Diagnostic,
  type RawCell,
  type RawTable,
} from "../engine";
import { DIMENSION_LABELS, dimensionRows } from "./dimensions";
import { ledgerFingerprint, type Sha256 } from "./fingerprint";
import { readLog, runOptionsOf, type ReadRecord } from "./runLog";
import { STATUS_TEXT, SUMMARY_LABELS, both } from "./labels";

/**
 * Verifying a scored workbook (SPEC §6): recompute from the ledger in it with the options of
 * the latest 考核记录 row, and compare with the summary and the log. Pure: the command line and
 * the Excel adapter each read the ledger tables and the two sheets' cells, and call `verify`.
 * It detects and names; it never repairs.
 */

/** A sheet's cells as read, `grid[0]` being worksheet row 1 and `grid[r][0]` column A. */
type Grid = readonly (readonly RawCell[])[];

export interface VerifyInput {
  tables: readonly RawTable[];
  /** The 考核结果 sheet's cells, or null when there is none. */
  summary: Grid | null;
  /** The 考核记录 sheet's cells, or null when there is none. */
  log: Grid | null;
  /** A faster SHA-256 where the host has one (the command line passes Node's). */
  hasher?: () => Sha256;
}

/** The outcome: `match` (exit 0), `differs` (exit 3), `unreadable` (no summary: exit 2). */
export type VerifyOutcome = "match" | "differs" | "unreadable";

export interface VerifyResult {
  outcome: VerifyOutcome;
  /** What differs, as diagnostics from the catalogue (`verify-*`), in the order found. */
  findings: Diagnostic[];
  /** True when the ledger's fingerprint is not the one the summary was scored on. */
  ledgerChanged: boolean;
  /** The fingerprint of the ledger as it is now. */
  fingerprint: string;
  /** The latest 考核记录 row, as read (null when there is none). */
  latest: ReadRecord | null;
  /** The assessment recomputed with the latest row's options. */
  recomputed: Assessment;
}

/** The figures on a summary's page one, read back by their labels. */
interface SummaryFigures {
  fingerprint: string | null;
  seq: number | null;
  status: string;
  total: string;
  tier: string;
  tail: string;
  items: Record<DimensionKey, string>;
}

const text = (c: RawCell | undefined): string =>
  c === null || c === undefined ? "" : typeof c === "object" ? c.error : String(c);
const fixed2 = (c: RawCell | undefined): string =>
  typeof c === "number" ? c.toFixed(2) : text(c).trim();

/** The figures of a summary sheet, or null when the sheet is not one this program wrote. */
function readSummaryFigures(grid: Grid): SummaryFigures | null {
  const rowOf = (label: string) => grid.find((r) => text(r?.[0]) === label);
  const status = rowOf(SUMMARY_LABELS.status);
  if (!status) return null;
  const fp = text(rowOf(SUMMARY_LABELS.fingerprint)?.[1]);
  const seq = rowOf(SUMMARY_LABELS.run)?.[1];
  const itemsAt = grid.findIndex((r) => text(r?.[0]) === SUMMARY_LABELS.itemsHeader);
  const items = {} as Record<DimensionKey, string>;
  for (const k of Object.keys(DIMENSION_LABELS) as DimensionKey[]) {
    const row = grid
      .slice(itemsAt + 1, itemsAt + 6)
      .find((r) => text(r?.[0]) === both(DIMENSION_LABELS[k]));
    items[k] = fixed2(row?.[2]);
  }
  return {
    fingerprint: /^[0-9a-f]{64}$/.test(fp) ? fp : null,
    seq: typeof seq === "number" ? seq : null,
    status: text(status[1]),
    total: fixed2(rowOf(SUMMARY_LABELS.total)?.[1]),
    tier: text(rowOf(SUMMARY_LABELS.tier)?.[1]),
    tail: fixed2(rowOf(SUMMARY_LABELS.tail)?.[1]),
    items,
  };
}

/** The same figures as a recomputed assessment gives them. */
function figuresOf(a: Assessment): Omit<SummaryFigures, "fingerprint" | "seq"> {
  const scored = a.status === "invalid" ? null : a;
  const items = {} as Record<DimensionKey, string>;
  for (const r of dimensionRows(a.profile, scored))
    items[r.key] = r.pointsHundredths === null ? "" : (r.pointsHundredths / 100).toFixed(2);
  return {
    status: both(STATUS_TEXT[a.status]),
    total: scored ? (scored.totalHundredths / 100).toFixed(2) : "",
    tier: scored ? scored.tier : "—",
    tail: scored ? (scored.tailAmountFen / 100).toFixed(2) : "",
    items,
  };
}

/** The figures compared, with their names as findings show them. */
const FIGURES: { name: string; get: (f: Omit<SummaryFigures, "fingerprint" | "seq">) => string }[] =
  [
    { name: "状态 status", get: (f) => f.status },
    { name: "总分 total", get: (f) => f.total },
    { name: "付款等级 tier", get: (f) => f.tier },
    { name: "应付尾款 tail payable", get: (f) => f.tail },
    ...(Object.keys(DIMENSION_LABELS) as DimensionKey[]).map((k) => ({
      name: `${DIMENSION_LABELS[k].zh} ${DIMENSION_LABELS[k].en.toLowerCase()} points`,
      get: (f: Omit<SummaryFigures, "fingerprint" | "seq">) => f.items[k],
    })),
  ];

/**
 * @summary Verify a scored workbook: `match` when the ledger's fingerprint, the latest log row
 * and the summary's figures all agree with a recomputation; otherwise `differs`, naming each
 * difference (ledger changed, summary edited, log edited); `unreadable` without a summary.
 */
export function verify(input: VerifyInput): VerifyResult {
  const findings: Diagnostic[] = [];
  const fingerprint = ledgerFingerprint(input.tables, input.hasher?.());
  const figures = input.summary ? readSummaryFigures(input.summary) : null;
  const { records, problems } = input.log ? readLog(input.log) : { records: [], problems: [] };
  const latest = records.length ? records[records.length - 1] : null;
  const opts = latest ? runOptionsOf(latest) : null;
  const recomputed = assess(input.tables, {
    asOf: opts?.asOf ?? undefined,
    profile: opts?.choices ?? undefined,
  });
  const result = (outcome: VerifyOutcome, ledgerChanged: boolean): VerifyResult => ({
    outcome,
    findings,
    ledgerChanged,
    fingerprint,
    latest,
    recomputed,
  });
  if (!figures) {
    findings.push(diag("verify-no-summary", {}, {}));
    return result("unreadable", false);
  }

  findings.push(...problems);
  if (!latest) findings.push(diag("verify-log-missing", {}, {}));
  const scoredOn = latest?.fingerprint ?? figures.fingerprint;
  if (latest) {
    if (figures.seq !== latest.seq)
      findings.push(
        diag(
          "verify-summary-log-mismatch",
          {},
          {
            figure: "记录序号 run No.",
            summary: String(figures.seq ?? "—"),
            log: String(latest.seq),
          }
        )
      );
    if (figures.fingerprint !== latest.fingerprint)
      findings.push(
        diag(
          "verify-summary-log-mismatch",
          {},
          {
            figure: "台账指纹 fingerprint",
            summary: (figures.fingerprint ?? "—").slice(0, 16),
            log: latest.fingerprint.slice(0, 16),
          }
        )
      );
  }
  const ledgerChanged = scoredOn !== null && scoredOn !== fingerprint;
  if (ledgerChanged)
    findings.push(diag("verify-ledger-changed", {}, { scored: scoredOn, now: fingerprint }));

  const now = figuresOf(recomputed);
  for (const f of FIGURES) {
    const onSheet = f.get(figures);
    const expected = f.get(now);
    if (onSheet === expected) continue;
    findings.push(
      ledgerChanged
        ? diag("verify-result-changed", {}, { figure: f.name, summary: onSheet, now: expected })
        : diag("verify-summary-edited", {}, { figure: f.name, summary: onSheet, expected })
    );
  }
  return result(findings.length ? "differs" : "match", ledgerChanged);
}

/** The exit status of a verification: 0 match, 3 differs, 2 unreadable. */
export function verifyExitCode(outcome: VerifyOutcome): 0 | 2 | 3 {
  return outcome === "match" ? 0 : outcome === "differs" ? 3 : 2;
}
