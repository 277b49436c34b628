/**
 * SPEC §7 in the scored copy: the workbook functions (TAILPAY, PAYTIER, TAILRATIO, RATEPOINTS)
 * as workbook-scope `<definedName>`s in xl/workbook.xml, stored as OOXML stores a LAMBDA
 * (`_xlfn.LAMBDA(_xlpm.score,…)`). A workbook-scope name the user already defined is never
 * overwritten; one that already holds this project's formula (a copy scored before) is left as
 * it is, so scoring a scored copy again changes nothing.
 */
import {
  WORKBOOK_FUNCTIONS,
  ooxmlFormula,
  sameFormula,
  type WorkbookFunction,
} from "../report/workbookFunctions";
import {
  XmlFormatError,
  attrs,
  escapeAttr,
  escapeText,
  findClose,
  findTag,
  tags,
  textContent,
} from "./xml";

/** What happened to each workbook function's name. */
export interface NamesReport {
  /** Names written into this copy. */
  added: string[];
  /** Names already there with this project's formula: unchanged. */
  current: string[];
  /** Names the user had defined with another meaning: kept, not overwritten. */
  kept: string[];
}

/** Elements of CT_Workbook that come after `definedNames`, in schema order. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Workbook-scope defined names (no localSheetId): upper-cased name → formula text. */
function workbookNames(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const list = findTag(xml, "definedNames");
  if (!list || list.selfClosing) return out;
  const close = findClose(xml, list);
  for (const t of tags(xml, list.end, close.start)) {
    if (t.closing || t.local !== "definedName") continue;
    const a = attrs(xml, t);
    if (a.localSheetId !== undefined) continue;
    const text = t.selfClosing ? "" : textContent(xml.slice(t.end, findClose(xml, t).start));
    out.set((a.name ?? "").toUpperCase(), text);
  }
  return out;
}

function definedNameXml(prefix: string, f: WorkbookFunction): string {
  return `<${prefix}definedName name="${f.name}" comment="${escapeAttr(f.comment)}">${escapeText(ooxmlFormula(f))}</${prefix}definedName>`;
}

/**
 * @summary workbook.xml with every workbook function defined, and what became of each name.
 * Inserted into an existing `<definedNames>` or a new one in its schema place.
 */
export function addWorkbookFunctions(
  workbookXml: string,
  functions: readonly WorkbookFunction[] = WORKBOOK_FUNCTIONS
): { xml: string; report: NamesReport } {
  const existing = workbookNames(workbookXml);
  const report: NamesReport = { added: [], current: [], kept: [] };
  const toAdd: WorkbookFunction[] = [];
  for (const f of functions) {
    const had = existing.get(f.name.toUpperCase());
    if (had === undefined) {
      toAdd.push(f);
      report.added.push(f.name);
    } else if (sameFormula(had, ooxmlFormula(f))) report.current.push(f.name);
    else report.kept.push(f.name);
  }
  if (toAdd.length === 0) return { xml: workbookXml, report };

  const xml = addDefinedNames(workbookXml, (p) => toAdd.map((f) => definedNameXml(p, f)).join(""));
  return { xml, report };
}

/**
 * @summary workbook.xml with `<definedName>` elements added: into the existing `<definedNames>`,
 * or a new one in its schema place (before the first element that must follow it, else before
 * `</workbook>`). `items(prefix)` writes the elements with the workbook's namespace prefix.
 */
export function addDefinedNames(workbookXml: string, items: (prefix: string) => string): string {
  const root = findTag(workbookXml, "workbook");
  if (!root) throw new XmlFormatError("no <workbook> element");
  const prefix = root.prefix;
  const list = findTag(workbookXml, "definedNames");
  if (list) {
    if (list.selfClosing) {
      return (
        workbookXml.slice(0, list.start) +
        `<${list.name}${workbookXml.slice(list.attrStart, list.attrEnd)}>${items(list.prefix)}</${list.name}>` +
        workbookXml.slice(list.end)
      );
    }
    const close = findClose(workbookXml, list);
    return workbookXml.slice(0, close.start) + items(list.prefix) + workbookXml.slice(close.start);
  }
  const block = `<${prefix}definedNames>${items(prefix)}</${prefix}definedNames>`;
  const rootClose = findClose(workbookXml, root);
  let at = rootClose.start;
  for (const t of tags(workbookXml, root.end, rootClose.start)) {
    if (!t.closing && AFTER_DEFINED_NAMES.includes(t.local)) {
      at = t.start;
      break;
    }
  }
  return workbookXml.slice(0, at) + block + workbookXml.slice(at);
}
