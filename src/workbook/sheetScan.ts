/**
 * A tight scanner for worksheet and shared-string XML. It builds only the cell values, never a
 * tree. A worksheet is scanned as it comes out of the ZIP, as UTF-8 bytes: the rows and cells
 * every common writer produces (`<row r>`, `<c r t s>`, `<v>…</v>`, a cell's other children) are
 * read from the bytes, and only the few values that are text are decoded; anything else
 * (prefixed SpreadsheetML, comments, CDATA, an odd attribute) hands the rest of the part, decoded,
 * to the text scanner, which reads everything XML allows here. The shared strings are read as
 * text. Figures and method in README.md beside this file.
 */
import { NO_CACHE_ERROR, type RawCell } from "../engine";
import {
  XmlFormatError,
  decodeEntities,
  decodeOoxmlEscapes,
  readTag,
  textContent,
  type Tag,
} from "./xml";

/** Cells of one worksheet: `rows[r]` (1-based row) is a sparse array indexed by 0-based column. */
export interface SheetCells {
  rows: (RawCell[] | undefined)[];
  maxRow: number;
  /** Number cells whose style formats them as a percentage, as `row,column` (1-based). */
  percent?: Set<string>;
  /** The part's text after `<sheetData>` ends (where `<mergeCells>` stands). */
  rest: string;
}

function nextTag(s: string, from: number): Tag {
  let i = from;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt < 0) throw new XmlFormatError("unexpected end of part");
    const t = readTag(s, lt);
    if ("skipTo" in t) {
      i = t.skipTo;
      continue;
    }
    return t;
  }
}

/** Text between an open tag and the next `<` that is not CDATA, decoded. Returns [text, index of the end tag]. */
function readText(s: string, from: number): [string, number] {
  const lt = s.indexOf("<", from);
  if (lt < 0) throw new XmlFormatError("unterminated text");
  if (s.startsWith("<![CDATA[", lt) || s.startsWith("<!--", lt)) {
    // Rare: find the real end tag, then decode the whole run.
    let i = lt;
    for (;;) {
      const t = nextTag(s, i);
      if (t.closing)
        return [textContent(s.slice(from, t.start).replace(/<!--[\s\S]*?-->/g, "")), t.start];
      i = t.end;
    }
  }
  const raw = s.slice(from, lt);
  let text = raw.indexOf("&") >= 0 ? decodeEntities(raw) : raw;
  if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
  return [text, lt];
}

/** Concatenated `<t>` text of a string item (`<si>` or `<is>`), skipping phonetic runs (`<rPh>`). Returns [text, index after the item's end tag]. */
function readStringItem(s: string, open: Tag): [string, number] {
  if (open.selfClosing) return ["", open.end];
  let out = "";
  let inPhonetic = 0;
  let i = open.end;
  for (;;) {
    const t = nextTag(s, i);
    i = t.end;
    if (t.closing) {
      if (t.name === open.name) break;
      if (t.local === "rPh") inPhonetic--;
      continue;
    }
    if (t.selfClosing) continue;
    if (t.local === "rPh") inPhonetic++;
    else if (t.local === "t") {
      const [text, endAt] = readText(s, t.end);
      if (!inPhonetic) out += text;
      i = endAt;
    }
  }
  return [decodeOoxmlEscapes(out), i];
}

