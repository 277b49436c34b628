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

/**
 * The fake sample with a Contract table naming the contract and giving its money terms (SPEC
 * §9), as a ledger that is the source contract's would.
 */
export function sampleWithContract(): { sheets: unknown[] } {
  const spec = SampleLedger.sampleSpec() as { sheets: unknown[] };
  spec.sheets.push(
    OfficeFake.tableSheet(
      "合同",
      "合同",
      ["项目", "值"],
      [
        ["合同金额", 848600],
        ["尾款比例", 0.5],
        ["服务开始", 45474], // 2024-07-01
        ["服务结束", 45838], // 2025-06-30
        ["合同名称", "常州人社一体化信息平台（就业创业子系统）2024年度运维服务"],
        ["甲方", "常州市人力资源和社会保障公共服务与技术保障中心"],
        ["乙方", "浙江浙大网新软件产业集团有限公司"],
        ["监理单位", "示例监理有限公司"],
      ]
    )
  );
  return spec;
}
