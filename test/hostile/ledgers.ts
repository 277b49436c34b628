/** Hostile ledger workbooks: a small valid ledger written with exceljs, then bent one way. */
import ExcelJS from "exceljs";
import { fileOf } from "./harness";

export type Cell = ExcelJS.CellValue;

export interface Sheet {
  name: string;
  headers: Cell[];
  rows: Cell[][];
  /** Write as an Excel table (ListObject). */
  asTable?: boolean;
  /** Rows above the header row (a title, say). */
  above?: Cell[][];
}

export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A small valid ledger: one member on 2024-07-01 with both checks, one closed ticket, one survey. */
export function base(): Sheet[] {
  return [
    {
      name: "驻场人员",
      headers: ["姓名", "角色", "到岗日期", "离岗日期"],
      rows: [["张三", "负责人", d("2024-07-01"), null]],
    },
    {
      name: "考勤",
      headers: ["日期", "姓名", "时段", "时间", "结果"],
      rows: [
        [d("2024-07-01"), "张三", "上班", null, "到岗"],
        [d("2024-07-01"), "张三", "下班", null, "到岗"],
      ],
    },
    {
      name: "工单",
      headers: ["工单号", "流转乙方", "状态", "创建日期"],
      rows: [["T1", "是", "已关闭", d("2024-07-01")]],
    },
    {
      name: "投诉",
      headers: ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
      rows: [["C1", d("2024-07-01"), "日常维护", "否", null, null, "核实不属实"]],
    },
    { name: "问卷", headers: ["受访者", "得分"], rows: [["人社局", 90]] },
  ];
}

/** `base()` with some sheets replaced or extended (by name). */
export function withSheets(
  over: Record<string, Partial<Sheet> | null>,
  extra: Sheet[] = []
): Sheet[] {
  return [
    ...base()
      .filter((s) => over[s.name] !== null)
      .map((s) => ({ ...s, ...(over[s.name] ?? {}) })),
    ...extra,
  ];
}

/** Write the sheets as an .xlsx file in a fresh folder; `tweak` may change the workbook first. */
export async function xlsxFile(
  sheets: Sheet[],
  tweak?: (wb: ExcelJS.Workbook) => void
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const above = s.above ?? [];
    above.forEach((r) => ws.addRow(r));
    if (s.asTable) {
      ws.addTable({
        name: s.name,
        ref: `A${above.length + 1}`,
        headerRow: true,
        columns: s.headers.map((h) => ({ name: String(h) })),
        rows: s.rows.length ? s.rows : [s.headers.map(() => null)],
      });
    } else {
      ws.addRow(s.headers);
      s.rows.forEach((r) => ws.addRow(r));
    }
  }
  tweak?.(wb);
  return fileOf(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** `base()` with its punches kept one sheet per month (7月, 7月下): one table over two sheets. */
export function monthSheets(): Sheet[] {
  const [roster, punches, ...rest] = base();
  return [
    roster,
    { ...punches, name: "7月", rows: [punches.rows[0]] },
    { ...punches, name: "7月下", rows: [punches.rows[1]] },
    ...rest,
  ];
}

/** `base()` with a 流转乙方 that is neither yes nor no: an invalid ledger (`bad-yes-no`). */
export function invalidLedger(): Sheet[] {
  return withSheets({ 工单: { rows: [["T1", "也许", "已关闭", d("2024-07-01")]] } });
}
