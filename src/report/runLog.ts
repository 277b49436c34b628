import {
  IDENTITY_ITEMS,
  contractOf,
  dayToIso,
  diag,
  parseDateText,
  type Diagnostic,
  type IdentityKey,
  type Profile,
  type RawCell,
  type ScoredAssessment,
  type Status,
} from "../engine";
import { sha256Hex } from "./fingerprint";
import type { SummaryCell } from "./types";
import { PROGRAM_VERSION } from "./version";

/**
 * The run log `考核记录` (SPEC §6): one row appended per assessment, never rewritten. Each row
 * carries a check: SHA-256 over the previous row's check and this row's fields, so a row
 * deleted or a cell changed by hand breaks the chain from that row on, and `verify` names it.
 * The chain shows tampering; it does not prevent it (anyone can recompute a chain), which is
 * why the signed paper page carries the fingerprint too.
 */

/** The log's columns, in order. */
const RUN_LOG_HEADERS = [
  "序号 No.",
  "时间 Time",
  "考核日期 As of",
  "选项 Options",
  "台账指纹 Ledger fingerprint (SHA-256)",
  "程序版本 Version",
  "状态 Status",
  "总分 Total",
  "等级 Tier",
  "应付尾款 Tail payable",
  "校验 Check",
] as const;

/**
 * The contract's identity (SPEC §9), after the check: a log written before these columns
 * existed has none of them, and its rows still verify.
 */
const IDENTITY_HEADERS: Record<IdentityKey, string> = {
  name: "合同名称 Contract",
  number: "合同编号 Contract No.",
  client: "甲方 Client",
  vendor: "乙方 Vendor",
  supervisor: "监理单位 Supervisor",
};

/**
 * Column widths of the log sheet, in characters: narrow enough, with the long texts (the
 * fingerprint, the check, the names) wrapped, that the log prints one landscape page wide.
 */
export const RUN_LOG_WIDTHS = [6, 14, 11, 16, 24, 8, 10, 8, 5, 13, 24, 18, 12, 14, 14, 14];

/** The reading choices a run was made with, as logged. */
export interface RunChoices {
  rateRounding: Profile["rateRounding"];
  tierEdge: Profile["tierEdge"];
}

/** One 考核记录 row. */
export interface RunRecord {
  seq: number;
  /** Local time with its UTC offset, `2025-07-03 10:15:02 +08:00`. */
  time: string;
  asOf: string;
  options: string;
  fingerprint: string;
  version: string;
  status: Exclude<Status, "invalid">;
  totalHundredths: number;
  tier: string;
  tailAmountFen: number;
  check: string;
  /** The contract's identity items as logged; "" when not given (or a log older than them). */
  identity: Record<IdentityKey, string>;
}

/**
 * @summary The options text of a run: `rate=exact; tier-edge=lower` (the defaults) or with
 * `whole-percent` / `upper`.
 */
function optionsText(c: RunChoices): string {
  return `rate=${c.rateRounding === "whole-percent" ? "whole-percent" : "exact"}; tier-edge=${c.tierEdge}`;
}

/** The choices in an options text; null when it is not one this program writes. */
function parseOptions(text: string): RunChoices | null {
  const m = /^rate=(exact|whole-percent); tier-edge=(lower|upper)$/.exec(text.trim());
  if (!m) return null;
  return {
    rateRounding: m[1] === "whole-percent" ? "whole-percent" : "none",
    tierEdge: m[2] as RunChoices["tierEdge"],
  };
}

/**
 * @summary A time as the log writes it: local wall-clock time and its UTC offset.
 * @example
 * logTime(new Date("2025-07-03T02:15:02Z")) // in Asia/Shanghai //=> "2025-07-03 10:15:02 +08:00"
 */
function logTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${sign}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}

const STATUS_WORDS: Record<RunRecord["status"], string> = {
  final: "最终 final",
  provisional: "暂定 provisional",
};

/** The fields a check covers, joined by a unit separator (U+001F). */
function canonicalRecord(r: Omit<RunRecord, "check">): string {
  // The identity joins the check only when given, so rows logged before it existed verify.
  const identity = IDENTITY_ITEMS.map((k) => r.identity[k]);
  return [
    r.seq,
    r.time,
    r.asOf,
    r.options,
    r.fingerprint,
    r.version,
    r.status,
    (r.totalHundredths / 100).toFixed(2),
    r.tier,
    (r.tailAmountFen / 100).toFixed(2),
    ...(identity.some((x) => x !== "") ? identity : []),
  ].join("\u001f");
}

/** The check of a record following `prevCheck` ("" for the first row). */
function recordCheck(prevCheck: string, r: Omit<RunRecord, "check">): string {
  return sha256Hex(`${prevCheck}\n${canonicalRecord(r)}`);
}

/**
 * @summary The record to append for a scored assessment, after the log's last row (null when
 * the log is empty).
 */
export function newRecord(
  a: ScoredAssessment,
  fingerprint: string,
  time: Date,
  last: RunRecord | null
): RunRecord {
  const r: Omit<RunRecord, "check"> = {
    seq: (last?.seq ?? 0) + 1,
    time: logTime(time),
    asOf: dayToIso(a.asOf),
    options: optionsText(a.profile),
    fingerprint,
    version: PROGRAM_VERSION,
    status: a.status,
    totalHundredths: a.totalHundredths,
    tier: a.tier,
    tailAmountFen: a.tailAmountFen,
    identity: identityOf(a),
  };
  return { ...r, check: recordCheck(last?.check ?? "", r) };
}

