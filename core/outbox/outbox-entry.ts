import { z } from "zod";
import { instantSchema, LIMITS, textSchema, userIdSchema } from "../records/common";
import { notificationSchema } from "./notification";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "undeliverable", "cancelled"] as const;
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/**
 * One proactive message to one person. The idempotency `key` is unique: whatever restarts
 * happen, a message is queued once, and the sender records what it sent.
 */
export const outboxEntryFieldsSchema = z.object({
  key: z.string().min(1).max(255),
  recipientId: userIdSchema,
  notification: notificationSchema,
  status: outboxStatusSchema.default("pending"),
  /** Not to be sent before this instant (retry backoff, Retry-After). */
  notBefore: instantSchema.optional(),
  attempts: z.number().int().min(0).default(0),
  lastError: textSchema(LIMITS.comment).optional(),
  createdAt: instantSchema,
  /** When a sender claimed the entry; a claim older than the lease is taken over after a crash. */
  claimedAt: instantSchema.optional(),
  sentAt: instantSchema.optional(),
  /** The sent activity's id and conversation, so that the card can be updated in place. */
  activityId: z.string().max(255).optional(),
  conversationId: z.string().max(512).optional(),
  /** When set, this entry updates the message another entry sent instead of sending a new one. */
  updatesKey: z.string().max(255).optional(),
});
export type OutboxEntryFields = z.infer<typeof outboxEntryFieldsSchema>;
export type OutboxEntryInput = z.input<typeof outboxEntryFieldsSchema>;
