/**
 * Saved column mappings: a JSON file each in the Drafts library's "Import mappings" folder, the
 * very file `npx nmirf import FILE --mapping MAPPING.json` takes. A file rather than a list
 * item: SharePoint versions it, a person can download or replace it in the library, and the
 * CLI reads it as it is. Whoever put a file there (the tab, or a person in SharePoint), it is
 * read back through columnMappingSchema; one that is not a mapping is listed with its problem.
 */
import type { Router } from "express";
import { API_ROUTES } from "../../core/api/routes";
import type { ImportMappingDto } from "../../core/api/imports";
import { audit } from "../../core/audit/audit";
import { authorize } from "../../core/auth/policy";
import { NotFoundError } from "../../core/errors";
import { columnMappingSchema } from "../../core/import";
import type { StoredFile } from "../../core/ports/document-store";
import { issuesOf } from "../../core/records/validate";
import { bindRoute, type RouteBinding } from "../http/bind-route";
import type { ApiServices } from "./services";

export const IMPORT_MAPPINGS_FOLDER = "Import mappings";
const MAPPING_SAVED = "import-mapping.saved";
const MAX_MAPPING_BYTES = 256 * 1024;

function readMapping(file: StoredFile, content: Uint8Array): ImportMappingDto {
  const base = { id: file.id, name: file.name.replace(/\.json$/i, ""), fileName: file.name, webUrl: file.webUrl, version: file.version, savedAt: file.lastModifiedAt };
  if (content.byteLength > MAX_MAPPING_BYTES) return { ...base, problem: `the file is larger than ${MAX_MAPPING_BYTES / 1024} KB: not a mapping` };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(content));
  } catch {
    return { ...base, problem: "the file is not JSON" };
  }
  const checked = columnMappingSchema.safeParse(json);
  if (!checked.success) return { ...base, problem: `not a valid mapping: ${issuesOf(checked.error, "mapping").slice(0, 3).map((i) => `${i.path}: ${i.message}`).join("; ")}` };
  return { ...base, mapping: checked.data };
}

export function registerImportMappingRoutes(router: Router, binding: RouteBinding, services: ApiServices): void {
  const { deps } = services;

  bindRoute(router, API_ROUTES.listImportMappings, binding, async ({ actor }) => {
    authorize(actor, { kind: "import" });
    const files = (await deps.documents.list("Drafts", IMPORT_MAPPINGS_FOLDER)).filter((file) => /\.json$/i.test(file.name));
    const items: ImportMappingDto[] = [];
    for (const file of files) {
      if (file.size > MAX_MAPPING_BYTES) {
        items.push(readMapping(file, new Uint8Array(file.size)));
        continue;
      }
      const { content } = await deps.documents.get("Drafts", file.id);
      items.push(readMapping(file, content));
    }
    return { items: items.sort((a, b) => a.name.localeCompare(b.name)) };
  });

  bindRoute(router, API_ROUTES.saveImportMapping, binding, async ({ body, actor }) => {
    authorize(actor, { kind: "import" });
    const content = new TextEncoder().encode(`${JSON.stringify(body.mapping, null, 2)}\n`);
    const file = await deps.documents.put("Drafts", IMPORT_MAPPINGS_FOLDER, `${body.name}.json`, content, { contentType: "application/json", onConflict: "replace" });
    await audit(deps, actor, {
      action: MAPPING_SAVED,
      entity: "import-mappings",
      entityId: file.id.slice(0, 64),
      summary: `Saved the import mapping ${body.name} (version ${file.version})`.slice(0, 255),
      changes: [
        { field: "name", to: body.name },
        { field: "version", to: file.version },
      ],
    });
    return readMapping(file, content);
  });

  bindRoute(router, API_ROUTES.downloadImportMapping, binding, async ({ params, actor }) => {
    authorize(actor, { kind: "import" });
    const { file, content } = await deps.documents.get("Drafts", params.id).catch((error: unknown) => {
      if ((error as { code?: string }).code === "not_found") throw new NotFoundError("Import mapping", params.id);
      throw error;
    });
    if (file.folder !== IMPORT_MAPPINGS_FOLDER) throw new NotFoundError("Import mapping", params.id);
    return { file: content, contentType: "application/json", fileName: file.name };
  });
}
