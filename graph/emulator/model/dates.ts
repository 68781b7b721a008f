/**
 * Date and date-time values as SharePoint keeps them: date-time in UTC to the second; a
 * date-only column at midnight in the site's time zone, read back in UTC (graph-contract.md 4.1.6).
 */
import { isoSeconds } from "../ids";

/** Minutes east of UTC of a time zone at an instant, via Intl (handles DST). */
function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The UTC instant of 00:00 on a calendar date in a time zone. */
export function zonedMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  let instant = guess - offsetMinutes(timeZone, guess) * 60000;
  // A second pass settles the offset when midnight sits next to a DST change.
  instant = guess - offsetMinutes(timeZone, instant) * 60000;
  return instant;
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
