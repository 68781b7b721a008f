/**
 * The Universal Human Rights Index export (Excel, CSV or JSON): one row per annotation, with the
 * export's own column names, "Reccomending" spelling included. Multi-value cells hold one
 * value per line, each starting with "- "; dates are Excel serial numbers.
 */
import { ValidationError } from "../errors";
import { uprCycleOfSession, type Mechanism } from "../records/taxonomy";
import { finishRow, newDraft } from "./finish-row";
import type { ParsedImport } from "./import-types";
import { addUnique, cleanText, groupLabel, parseBody, parseDate, parsePosition, parseSdgs, parseSession, splitMultiValue, splitParagraph, themeLabel } from "./labels";
import { canonicalStateName, splitRecommendingStates } from "./recommending-states";
import { cellText, describeHeaders, locateColumns, type Table } from "./table";

/** The export's columns as UHRI names them (DOMAIN.md), in the export's order. */
export const UHRI_COLUMNS = [
  "Text",
  "Countries Concerned",
  "Reccomending Body",
  "Document Symbol",
  "Themes",
  "Affected Persons",
  "Sdgs",
  "Document Publication Date",
  "UPR Reccomending States",
  "UPR Position",
  "Type",
  "OHCHR Annotation Id",
  "UPR Session",
  "Regions Concerned",
  "Recommending Regions",
  "Date of publication on UHRI",
] as const;

/** Each column the import reads, by the names it accepts (the export's, the corrected spelling, the JSON export's key). */
const COLUMN_NAMES = {
  text: ["Text"],
  countries: ["Countries Concerned", "Countries"],
  body: ["Reccomending Body", "Recommending Body", "Body"],
  documentSymbol: ["Document Symbol", "Symbol"],
  themes: ["Themes"],
  affectedPersons: ["Affected Persons", "AffectedPersons"],
  sdgs: ["Sdgs", "SDGs"],
  publicationDate: ["Document Publication Date", "PublicationDate"],
  states: ["UPR Reccomending States", "UPR Recommending States", "UprRecommendingCountry"],
  position: ["UPR Position", "UprPositions"],
  type: ["Type", "AnnotationType"],
  annotationId: ["OHCHR Annotation Id", "AnnotationId"],
  session: ["UPR Session", "UprSession"],
  paragraph: ["Paragraph"],
} as const;

type Column = keyof typeof COLUMN_NAMES;

/** Whether a header row is a UHRI export's: it has Text and Document Symbol, and a UHRI-only column. */
export function isUhriHeader(headers: readonly string[]): boolean {
  const found = locateColumns(headers, COLUMN_NAMES);
  return found.text !== undefined && found.documentSymbol !== undefined && (found.annotationId !== undefined || found.body !== undefined || found.position !== undefined);
}

export interface UhriOptions {
  format: "uhri-xlsx" | "uhri-csv" | "uhri-json";
  fileName?: string;
  /** The mechanism of rows whose body and symbol do not tell. */
  mechanism?: Mechanism;
}

export function parseUhriExport(table: Table, options: UhriOptions): ParsedImport {
  const columns = locateColumns(table.headers, COLUMN_NAMES);
  const missing = (["text", "documentSymbol"] as const).filter((name) => columns[name] === undefined);
  if (missing.length) {
    throw new ValidationError(
      `This is not a UHRI export: it has no ${missing.map((name) => `"${COLUMN_NAMES[name][0]}"`).join(" or ")} column. Found ${describeHeaders(table.headers)}.`,
      missing.map((name) => ({ path: `columns.${name}`, message: `missing column "${COLUMN_NAMES[name][0]}"` })),
    );
  }
  const warnings: string[] = [];
  if (columns.annotationId === undefined) warnings.push('the export has no "OHCHR Annotation Id" column: rows are matched by document symbol and paragraph only');

  const countries = new Set<string>();
  const sessions = new Set<number>();
  const rows = table.rows.map(({ row, values }) => {
    const get = (column: Column) => {
      const index = columns[column];
      return index === undefined ? undefined : values[index];
    };
    const text = (column: Column) => cellText(get(column));
    const list = (column: Column) => (columns[column] === undefined ? undefined : splitMultiValue(text(column)));

    const draft = newDraft(row);
    const annotationId = text("annotationId") || undefined;
    const documentSymbol = text("documentSymbol").replace(/\s+/g, "") || undefined;
    for (const country of list("countries") ?? []) countries.add(country);

    const { mechanism: bodyMechanism, body } = parseBody(text("body") || undefined, documentSymbol);
    const session = parseSession(get("session"));
    const mechanism: Mechanism | undefined = bodyMechanism ?? (session !== undefined || text("position") ? "UPR" : options.mechanism);
    if (!mechanism) draft.reasons.push(text("body") ? `the recommending body "${text("body").slice(0, 60)}" is not a mechanism the product knows; give the mechanism with the import` : "no recommending body: give the mechanism with the import");

    const raw = cleanText(text("text"));
    const numbered = splitParagraph(raw);
    const paragraph = text("paragraph") || numbered.paragraph;
    draft.ref = paragraph ?? annotationId;
    if (!raw) draft.reasons.push("the Text cell is empty");
    else if (!paragraph) draft.reasons.push(`the text does not start with its paragraph number (e.g. "140.7 …"), so the recommendation cannot be keyed by document symbol and paragraph: "${raw.slice(0, 60)}"`);

    draft.fields = { text: numbered.text, documentSymbol, paragraph, mechanism, body, uhriAnnotationId: annotationId };
    if (mechanism === "UPR") {
      const listed = (list("states") ?? []).map(canonicalStateName);
      const split = splitRecommendingStates(numbered.text, listed);
      const states = addUnique([...listed], split.states);
      draft.fields.text = listed.length || split.states.length ? split.text : numbered.text;
      draft.fields.recommendingStates = states;
      const position = parsePosition(list("position") ?? []);
      if (position.unknown) draft.reasons.push(`the UPR position "${position.unknown.slice(0, 60)}" is not Supported, Supported in part or Noted`);
      draft.fields.position = position.position;
      if (session !== undefined) {
        sessions.add(session);
        draft.fields.session = session;
        draft.fields.cycle = uprCycleOfSession(session);
      }
    }
    if (columns.themes !== undefined) draft.fields.themes = addUnique([], list("themes")!.map(themeLabel));
    if (columns.affectedPersons !== undefined) draft.fields.affectedGroups = addUnique([], list("affectedPersons")!.map(groupLabel));
    if (columns.sdgs !== undefined) {
      const sdgs = parseSdgs(list("sdgs")!);
      draft.fields.sdgGoals = sdgs.goals;
      draft.fields.sdgTargets = sdgs.targets;
      for (const unknown of sdgs.unknown) draft.warnings.push(`"${unknown.slice(0, 60)}" is not an SDG`);
    }
    if (columns.publicationDate !== undefined && text("publicationDate")) {
      const date = parseDate(get("publicationDate"));
      if (date) draft.fields.publicationDate = date;
      else draft.warnings.push(`the publication date "${text("publicationDate").slice(0, 30)}" is not a date; it is left out`);
    }
    return finishRow(draft);
  });

  if (countries.size > 1) warnings.push(`the export concerns more than one country: ${[...countries].join(", ")}`);
  const onlySession = sessions.size === 1 ? [...sessions][0] : undefined;
  return {
    format: options.format,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    source: {
      ...(countries.size === 1 ? { country: [...countries][0] } : {}),
      ...(onlySession !== undefined ? { session: onlySession, cycle: uprCycleOfSession(onlySession) } : {}),
    },
    rows,
    clusters: [],
    warnings,
  };
}
