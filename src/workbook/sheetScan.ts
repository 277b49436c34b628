/**
 * A tight scanner for worksheet and shared-string XML. It walks the text with `indexOf` and
 * char codes and builds only the cell values, never a tree: on a 130k-row ledger it reads the shared
 * strings and both sheets in about 120 ms, where saxes alone needs about 310 ms just to tokenise
 * the same text (figures and method in README.md beside this file).
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
  /** Index in the part's text just after `</sheetData>` (where `<mergeCells>` may follow). */
  dataEnd?: number;
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
  let i = 0;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt < 0) break;
    const t = readTag(s, lt);
    if ("skipTo" in t) {
      i = t.skipTo;
      continue;
    }
    if (!t.closing && t.local === "si") {
      // Fast path for the common plain item: <si><t>text</t></si>.
      if (!t.selfClosing && t.prefix === "" && s.startsWith("<t>", t.end)) {
        const lt2 = s.indexOf("<", t.end + 3);
        if (lt2 > 0 && s.startsWith("</t></si>", lt2)) {
          let text = s.slice(t.end + 3, lt2);
          if (text.indexOf("&") >= 0) text = decodeEntities(text);
          if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
          out.push(decodeOoxmlEscapes(text));
          i = lt2 + 9;
          continue;
        }
      }
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
 * Scans a worksheet part's `<sheetData>`. Formula cells take their cached value; a formula with
 * no cached value reads as `{ error: "#NOCACHE" }`. Cells without an `r` attribute follow the
 * previous cell; rows without `r` follow the previous row.
 *
 * The loop has a fast path for the unprefixed `<row>`, `<c>` and `<c ...><v>…</v></c>` that every
 * common writer produces, and falls back to the general tag reader for anything else.
 */
export function scanWorksheet(
  s: string,
  shared: string[],
  date1904: boolean,
  percentStyles?: ReadonlySet<number>
): SheetCells {
  const wantStyles = percentStyles !== undefined && percentStyles.size > 0;
  let percent: Set<string> | undefined;
  const rows: (RawCell[] | undefined)[] = [];
  let maxRow = 0;
  const m = /<([A-Za-z_][\w.-]*:)?sheetData[\s/>]/.exec(s);
  if (!m) throw new XmlFormatError("worksheet has no sheetData");
  if (!/<\/([A-Za-z_][\w.-]*:)?worksheet\s*>\s*$/.test(s.slice(-200)))
    throw new XmlFormatError("worksheet part is truncated");
  const open = readTag(s, m.index) as Tag;
  if (open.selfClosing) return { rows, maxRow };
  let i = open.end;
  let rowNum = 0;
  let col = -1;
  let cur: RawCell[] | undefined;
  // A new row's array is made as wide as the last row was (most rows of a sheet are alike), and
  // cut to its own width when it ends: an empty [] would grow to 16 slots on its first cell.
  let curLen = 0;
  let hint = 0;
  const ref: CellRef = { col: -1, row: 0 };
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
    // Attributes: only r and t matter. Quote-aware, ends at `>` or `/>`.
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
    if (sFrom >= 0 && percentStyles!.has(intAt(s, sFrom, sTo))) {
      (percent ??= new Set()).add(`${rowNum},${col + 1}`);
    }
    let v: string | null = null;
    let inline: string | null = null;
    let hasFormula = false;
    // Fast path for the common <c ...><v>text</v></c>; whole numbers and shared-string indexes
    // are read straight from the text, without making a string.
    let fast = false;
    if (s.charCodeAt(i) === 60 && s.startsWith("<v>", i)) {
      const lt2 = s.indexOf("<", i + 3);
      if (lt2 > 0 && s.startsWith("</v></c>", lt2)) {
        if (type === T_S || type === T_NONE) {
          const k = intAt(s, i + 3, lt2);
          if (k >= 0) {
            i = lt2 + 8;
            let value: RawCell;
            if (type === T_NONE) value = k;
            else if (k < shared.length) value = shared[k];
            else throw new XmlFormatError(`shared string ${k} out of range`);
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
            continue;
          }
        }
        v = s.slice(i + 3, lt2);
        if (v.indexOf("&") >= 0) v = decodeEntities(v);
        i = lt2 + 8;
        fast = true;
      }
    }
    // Children of <c>: f, v, is, extLst.
    while (!fast) {
      const ct = nextTag(s, i);
      i = ct.end;
      if (ct.closing) {
        if (ct.local === "c") break;
        continue;
      }
      if (ct.local === "f") {
        hasFormula = true;
        if (!ct.selfClosing) i = readText(s, ct.end)[1];
      } else if (ct.local === "v") {
        if (!ct.selfClosing) {
          const [text, endAt] = readText(s, ct.end);
          v = text;
          i = endAt;
        } else v = "";
      } else if (ct.local === "is") {
        const [text, after] = readStringItem(s, ct);
        inline = text;
        i = after;
      } else if (!ct.selfClosing && ct.local === "extLst") {
        const e = s.indexOf("</" + ct.name + ">", ct.end);
        i = e < 0 ? ct.end : e + ct.name.length + 3;
      }
    }
    let value: RawCell = null;
    switch (type) {
      case T_S: {
        if (v !== null && v !== "") {
          const idx = +v;
          if (!(idx >= 0 && idx < shared.length) || !Number.isInteger(idx))
            throw new XmlFormatError(`shared string ${v} out of range`);
          value = shared[idx];
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
        value = v !== null && v !== "" ? isoToSerial(v, date1904) : null;
        break;
      default: {
        if (v !== null && v !== "") {
          const num = +v;
          value = Number.isFinite(num) && v.trim() !== "" ? num : v;
        }
      }
    }
    if (value === null && hasFormula && type !== T_INLINE) value = { error: NO_CACHE_ERROR };
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
  const out: SheetCells = percent ? { rows, maxRow, percent } : { rows, maxRow };
  out.dataEnd = i;
  return out;
}
