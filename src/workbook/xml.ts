/**
 * Small, allocation-light XML helpers for OOXML parts: a tag iterator that reports positions (so
 * writers can splice text into a part without re-serialising it), attribute reading, and the
 * escapes SpreadsheetML uses. Not a general XML parser: DTDs are not supported (OOXML forbids
 * them) and well-formedness is checked only as far as the readers need.
 */

export class XmlFormatError extends Error {}

export interface Tag {
  /** Qualified name as written (`x:row`). */
  name: string;
  /** Name without its prefix (`row`). */
  local: string;
  /** Prefix with its colon (`x:`), or "". */
  prefix: string;
  /** Index of `<`. */
  start: number;
  /** Index just after `>`. */
  end: number;
  closing: boolean;
  selfClosing: boolean;
  /** Index range of the attribute text (after the name, before `/>` or `>`). */
  attrStart: number;
  attrEnd: number;
}

/** Index of the `>` closing a tag whose attributes begin at `from`; quote-aware. */
function tagEnd(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 62) return i; // >
    if (c === 34 || c === 39) {
      const q = s.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) break;
      i = q + 1;
    } else i++;
  }
  throw new XmlFormatError("unterminated tag");
}

/** Reads the tag starting at `lt` (an index of `<`); returns null for comments, PIs, CDATA and DOCTYPE (skipped via `skipTo`). */
export function readTag(s: string, lt: number): Tag | { skipTo: number } {
  const c1 = s.charCodeAt(lt + 1);
  if (c1 === 33 /* ! */) {
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      if (e < 0) throw new XmlFormatError("unterminated comment");
      return { skipTo: e + 3 };
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      if (e < 0) throw new XmlFormatError("unterminated CDATA");
      return { skipTo: e + 3 };
    }
    return { skipTo: tagEnd(s, lt + 2) + 1 };
  }
  if (c1 === 63 /* ? */) {
    const e = s.indexOf("?>", lt + 2);
    if (e < 0) throw new XmlFormatError("unterminated processing instruction");
    return { skipTo: e + 2 };
  }
  const closing = c1 === 47;
  let p = closing ? lt + 2 : lt + 1;
  const nameStart = p;
  const n = s.length;
  while (p < n) {
    const c = s.charCodeAt(p);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
    p++;
  }
  if (p === nameStart || p >= n) throw new XmlFormatError("bad tag");
  const name = s.slice(nameStart, p);
  const gt = tagEnd(s, p);
  const selfClosing = !closing && s.charCodeAt(gt - 1) === 47;
  const colon = name.indexOf(":");
  return {
    name,
    local: colon < 0 ? name : name.slice(colon + 1),
    prefix: colon < 0 ? "" : name.slice(0, colon + 1),
    start: lt,
    end: gt + 1,
    closing,
    selfClosing,
    attrStart: p,
    attrEnd: selfClosing ? gt - 1 : gt,
  };
}

/** Every tag in s[from, to), in order (comments, PIs and CDATA skipped). */
export function* tags(s: string, from = 0, to = s.length): Generator<Tag> {
  let i = from;
  while (i < to) {
    const lt = s.indexOf("<", i);
    if (lt < 0 || lt >= to) return;
    const t = readTag(s, lt);
    if ("skipTo" in t) {
      i = t.skipTo;
      continue;
    }
    yield t;
    i = t.end;
  }
}

/** All attributes of a tag, values decoded; keys are qualified names as written. */
export function attrs(s: string, t: Tag): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  const text = s.slice(t.attrStart, t.attrEnd);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

/** Attribute by local name (ignores any prefix), or undefined. */
export function attrLocal(a: Record<string, string>, local: string): string | undefined {
  if (local in a) return a[local];
  for (const k in a) if (k.endsWith(":" + local)) return a[k];
  return undefined;
}

/** Finds the end tag matching the open tag `open` (same qualified name, nesting-aware). */
export function findClose(s: string, open: Tag): Tag {
  let depth = 0;
  for (const t of tags(s, open.end)) {
    if (t.name !== open.name) continue;
    if (t.closing) {
      if (depth === 0) return t;
      depth--;
    } else if (!t.selfClosing) depth++;
  }
  throw new XmlFormatError(`no end tag for <${open.name}>`);
}

/** The first start tag with local name `local` in s[from, to). */
export function findTag(s: string, local: string, from = 0, to = s.length): Tag | null {
  for (const t of tags(s, from, to)) if (!t.closing && t.local === local) return t;
  return null;
}

/** Direct child elements of `open` (whose end tag is `close`): their start and end indexes and local names. */
export function children(
  s: string,
  open: Tag,
  close: Tag
): { tag: Tag; start: number; end: number }[] {
  const out: { tag: Tag; start: number; end: number }[] = [];
  let i = open.end;
  while (i < close.start) {
    const lt = s.indexOf("<", i);
    if (lt < 0 || lt >= close.start) break;
    const t = readTag(s, lt);
    if ("skipTo" in t) {
      i = t.skipTo;
      continue;
    }
    if (t.closing) throw new XmlFormatError("unexpected end tag");
    if (t.selfClosing) {
      out.push({ tag: t, start: t.start, end: t.end });
      i = t.end;
    } else {
      const c = findClose(s, t);
      out.push({ tag: t, start: t.start, end: c.end });
      i = c.end;
    }
  }
  return out;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e] ?? m;
  });
}

/** Text content as an XML parser reports it: entities decoded, line ends normalised. */
export function textContent(raw: string): string {
  let s = raw;
  if (s.indexOf("<![CDATA[") >= 0) {
    // Decode entities outside CDATA sections only.
    let out = "";
    let i = 0;
    for (;;) {
      const c = s.indexOf("<![CDATA[", i);
      if (c < 0) {
        out += decodeEntities(s.slice(i));
        break;
      }
      out += decodeEntities(s.slice(i, c));
      const e = s.indexOf("]]>", c + 9);
      out += s.slice(c + 9, e < 0 ? s.length : e);
      i = e < 0 ? s.length : e + 3;
    }
    s = out;
  } else s = decodeEntities(s);
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s;
}

/** SpreadsheetML's `_xHHHH_` escapes in string content (ECMA-376 Part 1, 22.9.2.19). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) =>
    c === "&"
      ? "&amp;"
      : c === "<"
        ? "&lt;"
        : c === ">"
          ? "&gt;"
          : c === '"'
            ? "&quot;"
            : `&#${c.charCodeAt(0)};`
  );
}

/**
 * Text for a SpreadsheetML string: characters XML 1.0 cannot hold (and CR, which XML parsers
 * would turn into LF) become `_xHHHH_` as Excel writes them, a literal
 * `_xHHHH_` gets its underscore escaped so it reads back unchanged, then XML-escaped.
 */
export function encodeCellText(s: string): string {
  const t = s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      /[^\t\n\u0020-\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => "_x" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + "_"
    );
  return escapeText(t);
}
