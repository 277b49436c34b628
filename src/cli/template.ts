import ExcelJS from "exceljs";
import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { TABLES, askedColumns, isoDay, type TableDef } from "../engine";
import {
  BLANK_ROWS,
  CHECKED_ROWS,
  DATE_FORMAT,
  GUIDE_SHEET,
  GUIDE_WIDTHS,
  SCORE_CHECK_TEXT,
  TIME_FORMAT,
  VOCABULARY,
  guideOf,
  guideRows,
  numberFormatOf,
  startRows,
  listCheckText,
  widthOf,
  type ColumnKind,
} from "../report/template";
import type { Io } from "./io";
import { excelDate } from "./sample";

/**
 * `om-scorecard template [--out FILE]`: an empty ledger workbook to start from (SPEC §8).
 *
 * - the seven tables of SPEC §2 as Excel tables (ListObjects), named and headed by their Chinese
 *   names, each on its own worksheet, with a few blank rows already formatted;
 * - a drop-down list on every column with a fixed vocabulary, a 0–100 check on survey scores and
 *   a (warning-only) date check on date columns; yyyy-mm-dd on date columns, hh:mm on times;
 * - a 说明 sheet: every table and column in Chinese and English, the accepted values, and the
 *   Contract items with the defaults an empty value keeps.
 *
 * It never overwrites a file unless `--force` (SPEC §9): the workbook is written to a temporary
 * file and then hard-linked to its name, which fails when the name exists (even when another
 * program creates it meanwhile). The name must end in .xlsx.
 * exceljs is large: main.ts loads this module only when the command runs. The content (the
 * vocabularies, the column guide, the 说明 rows) is src/report/template.ts, shared with the
 * add-in's 新建台账模板.
 */

export { BLANK_ROWS, CHECKED_ROWS, DATE_FORMAT, GUIDE_SHEET, TIME_FORMAT, VOCABULARY };

function columnLetter(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function validationOf(kind: ColumnKind): ExcelJS.DataValidation | null {
  switch (kind.kind) {
    case "list": {
      const words = VOCABULARY[kind.vocabulary];
      const text = listCheckText(kind.vocabulary);
      return {
        type: "list",
        allowBlank: true,
        formulae: [`"${words.join(",")}"`],
        showInputMessage: true,
        promptTitle: text.title,
        prompt: text.prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: text.errorTitle,
        error: text.error,
      };
    }
    case "date":
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [excelDate(isoDay("2000-01-01")), excelDate(isoDay("2099-12-31"))],
        showErrorMessage: true,
        // A warning only: the reader also takes dates written as text (2024/7/1, 2024年7月1日).
        errorStyle: "warning",
        errorTitle: "不是日期 Not a date",
        error: "请填写日期，如 2024-07-01。Enter a date such as 2024-07-01.",
      };
    case "score":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, 100],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: SCORE_CHECK_TEXT.errorTitle,
        error: SCORE_CHECK_TEXT.error,
      };
    default:
      return null;
  }
}

/**
 * exceljs's range-wide validations (its typings only declare the per-cell `cell.dataValidation`):
 * a range added here is written as one `<dataValidation sqref="C2:C5001">`.
 */
function rangeValidations(ws: ExcelJS.Worksheet): {
  add(range: string, validation: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: ReturnType<typeof rangeValidations> })
    .dataValidations;
}

function addLedgerTable(wb: ExcelJS.Workbook, table: TableDef): void {
  const ws = wb.addWorksheet(table.zh, { views: [{ state: "frozen", ySplit: 1 }] });
  const rows = startRows(table);
  ws.addTable({
    name: table.zh,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: askedColumns(table).map((c) => ({ name: c.zh, filterButton: true })),
    rows,
  });
  askedColumns(table).forEach((column, i) => {
    const kind = guideOf(table, column).kind;
    const col = ws.getColumn(i + 1);
    col.width = widthOf(column, kind);
    const numFmt = numberFormatOf(kind);
    if (numFmt) {
      col.numFmt = numFmt; // the whole column, for the rows the table grows by
      // and the table's own rows, as cells of their own (pre-formatted blank rows)
      for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, i + 1).numFmt = numFmt;
    }
    const v = validationOf(kind);
    const letter = columnLetter(i + 1);
    if (v) rangeValidations(ws).add(`${letter}2:${letter}${CHECKED_ROWS + 1}`, v);
  });
  // Headers stay text whatever the column's format says.
  ws.getRow(1).eachCell((c) => (c.numFmt = "@"));
}

