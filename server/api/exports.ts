/**
 * The grids as Excel or CSV: the recommendations, the requests and the audit log, filtered as
 * the grid's list route filters them, read through the same read use cases (what the reader may
 * see, at their level), with headings and codes in the person's language, streamed.
 */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { XLSX_CONTENT_TYPE, type ExportFormat } from "../../core/api/exports";
import { DUE_ITEMS_MAX, type DashboardDto } from "../../core/api/overview";
import type { RequestSubjectView } from "../../core/api/requests";
import { authorize } from "../../core/auth/policy";
import type { AuditEntryFields } from "../../core/audit/audit-entry";
import { readDashboard } from "../../core/dashboard/dashboard";
import { queryAll, type Condition } from "../../core/ports/repository";
import { compareParagraphs } from "../../core/drafts/assemble-draft";
import type { Stored } from "../../core/records/common";
import type { RecommendationFields } from "../../core/recommendations/recommendation";
import { IMPLEMENTATION_STATUSES } from "../../core/records/taxonomy";
import { REQUEST_STATUSES, type RequestSubject } from "../../core/requests/request";
import { decisionsWaiting } from "../../core/requests/decisions";
import { listRequests } from "../../core/requests/read-requests";
import { listActions } from "../../core/followup/read-followup";
import { withSubjects } from "../../core/requests/request-subjects";
import { defaultCatalogue } from "../../i18n/catalogue";
import { isRightToLeftLanguage, type Formatter } from "../../i18n/message-format";
import { bindRoute, type FileResult, type RouteBinding } from "../http/bind-route";
import { writeCsv, writeCsvTables, writeXlsx, writeXlsxSheets, type ExportTable } from "../exports/table-writer";
import { matchingRecommendations } from "./recommendations";
import type { ApiServices } from "./services";

function wordsFor(lang: string): Formatter {
  return defaultCatalogue().formatter(lang, ["tab", "terms"]);
}

function fileOf(table: ExportTable, format: ExportFormat, name: string, today: string): FileResult {
  return format === "csv"
    ? { contentType: "text/csv; charset=utf-8", fileName: `${name} ${today}.csv`, write: (out) => writeCsv(table, out) }
    : { contentType: XLSX_CONTENT_TYPE, fileName: `${name} ${today}.xlsx`, write: (out) => writeXlsx(table, out) };
}

function workbookOf(tables: ExportTable[], format: ExportFormat, name: string, today: string): FileResult {
  return format === "csv"
    ? { contentType: "text/csv; charset=utf-8", fileName: `${name} ${today}.csv`, write: (out) => writeCsvTables(tables, out) }
    : { contentType: XLSX_CONTENT_TYPE, fileName: `${name} ${today}.xlsx`, write: (out) => writeXlsxSheets(tables, out) };
}

/** What a request is about, in words: "A/HRC/52/10 para. 148.12", "Question 3", "Section II: ...". */
function subjectInWords(t: Formatter, r: { subject: RequestSubject } & RequestSubjectView): string {
  switch (r.subject.kind) {
    case "recommendation":
      return r.subjectReference ? t.format("requests.subjectReference", { symbol: r.subjectReference.documentSymbol, paragraph: r.subjectReference.paragraph }) : t.format("requests.subjectRecommendation", { id: r.subject.recommendationId });
    case "question":
      return t.format("requests.subjectQuestion", { number: r.subject.number });
    case "section":
      return t.format("requests.subjectSection", { section: r.subject.section, title: r.subject.title });
  }
}

/** SDGs as a State lists them: a goal's targets when the recommendation names them ("5.1; 5.2"), else the goal ("16"). */
function sdgsOf(r: Stored<RecommendationFields>): string {
  const targeted = new Set(r.sdgTargets.map((target) => Number(target.split(".")[0])));
  return [...r.sdgGoals.filter((goal) => !targeted.has(goal)).map(String), ...r.sdgTargets].sort((a, b) => compareParagraphs(a, b)).join("; ");
}

const percent = (share: number) => Math.round(share * 1000) / 10;

