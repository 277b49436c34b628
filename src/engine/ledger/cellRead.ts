import { BAD, type Parsed } from "../values";

/**
 * What reading one cell gives a table reader: its value, nothing (an empty cell), or bad — a
 * value its column does not accept, or an error value — which the row view has already
 * reported as a diagnostic on the row (the row is then left out: `RowView.bad`).
 */
export type CellRead<T> = Ok<T> | typeof EMPTY | typeof BAD_CELL;

/** A required cell as read: its value, or bad (an empty required cell is reported, so bad too). */
export type NeededRead<T> = Ok<T> | typeof BAD_CELL;

/** A cell that holds a value. */
interface Ok<T> {
  readonly kind: "ok";
  readonly value: T;
}

/** An empty cell. */
export const EMPTY = { kind: "empty" } as const;

/** A bad cell, already reported. */
export const BAD_CELL = { kind: "bad" } as const;

/** A cell that holds `value`. */
export const ok = <T>(value: T): Ok<T> => ({ kind: "ok", value });

/**
 * @summary A parser's answer (value, null for empty, BAD) as a cell read.
 * @example
 * fromParsed(parseYesNo("是")) //=> { kind: "ok", value: true }
 */
export function fromParsed<T>(v: Parsed<T>): CellRead<T> {
  return v === null ? EMPTY : v === BAD ? BAD_CELL : ok(v);
}

/**
 * @summary The value of a read, or null when the cell was empty (or bad: a bad row is left out
 * before its values are used).
 * @example
 * orNull(ok(3)) //=> 3
 * orNull(EMPTY) //=> null
 */
export function orNull<T>(read: CellRead<T>): T | null {
  return read.kind === "ok" ? read.value : null;
}