/** Parses `xl/sharedStrings.xml` into its string items, in order. */
export function scanSharedStrings(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt < 0) break;
    // Fast path for the common plain item, <si><t>text</t></si>, read without a tag object.
    if (
      s.charCodeAt(lt + 1) === 115 && // s
      s.charCodeAt(lt + 2) === 105 && // i
      s.charCodeAt(lt + 3) === 62 && // >
      s.charCodeAt(lt + 4) === 60 && // <
      s.charCodeAt(lt + 5) === 116 && // t
      s.charCodeAt(lt + 6) === 62 // >
    ) {
      // One pass to the text's end, noting whether it holds & (an entity), CR or _ (an
      // _xHHHH_ escape), which only then are looked at.
      let lt2 = lt + 7;
      let special = false;
      for (let c = s.charCodeAt(lt2); c !== 60 && lt2 < n; c = s.charCodeAt(++lt2))
        if (c === 38 || c === 13 || c === 95) special = true;
      if (
        s.charCodeAt(lt2 + 1) === 47 && // </t></si>
        s.charCodeAt(lt2 + 2) === 116 &&
        s.charCodeAt(lt2 + 3) === 62 &&
        s.charCodeAt(lt2 + 4) === 60 &&
        s.charCodeAt(lt2 + 5) === 47 &&
        s.charCodeAt(lt2 + 6) === 115 &&
        s.charCodeAt(lt2 + 7) === 105 &&
        s.charCodeAt(lt2 + 8) === 62
      ) {
        let text = s.slice(lt + 7, lt2);
        if (special) {
          if (text.indexOf("&") >= 0) text = decodeEntities(text);
          if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
          text = decodeOoxmlEscapes(text);
        }
        out.push(text);
        i = lt2 + 9;
        continue;
      }
    }
    const t = readTag(s, lt);
    if ("skipTo" in t) {
      i = t.skipTo;
      continue;
    }
    if (!t.closing && t.local === "si") {
      const [text, after] = readStringItem(s, t);
      out.push(text);
      i = after;
    } else i = t.end;
  }
  return out;
}

const D1900 = Date.UTC(1899, 11, 30);
const D1904 = Date.UTC(1904, 0, 1);

/** An ISO 8601 `t="d"` value as a serial number in the workbook's date system. */
function isoToSerial(text: string, date1904: boolean): RawCell {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?/.exec(
    text.trim()
  );
  if (m) {
    const ms = Date.UTC(
      +m[1],
      +m[2] - 1,
      +m[3],
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
      m[7] ? Math.round(+("0." + m[7]) * 1000) : 0
    );
    return (ms - (date1904 ? D1904 : D1900)) / 86400000;
  }
  const t = /^T?(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (t) return (+t[1] * 3600 + +t[2] * 60 + +(t[3] ?? 0)) / 86400;
  return text;
}

/** Result of `parseRef`: one per scan, reused for every cell so no cell allocates. */
interface CellRef {
  /** 0-based column, -1 when absent. */
  col: number;
  /** 1-based row, 0 when absent. */
  row: number;
}

/** Parses an A1 reference in s[from, to) into `ref`. */
function parseRef(s: string, from: number, to: number, ref: CellRef): void {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36)
      continue; // $
    else break;
  }
  let row = 0;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  ref.col = col - 1;
  ref.row = row;
}

const T_NONE = 0;
const T_S = 1;
const T_INLINE = 2;
const T_STR = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

/** The type code of a cell's `t` attribute value in s[from, to), read without making a string. */
function typeAt(s: string, from: number, to: number): number {
  const len = to - from;
  if (len === 1) {
    switch (s.charCodeAt(from)) {
      case 115: // s
        return T_S;
      case 98: // b
        return T_B;
      case 101: // e
        return T_E;
      case 100: // d
        return T_D;
      default: // n, or unknown
        return T_NONE;
    }
  }
  if (len === 3 && s.startsWith("str", from)) return T_STR;
  if (len === 9 && s.startsWith("inlineStr", from)) return T_INLINE;
  return T_NONE;
}

