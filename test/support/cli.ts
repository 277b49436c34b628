/** The command line run in-process (`main(argv, io)`), with what it printed. */
import { main, type Io } from "../../src/cli/main";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Run `om-scorecard args…`; `now` fixes the run log's clock. */
export async function runCli(args: string[], now?: () => Date): Promise<Run> {
  let out = "";
  let err = "";
  const io: Io = {
    stdout: async (s) => void (out += s),
    stderr: async (s) => void (err += s),
    ...(now ? { now } : {}),
  };
  const code = await main(args, io);
  return { code, out, err };
}
