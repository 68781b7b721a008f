import { z } from "zod";
import { instantSchema, shortTextSchema, userIdSchema } from "../records/common";

export const fieldChangeSchema = z.object({
  field: z.string().max(100),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** Who changed what, when: institutional memory is the point of the mechanism. */
export const auditEntryFieldsSchema = z.object({
  at: instantSchema,
  actorId: userIdSchema,
  actorName: shortTextSchema,
  /** A stable verb such as `request.created`, `contribution.recorded`, `draft.approved`. */
  action: z.string().min(1).max(100),
  /** The list the record lives in, e.g. `requests`. */
  entity: z.string().min(1).max(50),
  entityId: z.string().min(1).max(64),
  summary: shortTextSchema,
  changes: z.array(fieldChangeSchema).max(200).default([]),
});
export type AuditEntryFields = z.infer<typeof auditEntryFieldsSchema>;
export type AuditEntryInput = z.input<typeof auditEntryFieldsSchema>;
