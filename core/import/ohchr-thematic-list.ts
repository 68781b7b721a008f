/**
 * The OHCHR "thematic list of recommendations" of a UPR review: a Word table generated from
 * the Universal Human Rights Index, one row per recommendation under theme cluster heading
 * rows. OHCHR changed the columns between cycles; the layout is recognized from the header row:
 *
 * - cycle 4 ("Recommendation and recommending State" | "Position of the State under review" |
 *   "Human rights themes and groups of persons" | "Relevant SDGs"): themes as "- " lines, then
 *   "Groups of Persons:" and its lines; SDGs in their own column ("- 16 - PEACE, …").
 * - cycles 2 and 3 ("Recommendation" | "Position" | "Full list of themes" | "Assessment/comments
 *   on level of implementation"): the themes cell also holds "SDGs:" (cycle 3) and "Affected
 *   persons:"; cycle 2 codes its themes ("A12 Acceptance of international norms"), has no SDGs
 *   and lists the States in one pair of parentheses ("(Spain, Tunisia, Portugal)"). The two
 *   share their header row and are told apart by the coded themes.
 *
 * In all of them the recommendation cell starts with the paragraph number ("140.7 Ratify …"),
 * ends with the recommending States in parentheses, and has a second paragraph "Source of
 * Position: A/HRC/59/15/Add.1 - Para.3". The recommendations' document is the Working Group
 * report, whose symbol is that source without its "/Add.1".
 *
 * Pure: the reader (importers/) hands over the document's paragraphs and table rows, each
 * cell as its lines.
 */
import { ValidationError } from "../errors";
import { uprCycleOfSession, normalizeLabel } from "../records/taxonomy";
import { finishRow, newDraft, type RowDraft } from "./finish-row";
import type { ParsedImport } from "./import-types";
import { addUnique, cleanText, groupLabel, hasThemeCode, parsePosition, parseSdgs, splitParagraph, stripBullet, themeLabel } from "./labels";
import { splitRecommendingStates } from "./recommending-states";

export type WordBlock =
  | { kind: "paragraph"; text: string }
  /** A table row; each cell is its lines (paragraphs and line breaks), in column order. */
  | { kind: "row"; table: number; row: number; cells: string[][] };

export interface WordDocumentContent {
  /** The page headers' paragraphs (OHCHR writes "UPR of Slovenia (4th Cycle - 48th Session)" there). */
  headers: string[];
  /** The body in document order: paragraphs between tables and every table row. */
  blocks: WordBlock[];
}

export interface ThematicListOptions {
  fileName?: string;
  /** The Working Group report's symbol, when the list gives no "Source of position" to take it from. */
  documentSymbol?: string;
  /** The UPR session, when the page header does not say. */
  session?: number;
}

type ColumnRole = "recommendation" | "position" | "themes" | "sdgs" | "assessment";

interface LayoutFamily {
  id: "cycle-4" | "cycle-2-3";
  headers: Record<string, ColumnRole>;
}

const LAYOUT_FAMILIES: LayoutFamily[] = [
  {
    id: "cycle-4",
    headers: {
      "recommendation and recommending state": "recommendation",
      "position of the state under review": "position",
      "human rights themes and groups of persons": "themes",
      "relevant sdgs": "sdgs",
    },
  },
  {
    id: "cycle-2-3",
    headers: {
      recommendation: "recommendation",
      position: "position",
      "full list of themes": "themes",
      "assessment/comments on level of implementation": "assessment",
    },
  },
];

/** The header rows this importer knows, as OHCHR writes them (for messages and docs). */
export const KNOWN_HEADER_ROWS = {
  "cycle-4": ["Recommendation and recommending State", "Position of the State under review", "Human rights themes and groups of persons", "Relevant SDGs"],
  "cycle-2-3": ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"],
} as const;

interface ActiveLayout {
  family: LayoutFamily["id"];
  columns: Partial<Record<ColumnRole, number>>;
  width: number;
}

function headerKey(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/\s*\/\s*/g, "/")
    .replace(/[\s\u00A0]+/g, " ")
    .replace(/[\s:*]+$/, "")
    .trim();
}

