/**
 * The messages between the page and its Web Worker. The page sends a file's bytes (transferred,
 * not copied) and gets back the stages as they start, then one answer. Every message carries the
 * request's `id`, so several files can be in flight and each answer finds its own.
 */
import type { Overview } from "../report/overview";
import type { CheckOutcome, FileOutcome, PageOptions, Stage } from "./scoreFile";

export type WorkerRequest =
  | { id: number; kind: "score"; bytes: Uint8Array; options: PageOptions; now: number }
  | { id: number; kind: "check"; bytes: Uint8Array }
  /** The overview workbook of the files scored (SPEC §12): plain data in, its bytes back. */
  | { id: number; kind: "overview"; overview: Overview };

export type WorkerReply =
  | { id: number; kind: "progress"; stage: Stage }
  | { id: number; kind: "scored"; outcome: FileOutcome }
  | { id: number; kind: "checked"; outcome: CheckOutcome }
  | { id: number; kind: "overviewWritten"; bytes: Uint8Array }
  /** A bug, not a bad file: the message is shown as it is. */
  | { id: number; kind: "failed"; message: string };