/** The non-negative integer written in s[from, to), or -1 when it is not all digits (or too long to be exact). */
function intAt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** True for the characters that can follow a tag name: space, tab, CR, LF, `>`, `/`. */
function isDelim(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/**
 * Where a scan stands: the rows so far, and the row and cell the next tag continues from. The byte
 * scanner hands it to the text scanner when it meets what only the text scanner reads.
 */
interface Scan {
  rows: (RawCell[] | undefined)[];
  maxRow: number;
  percent: Set<string> | undefined;
  rowNum: number;
  col: number;
  /** The current row's array, and how many of its slots are used. */
  cur: RawCell[] | undefined;
  curLen: number;
  /** The width the next new row's array is made with (the last row's). */
  hint: number;
}

/** What every cell conversion needs besides the cell. */
interface CellContext {
  shared: readonly string[];
  date1904: boolean;
  /** cellXfs indexes that show a percentage (empty when none does). */
  percentStyles: ReadonlySet<number>;
}

/** The children of a `<c>` that matter: its cached value, inline string, and whether it has a formula. */
interface CellChildren {
  v: string | null;
  inline: string | null;
  hasFormula: boolean;
}

/** Reads the children of a `<c>` from `i` (just after its start tag) through its end tag. Returns the index after it. */
function readCellChildren(s: string, i: number, out: CellChildren): number {
  out.v = null;
  out.inline = null;
  out.hasFormula = false;
  for (;;) {
    const ct = nextTag(s, i);
    i = ct.end;
    if (ct.closing) {
      if (ct.local === "c") return i;
      continue;
    }
    if (ct.local === "f") {
      out.hasFormula = true;
      if (!ct.selfClosing) i = readText(s, ct.end)[1];
    } else if (ct.local === "v") {
      if (!ct.selfClosing) {
        const [text, endAt] = readText(s, ct.end);
        out.v = text;
        i = endAt;
      } else out.v = "";
    } else if (ct.local === "is") {
      const [text, after] = readStringItem(s, ct);
      out.inline = text;
      i = after;
    } else if (!ct.selfClosing && ct.local === "extLst") {
      const e = s.indexOf("</" + ct.name + ">", ct.end);
      i = e < 0 ? ct.end : e + ct.name.length + 3;
    }
  }
}

/**
 * A cell's value from its type, cached value text `v`, inline string and formula flag: null for
 * an empty cell, `{ error: "#NOCACHE" }` for a formula with no cached value.
 */
function cellValue(
  type: number,
  v: string | null,
  inline: string | null,
  hasFormula: boolean,
  cx: CellContext
): RawCell {
  let value: RawCell = null;
  switch (type) {
    case T_S: {
      if (v !== null && v !== "") {
        const idx = +v;
        if (!(idx >= 0 && idx < cx.shared.length) || !Number.isInteger(idx))
          throw new XmlFormatError(`shared string ${v} out of range`);
        value = cx.shared[idx];
      }
      break;
    }
    case T_INLINE:
      value = inline ?? (v !== null ? decodeOoxmlEscapes(v) : null);
      break;
    case T_STR:
      value = v !== null ? decodeOoxmlEscapes(v) : null;
      break;
    case T_B:
      value = v === null || v === "" ? null : v === "1" || v.trim().toLowerCase() === "true";
      break;
    case T_E:
      value = v !== null && v !== "" ? { error: v.trim() } : null;
      break;
    case T_D:
      value = v !== null && v !== "" ? isoToSerial(v, cx.date1904) : null;
      break;
    default: {
      if (v !== null && v !== "") {
        const num = +v;
        value = Number.isFinite(num) && v.trim() !== "" ? num : v;
      }
    }
  }
  if (value === null && hasFormula && type !== T_INLINE) value = { error: NO_CACHE_ERROR };
  return value;
}

/** A shared string by index, or the format error the reader reports. */
function sharedAt(shared: readonly string[], k: number): string {
  if (k < shared.length) return shared[k];
  throw new XmlFormatError(`shared string ${k} out of range`);
}

/**
 * Scans a worksheet part's `<sheetData>`, given as the part's bytes (what the reader does) or as
 * text. Formula cells take their cached value; a formula with no cached value reads as
 * `{ error: "#NOCACHE" }`. Cells without an `r` attribute follow the previous cell; rows without
 * `r` follow the previous row. Both forms read the same cells (tested).
 */
export function scanWorksheet(
  part: string | Uint8Array,
  shared: string[],
  date1904: boolean,
  percentStyles?: ReadonlySet<number>
): SheetCells {
  const cx: CellContext = { shared, date1904, percentStyles: percentStyles ?? NO_STYLES };
  if (typeof part !== "string") {
    checkComplete(utf8.decode(part.subarray(Math.max(0, part.length - 200))));
    const lt = sheetDataAt(part);
    if (lt < 0) throw new XmlFormatError("worksheet has no sheetData");
    const gt = tagEndBytes(part, lt + 1);
    if (gt < 0) throw new XmlFormatError("unterminated tag");
    if (part[gt - 1] === 47)
      return { rows: [], maxRow: 0, rest: utf8.decode(part.subarray(gt + 1)) };
    return scanBytes(part, gt + 1, cx);
  }
  const m = /<([A-Za-z_][\w.-]*:)?sheetData[\s/>]/.exec(part);
  if (!m) throw new XmlFormatError("worksheet has no sheetData");
  checkComplete(part.slice(-200));
  const open = readTag(part, m.index) as Tag;
  if (open.selfClosing) return { rows: [], maxRow: 0, rest: part.slice(open.end) };
  const st: Scan = {
    rows: [],
    maxRow: 0,
    percent: undefined,
    rowNum: 0,
    col: -1,
    cur: undefined,
    curLen: 0,
    hint: 0,
  };
  return scanText(part, open.end, st, cx);
}

const NO_STYLES: ReadonlySet<number> = new Set();

/** Throws for a part that does not end with its `</worksheet>` (cut off). */
function checkComplete(tail: string): void {
  if (!/<\/([A-Za-z_][\w.-]*:)?worksheet\s*>\s*$/.test(tail))
    throw new XmlFormatError("worksheet part is truncated");
}

/** The scan's result once `</sheetData>` is read. */
function sheetCells(
  rows: (RawCell[] | undefined)[],
  maxRow: number,
  percent: Set<string> | undefined,
  rest: string
): SheetCells {
  const out: SheetCells = { rows, maxRow, rest };
  if (percent) out.percent = percent;
  return out;
}

/**
 * The text scanner: reads `<sheetData>`'s rows and cells from `s[i]` on, continuing `st`. It has
 * a fast path for the unprefixed `<row>`, `<c>` and `<c ...><v>…</v></c>`, and reads anything
 * else XML allows with the general tag reader.
 */
function scanText(s: string, i: number, st: Scan, cx: CellContext): SheetCells {
  const { rows } = st;
  const { shared, percentStyles } = cx;
  const wantStyles = percentStyles.size > 0;
  let { percent, maxRow, rowNum, col, cur, curLen, hint } = st;
  const ref: CellRef = { col: -1, row: 0 };
  const children: CellChildren = { v: null, inline: null, hasFormula: false };
  const n = s.length;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt < 0) throw new XmlFormatError("unterminated sheetData");
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 47) {
      if (s.startsWith("row>", lt + 2)) {
        i = lt + 6;
        continue;
      }
      const gt = s.indexOf(">", lt);
      if (gt < 0) throw new XmlFormatError("unterminated tag");
      const name = s.slice(lt + 2, gt).trim();
      if (name === "sheetData" || name.endsWith(":sheetData")) {
        i = gt + 1;
        if (cur !== undefined && cur.length > curLen) cur.length = curLen;
        break;
      }
      i = gt + 1;
      continue;
    }
    let local: string;
    let attrStart: number;
    let end: number;
    let selfClosing: boolean;
    if (c1 === 99 && isDelim(s.charCodeAt(lt + 2))) {
      local = "c";
      attrStart = lt + 2;
    } else if (
      c1 === 114 &&
      s.charCodeAt(lt + 2) === 111 &&
      s.charCodeAt(lt + 3) === 119 &&
      isDelim(s.charCodeAt(lt + 4))
    ) {
      local = "row";
      attrStart = lt + 4;
    } else {
      const t = readTag(s, lt);
      if ("skipTo" in t) {
        i = t.skipTo;
        continue;
      }
      if (t.closing) {
        i = t.end;
        continue;
      }
      local = t.local;
      attrStart = t.attrStart;
    }
    // Attributes: only r, t and s matter. Quote-aware, ends at `>` or `/>`.
    let p = attrStart;
    let rFrom = -1;
    let rTo = -1;
    let type = T_NONE;
    let sFrom = -1;
    let sTo = -1;
    for (;;) {
      let c = s.charCodeAt(p);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++p);
      if (c === 62) {
        selfClosing = false;
        end = p + 1;
        break;
      }
      if (c === 47 && s.charCodeAt(p + 1) === 62) {
        selfClosing = true;
        end = p + 2;
        break;
      }
      if (p >= n) throw new XmlFormatError("unterminated tag");
      // Fast path for what every common writer produces: a one-letter name, `="`, the value.
      if (s.charCodeAt(p + 1) === 61 && s.charCodeAt(p + 2) === 34) {
        let vEnd = p + 3;
        while (vEnd < n && s.charCodeAt(vEnd) !== 34) vEnd++;
        if (vEnd >= n) throw new XmlFormatError("bad attribute");
        if (c === 114) ((rFrom = p + 3), (rTo = vEnd));
        else if (c === 116) type = typeAt(s, p + 3, vEnd);
        else if (c === 115 && wantStyles) ((sFrom = p + 3), (sTo = vEnd));
        p = vEnd + 1;
        continue;
      }
      const nameStart = p;
      while (p < n && (c = s.charCodeAt(p)) !== 61 && c > 32) p++;
      const nameLen = p - nameStart;
      while (p < n && s.charCodeAt(p) !== 61) p++;
      p++;
      while (p < n && s.charCodeAt(p) <= 32) p++;
      const q = s.charCodeAt(p);
      if (q !== 34 && q !== 39) throw new XmlFormatError("bad attribute");
      const vEnd = s.indexOf(q === 34 ? '"' : "'", p + 1);
      if (vEnd < 0) throw new XmlFormatError("bad attribute");
      if (nameLen === 1) {
        const k = s.charCodeAt(nameStart);
        if (k === 114) ((rFrom = p + 1), (rTo = vEnd));
        else if (k === 116) type = typeAt(s, p + 1, vEnd);
        else if (k === 115 && wantStyles) ((sFrom = p + 1), (sTo = vEnd));
      }
      p = vEnd + 1;
    }
    i = end;
    if (local === "row") {
      const k = rTo > rFrom ? intAt(s, rFrom, rTo) : -1;
      rowNum =
        k >= 0 ? k : rFrom >= 0 && rTo > rFrom ? parseInt(s.slice(rFrom, rTo), 10) : rowNum + 1;
      if (!(rowNum >= 1)) throw new XmlFormatError("bad row number");
      col = -1;
      if (cur !== undefined) {
        if (cur.length > curLen) cur.length = curLen;
        hint = curLen;
      }
      cur = undefined;
      continue;
    }
    if (local !== "c") continue;
    if (rTo > rFrom) {
      parseRef(s, rFrom, rTo, ref);
      col = ref.col >= 0 ? ref.col : col + 1;
      if (ref.row > 0 && ref.row !== rowNum) {
        rowNum = ref.row;
        if (cur !== undefined) {
          if (cur.length > curLen) cur.length = curLen;
          hint = curLen;
        }
        cur = undefined;
      }
    } else col++;
    if (rowNum < 1) rowNum = 1;
    if (selfClosing) continue;
    if (sFrom >= 0 && percentStyles.has(intAt(s, sFrom, sTo))) {
      (percent ??= new Set()).add(`${rowNum},${col + 1}`);
    }
    let value: RawCell;
    // Fast path for the common <c ...><v>text</v></c>; whole numbers and shared-string indexes
    // are read straight from the text, without making a string.
    const lt2 = s.startsWith("<v>", i) ? s.indexOf("<", i + 3) : -1;
    if (lt2 > 0 && s.startsWith("</v></c>", lt2)) {
      const k = type === T_S || type === T_NONE ? intAt(s, i + 3, lt2) : -1;
      if (k >= 0) value = type === T_NONE ? k : sharedAt(shared, k);
      else {
        let v = s.slice(i + 3, lt2);
        if (v.indexOf("&") >= 0) v = decodeEntities(v);
        value = cellValue(type, v, null, false, cx);
      }
      i = lt2 + 8;
    } else {
      // Children of <c>: f, v, is, extLst.
      i = readCellChildren(s, i, children);
      value = cellValue(type, children.v, children.inline, children.hasFormula, cx);
    }
    if (value === null) continue;
    if (!cur) {
      cur = rows[rowNum];
      if (!cur) {
        rows[rowNum] = cur = hint > 0 ? new Array<RawCell>(hint) : [];
        curLen = 0;
      } else curLen = cur.length;
    }
    cur[col] = value;
    if (col >= curLen) curLen = col + 1;
    if (rowNum > maxRow) maxRow = rowNum;
  }
  return sheetCells(rows, maxRow, percent, s.slice(i));
}

