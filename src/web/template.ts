/**
 * 下载空白台账模板: the command line's template (`om-scorecard template`, src/cli/template.ts),
 * made by the command line itself when the page is built (webpack.web.js runs it) and carried
 * in the page as base64. The template builder needs exceljs, far too large to load in the page
 * for one static file; the bytes are the builder's own, so the two cannot drift apart.
 */
declare const __OM_TEMPLATE_BASE64__: string;

/** The file name the command line gives it by default. */
export const TEMPLATE_NAME = "ledger-template.xlsx";

/** @summary The template's bytes. */
export function templateBytes(): Uint8Array {
  const text = atob(__OM_TEMPLATE_BASE64__);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
