/**
 * SPEC §7: the LAMBDA names give what the OM.* functions give, edges included. LibreOffice 7.4
 * cannot evaluate LAMBDA itself (SETUP-NOTES), so each LAMBDA body is evaluated with its
 * arguments substituted, as a plain cell formula, by LibreOffice headless (`soffice`, installed
 * by scripts/install-system-deps.sh; without it this test FAILS), and compared with
 * src/functions/logic.ts at every tier and band edge.
 */
import { convertWithLibreOffice } from "../support/libreoffice";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { isArgError } from "../../src/functions/args";
import * as logic from "../../src/functions/logic";
import {
  WORKBOOK_FUNCTIONS,
  lambdaFormula,
  ooxmlFormula,
  sameFormula,
  substituteArgs,
  type WorkbookFunctionName,
} from "../../src/report/workbookFunctions";

const fn = (name: WorkbookFunctionName) => WORKBOOK_FUNCTIONS.find((f) => f.name === name)!;

/** An argument: the text written into the formula, and the number the OM.* logic receives. */
type Arg = [text: string, value: unknown];
const num = (x: number): Arg => [String(x), x];

// Scores at and around every tier edge (85, 75, 70, 65, 60), the range ends, and out of range.
const SCORES: Arg[] = [
  ...[0, 100, 50, 84.99, 85.01, 59.99, 60.01, 72.5].map(num),
  ...[85, 75, 70, 65, 60].flatMap((e) => [e, e + 1e-9, e - 1e-9, e + 0.01, e - 0.01].map(num)),
  ...[-0.001, 100.001, 101, -1].map(num),
  // computed in the cell: 0.1*3*283.33333333333337 etc. are not needed; sums like these are
  ["84.9+0.1", 84.9 + 0.1],
  ["60.1-0.1", 60.1 - 0.1],
  ['"85"', "85"],
  ['"x"', "x"],
];
const AMOUNTS: Arg[] = [
  ...[
    424300, 100, 0, 0.01, 0.05, 0.005, 0.015, 1.005, 2.675, 12345.675, 1234567.895, 848600.13,
    99999999.99, 999999999.99,
  ].map(num),
  num(-0.01),
  ['"x"', "x"],
];
// Rates at and around every band edge (0.85, 0.7, 0.6), the range ends, computed rates.
const RATES: Arg[] = [
  ...[0, 1, 0.8499, 0.57].map(num),
  ...[0.85, 0.7, 0.6].flatMap((e) => [e, e + 1e-9, e - 1e-9, e + 0.0001, e - 0.0001].map(num)),
  ...[-0.01, 1.0000001, 85].map(num),
  ["17/20", 17 / 20],
  ["0.1*7", 0.1 * 7],
  ["7/10", 7 / 10],
  ["3/5", 3 / 5],
  ["170/200", 170 / 200],
  ['"x"', "x"],
];
const MAXES: Arg[] = [...[30, 10, 2.5, 0, 100, 7.25, 33.33, 0.01, 100.5, -1].map(num)];

/** The cached value LibreOffice stored for each cell of the first sheet, by address. */
function cachedValues(xlsx: Uint8Array): Map<string, unknown> {
  const files = unzipSync(xlsx);
  const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
  const out = new Map<string, unknown>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/g)) {
    const type = / t="(\w+)"/.exec(m[2])?.[1] ?? "n";
    const v = /<v>(.*?)<\/v>/.exec(m[3])?.[1] ?? "";
    const text = v.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    out.set(m[1], type === "n" ? Number(text) : text);
  }
  return out;
}

type Case = { name: WorkbookFunctionName; args: Arg[] };

function cases(): Case[] {
  const out: Case[] = [];
  for (const s of SCORES) {
    out.push({ name: "PAYTIER", args: [s] }, { name: "TAILRATIO", args: [s] });
    for (const a of AMOUNTS) out.push({ name: "TAILPAY", args: [s, a] });
  }
  for (const r of RATES) for (const m of MAXES) out.push({ name: "RATEPOINTS", args: [r, m] });
  return out;
}

