/**
 * Importing recommendations: preview (what would change, nothing written) and commit (write
 * it). Both read the stored recommendations once; commit writes with the repository's bulk
 * calls (which the Graph repository sends as $batch requests of 20), keyed by document symbol
 * + paragraph, so a re-import updates what changed and never duplicates. The secretariat's
 * fields (ministries, status and its history, plan references, sharing) are never written.
 *
 * Commit re-plans against the store as it is at commit time rather than trusting an earlier
 * preview: a second commit of the same file after an interruption finds the rows the first
 * one created (they are now unchanged) and creates only the rest.
 */
import { authorize, type Actor } from "../auth/policy";
import { isDomainError, type DomainError } from "../errors";
import { ExistingRecommendations, planImport, planRow, previewOf, withoutSkipped, type PlannedCreate, type PlannedUpdate, type SkippedChange, type StoredRecommendation } from "./plan-import";
import type { ImportPreview, ImportSummary, ParsedImport, PreviewRow } from "./import-types";
import { IMPORT_FORMAT_NAMES } from "./import-types";
import type { Clock } from "../ports/clock";
import { queryAll, type Repositories } from "../ports/repository";
import type { AuditEntryInput, FieldChange } from "../audit/audit-entry";

export interface ImportDeps {
  repos: Repositories;
  clock: Clock;
}

/** Stored recommendations read per page: the SharePoint list view threshold. */
const READ_PAGE_SIZE = 5000;
/** Rows written per bulk call: a multiple of Graph's 20 requests per $batch; an interruption loses at most one chunk's audit entries. */
export const COMMIT_CHUNK_SIZE = 500;

async function readStored(repos: Repositories): Promise<StoredRecommendation[]> {
  return queryAll(repos.recommendations, { top: READ_PAGE_SIZE });
}

/** What an import would do; writes nothing. Only the secretariat imports. */
export async function previewImport(deps: Pick<ImportDeps, "repos">, actor: Actor, parsed: ParsedImport): Promise<ImportPreview> {
  authorize(actor, { kind: "import" });
  return previewOf(parsed, planImport(parsed, await readStored(deps.repos)));
}

export type CommitOutcome = "created" | "updated" | "unchanged" | "duplicate" | "invalid" | "failed" | "skipped";

export interface CommitRow {
  row: number;
  table?: number;
  ref?: string;
  key?: string;
  outcome: CommitOutcome;
  /** The stored recommendation (created, updated or unchanged). */
  id?: string;
  /** For `updated`: the fields written. */
  changedFields?: string[];
  /** For `invalid` and `failed`: why. */
  reasons?: string[];
  /** For `failed`: the error's code (`concurrency` when someone changed the recommendation meanwhile). */
  code?: string;
  duplicateOf?: number;
}

export interface ImportCommitResult {
  /** The plan's figures at commit time (against the store as it was then). */
  planned: ImportSummary;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  invalid: number;
  failed: number;
  /** Rows the secretariat unticked before committing: not written. */
  skipped: number;
  rows: CommitRow[];
  /** Audit entries written (one per created or updated recommendation). */
  auditEntries: number;
  warnings: string[];
}

function placeOf(row: PreviewRow): Pick<CommitRow, "row" | "table" | "ref" | "key"> {
  return { row: row.row, ...(row.table !== undefined ? { table: row.table } : {}), ...(row.ref ? { ref: row.ref } : {}), ...(row.key ? { key: row.key } : {}) };
}

