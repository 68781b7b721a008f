import { z } from "zod";
import { instantSchema, LIMITS, recordIdSchema, shortTextSchema, textSchema, userIdSchema } from "../records/common";

/**
 * The writes of several steps that record their intent first (STYLE.md, "Intent first"): the
 * operation is stored before its effects, each effect is idempotent, and an operation a crash
 * left `started` is finished by whoever finds it once its heartbeat is older than the lease.
 */
export const OPERATION_KINDS = ["create-requests", "follow-up-round"] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export const OPERATION_STATUSES = ["started", "completed"] as const;

export const operationFieldsSchema = z.object({
  /** Unique: the same operation started twice is recorded once. */
  key: z.string().min(1).max(255),
  kind: z.enum(OPERATION_KINDS),
  status: z.enum(OPERATION_STATUSES).default("started"),
  /** Who started it: its effects are written, and audited, in their name. */
  actorId: userIdSchema,
  actorName: shortTextSchema,
  startedAt: instantSchema,
  /** Refreshed as the work goes on; a started operation whose heartbeat is older than the lease is taken over. */
  heartbeatAt: instantSchema,
  completedAt: instantSchema.optional(),
  /** When someone other than its starter finished it (after a crash). */
  recoveredAt: instantSchema.optional(),
  reportId: recordIdSchema.optional(),
  /** How many records it makes, and how many are made with all their effects. */
  planned: z.number().int().min(0).default(0),
  done: z.number().int().min(0).default(0),
  summary: textSchema(LIMITS.comment).optional(),
});
export type OperationFields = z.infer<typeof operationFieldsSchema>;
export type OperationInput = z.input<typeof operationFieldsSchema>;
