/**
 * Pure helpers of the Excel adapter: payload sizes, chunk plans, text escaping and the value and
 * number format of each summary cell (cut, addresses, formats and fill come from the shared
 * src/report/cells.ts). No Office.js here, so every rule can be tested without a host.
 */
import type { RawCell } from "../engine";
import { MAX_CELL_CHARS, NUMBER_FORMATS, fitCell } from "../report/cells";
import type { SummaryCell } from "../report/types";

/** Addresses are the shared cell presentation's (src/report/cells.ts); re-exported for locate.ts. */
export { cellAddress } from "../report/cells";

/**
 * Excel on the web rejects a request or a response larger than 5 MB. Reads and writes are cut
 * into batches estimated to stay under {@link BATCH_BUDGET_BYTES}, leaving 1 MB for the JSON
 * envelope and for estimation error.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const BATCH_BUDGET_BYTES = 4 * 1024 * 1024;

/** Rows read in the sample round trip; smaller tables need no other read. */
export const SAMPLE_ROWS = 50;

/**
 * @summary Bytes a value takes in a JSON payload, counting every non-ASCII character as a
 * six-byte `\uXXXX` escape (the worst case), so estimates err on the large side.
 * @example
 * jsonBytes(["考勤", 1]) //=> 18
 */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/**
 * @summary Estimated response bytes per row when `values` and `valueTypes` of a range are
 * loaded: the largest sampled row (values plus types), at least 24 bytes a cell, times 1.5 for
 * rows longer than the sample.
 */
export function estimateRowBytes(
  sample: unknown[][],
  sampleTypes: unknown[][],
  columnCount: number
): number {
  let largest = 0;
  sample.forEach((row, i) => {
    largest = Math.max(largest, jsonBytes(row) + jsonBytes(sampleTypes[i] ?? []));
  });
  return Math.ceil(Math.max(largest, columnCount * 24) * 1.5);
}

/** A run of rows of one table to read in one range. */
export interface RowChunk<T> {
  item: T;
  /** First row offset (0-based, relative to whatever `rows` counted from) and row count. */
  offset: number;
  count: number;
}

/**
 * @summary Cut several tables' rows into batches whose estimated size stays under `budget`,
 * filling each batch before starting the next, so the number of batches is about
 * ceil(total bytes / budget) — one round trip each.
 * @example
 * planBatches([{ item: "a", rows: 10, rowBytes: 100 }], 450)
 * //=> [[{ item: "a", offset: 0, count: 4 }], [{ item: "a", offset: 4, count: 4 }], [{ item: "a", offset: 8, count: 2 }]]
 */
export function planBatches<T>(
  parts: { item: T; rows: number; rowBytes: number }[],
  budget: number = BATCH_BUDGET_BYTES
): RowChunk<T>[][] {
  const batches: RowChunk<T>[][] = [];
  let current: RowChunk<T>[] = [];
  let left = budget;
  for (const p of parts) {
    let offset = 0;
    while (offset < p.rows) {
      let fit = Math.floor(left / p.rowBytes);
      if (fit < 1) {
        if (current.length > 0) {
          batches.push(current);
          current = [];
          left = budget;
          continue;
        }
        fit = 1; // a single row larger than the budget still has to be read
      }
      const count = Math.min(fit, p.rows - offset);
      current.push({ item: p.item, offset, count });
      left -= count * p.rowBytes;
      offset += count;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Names of Excel's error values as `values` reports them. */
const EXCEL_ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/**
 * @summary One cell as Office.js reports it (`values` plus `valueTypes`) to a `RawCell`.
 * An empty cell (or an empty string) is null; an error cell is `{ error: "#N/A" }`. Without a
 * type, a string spelled exactly like an Excel error is taken for one.
 * @example
 * toRawCell("#N/A", "Error") //=> { error: "#N/A" }
 * toRawCell("", "Empty") //=> null
 * toRawCell(45474, "Double") //=> 45474
 */
export function toRawCell(value: unknown, type?: string): RawCell {
  if (value === null || value === undefined || value === "") return null;
  if (
    type === "Error" ||
    (type === undefined && typeof value === "string" && EXCEL_ERROR.test(value))
  ) {
    return { error: String(value) };
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value;
  return String(value);
}

/**
 * @summary Whether Excel could read a string as something other than literal text: a formula
 * (`=`, `+`, `-`, `@`), an error (`#N/A`), a quote prefix, a number, date, time, percent or
 * fraction (anything holding a digit), a currency amount or a boolean.
 */
export function needsQuote(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  return /^[=+\-@'#$¥€£(.（]/u.test(t) || /[0-9０-９]/u.test(t) || /^(true|false)$/i.test(t);
}

/**
 * @summary The value to write for a text cell so Excel keeps it literal: a leading apostrophe
 * (Excel's quote prefix, not shown in the cell) when Excel might otherwise evaluate or convert
 * it. The cell is also given the text number format `@`.
 * @example
 * escapeText('=HYPERLINK("x","y")') //=> `'=HYPERLINK("x","y")`
 * escapeText("-1+2") //=> "'-1+2"
 * escapeText("出勤率") //=> "出勤率"
 */
export function escapeText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

/** The value and number format written for one summary cell. */
export function cellToExcel(cell: SummaryCell | undefined): {
  value: string | number;
  numberFormat: string;
} {
  if (!cell || cell.value === null || cell.value === "")
    return { value: "", numberFormat: "General" };
  if (cell.format === "text" || typeof cell.value === "string") {
    // The quote prefix is not part of the cell's text, but leave room for it anyway.
    return {
      value: escapeText(fitCell(String(cell.value), MAX_CELL_CHARS - 1)),
      numberFormat: "@",
    };
  }
  return { value: cell.value, numberFormat: NUMBER_FORMATS[cell.format] };
}

/**
 * @summary Excel column width in points for a width in characters of the default font
 * (Excel's standard 8.43 characters are 48 points).
 */
export function widthPoints(characters: number): number {
  return Math.round(Math.max(characters, 1) * (48 / 8.43) * 100) / 100;
}

/** Contiguous runs `[start, end)` of indexes where `test` holds. */
export function runs<T>(items: readonly T[], test: (x: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  items.forEach((x, i) => {
    if (test(x)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  });
  if (start >= 0) out.push([start, items.length]);
  return out;
}
