import { workdayAfter, type WorkCalendar } from "./calendar";
import { ymdOf, type Day } from "./day";
import type { Profile } from "./profile";

/** One payment of the contract (第四条) and when it falls due. */
export interface Payment {
  key: "first" | "tail";
  /** Amount in fen; null when not known (the tail of an invalid run). */
  amountFen: number | null;
  /** The date the period counts from (signing, payment notice); null when not yet fixed. */
  from: Day | null;
  /** Statutory working days allowed. */
  workingDays: number;
  /** Last day to pay; null when `from` is not fixed or the calendar does not cover the period. */
  due: Day | null;
  /** A year the calendar does not cover, when that is why `due` is null. */
  uncoveredYear: number | null;
}

/** Working days the contract allows for each payment (第四条 1 and 2). */
const PAYMENT_WORKING_DAYS = 30;

/**
 * @summary When a payment falls due: `days` statutory working days after `from` (Excel's WORKDAY
 * on the calendar). Never guessed: if a day counted lies in a year the calendar does not cover,
 * the due date is null and that year is named.
 * @example
 * dueAfter(cal, isoDay("2024-06-28"), 30) //=> { due: isoDay("2024-08-09"), uncoveredYear: null }
 */
export function dueAfter(
  cal: WorkCalendar,
  from: Day,
  days: number
): { due: Day | null; uncoveredYear: number | null } {
  const due = workdayAfter(cal, from, days);
  for (let d = from + 1; d <= due; d++) {
    if (!cal.isCovered(d)) return { due: null, uncoveredYear: ymdOf(d).year };
  }
  return { due, uncoveredYear: null };
}

/**
 * @summary The payment schedule of 第四条: the first payment (the contract amount less the tail)
 * within 30 working days of signing, and the tail (`tailAmountFen`, null when not scored) within
 * 30 working days of the payment notice, whose date is "to be fixed" (null) until the Contract
 * table gives 付款通知日期.
 */
export function paymentSchedule(
  p: Profile,
  cal: WorkCalendar,
  firstAmountFen: number,
  tailAmountFen: number | null
): Payment[] {
  const first = dueAfter(cal, p.signedOn, PAYMENT_WORKING_DAYS);
  const tail =
    p.paymentNoticeOn === null
      ? { due: null, uncoveredYear: null }
      : dueAfter(cal, p.paymentNoticeOn, PAYMENT_WORKING_DAYS);
  return [
    {
      key: "first",
      amountFen: firstAmountFen,
      from: p.signedOn,
      workingDays: PAYMENT_WORKING_DAYS,
      ...first,
    },
    {
      key: "tail",
      amountFen: tailAmountFen,
      from: p.paymentNoticeOn,
      workingDays: PAYMENT_WORKING_DAYS,
      ...tail,
    },
  ];
}
