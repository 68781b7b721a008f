/**
 * The taxonomies' codes, as the tab lists them in filters and forms. Their labels are messages
 * (so they are translated); a test checks these lists against core's.
 */
import type { Mechanism, ReportType, UprPosition, ImplementationStatus } from "../../core/records/taxonomy";
import type { RequestStatus } from "../../core/requests/request";
import type { ReportStatus } from "../../core/reports/report";
import type { ActionStatus } from "../../core/followup/action";

export const MECHANISM_CODES = ["UPR", "CCPR", "CESCR", "CAT", "CRC", "CEDAW", "CERD", "CRPD", "CMW", "CED", "SPECIAL_PROCEDURES", "REGIONAL"] as const satisfies readonly Mechanism[];
export const REPORT_TYPE_CODES = ["upr-national", "upr-midterm", "common-core", "treaty-initial", "treaty-periodic", "loipr-replies", "follow-up", "visit", "other"] as const satisfies readonly ReportType[];
export const POSITION_CODES = ["supported", "supported-in-part", "noted"] as const satisfies readonly UprPosition[];
export const STATUS_CODES = ["not-assessed", "not-started", "in-progress", "partially-implemented", "implemented", "no-longer-relevant"] as const satisfies readonly ImplementationStatus[];
export const ACTION_STATUS_CODES = ["planned", "under-way", "done", "dropped"] as const satisfies readonly ActionStatus[];
export const REQUEST_STATUS_CODES = ["queued", "undeliverable", "sent", "seen", "answered", "overdue", "escalated", "extended", "declined", "closed"] as const satisfies readonly RequestStatus[];
export const REPORT_STATUS_CODES = ["planning", "collecting", "drafting", "in-review", "approved", "submitted"] as const satisfies readonly ReportStatus[];
export const SDG_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;

/** Report types that fit a mechanism (the form offers these first). */
export function reportTypesFor(mechanism: Mechanism): ReportType[] {
  if (mechanism === "UPR") return ["upr-national", "upr-midterm", "other"];
  if (mechanism === "SPECIAL_PROCEDURES") return ["visit", "other"];
  if (mechanism === "REGIONAL") return ["treaty-periodic", "treaty-initial", "other"];
  return ["treaty-periodic", "loipr-replies", "treaty-initial", "common-core", "follow-up", "other"];
}

/** Today as a calendar date in a time zone (due dates are calendar dates there). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
