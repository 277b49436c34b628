/*
 * A small ledger workbook for the fake host (jest and the browser test): a roster table, a
 * plain punch sheet, and tables for tickets, complaints and surveys. Dates are Excel serials
 * (45474 = 2024-07-01). It scores, with a few warnings to show: a punch on 2024-10-01 (a
 * public holiday) and one by a name not on the roster.
 */
(function (root, factory) {
  // Built on the fake host's own sheet builder: required under jest, loaded before this file
  // (as the global OfficeFake) in the browser test.
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("./officeFake.js"));
  else root.SampleLedger = factory(root.OfficeFake);
})(typeof globalThis !== "undefined" ? globalThis : this, function (OfficeFake) {
  "use strict";

  const HYPERLINK_NOTE = '=HYPERLINK("x","y")';

  /** A sheet spec holding one Excel table at A1 (or a plain sheet when tableName is null). */
  const table = OfficeFake.tableSheet;

  function sampleSpec() {
    return {
      sheets: [
        table(
          "驻场人员",
          "驻场人员",
          ["姓名", "角色", "到岗日期", "离岗日期"],
          [
            ["张三", "驻场工程师", 45474, null],
            ["李四", "驻场工程师", 45474, null],
          ]
        ),
        // A plain sheet (no Excel table): first row = headers.
        table(
          "考勤",
          null,
          ["日期", "姓名", "时段", "结果"],
          [
            [45474, "张三", "上班", "到岗"],
            [45474, "张三", "下班", "到岗"],
            [45474, "李四", "上班", "到岗"],
            [45474, "李四", "下班", "缺勤"],
            [45566, "张三", "上班", "到岗"], // 2024-10-01, a public holiday: warning
            [45475, "王五", "上班", "到岗"], // not on the roster: warning
          ]
        ),
        table(
          "工单",
          "工单",
          ["工单号", "流转乙方", "状态"],
          [
            ["GD-001", "是", "已关闭"],
            ["GD-002", "是", "待验证"],
            ["GD-003", "是", "处理中"],
            ["GD-004", "否", "已关闭"],
          ]
        ),
        table(
          "投诉",
          "投诉",
          ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
          [
            ["TS-01", 45500, "日常维护", "是", null, null, HYPERLINK_NOTE],
            ["TS-02", 45510, "响应度", "是", 45520, 45530, "-1+2"],
            ["TS-03", 45515, "响应度", "否", null, null, "未核实"],
          ]
        ),
        table(
          "问卷",
          "问卷",
          ["受访者", "得分"],
          [
            ["处室A", 90],
            ["处室B", 80],
          ]
        ),
      ],
    };
  }

  return { sampleSpec, table, HYPERLINK_NOTE };
});