function matchHeader(cells: string[]): ActiveLayout | undefined {
  const keys = cells.map(headerKey);
  const nonEmpty = keys.filter(Boolean);
  for (const family of LAYOUT_FAMILIES) {
    const expected = Object.keys(family.headers);
    if (nonEmpty.length !== expected.length || !expected.every((key) => keys.includes(key))) continue;
    const columns: ActiveLayout["columns"] = {};
    keys.forEach((key, index) => {
      const role = family.headers[key];
      if (role) columns[role] = index;
    });
    return { family: family.id, columns, width: cells.length };
  }
  return undefined;
}

const SOURCE_LINE = /^\s*source of position\s*:?\s*(.*)$/i;
const THEME_HEADING = /^\s*theme\s*:\s*(.+)$/i;

interface PositionSource {
  /** As stored: "A/HRC/59/15/Add.1, para. 3". */
  label: string;
  /** The report the recommendations are in: the source without "/Add.N". */
  reportSymbol?: string;
}

/** "A/HRC/59/15/Add.1 - Para.3", "A/HRC/43/15 - Para 121", "A/HRC/28/15/Add.1 - Para. 3". */
export function parsePositionSource(raw: string): PositionSource | undefined {
  const text = normalizeLabel(raw);
  if (!text) return undefined;
  const symbol = /[A-Za-z][A-Za-z0-9]*(?:\/[A-Za-z0-9.()-]+)+/.exec(text)?.[0]?.replace(/[.,]+$/, "");
  const para = /para(?:graph)?s?\.?\s*(\d+(?:\.\d+)*)/i.exec(text)?.[1];
  if (!symbol) return { label: text.slice(0, 255) };
  return {
    label: para ? `${symbol}, para. ${para}` : symbol,
    reportSymbol: symbol.replace(/\/Add\.\s*\d+$/i, ""),
  };
}

interface DocumentFacts {
  country?: string;
  cycle?: number;
  session?: number;
}

/** "UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations". */
export function readDocumentFacts(texts: readonly string[]): DocumentFacts {
  const facts: DocumentFacts = {};
  for (const raw of texts) {
    const text = normalizeLabel(raw);
    if (!text) continue;
    facts.country ??= /\bUPR of\s+(.+?)\s*\(/i.exec(text)?.[1]?.trim();
    const cycle = /(\d)\s*(?:st|nd|rd|th)?\s*cycle/i.exec(text)?.[1];
    if (cycle && facts.cycle === undefined) facts.cycle = Number(cycle);
    const session = /(\d{1,3})\s*(?:st|nd|rd|th)?\s*session/i.exec(text)?.[1];
    if (session && facts.session === undefined) facts.session = Number(session);
  }
  return facts;
}

function nonEmptyCells(cells: string[][]): string[] {
  return cells.map((lines) => normalizeLabel(lines.join(" "))).filter(Boolean);
}

/** A theme cluster heading row: one cell with text, "Theme: …" (or a lone merged cell with no paragraph number). */
function headingOf(cells: string[][]): string | undefined {
  const texts = nonEmptyCells(cells);
  if (texts.length !== 1) return undefined;
  const text = texts[0]!;
  const theme = THEME_HEADING.exec(text);
  if (theme) return theme[1]!;
  if (cells.length === 1 && !splitParagraph(text).paragraph) return text;
  return undefined;
}

interface Sections {
  themes: string[];
  groups: string[];
  sdgs: string[];
  hadSdgSection: boolean;
}

/** The themes cell: "- theme" lines, then "Groups of Persons:" / "Affected persons:" and "SDGs:" sections. */
function readThemesCell(lines: readonly string[]): Sections {
  const sections: Sections = { themes: [], groups: [], sdgs: [], hadSdgSection: false };
  let current: "themes" | "groups" | "sdgs" = "themes";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const groups = /^(?:groups? of persons|affected persons)\s*:\s*(.*)$/i.exec(line);
    const sdgs = /^sdgs?\s*:\s*(.*)$/i.exec(line);
    if (groups) {
      current = "groups";
      if (stripBullet(groups[1]!)) sections.groups.push(groups[1]!);
    } else if (sdgs) {
      current = "sdgs";
      sections.hadSdgSection = true;
      if (stripBullet(sdgs[1]!)) sections.sdgs.push(sdgs[1]!);
    } else {
      sections[current].push(line);
    }
  }
  return sections;
}

