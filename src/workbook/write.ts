/**
 * Writes the scored copy: the original package with one summary worksheet added or replaced.
 * Only the parts that must change are rewritten (see README.md in this folder); every other
 * entry is copied with its compressed bytes untouched.
 */
import type { PageSetup, SummaryCell, SummarySheet } from "../report/types";
import { inDateSystem } from "../report/summary";
import {
  REL,
  contentTypeOf,
  parseContentTypes,
  parseRels,
  relIs,
  relsPathOf,
  resolveTarget,
  sourceOfRels,
  type Relationship,
} from "./opc";
import { asWorkbookErrors, openPackage, parseWorkbook, partText } from "./package";
import { addDefinedNames, addWorkbookFunctions, type NamesReport } from "./definedNames";
import { MINIMAL_STYLES, addStyles } from "./styles";
import {
  usableCharts,
  chartXml,
  drawingXml,
  printDefinedNames,
  relsXml,
  rowXml,
  stylesNeeded,
  worksheetXml,
} from "./summarySheet";
import { XmlFormatError, attrs, escapeAttr, findClose, findTag, tags } from "./xml";
import { writeZip, type OutEntry, type ZipArchive } from "./zip";
import type { ZipCodec } from "./codec";

/** The content types of the parts this package writes. */
export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const enc = new TextEncoder();

/** Throws for a name Excel would refuse as a sheet name. */
function checkSheetName(name: string): void {
  if (
    !name ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new Error(`invalid worksheet name: ${JSON.stringify(name)}`);
  }
}

/** Relative target from one part to another (`xl/worksheets/sheet1.xml` → `xl/drawings/drawing1.xml` = `../drawings/drawing1.xml`). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * The original package with the summary worksheet added (at the end) or replaced (same position,
 * sheetId and relationship id). `codec` reads the original's parts and deflates the new ones.
 * Throws WorkbookError when `original` is not a readable workbook.
 */
export function writeScoredCopy(
  original: Uint8Array,
  summary: SummarySheet,
  codec: ZipCodec,
  log?: LogAppend,
  report?: WriteReport
): Uint8Array {
  checkSheetName(summary.name);
  if (log) checkSheetName(log.name);
  return asWorkbookErrors(() => writeUnchecked(original, summary, codec, log, report));
}

/** What a write did besides the summary sheet, for the caller's messages. */
export interface WriteReport {
  /** The workbook functions' names (SPEC §7): added, already current, or the user's and kept. */
  names?: NamesReport;
}

/**
 * A row to append to the run log sheet: the sheet is created (header row, then the row) when
 * the workbook has none; otherwise the row goes after its last row and nothing else in it
 * changes.
 */
export interface LogAppend {
  name: string;
  header: SummaryCell[];
  row: SummaryCell[];
  columnWidths: number[];
  /** How a new log sheet prints (one landscape page wide); an existing one keeps its own. */
  pageSetup?: PageSetup;
  /** Height in points of the header and each row, whose long cells wrap (no host fits it). */
  rowHeight?: number;
}

