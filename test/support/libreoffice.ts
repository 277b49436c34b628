/** LibreOffice headless, as the tests drive it: one private profile per folder, no restore. */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

/**
 * @summary Convert `files` with `soffice --convert-to <to>` into `outDir` (its own profile under
 * `dir`), waiting at most `timeoutMs`.
 * @example
 * convertWithLibreOffice(dir, "scored.xlsx", "pdf", path.join(dir, "out"))
 */
export function convertWithLibreOffice(
  dir: string,
  files: string | string[],
  to: string,
  outDir: string,
  timeoutMs = 120_000
): void {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...(Array.isArray(files) ? files : [files]),
    ],
    { cwd: dir, timeout: timeoutMs, stdio: "pipe" }
  );
}