/** Roughly how many character widths a text takes: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1.1;
  return w;
}

/** The 说明 sheet: one grid of topic, Chinese and English, with bold section rows. */
function addGuideSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
    },
  });
  ws.columns = GUIDE_WIDTHS.map((width) => ({ width }));
  for (const row of guideRows()) {
    const r = ws.addRow(row.cells);
    if (row.style === "title") r.font = { bold: true, size: 14 };
    else if (row.style === "head") {
      r.font = { bold: true };
      r.eachCell((c) => {
        c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
      });
    } else if (row.style === "section") {
      r.font = { bold: true };
      r.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    } else {
      r.alignment = { wrapText: true, vertical: "top" };
      // Neither exceljs nor LibreOffice sizes a wrapped row when it opens the file: set its height.
      const lines = Math.max(
        ...row.cells.map((c, k) => (c ? Math.ceil(displayWidth(c) / (GUIDE_WIDTHS[k] - 2)) : 1))
      );
      if (lines > 1) r.height = lines * 15;
    }
  }
}

/** Build the empty ledger workbook (the 说明 sheet first, then the seven tables in TABLES order). */
function buildTemplate(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "OM Scorecard";
  wb.created = new Date(Date.UTC(2025, 6, 1));
  wb.modified = wb.created;
  addGuideSheet(wb);
  for (const table of TABLES) addLedgerTable(wb, table);
  return wb;
}

/** Thrown by writeNewFile when the target exists. */
class FileExists extends Error {}

/**
 * Write bytes to a new file: through a temporary file in the same folder, hard-linked to its
 * name, so the file appears whole or not at all and an existing file (even one created
 * meanwhile) is never replaced. Where hard links are not supported, an exclusive copy.
 */
async function writeNewFile(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, bytes);
  try {
    try {
      await fs.link(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new FileExists();
      if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"].includes(code ?? "")) {
        throw e;
      }
      try {
        await fs.copyFile(tmp, file, constants.COPYFILE_EXCL);
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === "EEXIST") throw new FileExists();
        await fs.rm(file, { force: true }); // ours: the exclusive copy created it
        throw e2;
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Replace a file (--force) through a temporary file beside it, so a failure leaves the old one. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.tmp`
  );
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

export interface TemplateFlags {
  out: string;
  json?: boolean;
  /** Replace an existing file (SPEC §9); without it an existing file is kept. */
  force?: boolean;
}

/** Run `template`: exit 0 when written, 1 when the file exists or cannot be written. */
export async function runTemplate(flags: TemplateFlags, io: Io): Promise<number> {
  const file = flags.out;
  const fail = async (code: string, zh: string, en: string): Promise<number> => {
    if (flags.json) {
      await io.stdout(
        `${JSON.stringify({ status: "error", code, path: file, message: { zh, en } })}\n`
      );
    } else await io.stderr(`${zh} ${en}\n`);
    return 1;
  };
  const exists = (): Promise<number> =>
    fail(
      "file-exists",
      `文件「${file}」已存在，未覆盖；请换一个 --out 文件名。`,
      `The file "${file}" already exists and was not overwritten; choose another --out file.`
    );

  if (path.extname(file).toLowerCase() !== ".xlsx")
    return fail(
      "out-not-xlsx",
      `输出文件「${file}」的扩展名应为 .xlsx：写入的是 Excel 工作簿。`,
      `The output file "${file}" must end in .xlsx: what is written is an Excel workbook.`
    );
  const there = await fs.lstat(file).then(
    () => true,
    () => false
  );
  if (there && !flags.force) return exists();
  try {
    const bytes = new Uint8Array(await buildTemplate().xlsx.writeBuffer());
    if (there) await replaceFile(file, bytes);
    else await writeNewFile(file, bytes);
  } catch (e) {
    if (e instanceof FileExists) return exists();
    const reason = (e as NodeJS.ErrnoException).code;
    if (reason === undefined) throw e; // not the file system: a bug, reported as one
    const why: Record<string, [string, string]> = {
      ENOENT: ["文件夹不存在", "the folder does not exist"],
      ENOTDIR: ["路径中有一项不是文件夹", "a part of the path is not a folder"],
      EACCES: ["没有写入权限", "permission denied"],
      EPERM: ["没有写入权限", "permission denied"],
      EROFS: ["只读文件系统", "read-only file system"],
      ENOSPC: ["磁盘已满", "the disk is full"],
    };
    const [zh, en] = why[reason] ?? [reason, reason];
    return fail(
      "write-failed",
      `无法写入文件「${file}」：${zh}（${reason}）。`,
      `Cannot write the file "${file}": ${en} (${reason}).`
    );
  }
  if (flags.json) await io.stdout(`${JSON.stringify({ status: "written", path: file })}\n`);
  else await io.stdout(`已生成空白台账模板 Ledger template written: ${file}\n`);
  return 0;
}