function reasonOf(error: DomainError | unknown): string {
  if (isDomainError(error) && error.code === "concurrency") return "someone changed this recommendation while the import ran; import the file again to update it";
  return error instanceof Error ? error.message : String(error);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function sourceName(parsed: ParsedImport): string {
  return parsed.fileName ? `${parsed.fileName} (${IMPORT_FORMAT_NAMES[parsed.format]})` : IMPORT_FORMAT_NAMES[parsed.format];
}

/**
 * Writes the import: creates the new recommendations, updates the changed ones (with the eTags
 * read at the start: a recommendation someone changed meanwhile is reported as failed, not
 * overwritten), and writes the audit: one entry per bulk write of new recommendations (listing
 * their ids: an import is one act of one person) and one per updated recommendation (with the
 * fields it changed). A key that
 * turns out to exist already (another import ran at the same time) is re-read and treated as
 * existing, never duplicated. Invalid and duplicate rows are skipped and reported.
 */
export async function commitImport(deps: ImportDeps, actor: Actor, parsed: ParsedImport, options: { chunkSize?: number; skip?: readonly SkippedChange[] } = {}): Promise<ImportCommitResult> {
  authorize(actor, { kind: "import" });
  const chunkSize = options.chunkSize ?? COMMIT_CHUNK_SIZE;
  const full = planImport(parsed, await readStored(deps.repos));
  const planned = previewOf(parsed, full);
  // What the secretariat unticked in the preview is not written; the rest of the plan is.
  const { plan, skipped } = withoutSkipped(full, options.skip ?? []);
  const results: CommitRow[] = plan.rows.map((row, index) => {
    const place = placeOf(row);
    if (skipped.has(index)) return { ...place, outcome: "skipped", ...(row.existingId ? { id: row.existingId } : {}) };
    switch (row.outcome) {
      case "invalid":
        return { ...place, outcome: "invalid", reasons: row.reasons ?? [] };
      case "duplicate":
        return { ...place, outcome: "duplicate", duplicateOf: row.duplicateOf };
      case "unchanged":
        return { ...place, outcome: "unchanged", id: row.existingId };
      default:
        return { ...place, outcome: "failed", reasons: ["not written"] };
    }
  });

  const at = () => deps.clock.now().toISOString();
  const summary = `Imported from ${sourceName(parsed)}`.slice(0, 255);
  const warnings: string[] = [];
  let auditEntries = 0;
  const writeAudit = async (entries: AuditEntryInput[]) => {
    if (entries.length === 0) return;
    const written = await deps.repos.audit.createMany(entries);
    const failures = written.filter((result) => !result.ok).length;
    auditEntries += written.length - failures;
    if (failures) warnings.push(`${failures} audit entr${failures === 1 ? "y" : "ies"} could not be written`);
  };
  const auditEntry = (action: string, entityId: string, changes: FieldChange[]): AuditEntryInput => ({
    at: at(),
    actorId: actor.userId,
    actorName: actor.displayName.slice(0, 255),
    action,
    entity: "recommendations",
    entityId,
    summary,
    changes: changes.slice(0, 200),
  });

  const conflicted: PlannedCreate[] = [];
  for (const chunk of chunks(plan.creates, chunkSize)) {
    const written = await deps.repos.recommendations.createMany(chunk.map((create) => create.input));
    const createdIds: string[] = [];
    written.forEach((result, position) => {
      const create = chunk[position]!;
      if (result.ok) {
        results[create.index] = { ...placeOf(plan.rows[create.index]!), outcome: "created", id: result.record.id };
        createdIds.push(result.record.id);
      } else if (result.error.code === "conflict") {
        conflicted.push(create);
      } else {
        results[create.index] = { ...placeOf(plan.rows[create.index]!), outcome: "failed", reasons: [reasonOf(result.error)], code: result.error.code };
      }
    });
    if (createdIds.length) {
      const range = createdIds.length === 1 ? createdIds[0]! : `${createdIds[0]}–${createdIds[createdIds.length - 1]}`;
      const entry = auditEntry("recommendations.imported", range, [{ field: "created", to: createdIds }]);
      await writeAudit([{ ...entry, summary: `${summary}: ${createdIds.length} new`.slice(0, 255) }]);
    }
  }

  const updates: PlannedUpdate[] = [...plan.updates];
  if (conflicted.length) {
    // Created meanwhile by someone else (another import): read them and treat them as existing.
    const fresh = new ExistingRecommendations(await readStored(deps.repos));
    for (const create of conflicted) {
      const parsedRow = parsed.rows[create.index]!;
      if (!parsedRow.ok) continue;
      const replanned = planRow(create.index, parsedRow.fields, fresh);
      if (replanned.update) updates.push(replanned.update);
      else if (replanned.row.outcome === "unchanged") results[create.index] = { ...placeOf(plan.rows[create.index]!), outcome: "unchanged", id: replanned.row.existingId };
      else results[create.index] = { ...placeOf(plan.rows[create.index]!), outcome: "failed", reasons: ["its key is taken but the recommendation holding it could not be read"], code: "conflict" };
    }
  }

  for (const chunk of chunks(updates, chunkSize)) {
    const written = await deps.repos.recommendations.updateMany(chunk.map(({ id, changes, eTag, current }) => ({ id, changes, eTag, current })));
    const entries: AuditEntryInput[] = [];
    written.forEach((result, position) => {
      const update = chunk[position]!;
      const place = placeOf(plan.rows[update.index]!);
      if (result.ok) {
        results[update.index] = { ...place, outcome: "updated", id: result.record.id, changedFields: update.fieldChanges.map((change) => change.field) };
        entries.push(auditEntry("recommendations.updated-by-import", result.record.id, update.fieldChanges));
      } else {
        results[update.index] = { ...place, outcome: "failed", reasons: [reasonOf(result.error)], code: result.error.code };
      }
    });
    await writeAudit(entries);
  }

  const count = (outcome: CommitOutcome) => results.filter((row) => row.outcome === outcome).length;
  return {
    planned: {
      total: planned.total,
      new: planned.new,
      changed: planned.changed,
      unchanged: planned.unchanged,
      duplicates: planned.duplicates,
      invalid: planned.invalid,
      position: planned.position,
      clusters: planned.clusters,
    },
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    duplicates: count("duplicate"),
    invalid: count("invalid"),
    failed: count("failed"),
    skipped: count("skipped"),
    rows: results,
    auditEntries,
    warnings,
  };
}
