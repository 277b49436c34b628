import { Command, Option } from "commander";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  RUN_LOG_SHEET_NAME,
  SUMMARY_SHEET_NAME,
  diag,
  diagnosticText,
  parseDateText,
  type Diagnostic,
} from "../engine";
import type { Sha256 } from "../report/fingerprint";
import { diagnosticJson, invalidJson, toJson } from "../report/json";
import { scoreLedger, writePlan } from "../report/pipeline";
import type { RunRecord } from "../report/runLog";
import { verify, verifyExitCode } from "../report/verify";
import { getExitCode } from "./exitCode";
import { processIo, type Io } from "./io";
import { formatAssessment, formatDiagnostics, formatVerify } from "./print";
import { WorkbookError, readLedgerXlsx, writeScoredCopy, type WriteReport } from "../workbook";
import { nodeCodec } from "./nodeCodec";
import { isBatch, runBatch, type BatchFlags } from "./batch";
// The words of the command line's own diagnostics (bad-as-of, out-unwritable …).
import "./messages";

/**
 * The command line: the same engine as the add-in, on .xlsx files.
 *
 *   om-scorecard assess LEDGER.xlsx [--out FILE] [--as-of DATE] [--round-rate]
 *                                   [--tier-edge lower|upper] [--json]
 *   om-scorecard assess PATH... [--overview FILE.xlsx] [--as-of DATE] …  (many ledgers: batch.ts)
 *   om-scorecard verify SCORED.xlsx [--json]
 *   om-scorecard sample [--out FILE] [--dingtalk]
 *   om-scorecard template [--out FILE] [--json]
 *
 * Nothing is sent anywhere; the input file is only read. Exit status: 0 for a final or
 * provisional result, 2 for an invalid ledger or an unreadable file (then nothing is written),
 * 1 for wrong usage, and for a template that was not written (the file exists, or cannot be written).
 * verify: 0 match, 3 differs, 2 unreadable or no summary.
 */

/** Node's SHA-256 for the ledger fingerprint (the same digest as the add-in's, faster). */
function nodeSha256(): Sha256 {
  const h = createHash("sha256");
  return { update: (text) => void h.update(text, "utf8"), hex: () => h.digest("hex") };
}

export type { Io } from "./io";

/** The tier-edge option's values. */
export const TIER_EDGES = ["lower", "upper"] as const;

