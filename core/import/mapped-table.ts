/**
 * Any CSV the secretariat has (its own tracking sheet, an export from another tool), read
 * through a column mapping the user gives: which column holds the text, the symbol, the
 * paragraph and so on.
 */
import { z } from "zod";
import { ValidationError } from "../errors";
import { issuesOf } from "../records/validate";
import { mechanismSchema, uprCycleOfSession, uprPositionSchema, type Mechanism, type UprPosition } from "../records/taxonomy";
import { finishRow, newDraft } from "./finish-row";
import type { ImportedFields, ParsedImport, ParsedRow, ValidRow } from "./import-types";
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

/** The fields whose cell values a mapping can translate into the product's own values. */
export const TRANSLATABLE_FIELDS = ["position", "mechanism"] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

/**
 * A cell value as the file writes it → the product's value: `"Podprto": "supported"`,
 * `"Aceptada": "supported"`, `"implemented": ""` (an empty value means: this row gives no
 * position, said as a warning). Matched without regard to case or surrounding spaces.
 */
const valuesSchema = z
  .strictObject({
    position: z.record(z.string().trim().min(1).max(200), z.union([uprPositionSchema, z.literal("")])).optional(),
    mechanism: z.record(z.string().trim().min(1).max(200), z.union([mechanismSchema, z.literal("")])).optional(),
  })
  .optional();

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
    /** Cell values translated into the product's values, per field. */
    values: valuesSchema,
    /**
     * `true` when the file has one row per recommending State: rows of the same recommendation
     * (same symbol and paragraph) are merged into one, its States the union of theirs.
     */
    oneRowPerState: z.boolean().optional(),
    /** An Excel tracker: the sheet to read (by name) and the header row (1-based), when the first sheet with the mapped columns is not the one. */
    sheet: z.string().trim().min(1).max(120).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
  }),
);
export type ColumnMapping = z.output<typeof columnMappingSchema>;

