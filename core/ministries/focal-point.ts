import { z } from "zod";
import { instantSchema, nonEmptyShortTextSchema, recordIdSchema, userIdSchema } from "../records/common";

/** Each line ministry names two: a technical one who answers, a senior one who gets escalations. */
export const FOCAL_POINT_ROLES = ["technical", "senior"] as const;
export const focalPointRoleSchema = z.enum(FOCAL_POINT_ROLES);
export type FocalPointRole = z.infer<typeof focalPointRoleSchema>;

/**
 * A nomination of a person as a ministry's focal point. Re-nominating ends the old nomination
 * (`activeUntil`) and starts a new one, so what the old focal point answered stays attributed.
 */
export const focalPointFieldsSchema = z
  .object({
    ministryId: recordIdSchema,
    role: focalPointRoleSchema,
    userId: userIdSchema,
    displayName: nonEmptyShortTextSchema,
    email: z.email(),
    activeFrom: instantSchema,
    activeUntil: instantSchema.optional(),
  })
  .refine((f) => !f.activeUntil || f.activeUntil >= f.activeFrom, {
    message: "a nomination cannot end before it starts",
    path: ["activeUntil"],
  });
export type FocalPointFields = z.infer<typeof focalPointFieldsSchema>;

export function isActiveFocalPoint(focalPoint: FocalPointFields, now: Date): boolean {
  const at = now.toISOString();
  return focalPoint.activeFrom <= at && (!focalPoint.activeUntil || focalPoint.activeUntil > at);
}
