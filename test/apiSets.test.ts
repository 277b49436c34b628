/**
 * Every Excel / Office API member the add-in calls is in a requirement set no newer than what
 * manifest.xml declares (`<Sets>`): Office installs the add-in only where those sets exist, so a
 * member from a newer set would fail at run time on the oldest supported Excel — unless the
 * code guards it with `Office.context.requirements.isSetSupported`.
 *
 * The members are a maintained list, checked both ways: each must still occur in the source
 * (`.member` in the files named), and each member-looking call of Office.js in the source must
 * be listed. Each member's set is read from its `[Api set: …]` annotation in @types/office-js
 * (or @types/custom-functions-runtime); a failure names the member and its set.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const OFFICE_DTS = readFileSync(
  path.join(ROOT, "node_modules/@types/office-js/index.d.ts"),
  "utf8"
);
const CF_DTS = readFileSync(
  path.join(ROOT, "node_modules/@types/custom-functions-runtime/index.d.ts"),
  "utf8"
);

/** `Class.member` of namespace Excel (or CustomFunctions) the code uses. */
const USED: Record<string, string[]> = {
  Workbook: ["worksheets", "tables", "functions", "protection", "names"],
  WorksheetCollection: ["add", "getItem", "getItemOrNullObject", "items"],
  Worksheet: [
    "getUsedRange",
    "getRange",
    "getRangeByIndexes",
    "delete",
    "activate",
    "name",
    "position",
    "charts",
    "protection",
    "tables",
    "freezePanes",
  ],
  WorksheetFreezePanes: ["freezeRows"],
  WorksheetProtection: ["protected"],
  WorkbookProtection: ["protected"],
  TableCollection: ["items", "add", "getItemOrNullObject"],
  Table: ["worksheet", "getHeaderRowRange", "getDataBodyRange", "name"],
  Range: [
    "values",
    "valueTypes",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "getUsedRangeOrNullObject",
    "select",
    "format",
    "clear",
    "merge",
  ],
  RangeFormat: ["font", "fill", "columnWidth", "wrapText", "verticalAlignment"],
  RangeFont: ["bold", "size"],
  RangeFill: ["color"],
  Functions: ["date"],
  "FunctionResult<T>": ["value"],
  ChartCollection: ["add", "items"],
  Chart: ["title", "legend", "series", "setPosition", "delete", "name"],
  ChartTitle: ["text"],
  ChartLegend: ["position"],
  ChartSeriesCollection: ["getItemAt", "add"],
  ChartSeries: ["name", "setValues", "setXAxisValues"],
  NamedItemCollection: ["add", "getItemOrNullObject"],
  NamedItem: ["formula"],
};

/**
 * Members @types/office-js does not annotate, with where Microsoft states their set.
 * `Excel.run(options, batch)` and `RunOptions.delayForCellEdit`: the ExcelApi 1.5 requirement
 * set page lists them (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-5-requirement-set).
 */
const UNANNOTATED: Record<string, string> = {
  "RunOptions.delayForCellEdit": "ExcelApi 1.5",
};

/**
 * Members used only where the host says it has a newer set, by set: the print setup of the
 * summary (`worksheet.pageLayout`, page breaks: ExcelApi 1.9) runs only after
 * `Office.context.requirements.isSetSupported("ExcelApi", "1.9")`, and the template's drop-downs
 * (`range.dataValidation`: ExcelApi 1.8) only after `isSetSupported("ExcelApi", "1.8")`; each
 * says so where it is not.
 */
const GUARDED: { set: string; members: Record<string, string[]> }[] = [
  {
    // The template's drop-downs (新建台账模板), added only where the host has ExcelApi 1.8.
    set: "ExcelApi 1.8",
    members: {
      Range: ["dataValidation"],
      DataValidation: ["rule", "errorAlert", "prompt"],
    },
  },
  {
    set: "ExcelApi 1.9",
    members: {
      Worksheet: ["pageLayout", "horizontalPageBreaks"],
      // Text set off from a number before it (SPEC §9), with the print setup.
      RangeFormat: ["indentLevel"],
      PageLayout: [
        "orientation",
        "paperSize",
        "zoom",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
        "centerHorizontally",
        "setPrintTitleRows",
        "setPrintArea",
        "headersFooters",
      ],
      HeaderFooterGroup: ["defaultForAllPages"],
      HeaderFooter: [
        "leftHeader",
        "centerHeader",
        "rightHeader",
        "leftFooter",
        "centerFooter",
        "rightFooter",
      ],
      PageBreakCollection: ["add", "removePageBreaks"],
    },
  },
  {
    // Merged areas (SPEC §5), read only where the host has ExcelApi 1.13; elsewhere the engine
    // warns merged-cells-not-read.
    set: "ExcelApi 1.13",
    members: {
      Range: ["getMergedAreasOrNullObject"],
      RangeAreas: ["areas"],
    },
  },
];

