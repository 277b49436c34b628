/** The one error type the workbook reader throws, and how a file's first bytes are told apart. */

export type WorkbookErrorCode = "file-empty" | "file-not-xlsx" | "file-encrypted" | "file-xls" | "file-csv" | "file-corrupt";

/** A file that is not a readable .xlsx/.xlsm, with a bilingual message saying what to do. */
export class WorkbookError extends Error {
  constructor(
    public code: WorkbookErrorCode,
    public zh: string,
    public en: string,
  ) {
    super(`${en} (${code})`);
    this.name = "WorkbookError";
  }
}

const MESSAGES: Record<WorkbookErrorCode, [string, string]> = {
  "file-empty": [
    "文件是空的（0 字节）。请确认选择了正确的台账文件，或从原始位置重新复制一份。",
    "The file is empty (0 bytes). Check that you chose the right ledger file, or copy it again from where it is kept.",
  ],
  "file-not-xlsx": [
    "这不是 Excel 工作簿（.xlsx/.xlsm）。请在 Excel 或 WPS 中打开台账，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    "This is not an Excel workbook (.xlsx/.xlsm). Open the ledger in Excel or WPS and use Save As → \"Excel Workbook (*.xlsx)\", then assess that file.",
  ],
  "file-encrypted": [
    "工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开，依次点击“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再评分。",
    "The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, go to File → Info → Protect Workbook → Encrypt with Password, clear the password, save, then assess it.",
  ],
  "file-xls": [
    "这是旧版 Excel 97-2003 文件（.xls），不受支持。请在 Excel 或 WPS 中打开，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    "This is a legacy Excel 97-2003 file (.xls), which is not supported. Open it in Excel or WPS and use Save As → \"Excel Workbook (*.xlsx)\", then assess that file.",
  ],
  "file-csv": [
    "这是 CSV 文本文件，不是 Excel 工作簿，无法保存表格和评分结果。请在 Excel 或 WPS 中打开，用“另存为”保存为“Excel 工作簿 (*.xlsx)”后再评分。",
    "This is a CSV text file, not an Excel workbook, so it cannot hold the ledger tables and the result. Open it in Excel or WPS and use Save As → \"Excel Workbook (*.xlsx)\", then assess that file.",
  ],
  "file-corrupt": [
    "工作簿已损坏或不完整（可能复制或下载时中断），无法读取。请在 Excel 中打开它（Excel 会尝试修复），另存为新的 .xlsx 文件，或从备份中取回一份完整的文件。",
    "The workbook is damaged or incomplete (perhaps a copy or download was interrupted) and cannot be read. Open it in Excel (which will try to repair it) and save it as a new .xlsx file, or restore a complete copy from a backup.",
  ],
};

/** A WorkbookError with the standard message for `code`, plus an optional technical detail. */
export function workbookError(code: WorkbookErrorCode, detail?: string): WorkbookError {
  const [zh, en] = MESSAGES[code];
  return new WorkbookError(code, detail ? `${zh}（${detail}）` : zh, detail ? `${en} (${detail})` : en);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_MAGIC.every((x, i) => b[i] === x);
}

function containsUtf16le(b: Uint8Array, text: string): boolean {
  const pat = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pat[i * 2] = text.charCodeAt(i);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(pat) >= 0;
}

/** An OLE compound file: an encrypted OOXML package (Office's "Encrypt with Password") or a legacy .xls. */
export function classifyCfb(b: Uint8Array): "file-encrypted" | "file-xls" {
  return containsUtf16le(b, "EncryptionInfo") || containsUtf16le(b, "EncryptedPackage") ? "file-encrypted" : "file-xls";
}

/**
 * True when the bytes look like delimited text: no NUL or other control bytes besides tab/CR/LF
 * in the first 64 KB, and the first line holds a comma, semicolon or tab. Any encoding that is
 * ASCII-compatible (UTF-8, GB18030) passes; a UTF-16 BOM is accepted too.
 */
export function looksLikeCsv(b: Uint8Array): boolean {
  let s = b.subarray(0, 65536);
  if (s.length >= 2 && ((s[0] === 0xff && s[1] === 0xfe) || (s[0] === 0xfe && s[1] === 0xff))) {
    const le = s[0] === 0xff;
    const chars: number[] = [];
    for (let i = 2; i + 1 < s.length; i += 2) chars.push(le ? s[i] | (s[i + 1] << 8) : (s[i] << 8) | s[i + 1]);
    s = Uint8Array.from(chars.map((c) => (c < 0x80 ? c : 0x80)));
  } else if (s.length >= 3 && s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) s = s.subarray(3);
  let firstLineEnd = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 10 || c === 13) {
      if (firstLineEnd === s.length) firstLineEnd = i;
    } else if (c < 32 && c !== 9) return false;
  }
  const head = s.subarray(0, firstLineEnd);
  if (head.length > 0 && head[0] === 0x3c /* < : HTML or XML, not CSV */) return false;
  return head.includes(44) || head.includes(59) || head.includes(9);
}
