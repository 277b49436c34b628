/**
 * Which worksheets are the tool's own (考核结果, 考核记录): written by the tool, never ledger
 * tables. Names are matched as the engine matches names (`normalizeName`: full-width, case and
 * spaces aside), so a sheet renamed 「考核结果 」 is still the summary.
 */
import { TOOL_SHEET_NAMES, normalizeName } from "../engine";

const NORMALIZED = TOOL_SHEET_NAMES.map((n) => [normalizeName(n), n] as const);

/**
 * @summary The tool's name for a worksheet the tool writes, or undefined for any other sheet.
 * @example
 * toolSheetOf("考核结果") //=> "考核结果"
 * toolSheetOf("考勤") //=> undefined
 */
export function toolSheetOf(sheet: string): string | undefined {
  const n = normalizeName(sheet);
  return NORMALIZED.find(([k]) => k === n)?.[1];
}

/** @summary Whether a worksheet is one the tool writes (never read as a ledger table). */
export const isToolSheet = (sheet: string): boolean => toolSheetOf(sheet) !== undefined;