function comparableValue(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** The mapping's translation of a cell value, if it gives one (`""` means: no value, on purpose). */
function translated<T extends string>(table: Partial<Record<string, T | "">> | undefined, value: string): T | "" | undefined {
  if (!table) return undefined;
  const wanted = comparableValue(value);
  for (const [from, to] of Object.entries(table)) if (comparableValue(from) === wanted) return to;
  return undefined;
}

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
    const mechanismTranslation = text("mechanism") ? translated(mapping.values?.mechanism, text("mechanism")) : undefined;
    if (mechanismTranslation !== undefined) {
      if (mechanismTranslation) mechanism = mechanismTranslation;
      else draft.warnings.push(`the mechanism "${text("mechanism").slice(0, 60)}" is mapped to nothing; the default is used`);
    } else if (indexes.mechanism !== undefined && text("mechanism")) {
      const named = mechanismSchema.safeParse(text("mechanism").toUpperCase().replace(/\s+/g, "_"));
      const reading = named.success ? { mechanism: named.data } : parseBody(text("mechanism"), documentSymbol);
      if (reading.mechanism) mechanism = reading.mechanism;
      else draft.reasons.push(`"${text("mechanism").slice(0, 60)}" is not a mechanism the product knows`);
      body = "body" in reading ? reading.body : undefined;
    }
    if (indexes.body !== undefined && text("body")) body = text("body");

    const raw = cleanText(text("text"));
    // The same cleaning as the OHCHR reader's: a leading paragraph number is not part of the text.
    const split = splitParagraph(raw);
    const numbered = indexes.paragraph === undefined ? split : { paragraph: text("paragraph") || undefined, text: split.text };
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
    const sessionCell = text("session");
    const sessionOfCell = sessionCell && !/^\s*(19|20)\d\d\s*$/.test(sessionCell) ? parseSession(get("session")) : undefined;
    if (sessionCell && sessionOfCell === undefined) draft.warnings.push(`the session "${sessionCell.slice(0, 20)}" is not a session number (a year is not a session); it is left out`);
    const session = sessionOfCell ?? mapping.defaults?.session;
    if (session !== undefined && mechanism === "UPR") {
      draft.fields.session = session;
      draft.fields.cycle = uprCycleOfSession(session);
    } else if (session !== undefined && (sessionOfCell !== undefined || mapping.defaults?.session !== undefined)) {
      draft.warnings.push(`the session ${session} is left out: sessions are kept for UPR recommendations only`);
    }
    if (draft.fields.cycle === undefined && indexes.cycle !== undefined && text("cycle")) {
      const cycle = parseSession(get("cycle"));
      if (cycle !== undefined && cycle <= 20) draft.fields.cycle = cycle;
      else draft.warnings.push(`the cycle "${text("cycle").slice(0, 20)}" is not a number; it is left out`);
    }
    // An empty cell (or no States at the end of the text) gives nothing: a re-import leaves the stored value, never wipes it.
    const given = <T>(items: T[]) => (items.length ? items : undefined);
    if (indexes.recommendingStates !== undefined) {
      const states = addUnique([], list("recommendingStates")!.map(canonicalStateName));
      if (mechanism === "UPR") {
        // The text may still end with the States ("… (Ethiopia);"): the OHCHR reader takes them off too.
        const trailing = splitRecommendingStates(numbered.text, states);
        draft.fields.text = trailing.text;
        draft.fields.recommendingStates = given(addUnique(states, trailing.states));
      } else draft.fields.recommendingStates = given(states);
    } else if (mechanism === "UPR") {
      const split = splitRecommendingStates(numbered.text);
      draft.fields.text = split.text;
      draft.fields.recommendingStates = given(split.states);
    }
    if (indexes.position !== undefined) {
      const cell = text("position");
      const translation = cell ? translated(mapping.values?.position, cell) : undefined;
      if (translation !== undefined) {
        if (translation) draft.fields.position = translation;
        else draft.warnings.push(`the position "${cell.slice(0, 60)}" is mapped to nothing; the row has no position`);
      } else {
        const position = parsePosition(list("position")!);
        const guess = position.unknown ? suggestPosition(cell) : undefined;
        if (guess) draft.fields.position = guess;
        else if (position.unknown) draft.reasons.push(`the position "${position.unknown.slice(0, 60)}" is not Supported, Supported in part or Noted: translate it in the mapping's "values"`);
        else draft.fields.position = position.position;
        if (!cell) draft.warnings.push("the row gives no position");
      }
    }
    if (indexes.themes !== undefined) draft.fields.themes = given(addUnique([], list("themes")!.map(themeLabel)));
    if (indexes.affectedGroups !== undefined) draft.fields.affectedGroups = given(addUnique([], list("affectedGroups")!.map(groupLabel)));
    if (indexes.sdgs !== undefined && text("sdgs")) {
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

  const warnings: string[] = [];
  // Nothing dropped in silence: a column with values that no field takes is named.
  const used = new Set(Object.values(indexes));
  const unmapped = table.headers.filter((header, index) => header.trim() !== "" && !used.has(index) && table.rows.some(({ values }) => cellText(values[index]).trim() !== ""));
  if (unmapped.length) {
    const named = unmapped.slice(0, 20).map((header) => `"${header.trim().slice(0, 60)}"`).join(", ");
    warnings.push(`${unmapped.length === 1 ? "a column the mapping leaves out, whose values are not imported" : `${unmapped.length} columns the mapping leaves out, whose values are not imported`}: ${named}${unmapped.length > 20 ? "…" : ""}`);
  }
  const kept = mapping.oneRowPerState ? mergeRowsPerState(rows, warnings) : rows;
  return { format: "csv", ...(options.fileName ? { fileName: options.fileName } : {}), source: {}, rows: kept, clusters: addUnique([], kept.map((r) => (r.ok ? r.fields.cluster : undefined))), warnings };
}

/**
 * One row per recommending State: the rows of one recommendation (same key) become the first of
 * them, with the union of their States. A later row that says something else in another field
 * (another position, another text) is kept apart as it is, so the preview shows it as a duplicate.
 */
function mergeRowsPerState(rows: ParsedRow[], warnings: string[]): ParsedRow[] {
  const firstOfKey = new Map<string, ValidRow>();
  const kept: ParsedRow[] = [];
  let merged = 0;
  for (const row of rows) {
    if (!row.ok) {
      kept.push(row);
      continue;
    }
    const first = firstOfKey.get(row.fields.key);
    if (!first) {
      firstOfKey.set(row.fields.key, row);
      kept.push(row);
      continue;
    }
    const differing = (Object.keys({ ...first.fields, ...row.fields }) as (keyof ImportedFields)[]).filter(
      (field) => field !== "recommendingStates" && JSON.stringify(first.fields[field]) !== JSON.stringify(row.fields[field]),
    );
    if (differing.length) {
      kept.push(row);
      continue;
    }
    first.fields.recommendingStates = addUnique([...(first.fields.recommendingStates ?? [])], row.fields.recommendingStates ?? []);
    first.mergedRows = [...(first.mergedRows ?? []), row.row];
    first.warnings = [...new Set([...first.warnings, ...row.warnings])];
    merged += 1;
  }
  if (merged) warnings.push(`rows merged into the recommendation they repeat (one row per recommending State): ${merged}`);
  return kept;
}

/**
 * A position written in words a tracker uses, in the languages of the product and a few more:
 * "support", "acceptée", "Aceptada", "Podprto", "rechazada", "noted". Nothing for a word
 * that is no position ("implemented", "consider"): the mapping has to say.
 */
export function suggestPosition(value: string): UprPosition | undefined {
  const word = comparableValue(value).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (!word) return undefined;
  if (/\b(partial|partially|partly|in part|en partie|partiellement|parcial|parcialmente|en parte|delno)\b/.test(word)) return "supported-in-part";
  if (/^(not |no |non )|\b(noted|note|rejected|reject|rejetee?s?|rechazad[ao]s?|rechaza|tomad[ao] nota|pris note|prend note|notee?s?|zavrnjen[ao]?|nepodprt[ao]?|rejeitad[ao]s?)\b/.test(word)) return "noted";
  if (/\b(supported|support|supports|accepted|accept|accepts|acceptee?s?|accepte|soutenue?s?|appuyee?s?|aceptad[ao]s?|acepta|apoyad[ao]s?|aceit[ae]s?|apoiad[ao]s?|podprt[ao]?|podprto|sprejet[ao]?)\b/.test(word)) return "supported";
  return undefined;
}

/** For each distinct value of a mapped column: how many rows give it, and the product value suggested for it. */
export interface ValueSuggestion {
  value: string;
  rows: number;
  suggestion?: string;
}

/** The distinct values of the columns mapped to translatable fields, with a suggested translation: what the wizard shows. */
export function suggestValueTranslations(table: Table, columns: Partial<Record<MappableField, string>>): Partial<Record<TranslatableField, ValueSuggestion[]>> {
  const keys = table.headers.map(columnKey);
  const result: Partial<Record<TranslatableField, ValueSuggestion[]>> = {};
  for (const field of TRANSLATABLE_FIELDS) {
    const column = columns[field];
    const index = column === undefined ? -1 : keys.indexOf(columnKey(column));
    if (index < 0) continue;
    const counts = new Map<string, { value: string; rows: number }>();
    for (const { values } of table.rows) {
      const value = cleanText(cellText(values[index]));
      if (!value) continue;
      const key = comparableValue(value);
      const seen = counts.get(key) ?? { value, rows: 0 };
      seen.rows += 1;
      counts.set(key, seen);
    }
    result[field] = [...counts.values()].map(({ value, rows }) => {
      let suggestion: string | undefined;
      if (field === "position") suggestion = parsePosition([value]).position ?? suggestPosition(value);
      else {
        const named = mechanismSchema.safeParse(value.toUpperCase().replace(/\s+/g, "_"));
        suggestion = named.success ? named.data : parseBody(value).mechanism;
      }
      return { value, rows, ...(suggestion ? { suggestion } : {}) };
    });
  }
  return result;
}
