import { z } from "zod";
import { recordIdSchema } from "../records/common";

/**
 * Which draft a .docx is: stamped into each compiled file as custom document properties
 * (docs/drafts.md, "The document properties"), so that the Word task pane knows the draft open
 * without asking anyone. Nothing secret: a file shared by mistake reveals only these ids.
 */
export const draftIdentitySchema = z.object({
  /** The SharePoint site holding the Drafts library (its Graph id, or its address). */
  site: z.string().min(1).max(500),
  reportId: recordIdSchema,
  draftId: recordIdSchema,
  draftVersion: z.number().int().min(1),
});
export type DraftIdentity = z.infer<typeof draftIdentitySchema>;

/** The custom document property that holds each part of the identity. */
export const DRAFT_PROPERTY_NAMES = {
  site: "NMIRF.Site",
  reportId: "NMIRF.ReportId",
  draftId: "NMIRF.DraftId",
  draftVersion: "NMIRF.DraftVersion",
} as const satisfies Record<keyof DraftIdentity, string>;

/**
 * The identity from a document's custom properties (as Office.js or the .docx gives them), or
 * undefined when the document is not one of our drafts (a property missing or malformed).
 */
export function draftIdentityFrom(properties: Readonly<Record<string, unknown>>): DraftIdentity | undefined {
  const version = properties[DRAFT_PROPERTY_NAMES.draftVersion];
  const parsed = draftIdentitySchema.safeParse({
    site: properties[DRAFT_PROPERTY_NAMES.site],
    reportId: properties[DRAFT_PROPERTY_NAMES.reportId],
    draftId: properties[DRAFT_PROPERTY_NAMES.draftId],
    draftVersion: typeof version === "string" && /^\d+$/.test(version) ? Number(version) : version,
  });
  return parsed.success ? parsed.data : undefined;
}
