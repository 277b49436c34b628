/**
 * The recording Office.js fake (test/fakes/officeFake.js) installed as the globals `Excel` and
 * `Office`, as the adapter finds them in Excel; `Office` is removed after each test that uses it.
 */

const OfficeFake = require("../fakes/officeFake.js");
export const SampleLedger = require("../fakes/sampleLedger.js");

export type Host = ReturnType<typeof OfficeFake.createHost>;

/** A fake workbook from `spec`, installed as `Excel` and `Office`. */
export function installHost(spec: unknown, options?: unknown): Host {
  const host = OfficeFake.createHost(spec, options);
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  g.Excel = host.Excel;
  g.Office = host.Office;
  return host;
}

/** Remove the `Office` global again (a test without it reads as outside Office). */
export function uninstallOffice(): void {
  delete (globalThis as unknown as { Office?: unknown }).Office;
}
