/**
 * What an import would do: each row of the file against the recommendations already stored,
 * classified as new, unchanged, changed (which fields), duplicate within the file, or invalid.
 * Pure: preview shows the plan, commit carries it out.
 */
import type { FieldChange } from "../audit/audit-entry";
import type { Stored } from "../records/common";
import type { RecommendationFields, RecommendationInput } from "../recommendations/recommendation";
import { SET_FIELDS, SOURCE_FIELDS, type ImportedFields, type ImportPreview, type ParsedImport, type PositionCounts, type PreviewRow, type SourceField } from "./import-types";

export type StoredRecommendation = Stored<RecommendationFields>;

export interface PlannedCreate {
  /** Index of the row in `ParsedImport.rows` and `ImportPlan.rows`. */
  index: number;
  input: RecommendationInput;
}

export interface PlannedUpdate {
  index: number;
  id: string;
  eTag: string;
  /** The stored record the changes apply to, as the plan read it. */
  current: StoredRecommendation;
  changes: Partial<RecommendationFields>;
  fieldChanges: FieldChange[];
}

export interface ImportPlan {
  /** One per parsed row, in the same order. */
  rows: PreviewRow[];
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
}

/** Where stored recommendations are found: by key, and by UHRI annotation id for rows keyed otherwise before. */
export class ExistingRecommendations {
  private readonly byKey = new Map<string, StoredRecommendation>();
  private readonly byAnnotation = new Map<string, StoredRecommendation>();

  constructor(records: readonly StoredRecommendation[]) {
    for (const record of records) this.add(record);
  }

  add(record: StoredRecommendation): void {
    this.byKey.set(record.key, record);
    if (record.uhriAnnotationId) this.byAnnotation.set(record.uhriAnnotationId, record);
  }

  find(fields: ImportedFields): StoredRecommendation | undefined {
    return this.byKey.get(fields.key) ?? (fields.uhriAnnotationId ? this.byAnnotation.get(fields.uhriAnnotationId) : undefined);
  }
}

function comparableValue(field: SourceField, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    const items = value.map((item) => String(item));
    if ((SET_FIELDS as readonly string[]).includes(field)) items.sort();
    return JSON.stringify(items);
  }
  return JSON.stringify(value);
}

/** The source fields the file gives that differ from the stored recommendation. */
export function sourceChanges(stored: StoredRecommendation, fields: ImportedFields): FieldChange[] {
  const changes: FieldChange[] = [];
  const given = fields as Record<string, unknown>;
  const current = stored as unknown as Record<string, unknown>;
  for (const field of SOURCE_FIELDS) {
    if (!(field in given) || given[field] === undefined) continue;
    if (comparableValue(field, given[field]) !== comparableValue(field, current[field])) {
      changes.push({ field, from: current[field], to: given[field] });
    }
  }
  return changes;
}

function changesObject(changes: FieldChange[]): Partial<RecommendationFields> {
  return Object.fromEntries(changes.map((change) => [change.field, change.to])) as Partial<RecommendationFields>;
}

function differingFields(first: ImportedFields, second: ImportedFields): string[] {
  const a = first as Record<string, unknown>;
  const b = second as Record<string, unknown>;
  return SOURCE_FIELDS.filter((field) => comparableValue(field, a[field]) !== comparableValue(field, b[field]));
}

/** Plans one valid row against what is stored: new, unchanged or changed. */
export function planRow(index: number, fields: ImportedFields, existing: ExistingRecommendations): { row: Pick<PreviewRow, "outcome" | "existingId" | "changes">; create?: PlannedCreate; update?: PlannedUpdate } {
  const stored = existing.find(fields);
  if (!stored) return { row: { outcome: "new" }, create: { index, input: { ...fields } } };
  const changes = sourceChanges(stored, fields);
  if (changes.length === 0) return { row: { outcome: "unchanged", existingId: stored.id } };
  return {
    row: { outcome: "changed", existingId: stored.id, changes },
    update: { index, id: stored.id, eTag: stored.eTag, current: stored, changes: changesObject(changes), fieldChanges: changes },
  };
}

