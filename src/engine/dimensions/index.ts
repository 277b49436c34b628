import type { AttendanceResult } from "./attendance";
import type { EventDimensionResult } from "./complaints";
import type { CompletionResult } from "./completion";
import type { SatisfactionResult } from "./satisfaction";

/** The five dimensions of SPEC §1, by key. */
export interface Dimensions {
  attendance: AttendanceResult;
  maintenance: EventDimensionResult;
  responsiveness: EventDimensionResult;
  completion: CompletionResult;
  satisfaction: SatisfactionResult;
}

export type DimensionKey = keyof Dimensions;
