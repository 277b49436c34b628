import {
  contractOf,
  dayToIso,
  sortDiagnostics,
  type Assessment,
  type Bilingual,
  type Diagnostic,
  type Status,
} from "../engine";
import { diagnosticJson, type DiagnosticJson } from "./json";
import { STATUS_TEXT, both } from "./labels";

/**
 * Many contracts at once (SPEC §12): the overview of a batch of ledgers, one row per ledger, as
 * plain data. Host-neutral like the pipeline: the command line fills it one ledger at a time and
 * writes it as text, JSON and a workbook; the web page can fill it from files in the browser.
 * A row keeps only the few figures the overview shows (never the assessment itself), so a batch
 * holds one ledger's data at a time whatever its length.
 */

/** The contract a ledger names: 合同名称, 合同编号, 乙方 (null when not given). */
interface ContractIdentity {
  name: string | null;
  number: string | null;
  vendor: string | null;
}

/**
 * @summary The contract's name, number and vendor as the ledger's Contract table gives them
 * (SPEC §9: kept as written; null when not given — never the built-in contract's name).
 * @example
 * identityOf(assessment) //=> { name: "…运维服务", number: "CZRS-2024-017", vendor: null }
 */
function identityOf(assessment: Assessment): ContractIdentity {
  const { name, number, vendor } = contractOf(assessment);
  return { name, number, vendor };
}

/** A problem the batch itself finds about a ledger or a path (not a ledger diagnostic). */
type BatchNote =
  | { code: "duplicate-contract-number"; number: string; others: string[] }
  | { code: "folder-no-ledgers"; folder: string };

/** A batch note's words, Chinese then English. */
function batchNoteText(n: BatchNote): Bilingual {
  switch (n.code) {
    case "duplicate-contract-number":
      return {
        zh: `合同编号「${n.number}」也出现在 ${n.others.map((f) => `「${f}」`).join("、")}：是否同一合同录入了两次？`,
        en: `Contract number "${n.number}" is also in ${n.others.map((f) => `"${f}"`).join(", ")}: the same contract twice?`,
      };
    case "folder-no-ledgers":
      return {
        zh: `文件夹「${n.folder}」中没有 .xlsx 台账文件（已评分副本 *.scored.xlsx 与 ~$ 临时文件不计）。`,
        en: `The folder "${n.folder}" holds no .xlsx ledger (scored copies *.scored.xlsx and ~$ lock files are left out).`,
      };
  }
}

/** A batch note in the JSON's diagnostic shape, so that `problems` is one list. */
function noteJson(n: BatchNote): DiagnosticJson {
  const t = batchNoteText(n);
  return {
    severity: n.code === "folder-no-ledgers" ? "error" : "warning",
    table: null,
    row: null,
    column: null,
    code: n.code,
    message: `${t.zh} / ${t.en}`,
  };
}

/** One row of the overview: a ledger scored, one that could not be, or a path that gave none. */
export interface OverviewRow {
  /** The ledger file (or the folder that held none) as the user named it. */
  file: string;
  /** The scored copy written, null when none was. */
  output: string | null;
  contract: ContractIdentity;
  /** The service period, yyyy-mm-dd, null when the ledger was not read. */
  serviceStart: string | null;
  serviceEnd: string | null;
  status: Status;
  /** Points, hundredths exact; null when not scored. */
  total: number | null;
  tier: string | null;
  /** The tail payable in yuan (fen exact), null when not scored. */
  tailAmount: number | null;
  /** The ledger's diagnostics and the batch's notes about it, errors first. */
  problems: DiagnosticJson[];
  /** Why nothing was scored (the first error), null when scored. */
  reason: string | null;
  fingerprint: string | null;
}

/** A ledger that was read and assessed (scored or invalid), with what its run wrote. */
export function assessedRow(
  file: string,
  a: Assessment,
  run: { fingerprint: string | null; output: string | null }
): OverviewRow {
  const scored = a.status === "invalid" ? null : a;
  const problems = sortDiagnostics(a.diagnostics).map(diagnosticJson);
  return {
    file,
    output: run.output,
    contract: identityOf(a),
    serviceStart: dayToIso(a.profile.serviceStart),
    serviceEnd: dayToIso(a.profile.serviceEnd),
    status: a.status,
    total: scored && scored.totalHundredths / 100,
    tier: scored && scored.tier,
    tailAmount: scored && scored.tailAmountFen / 100,
    problems,
    reason: scored ? null : reasonOf(problems),
    fingerprint: run.fingerprint,
  };
}

