/** Open Packaging Conventions helpers: part names, relationships, content types. */
import { attrs, tags } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
  table: "/table",
  drawing: "/drawing",
  chart: "/chart",
} as const;

/** True when a relationship type (transitional or strict namespace) ends with `suffix`. */
export function relIs(r: Relationship, suffix: string): boolean {
  return r.type.endsWith(suffix);
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return part.slice(0, slash + 1) + "_rels/" + part.slice(slash + 1) + ".rels";
}

/** The source part of a relationships part (`_rels/.rels` → ""). */
export function sourceOfRels(relsPath: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPath);
  return m ? m[1] + m[2] : null;
}

/** Resolves a relationship target against its source part; returns a part name without leading slash. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as written */
  }
  t = t.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const t of tags(xml)) {
    if (t.closing || t.local !== "Relationship") continue;
    const a = attrs(xml, t);
    out.push({
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: (a.TargetMode ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const t of tags(xml)) {
    if (t.closing) continue;
    const a = attrs(xml, t);
    if (t.local === "Default") defaults.set((a.Extension ?? "").toLowerCase(), a.ContentType ?? "");
    else if (t.local === "Override")
      overrides.set((a.PartName ?? "").replace(/^\//, "").toLowerCase(), a.ContentType ?? "");
  }
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf(".");
  return dot < 0 ? undefined : ct.defaults.get(part.slice(dot + 1).toLowerCase());
}
