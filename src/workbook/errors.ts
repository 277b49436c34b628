import { diag, diagnosticText, type Diagnostic, type FileErrorCode } from "../engine";

/** The one error type the workbook reader throws, and how a file's first bytes are told apart. */

export type WorkbookErrorCode = FileErrorCode;

/**
 * A file that is not a readable .xlsx/.xlsm. Its words are the diagnostic catalogue's (one
 * message per code, saying what to do), with an optional technical detail.
 */
export class WorkbookError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(
    public readonly code: WorkbookErrorCode,
    public readonly detail?: string
  ) {
    const d = diag(code, {}, detail ? { detail } : {});
    super(`${diagnosticText(d)} (${code})`);
    this.name = "WorkbookError";
    this.diagnostic = d;
  }
}

/** A WorkbookError for `code`, plus an optional technical detail. */
export function workbookError(code: WorkbookErrorCode, detail?: string): WorkbookError {
  return new WorkbookError(code, detail);
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_MAGIC.every((x, i) => b[i] === x);
}

/** Whether the bytes hold `text` (ASCII) encoded as UTF-16LE, anywhere. */
function containsUtf16le(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const last = b.length - text.length * 2;
  for (let i = b.indexOf(first); i >= 0 && i <= last; i = b.indexOf(first, i + 1)) {
    let k = 0;
    while (k < text.length && b[i + 2 * k] === text.charCodeAt(k) && b[i + 2 * k + 1] === 0) k++;
    if (k === text.length) return true;
  }
  return false;
}

/** An OLE compound file: an encrypted OOXML package (Office's "Encrypt with Password") or a legacy .xls. */
export function classifyCfb(b: Uint8Array): "file-encrypted" | "file-xls" {
  return containsUtf16le(b, "EncryptionInfo") || containsUtf16le(b, "EncryptedPackage")
    ? "file-encrypted"
    : "file-xls";
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
    for (let i = 2; i + 1 < s.length; i += 2)
      chars.push(le ? s[i] | (s[i + 1] << 8) : (s[i] << 8) | s[i + 1]);
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
