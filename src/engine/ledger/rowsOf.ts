import type { Diagnostic } from "../diagnostics";
import type { RawCell } from "../raw";
import { partsOf, type Located } from "../schema";
import { isEmpty } from "../values";
import { RowView } from "./rowView";
import {
  headerRowTest,
  headerSpill,
  hintOf,
  isTotalsWord,
  mayBeHint,
  subtotalOf,
  templateHintOf,
} from "./skipRules";

/**
 * @summary The data rows of a located table, sheet after sheet, each seen through one shared
 * RowView (valid only until the next row: copy what you keep). Blank rows are passed over in
 * silence; totals, hint and repeated header rows are passed over with an info diagnostic; the
 * cells of a header merged down into the first rows are reported and read as empty (skipRules.ts).
 */
export function* rowsOf(loc: Located, out: Diagnostic[]): Generator<RowView> {
  const view = new RowView(loc, out);
  const repeatsHeaders = headerRowTest(loc.def);
  for (const part of partsOf(loc)) {
    const { table, columns } = part;
    view.moveToPart(table, columns);
    const id = columns[loc.def.idColumn];
    const spill = headerSpill(table, columns);
    // The template's hint rows stand under the headers, before any data (SPEC §10).
    let underHeaders = true;
    for (let i = 0; i < table.rows.length; i++) {
      const cells = table.rows[i];
      // The first non-empty cell; none: a blank row, skipped.
      let lead: RawCell | undefined;
      for (let c = 0; c < cells.length && lead === undefined; c++)
        if (!isEmpty(cells[c])) lead = cells[c];
      if (lead === undefined) continue;
      view.moveTo(cells, table.headerRow + 1 + i);
      // A totals or hint row (合计, 平均分, Total …) in the identifying or the first non-empty
      // cell, which stands in for the first cell: a 序号 column left empty on the totals row, or
      // an identifying column the tool does not read (受访单位).
      const idCell = id === undefined ? undefined : cells[id];
      const total = isTotalsWord(idCell)
        ? idCell
        : lead !== idCell && isTotalsWord(lead)
          ? lead
          : mayBeHint(lead)
            ? hintOf(cells)
            : subtotalOf(cells);
      // The headers again under the headers (a second header row in English, perhaps hidden,
      // or an export that repeats them on every page): not data, and not a bad value either.
      if (repeatsHeaders(columns, cells, idCell)) {
        view.report(loc.def.idColumn, "header-row-skipped", {});
        continue;
      }
      if (total !== undefined) {
        view.report(loc.def.idColumn, "totals-row-skipped", { value: total });
        continue;
      }
      if (underHeaders) {
        const hint = templateHintOf(cells);
        if (hint !== undefined) {
          view.report(loc.def.idColumn, "hint-row-skipped", { value: hint });
          continue;
        }
        underHeaders = false;
      }
      // A header cell merged down into the first data rows (姓名 merged over A1:A3): Excel kept
      // only the header's text, so those cells are empty, not "姓名" — an error naming the merge.
      if (spill !== null && i < spill.rows) {
        const masked = new Set<number>();
        for (const [key, n] of spill.columns)
          if (i < n) {
            masked.add(columns[key]);
            view.report(key, "header-merged-into-data", { header: table.headers[columns[key]] });
          }
        view.masked = masked;
      }
      yield view;
    }
  }
  view.reportWords();
}
