/**
 * Every string the task pane shows, Chinese first, English through the language switch.
 * Diagnostics carry their own zh/en messages from the engine and are not repeated here.
 */
import type { TableKey } from "../engine";
import type { HostProblem } from "./connect";

export type Lang = "zh" | "en";

export interface Strings {
  /** The language these strings are in. */
  lang: Lang;
  title: string;
  subtitle: string;
  english: string;
  /** What the add-in sends and does not send. */
  privacy: string;
  /** What office.js is and what it loads. */
  officeJs: string;
  /** Heading of the message shown when there is no workbook to work on, by reason. */
  hostProblemTitle: Record<HostProblem, string>;
  hostProblemBody: Record<HostProblem, string>;
  /** The tables section when there is no host. */
  noHostTables: string;
  install: string;
  installing: string;
  installed: (added: string[], kept: string[]) => string;
  /** This Excel does not evaluate LAMBDA (Excel 2021, 2019): nothing installed. */
  lambdaMissing: string;
  /** Spoken when a result appears. */
  announceResult: (total: string, tier: string, tail: string, status: string) => string;
  announceInvalid: (problems: number) => string;
  /** ": " or "：". */
  colon: string;
  /** " (x)" or "（x）". */
  paren: (x: string) => string;
  /** ", " or "、". */
  listSep: string;
  tablesHeading: string;
  refresh: string;
  loadingTables: string;
  noTables: string;
  rows: (n: number) => string;
  matches: (logical: string) => string;
  unmatched: string;
  kindTable: string;
  kindSheet: string;
  missingHeading: string;
  missingRequired: string;
  missingOptional: string;
  nothingMissing: string;
  optionsHeading: string;
  asOf: string;
  asOfHint: string;
  rounding: string;
  roundingNone: string;
  roundingWhole: string;
  /** The tier-edge reading (SPEC §6): whether a total exactly on an edge is in the lower tier. */
  tierEdge: string;
  tierEdgeLower: string;
  tierEdgeUpper: string;
  assess: string;
  assessing: string;
  errorTitle: string;
  /** The disclosure holding Excel's own technical text of a failure. */
  errorDetails: string;
  resultHeading: string;
  total: string;
  tier: string;
  tailAmount: string;
  status: string;
  whyProvisional: string;
  period: string;
  periodText: (from: string, to: string, asOf: string) => string;
  invalidNote: string;
  written: string;
  dimensionsHeading: string;
  /** Shown in place of `written` when the host wrote nothing (`refused`). */
  notWritten: string;
  /** Title of the error bar when the host refused to write (the message says why). */
  refusedTitle: string;
  /** The print setup was not applied: this Excel lacks ExcelApi 1.9. */
  pageLayoutUnsupported: string;
  ledgerChangedTitle: string;
  ledgerChangedBody: string;
  readingsHeading: string;
  /** What the reading choices in force are, before the list. */
  readingsIntro: string;
  readingChosen: string;
  readingDiffers: string;
  readingSame: string;
  /** "+¥1,000.00 against the chosen reading". */
  readingDifference: (signedYuan: string) => string;
  paymentsHeading: string;
  paymentFrom: string;
  paymentDue: string;
  toBeFixed: string;
  penaltiesHeading: string;
  /** The 新建台账模板 button (SPEC §8). */
  template: string;
  templating: string;
  templateDone: (added: string[], kept: string[], validation: boolean) => string;
  colItem: string;
  colMetric: string;
  colRule: string;
  colPoints: string;
  diagnosticsHeading: (n: number) => string;
  /** Beside the total: the term, the link to the problems, and the words when there are none. */
  problemsTerm: string;
  problemsLink: (n: number) => string;
  problemsNone: string;
  /** The disclosure holding a problem's code. */
  codeDetails: string;
  noDiagnostics: string;
  wholeWorkbook: string;
  row: (n: number) => string;
  column: (c: string) => string;
  goTo: string;
  /** The short name of a diagnostic's "go to" button. */
  goToShort: string;
  notFound: string;
  tableName: Record<TableKey, string>;
}