/** A file that could not be read as a ledger workbook at all (missing, not a workbook, damaged). */
export function unreadableRow(file: string, diagnostics: readonly Diagnostic[]): OverviewRow {
  const problems = diagnostics.map(diagnosticJson);
  return {
    ...emptyRow(file),
    problems,
    reason: reasonOf(problems),
  };
}

/** A folder named on the command line that holds no ledger. */
export function emptyFolderRow(folder: string): OverviewRow {
  const problems = [noteJson({ code: "folder-no-ledgers", folder })];
  return { ...emptyRow(folder), problems, reason: problems[0].message };
}

function emptyRow(file: string): OverviewRow {
  return {
    file,
    output: null,
    contract: { name: null, number: null, vendor: null },
    serviceStart: null,
    serviceEnd: null,
    status: "invalid",
    total: null,
    tier: null,
    tailAmount: null,
    problems: [],
    reason: null,
    fingerprint: null,
  };
}

function reasonOf(problems: readonly DiagnosticJson[]): string | null {
  const first = problems.find((p) => p.severity === "error") ?? problems[0];
  if (!first) return null;
  const where = [
    first.table && `表「${first.table}」`,
    first.row !== null && `第 ${first.row} 行`,
    first.column && `列「${first.column}」`,
  ].filter(Boolean);
  return `${where.length ? `${where.join(" ")}：` : ""}${first.message}`;
}

/** The tail payable summed by status, with the count of ledgers of each. */
interface OverviewTotals {
  byStatus: Record<Status, { ledgers: number; tailAmount: number }>;
  /** Every scored ledger's tail payable (final and provisional). */
  tailAmount: number;
  ledgers: number;
}

/** The whole overview: rows sorted by file, the batch's notes added, the totals. */
export interface Overview {
  rows: OverviewRow[];
  totals: OverviewTotals;
}

/** Code-unit order, the same on every machine whatever its locale. */
const byFile = (a: OverviewRow, b: OverviewRow): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

/**
 * @summary The overview of the rows: sorted by file, two ledgers naming the same 合同编号 each
 * warned (the same contract twice?), the tail payable summed by status in fen (no float drift).
 * @example
 * buildOverview(rows).totals.byStatus.final.tailAmount //=> 763740
 */
export function buildOverview(rows: readonly OverviewRow[]): Overview {
  const sorted = [...rows].sort(byFile);
  const byNumber = new Map<string, string[]>();
  for (const r of sorted) {
    const n = r.contract.number?.trim();
    if (n) byNumber.set(n, [...(byNumber.get(n) ?? []), r.file]);
  }
  const out = sorted.map((r) => {
    const n = r.contract.number?.trim();
    const same = n ? byNumber.get(n)! : [];
    if (same.length < 2) return r;
    const note = noteJson({
      code: "duplicate-contract-number",
      number: n!,
      others: same.filter((f) => f !== r.file),
    });
    return { ...r, problems: [...r.problems, note] };
  });
  const fen: Record<Status, number> = { final: 0, provisional: 0, invalid: 0 };
  const count: Record<Status, number> = { final: 0, provisional: 0, invalid: 0 };
  for (const r of out) {
    count[r.status] += 1;
    fen[r.status] += Math.round((r.tailAmount ?? 0) * 100);
  }
  const entry = (s: Status) => ({ ledgers: count[s], tailAmount: fen[s] / 100 });
  return {
    rows: out,
    totals: {
      byStatus: {
        final: entry("final"),
        provisional: entry("provisional"),
        invalid: entry("invalid"),
      },
      tailAmount: (fen.final + fen.provisional) / 100,
      ledgers: out.length,
    },
  };
}

/** The SPEC §12 JSON of a batch. */
export interface BatchJson {
  ledgers: {
    file: string;
    output: string | null;
    status: Status;
    total: number | null;
    tier: string | null;
    tailAmount: number | null;
    contract: ContractIdentity;
    problems: DiagnosticJson[];
  }[];
  overview: string | null;
}

