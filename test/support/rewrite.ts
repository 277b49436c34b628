/**
 * Tests that can rewrite what they check (`UPDATE_EXPECTED=1` the real-ledger JSON,
 * `UPDATE_DOCS=1` the diagnostics list and the printed page's picture) ask here first. Under CI
 * the answer is never yes: the run throws instead, so a test cannot pass on CI by rewriting its
 * own expectation. Locally, rewrite, read the diff, commit it.
 */

/** The switches that make a test rewrite its expectations. */
export type RewriteSwitch = "UPDATE_EXPECTED" | "UPDATE_DOCS";

/** Whether an environment variable is set to something other than "", "0" or "false". */
const isOn = (value: string | undefined): boolean =>
  value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";

/**
 * @summary Whether this run should rewrite the expectations behind `name`: true when the switch
 * is on; false when it is off. Throws when it is on under CI (`CI=true`, as CI services set it).
 */
export function mayRewrite(name: RewriteSwitch, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!isOn(env[name])) return false;
  if (isOn(env.CI)) {
    throw new Error(
      `${name}=${env[name]} 会改写测试的预期，CI 中拒绝执行。` +
        `${name} rewrites what the tests expect; refused under CI=${env.CI}, where a test must fail, ` +
        "never pass by rewriting its expectation. Rewrite locally, review the diff and commit it."
    );
  }
  return true;
}
