/**
 * SPEC §13 in the pane's components, rendered to static HTML: failures in a supervisor's words
 * with Excel's text behind 详细信息, the number of problems beside the total, one language a
 * card, English counts in the singular for one.
 */
import * as React from "react";
import { assess, diag, isoDay } from "../../src/engine";
import { DiagnosticsList } from "../../src/taskpane/components/DiagnosticsList";
import { FailureMessage } from "../../src/taskpane/components/FailureMessage";
import { ResultView } from "../../src/taskpane/components/ResultView";
import { describeFailure } from "../../src/taskpane/hostFailure";
import { counted } from "../../src/taskpane/format";
import { STRINGS } from "../../src/taskpane/i18n";
import { html, rawSample, text } from "./render";

const richApi = (code: string, message: string) =>
  Object.assign(new Error(message), {
    name: "RichApi.Error",
    code,
    debugInfo: { errorLocation: "Range.values" },
  });

describe("a failure in a supervisor's words (SPEC §13)", () => {
  it("words Excel's error by its code and keeps the technical text behind 详细信息", () => {
    const f = describeFailure(richApi("GeneralException", "fake failure at addChart"));
    expect(f.words.zh).toMatch(/^Excel 未能完成这项操作。台账没有被修改。/);
    expect(f.words.zh).not.toMatch(/fake failure|GeneralException/);
    expect(f.detail).toMatch(/fake failure at addChart/);
    expect(f.detail).toMatch(/code: GeneralException/);
    const out = text(<FailureMessage failure={f} strings={STRINGS.zh} />);
    expect(out).toMatch(
      /出错了 Excel 未能完成这项操作。.* 详细信息 RichApi\.Error: fake failure at addChart/
    );
    expect(html(<FailureMessage failure={f} strings={STRINGS.zh} />)).toMatch(/<details/);
  });

  it("says what to do for a cell being edited, a sheet gone and a protected workbook, in both languages", () => {
    expect(describeFailure(richApi("InvalidOperationInCellEditMode", "x")).words.zh).toMatch(
      /正在编辑一个单元格/
    );
    expect(describeFailure(richApi("ItemNotFound", "x")).words.en).toMatch(/Press Refresh/);
    const host = Object.assign(new Error("m"), {
      name: "HostError",
      code: "workbook-structure-protected",
      diagnostic: diag("workbook-structure-protected", {}, {}),
    });
    expect(describeFailure(host).words.zh).toMatch(/工作簿结构受保护/);
    const partial = Object.assign(new Error("m"), { sheet: "考核结果", tempName: "考核结果~abc" });
    expect(describeFailure(partial).words.zh).toBe(
      "「考核结果」没能全部更新，可能只更新了一部分。完整的新结果在工作表「考核结果~abc」中。"
    );
  });
});

describe("problems near the total (SPEC §13)", () => {
  it("shows the number of problems beside the total, linking to the list", () => {
    const a = assess(rawSample());
    const out = html(
      <ResultView assessment={a} strings={STRINGS.zh} problems={{ count: 3, targetId: "p" }} />
    );
    expect(out).toMatch(
      /data-testid="total"[^>]*>[\d.]+<\/dd><dt[^>]*>问题<\/dt><dd[^>]*><a[^>]*href="#p"/
    );
    expect(
      text(
        <ResultView assessment={a} strings={STRINGS.en} problems={{ count: 1, targetId: "p" }} />
      )
    ).toContain("1 problem: see them");
  });

  it("cards are in one language with a bordered 定位 button", () => {
    const d = diag(
      "punch-rest-day",
      { table: "punches", row: 6, column: "date" },
      { date: isoDay("2024-10-01") }
    );
    const en = text(
      <DiagnosticsList diagnostics={[d]} onSelect={() => undefined} strings={STRINGS.en} />
    );
    expect(en).toMatch(/is a rest day/);
    expect(en).not.toMatch(/休息日/);
    const out = html(
      <DiagnosticsList diagnostics={[d]} onSelect={() => undefined} strings={STRINGS.zh} />
    );
    expect(out).not.toMatch(/fui-Button--subtle/);
    expect(out).toMatch(/<button[^>]*fui-Button[^>]*>定位/);
  });

  it("English counts take the singular for one", () => {
    expect(counted(1, { zh: "起事件", en: "events" }, "en")).toBe("1 event");
    expect(counted(2, { zh: "起事件", en: "events" }, "en")).toBe("2 events");
    expect(counted(1, { zh: "起事件", en: "events" }, "zh")).toBe("1 起事件");
    expect(STRINGS.en.rows(1)).toBe("1 row");
  });
});
