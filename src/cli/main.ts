import { Command, Option } from "commander";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { assess, diag, diagnosticText, parseDateText, type Diagnostic } from "../engine";
import { invalidJson, toJson } from "../report/json";
import { buildSummary } from "../report/summary";
import { getExitCode } from "./exitCode";
import { formatAssessment, formatDiagnostics } from "./print";
import { WorkbookError, readLedgerXlsx, writeScoredCopy } from "./xlsx";

/**
 * The command line: the same engine as the add-in, on .xlsx files.
 *
 *   om-scorecard assess LEDGER.xlsx [--out FILE] [--as-of DATE] [--round-rate] [--json]
 *   om-scorecard sample [--out FILE]
 *
 * Nothing is sent anywhere; the input file is only read. Exit status: 0 for a final or
 * provisional result, 2 for an invalid ledger or an unreadable file (then nothing is written),
 * 1 for wrong usage.
 */

export interface Io {
  stdout: (text: string) => Promise<void>;
  stderr: (text: string) => Promise<void>;
}

/** Write to a stream and wait until it has taken the data (JSON output can be long). */
function writer(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  return (text) =>
    new Promise((resolve, reject) => {
      stream.write(text, (err) => (err ? reject(err) : resolve()));
    });
}

export const processIo: Io = { stdout: writer(process.stdout), stderr: writer(process.stderr) };

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

  let tables;
  try {
    tables = (await readLedgerXlsx(bytes)).tables;
  } catch (e) {
    return failFile(e);
  }

  const assessment = assess(tables, {
    asOf,
    profile: flags.roundRate ? { rateRounding: "whole-percent" } : undefined,
  });
  const code = getExitCode(assessment.status);
  let written: string | null = null;
  if (assessment.status !== "invalid") {
    // Some damaged parts are read only by the writer (styles, content types, relationships):
    // such a file scores but cannot be copied, and says so like any unreadable file.
    let copy: Uint8Array;
    try {
      copy = writeScoredCopy(bytes, buildSummary(assessment));
    } catch (e) {
      return failFile(e);
    }
    await writeAtomically(outPath, copy);
    written = outPath;
  }
  if (flags.json) {
    await io.stdout(`${JSON.stringify(toJson(assessment))}\n`);
  } else {
    await io.stdout(`${formatAssessment(assessment)}\n`);
    await io.stdout(
      written
        ? `\n已写入汇总表「考核结果」：${written}\nSummary sheet written to ${written}\n`
        : "\n台账有错误，未评分，未写入任何文件。The ledger has errors: nothing was scored or written.\n"
    );
  }
  return code;
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
    .argument("<ledger>", "台账文件 ledger workbook (.xlsx / .xlsm)")
    .option("-o, --out <file>", "输出文件 output file (default: LEDGER.scored.xlsx)")
    .option(
      "--as-of <date>",
      "考核日期 as-of date, e.g. 2025-06-30 (default: the Contract table's 考核日期, else the service end)"
    )
    .option(
      "--round-rate",
      "比率先四舍五入到整百分数 round rates half up to a whole percent before the bands"
    )
    .addOption(new Option("--json", "只输出一个 JSON 对象 print exactly one JSON object on stdout"))
    .action(async (ledger: string, flags: AssessFlags) => {
      exitCode = await runAssess(ledger, flags, io);
    });

  program
    .command("sample")
    .description("生成示例台账 Write the bundled sample ledger")
    .option("-o, --out <file>", "输出文件 output file", "sample-ledger.xlsx")
    .action(async (flags: { out: string }) => {
      // Loaded only here: exceljs is large and `assess` never needs it.
      const { writeSampleLedger } = await import("./sample");
      await writeSampleLedger(flags.out);
      await io.stdout(`已生成示例台账 Sample ledger written: ${flags.out}\n`);
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
