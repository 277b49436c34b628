/**
 * The page's side of the worker: one worker for the page's life, made from the script the HTML
 * file carries inline (`<script type="text/plain" id="om-worker">`, see webpack.web.js) as a
 * blob: URL, so the single file needs no other file and no server. `score` and `check` take one
 * file each and resolve with its outcome; batch scoring calls them once per file.
 */
import type { Overview } from "../report/overview";
import type { WorkerReply, WorkerRequest } from "./protocol";
import type { CheckOutcome, FileOutcome, PageOptions, Stage } from "./scoreFile";

type Pending = {
  onProgress: (stage: Stage) => void;
  resolve: (reply: WorkerReply) => void;
  reject: (e: Error) => void;
};

/** The element holding the worker's script in the built page. */
export const WORKER_SCRIPT_ID = "om-worker";

export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(source: string) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.worker = new Worker(url);
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      if (reply.kind === "progress") p.onProgress(reply.stage);
      else {
        this.pending.delete(reply.id);
        if (reply.kind === "failed") p.reject(new Error(reply.message));
        else p.resolve(reply);
      }
    };
    this.worker.onerror = (e) => {
      const err = new Error(e.message || "worker error");
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  private send(request: WorkerRequest, onProgress: (stage: Stage) => void): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { onProgress, resolve, reject });
      this.worker.postMessage(request, "bytes" in request ? [request.bytes.buffer] : []);
    });
  }

  /** @summary Score one file's bytes (transferred to the worker) with the page's options. */
  async score(
    bytes: Uint8Array,
    options: PageOptions,
    onProgress: (stage: Stage) => void
  ): Promise<FileOutcome> {
    const reply = await this.send(
      { id: this.nextId++, kind: "score", bytes, options, now: Date.now() },
      onProgress
    );
    if (reply.kind !== "scored") throw new Error(`unexpected reply ${reply.kind}`);
    return reply.outcome;
  }

  /** @summary The overview workbook's bytes (下载总览工作簿), written in the worker. */
  async overview(overview: Overview): Promise<Uint8Array> {
    const reply = await this.send({ id: this.nextId++, kind: "overview", overview }, () => {});
    if (reply.kind !== "overviewWritten") throw new Error(`unexpected reply ${reply.kind}`);
    return reply.bytes;
  }

  /** @summary Check one scored copy (核对). */
  async check(bytes: Uint8Array, onProgress: (stage: Stage) => void): Promise<CheckOutcome> {
    const reply = await this.send({ id: this.nextId++, kind: "check", bytes }, onProgress);
    if (reply.kind !== "checked") throw new Error(`unexpected reply ${reply.kind}`);
    return reply.outcome;
  }
}
