import { wordHostedCodes, type HostWords } from "../engine";

/**
 * The command line's own words: its refusals of a flag (--as-of, --out) or of a file it is
 * given by path. The engine's catalogue declares these codes, with their severity and arguments,
 * beside every other code; what they say belongs to the command line, which has the flags.
 * Loading this module gives the words to the catalogue (main.ts imports it first).
 */

const reasonZh = (reason: "ENOENT" | "EISDIR" | null, missing: string): string =>
  reason === "ENOENT" ? missing : reason === "EISDIR" ? "：这是一个文件夹" : "";
const reasonEn = (reason: "ENOENT" | "EISDIR" | null, missing: string): string =>
  reason === "ENOENT" ? missing : reason === "EISDIR" ? ": it is a folder" : "";

/** What went wrong in a command line, by Commander's error code, in Chinese. */
const USAGE_ZH: Record<string, string> = {
  "commander.unknownOption": "未知的选项",
  "commander.unknownCommand": "未知的命令",
  "commander.missingArgument": "缺少参数",
  "commander.optionMissingArgument": "选项缺少值",
  "commander.missingMandatoryOptionValue": "缺少必需的选项",
  "commander.invalidArgument": "参数的值无效",
  "commander.excessArguments": "参数过多",
  "commander.conflictingOption": "选项互相冲突",
};

const CLI_WORDS: HostWords<
  | "bad-as-of"
  | "out-is-input"
  | "out-unwritable"
  | "file-unreadable"
  | "out-exists"
  | "out-not-xlsx"
  | "input-is-scored-copy"
  | "bad-usage"
> = {
  "bad-as-of": (a) => ({
    zh: `--as-of 的值「${a.value}」不是日期，应如 2025-06-30。`,
    en: `--as-of "${a.value}" is not a date; write it like 2025-06-30.`,
  }),
  "out-is-input": () => ({
    zh: "输出文件不能与台账文件相同：台账文件从不修改。请换一个 --out 文件名。",
    en: "The output file cannot be the ledger itself: the ledger is never changed. Choose another --out file.",
  }),
  "out-unwritable": (a) => ({
    zh: `无法写入输出文件「${a.path}」${reasonZh(a.reason, "：所在文件夹不存在")}。请用 --out 指定一个已存在文件夹中的 .xlsx 文件名。`,
    en: `Cannot write the output file "${a.path}"${reasonEn(a.reason, ": its folder does not exist")}. Give --out a .xlsx file name in an existing folder.`,
  }),
  "file-unreadable": (a) => ({
    zh: `无法读取文件「${a.path}」${reasonZh(a.reason, "：文件不存在")}。`,
    en: `Cannot read the file "${a.path}"${reasonEn(a.reason, ": it does not exist")}.`,
  }),
  "out-exists": (a) => ({
    zh: `文件「${a.path}」已存在，未覆盖。请换一个 --out 文件名，或加 --force 覆盖它。`,
    en: `The file "${a.path}" already exists and was not overwritten. Choose another --out file, or add --force to replace it.`,
  }),
  "out-not-xlsx": (a) => ({
    zh: `输出文件「${a.path}」的扩展名应为 ${a.allowed}：写入的是 Excel 工作簿。`,
    en: `The output file "${a.path}" must end in ${a.allowed}: what is written is an Excel workbook.`,
  }),
  "input-is-scored-copy": (a) => ({
    zh: `「${a.path}」已是评分副本；默认输出就是它本身，而台账文件从不修改。请用 --out 指定新副本，如 --out ${a.suggested}。`,
    en: `"${a.path}" is already a scored copy; the default output would be the file itself, and the ledger is never changed. Name a new copy with --out, e.g. --out ${a.suggested}.`,
  }),
  "bad-usage": (a) => ({
    zh: `用法错误：${USAGE_ZH[a.kind] ?? "命令行有误"}（${a.detail}）。运行 om-scorecard --help 查看用法。`,
    en: `Usage error: ${a.detail}. Run om-scorecard --help for the usage.`,
  }),
};

wordHostedCodes(CLI_WORDS);
