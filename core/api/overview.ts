/** The dashboard, the audit log, the signed-in person, the public configuration and the local sign-in. */
import { z } from "zod";
import { actionStatusSchema } from "../followup/action";
import { auditEntryFieldsSchema } from "../audit/audit-entry";
import { calendarDateSchema, instantSchema, recordIdSchema, userIdSchema } from "../records/common";
import { reportStatusSchema } from "../reports/report";
import { requestStatusSchema, requestSubjectSchema, UNDELIVERABLE_REASONS } from "../requests/request";
import { IMPLEMENTATION_STATUSES, mechanismSchema } from "../records/taxonomy";
import { APP_ROLES } from "../ports/directory";
import { pageOf, pageQueryShape, storedOf } from "./common";
import { requestSubjectViewShape } from "./requests";

// Dashboard

export const ROLLUP_DIMENSIONS = ["ministry", "mechanism", "theme", "sdg", "cluster"] as const;
/** How far ahead `requestsDue.dueSoon` looks: due today or in the next 14 days. */
export const DUE_SOON_DAYS = 14;
export const DUE_ITEMS_DEFAULT = 10;
export const DUE_ITEMS_MAX = 100;
export const dashboardQuerySchema = z.strictObject({
  dimension: z.enum(ROLLUP_DIMENSIONS).default("ministry"),
  mechanism: mechanismSchema.optional(),
  cycle: z.coerce.number().int().min(1).max(20).optional(),
  /** Only this ministry's requests in `requestsDue` (a focal point's own); the roll-up is not filtered. */
  ministryId: recordIdSchema.optional(),
  /** How many requests `requestsDue.overdue.items` and `requestsDue.dueSoon.items` list at most (their `count` is every one). */
  dueItems: z.coerce.number().int().min(1).max(DUE_ITEMS_MAX).default(DUE_ITEMS_DEFAULT),
});
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

const statusCountsSchema = z.object(Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof IMPLEMENTATION_STATUSES)[number], z.ZodNumber>);
const requestCountsSchema = z.record(requestStatusSchema, z.number().int());

/** An open request that is overdue or due soon, with what a person needs to recognize it. */
export const dueRequestSchema = z.object({
  id: recordIdSchema,
  reportId: recordIdSchema,
  reportTitle: z.string(),
  ministryId: recordIdSchema,
  ministryName: z.string(),
  subject: requestSubjectSchema,
  ...requestSubjectViewShape,
  dueDate: calendarDateSchema,
  status: requestStatusSchema,
  /** Why its card reached nobody (while `undeliverable`). */
  undeliverableReason: z.enum(UNDELIVERABLE_REASONS).optional(),
  /** Days from today (in the report's time zone) to the due date: 0 on the day, negative once overdue. */
  daysLeft: z.number().int(),
});
export type DueRequestDto = z.infer<typeof dueRequestSchema>;
const dueListSchema = z.object({ count: z.number().int().min(0), items: z.array(dueRequestSchema) });

export const dashboardSchema = z.object({
  generatedAt: instantSchema,
  /**
   * For the secretariat, the chair and administrators: how many rows of the lists the dashboard is
   * built from (`lists`) were left out of its figures because they need attention (GET /api/data-quality).
   */
  needsAttention: z.object({ count: z.number().int().min(0), lists: z.array(z.string()) }).optional(),
  dimension: z.enum(ROLLUP_DIMENSIONS),
  recommendations: z.object({ total: z.number().int(), byStatus: statusCountsSchema, implementedShare: z.number(), progressShare: z.number() }),
  /** Status rolled up by the dimension: `key` is the code (`""` for recommendations without one); `label` is the ministry's name, for the ministry dimension (the clients name the other codes). */
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string().optional(),
      total: z.number().int(),
      byStatus: statusCountsSchema,
      implementedShare: z.number(),
      progressShare: z.number(),
    }),
  ),
  /** Reports not yet submitted, with their requests by status. */
  reports: z.array(
    z.object({
      id: recordIdSchema,
      title: z.string(),
      mechanism: mechanismSchema,
      status: reportStatusSchema,
      dueDate: calendarDateSchema,
      requests: z.object({ total: z.number().int(), byStatus: requestCountsSchema }),
    }),
  ),
  /**
   * Open requests (waiting for an answer) of reports not yet submitted that the caller may read:
   * those past their due date, most overdue first, and those due today or within `horizonDays`,
   * soonest first. Dates are calendar dates in each report's time zone.
   */
  requestsDue: z.object({
    horizonDays: z.number().int(),
    overdue: dueListSchema,
    dueSoon: dueListSchema,
    /** Requests whose card reached nobody: the secretariat installs the app for the person, or names another focal point. */
    undeliverable: dueListSchema,
  }),
  /** The follow-up of implementation, as far as the caller may read it: actions by status, those overdue, indicators off track. */
  followUp: z.object({
    actions: z.object({ total: z.number().int(), byStatus: z.record(actionStatusSchema, z.number().int()) }),
    /** Past their end date and neither done nor dropped. */
    overdueActions: z.number().int(),
    indicators: z.object({ total: z.number().int(), offTrack: z.number().int() }),
  }),
});
export type DashboardDto = z.infer<typeof dashboardSchema>;

