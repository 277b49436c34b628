/**
 * A failure of the workbook (Excel) put in words a supervisor understands (SPEC §13), with
 * Excel's own text kept for 详细信息.
 *
 * Microsoft's guidance ("Error handling with the application-specific JavaScript APIs",
 * learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 * an Office.js error's `message` is "not intended for end users"; its `code` (Excel.ErrorCodes,
 * not localised) is what an add-in should choose its own message by. So the words here go by
 * `code`; the message, the code and `debugInfo` go behind 详细信息. The adapter's own errors
 * arrive already worded: a catalogue diagnostic (`HostError`: `diagnostic`) and a summary
 * rewritten half-way (`PartialWriteError`: `tempName`). Duck-typed, so this module needs no
 * Office.js and the web page can use it too.
 */
import { shown, type Diagnostic } from "../engine";
import type { Lang } from "./i18n";

/** What the pane shows of a failure: words in each language, and the technical text. */
export interface HostFailure {
  words: Record<Lang, string>;
  /** Excel's own text (code, message, debug information), shown behind 详细信息. */
  detail: string;
}

const BOTH = (zh: string, en: string): Record<Lang, string> => ({ zh, en });

const NOTHING_CHANGED_ZH = "台账没有被修改。";
const NOTHING_CHANGED_EN = "The ledger was not changed.";

/** Words by Excel.ErrorCodes value. */
const BY_CODE: Record<string, Record<Lang, string>> = {
  InvalidOperationInCellEditMode: BOTH(
    `Excel 正在编辑一个单元格。请按 Enter 或 Esc 结束编辑，再点一次。${NOTHING_CHANGED_ZH}`,
    `Excel is editing a cell. Press Enter or Esc to finish, then try again. ${NOTHING_CHANGED_EN}`
  ),
  AccessDenied: BOTH(
    "没有修改此工作簿的权限：它可能是只读的，或在别处受保护。请用可编辑的副本重试。",
    "You may not change this workbook: it may be read-only or protected. Try again on an editable copy."
  ),
  Unauthenticated: BOTH(
    "Excel 要求重新登录。请登录后再试。",
    "Excel asks you to sign in again. Sign in, then try again."
  ),
  ItemNotFound: BOTH(
    "评分期间工作簿被改动了（工作表或表格被重命名、删除）。请点「刷新」后再评分。",
    "The workbook changed while it was being scored (a sheet or table renamed or deleted). Press Refresh, then score again."
  ),
  InvalidReference: BOTH(
    "评分期间工作簿被改动了（工作表或表格被重命名、删除）。请点「刷新」后再评分。",
    "The workbook changed while it was being scored (a sheet or table renamed or deleted). Press Refresh, then score again."
  ),
  ItemAlreadyExists: BOTH(
    "工作簿中已有同名的工作表或名称，Excel 拒绝再建一个。请检查后重试。",
    "The workbook already has a sheet or name of that name, and Excel refused another. Check, then try again."
  ),
  InvalidOperation: BOTH(
    "Excel 拒绝了这项操作：工作簿或工作表可能受保护，或正被他人编辑。请检查后重试。",
    "Excel refused the operation: the workbook or a sheet may be protected, or being edited by someone else. Check, then try again."
  ),
  ApiNotFound: BOTH(
    "此版本的 Excel 缺少所需的功能。请更新 Office，或改用 Excel 网页版。",
    "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web."
  ),
  UnsupportedOperation: BOTH(
    "此版本的 Excel 不支持这项操作。请更新 Office，或改用 Excel 网页版。",
    "This version of Excel does not support the operation. Update Office, or use Excel on the web."
  ),
  RequestPayloadSizeLimitExceeded: BOTH(
    "这次要写入的内容超过了 Excel 一次能接收的大小。请把详细信息发给技术支持。",
    "What was to be written is more than Excel takes at once. Send the details to support."
  ),
  ResponsePayloadSizeLimitExceeded: BOTH(
    "台账中有一行内容超过了 Excel 一次能传回的大小（单元格文字过长）。请缩短过长的单元格后重试。",
    "A ledger row is more than Excel can send back at once (a cell's text is too long). Shorten it, then try again."
  ),
  ActivityLimitReached: BOTH(
    `Excel 暂时忙不过来。请稍等片刻再试。${NOTHING_CHANGED_ZH}`,
    `Excel is busy for the moment. Wait a little, then try again. ${NOTHING_CHANGED_EN}`
  ),
  RequestAborted: BOTH(
    "与 Excel 的连接中断了（网络或服务暂时不可用）。请稍后重试。",
    "The connection to Excel was cut (the network or the service is unavailable). Try again later."
  ),
  ServiceNotAvailable: BOTH(
    "与 Excel 的连接中断了（网络或服务暂时不可用）。请稍后重试。",
    "The connection to Excel was cut (the network or the service is unavailable). Try again later."
  ),
  Conflict: BOTH(
    "有人同时在编辑这个工作簿，Excel 拒绝了这次修改。请稍后重试。",
    "Someone else is editing this workbook at the same time, and Excel refused the change. Try again later."
  ),
};

const GENERAL = BOTH(
  `Excel 未能完成这项操作。${NOTHING_CHANGED_ZH}可以再试一次；如果反复出现，请把「详细信息」中的文字发给技术支持。`,
  `Excel could not finish the operation. ${NOTHING_CHANGED_EN} Try again; if it keeps happening, send the text under Details to support.`
);

const text = (v: unknown): string =>
  typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v);

/**
 * @summary A failure from the host (an Office.js error, the adapter's own, anything thrown) as
 * words for the supervisor and the technical text behind them.
 * @example
 * describeFailure(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" })).words.zh
 * //=> "Excel 正在编辑一个单元格。请按 Enter 或 Esc 结束编辑，再点一次。台账没有被修改。"
 */
export function describeFailure(e: unknown): HostFailure {
  const err = (typeof e === "object" && e !== null ? e : {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    debugInfo?: unknown;
    diagnostic?: Diagnostic;
    tempName?: unknown;
    sheet?: unknown;
  };
  const code = typeof err.code === "string" ? err.code : "";
  const message = typeof err.message === "string" ? err.message : String(e);
  const detail = [
    `${typeof err.name === "string" ? err.name : "Error"}: ${message}`,
    code && `code: ${code}`,
    err.debugInfo !== undefined && `debugInfo: ${text(err.debugInfo)}`,
  ]
    .filter(Boolean)
    .join("\n");
  if (err.diagnostic) {
    const { zh, en } = shown(err.diagnostic);
    return { words: { zh, en }, detail };
  }
  if (typeof err.tempName === "string" && typeof err.sheet === "string")
    return {
      words: BOTH(
        `「${err.sheet}」没能全部更新，可能只更新了一部分。完整的新结果在工作表「${err.tempName}」中。`,
        `The ${err.sheet} sheet could not be rewritten in full and may be partly updated. The complete new summary is on the sheet ${err.tempName}.`
      ),
      detail,
    };
  return { words: BY_CODE[code] ?? GENERAL, detail };
}