interface RowReading {
  draft: RowDraft;
  reportSymbol?: string;
  hadSdgSection: boolean;
}

function readDataRow(layout: ActiveLayout, cells: string[][], place: { table: number; row: number; tables: number }, cluster: string | undefined): RowReading {
  const draft = newDraft(place.row, place.tables > 1 ? place.table : undefined);
  const cell = (role: ColumnRole): string[] => {
    const index = layout.columns[role];
    return index === undefined ? [] : (cells[index] ?? []);
  };
  const recommendationLines = cell("recommendation");
  const positionLines = cell("position");

  let source: PositionSource | undefined;
  for (const line of [...recommendationLines, ...positionLines]) {
    const match = SOURCE_LINE.exec(line);
    if (match) source ??= parsePositionSource(match[1]!);
  }

  const text = cleanText(recommendationLines.filter((line) => !SOURCE_LINE.test(line)).join("\n"));
  const { paragraph, text: withoutNumber } = splitParagraph(text);
  draft.ref = paragraph;
  if (!text) draft.reasons.push("the recommendation cell is empty");
  else if (!paragraph) draft.reasons.push(`the recommendation does not start with its paragraph number (e.g. "140.7 …"): "${text.slice(0, 60)}"`);
  const { text: recommendation, states } = splitRecommendingStates(withoutNumber);
  if (text && states.length === 0) draft.warnings.push("no recommending State in parentheses at the end of the text");

  const position = parsePosition(positionLines);
  if (position.unknown) draft.reasons.push(`the position "${position.unknown.slice(0, 60)}" is not Supported, Supported in part or Noted`);
  else if (!position.position) draft.warnings.push("no position given");

  const sections = readThemesCell(cell("themes"));
  const sdgLines = layout.columns.sdgs !== undefined ? cell("sdgs") : sections.sdgs;
  const sdgs = parseSdgs(sdgLines);
  for (const unknown of sdgs.unknown) draft.warnings.push(`"${unknown.slice(0, 60)}" is not an SDG`);

  const assessment = normalizeLabel(cell("assessment").join(" "));
  if (assessment) draft.warnings.push(`the assessment column has text, which the import does not keep: "${assessment.slice(0, 60)}"`);

  draft.fields = {
    text: recommendation,
    paragraph,
    mechanism: "UPR",
    recommendingStates: states,
    position: position.position,
    positionSource: source?.label,
    cluster,
    themes: addUnique([], sections.themes.map(themeLabel)),
    affectedGroups: addUnique([], sections.groups.map(groupLabel)),
    sdgGoals: sdgs.goals,
    sdgTargets: sdgs.targets,
  };
  return { draft, reportSymbol: source?.reportSymbol, hadSdgSection: sections.hadSdgSection || layout.columns.sdgs !== undefined };
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

function describeFound(firstRows: string[][]): string {
  return firstRows.map((cells, index) => `table ${index + 1}: ${cells.length ? cells.map((c) => `"${c.slice(0, 60)}"`).join(" | ") : "(empty row)"}`).join("; ");
}

/**
 * Reads an OHCHR thematic list. Throws a ValidationError when no table has a header row of a
 * known layout (naming the header cells found) or when the table holds no recommendation.
 */
export function parseOhchrThematicList(document: WordDocumentContent, options: ThematicListOptions = {}): ParsedImport {
  const tables = new Set(document.blocks.filter((block) => block.kind === "row").map((block) => block.table)).size;
  const readings: RowReading[] = [];
  const clusters: string[] = [];
  const firstRows = new Map<number, string[]>();
  const families = new Set<ActiveLayout["family"]>();
  const headingLabels: string[] = [];
  let layout: ActiveLayout | undefined;
  let cluster: string | undefined;

  const enterCluster = (raw: string) => {
    headingLabels.push(normalizeLabel(raw));
    cluster = themeLabel(raw).slice(0, 255) || undefined;
    if (cluster) addUnique(clusters, [cluster]);
  };

  for (const block of document.blocks) {
    if (block.kind === "paragraph") {
      const heading = THEME_HEADING.exec(block.text);
      if (heading) enterCluster(heading[1]!);
      continue;
    }
    const texts = block.cells.map((lines) => normalizeLabel(lines.join(" ")));
    if (!firstRows.has(block.table)) firstRows.set(block.table, texts);
    const header = matchHeader(texts);
    if (header) {
      layout = header;
      families.add(header.family);
      continue;
    }
    if (!layout) continue;
    const heading = headingOf(block.cells);
    if (heading !== undefined) {
      enterCluster(heading);
      continue;
    }
    if (nonEmptyCells(block.cells).length === 0) continue;
    readings.push(readDataRow(layout, block.cells, { table: block.table, row: block.row, tables }, cluster));
  }

  if (!layout && firstRows.size === 0) {
    throw new ValidationError("This Word document has no table, so it is not an OHCHR thematic list of recommendations.", [{ path: "file", message: "no table" }]);
  }
  if (!layout) {
    throw new ValidationError(
      `This is not an OHCHR thematic list this importer knows: no table has the header row of the cycle 2, 3 or 4 layout. Found ${describeFound([...firstRows.values()])}. ` +
        `Expected "${KNOWN_HEADER_ROWS["cycle-4"].join(" | ")}" (cycle 4) or "${KNOWN_HEADER_ROWS["cycle-2-3"].join(" | ")}" (cycles 2 and 3).`,
      [{ path: "file", message: "no recognizable header row" }],
    );
  }
  if (readings.length === 0) {
    throw new ValidationError("The thematic list's table has its header row but no recommendation under it.", [{ path: "file", message: "no recommendations" }]);
  }

  const warnings: string[] = [];
  const facts = readDocumentFacts([...document.headers, ...document.blocks.filter((b) => b.kind === "paragraph").slice(0, 30).map((b) => b.text)]);
  const session = options.session ?? facts.session;
  let cycle = facts.cycle;
  if (session !== undefined) {
    const derived = uprCycleOfSession(session);
    if (cycle !== undefined && cycle !== derived) warnings.push(`the document says cycle ${cycle}, but session ${session} belongs to cycle ${derived}: cycle ${derived} is used`);
    cycle = derived;
  } else {
    warnings.push("the document does not say which UPR session it is from: give the session to record it");
  }

  const sources = readings.map((reading) => reading.reportSymbol);
  const documentSymbol = options.documentSymbol?.trim() || mostCommon(sources);
  if (!documentSymbol) {
    warnings.push("the list gives no \"Source of position\" from which to take the Working Group report's symbol: give the symbol (e.g. A/HRC/59/15) with the import");
  } else if (!options.documentSymbol && new Set(sources.filter(Boolean)).size > 1) {
    warnings.push(`the positions cite more than one report; the recommendations are recorded under ${documentSymbol}, the one most rows cite`);
  }

  // Cycle 2 and cycle 3 share their header row: cycle 2 coded its themes ("A12 …").
  const coded = headingLabels.filter(hasThemeCode).length;
  const family = [...families][0]!;
  const layoutId = family === "cycle-4" ? "cycle-4" : coded > 0 && coded >= headingLabels.length / 2 ? "cycle-2" : "cycle-3";
  const givesSdgs = readings.some((reading) => reading.hadSdgSection);
  if (families.size > 1) warnings.push("the document mixes tables of different layouts");

  const rows = readings.map(({ draft }) => {
    draft.fields.documentSymbol = documentSymbol;
    draft.fields.session = session;
    draft.fields.cycle = cycle;
    if (!givesSdgs) {
      delete draft.fields.sdgGoals;
      delete draft.fields.sdgTargets;
    }
    if (!documentSymbol) draft.reasons.push("no document symbol: the list gives no \"Source of position\"; give the Working Group report's symbol with the import");
    return finishRow(draft);
  });

  return {
    format: "ohchr-docx",
    layout: layoutId,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    source: { ...(facts.country ? { country: facts.country } : {}), ...(cycle !== undefined ? { cycle } : {}), ...(session !== undefined ? { session } : {}) },
    rows,
    clusters,
    warnings,
  };
}
