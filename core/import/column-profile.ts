/**
 * What the import wizard shows of a tracker before anything is mapped: its own columns, per
 * column the distinct values found (bounded), the product field each column most likely holds
 * and, for values a mapping can translate (positions, mechanisms), the product value each one
 * most likely means. Pure: the readers in importers/ hand the table over.
 */
import { mechanismSchema } from "../records/taxonomy";
import { cleanText, parseBody, parsePosition, parseSession } from "./labels";
import { MAPPABLE_FIELDS, suggestPosition, type ColumnMapping, type MappableField } from "./mapped-table";
import { isKnownState } from "./recommending-states";
import { cellText, type Table } from "./table";

/** Distinct values listed per column; the others are counted. */
export const PROFILE_VALUES_PER_COLUMN = 50;
/** Characters of a value shown (a recommendation's text is long). */
const VALUE_CHARACTERS = 160;

export interface ProfiledValue {
  value: string;
  /** Rows that give it. */
  rows: number;
  /** What it most likely means as a position (`supported`, `noted`…), when it looks like one. */
  position?: string;
  /** The mechanism it most likely names (`UPR`, `CRC`…), when it names one. */
  mechanism?: string;
}

export interface ColumnProfile {
  /** The column's name as the header row writes it. */
  name: string;
  /** Rows with a value in it. */
  filled: number;
  /** Distinct values (all of them, listed or not). */
  distinct: number;
  /** The most frequent distinct values, at most PROFILE_VALUES_PER_COLUMN. */
  values: ProfiledValue[];
  /** The product field this column most likely holds. */
  suggestedField?: MappableField;
}

export interface TableProfile {
  /** Data rows below the header. */
  rows: number;
  columns: ColumnProfile[];
  /** A mapping made of the suggestions: what the wizard preselects. */
  suggestedMapping: Pick<ColumnMapping, "columns" | "values" | "oneRowPerState">;
}

/** Header names (compared loosely, in the product's languages) that say which field a column holds. */
const FIELD_NAMES: Record<MappableField, readonly string[]> = {
  text: ["text", "recommendation", "recommendations", "recommendation text", "recommandation", "recomendación", "recomendacion", "recomendação", "texto", "texte", "توصية", "priporočilo"],
  documentSymbol: ["document symbol", "symbol", "document", "symbole", "símbolo", "simbolo", "report symbol"],
  paragraph: ["paragraph", "para", "para.", "paragraph number", "no", "no.", "number", "nr", "paragraphe", "párrafo", "parrafo", "parágrafo", "ref", "reference"],
  mechanism: ["mechanism", "body", "recommending body", "reccomending body", "mécanisme", "mecanismo", "treaty body"],
  body: ["body name"],
  session: ["session", "upr session", "session number", "sesión", "sessão"],
  cycle: ["cycle", "upr cycle", "ciclo"],
  recommendingStates: ["from", "state", "states", "recommending state", "recommending states", "upr reccomending states", "upr recommending states", "country", "recommending country", "état", "etat", "estado", "país", "pais"],
  position: ["position", "response", "decision", "upr position", "position of the state", "réponse", "respuesta", "resposta", "posición", "posicion", "posição", "status of response", "accepted/noted"],
  positionSource: ["position source", "source of position", "source"],
  cluster: ["cluster", "theme cluster", "heading"],
  themes: ["themes", "theme", "topics", "topic", "issue", "issues", "thème", "thèmes", "tema", "temas"],
  affectedGroups: ["affected persons", "groups", "groups of persons", "affected groups", "groupes", "grupos"],
  sdgs: ["sdg", "sdgs", "sustainable development goals", "odd", "ods"],
  publicationDate: ["date", "publication date", "document publication date", "adopted", "date of adoption"],
  uhriAnnotationId: ["ohchr annotation id", "annotation id", "annotationid", "uhri id"],
};