// Audit log

export const auditEntrySchema = storedOf(auditEntryFieldsSchema);
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
/** One filter at a time is served from an index; entries come newest first. */
export const auditQuerySchema = z.strictObject({
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  actorId: userIdSchema.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  ...pageQueryShape,
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);

// The signed-in person

export const meSchema = z.object({
  userId: userIdSchema,
  displayName: z.string(),
  email: z.string().optional(),
  roles: z.array(z.enum(APP_ROLES)),
  /** Ministries of which the person is an active focal point now, and in which role. */
  ministries: z.array(z.object({ id: recordIdSchema, name: z.string(), role: z.enum(["technical", "senior"]) })),
  /** What the tab may offer; the server refuses the rest anyway. */
  can: z.object({
    read: z.boolean(),
    readAudit: z.boolean(),
    editLists: z.boolean(),
    import: z.boolean(),
    createRequests: z.boolean(),
    compileDrafts: z.boolean(),
    sendForApproval: z.boolean(),
    decideDrafts: z.boolean(),
    administer: z.boolean(),
    /** Whether the person answers requests and reports status (for their ministries). */
    answerRequests: z.boolean(),
    /** Whether the person reads the ministries' answers (at least their own ministry's): observers do not. */
    readAnswers: z.boolean(),
    /** Whether the server converts drafts to PDF (LibreOffice is installed there). */
    downloadPdf: z.boolean(),
    /** Whether the person sees the rows needing attention (the secretariat, the chair, administrators). */
    readDataQuality: z.boolean(),
    /** Whether the person fixes them (the secretariat, administrators). */
    fixData: z.boolean(),
  }),
});
export type MeDto = z.infer<typeof meSchema>;

// Public configuration: what the tab needs before anyone signs in

export const publicConfigSchema = z.object({
  mode: z.enum(["local", "tenant"]),
  version: z.string(),
  timeZone: z.string(),
  signIn: z.discriminatedUnion("kind", [
    /** Teams SSO: ask teams-js for a token for this resource. */
    z.object({ kind: z.literal("entra"), clientId: z.string(), tenantId: z.string(), resource: z.string() }),
    /** Local mode: pick a persona, POST it to `tokenUrl`, send the token as a bearer. */
    z.object({ kind: z.literal("local"), personasUrl: z.string(), tokenUrl: z.string() }),
  ]),
});
export type PublicConfigDto = z.infer<typeof publicConfigSchema>;

// Local sign-in (local mode only, loopback only)

export const personaSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(APP_ROLES)),
  /** What the persona stands for, e.g. "technical focal point, Ministry of Justice". */
  description: z.string(),
  ministryIds: z.array(recordIdSchema),
});
export type PersonaDto = z.infer<typeof personaSchema>;
export const personaListSchema = z.object({ items: z.array(personaSchema) });
export const localTokenBodySchema = z.strictObject({ persona: z.string().min(1).max(128) });
export const localTokenSchema = z.object({ accessToken: z.string(), tokenType: z.literal("Bearer"), expiresIn: z.number().int() });

export const healthSchema = z.object({ status: z.enum(["ok", "starting", "stopping"]), mode: z.enum(["local", "tenant"]), uptimeSeconds: z.number() });
