/**
 * Task pane components with stub props, rendered to static HTML (no DOM needed): they show what
 * they are given, Chinese first, and never touch Excel.
 */
import * as React from "react";
import { assess, diag, isoDay, type Diagnostic, type RawTable } from "../../src/engine";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { LedgerTables } from "../../src/taskpane/components/LedgerTables";
import { ResultView } from "../../src/taskpane/components/ResultView";
import { App } from "../../src/taskpane/components/App";
import { Mixed } from "../../src/taskpane/components/Mixed";
import type { ExcelHost } from "../../src/excel/types";
import { STRINGS } from "../../src/taskpane/i18n";
import { percent, points, yuan } from "../../src/taskpane/format";

import { ledgerAt85 } from "../engine/ledgerBuilder";
import { html, rawSample, text } from "./render";

/** The Contract table a ledger gives so that nothing rests on a default (SPEC §9). */
const CONTRACT: RawTable = {
  name: "合同",
  sheet: "合同",
  kind: "table",
  headerRow: 1,
  firstColumn: 1,
  headers: ["项目", "值"],
  rows: [
    // Kept as written in every language: a name without full-width brackets, so that the
    // English view's own punctuation can be checked.
    ["合同名称", "常州人社一体化信息平台2024年度运维服务"],
    ["甲方", "常州市人力资源和社会保障公共服务与技术保障中心"],
    ["乙方", "浙江浙大网新软件产业集团有限公司"],
    ["合同金额", 848600],
    ["尾款比例", 0.5],
    ["服务开始", 45474],
    ["服务结束", 45838],
  ],
};

/** The sample ledger as the adapter would read it, with its Contract table. */
function sampleTables(): RawTable[] {
  return [...rawSample(), CONTRACT];
}

describe("format", () => {
  it("shows points, money and rates the same everywhere", () => {
    expect(points(8450)).toBe("84.50");
    expect(points(5)).toBe("0.05");
    expect(yuan(38187000)).toBe("¥381,870.00");
    expect(percent(1186, 1482)).toBe("80.03%");
    expect(percent(1, 0)).toBe("—");
  });
});

