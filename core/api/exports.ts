/**
 * Exports of the tab's grids (recommendations, requests, the audit log) to Excel (.xlsx) or CSV,
 * with the same filters as the grid's list route, in the person's language (`lang`).
 */
import { z } from "zod";
import { recommendationQuerySchema } from "./recommendations";
import { requestQuerySchema } from "./requests";
import { auditQuerySchema } from "./overview";

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
export const exportAuditQuerySchema = auditQuerySchema.omit({ pageSize: true, pageToken: true }).extend(exportShape).strict();
export type ExportAuditQuery = z.input<typeof exportAuditQuerySchema>;

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
