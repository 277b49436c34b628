/**
 * A generated ledger "model" for the property tests, and how it is rendered into RawTables (or
 * into .xlsx table specs). Every generated value is one the ledger format accepts, so a model
 * always scores (never `invalid`): the first roster member is on duty the whole service year.
 */
import fc from "fast-check";
import {
  BUILTIN_CALENDAR,
  isoDay,
  serialFromDay,
  workdaysBetween,
  dayToIso,
  type RawCell,
  type RawTable,
} from "../../src/engine";

const SERVICE_START = isoDay("2024-07-01");
const SERVICE_END = isoDay("2025-06-30");
const SPAN = SERVICE_END - SERVICE_START + 1;
const WORKDAYS = workdaysBetween(BUILTIN_CALENDAR, SERVICE_START, SERVICE_END);

/** Names a punch may carry: the roster's, written differently (spaces, full width), or unknown. */
const ROSTER_NAMES = ["张三", "李四", "Ａｌｉ", "王 五"];
const PUNCH_NAMES = ["张三", "李四", "Ali", "王五", "张 三", "赵六"];
export const COMPLETED = ["已关闭", "待验证", " 已关闭 "];
const NOT_COMPLETED = ["处理中", "", "已挂起", "新建"];

interface MemberModel {
  name: string;
  /** Day offsets from the service start; null for open. */
  start: number | null;
  end: number | null;
}

export interface PunchModel {
  /** Day offset from the service start (any day: working, rest, or outside a member's period). */
  day: number;
  /** Preferably a working day (most punches are); when true `day` indexes WORKDAYS instead. */
  onWorkday: boolean;
  name: string;
  slot: "上班" | "下班";
  present: boolean | null;
}

interface TicketModel {
  routed: boolean;
  status: string;
}

export interface ComplaintModel {
  category: "日常维护" | "响应度";
  verified: boolean;
  deadline: number | null;
  rectified: number | null;
}

export interface LedgerModel {
  members: MemberModel[];
  punches: PunchModel[];
  tickets: TicketModel[];
  complaints: ComplaintModel[];
  /** Scores in tenths (0..1000), so 87.5 is 875. */
  surveys: number[];
  /** Day offset of the as-of date, or null for the default (the service end). */
  asOf: number | null;
}

const day = fc.integer({ min: 0, max: SPAN - 1 });

const member: fc.Arbitrary<Omit<MemberModel, "name">> = fc
  .tuple(fc.option(day, { nil: null }), fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }))
  .map(([start, len]) => ({
    start,
    end: start !== null && len !== null ? Math.min(SPAN - 1, start + len) : null,
  }));

export const punchArb: fc.Arbitrary<PunchModel> = fc.record({
  // Often one of the first few days, so that checks of one (person, date, slot) repeat.
  day: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4 })),
  onWorkday: fc.boolean(),
  name: fc.constantFrom(...PUNCH_NAMES),
  slot: fc.constantFrom("上班" as const, "下班" as const),
  present: fc.option(fc.boolean(), { nil: null, freq: 4 }),
});

const ticketArb: fc.Arbitrary<TicketModel> = fc.record({
  routed: fc.boolean(),
  status: fc.oneof(fc.constantFrom(...COMPLETED), fc.constantFrom(...NOT_COMPLETED)),
});

export const complaintArb: fc.Arbitrary<ComplaintModel> = fc.record({
  category: fc.constantFrom("日常维护" as const, "响应度" as const),
  verified: fc.boolean(),
  deadline: fc.option(day, { nil: null }),
  rectified: fc.option(day, { nil: null }),
});

export const ledgerArb: fc.Arbitrary<LedgerModel> = fc.record({
  members: fc
    .array(member, { minLength: 0, maxLength: ROSTER_NAMES.length - 1 })
    .map((ms) => [
      { name: ROSTER_NAMES[0], start: null, end: null },
      ...ms.map((m, i) => ({ ...m, name: ROSTER_NAMES[i + 1] })),
    ]),
  punches: fc.array(punchArb, { maxLength: 80 }),
  tickets: fc.array(ticketArb, { maxLength: 30 }),
  complaints: fc.array(complaintArb, { maxLength: 12 }),
  // At least one score above 5 when any is given: scores all ≤ 5 on a 100-point scale are an
  // error (SPEC §5, survey-scale-suspect), tested on their own.
  surveys: fc
    .array(fc.integer({ min: 0, max: 1000 }), { maxLength: 8 })
    .map((xs) => (xs.length && Math.max(...xs) <= 50 ? [...xs, 900] : xs)),
  asOf: fc.option(fc.integer({ min: 250, max: SPAN - 1 }), { nil: null }),
});

export const serialOf = (offset: number): number => serialFromDay(SERVICE_START + offset);
export const isoOf = (offset: number): string => dayToIso(SERVICE_START + offset);

function punchDay(p: PunchModel): number {
  return p.onWorkday ? WORKDAYS[p.day % WORKDAYS.length] - SERVICE_START : p.day;
}

export interface Rendered {
  roster: RawCell[][];
  punches: RawCell[][];
  tickets: RawCell[][];
  complaints: RawCell[][];
  surveys: RawCell[][];
  contract: RawCell[][];
}

/** The model's rows as a reader would hand them over (dates as serials). */
export function renderRows(m: LedgerModel): Rendered {
  return {
    roster: m.members.map((x) => [
      x.name,
      "驻场工程师",
      x.start === null ? null : serialOf(x.start),
      x.end === null ? null : serialOf(x.end),
    ]),
    punches: m.punches.map((p) => [
      serialOf(punchDay(p)),
      p.name,
      p.slot,
      null,
      p.present === null ? null : p.present ? "到岗" : "缺勤",
    ]),
    tickets: m.tickets.map((t, i) => [`T${i + 1}`, t.routed ? "是" : "否", t.status, null]),
    complaints: m.complaints.map((c, i) => [
      `C${i + 1}`,
      null,
      c.category,
      c.verified ? "是" : "否",
      c.deadline === null ? null : serialOf(c.deadline),
      c.rectified === null ? null : serialOf(c.rectified),
      null,
    ]),
    surveys: m.surveys.map((s, i) => [`受访者${i + 1}`, s / 10]),
    contract: m.asOf === null ? [] : [["考核日期", serialOf(m.asOf)]],
  };
}

export const HEADERS = {
  roster: ["姓名", "角色", "到岗日期", "离岗日期"],
  punches: ["日期", "姓名", "时段", "时间", "结果"],
  tickets: ["工单号", "流转乙方", "状态", "创建日期"],
  complaints: ["编号", "日期", "类别", "核实属实", "整改期限", "整改完成日期", "说明"],
  surveys: ["受访者", "得分"],
  contract: ["项目", "值"],
} as const;

export const NAMES_ZH = {
  roster: "驻场人员",
  punches: "考勤",
  tickets: "工单",
  complaints: "投诉",
  surveys: "问卷",
  contract: "合同",
} as const;

/** The model as plain-sheet RawTables with Chinese names and headers. */
export function toTables(m: LedgerModel, r: Rendered = renderRows(m)): RawTable[] {
  const keys = ["roster", "punches", "tickets", "complaints", "surveys", "contract"] as const;
  return keys
    .filter((k) => k !== "contract" || r.contract.length > 0)
    .map((k) => ({
      name: NAMES_ZH[k],
      sheet: NAMES_ZH[k],
      kind: "sheet" as const,
      headerRow: 1,
      firstColumn: 1,
      headers: [...HEADERS[k]],
      rows: r[k],
    }));
}
