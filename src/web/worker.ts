/**
 * The page's Web Worker: reads, scores and writes off the page's thread, so the page stays
 * responsive on a large ledger. It holds nothing between requests, and reaches nothing outside
 * (the page's Content-Security-Policy, which a blob worker inherits, allows no connection).
 */
import type { WorkerReply, WorkerRequest } from "./protocol";
import { checkFile, overviewFile, scoreFile } from "./scoreFile";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const request = e.data;
  const { id } = request;
  try {
    if (request.kind === "score") {
      const outcome = scoreFile(request.bytes, request.options, new Date(request.now), (stage) =>
        scope.postMessage({ id, kind: "progress", stage })
      );
      const copy = outcome.kind === "scored" ? outcome.copy : null;
      scope.postMessage({ id, kind: "scored", outcome }, copy ? [copy.buffer] : []);
    } else if (request.kind === "overview") {
      const bytes = overviewFile(request.overview);
      scope.postMessage({ id, kind: "overviewWritten", bytes }, [bytes.buffer]);
    } else {
      scope.postMessage({ id, kind: "progress", stage: "reading" });
      scope.postMessage({ id, kind: "checked", outcome: checkFile(request.bytes) });
    }
  } catch (err) {
    scope.postMessage({
      id,
      kind: "failed",
      message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    });
  }
};
