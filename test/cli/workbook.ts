import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** Cell values as a test writes them: Dates must be built with Date.UTC (exceljs treats them as UTC). */
export type Cell = string | number | boolean | Date | null | { formula: string; result?: unknown };

export interface TableSpec {
  /** Sheet name (and table name when `asTable`). */
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Write as an Excel table (ListObject) rather than a plain sheet. */
  asTable?: boolean;
  /** Table name when it should differ from the sheet name. */
  tableName?: string;
  /** Start the table at this cell (default A1). */
  origin?: string;
}

/** A UTC-midnight Date for a calendar date, the way exceljs writes that exact day. */
export const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Write a workbook of the given tables; returns its path in a fresh temp folder. */
export async function writeWorkbook(
  tables: TableSpec[],
  fileName = "ledger.xlsx"
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name);
    const origin = t.origin ?? "A1";
    if (t.asTable) {
      ws.addTable({
        name: t.tableName ?? t.name,
        ref: origin,
        headerRow: true,
        columns: t.headers.map((h) => ({ name: h })),
        rows: t.rows.length ? t.rows : [t.headers.map(() => null)],
      });
    } else {
      const start = ws.getCell(origin);
      const r0 = Number(start.row);
      const c0 = Number(start.col);
      t.headers.forEach((h, j) => (ws.getCell(r0, c0 + j).value = h));
      t.rows.forEach((row, i) =>
        row.forEach((v, j) => (ws.getCell(r0 + 1 + i, c0 + j).value = v as ExcelJS.CellValue))
      );
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), "om-cli-"));
  const file = path.join(dir, fileName);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A small valid ledger (Chinese names and headers); override any table by name. */
/**
 * The Contract table of the test ledgers: the source contract's money terms written out, so a
 * result never rests on a default (SPEC §9) unless a test means it to.
 */
export function contractTable(): TableSpec {
  return {
    name: "合同",
    headers: ["项目", "值"],
    rows: [
      ["合同金额", 848600],
      ["尾款比例", 0.5],
      ["服务开始", d("2024-07-01")],
      ["服务结束", d("2025-06-30")],
      ["签订日期", d("2024-06-28")],
      ["驻场人数", 3],
      ["问卷满分", 100],
    ],
  };
}

export function baseLedger(
  over: Partial<Record<string, Partial<TableSpec>>> = {},
  asTable = false
): TableSpec[] {
  const tables: TableSpec[] = [
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
        ["2024/7/1", "张三", "下班", null, "到岗"],
      ],
    },
    {
      name: "工单",
      headers: ["工单号", "流转乙方", "状态", "创建日期"],
      rows: [["T1", "是", "已关闭", "2024年7月2日"]],
    },
    {
      name: "投诉",
      headers: ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
      rows: [],
    },
    { name: "问卷", headers: ["受访者", "得分"], rows: [["甲", 90]] },
    contractTable(),
  ];
  return tables.map((t) => ({ ...t, asTable, ...(over[t.name] ?? {}) }));
}
