import { z } from "zod";
import { nonEmptyShortTextSchema, shortTextSchema } from "../records/common";
import { nameKey } from "../records/normalize";

export const ministryFieldsSchema = z.object({
  name: nonEmptyShortTextSchema,
  /**
   * The name's comparison key (core/records/normalize.ts), unique: another spelling of the same
   * name (other case, no-break or zero-width spaces, a look-alike letter of another script) is
   * the same ministry. Always computed from the name.
   */
  nameKey: z.string().max(255).optional(),
  acronym: shortTextSchema.optional(),
  /** A shared mailbox of the ministry, for the secretariat's reference. */
  email: z.email().optional(),
  active: z.boolean().default(true),
});
export type MinistryFields = z.output<typeof ministryRecordSchema>;

/** A ministry as it is stored: its name key computed from its name, whoever writes it. */
export const ministryRecordSchema = ministryFieldsSchema.transform((ministry) => ({ ...ministry, nameKey: nameKey(ministry.name) }));
