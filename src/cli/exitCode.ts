import type { Status } from "../engine";

/**
 * @summary The command line's exit status for a result: 0 for `final` and `provisional`, 2 for
 * `invalid` (which includes a file that could not be read).
 * @example
 * getExitCode("provisional") //=> 0
 * getExitCode("invalid") //=> 2
 */
export function getExitCode(status: Status): 0 | 2 {
  return status === "invalid" ? 2 : 0;
}
