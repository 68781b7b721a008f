/** What the API's handlers are given: the ports, the read models, and the edge helpers. */
import type { Actor } from "../../core/auth/policy";
import { authorize, can } from "../../core/auth/policy";
import { NotFoundError } from "../../core/errors";
import type { ParsedImport } from "../../core/import";
import type { Stored } from "../../core/records/common";
import type { RecommendationFields } from "../../core/recommendations/recommendation";
import type { ReportFields } from "../../core/reports/report";
import type { RequestFields } from "../../core/requests/request";
import type { UseCaseDeps } from "../../core/ports/use-case-deps";
import type { ActorResolver } from "../auth/actors";
import type { LocalIssuer } from "../auth/local-issuer";
import type { ServerConfig } from "../config/config";
import type { Persona } from "../../demo/personas";
import type { ImportSessions } from "./import-sessions";
import type { RecordsView } from "./records-view";

export interface TemplateChecker {
  (bytes: Uint8Array): Promise<{ placeholders: string[]; notes: string[] }>;
}

export interface ImportReader {
  (bytes: Uint8Array, options: { fileName?: string; format?: ParsedImport["format"]; mechanism?: string; documentSymbol?: string; session?: number; mapping?: unknown; maxFileBytes: number }): Promise<ParsedImport>;
}

export interface ApiServices {
  deps: UseCaseDeps;
  views: {
    recommendations: RecordsView<RecommendationFields>;
    requests: RecordsView<RequestFields>;
  };
  actors: ActorResolver;
  imports: ImportSessions;
  readImport: ImportReader;
  checkTemplate: TemplateChecker;
  templateMaxBytes: number;
  config: ServerConfig;
  version: string;
  /** Local mode only. */
  localSignIn?: { issuer: LocalIssuer; personas: readonly Persona[] };
}

/** Reading a record that follows a report's sharing (requests, contributions, drafts, milestones). */
export async function authorizeReportRead(services: ApiServices, actor: Actor, reportId: string): Promise<Stored<ReportFields>> {
  authorize(actor, { kind: "read" });
  const report = await services.deps.repos.reports.get(reportId);
  authorize(actor, { kind: "read-record", sharedWithObservers: report.sharedWithObservers });
  return report;
}

/** The ids of the reports an actor may read (all, or those shared with observers). */
export async function readableReportIds(services: ApiServices, actor: Actor, reports: Stored<ReportFields>[]): Promise<Set<string>> {
  return new Set(reports.filter((r) => can(actor, { kind: "read-record", sharedWithObservers: r.sharedWithObservers })).map((r) => r.id));
}

export function notFound(entity: string, id: string): never {
  throw new NotFoundError(entity, id);
}
