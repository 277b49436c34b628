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

const CLI_WORDS: HostWords<"bad-as-of" | "out-is-input" | "out-unwritable" | "file-unreadable"> = {
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
};

wordHostedCodes(CLI_WORDS);
