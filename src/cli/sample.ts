import ExcelJS from "exceljs";
import { seededRandom } from "./random";
import {
  BUILTIN_CALENDAR,
  DEFAULT_PROFILE,
  dayToIso,
  isoDay,
  workdaysBetween,
  ymdOf,
  type Day,
} from "../engine";

/**
 * The bundled sample ledger: a realistic supervisor's workbook for the whole service year of the
 * source contract, as Excel tables with Chinese names and headers. Deterministic (a fixed seed),
 * so the same command always writes the same ledger.
 *
 * What it holds: 3 resident staff, both daily checks for every working day (≈1,500) with a few
 * absences and missing checks, one holiday duty check (a warning: not an expected day), a few
 * checks with only a time; 420 tickets (400 routed to the vendor, 320 of them completed: 80%); six complaints of both kinds
 * (deducted, not verified, rectified in time, on the deadline day, late, never rectified);
 * twelve surveys. It scores 84.61 points, tier B.
 *
 * `sample --dingtalk` writes the same ledger with its punches as a DingTalk 每日统计 export
 * (see addDingTalkDaily): the same checks, so exactly the same score.
 */

/** A calendar date as the UTC midnight Date exceljs writes as that exact day (see SETUP-NOTES). */
export function excelDate(day: Day): Date {
  const { year, month, day: d } = ymdOf(day);
  return new Date(Date.UTC(year, month - 1, d));
}

/** A time of day as exceljs expects it: a Date on 1899-12-30 UTC. */
function excelTime(minutes: number): Date {
  return new Date(Date.UTC(1899, 11, 30, Math.floor(minutes / 60), minutes % 60));
}

type Row = (string | number | boolean | Date | null)[];

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: Row[],
  widths: number[],
  formats: Record<number, string> = {}
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addTable({
    name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [col, fmt] of Object.entries(formats)) ws.getColumn(Number(col)).numFmt = fmt;
}

