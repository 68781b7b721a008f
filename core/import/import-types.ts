import type { FieldChange } from "../audit/audit-entry";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { UprPosition } from "../records/taxonomy";

/** The files a secretariat imports recommendations from. */
export const IMPORT_FORMATS = ["ohchr-docx", "uhri-xlsx", "uhri-csv", "uhri-json", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  "ohchr-docx": "OHCHR thematic list of recommendations (Word)",
  "uhri-xlsx": "Universal Human Rights Index export (Excel)",
  "uhri-csv": "Universal Human Rights Index export (CSV)",
  "uhri-json": "Universal Human Rights Index export (JSON)",
  csv: "CSV with a column mapping",
};

/**
 * The fields a source file owns: a re-import updates them when they changed. Everything else
 * on a recommendation (its ministries, status and history, plan references, sharing) is the
 * secretariat's, and an import never writes it.
 */
export const SOURCE_FIELDS = [
  "key",
  "text",
  "mechanism",
  "body",
  "documentSymbol",
  "paragraph",
  "cycle",
  "session",
  "recommendingStates",
  "position",
  "positionSource",
  "cluster",
  "themes",
  "affectedGroups",
  "sdgGoals",
  "sdgTargets",
  "uhriAnnotationId",
  "publicationDate",
] as const satisfies readonly (keyof RecommendationFields)[];
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** What the secretariat adds to a recommendation; an import never overwrites it. */
export const SECRETARIAT_FIELDS = [
  "leadMinistryId",
  "supportingMinistryIds",
  "status",
  "statusHistory",
  "actionPlanReference",
  "developmentPlanReference",
  "sharedWithObservers",
] as const satisfies readonly (keyof RecommendationFields)[];

/** List fields whose order carries no meaning: compared as sets. */
export const SET_FIELDS = ["recommendingStates", "themes", "affectedGroups", "sdgGoals", "sdgTargets"] as const satisfies readonly SourceField[];

/**
 * A recommendation as a file gives it. A field left undefined is one the file does not give
 * (e.g. a cycle 2 thematic list has no SDGs): a re-import leaves it as it is.
 */
export type ImportedFields = Pick<RecommendationFields, "key" | "text" | "mechanism" | "documentSymbol" | "paragraph"> &
  Partial<Pick<RecommendationFields, Exclude<SourceField, "key" | "text" | "mechanism" | "documentSymbol" | "paragraph">>>;

interface RowPlace {
  /**
   * Where the row is in the file, counted as its program shows it: the table row in Word
   * (the header row is 1), the spreadsheet row in Excel and in a CSV (the header is row 1).
   */
  row: number;
  /** The table, when a Word document has more than one (1-based). */
  table?: number;
  /** How a person finds it: the paragraph number (e.g. `140.7`) or the UHRI annotation id. */
  ref?: string;
}

export interface ValidRow extends RowPlace {
  ok: true;
  fields: ImportedFields;
  /** What was read with doubt or left out (an unknown SDG, a date that is not a date). */
  warnings: string[];
  /** The later rows of the same recommendation merged into this one (a file with one row per recommending State). */
  mergedRows?: number[];
}

export interface InvalidRow extends RowPlace {
  ok: false;
  reasons: string[];
}

export type ParsedRow = ValidRow | InvalidRow;

/** A file read and parsed into rows: what preview and commit work on. Pure data, serializable. */
export interface ParsedImport {
  format: ImportFormat;
  /** The OHCHR layout detected from the header row (`cycle-2`, `cycle-3`, `cycle-4`). */
  layout?: string;
  fileName?: string;
  /** What the file says about itself (the State under review, the UPR cycle and session). */
  source: { country?: string; cycle?: number; session?: number };
  /** Every data row in file order, valid or not (headings and blank rows are not rows). */
  rows: ParsedRow[];
  /** The theme cluster headings, each once, in the order they first appear. */
  clusters: string[];
  /** What concerns the whole file. */
  warnings: string[];
}

/** What an import would do (or did) with one row. */
export type RowOutcome = "new" | "unchanged" | "changed" | "duplicate" | "invalid";

export interface PreviewRow extends RowPlace {
  outcome: RowOutcome;
  key?: string;
  /** The stored recommendation this row matches. */
  existingId?: string;
  /** For `changed`: each source field that differs, with the stored and the file's value. */
  changes?: FieldChange[];
  /** For `duplicate`: the row that already gave this recommendation, and what differs from it. */
  duplicateOf?: number;
  differsFromFirst?: string[];
  /** For `invalid`: why. */
  reasons?: string[];
  warnings?: string[];
  /** The recommendation as the file gives it (valid rows). */
  fields?: ImportedFields;
}

export type PositionCounts = Record<UprPosition | "none", number>;

/** The figures of a preview; `npx nmirf import --json` prints them. */
export interface ImportSummary {
  /** Data rows read. */
  total: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  invalid: number;
  /** By position, over the distinct valid recommendations of the file. */
  position: PositionCounts;
  /** Distinct theme clusters. */
  clusters: number;
}

export interface ImportPreview extends ImportSummary {
  format: ImportFormat;
  layout?: string;
  fileName?: string;
  source: ParsedImport["source"];
  clusterNames: string[];
  rows: PreviewRow[];
  warnings: string[];
}