class Edits {
  /** Parts to write, by lower-cased name, in insertion order. */
  readonly out = new Map<string, { name: string; text: string }>();
  readonly removed = new Set<string>();
  constructor(readonly zip: ZipArchive) {}
  has(name: string): boolean {
    const k = name.toLowerCase();
    return this.out.has(k) || (this.zip.byName.has(k) && !this.removed.has(k));
  }
  text(name: string): string | null {
    const o = this.out.get(name.toLowerCase());
    return o ? o.text : partText(this.zip, name);
  }
  set(name: string, text: string): void {
    const k = name.toLowerCase();
    const existing = this.zip.byName.get(k);
    this.out.set(k, { name: existing ? existing.name : name, text });
  }
  remove(name: string): void {
    this.removed.add(name.toLowerCase());
  }
  /** Smallest `prefix{n}.xml` not in use. */
  allocate(prefix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}.xml`)) return `${prefix}${n}.xml`;
  }
  build(): Uint8Array {
    const entries: OutEntry[] = [];
    const emitted = new Set<string>();
    for (const e of this.zip.entries) {
      const k = e.name.toLowerCase();
      const o = this.out.get(k);
      if (o) {
        if (!emitted.has(k)) entries.push({ kind: "new", name: o.name, data: enc.encode(o.text) });
        emitted.add(k);
      } else if (!this.removed.has(k)) entries.push({ kind: "copy", entry: e });
    }
    for (const [k, o] of this.out)
      if (!emitted.has(k)) entries.push({ kind: "new", name: o.name, data: enc.encode(o.text) });
    return writeZip(this.zip, entries, this.zip.codec, this.zip.comment);
  }
}

/** Inserts `xml` just before the end tag of the first element named `local` (expanding a self-closed one). */
function insertBeforeEnd(doc: string, local: string, xml: string): string {
  const open = findTag(doc, local);
  if (!open) throw new XmlFormatError(`no <${local}> element`);
  if (open.selfClosing) {
    return (
      doc.slice(0, open.start) +
      `<${open.name}${doc.slice(open.attrStart, open.attrEnd)}>${xml}</${open.name}>` +
      doc.slice(open.end)
    );
  }
  const close = findClose(doc, open);
  return doc.slice(0, close.start) + xml + doc.slice(close.start);
}

/** Removes the first element with local name `local` whose attribute `attr` equals `value`. */
function removeElement(doc: string, local: string, attr: string, value: string): string {
  for (const t of tags(doc)) {
    if (t.closing || t.local !== local) continue;
    if ((attrs(doc, t)[attr] ?? "").toLowerCase() !== value.toLowerCase()) continue;
    const end = t.selfClosing ? t.end : findClose(doc, t).end;
    return doc.slice(0, t.start) + doc.slice(end);
  }
  return doc;
}

function prefixOf(doc: string, local: string): string {
  return findTag(doc, local)?.prefix ?? "";
}

/** Every part reachable from `start` through internal relationships (start included). */
function closure(edits: Edits, start: string): Set<string> {
  const seen = new Set<string>([start.toLowerCase()]);
  const queue = [start];
  while (queue.length) {
    const p = queue.pop()!;
    const rels = edits.text(relsPathOf(p));
    if (rels === null) continue;
    for (const r of parseRels(rels)) {
      if (r.external) continue;
      const t = resolveTarget(p, r.target);
      if (!seen.has(t.toLowerCase()) && edits.zip.byName.has(t.toLowerCase())) {
        seen.add(t.toLowerCase());
        queue.push(t);
      }
    }
  }
  return seen;
}

/** Parts referenced by any relationship outside `excludedSources`, ignoring one workbook relationship. */
function referencedElsewhere(
  edits: Edits,
  excludedSources: Set<string>,
  workbookRels: string,
  skipRid: string
): Set<string> {
  const out = new Set<string>();
  for (const e of edits.zip.entries) {
    const src = sourceOfRels(e.name);
    if (src === null || excludedSources.has(src.toLowerCase())) continue;
    for (const r of parseRels(edits.text(e.name) ?? "")) {
      if (r.external) continue;
      if (e.name.toLowerCase() === workbookRels.toLowerCase() && r.id === skipRid) continue;
      out.add(resolveTarget(src, r.target).toLowerCase());
    }
  }
  return out;
}

function nextRid(rels: Relationship[]): string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, +m[1]);
  }
  let n = max + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  return `rId${n}`;
}

function writeUnchecked(
  original: Uint8Array,
  summary: SummarySheet,
  codec: ZipCodec,
  log: LogAppend | undefined,
  report?: WriteReport
): Uint8Array {
  const {
    zip,
    workbookPart,
    workbookXml,
    workbookRelsPart: wbRelsPath,
    workbookRelsXml,
  } = openPackage(original, codec);
  const edits = new Edits(zip);
  const wbDir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  let wbXml = workbookXml;
  if (workbookRelsXml === null) throw new XmlFormatError("workbook has no relationships part");
  let wbRelsXml = workbookRelsXml;
  let ctXml = edits.text("[Content_Types].xml");
  if (ctXml === null) throw new XmlFormatError("package has no [Content_Types].xml");
  const wbRels = parseRels(wbRelsXml);
  const wsRelType = wbRels.find((r) => relIs(r, REL.worksheet))?.type ?? `${REL_NS}/worksheet`;
  const relBase = wsRelType.slice(0, -"/worksheet".length);
  const { sheets, date1904 } = parseWorkbook(wbXml);
  const existing = sheets.find((s) => s.name.toLowerCase() === summary.name.toLowerCase());

  // Which parts the summary sheet replaces: the old sheet and what only it refers to.
  let sheetPart: string | null = null;
  let rid: string;
  const ctRemovals: string[] = [];
  if (existing) {
    rid = existing.rid;
    const rel = wbRels.find((r) => r.id === rid);
    if (rel && !rel.external) {
      const oldPart = resolveTarget(workbookPart, rel.target);
      const mine = closure(edits, oldPart);
      const keep = referencedElsewhere(edits, mine, wbRelsPath, rid);
      const oldXml = edits.text(oldPart);
      for (const p of mine) {
        if (p !== oldPart.toLowerCase() && keep.has(p)) continue;
        edits.remove(p);
        ctRemovals.push(p);
        const rp = relsPathOf(zip.byName.get(p)?.name ?? p);
        if (zip.byName.has(rp.toLowerCase())) edits.remove(rp);
      }
      if (relIs(rel, REL.worksheet))
        sheetPart = zip.byName.get(oldPart.toLowerCase())?.name ?? oldPart;
      // A calculation chain listing the old sheet's formulas would point at cells that no longer hold any.
      if (oldXml !== null && /<([\w.-]+:)?f[\s/>]/.test(oldXml)) {
        const cc = wbRels.find((r) => r.type.endsWith("/calcChain"));
        if (cc) {
          const ccPart = resolveTarget(workbookPart, cc.target);
          edits.remove(ccPart);
          ctRemovals.push(ccPart.toLowerCase());
          wbRelsXml = removeElement(wbRelsXml, "Relationship", "Id", cc.id);
        }
      }
    }
    if (!sheetPart) sheetPart = edits.allocate(`${wbDir}worksheets/sheet`);
    const target = relativeTarget(workbookPart, sheetPart);
    if (!rel || rel.external || !relIs(rel, REL.worksheet)) {
      if (rel) wbRelsXml = removeElement(wbRelsXml, "Relationship", "Id", rid);
      const p = prefixOf(wbRelsXml, "Relationships");
      wbRelsXml = insertBeforeEnd(
        wbRelsXml,
        "Relationships",
        `<${p}Relationship Id="${escapeAttr(rid)}" Type="${wsRelType}" Target="${escapeAttr(target)}"/>`
      );
    }
  } else {
    sheetPart = edits.allocate(`${wbDir}worksheets/sheet`);
    rid = nextRid(wbRels);
    let maxId = 0;
    for (const s of sheets) maxId = Math.max(maxId, +s.sheetId || 0);
    const root = findTag(wbXml, "workbook")!;
    const rootAttrs = attrs(wbXml, root);
    const rPrefix = Object.keys(rootAttrs).find(
      (k) =>
        k.startsWith("xmlns:") &&
        /relationships$/.test(rootAttrs[k]) &&
        /officeDocument/.test(rootAttrs[k])
    );
    const p = prefixOf(wbXml, "sheets");
    const ridAttr = rPrefix
      ? `${rPrefix.slice(6)}:id="${rid}"`
      : `xmlns:r="${REL_NS}" r:id="${rid}"`;
    wbXml = insertBeforeEnd(
      wbXml,
      "sheets",
      `<${p}sheet name="${escapeAttr(summary.name)}" sheetId="${maxId + 1}" ${ridAttr}/>`
    );
    const rp = prefixOf(wbRelsXml, "Relationships");
    wbRelsXml = insertBeforeEnd(
      wbRelsXml,
      "Relationships",
      `<${rp}Relationship Id="${rid}" Type="${wsRelType}" Target="${escapeAttr(relativeTarget(workbookPart, sheetPart))}"/>`
    );
  }

  // Styles: append what the summary needs.
  const stylesRel = parseRels(wbRelsXml).find((r) => relIs(r, REL.styles) && !r.external);
  let stylesPart: string;
  if (stylesRel) stylesPart = resolveTarget(workbookPart, stylesRel.target);
  else {
    stylesPart = edits.has(`${wbDir}styles.xml`)
      ? edits.allocate(`${wbDir}styles`)
      : `${wbDir}styles.xml`;
    const rp = prefixOf(wbRelsXml, "Relationships");
    wbRelsXml = insertBeforeEnd(
      wbRelsXml,
      "Relationships",
      `<${rp}Relationship Id="${nextRid(parseRels(wbRelsXml))}" Type="${relBase}/styles" Target="${escapeAttr(relativeTarget(workbookPart, stylesPart))}"/>`
    );
  }
  const stylesBefore = edits.text(stylesPart) ?? MINIMAL_STYLES;
  const logSheet: SummarySheet | null = log
    ? {
        name: log.name,
        rows: [log.header, log.row],
        columnWidths: log.columnWidths,
        chart: { title: "", firstRow: 0, rowCount: 0, categoryColumn: 0, seriesColumns: [] },
        ...(log.pageSetup ? { pageSetup: log.pageSetup } : {}),
        ...(log.rowHeight ? { rowHeights: { 0: log.rowHeight, 1: log.rowHeight } } : {}),
      }
    : null;
  const needed = stylesNeeded(summary);
  if (logSheet) needed.push(...stylesNeeded(logSheet));
  const { xml: stylesAfter, index } = addStyles(stylesBefore, needed);
  if (stylesAfter !== stylesBefore || !zip.byName.has(stylesPart.toLowerCase()))
    edits.set(stylesPart, stylesAfter);

  // The summary sheet, and its charts (the points by item, the monthly trend).
  const charts = usableCharts(summary);
  const withChart = charts.length > 0;
  const written: { part: string; type: string }[] = [
    { part: sheetPart, type: CONTENT_TYPE.worksheet },
    { part: stylesPart, type: CONTENT_TYPE.styles },
  ];
  edits.set(
    sheetPart,
    worksheetXml(inDateSystem(summary, date1904), index, withChart ? "rId1" : null)
  );
  if (withChart) {
    const drawingPart = edits.allocate(`${wbDir}drawings/drawing`);
    // Each part is written as soon as it is named: `allocate` skips only names already taken.
    const chartParts = charts.map((ch) => {
      const part = edits.allocate(`${wbDir}charts/chart`);
      edits.set(part, chartXml(summary, ch));
      return part;
    });
    const rids = charts.map((_, i) => `rId${i + 1}`);
    edits.set(
      relsPathOf(sheetPart),
      relsXml([
        { id: "rId1", type: `${relBase}/drawing`, target: relativeTarget(sheetPart, drawingPart) },
      ])
    );
    edits.set(drawingPart, drawingXml(summary, rids, charts));
    edits.set(
      relsPathOf(drawingPart),
      relsXml(
        chartParts.map((part, i) => ({
          id: rids[i],
          type: `${relBase}/chart`,
          target: relativeTarget(drawingPart, part),
        }))
      )
    );
    written.push(
      { part: relsPathOf(sheetPart), type: CONTENT_TYPE.rels },
      { part: drawingPart, type: CONTENT_TYPE.drawing },
      { part: relsPathOf(drawingPart), type: CONTENT_TYPE.rels },
      ...chartParts.map((part) => ({ part, type: CONTENT_TYPE.chart }))
    );
  }
  // The run log: a row appended to the existing sheet, or a new sheet at the end.
  if (log && logSheet) {
    const sheetsNow = parseWorkbook(wbXml).sheets;
    const found = sheetsNow.find((x) => x.name.toLowerCase() === log.name.toLowerCase());
    const rel = found && parseRels(wbRelsXml).find((r) => r.id === found.rid);
    if (found && rel && !rel.external && relIs(rel, REL.worksheet)) {
      const part = resolveTarget(workbookPart, rel.target);
      const xml = edits.text(part);
      if (xml === null) throw new XmlFormatError(`worksheet part ${part} is missing`);
      edits.set(part, appendRow(xml, log.row, index, log.rowHeight));
    } else {
      const part = edits.allocate(`${wbDir}worksheets/sheet`);
      const logRid = nextRid(parseRels(wbRelsXml));
      let maxId = 0;
      for (const x of sheetsNow) maxId = Math.max(maxId, +x.sheetId || 0);
      const sp = prefixOf(wbXml, "sheets");
      const sheetTag = findTag(wbXml, "sheet");
      const ridName = sheetTag
        ? (Object.keys(attrs(wbXml, sheetTag)).find((k) => /:id$/.test(k)) ?? "r:id")
        : "r:id";
      const nsDecl = ridName === "r:id" && !/xmlns:r=/.test(wbXml) ? ` xmlns:r="${REL_NS}"` : "";
      wbXml = insertBeforeEnd(
        wbXml,
        "sheets",
        `<${sp}sheet name="${escapeAttr(log.name)}" sheetId="${maxId + 1}"${nsDecl} ${ridName}="${logRid}"/>`
      );
      const rp = prefixOf(wbRelsXml, "Relationships");
      wbRelsXml = insertBeforeEnd(
        wbRelsXml,
        "Relationships",
        `<${rp}Relationship Id="${logRid}" Type="${wsRelType}" Target="${escapeAttr(relativeTarget(workbookPart, part))}"/>`
      );
      edits.set(part, worksheetXml(logSheet, index, null));
      written.push({ part, type: CONTENT_TYPE.worksheet });
    }
  }

  // Print titles and area of the summary, and the summary as the active tab (what opens and
  // what prints first).
  if (summary.pageSetup) {
    const position = parseWorkbook(wbXml).sheets.findIndex(
      (x) => x.name.toLowerCase() === summary.name.toLowerCase()
    );
    wbXml = setPrintNames(
      wbXml,
      position,
      printDefinedNames(summary.name, position, summary.pageSetup)
    );
    wbXml = setActiveTab(wbXml, position);
  }
  if (wbXml !== workbookXml) edits.set(workbookPart, wbXml);
  if (edits.text(wbRelsPath) !== wbRelsXml) edits.set(wbRelsPath, wbRelsXml);

  // The workbook functions (SPEC §7) as defined names, never over a name the user defined.
  const named = addWorkbookFunctions(wbXml);
  if (report) report.names = named.report;
  if (named.xml !== workbookXml) edits.set(workbookPart, named.xml);

  // Content types: drop overrides of removed parts, add or fix those of written parts.
  const ctPrefix = prefixOf(ctXml, "Types");
  for (const p of ctRemovals) {
    if (edits.out.has(p)) continue;
    ctXml = removeElement(ctXml, "Override", "PartName", "/" + (zip.byName.get(p)?.name ?? p));
  }
  for (const { part, type } of written) {
    const ct = parseContentTypes(ctXml);
    const current = contentTypeOf(ct, part);
    if (current === type) continue;
    if (ct.overrides.has(part.toLowerCase()))
      ctXml = removeElement(ctXml, "Override", "PartName", "/" + part);
    if (contentTypeOf(parseContentTypes(ctXml), part) === type) continue;
    ctXml = insertBeforeEnd(
      ctXml,
      "Types",
      `<${ctPrefix}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`
    );
  }
  if (edits.text("[Content_Types].xml") !== ctXml) edits.set("[Content_Types].xml", ctXml);
  return edits.build();
}

/** The worksheet with one row appended after its last row (the dimension widened to it). */
function appendRow(
  xml: string,
  cells: SummaryCell[],
  styleIndex: Map<string, number>,
  height?: number
): string {
  let last = 0;
  for (const t of tags(xml)) {
    if (t.closing || t.local !== "row") continue;
    const r = +(attrs(xml, t).r ?? 0);
    last = r > 0 ? r : last + 1;
  }
  const n = last + 1;
  let row = rowXml(cells, n, styleIndex);
  if (height) row = row.replace(/^<row r="(\d+)">/, `<row r="$1" ht="${height}" customHeight="1">`);
  const p = prefixOf(xml, "sheetData");
  if (p) row = row.replace(/<(\/?)(row|c|v|is|t)\b/g, `<$1${p}$2`);
  let out = insertBeforeEnd(xml, "sheetData", row);
  const dim = findTag(out, "dimension");
  if (dim) {
    const ref = attrs(out, dim).ref ?? "A1";
    const m = /^([A-Z]+\d+):([A-Z]+)\d+$/.exec(ref);
    if (m) {
      const widened = `${m[1]}:${m[2]}${n}`;
      out =
        out.slice(0, dim.start) +
        out.slice(dim.start, dim.end).replace(ref, widened) +
        out.slice(dim.end);
    }
  }
  return out;
}

/** Replaces a sheet's `_xlnm.Print_Titles` and `_xlnm.Print_Area` names by `names`. */
function setPrintNames(wbXml: string, localSheetId: number, names: string): string {
  let doc = wbXml;
  for (;;) {
    const hit = [...tags(doc)].find((t) => {
      if (t.closing || t.local !== "definedName") return false;
      const a = attrs(doc, t);
      return (
        (a.name === "_xlnm.Print_Titles" || a.name === "_xlnm.Print_Area") &&
        a.localSheetId === String(localSheetId)
      );
    });
    if (!hit) break;
    const end = hit.selfClosing ? hit.end : findClose(doc, hit).end;
    doc = doc.slice(0, hit.start) + doc.slice(end);
  }
  return addDefinedNames(doc, (p) =>
    p ? names.replace(/<(\/?)definedName\b/g, `<$1${p}definedName`) : names
  );
}

/** Makes the sheet at `position` the active (and first visible) tab. */
function setActiveTab(wbXml: string, position: number): string {
  const view = findTag(wbXml, "workbookView");
  if (view) {
    const a = attrs(wbXml, view);
    let tag = wbXml.slice(view.start, view.end);
    tag =
      a.activeTab !== undefined
        ? tag.replace(/\bactiveTab="[^"]*"/, `activeTab="${position}"`)
        : tag.replace(/^<([\w:.-]+)/, `<$1 activeTab="${position}"`);
    return wbXml.slice(0, view.start) + tag + wbXml.slice(view.end);
  }
  const sheets = findTag(wbXml, "sheets");
  if (!sheets) return wbXml;
  const p = sheets.prefix;
  return (
    wbXml.slice(0, sheets.start) +
    `<${p}bookViews><${p}workbookView activeTab="${position}"/></${p}bookViews>` +
    wbXml.slice(sheets.start)
  );
}
