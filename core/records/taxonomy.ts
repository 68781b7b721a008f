import { z } from "zod";

/** The international and regional mechanisms a State reports to (DOMAIN.md). */
export const TREATY_BODIES = ["CCPR", "CESCR", "CAT", "CRC", "CEDAW", "CERD", "CRPD", "CMW", "CED"] as const;
export const MECHANISMS = ["UPR", ...TREATY_BODIES, "SPECIAL_PROCEDURES", "REGIONAL"] as const;
export const mechanismSchema = z.enum(MECHANISMS);
export type Mechanism = z.infer<typeof mechanismSchema>;

export const MECHANISM_NAMES: Record<Mechanism, string> = {
  UPR: "Universal Periodic Review",
  CCPR: "Human Rights Committee",
  CESCR: "Committee on Economic, Social and Cultural Rights",
  CAT: "Committee against Torture",
  CRC: "Committee on the Rights of the Child",
  CEDAW: "Committee on the Elimination of Discrimination against Women",
  CERD: "Committee on the Elimination of Racial Discrimination",
  CRPD: "Committee on the Rights of Persons with Disabilities",
  CMW: "Committee on Migrant Workers",
  CED: "Committee on Enforced Disappearances",
  SPECIAL_PROCEDURES: "Special procedures of the Human Rights Council",
  REGIONAL: "Regional human rights mechanism",
};

export function isTreatyBody(mechanism: Mechanism): boolean {
  return (TREATY_BODIES as readonly string[]).includes(mechanism);
}

/** What the State sends (DOMAIN.md, "what the State sends"). */
export const REPORT_TYPES = [
  "upr-national",
  "upr-midterm",
  "common-core",
  "treaty-initial",
  "treaty-periodic",
  "loipr-replies",
  "follow-up",
  "visit",
  "other",
] as const;
export const reportTypeSchema = z.enum(REPORT_TYPES);
export type ReportType = z.infer<typeof reportTypeSchema>;

/** The State's position on a UPR recommendation. */
export const UPR_POSITIONS = ["supported", "supported-in-part", "noted"] as const;
export const uprPositionSchema = z.enum(UPR_POSITIONS);
export type UprPosition = z.infer<typeof uprPositionSchema>;

/** Implementation status of a recommendation, as the lead ministry reports it. */
export const IMPLEMENTATION_STATUSES = [
  "not-assessed",
  "not-started",
  "in-progress",
  "partially-implemented",
  "implemented",
  "no-longer-relevant",
] as const;
export const implementationStatusSchema = z.enum(IMPLEMENTATION_STATUSES);
export type ImplementationStatus = z.infer<typeof implementationStatusSchema>;

/** The 17 Sustainable Development Goals, as OHCHR lists them (`- 1 - NO POVERTY`). */
export const SDG_GOALS: Record<number, string> = {
  1: "No poverty",
  2: "Zero hunger",
  3: "Good health and well-being",
  4: "Quality education",
  5: "Gender equality",
  6: "Clean water and sanitation",
  7: "Affordable and clean energy",
  8: "Decent work and economic growth",
  9: "Industry, innovation and infrastructure",
  10: "Reduced inequalities",
  11: "Sustainable cities and communities",
  12: "Responsible consumption and production",
  13: "Climate action",
  14: "Life below water",
  15: "Life on land",
  16: "Peace, justice and strong institutions",
  17: "Partnerships for the goals",
};
export const sdgGoalSchema = z.number().int().min(1).max(17);
/** An SDG target such as `16.3` or `5.a`. */
export const sdgTargetSchema = z.string().regex(/^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$/, "an SDG target such as 16.3 or 5.a");

/** UPR sessions 1–12 are cycle 1, 13–26 cycle 2, 27–40 cycle 3, 41–54 cycle 4 (14 sessions a cycle after the first). */
export function uprCycleOfSession(session: number): number {
  if (!Number.isInteger(session) || session < 1) throw new RangeError(`not a UPR session: ${session}`);
  if (session <= 12) return 1;
  return 2 + Math.floor((session - 13) / 14);
}

/** A taxonomy label as the product stores it: trimmed, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, " ").trim();
}
