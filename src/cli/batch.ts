import { promises as fs } from "node:fs";
import * as path from "node:path";
import { diag, diagnosticText, parseDateText, type Diagnostic } from "../engine";
import { displayWidth } from "../report/cells";
import { both, fmtYuan, STATUS_TEXT } from "../report/labels";
import {
  assessedRow,
  batchJson,
  buildOverview,
  emptyFolderRow,
  OVERVIEW_SHEET_NAME,
  unreadableRow,
  type Overview,
  type OverviewRow,
} from "../report/overview";
import { writeOverviewWorkbook } from "../workbook";
import {
  assessFile,
  checkOutput,
  sheetNamesOfFile,
  writeAtomically,
  type OutputCheck,
} from "./assessFile";
import type { Io } from "./io";
import { nodeCodec } from "./nodeCodec";
import { formatDiagnostics, pad, padStart } from "./print";
// The words of the command line's own diagnostics (file-unreadable, out-unwritable …).
import "./messages";

/**
 * `om-scorecard assess PATH... [--overview FILE.xlsx]` over many ledgers (SPEC §12): each PATH
 * a ledger file or a folder (its .xlsx files, recursively, leaving out `*.scored.xlsx` and `~$*`
 * lock files). Each ledger is read, scored and its scored copy written exactly as a single run
 * does it, one ledger at a time: only its overview row (a few figures) is kept, so memory stays
 * flat however many ledgers the batch holds. A ledger that cannot be scored, a folder with no
 * ledger, two ledgers naming the same 合同编号 — each is a line in the text and a row in the
 * overview, never the end of the batch. Exit 0 when every ledger scored, 2 when any did not.
 */

/** The options a batch takes: a single run's, less --out, plus --overview. */
export interface BatchFlags {
  out?: string;
  force?: boolean;
  asOf?: string;
  json?: boolean;
  roundRate?: boolean;
  tierEdge?: "lower" | "upper";
  overview?: string;
}

/** What one PATH gave: ledger files to score, or a folder that holds none. */
type Found = { kind: "ledger"; file: string } | { kind: "empty-folder"; folder: string };

/** `NAME.scored.xlsx` and Excel's `~$NAME.xlsx` lock files are not ledgers. */
function isLedgerName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".xlsx") && !lower.endsWith(".scored.xlsx") && !name.startsWith("~$");
}

/** The .xlsx ledgers under a folder, recursively, in code-unit order of their paths. */
async function ledgersUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  for (const e of entries) {
    const p = path.join(folder, e.name);
    if (e.isDirectory()) out.push(...(await ledgersUnder(p)));
    else if (!isLedgerName(e.name)) continue;
    else if (e.isFile()) out.push(p);
    // A link to a ledger file is followed; a link to a folder is not (it could loop).
    else if (e.isSymbolicLink() && (await fs.stat(p).catch(() => null))?.isFile()) out.push(p);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * @summary The ledgers the PATHs name, each once (a file named twice, or named and inside a
 * named folder, is scored once), leaving out `exclude` (the overview being written). A PATH that
 * is not a folder is taken as a ledger file, even when it cannot be read: its run says why.
 */
async function findLedgers(paths: readonly string[], exclude: string[] = []): Promise<Found[]> {
  const seen = new Set(exclude.map((p) => path.resolve(p)));
  const found: Found[] = [];
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ kind: "ledger", file });
  };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) {
      const files = (await ledgersUnder(p)).filter((f) => !seen.has(path.resolve(f)));
      if (files.length === 0) found.push({ kind: "empty-folder", folder: p });
      files.forEach(add);
    } else add(p);
  }
  return found;
}

/** Whether `assess PATH...` is a batch: more than one PATH, a folder, or an overview asked for. */
export async function isBatch(paths: readonly string[], flags: BatchFlags): Promise<boolean> {
  if (paths.length !== 1 || flags.overview !== undefined) return true;
  const stat = await fs.stat(paths[0]).catch(() => null);
  return stat?.isDirectory() === true;
}

interface RunOptions {
  asOf: number | undefined;
  roundRate: boolean;
  tierEdge: "lower" | "upper" | undefined;
  force: boolean;
  now: () => Date;
}

/**
 * @summary Score one ledger file and write its scored copy beside it as a single `assess FILE`
 * run does (`assessFile`: same refusals, reader, pipeline, writer and clock, so the same bytes);
 * returns its overview row, and whether its copy replaced an earlier scored copy. Nothing of the
 * ledger outlives the call but that row.
 */
async function scoreOne(
  file: string,
  opts: RunOptions,
  checked: OutputCheck | undefined
): Promise<{ row: OverviewRow; replaced: boolean }> {
  const run = await assessFile(
    file,
    { force: opts.force },
    {
      asOf: opts.asOf,
      profile: {
        ...(opts.roundRate ? { rateRounding: "whole-percent" as const } : {}),
        ...(opts.tierEdge ? { tierEdge: opts.tierEdge } : {}),
      },
    },
    opts.now(),
    checked
  );
  if (run.kind !== "assessed")
    return { row: unreadableRow(file, [run.diagnostic]), replaced: false };
  return {
    row: assessedRow(file, run.assessment, { fingerprint: run.fingerprint, output: run.output }),
    replaced: run.replaced,
  };
}

