/** Drafts: compile, versions, the file, the review by the chair; the secretariat's templates. */
import type { Router } from "express";
import { PDF_CONTENT_TYPE, PdfUnavailableError } from "../../drafts/pdf/libreoffice-pdf-converter";
import { API_ROUTES } from "../../core/api/routes";
import type { TemplateDto } from "../../core/api/drafts";
import { authorize } from "../../core/auth/policy";
import { InvalidStateError, ValidationError } from "../../core/errors";
import { queryAll } from "../../core/ports/repository";
import type { AuditEntryFields } from "../../core/audit/audit-entry";
import { audit } from "../../core/audit/audit";
import { compileDraft } from "../../core/drafts/compile-draft";
import { decideDraft, sendDraftForApproval } from "../../core/drafts/review-draft";
import { listDrafts, readDraft, readDraftFile } from "../../core/drafts/read-drafts";
import { readWordPane } from "../../core/drafts/word-pane";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import { HttpError } from "../http/errors";
import type { ApiServices } from "./services";

export const TEMPLATES_FOLDER = "Templates";
const TEMPLATE_UPLOADED = "template.uploaded";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function registerDraftRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listDrafts, binding, async ({ params, actor }) => ({ items: await listDrafts(deps, params.id, actor) }));

  bindRoute(router, API_ROUTES.compileDraft, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "compile-drafts" });
    let template: Uint8Array<ArrayBuffer> | undefined;
    let used: { id: string; name: string; version: string } | undefined;
    if (body.templateId) {
      const { file, content } = await deps.documents.get("Drafts", body.templateId).catch((error: unknown) => {
        if ((error as { code?: string }).code === "not_found") throw new ValidationError("no such template: upload it first", [{ path: "body.templateId", message: "not a template" }]);
        throw error;
      });
      if (file.folder !== TEMPLATES_FOLDER) throw new ValidationError("that file is not a template", [{ path: "body.templateId", message: "not in the Templates folder" }]);
      // Checked again: the file may have been replaced or edited in SharePoint since it was uploaded.
      await services.checkTemplate(content);
      template = new Uint8Array(content);
      used = { id: file.id, name: file.name, version: file.version };
    }
    const result = await compileDraft(deps, { reportId: params.id, template, templateFile: used && { fileId: used.id, name: used.name, version: used.version } }, actor);
    return used ? { ...result, template: used } : result;
  });

  bindRoute(router, API_ROUTES.getDraft, binding, async ({ params, actor }) => readDraft(deps, params.id, actor));

  bindRoute(router, API_ROUTES.downloadDraft, binding, async ({ params, actor }) => {
    const { content, contentType, fileName } = await readDraftFile(deps, params.id, actor);
    return { file: content, contentType, fileName };
  });

  bindRoute(router, API_ROUTES.downloadDraftPdf, binding, async ({ params, actor }) => {
    // The reader's edition (what GET /file answers them), converted: a PDF shows no more than the .docx would.
    const { content, fileName } = await readDraftFile(deps, params.id, actor);
    try {
      return { file: await services.pdf.toPdf(content), contentType: PDF_CONTENT_TYPE, fileName: `${fileName.replace(/\.docx$/i, "")}.pdf` };
    } catch (error) {
      // Said as it is (not "a service did not answer"): what is missing, and the .docx as the way round it.
      if (error instanceof PdfUnavailableError) throw new HttpError(503, "unavailable", error.message, error.reason === "not-installed" ? {} : { retryAfterSeconds: 30 });
      throw error;
    }
  });

  bindRoute(router, API_ROUTES.sendDraftForApproval, binding, async ({ params, body, actor }) => sendDraftForApproval(deps, { ...body, draftId: params.id }, actor));

  bindRoute(router, API_ROUTES.decideDraft, binding, async ({ params, body, actor }) => decideDraft(deps, { ...body, reviewId: params.id }, actor));

  bindRoute(router, API_ROUTES.wordPane, binding, async ({ query, actor }) => readWordPane(deps, query, actor));

  // Local mode's stand-in for Word (bind-route answers 404 in a tenant, or off this machine).
  bindRoute(router, API_ROUTES.localWordDocument, binding, async ({ query }) => {
    const draft = await deps.repos.drafts.get(query.draftId);
    if (!draft.fileId) throw new InvalidStateError("this draft is still being compiled, or its compile was interrupted: it has no file", draft.reviewState, "open");
    const { file, content } = await deps.documents.get("Drafts", draft.fileId);
    return { fileName: file.name, url: file.webUrl, fileVersion: file.version, properties: await services.readDocumentProperties(content) };
  });

  // The templates are the files in the Drafts library's Templates folder, whoever put them there
  // (the tab, or a person in SharePoint). What the upload's check found is kept in the audit;
  // a file with no check for its current version (added or edited in SharePoint) is checked now.
  bindRoute(router, API_ROUTES.listTemplates, binding, async ({ actor }) => {
    authorize(actor, { kind: "compile-drafts" });
    const [files, uploads] = await Promise.all([
      deps.documents.list("Drafts", TEMPLATES_FOLDER),
      queryAll(deps.repos.audit, { where: [{ field: "action", op: "eq", value: TEMPLATE_UPLOADED }] }),
    ]);
    const lastUpload = new Map<string, AuditEntryFields>();
    for (const entry of uploads.sort((a, b) => a.at.localeCompare(b.at))) lastUpload.set(entry.entityId, entry);
    const items: TemplateDto[] = [];
    for (const file of files) {
      const upload = lastUpload.get(file.id);
      const value = (field: string) => upload?.changes.find((c) => c.field === field)?.to;
      const base = { id: file.id, name: file.name, webUrl: file.webUrl, version: file.version };
      if (upload && String(value("version") ?? "") === file.version) {
        items.push({ ...base, uploadedAt: upload.at, uploadedBy: upload.actorName, placeholders: asStrings(value("placeholders")), notes: asStrings(value("notes")) });
        continue;
      }
      const check = await deps.documents
        .get("Drafts", file.id)
        .then(({ content }) => services.checkTemplate(content))
        .catch((error: unknown) => ({ placeholders: [], notes: [`Not usable as a template: ${error instanceof Error ? error.message : String(error)}`] }));
      const changedIn = upload ? `Changed in SharePoint after it was uploaded here (version ${String(value("version"))}); checked again.` : "Put in the Templates folder in SharePoint, not uploaded here; checked as listed.";
      items.push({ ...base, uploadedAt: file.lastModifiedAt, uploadedBy: upload?.actorName ?? "", placeholders: check.placeholders, notes: [changedIn, ...check.notes] });
    }
    return { items };
  });

  bindRoute(router, API_ROUTES.uploadTemplate, binding, async ({ query, body, actor }) => {
    authorize(actor, { kind: "edit-lists" });
    if (body.byteLength > services.templateMaxBytes) throw new HttpError(413, "too_large", `a template may be at most ${Math.round(services.templateMaxBytes / (1024 * 1024))} MB`);
    const check = await services.checkTemplate(body);
    const file = await deps.documents.put("Drafts", TEMPLATES_FOLDER, query.fileName, body, { contentType: DOCX, onConflict: "replace" });
    await audit(deps, actor, {
      action: TEMPLATE_UPLOADED,
      entity: "templates",
      entityId: file.id,
      summary: `Uploaded the template ${file.name} (version ${file.version})`,
      changes: [
        { field: "name", to: file.name },
        { field: "webUrl", to: file.webUrl },
        { field: "version", to: file.version },
        { field: "placeholders", to: check.placeholders },
        { field: "notes", to: check.notes },
      ],
    });
    return { id: file.id, name: file.name, webUrl: file.webUrl, version: file.version, uploadedAt: deps.clock.now().toISOString(), uploadedBy: actor.displayName, placeholders: check.placeholders, notes: check.notes };
  });
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