/** One check of the sample: `minutes` null when it was recorded absent. */
interface Punch {
  day: Day;
  name: string;
  slot: "上班" | "下班";
  /** False where the supervisor wrote only the time (the tidy ledger leaves 时段 empty). */
  slotWritten: boolean;
  minutes: number | null;
}

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * The punches as a DingTalk 每日统计 (daily statistics) export holds them: two title rows, two
 * header rows (上班1 and 下班1 merged over 打卡时间 / 打卡结果, the other headers merged down over
 * both), one row per person per day, person after person with 姓名 merged over the person's
 * rows, dates as `24-07-01 星期一`, times as text and the app's result words. The same checks as
 * the tidy ledger, so it scores the same: 正常, 迟到 (after 09:00) and 早退 (before 17:00) are
 * present (the 考勤组 works 09:00–17:00, so the sample's times are all 正常); an absent check is 缺卡, or 请假 every third time (absent too); a check never recorded
 * leaves both its cells empty (no check).
 */
function addDingTalkDaily(
  wb: ExcelJS.Workbook,
  punches: readonly Punch[],
  names: readonly string[],
  from: Day,
  to: Day
): void {
  const ws = wb.addWorksheet("每日统计");
  const width = 10;
  ws.addRow([`每日统计  统计日期：${dayToIso(from)} 至 ${dayToIso(to)}`]);
  ws.addRow([`报表生成时间：${dayToIso(to + 1)} 09:00`]);
  ws.addRow(["姓名", "考勤组", "部门", "工号", "职位", "日期", "上班1", null, "下班1", null]);
  ws.addRow([null, null, null, null, null, null, "打卡时间", "打卡结果", "打卡时间", "打卡结果"]);
  ws.mergeCells(1, 1, 1, width);
  ws.mergeCells(2, 1, 2, width);
  for (let c = 1; c <= 6; c++) ws.mergeCells(3, c, 4, c);
  ws.mergeCells(3, 7, 3, 8);
  ws.mergeCells(3, 9, 3, 10);
  const byPersonDay = new Map<string, Partial<Record<Punch["slot"], Punch>>>();
  for (const x of punches) {
    const key = `${x.name}\u0000${x.day}`;
    byPersonDay.set(key, { ...byPersonDay.get(key), [x.slot]: x });
  }
  let absentSeen = 0;
  const cells = (x: Punch | undefined): [string | null, string | null] => {
    if (x === undefined) return [null, null];
    if (x.minutes === null) return [null, absentSeen++ % 3 === 2 ? "请假" : "缺卡"];
    const word =
      x.slot === "上班" ? (x.minutes > 540 ? "迟到" : "正常") : x.minutes < 1020 ? "早退" : "正常";
    return [hhmm(x.minutes), word];
  };
  const roles: Record<string, [string, string]> = {};
  names.forEach(
    (n, i) =>
      (roles[n] = [`YW${String(i + 1).padStart(3, "0")}`, i === 0 ? "项目负责人" : "运维工程师"])
  );
  for (const name of names) {
    const days = [...new Set(punches.filter((x) => x.name === name).map((x) => x.day))];
    const allDays = [...new Set([...workdaysBetween(BUILTIN_CALENDAR, from, to), ...days])].sort(
      (a, b) => a - b
    );
    const first = ws.rowCount + 1;
    for (const day of allDays) {
      const slots = byPersonDay.get(`${name}\u0000${day}`) ?? {};
      const { year, month, day: dd } = ymdOf(day);
      const date = `${String(year % 100).padStart(2, "0")}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")} ${WEEKDAYS[new Date(Date.UTC(year, month - 1, dd)).getUTCDay()]}`;
      ws.addRow([
        name,
        "驻场运维",
        "信息中心",
        ...roles[name],
        date,
        ...cells(slots.上班),
        ...cells(slots.下班),
      ]);
    }
    if (ws.rowCount > first) ws.mergeCells(first, 1, ws.rowCount, 1);
  }
  [10, 10, 10, 8, 12, 16, 10, 10, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Which sample: the tidy ledger (SPEC §2), or its punches as a DingTalk daily-statistics export. */
export interface SampleOptions {
  dingtalk?: boolean;
}

/** Build the sample ledger workbook. */
function buildSampleLedger(options: SampleOptions = {}): ExcelJS.Workbook {
  const rnd = seededRandom(20240701);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const p = DEFAULT_PROFILE;
  const wb = new ExcelJS.Workbook();
  wb.creator = "OM Scorecard sample";
  wb.created = new Date(Date.UTC(2025, 6, 1));
  wb.modified = new Date(Date.UTC(2025, 6, 1));

  addTable(
    wb,
    "合同",
    ["项目", "值"],
    [
      // The source contract's identity (SPEC §9): its name and parties as its first page writes
      // them. It leaves 合同编号 blank and names no supervisor: the sample's are marked 示例.
      ["合同名称", p.contractName],
      ["合同编号", "示例 SAMPLE-2024-001"],
      ["甲方", "常州市人力资源和社会保障公共服务与技术保障中心"],
      ["乙方", "浙江浙大网新软件产业集团有限公司"],
      ["监理单位", "示例监理有限公司"],
      ["合同金额", p.contractAmountFen / 100],
      ["尾款比例", 0.5],
      ["服务开始", excelDate(p.serviceStart)],
      ["服务结束", excelDate(p.serviceEnd)],
      ["签订日期", excelDate(p.signedOn)],
      ["考核日期", excelDate(p.serviceEnd)],
      ["驻场人数", p.residentStaff],
      ["问卷满分", p.surveyScale],
    ],
    [14, 48]
  );

  const staff = [
    ["张伟", "项目负责人"],
    ["李娜", "运维工程师"],
    ["王强", "运维工程师"],
  ] as const;
  addTable(
    wb,
    "驻场人员",
    ["姓名", "角色", "到岗日期", "离岗日期"],
    staff.map(([n, r]) => [n, r, excelDate(p.serviceStart), null]),
    [10, 14, 12, 12],
    { 3: "yyyy-mm-dd", 4: "yyyy-mm-dd" }
  );

  // Punches: both checks every working day; ~0.8% absent, ~0.7% never recorded.
  const punches: Punch[] = [];
  for (const day of workdaysBetween(BUILTIN_CALENDAR, p.serviceStart, p.serviceEnd)) {
    for (const [name] of staff) {
      for (const slot of ["上班", "下班"] as const) {
        const r = rnd();
        if (r < 0.007) continue; // the supervisor missed this check
        const minutes =
          slot === "上班" ? 505 + Math.floor(rnd() * 30) : 1025 + Math.floor(rnd() * 35);
        const absent = r > 0.992;
        // Now and then only the time was written: the slot is inferred from it.
        const slotWritten = !(rnd() < 0.02);
        punches.push({ day, name, slot, slotWritten, minutes: absent ? null : minutes });
      }
    }
  }
  // A holiday duty check (国庆值班): recorded, but 2024-10-02 is not an expected check day.
  punches.push({
    day: isoDay("2024-10-02"),
    name: "李娜",
    slot: "上班",
    slotWritten: true,
    minutes: 540,
  });
  punches.sort((a, b) => a.day - b.day);
  if (options.dingtalk)
    addDingTalkDaily(
      wb,
      punches,
      staff.map(([n]) => n),
      p.serviceStart,
      p.serviceEnd
    );
  else
    addTable(
      wb,
      "考勤",
      ["日期", "姓名", "时段", "时间", "结果"],
      punches.map((x) => [
        excelDate(x.day),
        x.name,
        x.slotWritten ? x.slot : null,
        x.minutes === null ? null : excelTime(x.minutes),
        x.minutes === null ? "缺勤" : "到岗",
      ]),
      [12, 10, 8, 8, 8],
      { 1: "yyyy-mm-dd", 4: "hh:mm" }
    );

  // Tickets: 420, of which 400 routed to the vendor; 320 of those completed (80%).
  const tickets: Row[] = [];
  const open = ["处理中", "待处理", "挂起", "已退回"];
  const days = workdaysBetween(BUILTIN_CALENDAR, p.serviceStart, p.serviceEnd);
  for (let i = 0; i < 420; i++) {
    const routed = i % 21 !== 20; // 20 of 420 stay with the client's own staff
    const created = days[Math.floor((i / 420) * days.length)];
    tickets.push([
      `GD${dayToIso(created).replace(/-/g, "")}-${String(i + 1).padStart(4, "0")}`,
      routed ? "是" : "否",
      "",
      excelDate(created),
    ]);
  }
  const routedRows = tickets.filter((t) => t[1] === "是");
  routedRows.forEach((t, i) => {
    t[2] = i % 5 === 4 ? pick(open) : i % 9 === 0 ? "待验证" : "已关闭";
  });
  tickets.filter((t) => t[1] === "否").forEach((t) => (t[2] = pick(["已关闭", "处理中"])));
  addTable(wb, "工单", ["工单号", "流转乙方", "状态", "创建日期"], tickets, [20, 10, 10, 12], {
    4: "yyyy-mm-dd",
  });

  const d = (iso: string): Date => excelDate(isoDay(iso));
  addTable(
    wb,
    "投诉",
    ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
    [
      [
        "TS-2024-001",
        d("2024-08-14"),
        "日常维护",
        "是",
        null,
        null,
        "未按开库流程审批即修改生产库数据",
      ],
      [
        "TS-2024-002",
        d("2024-10-21"),
        "日常维护",
        "否",
        null,
        null,
        "反映驻场人员离岗，经查系外出培训，已报备",
      ],
      [
        "XY-2024-001",
        d("2024-09-09"),
        "响应度",
        "是",
        d("2024-09-20"),
        d("2024-09-18"),
        "就业见习系统补贴发放延迟处理",
      ],
      [
        "XY-2024-002",
        d("2024-11-26"),
        "响应度",
        "是",
        d("2024-12-10"),
        d("2024-12-10"),
        "劳动监察系统案件导出报错，期限当天完成整改",
      ],
      [
        "XY-2025-001",
        d("2025-03-03"),
        "响应度",
        "是",
        d("2025-03-15"),
        d("2025-03-21"),
        "常安薪小程序接口超时，逾期 6 天整改",
      ],
      [
        "XY-2025-002",
        d("2025-05-06"),
        "响应度",
        "是",
        d("2025-05-20"),
        null,
        "数据统计报表口径调整，至考核日仍未完成",
      ],
    ],
    [14, 12, 10, 10, 12, 14, 44],
    { 2: "yyyy-mm-dd", 5: "yyyy-mm-dd", 6: "yyyy-mm-dd" }
  );

  const scores = [92, 88, 95, 85, 90, 78, 93, 87, 91, 89, 84, 94];
  const units = [
    "就业科",
    "培训科",
    "劳动监察支队",
    "仲裁院",
    "武进区人社局",
    "金坛区人社局",
    "溧阳市人社局",
    "信息中心",
    "劳动关系处",
    "社保中心",
    "就业管理中心",
    "办公室",
  ];
  addTable(
    wb,
    "问卷",
    ["受访者", "得分"],
    scores.map((s, i) => [units[i], s]),
    [16, 8]
  );
  return wb;
}

/** Write the sample ledger to a file. */
export async function writeSampleLedger(file: string, options: SampleOptions = {}): Promise<void> {
  const { mkdir } = await import("node:fs/promises");
  const path = await import("node:path");
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await buildSampleLedger(options).xlsx.writeFile(file);
}