/** @summary The batch's JSON object (SPEC §12), `overview` the workbook written or null. */
export function batchJson(o: Overview, overview: string | null): BatchJson {
  return {
    ledgers: o.rows.map((r) => ({
      file: r.file,
      output: r.output,
      status: r.status,
      total: r.total,
      tier: r.tier,
      tailAmount: r.tailAmount,
      contract: r.contract,
      problems: r.problems,
    })),
    overview,
  };
}

/** The overview workbook's one sheet: a file holding only it may be written over by the next batch. */
export const OVERVIEW_SHEET_NAME = "考核总览";

/** The overview sheet's column headers, Chinese then English (the order of SPEC §12). */
const OVERVIEW_COLUMNS: readonly Bilingual[] = [
  { zh: "文件", en: "File" },
  { zh: "合同名称", en: "Contract" },
  { zh: "合同编号", en: "Contract No." },
  { zh: "乙方", en: "Vendor" },
  { zh: "服务期限", en: "Service period" },
  { zh: "状态", en: "Status" },
  { zh: "总分", en: "Total" },
  { zh: "等级", en: "Tier" },
  { zh: "应付尾款", en: "Tail payable" },
  { zh: "问题", en: "Problems" },
  { zh: "台账指纹", en: "Fingerprint" },
];

/** A cell of the overview: text, or a number with its format (points, or yuan with its sign). */
export type OverviewCell = string | null | { value: number; format: "points" | "yuan" };

/** What shows for an item the ledger did not give (SPEC §9). */
const NOT_GIVEN = "（未填写）(not given)";

/** How a row's problems read in one cell: counts by severity, then the reason or the first warning. */
function problemsCell(r: OverviewRow): string | null {
  if (r.problems.length === 0) return null;
  const n = (s: DiagnosticJson["severity"]) => r.problems.filter((p) => p.severity === s).length;
  const counts = [
    n("error") && `错误 ${n("error")} errors`,
    n("warning") && `警告 ${n("warning")} warnings`,
    n("info") && `提示 ${n("info")} info`,
  ].filter(Boolean);
  const batch = r.problems.filter((p) => p.code === "duplicate-contract-number");
  const lead = r.reason ?? batch[0]?.message ?? null;
  return `${counts.join("，")}${lead ? `：${lead}` : ""}`;
}

/**
 * @summary The overview as rows of cells for a writer: the header, one row per ledger, then the
 * tail payable summed by status and in all.
 */
export function overviewCells(o: Overview): {
  header: string[];
  rows: OverviewCell[][];
  totals: OverviewCell[][];
} {
  const rows = o.rows.map((r): OverviewCell[] => [
    r.file,
    r.status === "invalid" && r.serviceStart === null ? null : (r.contract.name ?? NOT_GIVEN),
    r.status === "invalid" && r.serviceStart === null ? null : (r.contract.number ?? NOT_GIVEN),
    r.status === "invalid" && r.serviceStart === null ? null : (r.contract.vendor ?? NOT_GIVEN),
    r.serviceStart && r.serviceEnd ? `${r.serviceStart} 至 ${r.serviceEnd}` : null,
    both(STATUS_TEXT[r.status]),
    r.total === null ? null : { value: r.total, format: "points" },
    r.tier,
    r.tailAmount === null ? null : { value: r.tailAmount, format: "yuan" },
    problemsCell(r),
    r.fingerprint,
  ]);
  const t = o.totals;
  const line = (label: string, amount: number | null): OverviewCell[] => [
    label,
    ...Array<OverviewCell>(7).fill(null),
    amount === null ? null : { value: amount, format: "yuan" },
    null,
    null,
  ];
  const s = t.byStatus;
  return {
    header: OVERVIEW_COLUMNS.map(both),
    rows,
    totals: [
      line(
        `应付尾款合计（最终 ${s.final.ledgers} 份）Tail payable, final (${s.final.ledgers})`,
        s.final.tailAmount
      ),
      line(
        `应付尾款合计（暂定 ${s.provisional.ledgers} 份）Tail payable, provisional (${s.provisional.ledgers})`,
        s.provisional.tailAmount
      ),
      line(
        `未评分（无效 ${s.invalid.ledgers} 份）Not scored, invalid (${s.invalid.ledgers})`,
        null
      ),
      line(
        `应付尾款总计（共 ${t.ledgers} 份）Tail payable, all scored (${t.ledgers} ledgers)`,
        t.tailAmount
      ),
    ],
  };
}