/** A row's figures in one short phrase: status, total, tier, tail payable. */
function figures(r: OverviewRow): string[] {
  return [
    both(STATUS_TEXT[r.status]),
    r.total === null ? "—" : r.total.toFixed(2),
    r.tier ?? "—",
    r.tailAmount === null ? "—" : fmtYuan(Math.round(r.tailAmount * 100)),
  ];
}

/** The progress line of ledger `i` of `n` as it finishes. */
function progressLine(i: number, n: number, r: OverviewRow): string {
  return `[${i}/${n}] ${r.file}  ${figures(r).join("  ")}`;
}

/** @summary The batch as text: one line per ledger, the problems that stopped or flag one, the totals. */
function formatBatch(o: Overview, overview: string | null, replaced: number): string {
  const cells = o.rows.map((r) => [r.file, ...figures(r), r.output ? `→ ${r.output}` : ""]);
  const head = [
    "文件 File",
    "状态 Status",
    "总分 Total",
    "等级 Tier",
    "应付尾款 Payable",
    "已写入 Written",
  ];
  const all = [head, ...cells];
  const w = head.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]))));
  const lines = [
    `运维考核评分 OM Scorecard — ${o.totals.ledgers} 份台账 ledgers`,
    "",
    ...all.map((r) =>
      `  ${r.map((c, i) => (i === 2 || i === 4 ? padStart(c, w[i]) : i === 5 ? c : pad(c, w[i]))).join("  ")}`.trimEnd()
    ),
  ];
  const flagged = o.rows.filter(
    (r) => r.status === "invalid" || r.problems.some((p) => p.code === "duplicate-contract-number")
  );
  if (flagged.length > 0) {
    lines.push("", "问题 Problems:");
    for (const r of flagged) {
      if (r.reason) lines.push(`  [错误 error] ${r.file}：${r.reason}`);
      for (const p of r.problems.filter((x) => x.code === "duplicate-contract-number"))
        lines.push(`  [警告 warning] ${r.file}：${p.message}`);
    }
  }
  const s = o.totals.byStatus;
  lines.push(
    "",
    `合计 Totals: 最终 final ${s.final.ledgers} 份 ${fmtYuan(Math.round(s.final.tailAmount * 100))}；暂定 provisional ${s.provisional.ledgers} 份 ${fmtYuan(Math.round(s.provisional.tailAmount * 100))}；无效 invalid ${s.invalid.ledgers} 份`,
    `应付尾款总计 Tail payable, all scored: ${fmtYuan(Math.round(o.totals.tailAmount * 100))}`
  );
  if (replaced > 0)
    lines.push(
      "",
      `已替换 ${replaced} 份上次的评分副本（同名 *.scored.xlsx）。Replaced ${replaced} earlier scored ${replaced === 1 ? "copy" : "copies"} of the same name.`
    );
  if (overview) lines.push("", `已写入总览 Overview written: ${overview}`);
  return lines.join("\n");
}

/**
 * A batch that stops before anything runs: `error` as the one JSON object's `error` under --json,
 * else `shown` on stderr; exit `code`.
 */
async function stop(
  io: Io,
  json: boolean | undefined,
  error: string,
  shown: string,
  code: 1 | 2
): Promise<number> {
  if (json) await io.stdout(`${JSON.stringify({ ledgers: [], overview: null, error })}\n`);
  else await io.stderr(shown);
  return code;
}

/** A refusal before anything runs (exit 1): one bilingual line, or one JSON object under --json. */
function usage(io: Io, json: boolean | undefined, zh: string, en: string): Promise<number> {
  return stop(io, json, `${zh} / ${en}`, `[错误 error] ${zh}\n    ${en}\n`, 1);
}

/**
 * The batch's ledgers whose copies may not be written (exit 1, nothing written): one line each,
 * as a single run words it, and what to do about them all.
 */
function refuseAll(
  io: Io,
  json: boolean | undefined,
  refusals: readonly Diagnostic[]
): Promise<number> {
  const lines = refusals.map((d) => `${diagnosticText(d)} (${d.code})`);
  const exists = refusals.some((d) => d.code === "out-exists");
  // An earlier scored copy is replaced without asking: what stops the batch is any other file.
  const zh = exists ? "未评分任何台账。要覆盖上述已有文件，请加 --force。" : "未评分任何台账。";
  const en = exists
    ? "No ledger was scored. To replace the files named above, add --force."
    : "No ledger was scored.";
  return stop(
    io,
    json,
    [...lines, `${zh} / ${en}`].join("\n"),
    `${lines.map((l) => `[错误 error] ${l}\n`).join("")}    ${zh}\n    ${en}\n`,
    1
  );
}

