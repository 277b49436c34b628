/**
 * The pane's 新建台账模板 (SPEC §8): the ledger tables the open workbook lacks, added as the
 * command line's template has them (src/report/template.ts holds the words and shapes). An
 * existing sheet or table is never touched: a table the locator finds is kept, and a missing
 * table whose sheet name is taken gets no table and is reported kept.
 */
import { TABLES, askedColumns, type TableDef, type TableKey } from "../engine";
import {
  CHECKED_ROWS,
  GUIDE_SHEET,
  GUIDE_WIDTHS,
  SCORE_CHECK_TEXT,
  VOCABULARY,
  guideOf,
  guideRows,
  numberFormatOf,
  startRows,
  listCheckText,
  widthOf,
  type ColumnKind,
} from "../report/template";
import { widthPoints } from "./layout";
import type { TemplateTablesResult } from "./types";

/** The drop-down or range check of a column (Range.dataValidation, ExcelApi 1.8), or null. */
function validationOf(kind: ColumnKind): {
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
  prompt: Excel.DataValidationPrompt | null;
} | null {
  if (kind.kind === "list") {
    const text = listCheckText(kind.vocabulary);
    return {
      rule: { list: { inCellDropDown: true, source: VOCABULARY[kind.vocabulary].join(",") } },
      errorAlert: { showAlert: true, style: "Stop", title: text.errorTitle, message: text.error },
      prompt: { showPrompt: true, title: text.title, message: text.prompt },
    };
  }
  if (kind.kind === "score")
    return {
      rule: { decimal: { operator: "Between", formula1: 0, formula2: 100 } },
      errorAlert: {
        showAlert: true,
        style: "Stop",
        title: SCORE_CHECK_TEXT.errorTitle,
        message: SCORE_CHECK_TEXT.error,
      },
      prompt: null,
    };
  return null;
}

/** Queue one ledger table on a new sheet: headers, rows, table, formats, widths, checks. */
function queueLedgerTable(
  context: Excel.RequestContext,
  table: TableDef,
  validation: boolean
): void {
  const ws = context.workbook.worksheets.add(table.zh);
  const width = askedColumns(table).length;
  const rows = startRows(table);
  // Headers stay text whatever a column's format says.
  const header = ws.getRangeByIndexes(0, 0, 1, width);
  header.numberFormat = [askedColumns(table).map(() => "@")];
  header.values = [askedColumns(table).map((c) => c.zh)];
  ws.getRangeByIndexes(1, 0, rows.length, width).values = rows.map((r) => r.map((v) => v ?? ""));
  const t = ws.tables.add(ws.getRangeByIndexes(0, 0, rows.length + 1, width), true);
  t.name = table.zh;
  ws.freezePanes.freezeRows(1);
  askedColumns(table).forEach((column, i) => {
    const kind = guideOf(table, column).kind;
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(widthOf(column, kind));
    const numFmt = numberFormatOf(kind);
    // The table's rows; Excel carries a table column's format into the rows it grows by.
    if (numFmt) ws.getRangeByIndexes(1, i, rows.length, 1).numberFormat = rows.map(() => [numFmt]);
    const v = validation ? validationOf(kind) : null;
    if (v) {
      const dv = ws.getRangeByIndexes(1, i, CHECKED_ROWS, 1).dataValidation;
      dv.rule = v.rule;
      dv.errorAlert = v.errorAlert;
      if (v.prompt) dv.prompt = v.prompt;
    }
  });
}

/** Queue the 说明 sheet: the shared rows as text, bold titles, wrapped explanations. */
function queueGuideSheet(context: Excel.RequestContext): void {
  const ws = context.workbook.worksheets.add(GUIDE_SHEET);
  const rows = guideRows();
  const grid = ws.getRangeByIndexes(0, 0, rows.length, GUIDE_WIDTHS.length);
  grid.numberFormat = rows.map((r) => r.cells.map(() => "@"));
  grid.values = rows.map((r) => GUIDE_WIDTHS.map((_, c) => r.cells[c] ?? ""));
  grid.format.wrapText = true;
  rows.forEach((r, i) => {
    if (r.style !== "line")
      ws.getRangeByIndexes(i, 0, 1, GUIDE_WIDTHS.length).format.font.bold = true;
  });
  GUIDE_WIDTHS.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w);
  });
  ws.freezePanes.freezeRows(2);
}

/**
 * @summary Add, for each of `missing` (by the locator), a sheet with its Excel table, unless a
 * sheet or table of that name exists; and a 说明 sheet when absent. 2 round trips.
 * `validation`: whether the host has ExcelApi 1.8 (the drop-downs are skipped without it).
 */
export async function addTemplateTablesIn(
  context: Excel.RequestContext,
  missing: readonly TableKey[],
  validation: boolean
): Promise<TemplateTablesResult> {
  const defs = TABLES.filter((d) => missing.includes(d.key));
  const sheets = context.workbook.worksheets;
  const taken = defs.map((d) => ({
    def: d,
    sheet: sheets.getItemOrNullObject(d.zh),
    table: context.workbook.tables.getItemOrNullObject(d.zh),
  }));
  const guide = sheets.getItemOrNullObject(GUIDE_SHEET);
  await context.sync();
  const added: string[] = [];
  const kept = TABLES.filter((d) => !missing.includes(d.key)).map((d) => d.zh);
  for (const x of taken) {
    if (!x.sheet.isNullObject || !x.table.isNullObject) {
      kept.push(x.def.zh);
      continue;
    }
    queueLedgerTable(context, x.def, validation);
    added.push(x.def.zh);
  }
  if (guide.isNullObject) {
    queueGuideSheet(context);
    added.push(GUIDE_SHEET);
  }
  await context.sync();
  const order = (n: string): number => TABLES.findIndex((d) => d.zh === n);
  kept.sort((a, b) => order(a) - order(b));
  const anyTable = added.some((n) => n !== GUIDE_SHEET);
  return {
    added,
    kept,
    ...(anyTable ? { validation: validation ? "applied" : "unsupported" } : {}),
  };
}
