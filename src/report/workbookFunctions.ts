/**
 * SPEC §7: the pay arithmetic as workbook names defined by LAMBDA — `TAILPAY(score, amount)`,
 * `PAYTIER(score)`, `TAILRATIO(score)`, `RATEPOINTS(rate, max_points)` — so a scored workbook
 * e-mailed to finance computes the same numbers without the add-in. The command line writes them
 * into every scored copy (xl/workbook.xml); the add-in installs them on request. Both take the
 * texts from here, and the bodies are built from the default profile's tiers and bands, so they
 * cannot drift from `OM.*` (src/functions/logic.ts), which test/xlsx/workbookFunctions.test.ts
 * checks in LibreOffice at every tier and band edge.
 *
 * The bodies use only IF, OR, ISNUMBER and ROUND (every spreadsheet has them: no LET, no IFS),
 * and compare the arguments with decimal literals written exactly as the profile states them:
 * - a score is compared with `score>85`, never through arithmetic, and a rate with
 *   `rate>=0.85`, never `rate*100>=85` (0.57*100 is 56.99999999999999 in binary): a double
 *   compared with the double nearest a decimal literal orders exactly like the engine's exact
 *   decimal comparison of the same number's shortest text;
 * - money is rounded in fen, ROUND(ROUND(amount*share%, 6), 0)/100 with the share a whole
 *   percent: the inner ROUND takes off the binary noise of the product (1.005*100 is
 *   100.49999999999999 in binary, 100.5 in decimal, as the engine computes it), the outer one
 *   rounds half up to the fen.
 * Residual differences are in docs/workbook-functions.md.
 */
import { DEFAULT_PROFILE, type Profile } from "../engine";

export type WorkbookFunctionName = "TAILPAY" | "PAYTIER" | "TAILRATIO" | "RATEPOINTS";

export interface WorkbookFunction {
  name: WorkbookFunctionName;
  /** LAMBDA parameter names, in order. */
  params: readonly string[];
  /** The LAMBDA's calculation, in Excel's (en-US, A1) formula language, naming the params. */
  body: string;
  /** Shown as the name's comment in Excel's Name Manager (at most 255 characters). */
  comment: string;
}

const VALUE = "#VALUE!";
const NUM = "#NUM!";