describe("ResultView: the contract (SPEC §9)", () => {
  it("names the contract and its parties as the ledger gives them, （未填写） otherwise, and the payable in capitals", () => {
    const out = text(<ResultView assessment={assess(sampleTables())} strings={STRINGS.zh} />);
    expect(out).toContain("合同名称 常州人社一体化信息平台2024年度运维服务");
    expect(out).toContain("甲方 常州市人力资源和社会保障公共服务与技术保障中心");
    expect(out).toContain("监理单位 （未填写）");
    expect(out).toMatch(/（人民币[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+）/);
    const bare = text(<ResultView assessment={assess(rawSample())} strings={STRINGS.en} />);
    expect(bare).toContain("Contract (not given)");
  });
});

describe("ResultView", () => {
  it("shows total, tier, tail amount with separators, status in Chinese, and the five dimensions", () => {
    const a = assess(sampleTables());
    const out = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(out).toContain("最终");
    expect(out).toMatch(/总分 \d+\.\d\d/);
    expect(out).toMatch(/应付尾款 ¥\d{1,3}(,\d{3})*\.\d\d/);
    for (const name of ["出勤率", "日常维护", "响应度", "完成率", "满意率"])
      expect(out).toContain(name);
    expect(out).toContain("流转乙方工单：2 / 3（66.67%）");
    expect(out).toContain("考核期间 2024-07-01 至 2025-06-30（考核日期 2025-06-30）");
  });

  it("says why a result is provisional", () => {
    const a = assess(sampleTables(), { asOf: isoDay("2024-12-31") });
    expect(a.status).toBe("provisional");
    const out = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(out).toContain("暂定");
    expect(out).toContain("暂定原因");
    if (a.status === "invalid") throw new Error("expected a scored ledger");
    expect(out).toContain(a.provisionalReasons[0].zh);
  });

  it("shows no scores for an invalid ledger, and says nothing was written", () => {
    const tables = sampleTables().filter((t) => t.name !== "问卷");
    const a = assess(tables);
    const out = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(out).toContain("无效");
    expect(out).toContain("未评分");
    expect(out).not.toContain("总分");
  });

  it("speaks English through the switch", () => {
    const out = text(<ResultView assessment={assess(sampleTables())} strings={STRINGS.en} />);
    expect(out).toContain("final");
    expect(out).toContain("Attendance");
  });
});

describe("ResultView: the payment document (SPEC §6)", () => {
  it("a total of exactly 85 shows tier B chosen and tier A under the upper-edge reading, flagged with the difference", () => {
    const a = assess(ledgerAt85());
    const out = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(out).toMatch(/争议口径.*采用的口径 采用 .*总分：85\.00 付款档次：B/);
    expect(out).toMatch(
      /边界分属上一档（85 分为 A） 付款不同 总分：85\.00 付款档次：A .*比采用口径 \+¥/
    );
    const en = text(<ResultView assessment={a} strings={STRINGS.en} />);
    expect(en).toMatch(
      /Edge in the upper tier \(85 is A\) payment differs Total: 85\.00 Payment tier: A/
    );
  });

  it("shows the payment schedule with due dates and the penalties as reference only", () => {
    const a = assess(ledgerAt85());
    const out = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(out).toMatch(/付款计划 首付款 ¥[\d,.]+ 起算日：2024-06-28 付款期限：\d{4}-\d\d-\d\d/);
    expect(out).toMatch(/尾款 ¥[\d,.]+ 起算日：待定 付款期限：待定/);
    expect(out).toContain("违约金参考（第六条）");
    expect(out).toContain("仅供参考：违约金须经认定违约后方可适用");
    expect(out).not.toMatch(/已发生|incurred/);
  });

  it("says nothing was written when the host refused", () => {
    const out = text(
      <ResultView assessment={assess(ledgerAt85())} strings={STRINGS.zh} written={false} />
    );
    expect(out).toContain("未写入「考核结果」工作表");
    expect(out).not.toContain("结果已写入");
  });
});

describe("DiagnosticsList", () => {
  const d = (over: Partial<Diagnostic>): Diagnostic =>
    ({
      ...diag(
        "punch-rest-day",
        { table: "punches", row: 6, column: "date" },
        { date: isoDay("2024-10-01") }
      ),
      ...over,
    }) as Diagnostic;

  // SPEC §13 changed this one: the cards are in the pane's language only (it was "and the
  // English below the Chinese"), with the code behind 详情.
  it("groups by table, with severity, row, column, the message in Chinese only and the code behind 详情", () => {
    const out = text(
      <DiagnosticsList
        diagnostics={[
          d({}),
          diag("calendar-year-not-covered", {}, { year: 2031 }),
          diag(
            "duplicate-id",
            { table: "tickets", row: 3, column: "id" },
            { id: "T1", firstRow: 2 }
          ),
        ]}
        onSelect={() => undefined}
        strings={STRINGS.zh}
      />
    );
    expect(out).toMatch(
      /考勤 警告 第 6 行 「日期」列 定位 2024-10-01 是休息日.* 详情 punch-rest-day/
    );
    expect(out).not.toMatch(/is a rest day/);
    expect(out).toMatch(/整个工作簿 警告 .* 详情 calendar-year-not-covered/);
    expect(out).toMatch(/工单 错误 第 3 行/);
  });

  it("gives only diagnostics with a table a Fluent 'go to' button, named briefly and described by the message", () => {
    const out = html(
      <DiagnosticsList
        diagnostics={[d({}), d({ table: null })]}
        onSelect={() => undefined}
        strings={STRINGS.zh}
      />
    );
    expect(out.match(/<button/g)).toHaveLength(1);
    expect(out).not.toMatch(/role="button"/);
    const described = /<button[^>]*aria-describedby="([^"]+)"/.exec(out)![1];
    expect(out).toContain(`id="${described}"`);
  });
});

describe("LedgerTables", () => {
  it("lists tables with row counts and the missing required ones", () => {
    const out = text(
      <LedgerTables
        overview={{
          tables: [
            {
              name: "考勤",
              sheet: "考勤",
              kind: "sheet",
              rows: 100000,
              columns: 5,
              matches: "punches",
            },
          ],
          missing: [{ key: "surveys", zh: "问卷", en: "Surveys", required: true }],
          diagnostics: [],
          layout: {},
        }}
        strings={STRINGS.zh}
      />
    );
    expect(out).toContain("100,000 行");
    expect(out).toContain("识别为「考勤」");
    expect(out).toContain("问卷（必需）");
    expect(out).not.toContain("所需的台账表都已找到");
  });
});