export function planImport(parsed: ParsedImport, stored: readonly StoredRecommendation[]): ImportPlan {
  const existing = new ExistingRecommendations(stored);
  const plan: ImportPlan = { rows: [], creates: [], updates: [] };
  const firstByKey = new Map<string, { row: number; fields: ImportedFields }>();
  const firstByAnnotation = new Map<string, { row: number; fields: ImportedFields }>();

  parsed.rows.forEach((parsedRow, index) => {
    const place = { row: parsedRow.row, ...(parsedRow.table !== undefined ? { table: parsedRow.table } : {}), ...(parsedRow.ref ? { ref: parsedRow.ref } : {}) };
    if (!parsedRow.ok) {
      plan.rows.push({ ...place, outcome: "invalid", reasons: parsedRow.reasons });
      return;
    }
    const { fields } = parsedRow;
    const warnings = parsedRow.warnings.length ? { warnings: parsedRow.warnings } : {};
    const first = firstByKey.get(fields.key) ?? (fields.uhriAnnotationId ? firstByAnnotation.get(fields.uhriAnnotationId) : undefined);
    if (first) {
      plan.rows.push({ ...place, outcome: "duplicate", key: fields.key, duplicateOf: first.row, differsFromFirst: differingFields(first.fields, fields), fields, ...warnings });
      return;
    }
    firstByKey.set(fields.key, { row: parsedRow.row, fields });
    if (fields.uhriAnnotationId) firstByAnnotation.set(fields.uhriAnnotationId, { row: parsedRow.row, fields });

    const planned = planRow(index, fields, existing);
    plan.rows.push({ ...place, key: fields.key, ...planned.row, fields, ...warnings });
    if (planned.create) plan.creates.push(planned.create);
    if (planned.update) plan.updates.push(planned.update);
  });
  return plan;
}

export function emptyPositionCounts(): PositionCounts {
  return { supported: 0, "supported-in-part": 0, noted: 0, none: 0 };
}

/** The preview of a plan: figures, rows, clusters, warnings. */
export function previewOf(parsed: ParsedImport, plan: ImportPlan): ImportPreview {
  const count = (outcome: PreviewRow["outcome"]) => plan.rows.filter((row) => row.outcome === outcome).length;
  const position = emptyPositionCounts();
  for (const row of plan.rows) {
    if (row.outcome === "invalid" || row.outcome === "duplicate" || !row.fields) continue;
    position[row.fields.position ?? "none"] += 1;
  }
  return {
    format: parsed.format,
    ...(parsed.layout ? { layout: parsed.layout } : {}),
    ...(parsed.fileName ? { fileName: parsed.fileName } : {}),
    source: parsed.source,
    total: parsed.rows.length,
    new: count("new"),
    changed: count("changed"),
    unchanged: count("unchanged"),
    duplicates: count("duplicate"),
    invalid: count("invalid"),
    position,
    clusters: parsed.clusters.length,
    clusterNames: parsed.clusters,
    rows: plan.rows,
    warnings: parsed.warnings,
  };
}

/** A change the secretariat unticked in the preview: a whole row, or some fields of a changed row. */
export interface SkippedChange {
  row: number;
  table?: number;
  /** The fields left as stored; without them, the row is not written at all. */
  fields?: readonly string[];
}

/**
 * The plan without what the secretariat unticked: a skipped row is neither created nor
 * updated; a changed row with some fields unticked writes only the others (and is skipped
 * when none is left). Returns the indexes of the rows skipped whole.
 */
export function withoutSkipped(plan: ImportPlan, skip: readonly SkippedChange[]): { plan: ImportPlan; skipped: Set<number> } {
  if (!skip.length) return { plan, skipped: new Set() };
  const placeKey = (row: number, table?: number) => `${table ?? 0}:${row}`;
  const wanted = new Map<string, SkippedChange>();
  for (const each of skip) {
    const key = placeKey(each.row, each.table);
    const known = wanted.get(key);
    wanted.set(key, known && known.fields && each.fields ? { ...each, fields: [...known.fields, ...each.fields] } : known && !known.fields ? known : each);
  }
  const skipOf = (index: number) => {
    const row = plan.rows[index]!;
    return wanted.get(placeKey(row.row, row.table));
  };
  const skipped = new Set<number>();
  const creates = plan.creates.filter((create) => {
    if (!skipOf(create.index)) return true;
    skipped.add(create.index);
    return false;
  });
  const updates: PlannedUpdate[] = [];
  for (const update of plan.updates) {
    const unticked = skipOf(update.index);
    if (!unticked) {
      updates.push(update);
      continue;
    }
    const kept = unticked.fields ? update.fieldChanges.filter((change) => !unticked.fields!.includes(change.field)) : [];
    if (!kept.length) {
      skipped.add(update.index);
      continue;
    }
    updates.push({ ...update, fieldChanges: kept, changes: changesObject(kept) });
  }
  return { plan: { ...plan, creates, updates }, skipped };
}