/** The Overview's figures as tables: the totals, the roll-up, the reports' requests, the requests overdue, due soon and not delivered. */
function dashboardTables(t: Formatter, dashboard: DashboardDto, rtl: boolean): ExportTable[] {
  const dimensionHeading = dashboard.dimension === "cluster" ? t.format("detail.cluster") : t.format(`overview.dimension.${dashboard.dimension}`);
  const label = (key: string, fallback: string | undefined) =>
    key === "" ? t.format("overview.none") : dashboard.dimension === "mechanism" && t.has(`mechanism.${key}`) ? t.format(`mechanism.${key}`) : dashboard.dimension === "sdg" && t.has(`sdg.${key}`) ? `${key} · ${t.format(`sdg.${key}`)}` : (fallback ?? key);
  const statusColumns = IMPLEMENTATION_STATUSES.map((status) => ({ heading: t.format(`status.${status}`), width: 14 }));
  const { recommendations } = dashboard;
  const summary: ExportTable = {
    sheet: t.format("export.summary"),
    rtl,
    columns: [{ heading: t.format("export.figure"), width: 44 }, { heading: t.format("export.value"), width: 14 }],
    rows: [
      [t.format("overview.recommendations"), recommendations.total],
      ...IMPLEMENTATION_STATUSES.map((status) => [t.format(`status.${status}`), recommendations.byStatus[status]]),
      [t.format("export.implementedPercent"), percent(recommendations.implementedShare)],
      [t.format("export.progressPercent"), percent(recommendations.progressShare)],
      [t.format("overview.overdueRequests"), dashboard.requestsDue.overdue.count],
      [t.format("overview.dueSoon"), dashboard.requestsDue.dueSoon.count],
      [t.format("overview.undeliverable"), dashboard.requestsDue.undeliverable.count],
    ],
  };
  const rollup: ExportTable = {
    sheet: dimensionHeading,
    rtl,
    columns: [{ heading: dimensionHeading, width: 34 }, { heading: t.format("overview.total"), width: 10 }, ...statusColumns, { heading: t.format("export.implementedPercent"), width: 14 }, { heading: t.format("export.progressPercent"), width: 18 }],
    rows: dashboard.rows.map((row) => [label(row.key, row.label), row.total, ...IMPLEMENTATION_STATUSES.map((status) => row.byStatus[status]), percent(row.implementedShare), percent(row.progressShare)]),
  };
  const reports: ExportTable = {
    sheet: t.format("overview.deadlines"),
    rtl,
    columns: [
      { heading: t.format("requests.report"), width: 40 },
      { heading: t.format("grid.mechanism"), width: 12 },
      { heading: t.format("grid.status"), width: 16 },
      { heading: t.format("requests.due"), width: 12 },
      { heading: t.format("overview.total"), width: 10 },
      ...REQUEST_STATUSES.map((status) => ({ heading: t.format(`requestStatus.${status}`), width: 12 })),
    ],
    rows: dashboard.reports.map((r) => [r.title, r.mechanism, t.format(`reportStatus.${r.status}`), r.dueDate, r.requests.total, ...REQUEST_STATUSES.map((status) => r.requests.byStatus[status] ?? 0)]),
  };
  const dueTable = (sheet: string, list: DashboardDto["requestsDue"]["overdue"]): ExportTable => ({
    sheet,
    rtl,
    columns: [
      { heading: t.format("requests.report"), width: 36 },
      { heading: t.format("requests.subject"), width: 24 },
      { heading: t.format("export.subjectText"), width: 50 },
      { heading: t.format("requests.ministry"), width: 26 },
      { heading: t.format("requests.due"), width: 12 },
      { heading: t.format("export.daysLeft"), width: 10 },
      { heading: t.format("grid.status"), width: 14 },
    ],
    rows: list.items.map((r) => [r.reportTitle, subjectInWords(t, r), r.subjectText, r.ministryName, r.dueDate, r.daysLeft, t.format(`requestStatus.${r.status}`)]),
  });
  return [
    summary,
    rollup,
    reports,
    dueTable(t.format("overview.overdueRequests"), dashboard.requestsDue.overdue),
    dueTable(t.format("overview.dueSoon"), dashboard.requestsDue.dueSoon),
    dueTable(t.format("overview.undeliverable"), dashboard.requestsDue.undeliverable),
  ];
}

