/** Ministries and their focal points, reports and their milestones, consultations. */
import { z } from "zod";
import { calendarDateSchema, recordIdSchema } from "../records/common";
import { consultationCommentFieldsSchema, consultationFieldsSchema } from "../consultations/consultation";
import { answerInputSchema, commentInputSchema } from "../consultations/consultation-comments";
import { focalPointFieldsSchema } from "../ministries/focal-point";
import { ministryFieldsSchema } from "../ministries/ministry";
import { milestoneFieldsSchema, reportFieldsSchema } from "../reports/report";
import { mechanismSchema, reportTypeSchema } from "../records/taxonomy";
import { reportStatusSchema } from "../reports/report";
import { nominateFocalPointInputSchema } from "../ministries/renominate-focal-point";
import { booleanQuerySchema, pageOf, pageQueryShape, patchOf, storedOf, updateOf } from "./common";

// Ministries

export const ministrySchema = storedOf(ministryFieldsSchema);
export type MinistryDto = z.infer<typeof ministrySchema>;
export const focalPointSchema = storedOf(focalPointFieldsSchema);
export type FocalPointDto = z.infer<typeof focalPointSchema>;

/** A ministry with the focal points in office now. */
export const ministryWithFocalPointsSchema = ministrySchema.safeExtend({
  focalPoints: z.object({ technical: z.array(focalPointSchema), senior: z.array(focalPointSchema) }),
});
export type MinistryWithFocalPointsDto = z.infer<typeof ministryWithFocalPointsSchema>;

export const ministryQuerySchema = z.strictObject({ active: booleanQuerySchema.optional() });
export const ministryListSchema = z.object({ items: z.array(ministryWithFocalPointsSchema) });
export const createMinistryBodySchema = ministryFieldsSchema.omit({ nameKey: true }).strict();
export type CreateMinistryBody = z.input<typeof createMinistryBodySchema>;
export const updateMinistryBodySchema = updateOf(patchOf(ministryFieldsSchema.omit({ nameKey: true })));
export type UpdateMinistryBody = z.input<typeof updateMinistryBodySchema>;

/** Every nomination of the ministry, past ones included (who answered what stays attributed). */
export const focalPointHistorySchema = z.object({ items: z.array(focalPointSchema.safeExtend({ active: z.boolean() })) });

/** Names a ministry's technical or senior focal point; the one in office is not deleted, their nomination ends. */
export const nominateBodySchema = nominateFocalPointInputSchema.omit({ ministryId: true }).strict();
export type NominateBody = z.input<typeof nominateBodySchema>;
export const nominationResultSchema = z.object({ nominated: focalPointSchema, ended: z.array(focalPointSchema) });

/** Corrects a focal point's name or e-mail, or ends a nomination without naming a successor. */
export const updateFocalPointBodySchema = updateOf(
  z.strictObject({
    displayName: focalPointFieldsSchema.shape.displayName.optional(),
    email: focalPointFieldsSchema.shape.email.optional(),
    activeUntil: focalPointFieldsSchema.shape.activeUntil,
  }),
);
export type UpdateFocalPointBody = z.input<typeof updateFocalPointBodySchema>;

// Reports

export const reportSchema = storedOf(reportFieldsSchema);
export type ReportDto = z.infer<typeof reportSchema>;
export const reportQuerySchema = z.strictObject({
  mechanism: mechanismSchema.optional(),
  type: reportTypeSchema.optional(),
  status: reportStatusSchema.optional(),
});
export const reportListSchema = z.object({ items: z.array(reportSchema) });
export const createReportBodySchema = reportFieldsSchema.omit({ createdAt: true, status: true }).strict();
export type CreateReportBody = z.input<typeof createReportBodySchema>;
export const updateReportBodySchema = updateOf(patchOf(reportFieldsSchema));
export type UpdateReportBody = z.input<typeof updateReportBodySchema>;

export const milestoneSchema = storedOf(milestoneFieldsSchema);
export type MilestoneDto = z.infer<typeof milestoneSchema>;
export const milestoneListSchema = z.object({ items: z.array(milestoneSchema) });
export const createMilestoneBodySchema = milestoneFieldsSchema.omit({ reportId: true }).strict();
export type CreateMilestoneBody = z.input<typeof createMilestoneBodySchema>;
export const updateMilestoneBodySchema = updateOf(patchOf(milestoneFieldsSchema.omit({ reportId: true })));
export type UpdateMilestoneBody = z.input<typeof updateMilestoneBodySchema>;

// Consultations

export const consultationSchema = storedOf(consultationFieldsSchema);
export type ConsultationDto = z.infer<typeof consultationSchema>;
export const consultationQuerySchema = z.strictObject({ reportId: recordIdSchema.optional(), from: calendarDateSchema.optional(), ...pageQueryShape });
export const consultationListSchema = pageOf(consultationSchema);
export const createConsultationBodySchema = consultationFieldsSchema.strict();
export type CreateConsultationBody = z.input<typeof createConsultationBodySchema>;
export const updateConsultationBodySchema = updateOf(patchOf(consultationFieldsSchema));
export type UpdateConsultationBody = z.input<typeof updateConsultationBodySchema>;

/** What observers said during a consultation, and the secretariat's answers. */
export const consultationCommentSchema = storedOf(consultationCommentFieldsSchema);
export type ConsultationCommentDto = z.infer<typeof consultationCommentSchema>;
export const consultationCommentListSchema = z.object({ items: z.array(consultationCommentSchema) });
export const commentOnConsultationBodySchema = commentInputSchema;
export type CommentOnConsultationBody = z.input<typeof commentOnConsultationBodySchema>;
export const answerConsultationCommentBodySchema = answerInputSchema;
export type AnswerConsultationCommentBody = z.input<typeof answerConsultationCommentBodySchema>;