function loose(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/[\s\u00A0_]+/g, " ").replace(/^[\s"'*]+|[\s"':*]+$/g, "").trim();
}

function comparable(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

function mechanismOf(value: string): string | undefined {
  const named = mechanismSchema.safeParse(value.toUpperCase().replace(/\s+/g, "_"));
  return named.success ? named.data : parseBody(value).mechanism;
}

function positionOf(value: string): string | undefined {
  return parsePosition([value]).position ?? suggestPosition(value);
}

interface Counted {
  value: string;
  rows: number;
}

/** What the values of a column look like, to tell its field when its name does not. */
function fieldByContent(values: Counted[], filled: number): MappableField | undefined {
  if (!filled) return undefined;
  const share = (test: (value: string) => boolean) => values.reduce((sum, v) => sum + (test(v.value) ? v.rows : 0), 0) / filled;
  if (share((v) => positionOf(v) !== undefined) > 0.5) return "position";
  if (share((v) => /^[A-Z]{1,10}\/[A-Z0-9./-]+$/.test(v.replace(/\s+/g, ""))) > 0.8) return "documentSymbol";
  if (share((v) => v.split(/[;,\n]/).every((part) => isKnownState(part.trim()))) > 0.8) return "recommendingStates";
  if (share((v) => v.length > 60) > 0.8) return "text";
  if (share((v) => /^\d{1,3}(\.\d{1,6})?(\s*\([a-z]\))?$/.test(v)) > 0.8) return "paragraph";
  if (share((v) => mechanismOf(v) !== undefined) > 0.8) return "mechanism";
  if (share((v) => parseSession(v) !== undefined && Number(v) <= 200) > 0.8) return "session";
  return undefined;
}

/** The columns, the values found in each and the mapping the wizard preselects. */
export function profileTable(table: Table): TableProfile {
  const columns: ColumnProfile[] = table.headers.map((name, index) => {
    const counts = new Map<string, Counted>();
    let filled = 0;
    for (const { values } of table.rows) {
      const value = cleanText(cellText(values[index]));
      if (!value) continue;
      filled += 1;
      const key = comparable(value);
      const seen = counts.get(key);
      if (seen) seen.rows += 1;
      else counts.set(key, { value, rows: 1 });
    }
    const all = [...counts.values()];
    const listed = [...all].sort((a, b) => b.rows - a.rows).slice(0, PROFILE_VALUES_PER_COLUMN);
    return {
      name,
      filled,
      distinct: all.length,
      values: listed.map(({ value, rows }) => {
        const position = positionOf(value);
        const mechanism = mechanismOf(value);
        return { value: value.length > VALUE_CHARACTERS ? `${value.slice(0, VALUE_CHARACTERS - 1)}…` : value, rows, ...(position ? { position } : {}), ...(mechanism ? { mechanism } : {}) };
      }),
      // Kept for the suggestion by content only: the listed values are the most frequent.
      _all: all,
    } as ColumnProfile & { _all: Counted[] };
  });

  // By name first (a column named "Position" is the position), then by content for the rest.
  const taken = new Set<MappableField>();
  for (const column of columns) {
    const name = loose(column.name);
    const field = MAPPABLE_FIELDS.find((candidate) => !taken.has(candidate) && FIELD_NAMES[candidate].includes(name));
    if (field) {
      column.suggestedField = field;
      taken.add(field);
    }
  }
  for (const column of columns as (ColumnProfile & { _all: Counted[] })[]) {
    if (!column.suggestedField && column.name.trim()) {
      const field = fieldByContent(column._all, column.filled);
      if (field && !taken.has(field)) {
        column.suggestedField = field;
        taken.add(field);
      }
    }
    delete (column as Partial<typeof column>)._all;
  }

  const mapped: ColumnMapping["columns"] = {};
  for (const column of columns) if (column.suggestedField) mapped[column.suggestedField] = column.name;
  const values: NonNullable<ColumnMapping["values"]> = {};
  const positionColumn = columns.find((c) => c.suggestedField === "position");
  if (positionColumn) {
    const translations = Object.fromEntries(positionColumn.values.filter((v) => v.position).map((v) => [v.value, v.position])) as Record<string, "supported">;
    if (Object.keys(translations).length) values.position = translations;
  }
  const mechanismColumn = columns.find((c) => c.suggestedField === "mechanism");
  if (mechanismColumn) {
    const translations = Object.fromEntries(mechanismColumn.values.filter((v) => v.mechanism).map((v) => [v.value, v.mechanism])) as Record<string, "UPR">;
    if (Object.keys(translations).length) values.mechanism = translations;
  }
  // One row per recommending State: the same text on several rows, each naming one State.
  const textColumn = columns.find((c) => c.suggestedField === "text");
  const statesColumn = columns.find((c) => c.suggestedField === "recommendingStates");
  const oneRowPerState = Boolean(textColumn && statesColumn && textColumn.filled > 0 && textColumn.distinct < textColumn.filled);

  return {
    rows: table.rows.length,
    columns,
    suggestedMapping: { columns: mapped, ...(Object.keys(values).length ? { values } : {}), ...(oneRowPerState ? { oneRowPerState } : {}) },
  };
}