/** `LEDGER.xlsx` → `LEDGER.scored.xlsx` (same folder, same extension). */
export function defaultOutPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.scored${ext || ".xlsx"}`);
}

interface AssessFlags {
  out?: string;
  asOf?: string;
  json?: boolean;
  roundRate?: boolean;
  tierEdge?: (typeof TIER_EDGES)[number];
}

/** Write bytes to a file through a temporary file in the same folder, so a failure leaves no half file. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Why the output file cannot be written: its folder is missing, or it is a folder. */
async function outPathProblem(out: string): Promise<"ENOENT" | "EISDIR" | null> {
  const isDir = async (p: string): Promise<boolean | null> =>
    fs.stat(p).then(
      (s) => s.isDirectory(),
      () => null
    );
  if ((await isDir(out)) === true) return "EISDIR";
  return (await isDir(path.dirname(path.resolve(out)))) === true ? null : "ENOENT";
}

async function runAssess(ledgerPath: string, flags: AssessFlags, io: Io): Promise<number> {
  const fail = async (d: Diagnostic): Promise<number> => {
    if (flags.json) await io.stdout(`${JSON.stringify(invalidJson([d]))}\n`);
    else await io.stderr(`${formatDiagnostics([d]).join("\n")}\n`);
    return 2;
  };
  /** A file the reader or the writer refuses is reported like any ledger error; anything else is a bug. */
  const failFile = (e: unknown): Promise<number> => {
    if (e instanceof WorkbookError) return fail(e.diagnostic);
    throw e;
  };

  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    const d = parseDateText(flags.asOf);
    if (d === null) {
      return fail(diag("bad-as-of", {}, { value: flags.asOf }));
    }
    asOf = d;
  }
  const outPath = flags.out ?? defaultOutPath(ledgerPath);
  if (path.resolve(outPath) === path.resolve(ledgerPath)) {
    return fail(diag("out-is-input", {}, {}));
  }

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(ledgerPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      diag(
        "file-unreadable",
        {},
        { path: ledgerPath, reason: code === "ENOENT" || code === "EISDIR" ? code : null }
      )
    );
  }

  // A bad --out (a missing folder, or a folder) is wrong usage: exit 1 with one line.
  const outProblem = await outPathProblem(outPath);
  if (outProblem) {
    const d = diag("out-unwritable", {}, { path: outPath, reason: outProblem });
    if (flags.json) await io.stdout(`${JSON.stringify(invalidJson([d]))}\n`);
    else await io.stderr(`[错误 error] ${diagnosticText(d)} (${d.code})\n`);
    return 1;
  }

  let read;
  try {
    read = await readLedgerXlsx(bytes, nodeCodec);
  } catch (e) {
    return failFile(e);
  }
  // Refused before anything is written: sheets cannot be added to a structure-protected workbook.
  if (read.structureLocked) return fail(diag("workbook-structure-protected", {}, {}));

  const scored = scoreLedger(
    read.tables,
    {
      asOf,
      profile: {
        ...(flags.roundRate ? { rateRounding: "whole-percent" as const } : {}),
        ...(flags.tierEdge ? { tierEdge: flags.tierEdge } : {}),
      },
    },
    nodeSha256
  );
  let assessment = scored.assessment;
  const { fingerprint } = scored;
  const code = getExitCode(assessment.status);
  let record: RunRecord | null = null;
  let written: string | null = null;
  if (assessment.status !== "invalid") {
    const plan = writePlan(assessment, fingerprint, {
      previousLog: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
      now: (io.now ?? (() => new Date()))(),
    });
    record = plan.record;
    // Some damaged parts are read only by the writer (styles, content types, relationships):
    // such a file scores but cannot be copied, and says so like any unreadable file.
    let copy: Uint8Array;
    const report: WriteReport = {};
    try {
      copy = writeScoredCopy(bytes, plan.summary, nodeCodec, plan.log, report);
    } catch (e) {
      return failFile(e);
    }
    // A name the user already defined is kept (SPEC §7): a warning each, shown with the rest.
    const kept = (report.names?.kept ?? []).map((name) => diag("function-name-kept", {}, { name }));
    if (kept.length > 0)
      assessment = { ...assessment, diagnostics: [...assessment.diagnostics, ...kept] };
    await writeAtomically(outPath, copy);
    written = outPath;
  }
  if (flags.json) {
    await io.stdout(`${JSON.stringify(toJson(assessment, { fingerprint, record }))}\n`);
  } else {
    await io.stdout(`${formatAssessment(assessment, { fingerprint, record })}\n`);
    await io.stdout(
      written
        ? `\n已写入汇总表「考核结果」：${written}\nSummary sheet written to ${written}\n`
        : "\n台账有错误，未评分，未写入任何文件。The ledger has errors: nothing was scored or written.\n"
    );
  }
  return code;
}

async function runVerify(file: string, flags: { json?: boolean }, io: Io): Promise<number> {
  const fail = async (d: Diagnostic): Promise<number> => {
    if (flags.json)
      await io.stdout(
        `${JSON.stringify({ outcome: "unreadable", findings: invalidJson([d]).diagnostics })}\n`
      );
    else await io.stderr(`${formatDiagnostics([d]).join("\n")}\n`);
    return 2;
  };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      diag(
        "file-unreadable",
        {},
        { path: file, reason: code === "ENOENT" || code === "EISDIR" ? code : null }
      )
    );
  }
  let read;
  try {
    read = readLedgerXlsx(bytes, nodeCodec);
  } catch (e) {
    if (e instanceof WorkbookError) return fail(e.diagnostic);
    throw e;
  }
  const result = verify({
    hasher: nodeSha256,
    tables: read.tables,
    summary: read.toolSheets[SUMMARY_SHEET_NAME] ?? null,
    log: read.toolSheets[RUN_LOG_SHEET_NAME] ?? null,
  });
  if (flags.json) {
    await io.stdout(
      `${JSON.stringify({
        outcome: result.outcome,
        ledgerChanged: result.ledgerChanged,
        fingerprint: result.fingerprint,
        scoredFingerprint: result.latest?.fingerprint ?? null,
        run: result.latest && {
          seq: result.latest.seq,
          time: result.latest.time,
          options: result.latest.options,
        },
        findings: result.findings.map((d) => diagnosticJson(d)),
      })}\n`
    );
  } else await io.stdout(`${formatVerify(result)}\n`);
  return verifyExitCode(result.outcome);
}

/**
 * @summary Run the command line with the given arguments (without `node` and the script).
 * Returns the exit status; never calls process.exit, so tests can call it directly.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name("om-scorecard")
    .description(
      "运维考核评分：按合同考核条款从监理台账计算得分。Scores an O&M contract from the supervisor's ledger workbook."
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout(s),
      writeErr: (s) => void io.stderr(s),
    });

  program
    .command("assess")
    .description("评分并把汇总表写入台账副本 Score a ledger and write the summary into a copy")
    .argument(
      "<paths...>",
      "台账文件或文件夹 ledger workbooks (.xlsx / .xlsm) or folders of them (SPEC §12: many at once)"
    )
    .option("-o, --out <file>", "输出文件 output file (default: LEDGER.scored.xlsx)")
    .option(
      "--as-of <date>",
      "考核日期 as-of date, e.g. 2025-06-30 (default: the Contract table's 考核日期, else the service end)"
    )
    .option(
      "--round-rate",
      "比率先四舍五入到整百分数 round rates half up to a whole percent before the bands"
    )
    .addOption(
      new Option(
        "--tier-edge <edge>",
        "边界分数归属 a total on a tier edge (85) is in the lower tier (B, default) or the upper one (A)"
      ).choices(TIER_EDGES)
    )
    .option(
      "--overview <file>",
      "多份台账的总览工作簿 write an overview workbook, one row per ledger (.xlsx)"
    )
    .addOption(new Option("--json", "只输出一个 JSON 对象 print exactly one JSON object on stdout"))
    .action(async (paths: string[], flags: AssessFlags & BatchFlags) => {
      // One ledger file keeps the single run; several, a folder or --overview is a batch.
      exitCode = (await isBatch(paths, flags))
        ? await runBatch(paths, flags, io)
        : await runAssess(paths[0], flags, io);
    });

  program
    .command("verify")
    .description(
      "核对已评分的工作簿 Check a scored workbook: recompute from its ledger with the logged options and compare (exit 0 match, 3 differs, 2 unreadable)"
    )
    .argument("<scored>", "已评分的工作簿 scored workbook (.xlsx / .xlsm)")
    .addOption(new Option("--json", "只输出一个 JSON 对象 print exactly one JSON object on stdout"))
    .action(async (file: string, flags: { json?: boolean }) => {
      exitCode = await runVerify(file, flags, io);
    });

  program
    .command("sample")
    .description("生成示例台账 Write the bundled sample ledger")
    .option("-o, --out <file>", "输出文件 output file", "sample-ledger.xlsx")
    .option(
      "--dingtalk",
      "考勤写成钉钉“每日统计”导出格式（评分与标准示例相同）write the punches as a DingTalk daily-statistics export (scores as the tidy sample)"
    )
    .action(async (flags: { out: string; dingtalk?: boolean }) => {
      // Loaded only here: exceljs is large and `assess` never needs it.
      const { writeSampleLedger } = await import(/* webpackChunkName: "cli/sample" */ "./sample");
      await writeSampleLedger(flags.out, { dingtalk: flags.dingtalk === true });
      await io.stdout(`已生成示例台账 Sample ledger written: ${flags.out}\n`);
    });

  program
    .command("template")
    .description(
      "生成空白台账模板（不覆盖已有文件）Write an empty ledger template (never overwrites a file)"
    )
    .option("-o, --out <file>", "输出文件 output file", "ledger-template.xlsx")
    .addOption(new Option("--json", "只输出一个 JSON 对象 print exactly one JSON object on stdout"))
    .action(async (flags: { out: string; json?: boolean }) => {
      // Loaded only here, like `sample`: exceljs is large and `assess` never needs it.
      const { runTemplate } = await import(/* webpackChunkName: "cli/template" */ "./template");
      exitCode = await runTemplate(flags, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (typeof err.code === "string" && err.code.startsWith("commander.")) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 1;
    }
    throw e;
  }
  return exitCode;
}