/** What OM.* gives: a number, a string, or the Excel error its ArgError becomes. */
function expected(c: Case): unknown {
  const v = c.args.map((a) => a[1]);
  const r =
    c.name === "TAILPAY"
      ? logic.tailPay(v[0], v[1])
      : c.name === "PAYTIER"
        ? logic.payTier(v[0])
        : c.name === "TAILRATIO"
          ? logic.tailRatio(v[0])
          : logic.ratePoints(v[0], v[1]);
  if (isArgError(r)) return { value: "#VALUE!", num: "#NUM!", na: "#N/A" }[r.kind];
  return r;
}

describe("the LAMBDA names", () => {
  it("are stored in OOXML with _xlfn.LAMBDA and _xlpm. parameters, and typed in Excel without", () => {
    const t = fn("TAILPAY");
    expect(lambdaFormula(t)).toMatch(/^=LAMBDA\(score,amount,IF\(ISNUMBER\(score\)/);
    expect(ooxmlFormula(t)).toMatch(
      /^_xlfn\.LAMBDA\(_xlpm\.score,_xlpm\.amount,IF\(ISNUMBER\(_xlpm\.score\)/
    );
    expect(ooxmlFormula(t)).not.toMatch(/(?<!_xlpm\.)\b(score|amount)\b/);
    expect(sameFormula(lambdaFormula(t), ooxmlFormula(t))).toBe(true);
    expect(sameFormula(lambdaFormula(t), lambdaFormula(fn("PAYTIER")))).toBe(false);
    for (const f of WORKBOOK_FUNCTIONS) {
      // Functions LibreOffice and WPS also have: no LET, IFS, SWITCH, XLOOKUP.
      const used = new Set(f.body.match(/[A-Z][A-Z.]*(?=\()/g));
      expect([...used].filter((u) => !["IF", "OR", "ISNUMBER", "ROUND"].includes(u))).toEqual([]);
      expect(f.comment.length).toBeLessThanOrEqual(255);
    }
  });

  describe("evaluated by LibreOffice with the arguments substituted", () => {
    let dir: string;
    let results: { c: Case; got: unknown; want: unknown; formula: string }[] = [];

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-lambda-"));
      const all = cases();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("t");
      const formulas = all.map((c) =>
        substituteArgs(
          fn(c.name),
          c.args.map((a) => a[0])
        )
      );
      formulas.forEach((f, i) => {
        ws.getCell(i + 1, 1).value = { formula: f } as ExcelJS.CellFormulaValue;
      });
      await wb.xlsx.writeFile(path.join(dir, "cases.xlsx"));
      convertWithLibreOffice(
        dir,
        path.join(dir, "cases.xlsx"),
        "xlsx:Calc Office Open XML",
        path.join(dir, "out"),
        90_000
      );
      const got = cachedValues(fs.readFileSync(path.join(dir, "out", "cases.xlsx")));
      results = all.map((c, i) => ({
        c,
        got: got.get(`A${i + 1}`),
        want: expected(c),
        formula: formulas[i],
      }));
    }, 120_000);

    afterAll(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const name of ["TAILPAY", "PAYTIER", "TAILRATIO", "RATEPOINTS"] as const) {
      it(`${name} equals OM.${name} at every edge`, () => {
        const mine = results.filter((r) => r.c.name === name);
        expect(mine.length).toBeGreaterThan(10);
        const wrong = mine
          .filter((r) => r.got !== r.want)
          .map(
            (r) =>
              `${name}(${r.c.args.map((a) => a[0]).join(", ")}): got ${String(r.got)}, OM gives ${String(r.want)}`
          );
        expect(wrong).toEqual([]);
      });
    }

    it("covers every tier and every band", () => {
      const tiers = new Set(results.filter((r) => r.c.name === "PAYTIER").map((r) => r.got));
      expect([...tiers].sort()).toEqual(["#NUM!", "#VALUE!", "A", "B", "C", "D", "E", "F"]);
      const shares = new Set(
        results
          .filter((r) => r.c.name === "RATEPOINTS" && r.c.args[1][0] === "30")
          .map((r) => r.got)
      );
      expect([...shares].sort()).toEqual([15, 18, 24, 30, "#NUM!", "#VALUE!"].sort());
    });
  });
});
