/**
 * A stand-in for Excel's `CustomFunctions` global: just the `Error` class and the `ErrorCode`
 * values the functions use, with the cell text Excel shows for each code.
 */

export class FakeCustomFunctionsError {
  constructor(
    public readonly code: string,
    public readonly message?: string
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Install the fake global (before the functions module runs any function). */
export function installFakeCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode,
    associate: () => {
      throw new Error("functions.ts must not call CustomFunctions.associate itself");
    },
  };
}

/** What a custom-function call gives a cell: its value, or the Excel error it threw. */
export function cell(call: () => unknown): unknown {
  try {
    return call();
  } catch (err) {
    if (err instanceof FakeCustomFunctionsError) return { error: err.code, message: err.message };
    throw err;
  }
}
