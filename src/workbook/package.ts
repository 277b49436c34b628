/**
 * Opening a workbook package, shared by the reader and the writer: classify the bytes, unzip,
 * find the workbook part and its relationships, and turn any failure into a WorkbookError.
 */
import type { ZipCodec } from "./codec";
import { WorkbookError, classifyCfb, isCfb, looksLikeCsv, workbookError } from "./errors";
import { REL, parseRels, relIs, relsPathOf, resolveTarget } from "./opc";
import { XmlFormatError, attrLocal, attrs, tags } from "./xml";
import { ZipFormatError, extract, looksLikeZip, readZip, type ZipArchive } from "./zip";

export interface SheetEntry {
  name: string;
  sheetId: string;
  rid: string;
}

/** An opened package: its archive, the workbook part (name and text) and the workbook's relationships part. */
export interface OpenPackage {
  zip: ZipArchive;
  workbookPart: string;
  workbookXml: string;
  workbookRelsPart: string;
  /** Null when the package has no relationships part for the workbook. */
  workbookRelsXml: string | null;
}

const utf8 = new TextDecoder("utf-8");

/** A part's bytes (inflated and CRC-checked), or null when the package has no such part. */
export function partBytes(zip: ZipArchive, part: string): Uint8Array | null {
  const e = zip.byName.get(part.toLowerCase());
  return e ? extract(zip, e) : null;
}

/** A part's text (inflated and CRC-checked), or null when the package has no such part. */
export function partText(zip: ZipArchive, part: string): string | null {
  const bytes = partBytes(zip, part);
  return bytes === null ? null : utf8.decode(bytes);
}

/** Where the workbook part is, from the package's root relationships (fallback `xl/workbook.xml`). */
function workbookPartName(zip: ZipArchive): string {
  const root = partText(zip, "_rels/.rels");
  if (root !== null) {
    const doc = parseRels(root).find((r) => relIs(r, REL.officeDocument) && !r.external);
    if (doc) return resolveTarget("", doc.target);
  }
  return "xl/workbook.xml";
}

export function parseWorkbook(xml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let sawRoot = false;
  for (const t of tags(xml)) {
    if (t.closing) continue;
    if (t.local === "workbook") sawRoot = true;
    else if (t.local === "workbookPr") {
      const v = attrs(xml, t).date1904;
      date1904 = v === "1" || v === "true";
    } else if (t.local === "sheet") {
      const a = attrs(xml, t);
      sheets.push({ name: a.name ?? "", sheetId: a.sheetId ?? "", rid: attrLocal(a, "id") ?? "" });
    }
  }
  if (!sawRoot) throw new XmlFormatError("workbook part has no <workbook> element");
  return { sheets, date1904 };
}

/** Checks the bytes' kind before unzipping; throws the matching WorkbookError for non-workbooks. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw workbookError("file-empty");
  if (isCfb(bytes)) throw workbookError(classifyCfb(bytes));
  if (looksLikeZip(bytes)) return;
  if (looksLikeCsv(bytes)) throw workbookError("file-csv");
  throw workbookError("file-not-xlsx");
}

/**
 * Opens the package (its entries inflated and checked by `codec`) and reads its workbook part and
 * the workbook's relationships, or throws a WorkbookError.
 */
export function openPackage(bytes: Uint8Array, codec: ZipCodec): OpenPackage {
  sniff(bytes);
  let zip: ZipArchive;
  try {
    zip = readZip(bytes, codec);
  } catch (e) {
    throw workbookError("file-corrupt", (e as Error).message);
  }
  const workbookPart = workbookPartName(zip);
  const workbookXml = partText(zip, workbookPart);
  if (workbookXml === null) {
    if (zip.byName.has("xl/workbook.bin"))
      throw workbookError(
        "file-not-xlsx",
        "Excel 二进制工作簿 .xlsb / Excel binary workbook .xlsb"
      );
    if (zip.byName.has("mimetype") || zip.byName.has("content.xml"))
      throw workbookError("file-not-xlsx", "OpenDocument .ods");
    if (zip.byName.has("word/document.xml")) throw workbookError("file-not-xlsx", "Word .docx");
    throw workbookError("file-not-xlsx");
  }
  const workbookRelsPart = relsPathOf(workbookPart);
  return {
    zip,
    workbookPart,
    workbookXml,
    workbookRelsPart,
    workbookRelsXml: partText(zip, workbookRelsPart),
  };
}

/**
 * Runs `work` on a package, turning whatever it throws into a WorkbookError: encrypted ZIP
 * entries give `file-encrypted`, anything else raised while taking the package apart means it is
 * not what it claims to be (`file-corrupt`).
 */
export function asWorkbookErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    if (e instanceof ZipFormatError && e.encrypted)
      throw workbookError("file-encrypted", e.message);
    throw workbookError("file-corrupt", e instanceof Error ? e.message : String(e));
  }
}

/**
 * @summary The names of a workbook's sheets, from its workbook part only (no worksheet is
 * inflated), or null when the bytes are not a readable workbook: enough to tell a scored copy
 * (it holds 考核结果 and 考核记录) or an overview workbook from anything else.
 */
export function sheetNamesOf(bytes: Uint8Array, codec: ZipCodec): string[] | null {
  try {
    return parseWorkbook(openPackage(bytes, codec).workbookXml).sheets.map((s) => s.name);
  } catch {
    return null;
  }
}
