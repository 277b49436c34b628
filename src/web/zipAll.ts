/**
 * 全部下载（.zip）: every scored copy of a batch in one zip (SPEC §12), made in the page from the
 * copies it already holds, with fflate's zipSync. Each copy is stored as it is (an .xlsx is a zip
 * already; deflating it again gains nothing), so an entry's bytes are exactly the copy's, the
 * same bytes its own 下载评分结果 button saves. Names are UTF-8 with the ZIP's language-encoding
 * flag (bit 11, which fflate sets for any name that is not ASCII), so 台账.scored.xlsx opens
 * under its own name in Windows' Explorer, WPS and 7-Zip.
 */
import { zipSync, type Zippable } from "fflate";

/** `台账.scored.xlsx` → `台账 (2).scored.xlsx`: the number before `.scored.`, so it stays a scored copy's name. */
function numbered(name: string, k: number): string {
  const scored = name.toLowerCase().lastIndexOf(".scored.");
  const cut = scored >= 0 ? scored : name.lastIndexOf(".");
  return cut > 0 ? `${name.slice(0, cut)} (${k})${name.slice(cut)}` : `${name} (${k})`;
}

/**
 * @summary The names made unique, in order: a name met before (letter case ignored, as
 * Windows' file systems ignore it) gets ` (2)`, ` (3)` … before its `.scored.` part.
 * @example
 * uniqueNames(["a.scored.xlsx", "A.scored.xlsx"]) //=> ["a.scored.xlsx", "A (2).scored.xlsx"]
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let out = name;
    for (let k = 2; taken.has(out.toLowerCase()); k++) out = numbered(name, k);
    taken.add(out.toLowerCase());
    return out;
  });
}

/**
 * @summary One zip holding each file under its unique name, stored (not compressed again), each
 * entry dated `now`.
 */
export function zipCopies(
  files: readonly { name: string; bytes: Uint8Array }[],
  now: Date
): Uint8Array {
  const names = uniqueNames(files.map((f) => f.name));
  const entries: Zippable = {};
  files.forEach((f, i) => (entries[names[i]] = [f.bytes, { level: 0, mtime: now }]));
  return zipSync(entries);
}