const zh: Strings = {
  lang: "zh",
  title: "运维考核评分",
  subtitle: "按合同考核条款，从监理台账计算得分与尾款",
  english: "English",
  privacy:
    "台账只在本工作簿内读取、计算，结果写回「考核结果」表；加载项自身不发出任何网络请求，台账不会离开工作簿。",
  officeJs:
    "office.js 是微软的 Office 脚本库，加载项通过它读写工作簿；它从微软的 CDN（或贵单位自行部署的副本）加载。在 Office 之外打开本页时，office.js 会加载微软的一个遥测页面。",
  hostProblemTitle: {
    "not-in-excel": "请在 Excel 中打开此加载项",
    "no-answer": "请在 Excel 中打开此加载项",
    "office-js-missing": "无法加载 office.js",
  },
  hostProblemBody: {
    "not-in-excel":
      "这是 Excel 加载项的任务窗格，只有在 Excel 中才能读取工作簿。请在 Excel 的「开始」→「加载项」中打开「运维考核评分」。",
    "no-answer":
      "Office 没有应答，所以这里无法读取工作簿。在浏览器中直接打开本页时就是这样；请在 Excel 的「开始」→「加载项」中打开「运维考核评分」。如果已在 Excel 中，请关闭任务窗格后重新打开。",
    "office-js-missing":
      "加载项需要微软的 Office 脚本库 office.js，但它没有加载成功。在内网或受限网络中，请管理员放行 appsforoffice.microsoft.com，或改用随加载项部署的 office.js 副本，然后重新打开任务窗格。",
  },
  noHostTables: "在 Excel 中打开后，这里会列出工作簿中的台账表。",
  install: "安装工作簿函数",
  lambdaMissing:
    "此版本的 Excel 不支持 LAMBDA 函数（Excel 2021、2019 即是如此），工作簿函数在这里只会显示 #NAME?，所以没有安装任何名称，工作簿保持原样。请在 Microsoft 365、Excel 2024 或 Excel 网页版中安装；OM.* 自定义函数在此版本中照常可用。",
  installing: "正在安装…",
  installed: (added, kept) =>
    [
      added.length > 0 ? `已添加：${added.join("、")}。` : "没有需要添加的名称。",
      kept.length > 0 ? `已有同名名称，保留不动：${kept.join("、")}。` : "",
    ].join(""),
  announceResult: (total, tier, tail, status) =>
    `评分完成：总分 ${total}，付款档次 ${tier}，应付尾款 ${tail}，${status}。`,
  announceInvalid: (n) => `台账有错误，未评分。共 ${n} 个问题。`,
  colon: "：",
  paren: (x) => `（${x}）`,
  listSep: "、",
  tablesHeading: "台账表",
  refresh: "刷新",
  loadingTables: "正在查找台账表…",
  noTables: "没有找到表格或有数据的工作表。",
  rows: (n) => `${n.toLocaleString("zh-CN")} 行`,
  matches: (logical) => `识别为「${logical}」`,
  unmatched: "未识别",
  kindTable: "表格",
  kindSheet: "工作表",
  missingHeading: "缺少的表",
  missingRequired: "必需",
  missingOptional: "可选",
  nothingMissing: "所需的台账表都已找到。",
  optionsHeading: "评分选项",
  asOf: "考核日期",
  asOfHint: "默认：合同表的考核日期，没有则为服务期结束日。早于结束日的结果为暂定。",
  rounding: "比率取整",
  roundingNone: "不取整，按下限判定（84.9% 属 80% 档）",
  roundingWhole: "先四舍五入到整百分数",
  tierEdge: "档位边界",
  tierEdgeLower: "下限归下档（85 分为 B，默认）",
  tierEdgeUpper: "上限归上档（85 分为 A）",
  assess: "评分",
  assessing: "正在评分…",
  errorTitle: "出错了",
  errorDetails: "详细信息",
  resultHeading: "评分结果",
  total: "总分",
  tier: "付款档次",
  tailAmount: "应付尾款",
  status: "状态",
  whyProvisional: "暂定原因",
  period: "考核期间",
  periodText: (a, b, asOf) => `${a} 至 ${b}（考核日期 ${asOf}）`,
  invalidNote: "台账有错误，未评分，也没有写入「考核结果」表。请按下方问题逐条修正后重新评分。",
  written: "结果已写入「考核结果」工作表。",
  dimensionsHeading: "各考核项",
  notWritten: "未写入「考核结果」工作表。",
  refusedTitle: "未写入工作簿",
  pageLayoutUnsupported:
    "此版本的 Excel 不支持页面设置接口（ExcelApi 1.9），「考核结果」已写入，但未设置打印格式（A4、一页宽、页眉页脚）。打印前请在「页面布局」中自行设置。",
  ledgerChangedTitle: "台账自上次评分后已修改",
  ledgerChangedBody: "「考核结果」是按修改前的台账计算的。请重新评分，使结果与台账一致。",
  readingsHeading: "争议口径",
  readingsIntro: "合同条款可有不同理解；下列为其他口径下的结果，付款不同者已标出。",
  readingChosen: "采用",
  readingDiffers: "付款不同",
  readingSame: "相同",
  readingDifference: (x) => `比采用口径 ${x}`,
  paymentsHeading: "付款计划",
  paymentFrom: "起算日",
  paymentDue: "付款期限",
  toBeFixed: "待定",
  penaltiesHeading: "违约金参考（第六条）",
  template: "新建台账模板",
  templating: "正在新建…",
  templateDone: (added, kept, validation) =>
    [
      added.length > 0 ? `已添加：${added.join("、")}。` : "没有需要添加的表。",
      kept.length > 0 ? `已有，保留不动：${kept.join("、")}。` : "",
      added.length > 0 && !validation
        ? "此版本的 Excel 不支持数据验证接口（ExcelApi 1.8），未添加下拉列表。"
        : "",
    ].join(""),
  colItem: "考核项",
  colMetric: "指标",
  colRule: "规则",
  colPoints: "得分",
  diagnosticsHeading: (n) => `问题（${n}）`,
  problemsTerm: "问题",
  problemsLink: (n) => `${n.toLocaleString("zh-CN")} 个问题，查看`,
  problemsNone: "无",
  codeDetails: "详情",
  noDiagnostics: "没有发现问题。",
  wholeWorkbook: "整个工作簿",
  row: (n) => `第 ${n} 行`,
  column: (c) => `「${c}」列`,
  goTo: "点击定位到该单元格",
  goToShort: "定位",
  notFound: "工作簿中找不到这个位置（表可能已改名或删除），请先刷新。",
  tableName: {
    contract: "合同",
    roster: "驻场人员",
    punches: "考勤",
    tickets: "工单",
    complaints: "投诉",
    surveys: "问卷",
    calendar: "日历",
  },
};