/** A decimal literal for `hundredths / 100` (8500 → "85", 8550 → "85.5"). */
function decimal(n: number, scale: number): string {
  const sign = n < 0 ? "-" : "";
  const digits = String(Math.abs(n)).padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${sign}${int}${frac ? `.${frac}` : ""}`;
}

/** `IF(x>b1, v1, IF(x>b2, v2, … last))` over tiers sorted from the highest bound. */
function tierChoice(profile: Profile, x: string, pick: (t: Profile["payTiers"][number]) => string) {
  const sorted = [...profile.payTiers].sort(
    (a, b) => (b.aboveHundredths ?? -Infinity) - (a.aboveHundredths ?? -Infinity)
  );
  const build = (i: number): string => {
    const t = sorted[i];
    if (t.aboveHundredths === null || i === sorted.length - 1) return pick(t);
    return `IF(${x}>${decimal(t.aboveHundredths, 2)},${pick(t)},${build(i + 1)})`;
  };
  return build(0);
}

/** `IF(x>=b1, s1, …)` over rate bands (lower bounds, as fractions). */
function bandChoice(profile: Profile, x: string): string {
  const sorted = [...profile.rateBands].sort((a, b) => b.minPercent - a.minPercent);
  const build = (i: number): string => {
    const b = sorted[i];
    if (i === sorted.length - 1 || b.minPercent <= 0) return String(b.sharePercent);
    return `IF(${x}>=${decimal(b.minPercent, 2)},${b.sharePercent},${build(i + 1)})`;
  };
  return build(0);
}

/** `then` when `x` is a number from lo to hi; #VALUE! for a non-number, #NUM! out of range. */
function checked(x: string, lo: number, hi: number | null, then: string): string {
  const range = hi === null ? `${x}<${lo}` : `OR(${x}<${lo},${x}>${hi})`;
  return `IF(ISNUMBER(${x}),IF(${range},${NUM},${then}),${VALUE})`;
}

/**
 * @summary The four functions, built from `profile` (the default profile unless a test passes
 * another).
 */
function workbookFunctions(
  profile: Readonly<Profile> = DEFAULT_PROFILE
): readonly WorkbookFunction[] {
  const share = tierChoice(profile, "score", (t) => String(t.sharePercent));
  return [
    {
      name: "TAILPAY",
      params: ["score", "amount"],
      body: checked(
        "score",
        0,
        100,
        checked("amount", 0, null, `ROUND(ROUND(amount*${share},6),0)/100`)
      ),
      comment:
        "尾款金额：尾款×得分档次比例，按分四舍五入（同 OM.TAILPAY）。Tail pay: amount × tier share, rounded half up to the fen (as OM.TAILPAY).",
    },
    {
      name: "PAYTIER",
      params: ["score"],
      body: checked(
        "score",
        0,
        100,
        tierChoice(profile, "score", (t) => `"${t.tier}"`)
      ),
      comment: "付款档次 A–F（同 OM.PAYTIER）。Payment tier A–F for a score (as OM.PAYTIER).",
    },
    {
      name: "TAILRATIO",
      params: ["score"],
      body: checked(
        "score",
        0,
        100,
        tierChoice(profile, "score", (t) => decimal(t.sharePercent, 2))
      ),
      comment:
        "尾款付款比例（同 OM.TAILRATIO）。Share of the tail paid for a score (as OM.TAILRATIO).",
    },
    {
      name: "RATEPOINTS",
      params: ["rate", "max_points"],
      body: checked(
        "rate",
        0,
        1,
        checked(
          "max_points",
          0,
          100,
          `ROUND(ROUND(max_points*100,0)*${bandChoice(profile, "rate")}/100,0)/100`
        )
      ),
      comment:
        "比率得分：≥85% 满分，≥70% 80%，≥60% 60%，其余 50%（同 OM.RATEPOINTS）。Points of a rate-banded item (as OM.RATEPOINTS).",
    },
  ];
}

/** The functions of the default profile. */
export const WORKBOOK_FUNCTIONS = workbookFunctions();

/** Replaces whole-word occurrences of each param in `body` (strings in the body hold none). */
function renameParams(body: string, params: readonly string[], to: (p: string) => string): string {
  return params.reduce(
    (text, p) => text.replace(new RegExp(`(?<![\\w.])${p}(?![\\w.(])`, "g"), to(p)),
    body
  );
}

/**
 * @summary The name's formula as Excel shows it and Office.js takes it (`names.add`):
 * `=LAMBDA(score,amount,IF(…))`.
 */
export function lambdaFormula(f: WorkbookFunction): string {
  return `=LAMBDA(${f.params.join(",")},${f.body})`;
}

/**
 * @summary The name's formula as OOXML stores it in a `<definedName>`: LAMBDA with its `_xlfn.`
 * prefix and every parameter as `_xlpm.name`, no leading `=`. Written without the prefixes,
 * Excel and LibreOffice read #NAME?.
 */
export function ooxmlFormula(f: WorkbookFunction): string {
  const params = f.params.map((p) => `_xlpm.${p}`);
  return `_xlfn.LAMBDA(${params.join(",")},${renameParams(f.body, f.params, (p) => `_xlpm.${p}`)})`;
}

/**
 * @summary The body with each parameter replaced by an argument expression (parenthesised):
 * what the LAMBDA computes for those arguments, as a plain formula any spreadsheet can evaluate.
 * @example
 * substituteArgs(PAYTIER, ["85"]) //=> 'IF(ISNUMBER((85)),IF(OR((85)<0,(85)>100),#NUM!,IF((85)>85,"A",…)),#VALUE!)'
 */
export function substituteArgs(f: WorkbookFunction, args: readonly string[]): string {
  if (args.length !== f.params.length)
    throw new RangeError(`${f.name} takes ${f.params.length} arguments`);
  return renameParams(f.body, f.params, (p) => `(${args[f.params.indexOf(p)]})`);
}

/**
 * @summary Whether two formulas of a name are the same up to case, spaces, a leading `=` and
 * the OOXML prefixes: a name already holding this project's LAMBDA is ours, not the user's.
 */
export function sameFormula(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/^\s*=/, "")
      .replace(/_xl(fn|pm)\./gi, "")
      .replace(/\s+/g, "")
      .toUpperCase();
  return norm(a) === norm(b);
}
