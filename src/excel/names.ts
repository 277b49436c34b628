/**
 * SPEC §7 in the open workbook: the workbook functions (src/report/workbookFunctions.ts) as
 * workbook-scope names defined by LAMBDA, added with `workbook.names.add(name, formula, comment)`
 * (ExcelApi 1.4). A name that already exists is never overwritten: `getItemOrNullObject` (1.4)
 * finds it, its `formula` (1.7) tells this tool's LAMBDA (left alone silently) from the user's
 * own (left alone with a `function-name-kept` warning).
 *
 * LAMBDA first (SPEC §13): only Excel with LAMBDA (Microsoft 365, Excel 2024, Excel on the web)
 * evaluates the names; Excel 2021 and 2019 keep them and show #NAME?. No requirement set tells
 * (LAMBDA is a worksheet function, not an API), so the workbook is asked: a probe name whose
 * formula calls a LAMBDA in place is added and its `value` read (NamedItem.value, "the value
 * computed by the name's formula", ExcelApi 1.1 —
 * learn.microsoft.com/javascript/api/excel/excel.nameditem), then deleted (NamedItem.delete,
 * 1.4) in the next round trip whatever it gave: the workbook is left as it was. Where the value
 * is not 2, or Excel refuses the formula (InvalidArgument), nothing is installed and the result
 * says so.
 *
 * Round trips: 1 to look the names up and probe, 1 to remove the probe and add the missing
 * names. Workbook structure protection does not cover defined names (it guards sheets), so it
 * is not checked here.
 */
import { diag } from "../engine";
import { WORKBOOK_FUNCTIONS, lambdaFormula, sameFormula } from "../report/workbookFunctions";
import type { FunctionNamesResult } from "./types";

/** A LAMBDA called in place: 2 where Excel evaluates LAMBDA, #NAME? where it does not. */
const PROBE_FORMULA = "=LAMBDA(x,x+1)(1)";

/** A name no user picks, different on each call (a probe left by a crash never collides). */
function probeName(): string {
  return `OM_LAMBDA_PROBE_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function installFunctionNamesIn(
  context: Excel.RequestContext
): Promise<FunctionNamesResult> {
  const workbook = context.workbook;
  const found = WORKBOOK_FUNCTIONS.map((f) => {
    const item = workbook.names.getItemOrNullObject(f.name);
    item.load("formula");
    return { f, item };
  });
  const probe = probeName();
  const probeItem = workbook.names.add(probe, PROBE_FORMULA);
  probeItem.load("value");
  try {
    await context.sync();
  } catch (e) {
    // An Excel that does not know LAMBDA may refuse the formula itself; the add was the failing
    // operation, so nothing was added.
    if ((e as { code?: unknown })?.code === "InvalidArgument")
      return { added: [], kept: [], diagnostics: [], lambdaMissing: true };
    throw e;
  }
  workbook.names.getItem(probe).delete();
  if (probeItem.value !== 2) {
    await context.sync();
    return { added: [], kept: [], diagnostics: [], lambdaMissing: true };
  }

  const result: FunctionNamesResult = { added: [], kept: [], diagnostics: [] };
  for (const { f, item } of found) {
    if (item.isNullObject) {
      workbook.names.add(f.name, lambdaFormula(f), f.comment);
      result.added.push(f.name);
    } else {
      result.kept.push(f.name);
      if (!sameFormula(String(item.formula), lambdaFormula(f)))
        result.diagnostics.push(diag("function-name-kept", {}, { name: f.name }));
    }
  }
  await context.sync();
  return result;
}
