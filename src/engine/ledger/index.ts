import type { Diagnostic } from "../diagnostics";
import type { Located } from "../schema";
import type { TableKey } from "../tables";
import { readCalendar, type CalendarOverride } from "./calendar";
import { readComplaints, type Complaint, type ComplaintBeingChecked } from "./complaints";
import { readPunches, type Punch } from "./punches";
import { readRoster, type RosterMember } from "./roster";
import { readSurveys, type Survey } from "./surveys";
import { readTickets, type Ticket } from "./tickets";

/**
 * The ledger reader: located raw tables in, typed rows and diagnostics out. Each bad cell gives
 * one error naming its table, worksheet row and column, and what was expected; the row is then
 * left out of the typed rows (the run is invalid anyway, so nothing is scored from it).
 *
 * - `rowsOf.ts` walks a table's data rows, passing over the rows that are not data
 *   (`skipRules.ts`: totals, hints, repeated and merged headers);
 * - `rowView.ts` is one row, with typed reads of its cells that report what is bad; a read says
 *   what it found (`cellRead.ts`: a value, empty, or bad and already reported);
 * - one file per table: `roster.ts`, `punches.ts`, `tickets.ts`, `complaints.ts`, `surveys.ts`,
 *   `calendar.ts`. The Contract table shapes the profile and is read apart (`../contract.ts`).
 */

/** The typed ledger after parsing: what the dimensions score. */
export interface Ledger {
  roster: RosterMember[];
  punches: Punch[];
  tickets: Ticket[];
  complaints: Complaint[];
  /** Complaints still being checked (SPEC §10): not counted; the result is provisional. */
  complaintsBeingChecked: ComplaintBeingChecked[];
  surveys: Survey[];
  calendar: CalendarOverride[];
  /** Which logical tables were found, and where. */
  found: Partial<Record<TableKey, { name: string; sheet: string; rows: number }>>;
}

/**
 * @summary Read every located ledger table into typed rows, with diagnostics.
 * The Contract table is read separately (it shapes the profile), see `contract.ts`.
 */
export function readLedger(
  located: Partial<Record<TableKey, Located>>,
  completedStatuses: string[],
  out: Diagnostic[],
  surveyScale = 100
): Ledger {
  const found: Ledger["found"] = {};
  const complaints = located.complaints
    ? readComplaints(located.complaints, out)
    : { complaints: [], checking: [] };
  for (const [key, loc] of Object.entries(located) as [TableKey, Located][]) {
    const rows = (loc.more ?? []).reduce((n, p) => n + p.table.rows.length, loc.table.rows.length);
    found[key] = { name: loc.table.name, sheet: loc.table.sheet, rows };
  }
  return {
    roster: located.roster ? readRoster(located.roster, out) : [],
    punches: located.punches ? readPunches(located.punches, out) : [],
    tickets: located.tickets ? readTickets(located.tickets, out, completedStatuses) : [],
    complaints: complaints.complaints,
    complaintsBeingChecked: complaints.checking,
    surveys: located.surveys ? readSurveys(located.surveys, out, surveyScale) : [],
    calendar: located.calendar ? readCalendar(located.calendar, out) : [],
    found,
  };
}
