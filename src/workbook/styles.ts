/**
 * Appends the cell formats the summary needs to `xl/styles.xml`. Existing entries are never
 * moved or changed, so every existing `s="n"` keeps meaning the same thing; an entry that is
 * already present verbatim (for instance from an earlier run) is reused, so scoring a scored
 * copy again leaves styles.xml byte-identical.
 */
import { HEADER_FILL_RGB, NUMBER_FORMATS } from "../report/cells";
import type { CellFormat } from "../report/types";
import {
  XmlFormatError,
  attrs,
  children,
  escapeAttr,
  findClose,
  findTag,
  readTag,
  type Tag,
} from "./xml";

export interface StyleSpec {
  format: CellFormat;
  bold: boolean;
  header: boolean;
  /** Text beginning with = + - @: marked quotePrefix so Excel keeps it text when edited. */
  quote: boolean;
  /** Font size in points for larger type (SPEC §9); absent: the workbook's default font. */
  size?: number;
  /** Wrap text inside the cell (or its merged range). */
  wrap?: boolean;
  /**
   * Indent text one step from the cell's left edge, so that it never reads as one with a
   * right-aligned number in the cell before it (SPEC §9).
   */
  indent?: boolean;
  /** A thin border on every side. */
  border?: boolean;
}

export function styleKey(s: StyleSpec): string {
  return (
    `${s.format}|${+s.bold}|${+s.header}|${+s.quote}` +
    (s.size ? `|s${s.size}` : "") +
    (s.wrap ? "|w" : "") +
    (s.indent ? "|i" : "") +
    (s.border ? "|b" : "")
  );
}

/**
 * Built-in number format ids (the same in every locale) of the shared format codes. A code not
 * listed here (the date's yyyy-mm-dd) is added as a custom `numFmt` (id >= 164).
 */
const BUILTIN_NUMFMT_ID: ReadonlyMap<string, number> = new Map([
  ["0", 1],
  ["0.00", 2],
  ["#,##0.00", 4],
  ["0.00%", 10],
  ["@", 49],
]);

