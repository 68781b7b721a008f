import { z } from "zod";
import { instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";
import { implementationStatusSchema } from "../records/taxonomy";

export const attachmentSchema = z.object({
  name: shortTextSchema.pipe(z.string().min(1)),
  /** The file's id in the Evidence library. */
  fileId: z.string().min(1).max(200),
  /** A web link only: a `javascript:` or `file:` address must never reach a card or the tab. */
  webUrl: z.url({ protocol: /^https?$/, error: "a web address (https://…)" }),
  size: z.number().int().min(0).max(LIMITS.attachmentBytes),
  contentType: shortTextSchema.optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** One version of a focal point's answer to a request. Every version is kept. */
export const contributionFieldsSchema = z.object({
  /** `{requestId}#{version}`: two writers cannot both create the same version. */
  key: z.string().min(1).max(255),
  requestId: recordIdSchema,
  reportId: recordIdSchema,
  ministryId: recordIdSchema,
  version: z.number().int().min(1),
  text: textSchema(LIMITS.contributionText).pipe(z.string().trim().min(1, "an answer cannot be empty")),
  reportedStatus: implementationStatusSchema.optional(),
  attachments: z.array(attachmentSchema).max(20).default([]),
  authorId: userIdSchema,
  authorName: shortTextSchema,
  answeredAt: instantSchema,
  via: z.enum(["card", "chat", "tab", "api"]),
  /** The id of what carried the answer (a Teams activity, an API idempotency key): a replay is saved once. */
  submissionId: z.string().min(1).max(255),
});
export type ContributionFields = z.infer<typeof contributionFieldsSchema>;
export type ContributionInput = z.input<typeof contributionFieldsSchema>;

export function contributionKey(requestId: string, version: number): string {
  return `${requestId}#${version}`;
}
