/**
 * Imports: upload → preview (kept under an id) → commit (planned again against the lists as they
 * are then). A tracker the product cannot read without a mapping (any CSV or Excel sheet) is
 * answered with its own columns and values instead, kept with its bytes, and mapped through
 * POST /api/imports/{id}/mapping as many times as the wizard needs before the commit.
 */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import type { TableProfileDto } from "../../core/api/imports";
import { authorize, type Actor } from "../../core/auth/policy";
import { NotFoundError, ValidationError } from "../../core/errors";
import type { ColumnMapping, ImportPreview, ParsedImport } from "../../core/import";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import type { ImportSession } from "./import-sessions";
import type { ApiServices } from "./services";

/** Rows of a preview answered with their fields whatever their outcome: the first rows as they will be stored. */
export const PREVIEW_ROWS_WITH_FIELDS = 20;

/** The preview as the API answers it: unchanged rows past the first ones without their fields (the tab lists them by reference). */
function slim(preview: ImportPreview): ImportPreview {
  return { ...preview, rows: preview.rows.map((row, index) => (row.outcome === "unchanged" && index >= PREVIEW_ROWS_WITH_FIELDS ? { ...row, fields: undefined } : row)) };
}

/** The refusals that only say "this table needs a mapping": the wizard answers the columns instead. */
function needsMapping(error: unknown): boolean {
  return error instanceof ValidationError && error.issues.some((issue) => issue.message === "no recognizable header row" || issue.message === "no mapping");
}

function answer(session: ImportSession) {
  return {
    id: session.id,
    fileName: session.fileName,
    uploadedAt: session.uploadedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ...(session.preview ? { preview: session.preview as ImportPreview } : {}),
    ...(session.table ? { table: session.table as TableProfileDto } : {}),
    ...(session.mapping ? { mapping: session.mapping } : {}),
  };
}

export function registerImportRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;
  const maxFileBytes = () => services.config.limits.uploadBytes;

  async function previewed(actor: Actor, parsed: ParsedImport): Promise<ImportPreview> {
    return slim(await previewImport(deps, actor, parsed));
  }

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
    const options = { fileName: query.fileName, format: query.format, mechanism: query.mechanism, documentSymbol: query.documentSymbol, session: query.session, mapping, maxFileBytes: maxFileBytes() };
    let parsed: ParsedImport | undefined;
    let refusal: unknown;
    try {
      parsed = await services.readImport(body, options);
    } catch (error) {
      if (!needsMapping(error)) throw error;
      refusal = error;
    }
    const table = await services.readImportTable(body, { fileName: query.fileName, sheet: query.sheet, headerRow: query.headerRow, maxFileBytes: maxFileBytes() }).catch((error: unknown) => {
      if (parsed) return undefined; // the file was read as a list; its table is only a help
      throw error;
    });
    // A file with nothing under its header row is not a tracker to map: the refusal stands.
    if (!parsed && (!table || table.rows === 0)) {
      throw table?.sheet && query.headerRow !== undefined ? new ValidationError(`The sheet "${table.sheet}" has nothing under row ${table.headerRow}: choose the row with the columns' names.`, [{ path: "query.headerRow", message: "no rows under it" }]) : refusal;
    }
    const preview = parsed ? await previewed(actor, parsed) : undefined;
    const session = await services.imports.add(actor.userId, query.fileName, parsed, preview, {
      ...(table ? { table, file: Buffer.from(body).toString("base64") } : {}),
      ...(mapping !== undefined ? { mapping } : {}),
    });
    return answer(session);
  });

  bindRoute(router, API_ROUTES.getImport, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "import" });
    const session = await services.imports.get(params.id, actor.userId);
    if (!session) throw new NotFoundError("Import", params.id);
    return answer(session);
  });

  bindRoute(router, API_ROUTES.mapImport, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "import" });
    const session = await services.imports.get(params.id, actor.userId);
    if (!session) throw new NotFoundError("Import", `${params.id} (uploads are kept for 30 minutes: upload the file again)`);
    if (!session.file) throw new ValidationError("This upload is not a table with columns to map (an OHCHR list is read by its layout).", [{ path: "params.id", message: "nothing to map" }]);
    const bytes = new Uint8Array(Buffer.from(session.file, "base64"));
    const shown = session.table as TableProfileDto | undefined;
    // A workbook's sheet and header row as the wizard showed them, unless the mapping says otherwise: the saved mapping then names them for the CLI.
    const mapping: ColumnMapping = shown?.sheet ? { sheet: shown.sheet, headerRow: shown.headerRow, ...body.mapping } : body.mapping;
    const parsed = await services.readImport(bytes, { fileName: session.fileName, mechanism: body.mechanism, documentSymbol: body.documentSymbol, mapping, maxFileBytes: maxFileBytes() });
    const table = mapping.sheet && (mapping.sheet !== shown?.sheet || mapping.headerRow !== shown?.headerRow) ? await services.readImportTable(bytes, { fileName: session.fileName, sheet: mapping.sheet, headerRow: mapping.headerRow, maxFileBytes: maxFileBytes() }) : shown;
    const preview = await previewed(actor, parsed);
    const next = await services.imports.add(actor.userId, session.fileName, parsed, preview, { file: session.file, table, mapping });
    await services.imports.remove(session.id, actor.userId);
    return answer(next);
  });

  bindRoute(router, API_ROUTES.commitImport, binding, async ({ params, body, actor }) => {
    authorize(actor, { kind: "import" });
    const waiting = await services.imports.get(params.id, actor.userId);
    if (waiting && !waiting.parsed) throw new ValidationError("Map the file's columns first (POST /api/imports/{id}/mapping): nothing was written.", [{ path: "params.id", message: "no mapping yet" }]);
    const session = await services.imports.take(params.id, actor.userId);
    if (!session?.parsed) throw new NotFoundError("Import", `${params.id} (uploads are kept for 30 minutes, and committed once: upload the file again)`);
    return commitImport(deps, actor, session.parsed, { skip: body.skip ?? [] });
  });
}
