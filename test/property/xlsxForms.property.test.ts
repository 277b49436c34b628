/**
 * The same ledger in four forms — Excel tables (ListObjects) or plain sheets, Chinese or English
 * table names and headers — scores the same, through real .xlsx files and the command line's
 * reader. Few runs: each one writes four workbooks with exceljs.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { readLedgerXlsx } from "../support/workbook";
import { assess } from "../../src/engine";
import { toJson } from "../../src/report/json";
import { writeWorkbook, type Cell, type TableSpec } from "../cli/workbook";
import {
  HEADERS,
  NAMES_ZH,
  isoOf,
  ledgerArb,
  renderRows,
  serialOf,
  type LedgerModel,
} from "./model";

const EN_NAMES = {
  roster: "Roster",
  punches: "Punches",
  tickets: "Tickets",
  complaints: "Complaints",
  surveys: "Surveys",
  contract: "Contract",
} as const;
const EN_HEADERS = {
  roster: ["Name", "Role", "Start", "End"],
  punches: ["Date", "Name", "Slot", "Time", "Result"],
  tickets: ["TicketId", "RoutedToVendor", "Status", "Created"],
  complaints: ["ComplaintId", "Date", "Category", "Verified", "Deadline", "RectifiedOn", "Note"],
  surveys: ["Respondent", "Score"],
  contract: ["Item", "Value"],
} as const;

/** A serial in a date column becomes a real Excel date (a UTC Date for exceljs). */
const DATE_COLUMNS: Record<string, number[]> = {
  roster: [2, 3],
  punches: [0],
  complaints: [4, 5],
  contract: [1],
};

function specs(m: LedgerModel, asTable: boolean, english: boolean): TableSpec[] {
  const r = renderRows(m);
  const keys = (
    ["roster", "punches", "tickets", "complaints", "surveys", "contract"] as const
  ).filter((k) => k !== "contract" || r.contract.length > 0);
  const serials = new Map<number, string>();
  for (let off = -10; off < 420; off++) serials.set(serialOf(off), isoOf(off));
  return keys.map((k) => {
    const rows: Cell[][] = r[k].map((row) =>
      row.map((v, j) => {
        if (typeof v === "number" && DATE_COLUMNS[k]?.includes(j))
          return new Date(`${serials.get(v)}T00:00:00Z`);
        if (k === "contract" && j === 0 && english) return "AsOf";
        return v as Cell;
      })
    );
    return {
      name: english ? EN_NAMES[k] : NAMES_ZH[k],
      headers: [...(english ? EN_HEADERS[k] : HEADERS[k])],
      rows,
      asTable,
    };
  });
}

async function scoreFile(tables: TableSpec[]) {
  const file = await writeWorkbook(tables);
  return toJson(assess(readLedgerXlsx(readFileSync(file)).tables));
}

test("Excel tables or plain sheets, Chinese or English headers: the same ledger scores the same", async () => {
  await fc.assert(
    fc.asyncProperty(ledgerArb, async (m) => {
      const base = await scoreFile(specs(m, false, false));
      expect(base.status).not.toBe("invalid");
      for (const [asTable, english] of [
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        expect(await scoreFile(specs(m, asTable, english))).toEqual(base);
      }
    }),
    { numRuns: 15 }
  );
});
