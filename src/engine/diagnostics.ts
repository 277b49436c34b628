import type { Diagnostic, Severity } from "./types";

/**
 * Diagnostics: every problem with a ledger, named by table, worksheet row and column, in Chinese
 * and English. One constructor so every message has the same shape.
 */

export interface Where {
  table?: string | null;
  row?: number | null;
  column?: string | null;
}

export function diag(severity: Severity, code: string, where: Where, zh: string, en: string): Diagnostic {
  return {
    severity,
    table: where.table ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    code,
    zh,
    en,
  };
}

/**
 * @summary One line a person can read: location, then Chinese, then English.
 * @example
 * diagnosticText(d) //=> "考勤 第17行 日期：2024-10-01 是休息日，未计入。 / Punches row 17, 日期: ..."
 */
export function diagnosticText(d: Diagnostic): string {
  return `${locationZh(d)}${d.zh} / ${d.en}`;
}

/** `考勤 第17行 「日期」：` — empty when the diagnostic is about the whole workbook. */
export function locationZh(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.table) parts.push(`表「${d.table}」`);
  if (d.row !== null) parts.push(`第 ${d.row} 行`);
  if (d.column) parts.push(`列「${d.column}」`);
  return parts.length ? `${parts.join(" ")}：` : "";
}

/** The JSON `message`: Chinese, then English. */
export function messageOf(d: Diagnostic): string {
  return `${d.zh} / ${d.en}`;
}

/** Code-unit order: the same on every machine, whatever its locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by table, row and code: the order the summary and task pane show. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.table ?? "", b.table ?? "") ||
      (a.row ?? 0) - (b.row ?? 0) ||
      cmp(a.column ?? "", b.column ?? "") ||
      cmp(a.code, b.code),
  );
}
