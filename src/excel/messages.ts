import { wordHostedCodes, type HostWords } from "../engine";

/**
 * The add-in's own words: what Excel itself lacks or refuses (a version that cannot report
 * merged cells, a protected sheet), with the Excel menu that helps. The engine's catalogue
 * declares these codes, with their severity and arguments, beside every other code; what they
 * say belongs to the add-in. Loading this module gives the words to the catalogue (index.ts
 * imports it first).
 */

const EXCEL_WORDS: HostWords<"merged-cells-not-read" | "sheet-protected"> = {
  "merged-cells-not-read": () => ({
    zh: "此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），合并单元格只在左上角单元格有值。如有合并的「日期」「姓名」等单元格，请取消合并并填充每一行，或使用命令行评分。",
    en: "This Excel version cannot report merged cells (ExcelApi 1.13 is needed): a merged range has its value only in its top-left cell. Unmerge and fill cells such as Date or Name on every row, or score with the command line.",
  }),
  "sheet-protected": (a) => ({
    zh: `工作表「${a.sheet}」受保护，无法写入考核结果。请在“审阅 > 撤消工作表保护”中取消保护后重试；台账未作任何改动。`,
    en: `The sheet ${a.sheet} is protected, so the results cannot be written. Unprotect it (Review > Unprotect Sheet) and try again; nothing was changed.`,
  }),
};

wordHostedCodes(EXCEL_WORDS);
