import { z } from "zod";
import { calendarDateSchema, LIMITS, nonEmptyShortTextSchema, recordIdSchema, textSchema } from "../records/common";

/** Who the mechanism consulted, on what and when: the UPR methodology section must describe it. */
export const consultationFieldsSchema = z.object({
  reportId: recordIdSchema.optional(),
  stakeholder: nonEmptyShortTextSchema,
  kind: z.enum(["nhri", "civil-society", "parliament", "academia", "other"]),
  subject: nonEmptyShortTextSchema,
  date: calendarDateSchema,
  summary: textSchema(LIMITS.recommendationText).optional(),
  commentsOpenUntil: calendarDateSchema.optional(),
});
export type ConsultationFields = z.infer<typeof consultationFieldsSchema>;
