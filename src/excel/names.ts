/**
 * SPEC §7 in the open workbook: the workbook functions (src/report/workbookFunctions.ts) as
 * workbook-scope names defined by LAMBDA, added with `workbook.names.add(name, formula, comment)`
 * (ExcelApi 1.4). A name that already exists is never overwritten: `getItemOrNullObject` (1.4)
 * finds it, its `formula` (1.7) tells this tool's LAMBDA (left alone silently) from the user's
 * own (left alone with a `function-name-kept` warning).
 *
 * Round trips: 1 to look the names up, 1 to add the missing ones. Workbook structure
 * protection does not cover defined names (it guards sheets), so it is not checked here.
 * Only Excel with LAMBDA (Microsoft 365, Excel 2024, Excel on the web) evaluates the names;
 * elsewhere Excel may refuse the formula, and the error propagates.
 */
import { diag } from "../engine";
import { WORKBOOK_FUNCTIONS, lambdaFormula, sameFormula } from "../report/workbookFunctions";
import type { FunctionNamesResult } from "./types";

export async function installFunctionNamesIn(
  context: Excel.RequestContext
): Promise<FunctionNamesResult> {
  const workbook = context.workbook;
  const found = WORKBOOK_FUNCTIONS.map((f) => {
    const item = workbook.names.getItemOrNullObject(f.name);
    item.load("formula");
    return { f, item };
  });
  await context.sync();

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
  if (result.added.length > 0) await context.sync();
  return result;
}
