/**
 * Any CSV the secretariat has (its own tracking sheet, an export from another tool), read
 * through a column mapping the user gives: which column holds the text, the symbol, the
 * paragraph and so on.
 */
import { z } from "zod";
import { ValidationError } from "../errors";
import { issuesOf } from "../records/validate";
import { mechanismSchema, uprCycleOfSession, type Mechanism } from "../records/taxonomy";
import { finishRow, newDraft } from "./finish-row";
import type { ParsedImport } from "./import-types";
import { addUnique, cleanText, groupLabel, parseBody, parseDate, parsePosition, parseSdgs, parseSession, splitMultiValue, splitParagraph, themeLabel } from "./labels";
import { canonicalStateName, splitRecommendingStates } from "./recommending-states";
import { cellText, columnKey, describeHeaders, type Table } from "./table";

/** The product fields a column can be mapped to. */
export const MAPPABLE_FIELDS = [
  "text",
  "documentSymbol",
  "paragraph",
  "mechanism",
  "body",
  "session",
  "cycle",
  "recommendingStates",
  "position",
  "positionSource",
  "cluster",
  "themes",
  "affectedGroups",
  "sdgs",
  "publicationDate",
  "uhriAnnotationId",
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

const columnsSchema = z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string().trim().min(1, "a column name").max(200));

/**
 * A column mapping: `{ "columns": { "text": "Recommendation", "documentSymbol": "Symbol", … },
 * "listSeparator": ";", "defaults": { "mechanism": "CRC", "documentSymbol": "CRC/C/SVN/CO/5-6" } }`.
 * A bare `{ "text": "Recommendation", … }` is read as its `columns`.
 */
export const columnMappingSchema = z.preprocess(
  (value) => (value && typeof value === "object" && !Array.isArray(value) && !("columns" in value) ? { columns: value } : value),
  z.strictObject({
    columns: columnsSchema.refine((columns) => columns.text !== undefined, { message: 'map the "text" field to the column that holds the recommendation' }),
    /** Multi-value cells (States, themes, groups, SDGs) hold one value per line; this splits them further. */
    listSeparator: z.string().min(1).max(3).optional(),
    /** Values for rows whose column is empty or not mapped. */
    defaults: z
      .strictObject({
        mechanism: mechanismSchema.optional(),
        documentSymbol: z.string().trim().min(1).max(80).optional(),
        session: z.number().int().min(1).max(200).optional(),
      })
      .optional(),
  }),
);
export type ColumnMapping = z.output<typeof columnMappingSchema>;

/** Reads a mapping the user gave (JSON from the API or a file, or built from `--map`); a ValidationError names what is wrong. */
export function parseColumnMapping(value: unknown): ColumnMapping {
  const result = columnMappingSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, "mapping");
  const allowed = `the fields are ${MAPPABLE_FIELDS.join(", ")}`;
  throw new ValidationError(`The column mapping is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")} (${allowed}).`, issues);
}