/** The identity of a scored run as logged: each item as written, "" when not given. */
function identityOf(a: ScoredAssessment): Record<IdentityKey, string> {
  const c = contractOf(a);
  return Object.fromEntries(IDENTITY_ITEMS.map((k) => [k, c[k] ?? ""])) as Record<
    IdentityKey,
    string
  >;
}

/** The header row's cells. */
export function logHeaderCells(): SummaryCell[] {
  return [...RUN_LOG_HEADERS, ...IDENTITY_ITEMS.map((k) => IDENTITY_HEADERS[k])].map((h) => ({
    value: h,
    format: "text",
    bold: true,
    header: true,
    wrap: true,
  }));
}

/** A record's cells, as both writers put them in the sheet. */
export function logRowCells(r: RunRecord): SummaryCell[] {
  const t = (value: string): SummaryCell => ({ value, format: "text" });
  const cells: SummaryCell[] = [
    { value: r.seq, format: "integer" },
    t(r.time),
    t(r.asOf),
    t(r.options),
    t(r.fingerprint),
    t(r.version),
    t(STATUS_WORDS[r.status]),
    { value: r.totalHundredths / 100, format: "points" },
    t(r.tier),
    { value: r.tailAmountFen / 100, format: "money" },
    t(r.check),
    ...IDENTITY_ITEMS.map((k) => t(r.identity[k])),
  ];
  // Wrapped and read from the top, numbers too, so the row reads level.
  return cells.map((c) => ({ ...c, wrap: true }));
}

const text = (c: RawCell | undefined): string =>
  c === null || c === undefined ? "" : typeof c === "object" ? c.error : String(c);
const blank = (row: readonly RawCell[] | undefined): boolean =>
  !row || row.every((c) => c === null || (typeof c === "string" && c.trim() === ""));

/** Hundredths of a number read back from a cell, or null. */
function hundredthsOf(c: RawCell | undefined): number | null {
  const n = typeof c === "number" ? c : typeof c === "string" ? Number(c) : NaN;
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** A log row as read, with its worksheet row. */
export interface ReadRecord extends RunRecord {
  row: number;
}

/**
 * @summary Read the log back from its sheet's cells (`grid[0]` is worksheet row 1) and check
 * it: numbering from 1 without gaps, every row's check, nothing emptied in between. Problems
 * are `verify-log-edited` diagnostics naming the row; the rows are returned as read, never
 * repaired.
 */
export function readLog(grid: readonly (readonly RawCell[])[]): {
  records: ReadRecord[];
  problems: Diagnostic[];
} {
  const records: ReadRecord[] = [];
  const problems: Diagnostic[] = [];
  const edited = (row: number, what: string) =>
    problems.push(diag("verify-log-edited", { row }, { row, what }));
  let last = grid.length;
  while (last > 1 && blank(grid[last - 1])) last--;
  const headerOk =
    RUN_LOG_HEADERS.every((h, i) => text(grid[0]?.[i]) === h) &&
    IDENTITY_ITEMS.every((k, i) => {
      const at = text(grid[0]?.[RUN_LOG_HEADERS.length + i]);
      return at === "" || at === IDENTITY_HEADERS[k];
    });
  if (grid.length > 0 && !headerOk) edited(1, "标题行不符 the header row differs");
  let prev: ReadRecord | null = null;
  for (let i = 1; i < last; i++) {
    const row = grid[i];
    const at = i + 1;
    if (blank(row)) {
      edited(at, "整行被清空 the row was emptied");
      continue;
    }
    const statusText = text(row[6]);
    const status = (Object.keys(STATUS_WORDS) as RunRecord["status"][]).find(
      (k) => STATUS_WORDS[k] === statusText
    );
    const seq = typeof row[0] === "number" ? row[0] : Number(text(row[0]));
    const total = hundredthsOf(row[7]);
    const tail = hundredthsOf(row[9]);
    const r: ReadRecord = {
      row: at,
      seq,
      time: text(row[1]),
      asOf: text(row[2]),
      options: text(row[3]),
      fingerprint: text(row[4]),
      version: text(row[5]),
      status: status ?? "final",
      totalHundredths: total ?? NaN,
      tier: text(row[8]),
      tailAmountFen: tail === null ? NaN : tail * 1,
      check: text(row[10]),
      identity: Object.fromEntries(
        IDENTITY_ITEMS.map((k, j) => [k, text(row[RUN_LOG_HEADERS.length + j])])
      ) as Record<IdentityKey, string>,
    };
    // Money is logged in yuan with 2 decimals: hundredths of a yuan are fen.
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (seq !== expectedSeq) {
      edited(
        at,
        Number.isInteger(seq) && seq > expectedSeq
          ? `序号 ${seq} 之前缺少第 ${expectedSeq}–${seq - 1} 条记录 records ${expectedSeq}–${seq - 1} before No. ${seq} are missing`
          : `序号应为 ${expectedSeq}，实为「${text(row[0])}」 No. should be ${expectedSeq}, is "${text(row[0])}"`
      );
    } else if (
      !status ||
      total === null ||
      tail === null ||
      r.check !== recordCheck(prev?.check ?? "", r)
    ) {
      edited(
        at,
        "内容与校验值不符（单元格被改过）the cells do not match the row's check (a cell was changed)"
      );
    }
    records.push(r);
    prev = r;
  }
  return { records, problems };
}

/** The reading choices and as-of date of a logged run, for recomputing it. */
export function runOptionsOf(r: RunRecord): {
  choices: RunChoices | null;
  asOf: number | null;
} {
  return { choices: parseOptions(r.options), asOf: parseDateText(r.asOf) };
}
