/** Imports: upload → preview (kept under an id) → commit (planned again against the lists as they are then). */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import { authorize } from "../../core/auth/policy";
import { NotFoundError, ValidationError } from "../../core/errors";
import type { ImportPreview } from "../../core/import";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import type { ApiServices } from "./services";

/** The preview as the API answers it: unchanged rows without their fields (the tab lists them by reference). */
function slim(preview: ImportPreview): ImportPreview {
  return { ...preview, rows: preview.rows.map((row) => (row.outcome === "unchanged" ? { ...row, fields: undefined } : row)) };
}

export function registerImportRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.uploadImport, binding, async ({ query, body, actor }) => {
    authorize(actor, { kind: "import" });
    let mapping: unknown;
    if (query.mapping) {
      try {
        mapping = JSON.parse(query.mapping);
      } catch {
        throw new ValidationError("the column mapping is not valid JSON", [{ path: "query.mapping", message: "not JSON" }]);
      }
    }
    const parsed = await services.readImport(body, { fileName: query.fileName, format: query.format, mechanism: query.mechanism, documentSymbol: query.documentSymbol, session: query.session, mapping, maxFileBytes: services.config.limits.uploadBytes });
    const preview = slim(await previewImport(deps, actor, parsed));
    const session = await services.imports.add(actor.userId, query.fileName, parsed, preview);
    return { id: session.id, fileName: session.fileName, uploadedAt: session.uploadedAt.toISOString(), expiresAt: session.expiresAt.toISOString(), preview };
  });

  bindRoute(router, API_ROUTES.getImport, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "import" });
    const session = await services.imports.get(params.id, actor.userId);
    if (!session) throw new NotFoundError("Import", params.id);
    return { id: session.id, fileName: session.fileName, uploadedAt: session.uploadedAt.toISOString(), expiresAt: session.expiresAt.toISOString(), preview: session.preview as ImportPreview };
  });

  bindRoute(router, API_ROUTES.commitImport, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "import" });
    const session = await services.imports.take(params.id, actor.userId);
    if (!session) throw new NotFoundError("Import", `${params.id} (uploads are kept for 30 minutes, and committed once: upload the file again)`);
    return commitImport(deps, actor, session.parsed);
  });
}