/** A minimal stylesheet for a package that has none. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Order of the stylesheet's children (CT_Stylesheet sequence). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

class Sheet {
  constructor(public xml: string) {}
  root(): { open: Tag; close: Tag; prefix: string } {
    const open = findTag(this.xml, "styleSheet");
    if (!open || open.selfClosing) throw new XmlFormatError("styles part has no <styleSheet>");
    return { open, close: findClose(this.xml, open), prefix: open.prefix };
  }
  /** The container's open/close tags, creating it (with default children) when missing. */
  container(local: string, defaults: string[]): { open: Tag; close: Tag } {
    const { open, close, prefix } = this.root();
    const kids = children(this.xml, open, close);
    const found = kids.find((k) => k.tag.local === local);
    if (found) {
      if (found.tag.selfClosing) {
        const expanded = `<${found.tag.name}${this.xml.slice(found.tag.attrStart, found.tag.attrEnd)}></${found.tag.name}>`;
        this.xml = this.xml.slice(0, found.start) + expanded + this.xml.slice(found.end);
        return this.container(local, defaults);
      }
      return { open: found.tag, close: findClose(this.xml, found.tag) };
    }
    const rank = ORDER.indexOf(local);
    const next = kids.find((k) => ORDER.indexOf(k.tag.local) > rank);
    const at = next ? next.start : close.start;
    const body = defaults.map((d) => d.replace(/<(\/?)/g, `<$1${prefix}`)).join("");
    const el = `<${prefix}${local} count="${defaults.length}">${body}</${prefix}${local}>`;
    this.xml = this.xml.slice(0, at) + el + this.xml.slice(at);
    return this.container(local, defaults);
  }
  items(local: string, defaults: string[]): string[] {
    const { open, close } = this.container(local, defaults);
    return children(this.xml, open, close).map((k) => this.xml.slice(k.start, k.end));
  }
  /** Index of `item` in the container (exact text), appending it when absent. */
  ensure(local: string, defaults: string[], item: string): number {
    const list = this.items(local, defaults);
    const at = list.indexOf(item);
    if (at >= 0) return at;
    const { open, close } = this.container(local, defaults);
    const count = list.length + 1;
    const openText = this.xml.slice(open.start, open.end);
    const newOpen = /\scount\s*=\s*"[^"]*"/.test(openText)
      ? openText.replace(/(\scount\s*=\s*")[^"]*"/, `$1${count}"`)
      : openText.replace(/^<([^\s>/]+)/, `<$1 count="${count}"`);
    this.xml =
      this.xml.slice(0, open.start) +
      newOpen +
      this.xml.slice(open.end, close.start) +
      item +
      this.xml.slice(close.start);
    return list.length;
  }
}

const DEFAULTS: Record<string, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/**
 * Returns the stylesheet with the specs' formats present and each spec's cellXfs index.
 * Specs are added in the order given, so the result is deterministic.
 */
export function addStyles(
  stylesXml: string,
  specs: StyleSpec[]
): { xml: string; index: Map<string, number> } {
  const s = new Sheet(stylesXml);
  const p = s.root().prefix;
  const el = (x: string) => x.replace(/<(\/?)/g, `<$1${p}`);
  const index = new Map<string, number>();
  const customFmt = new Map<string, number>();
  /** The id of a custom number format: the first `numFmt` with that code, else a new one after the highest id (>= 164). */
  const customFmtId = (code: string): number => {
    let id = customFmt.get(code);
    if (id !== undefined) return id;
    id = -1;
    let max = 163;
    for (const f of s.items("numFmts", DEFAULTS.numFmts)) {
      const a = attrs(f, readTag(f, 0) as Tag);
      const fid = +(a.numFmtId ?? "0");
      if (a.formatCode === code && id < 0) id = fid;
      if (fid > max) max = fid;
    }
    if (id < 0) {
      id = max + 1;
      s.ensure(
        "numFmts",
        DEFAULTS.numFmts,
        el(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`)
      );
    }
    customFmt.set(code, id);
    return id;
  };
  /** The font of a spec: the default font, bold and / or at a size, added once each. */
  const fonts = new Map<string, number>();
  const fontOf = (bold: boolean, size: number | undefined): number => {
    const key = `${+bold}|${size ?? ""}`;
    const known = fonts.get(key);
    if (known !== undefined) return known;
    const base = s.items("fonts", DEFAULTS.fonts)[0];
    const t = readTag(base, 0) as Tag;
    const baseBold = /<([\w.-]+:)?b(\s+val="(1|true)")?\s*\/>/.test(base);
    let id = 0;
    if (bold !== baseBold || size) {
      let body = t.selfClosing ? "" : base.slice(t.end, base.lastIndexOf("</"));
      if (size) {
        const sz = /<([\w.-]+:)?sz\s+val="[^"]*"\s*\/>/;
        body = sz.test(body)
          ? body.replace(sz, el(`<sz val="${size}"/>`))
          : el(`<sz val="${size}"/>`) + body;
      }
      if (bold && !baseBold) body = el("<b/>") + body;
      id = s.ensure(
        "fonts",
        DEFAULTS.fonts,
        `<${t.name}${base.slice(t.attrStart, t.attrEnd)}>${body}</${t.name}>`
      );
    }
    fonts.set(key, id);
    return id;
  };
  let fill = -1;
  for (const spec of specs) {
    const key = styleKey(spec);
    if (index.has(key)) continue;
    const code = NUMBER_FORMATS[spec.format];
    const numFmtId = BUILTIN_NUMFMT_ID.get(code) ?? customFmtId(code);
    const fontId = spec.bold || spec.size ? fontOf(spec.bold, spec.size) : 0;
    let fillId = 0;
    if (spec.header) {
      if (fill < 0) {
        s.items("fills", DEFAULTS.fills);
        fill = s.ensure(
          "fills",
          DEFAULTS.fills,
          el(
            `<fill><patternFill patternType="solid"><fgColor rgb="FF${HEADER_FILL_RGB}"/><bgColor indexed="64"/></patternFill></fill>`
          )
        );
      }
      fillId = fill;
    }
    s.items("borders", DEFAULTS.borders);
    const borderId = spec.border
      ? s.ensure(
          "borders",
          DEFAULTS.borders,
          el(
            `<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color auto="1"/></${side}>`).join("")}<diagonal/></border>`
          )
        )
      : 0;
    s.items("cellStyleXfs", DEFAULTS.cellStyleXfs);
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1"` +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (spec.quote ? ' quotePrefix="1"' : "") +
      (spec.wrap || spec.indent
        ? ` applyAlignment="1"><alignment${spec.indent ? ' horizontal="left" indent="1"' : ""}${spec.wrap ? ' vertical="top" wrapText="1"' : ""}/></xf>`
        : "/>");
    index.set(key, s.ensure("cellXfs", DEFAULTS.cellXfs, el(xf)));
  }
  return { xml: s.xml, index };
}