const utf8 = new TextDecoder("utf-8");

/** Powers of ten a whole number of at most 15 digits is divided by, exactly. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in b[from, to) when it is a plain decimal (`-`, digits, at most one `.`) of
 * at most 15 digits, else NaN. Exactly what `Number(text)` gives: the digits are a whole number
 * below 2^53 and the power of ten is exact, so the one division rounds as parsing does.
 */
function decimalAt(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < to; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = fraction > 0 ? m / POW10[fraction] : m;
  return negative ? -v : v;
}

/** Char codes of a short ASCII value, reused (no array a value). */
const codes: number[] = [];

/** The text of b[from, to): short ASCII directly, anything else through the UTF-8 decoder. */
function textAt(b: Uint8Array, from: number, to: number): string {
  if (to - from <= 64) {
    codes.length = to - from;
    let i = from;
    for (; i < to && b[i] < 0x80; i++) codes[i - from] = b[i];
    if (i === to) return String.fromCharCode.apply(null, codes);
  }
  return utf8.decode(b.subarray(from, to));
}

/** As `intAt`, on bytes. */
function intAtBytes(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** As `typeAt`, on bytes. */
function typeAtBytes(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len === 1) {
    switch (b[from]) {
      case 115: // s
        return T_S;
      case 98: // b
        return T_B;
      case 101: // e
        return T_E;
      case 100: // d
        return T_D;
      default:
        return T_NONE;
    }
  }
  if (len === 3 && b[from] === 115 && b[from + 1] === 116 && b[from + 2] === 114) return T_STR;
  if (len === 9 && bytesAre(b, from, "inlineStr")) return T_INLINE;
  return T_NONE;
}