/** Sources that call Office.js. */
const SOURCES = ["src/excel", "src/functions"];

function manifestSets(): Map<string, string> {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const sets = new Map<string, string>();
  for (const m of xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g))
    sets.set(m[1], m[2]);
  return sets;
}

const newer = (a: string, b: string): boolean => {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/** The body of `class Name` (or interface) in namespace Excel. */
function classBody(name: string): string {
  const start = OFFICE_DTS.indexOf("declare namespace Excel {");
  const re = new RegExp(
    `\\n    (?:class|interface) ${name.replace(/[<>]/g, "\\$&")}(?: extends [^{]+)? \\{`,
    "g"
  );
  re.lastIndex = start;
  const m = re.exec(OFFICE_DTS);
  if (!m) throw new Error(`Excel.${name} not found in @types/office-js`);
  const end = OFFICE_DTS.indexOf("\n    }\n", m.index);
  return OFFICE_DTS.slice(m.index, end);
}

/** The `[Api set: X n.m]` of a member: from its own doc comment, else its class's. */
function apiSet(cls: string, member: string): string | null {
  const body = classBody(cls);
  const decl = new RegExp(`\\n\\s+(?:readonly )?${member}[?]?[:(<]`).exec(body);
  if (!decl) throw new Error(`Excel.${cls}.${member} not found in @types/office-js`);
  const before = body.slice(0, decl.index);
  const doc = before.slice(before.lastIndexOf("/**"));
  const own = /\[Api set: ([\w]+ [\d.]+)/.exec(doc);
  if (own && !/\*\/[\s\S]*\S[\s\S]*$/.test(doc.replace(/\*\/\s*$/, ""))) return own[1];
  if (own) return own[1];
  const start = OFFICE_DTS.indexOf(body);
  const classDoc = OFFICE_DTS.slice(OFFICE_DTS.lastIndexOf("/**", start), start);
  return /\[Api set: ([\w]+ [\d.]+)/.exec(classDoc)?.[1] ?? null;
}

function sourceText(): string {
  const files: string[] = [];
  const walk = (d: string) =>
    readdirSync(d).forEach((n) => {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(n)) files.push(p);
    });
  SOURCES.forEach((s) => walk(path.join(ROOT, s)));
  // Code only: comments name members too.
  return files
    .map((f) => readFileSync(f, "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
}

describe("API sets", () => {
  const sets = manifestSets();

  it("the manifest declares ExcelApi and CustomFunctionsRuntime minimums", () => {
    expect(sets.get("ExcelApi")).toBeDefined();
    expect(sets.get("CustomFunctionsRuntime")).toBeDefined();
  });

  it("every Excel member the code uses is in a set no newer than the manifest's minimum", () => {
    const tooNew: string[] = [];
    for (const [cls, members] of Object.entries(USED)) {
      for (const member of members) {
        const set = apiSet(cls, member);
        if (set === null) {
          tooNew.push(`Excel.${cls}.${member}: no [Api set] annotation`);
          continue;
        }
        const [name, version] = set.split(" ");
        const min = sets.get(name);
        if (!min || newer(version, min))
          tooNew.push(
            `Excel.${cls}.${member} is ${set}; manifest declares ${name} ${min ?? "none"}`
          );
      }
    }
    for (const guard of GUARDED) {
      const [gName, gVersion] = guard.set.split(" ");
      for (const [cls, members] of Object.entries(guard.members)) {
        for (const member of members) {
          const set = apiSet(cls, member);
          const [name, version] = (set ?? "none 0").split(" ");
          if (name !== gName || newer(version, gVersion))
            tooNew.push(`Excel.${cls}.${member} is ${set}, beyond the ${guard.set} guard`);
        }
      }
    }
    for (const [member, set] of Object.entries(UNANNOTATED)) {
      const [name, version] = set.split(" ");
      if (newer(version, sets.get(name) ?? "0")) tooNew.push(`${member} is ${set}`);
    }
    expect(tooNew).toEqual([]);
  });

  it("CustomFunctions.Error is in the declared CustomFunctionsRuntime, and no ErrorCode member (1.3 in the types) is read", () => {
    const min = sets.get("CustomFunctionsRuntime")!;
    const error =
      /\[Api set: CustomFunctionsRuntime ([\d.]+)\][\s\S]{0,40}\*\/\s*class Error\b/.exec(CF_DTS);
    expect(error).not.toBeNull();
    expect(["CustomFunctions.Error", newer(error![1], min)]).toEqual([
      "CustomFunctions.Error",
      false,
    ]);
    const code = sourceText();
    const members = [...code.matchAll(/CustomFunctions\.ErrorCode\.(\w+)/g)].map((m) => m[1]);
    for (const m of members) {
      const set = new RegExp(
        `\\[Api set: CustomFunctionsRuntime ([\\d.]+)\\][^/]*\\*/\\s*${m}\\b`
      ).exec(CF_DTS);
      expect([`CustomFunctions.ErrorCode.${m}`, set ? newer(set[1], min) : true]).toEqual([
        `CustomFunctions.ErrorCode.${m}`,
        false,
      ]);
    }
  });

  it("the list matches the source: each listed member occurs, each Office.js call is listed", () => {
    const code = sourceText();
    const missing = Object.entries(USED).flatMap(([cls, members]) =>
      members.filter((m) => !new RegExp(`\\.${m}\\b`).test(code)).map((m) => `${cls}.${m}`)
    );
    expect(missing).toEqual([]);
    // Members of Excel classes called in the source (`.getXxx(`, `.load(` aside) that the list lacks.
    const listed = new Set([
      ...Object.values(USED).flat(),
      ...GUARDED.flatMap((g) => Object.values(g.members).flat()),
    ]);
    // The guarded members run only behind the host's own answer for their set.
    for (const guard of GUARDED) {
      const [gName, gVersion] = guard.set.split(" ");
      expect([
        guard.set,
        new RegExp(`isSetSupported\\??\\.?\\("${gName}", "${gVersion}"\\)`).test(code),
      ]).toEqual([guard.set, true]);
    }
    const excelMembers = new Set(
      [
        ...OFFICE_DTS.slice(OFFICE_DTS.indexOf("declare namespace Excel {")).matchAll(
          /\n {8}(\w+)\(/g
        ),
      ].map((m) => m[1])
    );
    const generic = new Set(["load", "toJSON", "track", "untrack", "set", "sync", "run"]);
    const js = new Set([
      "map",
      "filter",
      "find",
      "findIndex",
      "some",
      "every",
      "forEach",
      "push",
      "slice",
      "splice",
      "join",
      "split",
      "replace",
      "test",
      "exec",
      "includes",
      "has",
      "get",
      "keys",
      "values",
      "entries",
      "sort",
      "reduce",
      "concat",
      "indexOf",
      "startsWith",
      "endsWith",
      "trim",
      "shift",
      "unshift",
      "flatMap",
      "flat",
      "fill",
      "from",
      "max",
      "min",
      "round",
      "floor",
      "ceil",
      "charCodeAt",
      "fromCharCode",
      "toString",
      "padStart",
      "repeat",
      "assign",
      "stringify",
      "parse",
      "isArray",
      "now",
      "sign",
      "abs",
      "trunc",
      "pop",
      "lastIndexOf",
      "match",
      "matchAll",
      "delete",
      "add",
      "clear",
    ]);
    const called = [...code.matchAll(/\.(\w+)\(/g)].map((m) => m[1]);
    const unlisted = [...new Set(called)].filter(
      (m) => excelMembers.has(m) && !listed.has(m) && !generic.has(m) && !js.has(m)
    );
    expect(unlisted).toEqual([]);
  });
});
