/**
 * Where the command line's output goes: the process's streams when it runs, strings in a test.
 * Its own module so that the commands (main.ts, template.ts) share it without importing each
 * other.
 */

export interface Io {
  stdout: (text: string) => Promise<void>;
  stderr: (text: string) => Promise<void>;
  /** stderr is a terminal: a batch redraws its progress line in place (SPEC §12). Default: no. */
  stderrIsTTY?: boolean;
  /** The clock of the run log's 时间 column (tests fix it). Default: now. */
  now?: () => Date;
}

/** Write to a stream and wait until it has taken the data (JSON output can be long). */
function writer(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  // A reader that stops early (`om-scorecard assess … | head`) closes the pipe: the rest of the
  // text is not wanted, which is no error (the scored copy is written before anything is printed).
  const closed = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === "EPIPE";
  stream.on("error", (err) => {
    if (!closed(err)) throw err;
  });
  return (text) =>
    new Promise((resolve, reject) => {
      if (stream.destroyed) return resolve();
      stream.write(text, (err) => (err && !closed(err) ? reject(err) : resolve()));
    });
}

/** The process's own stdout and stderr. */
export const processIo: Io = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  stderrIsTTY: process.stderr.isTTY === true,
};
