import { documentSymbolSchema, recommendationFieldsSchema, recommendationKey } from "../recommendations/recommendation";
import { tidyIdentifier } from "../records/normalize";
import type { ImportedFields, ParsedRow, SourceField } from "./import-types";

/** A row as a parser reads it, before it is checked against the record's schema. */
export interface RowDraft {
  row: number;
  table?: number;
  ref?: string;
  fields: Partial<ImportedFields>;
  reasons: string[];
  warnings: string[];
}

export function newDraft(row: number, table?: number): RowDraft {
  return { row, table, fields: {}, reasons: [], warnings: [] };
}

/**
 * Gives the row its de-duplication key (document symbol + paragraph) and checks it against the
 * recommendation schema as a new record would be: a row that could not be stored is invalid
 * here, with the reasons, rather than failing at commit.
 */
export function finishRow(draft: RowDraft): ParsedRow {
  const place = { row: draft.row, ...(draft.table !== undefined ? { table: draft.table } : {}), ...(draft.ref ? { ref: draft.ref } : {}) };
  const reasons = [...draft.reasons];
  const fields = dropUndefined(draft.fields);
  // Paragraph numbers and symbols as people read them: `148.１` is 148.1, an invisible character is nothing.
  if (fields.paragraph) fields.paragraph = tidyIdentifier(fields.paragraph);
  if (fields.documentSymbol) fields.documentSymbol = tidyIdentifier(fields.documentSymbol);
  // A parser's own, more precise reason about the same thing comes first; these are the fallbacks.
  const add = (topic: RegExp, reason: string) => {
    if (!reasons.some((known) => topic.test(known))) reasons.push(reason);
  };
  if (!fields.text) add(/text|empty/, "the recommendation has no text");
  if (!fields.documentSymbol) add(/symbol/, "no document symbol");
  else if (!documentSymbolSchema.safeParse(fields.documentSymbol).success) add(/symbol/, `"${fields.documentSymbol}" is not a UN document symbol such as A/HRC/59/15`);
  if (!fields.paragraph) add(/paragraph/, "no paragraph number");
  if (!fields.mechanism) add(/mechanism|body/, "no mechanism");
  if (reasons.length) return { ok: false, ...place, reasons: unique(reasons) };

  const candidate = { ...fields, key: recommendationKey(fields.documentSymbol!, fields.paragraph!) };
  const parsed = recommendationFieldsSchema.safeParse(candidate);
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "row"}: ${issue.message}`);
    return { ok: false, ...place, reasons: unique(messages) };
  }
  // Keep only what the file gives (the schema's defaults would otherwise look like values).
  const normalized = parsed.data as Record<string, unknown>;
  const given = {} as Record<string, unknown>;
  for (const field of Object.keys(candidate) as SourceField[]) given[field] = normalized[field];
  return { ok: true, ...place, fields: given as ImportedFields, warnings: unique(draft.warnings) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
