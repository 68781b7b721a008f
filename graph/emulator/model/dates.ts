/**
 * Date and date-time values as SharePoint keeps them: date-time in UTC to the second; a
 * date-only column at midnight in the site's time zone, read back in UTC (graph-contract.md 4.1.6).
 */
import { startOfDate } from "../../../core/calendar/calendar";
import { isoSeconds } from "../ids";

/** The UTC instant of 00:00 on a calendar date in a time zone (daylight-saving changes included). */
export function zonedMidnight(date: string, timeZone: string): number {
  return startOfDate(date, timeZone).getTime();
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A written date value in its stored form, or undefined when it is not a date.
 * Date-only columns keep the calendar date written (of the text, before any zone shift).
 */
export function normalizeDate(value: string, dateOnly: boolean, timeZone: string): string | undefined {
  if (DATE_ONLY.test(value)) {
    if (Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return undefined;
    // A bare date is midnight in the site's zone, whatever the column's format.
    return isoSeconds(zonedMidnight(value, timeZone));
  }
  if (!DATE_TIME.test(value)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const instant = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(instant)) return undefined;
  if (dateOnly) return isoSeconds(zonedMidnight(value.slice(0, 10), timeZone));
  return isoSeconds(instant);
}