/** `text=Recommendation,documentSymbol=Symbol` (the CLI's `--map`) → columns. */
export function parseMapArgument(argument: string): Partial<Record<string, string>> {
  const columns: Record<string, string> = {};
  for (const pair of argument.split(",")) {
    if (!pair.trim()) continue;
    const at = pair.indexOf("=");
    if (at <= 0) throw new ValidationError(`"${pair}" is not field=column (e.g. text=Recommendation)`, [{ path: "map", message: "field=column expected" }]);
    columns[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return columns;
}

export interface MappedTableOptions {
  fileName?: string;
  /** The mechanism of rows whose mapping gives none (the CLI's `--mechanism`). */
  mechanism?: Mechanism;
}

export function parseMappedTable(table: Table, mapping: ColumnMapping, options: MappedTableOptions = {}): ParsedImport {
  const keys = table.headers.map(columnKey);
  const indexes: Partial<Record<MappableField, number>> = {};
  const missing: string[] = [];
  for (const [field, column] of Object.entries(mapping.columns) as [MappableField, string][]) {
    const index = keys.indexOf(columnKey(column));
    if (index < 0) missing.push(`"${column}" (for ${field})`);
    else indexes[field] = index;
  }
  if (missing.length) {
    throw new ValidationError(`The file has no column ${missing.join(", ")}. Found ${describeHeaders(table.headers)}.`, [
      { path: "mapping.columns", message: `missing ${missing.join(", ")}` },
    ]);
  }
  const defaultMechanism = mapping.defaults?.mechanism ?? options.mechanism;
  if (indexes.mechanism === undefined && !defaultMechanism) {
    throw new ValidationError("Say which mechanism the recommendations are from: map a column to \"mechanism\" or give the mechanism (e.g. UPR, CRC).", [
      { path: "mapping.columns.mechanism", message: "no mechanism" },
    ]);
  }
  if (indexes.documentSymbol === undefined && !mapping.defaults?.documentSymbol) {
    throw new ValidationError('Say which document the recommendations are from: map a column to "documentSymbol" or give a default symbol.', [
      { path: "mapping.columns.documentSymbol", message: "no document symbol" },
    ]);
  }

  const separator = mapping.listSeparator;
  const rows = table.rows.map(({ row, values }) => {
    const get = (field: MappableField) => (indexes[field] === undefined ? undefined : values[indexes[field]!]);
    const text = (field: MappableField) => cellText(get(field));
    const list = (field: MappableField) => (indexes[field] === undefined ? undefined : splitMultiValue(text(field), separator));
    const draft = newDraft(row);

    const documentSymbol = (text("documentSymbol") || mapping.defaults?.documentSymbol || "").replace(/\s+/g, "") || undefined;
    let mechanism: Mechanism | undefined = defaultMechanism;
    let body: string | undefined;
    if (indexes.mechanism !== undefined && text("mechanism")) {
      const named = mechanismSchema.safeParse(text("mechanism").toUpperCase().replace(/\s+/g, "_"));
      const reading = named.success ? { mechanism: named.data } : parseBody(text("mechanism"), documentSymbol);
      if (reading.mechanism) mechanism = reading.mechanism;
      else draft.reasons.push(`"${text("mechanism").slice(0, 60)}" is not a mechanism the product knows`);
      body = "body" in reading ? reading.body : undefined;
    }
    if (indexes.body !== undefined && text("body")) body = text("body");

    const raw = cleanText(text("text"));
    const numbered = indexes.paragraph === undefined ? splitParagraph(raw) : { paragraph: text("paragraph") || undefined, text: raw };
    draft.ref = numbered.paragraph ?? (text("uhriAnnotationId") || undefined);
    if (!numbered.paragraph) draft.reasons.push(indexes.paragraph === undefined ? "the text does not start with its paragraph number, and no column is mapped to \"paragraph\"" : "the paragraph cell is empty");

    draft.fields = {
      text: numbered.text,
      documentSymbol,
      paragraph: numbered.paragraph?.replace(/^para(?:graph)?\.?\s*/i, ""),
      mechanism,
      body,
      positionSource: text("positionSource") || undefined,
      cluster: text("cluster") ? themeLabel(text("cluster")) : undefined,
      uhriAnnotationId: text("uhriAnnotationId") || undefined,
    };
    const session = parseSession(get("session")) ?? mapping.defaults?.session;
    if (session !== undefined && mechanism === "UPR") {
      draft.fields.session = session;
      draft.fields.cycle = uprCycleOfSession(session);
    } else if (indexes.cycle !== undefined && text("cycle")) {
      const cycle = parseSession(get("cycle"));
      if (cycle !== undefined && cycle <= 20) draft.fields.cycle = cycle;
      else draft.warnings.push(`the cycle "${text("cycle").slice(0, 20)}" is not a number; it is left out`);
    }
    if (indexes.recommendingStates !== undefined) {
      draft.fields.recommendingStates = addUnique([], list("recommendingStates")!.map(canonicalStateName));
    } else if (mechanism === "UPR") {
      const split = splitRecommendingStates(numbered.text);
      draft.fields.text = split.text;
      draft.fields.recommendingStates = split.states;
    }
    if (indexes.position !== undefined) {
      const position = parsePosition(list("position")!);
      if (position.unknown) draft.reasons.push(`the position "${position.unknown.slice(0, 60)}" is not Supported, Supported in part or Noted`);
      draft.fields.position = position.position;
    }
    if (indexes.themes !== undefined) draft.fields.themes = addUnique([], list("themes")!.map(themeLabel));
    if (indexes.affectedGroups !== undefined) draft.fields.affectedGroups = addUnique([], list("affectedGroups")!.map(groupLabel));
    if (indexes.sdgs !== undefined) {
      const sdgs = parseSdgs(list("sdgs")!);
      draft.fields.sdgGoals = sdgs.goals;
      draft.fields.sdgTargets = sdgs.targets;
      for (const unknown of sdgs.unknown) draft.warnings.push(`"${unknown.slice(0, 60)}" is not an SDG`);
    }
    if (indexes.publicationDate !== undefined && text("publicationDate")) {
      const date = parseDate(get("publicationDate"));
      if (date) draft.fields.publicationDate = date;
      else draft.warnings.push(`the date "${text("publicationDate").slice(0, 30)}" is not a date; it is left out`);
    }
    return finishRow(draft);
  });

  return { format: "csv", ...(options.fileName ? { fileName: options.fileName } : {}), source: {}, rows, clusters: addUnique([], rows.map((r) => (r.ok ? r.fields.cluster : undefined))), warnings: [] };
}