/**
 * @summary Run `assess PATH...` as a batch (see the module's comment). Progress goes to stderr —
 * one line per ledger as it finishes, redrawn in place while it runs when stderr is a terminal —
 * never into stdout, so `--json` prints exactly one object.
 */
export async function runBatch(
  paths: readonly string[],
  flags: BatchFlags,
  io: Io
): Promise<number> {
  if (flags.out !== undefined)
    return usage(
      io,
      flags.json,
      "--out 只能用于单个台账文件；批量评分时每份台账写入各自的 NAME.scored.xlsx。",
      "--out takes a single ledger file; in a batch each ledger is written to its own NAME.scored.xlsx."
    );
  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    const d = parseDateText(flags.asOf);
    if (d === null) {
      const text = formatDiagnostics([diag("bad-as-of", {}, { value: flags.asOf })]).join("\n");
      return stop(io, flags.json, text, `${text}\n`, 2);
    }
    asOf = d;
  }
  const overviewPath = flags.overview ?? null;
  if (overviewPath !== null) {
    const problem = await overviewPathProblem(overviewPath);
    if (problem) return usage(io, flags.json, problem.zh, problem.en);
  }

  const found = await findLedgers(paths, overviewPath ? [overviewPath] : []);
  // SPEC §9 for every ledger before the first is scored: a scored copy named as a ledger, or a
  // file other than an earlier scored copy where its copy goes (without --force), stops the
  // batch with nothing written.
  const refusals: Diagnostic[] = [];
  const checks = new Map<string, OutputCheck>();
  for (const f of found)
    if (f.kind === "ledger") {
      const check = await checkOutput(f.file, { force: flags.force });
      checks.set(f.file, check);
      if (check.refusal) refusals.push(check.refusal);
    }
  if (refusals.length > 0) return refuseAll(io, flags.json, refusals);
  const n = found.length;
  const tty = io.stderrIsTTY === true;
  const rows: OverviewRow[] = [];
  let replaced = 0;
  const opts: RunOptions = {
    asOf,
    roundRate: flags.roundRate === true,
    tierEdge: flags.tierEdge,
    force: flags.force === true,
    now: io.now ?? (() => new Date()),
  };
  for (const [k, f] of found.entries()) {
    const name = f.kind === "ledger" ? f.file : f.folder;
    if (tty) await io.stderr(`\r\x1b[K[${k + 1}/${n}] 正在评分 scoring ${name} …`);
    const one =
      f.kind === "ledger"
        ? await scoreOne(f.file, opts, checks.get(f.file))
        : { row: emptyFolderRow(f.folder), replaced: false };
    const { row } = one;
    if (one.replaced) replaced++;
    rows.push(row);
    await io.stderr(`${tty ? "\r\x1b[K" : ""}${progressLine(k + 1, n, row)}\n`);
  }
  const overview = buildOverview(rows);
  if (overviewPath !== null) {
    // The same writer as the web page's 下载总览工作簿 (src/workbook/overviewWorkbook.ts).
    await writeAtomically(overviewPath, writeOverviewWorkbook(overview, nodeCodec));
  }
  if (flags.json) await io.stdout(`${JSON.stringify(batchJson(overview, overviewPath))}\n`);
  else await io.stdout(`${formatBatch(overview, overviewPath, replaced)}\n`);
  return overview.rows.some((r) => r.status === "invalid") ? 2 : 0;
}

/** Why the overview cannot be written there: not .xlsx, or its folder is missing. */
async function overviewPathProblem(file: string): Promise<{ zh: string; en: string } | null> {
  if (path.extname(file).toLowerCase() !== ".xlsx")
    return {
      zh: `总览文件「${file}」应以 .xlsx 结尾。`,
      en: `The overview file "${file}" must end in .xlsx.`,
    };
  const dir = await fs.stat(path.dirname(path.resolve(file))).catch(() => null);
  if (!dir?.isDirectory())
    return {
      zh: `无法写入总览文件「${file}」：所在文件夹不存在。`,
      en: `Cannot write the overview file "${file}": its folder does not exist.`,
    };
  const self = await fs.stat(file).catch(() => null);
  if (self?.isDirectory())
    return {
      zh: `无法写入总览文件「${file}」：这是一个文件夹。`,
      en: `Cannot write the overview file "${file}": it is a folder.`,
    };
  // Only an earlier overview is written over: never a ledger, nor any other workbook.
  if (self && !(await isOverviewWorkbook(file)))
    return {
      zh: `总览文件「${file}」已存在，且不是总览工作簿（只含「${OVERVIEW_SHEET_NAME}」表）：不会覆盖它。请换一个文件名。`,
      en: `The overview file "${file}" exists and is not an overview workbook (only a "${OVERVIEW_SHEET_NAME}" sheet): it is not written over. Choose another name.`,
    };
  return null;
}

/** Whether the file is an overview an earlier batch wrote: a workbook whose one sheet is 考核总览. */
async function isOverviewWorkbook(file: string): Promise<boolean> {
  const names = await sheetNamesOfFile(file);
  return names !== null && names.length === 1 && names[0] === OVERVIEW_SHEET_NAME;
}
