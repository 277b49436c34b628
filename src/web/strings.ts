/**
 * The words only the web page shows, Chinese first and English through the language switch. The
 * options, the result and the problems are the task pane's components with the pane's words
 * (src/taskpane/i18n.ts); diagnostics carry their own words from the engine's catalogue.
 */
import type { Lang } from "../taskpane/i18n";
import type { VerifyOutcome } from "../report/verify";
import type { Stage } from "./scoreFile";

export interface WebStrings {
  title: string;
  subtitle: string;
  filesHeading: string;
  /** The label of the page's one file input. */
  chooseFiles: string;
  dropHint: string;
  chosen: (n: number) => string;
  check: string;
  checkHint: string;
  checking: string;
  stage: Record<Stage, string>;
  download: string;
  template: string;
  templateHint: string;
  refusedTitle: string;
  nothingDownloaded: string;
  invalidNoCopy: string;
  /** Under the result, in place of the pane's "written to the 考核结果 sheet": the page writes a copy. */
  copyReady: string;
  checkHeading: string;
  checkOutcome: Record<VerifyOutcome, string>;
  ledgerChangedSince: string;
  latestRun: (seq: number, time: string, asOf: string) => string;
  fingerprint: string;
  errorTitle: string;
  privacy: string;
  workerMissing: string;
  /** Many files at once (SPEC §12): the overview of the files scored. */
  overviewHeading: string;
  overviewIntro: (n: number) => string;
  overviewScroll: string;
  /** The name of the table's scrolling frame. */
  overviewTable: string;
  totalsHeading: string;
  duplicateTitle: string;
  notInOverview: string;
  downloadOverview: string;
  writingOverview: string;
  downloadAll: string;
  downloadAllHint: (n: number) => string;
  /** The names the two downloads are offered under. */
  overviewFileName: string;
  zipFileName: string;
}

const zh: WebStrings = {
  title: "运维考核评分（网页版）",
  subtitle: "在本机浏览器中评分：选择台账，点「评分」，下载评分结果。",
  filesHeading: "台账文件",
  chooseFiles: "选择台账文件（.xlsx，可多选）",
  dropHint: "也可以把文件拖放到本页面上。",
  chosen: (n) => `已选择 ${n} 个文件。`,
  check: "核对",
  checkHint: "核对：选择已评分的副本（*.scored.xlsx），按其中的考核记录重新计算并比较。",
  checking: "正在核对…",
  stage: { reading: "正在读取…", scoring: "正在评分…", writing: "正在写入评分结果…" },
  download: "下载评分结果",
  template: "下载空白台账模板",
  templateHint: "空白台账模板与命令行 om-scorecard template 生成的相同。",
  refusedTitle: "无法读取此文件，未生成任何文件",
  nothingDownloaded: "未生成评分结果。",
  invalidNoCopy: "台账有错误，未评分，没有可下载的评分结果。",
  copyReady:
    "评分副本（含「考核结果」「考核记录」工作表）已生成，尚未保存：请点上方「下载评分结果」。原台账文件未改动。",
  checkHeading: "核对结果",
  checkOutcome: {
    match: "一致：汇总表与台账、考核记录相符。",
    differs: "不一致：见下列各项。",
    unreadable: "无法核对：没有「考核结果」表或「考核记录」。",
  },
  ledgerChangedSince: "台账自上次评分后已修改。",
  latestRun: (seq, time, asOf) => `最近一次评分：第 ${seq} 次，${time}，考核日期 ${asOf}`,
  fingerprint: "台账指纹",
  errorTitle: "出错了",
  privacy:
    "本页面完全在本机浏览器中运行：台账只在内存中读取和计算，不发出任何网络请求，不在浏览器中保存台账；关闭页面即清除。",
  workerMissing: "页面不完整（缺少评分程序），请重新获取 om-scorecard.html。",
  overviewHeading: "考核总览",
  overviewIntro: (n) =>
    `共 ${n} 份台账，按文件名排序；与命令行 om-scorecard assess 多个文件时的总览相同。`,
  overviewScroll: "表格较宽，可在表格内左右滚动。",
  overviewTable: "考核总览表",
  totalsHeading: "应付尾款合计",
  duplicateTitle: "合同编号重复：是否同一合同录入了两次？",
  notInOverview: "以下文件出错，未列入总览：",
  downloadOverview: "下载总览工作簿",
  writingOverview: "正在生成总览工作簿…",
  downloadAll: "全部下载（.zip）",
  downloadAllHint: (n) => `${n} 份评分结果打包为一个 .zip 文件；无效台账没有评分结果。`,
  overviewFileName: "考核总览.xlsx",
  zipFileName: "评分结果.zip",
};

const en: WebStrings = {
  title: "OM Scorecard (web page)",
  subtitle: "Scores in this browser: choose the ledgers, press Assess, download the scored copy.",
  filesHeading: "Ledger files",
  chooseFiles: "Choose ledger files (.xlsx, several allowed)",
  dropHint: "Or drop the files anywhere on this page.",
  chosen: (n) => `${n} file${n === 1 ? "" : "s"} chosen.`,
  check: "Verify",
  checkHint:
    "Verify: choose a scored copy (*.scored.xlsx); it is recomputed with the options in its run log and compared.",
  checking: "Verifying…",
  stage: { reading: "Reading…", scoring: "Scoring…", writing: "Writing the scored copy…" },
  download: "Download the scored copy",
  template: "Download a blank ledger template",
  templateHint: "The same template as `om-scorecard template` writes.",
  refusedTitle: "This file cannot be read: nothing was made",
  nothingDownloaded: "No scored copy was made.",
  invalidNoCopy: "The ledger has errors: nothing was scored, and there is no copy to download.",
  copyReady:
    "The scored copy (with its 考核结果 and 考核记录 sheets) is ready but not saved yet: use 下载评分结果 above. The ledger file itself is unchanged.",
  checkHeading: "Verification",
  checkOutcome: {
    match: "Match: the summary agrees with the ledger and the run log.",
    differs: "Differs: see below.",
    unreadable: "Cannot verify: there is no 考核结果 sheet or 考核记录 run log.",
  },
  ledgerChangedSince: "The ledger changed since it was scored.",
  latestRun: (seq, time, asOf) => `Latest run: No. ${seq}, ${time}, as of ${asOf}`,
  fingerprint: "Ledger fingerprint",
  errorTitle: "Something went wrong",
  privacy:
    "This page runs entirely in this browser: the ledgers are read and scored in memory, no network request is made and nothing is kept in the browser's storage; closing the page clears them.",
  workerMissing:
    "The page is incomplete (its scoring script is missing): get om-scorecard.html again.",
  overviewHeading: "Overview",
  overviewIntro: (n) =>
    `${n} ledgers, sorted by file name: the same overview as om-scorecard assess gives for several files.`,
  overviewScroll: "The table is wide: scroll it sideways inside its frame.",
  overviewTable: "Overview table",
  totalsHeading: "Tail payable, totals",
  duplicateTitle: "The same contract number twice: one contract entered twice?",
  notInOverview: "These files failed and are not in the overview:",
  downloadOverview: "Download overview workbook",
  writingOverview: "Writing the overview workbook…",
  downloadAll: "Download all (.zip)",
  downloadAllHint: (n) =>
    `${n} scored cop${n === 1 ? "y" : "ies"} in one .zip file; an invalid ledger has no scored copy.`,
  overviewFileName: "考核总览.xlsx",
  zipFileName: "评分结果.zip",
};

export const WEB_STRINGS: Record<Lang, WebStrings> = { zh, en };
