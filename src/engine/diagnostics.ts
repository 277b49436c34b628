import {
  messageText,
  severityOf,
  type Bilingual,
  type DiagnosticArgs,
  type DiagnosticCode,
  type Place,
  type Severity,
} from "./messages";
import { tableDef, type TableKey } from "./tables";

/**
 * A problem found in a ledger: a code from the catalogue (`messages.ts`) with its arguments, and
 * where it points. Table and column are keys; their names and the message are resolved only when
 * the diagnostic is shown (`shown`, `diagnosticText`).
 */
export type Diagnostic = {
  [C in DiagnosticCode]: {
    /** Always the code's own severity (see the catalogue). */
    severity: Severity;
    /** Stable, machine-readable code (`punch-rest-day`). */
    code: C;
    /** The logical table, or null for a problem with the whole workbook or run. */
    table: TableKey | null;
    /** Worksheet row number as the user sees it, or null. */
    row: number | null;
    /** The worksheet, when the table is read over several sheets (SPEC §5). */
    sheet?: string;
    /** The column's key in its table's definition (`date`), or null. */
    column: string | null;
    /**
     * The column's header as the sheet writes it, when that is another of its names than the
     * template's (打卡时间 for 时间, in a DingTalk export): SPEC §5 asks that diagnostics name the
     * export's column. Shown in place of the template's name.
     */
    header?: string;
    args: DiagnosticArgs[C];
  };
}[DiagnosticCode];

/**
 * Diagnostics: every problem with a ledger, named by table, worksheet row and column. A
 * diagnostic is data — a code from the catalogue (`messages.ts`), its arguments, and where it
 * points as keys; names and words are resolved here, only when it is shown.
 */

export interface Where {
  /** The logical table, by key. */
  table?: TableKey | null;
  row?: number | null;
  /** The column, by its key in the table's definition. */
  column?: string | null;
  /** The worksheet, named only when its table is read over several sheets. */
  sheet?: string;
}

/**
 * @summary A diagnostic of `code` at `where`; its severity is the code's.
 * @example
 * diag("punch-rest-day", { table: "punches", row: 17, column: "date" }, { date: isoDay("2024-10-01") })
 */
export function diag<C extends DiagnosticCode>(
  code: C,
  where: Where,
  args: DiagnosticArgs[C]
): Diagnostic {
  const d = {
    severity: severityOf(code),
    code,
    table: where.table ?? null,
    row: where.row ?? null,
    column: where.column ?? null,
    args,
  } as Diagnostic;
  if (where.sheet !== undefined) d.sheet = where.sheet;
  return d;
}

/** The names of a diagnostic's table and column (empty strings where it names none). */
function placeOf(d: Pick<Diagnostic, "table" | "column" | "header">): Place {
  if (d.table === null)
    return { table: null, tableZh: "", tableEn: "", columnZh: "", columnEn: "" };
  const def = tableDef(d.table);
  const col = d.column === null ? undefined : def.columns.find((c) => c.key === d.column);
  return {
    table: d.table,
    tableZh: def.zh,
    tableEn: def.en,
    // The export's own header where it has one (打卡时间), in both languages: it is what the
    // supervisor sees in the sheet.
    columnZh: col ? (d.header ?? col.zh) : "",
    columnEn: col ? (d.header ?? col.en) : "",
    ...(col ? { columnKey: col.key } : {}),
  };
}

/** A diagnostic as people see it: table and column by their Chinese names, the message in both languages. */
export interface ShownDiagnostic extends Bilingual {
  severity: Severity;
  code: DiagnosticCode;
  table: string | null;
  /** The worksheet, when the table is read over several sheets. */
  sheet?: string;
  row: number | null;
  column: string | null;
}

/**
 * @summary Resolve a diagnostic's names and words.
 * @example
 * shown(d) //=> { severity: "warning", code: "punch-rest-day", table: "考勤", row: 17, column: "日期", zh: "…", en: "…" }
 */
export function shown(d: Diagnostic): ShownDiagnostic {
  const place = placeOf(d);
  const { zh, en } = messageText(d.code, d.args as never, place);
  const s: ShownDiagnostic = {
    severity: d.severity,
    code: d.code,
    table: place.tableZh || null,
    row: d.row,
    column: place.columnZh || null,
    zh,
    en,
  };
  if (d.sheet !== undefined) s.sheet = d.sheet;
  return s;
}

/**
 * @summary One line a person can read: location, then Chinese, then English.
 * @example
 * diagnosticText(d) //=> "表「考勤」 第 17 行 列「日期」：2024-10-01 是休息日，… / 2024-10-01 is a rest day, …"
 */
export function diagnosticText(d: Diagnostic): string {
  const s = shown(d);
  return `${locationZh(s)}${s.zh} / ${s.en}`;
}

/** `表「考勤」 第 17 行 列「日期」：` — empty when the diagnostic is about the whole workbook. */
export function locationZh(d: ShownDiagnostic): string {
  const parts: string[] = [];
  if (d.table) parts.push(`表「${d.table}」`);
  if (d.sheet !== undefined) parts.push(`工作表「${d.sheet}」`);
  if (d.row !== null) parts.push(`第 ${d.row} 行`);
  if (d.column) parts.push(`列「${d.column}」`);
  return parts.length ? `${parts.join(" ")}：` : "";
}

/** The JSON `message`: Chinese, then English. */
export function messageOf(d: Diagnostic): string {
  const s = shown(d);
  return `${s.zh} / ${s.en}`;
}

/** Code-unit order: the same on every machine, whatever its locale. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Severity labels, Chinese then English, for every view. */
export const SEVERITY_TEXT: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

/** Errors first, then by table, row, column and code (tables and columns by their Chinese names): the order every view shows. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const keyed = list.map((d) => ({ d, p: placeOf(d) }));
  keyed.sort(
    (a, b) =>
      SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] ||
      cmp(a.p.tableZh, b.p.tableZh) ||
      (a.d.row ?? 0) - (b.d.row ?? 0) ||
      cmp(a.p.columnZh, b.p.columnZh) ||
      cmp(a.d.code, b.d.code)
  );
  return keyed.map((k) => k.d);
}