describe("YearView (through the year)", () => {
  it("shows what lifts the tier, a trend chart of the months and the staffing duty, in the pane's language", () => {
    const a = assess(sampleTables());
    const zh = text(<ResultView assessment={a} strings={STRINGS.zh} />);
    expect(zh).toContain("如何提升等级");
    expect(zh).toContain("月度趋势");
    expect(zh).toContain("驻场人员配备");
    // The sample's tickets have no 创建日期: no completion line, and the legend says why.
    expect(zh).toContain("各月均无完成率可画");
    expect(zh).not.toMatch(/出勤率 完成率/);
    const en = html(<ResultView assessment={a} strings={STRINGS.en} />);
    expect(en).toContain("What lifts the tier");
    expect(en).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Monthly trend"/);
    expect((en.match(/<polyline/g) ?? []).length).toBeGreaterThanOrEqual(1);
    expect((en.match(/<circle/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});

describe("Mixed", () => {
  it("marks Chinese runs inside English text with lang=zh-CN, and leaves Chinese text alone", () => {
    expect(html(<Mixed lang="en" text="Written to the 考核结果 sheet." />)).toContain(
      'Written to the <span lang="zh-CN">考核结果</span> sheet.'
    );
    expect(html(<Mixed lang="zh" text="结果已写入「考核结果」工作表。" />)).not.toContain("<span");
  });
});

describe("ResultView in English", () => {
  it("uses half-width punctuation and lists the five dimensions as rows, not a table", () => {
    const out = html(<ResultView assessment={assess(sampleTables())} strings={STRINGS.en} />);
    expect(out).not.toMatch(/[：（）]/);
    expect(out).not.toContain("<table");
    expect(out.match(/data-testid="dimension-/g)).toHaveLength(5);
  });
});

describe("App", () => {
  const host: ExcelHost = {
    listTables: () => new Promise(() => undefined),
    runAssessment: () => new Promise(() => undefined),
    selectCell: async () => true,
  };

  it("outside Excel says to open the add-in in Excel, and 评分 is disabled", () => {
    const out = html(<App host={null} hostProblem="no-answer" />);
    expect(out).toContain("请在 Excel 中打开此加载项");
    expect(out).toMatch(
      /<button[^>]*disabled[^>]*data-testid="assess"|<button[^>]*data-testid="assess"[^>]*disabled/
    );
    expect(out).not.toContain("所需的台账表都已找到");
  });

  it("explains the intranet case when office.js did not load", () => {
    expect(text(<App host={null} hostProblem="office-js-missing" />)).toContain(
      "无法加载 office.js"
    );
  });

  it("offers to install the workbook functions only when the host can", () => {
    expect(html(<App host={host} />)).not.toContain("安装工作簿函数");
    const withNames: ExcelHost = {
      ...host,
      installFunctionNames: async () => ({ added: ["TAILPAY"], kept: [], diagnostics: [] }),
    };
    expect(html(<App host={withNames} />)).toContain("安装工作簿函数");
  });

  it("offers both reading choices: 比率取整 and 档位边界, lower edge by default", () => {
    const out = text(<App host={host} />);
    expect(out).toMatch(/比率取整.*档位边界 下限归下档（85 分为 B，默认） 上限归上档（85 分为 A）/);
    expect(html(<App host={host} />)).toMatch(/<input[^>]*checked=""[^>]*value="lower"/);
  });

  it("offers 新建台账模板 only when the host can add template tables", () => {
    expect(html(<App host={host} />)).not.toContain("新建台账模板");
    const withTemplate: ExcelHost = {
      ...host,
      addTemplateTables: async () => ({ added: [], kept: [] }),
    };
    expect(html(<App host={withTemplate} />)).toContain("新建台账模板");
  });

  it("says in its footer what the add-in sends and what office.js is", () => {
    const out = text(<App host={host} />);
    expect(out).toContain("加载项自身不发出任何网络请求");
    expect(out).toContain("office.js 是微软的 Office 脚本库");
  });
});

describe("ResultView: late, early and leave", () => {
  it("states how late, early and leave marks were counted, under attendance", () => {
    const tables = sampleTables().map((t) =>
      t.name === "考勤"
        ? { ...t, rows: t.rows.map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], "迟到"] : r)) }
        : t
    );
    const zh = text(<ResultView assessment={assess(tables)} strings={STRINGS.zh} />);
    expect(zh).toMatch(/迟到.*到岗/);
    expect(zh).toMatch(/请假.*缺勤/);
  });
});
