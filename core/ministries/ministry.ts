import { z } from "zod";
import { nonEmptyShortTextSchema, shortTextSchema } from "../records/common";

export const ministryFieldsSchema = z.object({
  name: nonEmptyShortTextSchema,
  acronym: shortTextSchema.optional(),
  /** A shared mailbox of the ministry, for the secretariat's reference. */
  email: z.email().optional(),
  active: z.boolean().default(true),
});
export type MinistryFields = z.infer<typeof ministryFieldsSchema>;