const en: Strings = {
  lang: "en",
  title: "OM Scorecard",
  subtitle: "Scores the O&M contract's assessment clause from the supervisor's ledgers",
  english: "English",
  privacy:
    "The ledger is read and scored inside this workbook, and the result written back to the 考核结果 sheet. The add-in makes no network requests of its own: the ledger never leaves the workbook.",
  officeJs:
    "office.js is Microsoft's Office library, through which the add-in reads and writes the workbook. It is loaded from Microsoft's CDN (or a copy your organisation hosts). Opened outside Office, office.js loads a telemetry page from Microsoft.",
  hostProblemTitle: {
    "not-in-excel": "Open this add-in in Excel",
    "no-answer": "Open this add-in in Excel",
    "office-js-missing": "office.js could not be loaded",
  },
  hostProblemBody: {
    "not-in-excel":
      "This is the task pane of an Excel add-in: it can read a workbook only inside Excel. In Excel, open 运维考核评分 from Home → Add-ins.",
    "no-answer":
      "Office did not answer, so there is no workbook to read. That is what happens when this page is opened in a browser; in Excel, open 运维考核评分 from Home → Add-ins. If you are in Excel already, close the task pane and open it again.",
    "office-js-missing":
      "The add-in needs office.js, Microsoft's Office library, and it did not load. On an intranet or a restricted network, ask the administrator to allow appsforoffice.microsoft.com or to deploy the add-in with its own copy of office.js, then open the task pane again.",
  },
  noHostTables: "Opened in Excel, this lists the workbook's ledger tables.",
  install: "Install workbook functions",
  lambdaMissing:
    "This version of Excel does not evaluate LAMBDA (Excel 2021 and 2019 do not), so the workbook functions would only show #NAME? here: nothing was installed and the workbook is as it was. Install them in Microsoft 365, Excel 2024 or Excel on the web; the OM.* custom functions work here as usual.",
  installing: "Installing…",
  installed: (added, kept) =>
    [
      added.length > 0 ? `Added: ${added.join(", ")}.` : "No names needed adding.",
      kept.length > 0 ? ` Kept the workbook's own names: ${kept.join(", ")}.` : "",
    ].join(""),
  announceResult: (total, tier, tail, status) =>
    `Assessed: total ${total}, payment tier ${tier}, tail payment ${tail}, ${status}.`,
  announceInvalid: (n) => `The ledger has errors and was not scored: ${n} problems.`,
  colon: ": ",
  paren: (x) => ` (${x})`,
  listSep: ", ",
  tablesHeading: "Ledger tables",
  refresh: "Refresh",
  loadingTables: "Looking for ledger tables…",
  noTables: "No tables or sheets with data were found.",
  rows: (n) => `${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"}`,
  matches: (logical) => `recognised as ${logical}`,
  unmatched: "not recognised",
  kindTable: "table",
  kindSheet: "sheet",
  missingHeading: "Missing tables",
  missingRequired: "required",
  missingOptional: "optional",
  nothingMissing: "All the required ledger tables were found.",
  optionsHeading: "Options",
  asOf: "As-of date",
  asOfHint:
    "Default: the Contract table's as-of date, else the service end. Before the end, the result is provisional.",
  rounding: "Rate rounding",
  roundingNone: "None: bands are lower bounds (84.9% is in the 80% band)",
  roundingWhole: "Round the rate half up to a whole percent first",
  tierEdge: "Tier edge",
  tierEdgeLower: "An edge total is in the lower tier (85 is B, default)",
  tierEdgeUpper: "An edge total is in the upper tier (85 is A)",
  assess: "Assess",
  assessing: "Assessing…",
  errorTitle: "Something went wrong",
  errorDetails: "Details",
  resultHeading: "Result",
  total: "Total",
  tier: "Payment tier",
  tailAmount: "Tail payment",
  status: "Status",
  whyProvisional: "Why provisional",
  period: "Period",
  periodText: (a, b, asOf) => `${a} to ${b} (as of ${asOf})`,
  invalidNote:
    "The ledger has errors: it was not scored and the 考核结果 sheet was not written. Fix each problem below and assess again.",
  written: "The result was written to the 考核结果 sheet.",
  dimensionsHeading: "Dimensions",
  notWritten: "The 考核结果 sheet was not written.",
  refusedTitle: "Nothing was written",
  pageLayoutUnsupported:
    "This Excel lacks the page layout API (ExcelApi 1.9): the 考核结果 sheet was written, but its print setup (A4, one page wide, header and footer) was not applied. Set it in Page Layout before printing.",
  ledgerChangedTitle: "The ledger has changed since it was last scored",
  ledgerChangedBody:
    "The 考核结果 sheet was computed from the ledger as it was before. Assess again so that the result matches the ledger.",
  readingsHeading: "Readings in dispute",
  readingsIntro:
    "The contract can be read in more than one way; the results under the other readings, with those that change the payment marked.",
  readingChosen: "chosen",
  readingDiffers: "payment differs",
  readingSame: "same",
  readingDifference: (x) => `${x} against the chosen reading`,
  paymentsHeading: "Payment schedule",
  paymentFrom: "From",
  paymentDue: "Due by",
  toBeFixed: "to be fixed",
  penaltiesHeading: "Penalties (art. 6), for reference",
  template: "New ledger template",
  templating: "Adding…",
  templateDone: (added, kept, validation) =>
    [
      added.length > 0 ? `Added: ${added.join(", ")}.` : "No tables needed adding.",
      kept.length > 0 ? ` Kept as they were: ${kept.join(", ")}.` : "",
      added.length > 0 && !validation
        ? " This Excel lacks the data validation API (ExcelApi 1.8): no drop-down lists were added."
        : "",
    ].join(""),
  colItem: "Item",
  colMetric: "Metric",
  colRule: "Rule",
  colPoints: "Points",
  diagnosticsHeading: (n) => `Problems (${n})`,
  problemsTerm: "Problems",
  problemsLink: (n) => `${n.toLocaleString("en-US")} ${n === 1 ? "problem" : "problems"}: see them`,
  problemsNone: "None",
  codeDetails: "Details",
  noDiagnostics: "No problems found.",
  wholeWorkbook: "Whole workbook",
  row: (n) => `row ${n}`,
  column: (c) => `column ${c}`,
  goTo: "Click to go to the cell",
  goToShort: "Go to",
  notFound:
    "That place is not in the workbook (the table may have been renamed or deleted); refresh first.",
  tableName: {
    contract: "Contract",
    roster: "Roster",
    punches: "Punches",
    tickets: "Tickets",
    complaints: "Complaints",
    surveys: "Surveys",
    calendar: "Calendar",
  },
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };
