import type { AssessOptions, Assessment, RawTable } from "./types";

/** Score a ledger. (Being written; signature is final.) */
export function assess(tables: readonly RawTable[], options: AssessOptions = {}): Assessment {
  void tables;
  void options;
  throw new Error("assess: not implemented yet");
}
