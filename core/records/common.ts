import { z } from "zod";

/** A record's id in its store (a SharePoint list item id is an integer written as a string). */
export const recordIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, "a record id");
export type RecordId = z.infer<typeof recordIdSchema>;

/** An Entra ID object id (or, in local mode, the local directory's id of a persona). */
export const userIdSchema = z.string().min(1).max(128);

/** A calendar date `YYYY-MM-DD`, read in the mechanism's time zone (see rules/calendar). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(isRealDate, "a date that exists in the calendar");

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An instant in UTC, ISO 8601 with a `Z` (e.g. `2026-03-29T07:00:00.000Z`). */
export const instantSchema = z.iso.datetime({ offset: false });

/** An IANA time zone name that this runtime knows (e.g. `Europe/Ljubljana`). */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, "an IANA time zone such as Europe/Ljubljana");

function isKnownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text as people type it, bounded. Control characters other than tab and line breaks are
 * refused here at the boundary; the draft renderer strips them again before XML.
 */
export function textSchema(maxLength: number) {
  return z
    .string()
    .max(maxLength, `at most ${maxLength} characters`)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value), "no control characters");
}

export const LIMITS = {
  shortText: 255,
  name: 255,
  recommendationText: 20_000,
  contributionText: 20_000,
  comment: 4_000,
  attachmentBytes: 25 * 1024 * 1024,
} as const;

export const shortTextSchema = textSchema(LIMITS.shortText);
export const nonEmptyShortTextSchema = shortTextSchema.pipe(z.string().trim().min(1, "required"));

/** A record as a store holds it: its fields, its id and the eTag that a later update must send back. */
export type Stored<Fields> = Fields & { id: string; eTag: string };
