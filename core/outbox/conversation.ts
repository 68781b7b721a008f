import { z } from "zod";
import { instantSchema, userIdSchema } from "../records/common";

/**
 * How to reach a person proactively: the bot's conversation reference for their 1:1 chat.
 * The reference itself is channel data the bot understands; core only keeps it.
 */
export const conversationFieldsSchema = z.object({
  /** The person's user id; one conversation per person. */
  userId: userIdSchema,
  reference: z.record(z.string(), z.unknown()),
  locale: z.string().max(20).optional(),
  timeZone: z.string().max(64).optional(),
  updatedAt: instantSchema,
});
export type ConversationFields = z.infer<typeof conversationFieldsSchema>;