/** As `parseRef`, on bytes. */
function parseRefBytes(b: Uint8Array, from: number, to: number, ref: CellRef): void {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = b[i];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36)
      continue; // $
    else break;
  }
  let row = 0;
  for (; i < to; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  ref.col = col - 1;
  ref.row = row;
}

/** Whether b holds the ASCII text `text` at `at`. */
function bytesAre(b: Uint8Array, at: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (b[at + k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Name characters of a prefix (`[\w.-]`). */
const isNameByte = (c: number): boolean =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  c === 46 ||
  c === 45;

/** Index of the `<` of the first `<sheetData` (or `<x:sheetData`) start tag, or -1. */
function sheetDataAt(b: Uint8Array): number {
  for (let k = b.indexOf(115); k >= 0; k = b.indexOf(115, k + 1)) {
    if (!bytesAre(b, k, "sheetData")) continue;
    const after = b[k + 9];
    if (!(
      after === 32 ||
      after === 9 ||
      after === 10 ||
      after === 13 ||
      after === 47 ||
      after === 62
    ))
      continue;
    if (b[k - 1] === 60) return k - 1;
    if (b[k - 1] !== 58) continue;
    let j = k - 2;
    while (j >= 0 && isNameByte(b[j])) j--;
    const first = b[j + 1];
    const startsName =
      (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95;
    if (j >= 0 && b[j] === 60 && j + 1 < k - 1 && startsName) return j;
  }
  return -1;
}

/** Index of the `>` ending a tag whose text continues at `from`; quote-aware; -1 if none. */
function tagEndBytes(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const q = b.indexOf(c, i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/**
 * Index of the `</c>` ending a cell whose children start at `from`, when nothing between could
 * hide or fake it (a comment, CDATA, an extension list); -1 otherwise.
 */
function cellEndAt(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(60, from); i >= 0; i = b.indexOf(60, i + 1)) {
    const c = b[i + 1];
    if (c === 47 && b[i + 2] === 99 && b[i + 3] === 62) return i;
    if (c === 33 || bytesAre(b, i + 1, "extLst")) return -1;
  }
  return -1;
}

/**
 * The byte scanner: reads `<sheetData>`'s rows and cells from `b[from]` on, continuing `st`.
 * Unprefixed `<row>` and `<c>` with plain attributes, and `</sheetData>`, are read here; a cell's
 * value is read from the bytes when it is a `<v>` of digits, decoded when it is other text, and a
 * cell with other children (a formula, an inline string) has just those children decoded and
 * read as text. At the first tag it does not know, before changing anything for it, it hands the
 * rest of the part, decoded, to the text scanner.
 */
function scanBytes(b: Uint8Array, from: number, cx: CellContext): SheetCells {
  // The scan's state in locals (no object is read or written in the loop: a field's type
  // changing between two sheets would throw the optimised code away).
  const rows: (RawCell[] | undefined)[] = [];
  const { shared, percentStyles } = cx;
  const wantStyles = percentStyles.size > 0;
  let percent: Set<string> | undefined;
  let maxRow = 0;
  let rowNum = 0;
  let col = -1;
  let cur: RawCell[] | undefined;
  let curLen = 0;
  let hint = 0;
  const ref: CellRef = { col: -1, row: 0 };
  const n = b.length;
  let i = from;
  let lt = 0;
  for (;;) {
    lt = i;
    while (lt < n && b[lt] !== 60) lt++;
    if (lt >= n) break; // the text scanner reports it
    const c1 = b[lt + 1];
    if (c1 === 47) {
      if (b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) {
        i = lt + 6; // </row>
        continue;
      }
      if (!bytesAre(b, lt + 2, "sheetData>")) break;
      if (cur !== undefined && cur.length > curLen) cur.length = curLen;
      return sheetCells(rows, maxRow, percent, utf8.decode(b.subarray(lt + 12)));
    }
    let isRow: boolean;
    let p: number;
    if (c1 === 99 && isDelim(b[lt + 2])) {
      isRow = false;
      p = lt + 2;
    } else if (c1 === 114 && b[lt + 2] === 111 && b[lt + 3] === 119 && isDelim(b[lt + 4])) {
      isRow = true;
      p = lt + 4;
    } else break;
    // Attributes, as the text scanner reads them; anything unusual goes to it.
    let rFrom = -1;
    let rTo = -1;
    let type = T_NONE;
    let sFrom = -1;
    let sTo = -1;
    let selfClosing = false;
    let end = -1;
    // r="B12" as every writer puts it (capitals, digits), read while its end is found.
    let refCol = -1;
    let refRow = -1;
    for (;;) {
      let c = b[p];
      while (c === 32 || c === 9 || c === 10 || c === 13) c = b[++p];
      if (c === 114 && b[p + 1] === 61 && b[p + 2] === 34) {
        let q = p + 3;
        let letters = 0;
        let digits = 0;
        let d = b[q];
        while (d >= 65 && d <= 90) ((letters = letters * 26 + (d - 64)), (d = b[++q]));
        while (d >= 48 && d <= 57) ((digits = digits * 10 + (d - 48)), (d = b[++q]));
        if (d === 34 && q - p - 3 <= 15) {
          ((rFrom = p + 3), (rTo = q), (refCol = letters - 1), (refRow = digits));
          p = q + 1;
          continue;
        }
      }
      if (c === 62) {
        end = p + 1;
        break;
      }
      if (c === 47 && b[p + 1] === 62) {
        selfClosing = true;
        end = p + 2;
        break;
      }
      if (p >= n) break;
      let vFrom: number;
      let nameLen = 1;
      const name = c;
      if (b[p + 1] === 61 && b[p + 2] === 34) vFrom = p + 3;
      else {
        if (!(b[p + 1] === 61 || b[p + 1] <= 32)) nameLen = 2; // two letters or more
        vFrom = attributeValueAt(b, p);
        if (vFrom < 0) break;
      }
      const quote = b[vFrom - 1];
      let vEnd = vFrom;
      while (vEnd < n && b[vEnd] !== quote) vEnd++;
      if (vEnd >= n) break;
      if (nameLen === 1) {
        if (name === 114) ((rFrom = vFrom), (rTo = vEnd), (refRow = -1));
        else if (name === 116) type = typeAtBytes(b, vFrom, vEnd);
        else if (name === 115 && wantStyles) ((sFrom = vFrom), (sTo = vEnd));
      }
      p = vEnd + 1;
    }
    if (end < 0) break;
    if (isRow) {
      const k = rTo <= rFrom ? -1 : refRow >= 0 && refCol < 0 ? refRow : intAtBytes(b, rFrom, rTo);
      if (k < 0 && rFrom >= 0 && rTo > rFrom) break; // not plain digits: the text scanner's parseInt
      const next = k >= 0 ? k : rowNum + 1;
      if (!(next >= 1)) break;
      rowNum = next;
      col = -1;
      if (cur !== undefined) {
        if (cur.length > curLen) cur.length = curLen;
        hint = curLen;
      }
      cur = undefined;
      i = end;
      continue;
    }
    // The cell's value: a <v> of plain text, or its children decoded and read as text.
    let vTo = -1;
    let cellEnd = -1;
    let whole = 0;
    if (!selfClosing) {
      if (b[end] === 60 && b[end + 1] === 118 && b[end + 2] === 62) {
        // Digits are read as the value's end is found: most values are whole numbers.
        vTo = end + 3;
        let d = b[vTo];
        while (d >= 48 && d <= 57) ((whole = whole * 10 + (d - 48)), (d = b[++vTo]));
        if (d !== 60 || vTo === end + 3 || vTo - end - 3 > 15) whole = -1;
        while (vTo < n && b[vTo] !== 60) vTo++;
        if (!(
          b[vTo + 1] === 47 &&
          b[vTo + 2] === 118 &&
          b[vTo + 3] === 62 &&
          b[vTo + 4] === 60 &&
          b[vTo + 5] === 47 &&
          b[vTo + 6] === 99 &&
          b[vTo + 7] === 62
        ))
          vTo = -1; // not </v></c>
      }
      if (vTo < 0 && (cellEnd = cellEndAt(b, end)) < 0) break;
    }
    if (rTo > rFrom) {
      if (refRow >= 0) ((ref.col = refCol), (ref.row = refRow));
      else parseRefBytes(b, rFrom, rTo, ref);
      col = ref.col >= 0 ? ref.col : col + 1;
      if (ref.row > 0 && ref.row !== rowNum) {
        rowNum = ref.row;
        if (cur !== undefined) {
          if (cur.length > curLen) cur.length = curLen;
          hint = curLen;
        }
        cur = undefined;
      }
    } else col++;
    if (rowNum < 1) rowNum = 1;
    i = end;
    if (selfClosing) continue;
    if (sFrom >= 0 && percentStyles.has(intAtBytes(b, sFrom, sTo))) {
      (percent ??= new Set()).add(`${rowNum},${col + 1}`);
    }
    let value: RawCell;
    if (vTo >= 0) {
      const vFrom = end + 3;
      const k = type === T_S || type === T_NONE ? whole : -1;
      if (k >= 0) value = type === T_NONE ? k : sharedAt(shared, k);
      else value = valueText(b, vFrom, vTo, type, cx);
      i = vTo + 8;
    } else {
      value = valueOfChildren(b, end, cellEnd + 4, type, cx);
      i = cellEnd + 4;
    }
    if (value === null) continue;
    if (!cur) {
      cur = rows[rowNum];
      if (!cur) {
        rows[rowNum] = cur = hint > 0 ? new Array<RawCell>(hint) : [];
        curLen = 0;
      } else curLen = cur.length;
    }
    cur[col] = value;
    if (col >= curLen) curLen = col + 1;
    if (rowNum > maxRow) maxRow = rowNum;
  }
  // A tag only the text scanner reads: the rest of the part goes to it, from that tag.
  const st: Scan = { rows, maxRow, percent, rowNum, col, cur, curLen, hint };
  return scanText(utf8.decode(b.subarray(lt)), 0, st, cx);
}

/**
 * Where the value of an attribute starts (after its opening quote) when the attribute at `p` is
 * not written `x="…"`: `name = 'value'`, spaces around `=`, a longer name. -1 when malformed.
 */
function attributeValueAt(b: Uint8Array, p: number): number {
  const n = b.length;
  let c: number;
  while (p < n && (c = b[p]) !== 61 && c > 32) p++;
  while (p < n && b[p] !== 61) p++;
  p++;
  while (p < n && b[p] <= 32) p++;
  return b[p] === 34 || b[p] === 39 ? p + 1 : -1;
}

/** The value of a `<v>` whose text b[from, to) is not a plain whole number. */
function valueText(
  b: Uint8Array,
  from: number,
  to: number,
  type: number,
  cx: CellContext
): RawCell {
  const d = type === T_NONE ? decimalAt(b, from, to) : NaN;
  if (d === d) return d;
  let v = textAt(b, from, to);
  if (v.indexOf("&") >= 0) v = decodeEntities(v);
  if (type === T_NONE && v !== "") {
    // A number too long for decimalAt (17 significant digits are common): as cellValue reads it.
    const num = +v;
    if (Number.isFinite(num) && v.trim() !== "") return num;
  }
  return cellValue(type, v, null, false, cx);
}

/** The value of a cell whose children b[from, to) (through its `</c>`) are more than one `<v>`. */
function valueOfChildren(
  b: Uint8Array,
  from: number,
  to: number,
  type: number,
  cx: CellContext
): RawCell {
  const children: CellChildren = { v: null, inline: null, hasFormula: false };
  readCellChildren(utf8.decode(b.subarray(from, to)), 0, children);
  return cellValue(type, children.v, children.inline, children.hasFormula, cx);
}
