/**
 * Exports of the tab's grids (recommendations, requests, the audit log) to Excel (.xlsx) or CSV,
 * with the same filters as the grid's list route, in the person's language (`lang`).
 */
import { z } from "zod";
import { recommendationQuerySchema } from "./recommendations";
import { requestQuerySchema } from "./requests";
import { auditQuerySchema, dashboardQuerySchema } from "./overview";
import { actionQuerySchema } from "./followup";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const exportShape = {
  format: z.enum(EXPORT_FORMATS).default("xlsx"),
  /** The language of the column headings and of the codes' names (statuses, positions): `fr`, `ar-EG`... */
  lang: z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as en or fr-FR").default("en"),
};

export const exportRecommendationsQuerySchema = recommendationQuerySchema.omit({ pageSize: true, pageToken: true }).extend(exportShape).strict();
export type ExportRecommendationsQuery = z.input<typeof exportRecommendationsQuerySchema>;
export const exportRequestsQuerySchema = requestQuerySchema.omit({ pageSize: true, pageToken: true }).extend(exportShape).strict();
export type ExportRequestsQuery = z.input<typeof exportRequestsQuerySchema>;
/** The actions the Actions view's filters match (ministry, plan, recommendation, status, overdue, off track). */
export const exportActionsQuerySchema = actionQuerySchema.omit({ pageSize: true, pageToken: true }).extend(exportShape).strict();
export type ExportActionsQuery = z.input<typeof exportActionsQuerySchema>;
export const exportAuditQuerySchema = auditQuerySchema.omit({ pageSize: true, pageToken: true }).extend(exportShape).strict();
export type ExportAuditQuery = z.input<typeof exportAuditQuerySchema>;

/**
 * The UPR matrix: the annex a State submits with its report, one row per recommendation of the
 * Universal Periodic Review (paragraph, text, recommending States, position, themes, SDGs, lead
 * ministry, status), in paragraph order. The grid's filters apply (a cycle, a session...); the
 * mechanism is the UPR's, so it is not a filter.
 */
export const exportUprMatrixQuerySchema = recommendationQuerySchema.omit({ pageSize: true, pageToken: true, mechanism: true, sort: true }).extend(exportShape).strict();
export type ExportUprMatrixQuery = z.input<typeof exportUprMatrixQuerySchema>;
/** The Overview's figures: the totals, the roll-up by the dimension shown, the reports' requests, the requests overdue and due soon. */
export const exportDashboardQuerySchema = dashboardQuerySchema.omit({ dueItems: true }).extend(exportShape).strict();
export type ExportDashboardQuery = z.input<typeof exportDashboardQuerySchema>;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
