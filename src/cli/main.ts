import { Command, Option } from "commander";
import { diag, diagnosticText, parseDateText, type Diagnostic } from "../engine";
import { diagnosticJson, invalidJson, toJson } from "../report/json";
import { verifyExitCode } from "../report/verify";
import { getExitCode } from "./exitCode";
import { processIo, type Io } from "./io";
import { formatAssessment, formatDiagnostics, formatVerify } from "./print";
import { checkWorkbook } from "../workbook";
import { nodeCodec } from "./nodeCodec";
import { outFileProblem } from "./outFile";
import { assessFile, nodeSha256, readFileOrWhy } from "./assessFile";
import { PROGRAM_VERSION } from "../report/version";
import { isBatch, runBatch, type BatchFlags } from "./batch";
// The words of the command line's own diagnostics (bad-as-of, out-unwritable …).
import "./messages";

/**
 * The command line: the same engine as the add-in, on .xlsx files.
 *
 *   om-scorecard assess LEDGER.xlsx [--out FILE] [--force] [--as-of DATE] [--round-rate]
 *                                   [--tier-edge lower|upper] [--json]
 *   om-scorecard assess PATH... [--overview FILE.xlsx] [--as-of DATE] …  (many ledgers: batch.ts)
 *   om-scorecard verify SCORED.xlsx [--json]
 *   om-scorecard sample [--out FILE] [--force] [--dingtalk]
 *   om-scorecard template [--out FILE] [--force] [--json]
 *   om-scorecard --version
 *
 * Nothing is sent anywhere; the input file is only read. Exit status: 0 for a final or
 * provisional result, 2 for an invalid ledger or an unreadable file (then nothing is written),
 * 1 for wrong usage (bilingual, one JSON object under --json): an output file that exists
 * without --force, an output not named .xlsx, a scored copy given without --out, and for a
 * template or sample that was not written. verify: 0 match, 3 differs, 2 unreadable or no summary.
 */

export type { Io } from "./io";

/** The tier-edge option's values. */
export const TIER_EDGES = ["lower", "upper"] as const;

interface AssessFlags {
  out?: string;
  force?: boolean;
  asOf?: string;
  json?: boolean;
  roundRate?: boolean;
  tierEdge?: (typeof TIER_EDGES)[number];
}

async function runAssess(ledgerPath: string, flags: AssessFlags, io: Io): Promise<number> {
  const fail = async (d: Diagnostic): Promise<number> => {
    if (flags.json) await io.stdout(`${JSON.stringify({ ...invalidJson([d]), output: null })}\n`);
    else await io.stderr(`${formatDiagnostics([d]).join("\n")}\n`);
    return 2;
  };
  let asOf: number | undefined;
  if (flags.asOf !== undefined) {
    const d = parseDateText(flags.asOf);
    if (d === null) {
      return fail(diag("bad-as-of", {}, { value: flags.asOf }));
    }
    asOf = d;
  }
  /** Wrong usage: one line (or one JSON object), exit 1, nothing written. */
  const refuse = async (d: Diagnostic): Promise<number> => {
    if (flags.json) await io.stdout(`${JSON.stringify({ ...invalidJson([d]), output: null })}\n`);
    else await io.stderr(`[错误 error] ${diagnosticText(d)} (${d.code})\n`);
    return 1;
  };
  const run = await assessFile(
    ledgerPath,
    flags,
    {
      asOf,
      profile: {
        ...(flags.roundRate ? { rateRounding: "whole-percent" as const } : {}),
        ...(flags.tierEdge ? { tierEdge: flags.tierEdge } : {}),
      },
    },
    (io.now ?? (() => new Date()))()
  );
  if (run.kind === "usage") return refuse(run.diagnostic);
  if (run.kind === "failed") return fail(run.diagnostic);
  const { assessment, fingerprint, record, output: written, replaced } = run;
  const code = getExitCode(assessment.status);
  if (flags.json) {
    await io.stdout(
      `${JSON.stringify({ ...toJson(assessment, { fingerprint, record }), output: written })}\n`
    );
  } else {
    await io.stdout(`${formatAssessment(assessment, { fingerprint, record })}\n`);
    await io.stdout(
      written
        ? `\n已写入汇总表「考核结果」：${written}\nSummary sheet written to ${written}\n${
            replaced
              ? "（已替换上次的评分副本；要保留它，请用 --out 另存。Replaced the earlier scored copy; to keep it, write to another file with --out.）\n"
              : ""
          }`
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
  const bytes = await readFileOrWhy(file);
  if (!(bytes instanceof Uint8Array)) return fail(bytes);
  const checked = checkWorkbook(bytes, { codec: nodeCodec, hasher: nodeSha256 });
  if (checked.kind === "refused") return fail(checked.diagnostic);
  const { result } = checked;
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
    .version(PROGRAM_VERSION, "-V, --version", "显示版本 print the version")
    .helpOption("-h, --help", "显示用法 show the usage")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout(s),
      writeErr: (s) => void io.stderr(s),
      // Usage errors are reported below, bilingual (and as JSON under --json), not as Commander words them.
      outputError: () => undefined,
    });

  program
    .command("assess")
    .description("评分并把汇总表写入台账副本 Score a ledger and write the summary into a copy")
    .argument(
      "<paths...>",
      "台账文件或文件夹 ledger workbooks (.xlsx / .xlsm) or folders of them (SPEC §12: many at once)"
    )
    .option("-o, --out <file>", "输出文件 output file, .xlsx (default: LEDGER.scored.xlsx)")
    .option("-f, --force", "覆盖已存在的输出文件 replace an existing output file")
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
    .option("-o, --out <file>", "输出文件 output file, .xlsx", "sample-ledger.xlsx")
    .option("-f, --force", "覆盖已存在的输出文件 replace an existing output file")
    .option(
      "--dingtalk",
      "考勤写成钉钉“每日统计”导出格式（评分与标准示例相同）write the punches as a DingTalk daily-statistics export (scores as the tidy sample)"
    )
    .action(async (flags: { out: string; force?: boolean; dingtalk?: boolean }) => {
      const refused = await outFileProblem(flags.out, { force: flags.force === true });
      if (refused) {
        await io.stderr(`[错误 error] ${diagnosticText(refused)} (${refused.code})\n`);
        exitCode = 1;
        return;
      }
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
    .option("-o, --out <file>", "输出文件 output file, .xlsx", "ledger-template.xlsx")
    .option("-f, --force", "覆盖已存在的输出文件 replace an existing output file")
    .addOption(new Option("--json", "只输出一个 JSON 对象 print exactly one JSON object on stdout"))
    .action(async (flags: { out: string; json?: boolean; force?: boolean }) => {
      // Loaded only here, like `sample`: exceljs is large and `assess` never needs it.
      const { runTemplate } = await import(/* webpackChunkName: "cli/template" */ "./template");
      exitCode = await runTemplate(flags, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (typeof err.code === "string" && err.code.startsWith("commander.")) {
      if (["commander.helpDisplayed", "commander.version", "commander.help"].includes(err.code))
        return 0;
      // SPEC §9: a usage error is one bilingual line, or one JSON object under --json.
      const detail = (err.message ?? "").replace(/^error:\s*/i, "").trim();
      const d = diag("bad-usage", {}, { kind: err.code, detail });
      if (argv.includes("--json")) await io.stdout(`${JSON.stringify(invalidJson([d]))}\n`);
      else await io.stderr(`[错误 error] ${diagnosticText(d)} (${d.code})\n`);
      return 1;
    }
    throw e;
  }
  return exitCode;
}
