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

export function errorCodeFor(kind: ArgError["kind"]): CustomFunctions.ErrorCode {
  switch (kind) {
    case "num":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "na":
      return CustomFunctions.ErrorCode.notAvailable;
    case "value":
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

export function errorMessage(e: ArgError): string {
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
      CustomFunctions.ErrorCode.invalidValue,
      errorMessage(argError("value", `内部错误：${detail}`, `Internal error: ${detail}`))
    );
  }
  if (isArgError(result))
    throw new CustomFunctions.Error(errorCodeFor(result.kind), errorMessage(result));
  return result;
}
