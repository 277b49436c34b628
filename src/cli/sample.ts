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

/** Build the sample ledger workbook. */
export function buildSampleLedger(): ExcelJS.Workbook {
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
      ["合同金额", p.contractAmountFen / 100],
      ["尾款比例", 0.5],
      ["服务开始", excelDate(p.serviceStart)],
      ["服务结束", excelDate(p.serviceEnd)],
      ["考核日期", excelDate(p.serviceEnd)],
    ],
    [14, 16]
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
  const punches: Row[] = [];
  for (const day of workdaysBetween(BUILTIN_CALENDAR, p.serviceStart, p.serviceEnd)) {
    for (const [name] of staff) {
      for (const slot of ["上班", "下班"] as const) {
        const r = rnd();
        if (r < 0.007) continue; // the supervisor missed this check
        const minutes =
          slot === "上班" ? 505 + Math.floor(rnd() * 30) : 1025 + Math.floor(rnd() * 35);
        const absent = r > 0.992;
        // Now and then only the time was written: the slot is inferred from it.
        const slotCell = rnd() < 0.02 ? null : slot;
        punches.push([
          excelDate(day),
          name,
          slotCell,
          absent ? null : excelTime(minutes),
          absent ? "缺勤" : "到岗",
        ]);
      }
    }
  }
  // A holiday duty check (国庆值班): recorded, but 2024-10-02 is not an expected check day.
  punches.push([excelDate(isoDay("2024-10-02")), "李娜", "上班", excelTime(540), "到岗"]);
  punches.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  addTable(wb, "考勤", ["日期", "姓名", "时段", "时间", "结果"], punches, [12, 10, 8, 8, 8], {
    1: "yyyy-mm-dd",
    4: "hh:mm",
  });

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
export async function writeSampleLedger(file: string): Promise<void> {
  const { mkdir } = await import("node:fs/promises");
  const path = await import("node:path");
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await buildSampleLedger().xlsx.writeFile(file);
}
