import { argError, isArgError, type ArgError } from "./args";

/**
 * The one place where the logic's results become Excel results. An `ArgError` becomes a
 * `CustomFunctions.Error`: kind `value` is #VALUE!, kind `num` is #NUM!, kind `na` is #N/A. The
 * message carries the Chinese text first and the English after it.
 *
 * Excel shows a custom message only for #VALUE! and #N/A; for #NUM! it shows its own generic
 * text and drops ours (OfficeDev/office-js#2885). So an answer the user must read the reason for
 * (a year the built-in calendar does not cover) is #N/A, and #NUM! is kept for plain numbers out
 * of range. The #NUM! message is still passed, so a later Excel that shows it needs no change.
 *
 * `CustomFunctions` is read when a function runs, never when this module loads, so tests can
 * install a fake global and other code can import the logic without the Office runtime.
 */

/**
 * The error values as the strings `CustomFunctions.ErrorCode` stands for. The `Error` class is
 * CustomFunctionsRuntime 1.2, the manifest's minimum, but @types/custom-functions-runtime
 * annotates every `ErrorCode` member 1.3; the strings need no enum object at run time
 * (test/apiSets.test.ts).
 */
const CODE = {
  num: "#NUM!",
  na: "#N/A",
  value: "#VALUE!",
} as const satisfies Record<ArgError["kind"], `${CustomFunctions.ErrorCode}`>;

export function errorCodeFor(kind: ArgError["kind"]): CustomFunctions.ErrorCode {
  return CODE[kind] as CustomFunctions.ErrorCode;
}

function errorMessage(e: ArgError): string {
  return `${e.zh} / ${e.en}`;
}

/**
 * @summary Run a function's logic for Excel: its value, or a thrown `CustomFunctions.Error`.
 * An unexpected exception inside the logic (a bug) also becomes #VALUE! with its message, so
 * nothing but a `CustomFunctions.Error` ever leaves a custom function.
 * @example
 * excelResult(() => 42) //=> 42
 * excelResult(() => argError("num", "…", "…")) // throws CustomFunctions.Error (#NUM!)
 */
export function excelResult<T extends number | string>(compute: () => T | ArgError): T {
  let result: T | ArgError;
  try {
    result = compute();
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new CustomFunctions.Error(
      errorCodeFor("value"),
      errorMessage(argError("value", `内部错误：${detail}`, `Internal error: ${detail}`))
    );
  }
  if (isArgError(result))
    throw new CustomFunctions.Error(errorCodeFor(result.kind), errorMessage(result));
  return result;
}