export function registerExportRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  bindRoute(router, API_ROUTES.exportRecommendations, binding, async ({ query, actor }) => {
    const { format, lang, ...filters } = query;
    const t = wordsFor(lang);
    const [recommendations, ministries] = await Promise.all([matchingRecommendations(deps, filters, actor), queryAll(deps.repos.ministries)]);
    const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
    const table: ExportTable = {
      sheet: t.format("grid.label"),
      rtl: isRightToLeftLanguage(lang),
      columns: [
        { heading: t.format("export.documentSymbol"), width: 16 },
        { heading: t.format("grid.symbol"), width: 10 },
        { heading: t.format("grid.text"), width: 80 },
        { heading: t.format("detail.recommendingStates"), width: 24 },
        { heading: t.format("grid.mechanism"), width: 12 },
        { heading: t.format("grid.cycle"), width: 8 },
        { heading: t.format("grid.position"), width: 16 },
        { heading: t.format("detail.cluster"), width: 24 },
        { heading: t.format("export.themes"), width: 28 },
        { heading: t.format("export.groups"), width: 24 },
        { heading: t.format("export.sdgs"), width: 10 },
        { heading: t.format("grid.lead"), width: 26 },
        { heading: t.format("export.supporting"), width: 26 },
        { heading: t.format("grid.status"), width: 20 },
      ],
      rows: recommendations.map((r) => [
        r.documentSymbol,
        r.paragraph,
        r.text,
        r.recommendingStates.join("; "),
        r.mechanism,
        r.cycle,
        r.position ? t.format(`position.${r.position}`) : undefined,
        r.cluster,
        r.themes.join("; "),
        r.affectedGroups.join("; "),
        r.sdgGoals.join("; "),
        r.leadMinistryId ? (ministryName.get(r.leadMinistryId) ?? r.leadMinistryId) : undefined,
        r.supportingMinistryIds.map((id) => ministryName.get(id) ?? id).join("; "),
        t.format(`status.${r.status}`),
      ]),
    };
    return fileOf(table, format, t.format("grid.label"), today());
  });

  bindRoute(router, API_ROUTES.exportUprMatrix, binding, async ({ query, actor }) => {
    const { format, lang, ...filters } = query;
    const t = wordsFor(lang);
    const [matching, ministries] = await Promise.all([matchingRecommendations(deps, { ...filters, mechanism: "UPR", sort: "paragraph" }, actor), queryAll(deps.repos.ministries)]);
    const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
    const name = filters.cycle !== undefined ? t.format("matrix.sheetCycle", { cycle: filters.cycle }) : t.format("matrix.sheet");
    const table: ExportTable = {
      sheet: name,
      rtl: isRightToLeftLanguage(lang),
      columns: [
        { heading: t.format("matrix.paragraph"), width: 10 },
        { heading: t.format("grid.text"), width: 80 },
        { heading: t.format("detail.recommendingStates"), width: 24 },
        { heading: t.format("grid.position"), width: 16 },
        { heading: t.format("export.themes"), width: 30 },
        { heading: t.format("export.sdgs"), width: 12 },
        { heading: t.format("grid.lead"), width: 26 },
        { heading: t.format("grid.status"), width: 20 },
        { heading: t.format("export.documentSymbol"), width: 16 },
        { heading: t.format("grid.cycle"), width: 8 },
      ],
      rows: matching.map((r) => [
        r.paragraph,
        r.text,
        r.recommendingStates.join("; "),
        r.position ? t.format(`position.${r.position}`) : undefined,
        r.themes.join("; "),
        sdgsOf(r),
        r.leadMinistryId ? (ministryName.get(r.leadMinistryId) ?? r.leadMinistryId) : undefined,
        t.format(`status.${r.status}`),
        r.documentSymbol,
        r.cycle,
      ]),
    };
    return fileOf(table, format, name, today());
  });

  bindRoute(router, API_ROUTES.exportDashboard, binding, async ({ query, actor }) => {
    const { format, lang, ...filter } = query;
    const t = wordsFor(lang);
    const dashboard = await readDashboard(deps, { ...filter, dueItems: DUE_ITEMS_MAX }, actor);
    return workbookOf(dashboardTables(t, dashboard, isRightToLeftLanguage(lang)), format, t.format("overview.title"), today());
  });

  bindRoute(router, API_ROUTES.exportRequests, binding, async ({ query, actor }) => {
    const { format, lang, ...filter } = query;
    const t = wordsFor(lang);
    const { items, reports, recommendations } = await listRequests(deps, filter, actor);
    const [described, allReports, ministries] = await Promise.all([withSubjects(deps, actor, items, { reports, recommendations }), reports ?? queryAll(deps.repos.reports), queryAll(deps.repos.ministries)]);
    const reportTitle = new Map(allReports.map((r) => [r.id, r.title]));
    const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
    const mayDecide = actor.roles.includes("Secretariat");
    const subject = (r: (typeof described)[number]) => subjectInWords(t, r);
    const table: ExportTable = {
      sheet: t.format("requests.title"),
      rtl: isRightToLeftLanguage(lang),
      columns: [
        { heading: t.format("requests.report"), width: 30 },
        { heading: t.format("requests.subject"), width: 24 },
        { heading: t.format("export.subjectText"), width: 60 },
        { heading: t.format("requests.ministry"), width: 26 },
        { heading: t.format("requestPanel.role"), width: 12 },
        { heading: t.format("requests.due"), width: 12 },
        { heading: t.format("grid.status"), width: 14 },
        { heading: t.format("decisions.title"), width: 22 },
        { heading: t.format("requestPanel.sent"), width: 20 },
        { heading: t.format("requestPanel.answered"), width: 20 },
        { heading: t.format("requests.answers"), width: 10 },
      ],
      rows: described.map((r) => [
        reportTitle.get(r.reportId) ?? r.reportId,
        subject(r),
        r.subjectText,
        ministryName.get(r.ministryId) ?? r.ministryId,
        t.format(r.ministryRole === "lead" ? "requestPanel.lead" : "requestPanel.supporting"),
        r.dueDate,
        t.format(`requestStatus.${r.status}`),
        mayDecide ? decisionsWaiting(r).map((kind) => t.format(`decisions.kind.${kind}`)).join("; ") : undefined,
        r.sentAt,
        r.access === "shared" ? undefined : r.answeredAt,
        r.access === "shared" ? undefined : r.latestVersion,
      ]),
    };
    return fileOf(table, format, t.format("requests.title"), today());
  });

  bindRoute(router, API_ROUTES.exportActions, binding, async ({ query, actor }) => {
    const { format, lang, ...filter } = query;
    const t = wordsFor(lang);
    const [actions, ministries] = await Promise.all([listActions(deps, filter, actor, { timeZone: services.config.timeZone }), queryAll(deps.repos.ministries)]);
    const ministryName = new Map(ministries.map((m) => [m.id, m.name]));
    // The recommendations by their symbol and paragraph, read in one list read when there are actions.
    const recommendations = actions.length ? await queryAll(deps.repos.recommendations) : [];
    const reference = new Map(recommendations.map((r) => [r.id, `${r.documentSymbol} ${r.paragraph}`]));
    const table: ExportTable = {
      sheet: t.format("actions.title"),
      rtl: isRightToLeftLanguage(lang),
      columns: [
        { heading: t.format("actions.colTitle"), width: 40 },
        { heading: t.format("actions.status"), width: 14 },
        { heading: t.format("actions.colLead"), width: 26 },
        { heading: t.format("export.supporting"), width: 26 },
        { heading: t.format("actions.colStart"), width: 12 },
        { heading: t.format("actions.colEnd"), width: 12 },
        { heading: t.format("actions.colOverdue"), width: 10 },
        { heading: t.format("actions.colOffTrack"), width: 10 },
        { heading: t.format("actions.colRecommendations"), width: 30 },
        { heading: t.format("actions.colExpectedOutput"), width: 50 },
        { heading: t.format("actions.colBudgetLine"), width: 20 },
        { heading: t.format("detail.cluster"), width: 24 },
      ],
      rows: actions.map((a) => [
        a.title,
        t.format(`actionStatus.${a.status}`),
        ministryName.get(a.leadMinistryId) ?? a.leadMinistryId,
        a.supportingMinistryIds.map((id) => ministryName.get(id) ?? id).join("; "),
        a.startDate,
        a.endDate,
        a.overdue ? t.format("common.yes") : undefined,
        a.indicatorsOffTrack,
        a.recommendationIds.map((id) => reference.get(id) ?? id).join("; "),
        a.expectedOutput,
        a.budgetLine,
        a.cluster,
      ]),
    };
    return fileOf(table, format, t.format("actions.title"), today());
  });

  bindRoute(router, API_ROUTES.exportAudit, binding, async ({ query, actor }) => {
    authorize(actor, { kind: "read-audit" });
    const { format, lang, ...filter } = query;
    const t = wordsFor(lang);
    const where: Condition<AuditEntryFields>[] = [];
    if (filter.entity) where.push({ field: "entity", op: "eq", value: filter.entity });
    if (filter.entityId) where.push({ field: "entityId", op: "eq", value: filter.entityId });
    if (filter.actorId) where.push({ field: "actorId", op: "eq", value: filter.actorId });
    if (filter.action) where.push({ field: "action", op: "eq", value: filter.action });
    const entries = (await queryAll(deps.repos.audit, { where })).sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
    const entity = (name: string) => (t.has(`audit.entity.${name}`) ? t.format(`audit.entity.${name}`) : name);
    const table: ExportTable = {
      sheet: t.format("audit.title"),
      rtl: isRightToLeftLanguage(lang),
      columns: [
        { heading: t.format("audit.when"), width: 22 },
        { heading: t.format("audit.who"), width: 24 },
        { heading: t.format("audit.action"), width: 22 },
        { heading: t.format("audit.entity"), width: 16 },
        { heading: t.format("audit.entityId"), width: 12 },
        { heading: t.format("audit.what"), width: 80 },
      ],
      rows: entries.map((e) => [e.at, e.actorName, e.action, entity(e.entity), e.entityId, e.summary]),
    };
    return fileOf(table, format, t.format("audit.title"), today());
  });
}
