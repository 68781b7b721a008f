/**
 * Date and date-time values as SharePoint keeps them: date-time in UTC to the second; a
 * date-only column at midnight in the site's time zone, read back in UTC (graph-contract.md 4.1.6).
 */
import { isoSeconds } from "../ids";

const calendars = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
function localDate(instant: number, timeZone: string): string {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    calendars.set(timeZone, calendar);
  }
  const parts = Object.fromEntries(calendar.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const MINUTE = 60_000;

/**
 * The UTC instant a calendar date begins in a time zone: the first minute whose local date is
 * that date (so a midnight that a daylight-saving change skips begins the day at the change, and
 * a midnight that happens twice begins it at the first). The emulator's own rule, shared with no
 * product code, so that the contract suite can catch the product's calendar mistakes.
 */
export function zonedMidnight(date: string, timeZone: string): number {
  const midnightAsUtc = Date.parse(`${date}T00:00:00Z`);
  // Zone offsets lie between UTC-12 and UTC+14: the day begins within this window.
  let low = (midnightAsUtc - 14 * 60 * MINUTE) / MINUTE;
  let high = (midnightAsUtc + 13 * 60 * MINUTE) / MINUTE;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (localDate(middle * MINUTE, timeZone) >= date) high = middle;
    else low = middle + 1;
  }
  return low * MINUTE;
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
