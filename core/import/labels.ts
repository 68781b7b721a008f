/**
 * Reading the values of OHCHR and UHRI cells into the product's taxonomies: themes and
 * groups of persons as clean labels, SDGs as goal numbers and targets, positions as
 * `supported` / `supported-in-part` / `noted`, sessions as numbers with their UPR cycle,
 * dates as `YYYY-MM-DD`, bodies as mechanisms.
 */
import { foldFullwidth, INVISIBLE } from "../records/normalize";
import { MECHANISM_NAMES, MECHANISMS, normalizeLabel, TREATY_BODIES, type Mechanism, type UprPosition } from "../records/taxonomy";

/** A value cell that holds one value per line, each starting with "- " (UHRI, OHCHR). */
export function splitMultiValue(value: string | undefined, separator?: string): string[] {
  if (!value) return [];
  const lines = value.split(/\r\n|\r|\n/);
  const parts = separator ? lines.flatMap((line) => line.split(separator)) : lines;
  return parts.map(stripBullet).filter(Boolean);
}

/** "- Public officials", "• Children", "* Women" → the label; whitespace collapsed. */
export function stripBullet(line: string): string {
  return normalizeLabel(line.replace(/^\s*(?:[-–—•*·▪]\s*)+/, ""));
}

/** Cycle 2 lists coded their themes ("A12 Acceptance of international norms"); the code goes. */
export function stripThemeCode(label: string): string {
  return label.replace(/^[A-H]\d{1,2}\s+(?=\S)/, "");
}

export function hasThemeCode(label: string): boolean {
  return /^[A-H]\d{1,2}\s+\S/.test(label);
}

/** A theme as the product stores it: no bullet, no cycle-2 code, one space between words. */
export function themeLabel(raw: string): string {
  return stripThemeCode(stripBullet(raw));
}

/**
 * A group of persons: as a theme, with the first letter capitalized (cycle 3 lists write
 * "Children" and "older persons" side by side). "general" says there is no particular group.
 */
export function groupLabel(raw: string): string | undefined {
  const label = themeLabel(raw);
  if (!label || /^general$/i.test(label)) return undefined;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Adds labels to a list once each, keeping the first spelling. */
export function addUnique(list: string[], labels: Iterable<string | undefined>): string[] {
  for (const label of labels) {
    if (label && !list.some((known) => known.toLowerCase() === label.toLowerCase())) list.push(label);
  }
  return list;
}

export interface SdgValues {
  goals: number[];
  targets: string[];
  unknown: string[];
}

/**
 * SDGs as OHCHR writes them: "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "16.3 - …",
 * "Goal 5", "SDG 4". A target also counts its goal.
 */
export function parseSdgs(values: readonly string[]): SdgValues {
  const result: SdgValues = { goals: [], targets: [], unknown: [] };
  for (const raw of values) {
    const value = stripBullet(raw);
    if (!value) continue;
    const match = /^(?:sdg|goal|target)?\s*(\d{1,2})(?:\.(\d{1,2}|[a-z]))?(?![\d.])/i.exec(value);
    const goal = match ? Number(match[1]) : NaN;
    if (!match || goal < 1 || goal > 17) {
      result.unknown.push(value);
      continue;
    }
    if (!result.goals.includes(goal)) result.goals.push(goal);
    if (match[2]) {
      const target = `${goal}.${match[2].toLowerCase()}`;
      if (!result.targets.includes(target)) result.targets.push(target);
    }
  }
  result.goals.sort((a, b) => a - b);
  return result;
}

export type PositionReading = { position?: UprPosition; unknown?: string };

/**
 * The State's position. "Supported in part", "Partially supported" and a cell that gives both
 * "Supported" and "Noted" are `supported-in-part`; "Accepted" is the cycle 1 word for supported
 * and "Rejected" or "Not supported" are noted. An empty cell gives no position.
 */
export function parsePosition(values: readonly string[]): PositionReading {
  const text = values
    .map((value) => value.trim())
    .filter((value) => value && !/^source of position/i.test(value))
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  if (!text) return {};
  if (/(supported|accepted)\s*(in part|partially|partly)|(partially|partly)\s*(supported|accepted)|\bin part\b/.test(text)) return { position: "supported-in-part" };
  const noted = /\bnoted\b|\brejected\b|\bnot (supported|accepted)\b/.test(text);
  const supported = /\b(supported|accepted)\b/.test(text.replace(/\bnot (supported|accepted)\b/g, ""));
  if (supported && noted) return { position: "supported-in-part" };
  if (supported) return { position: "supported" };
  if (noted) return { position: "noted" };
  return { unknown: values.join(" ").trim() };
}

export interface ParagraphSplit {
  paragraph?: string;
  text: string;
}

/**
 * The paragraph number a recommendation's text starts with: "140.7 Ratify …" (UPR), "23. The
 * Committee recommends …", "23 (b) Adopt …" (treaty bodies, written `23(b)`).
 */
export function splitParagraph(raw: string): ParagraphSplit {
  const text = raw.trim();
  const match = /^(\d{1,4}(?:\.\d{1,5}){0,3})(?:\s*\(([a-z]{1,3})\))?[.):]?[\s\u00A0]+(?=\S)/.exec(text);
  if (!match) return { text };
  const paragraph = match[2] ? `${match[1]}(${match[2]})` : match[1]!;
  return { paragraph, text: text.slice(match[0].length).trim() };
}

/**
 * A recommendation's text as stored: NFC, no invisible characters, fullwidth digits and letters as
 * ASCII (so that `148.１` is read as paragraph 148.1), each line trimmed, runs of spaces
 * collapsed, no blank lines.
 */
export function cleanText(raw: string): string {
  return foldFullwidth(raw.normalize("NFC").replace(INVISIBLE, ""))
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00A0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** "48", 48, "48th session", "UPR 48" → 48. */
export function parseSession(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = /(\d{1,3})/.exec(value);
  const session = match ? Number(match[1]) : NaN;
  return session > 0 && session <= 200 ? session : undefined;
}

/** Excel counts days from 30 December 1899 (its 1900 leap-year bug included, which this epoch absorbs). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (year < 1945 || year > 2200) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as `YYYY-MM-DD`: an Excel serial number (45677 → 2025-01-20), a Date, an ISO date or
 * date-time, a day-first date (20/01/2025, 20.01.2025, as UN documents write them) or
 * "20 January 2025". Anything else is undefined.
 */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1) return undefined;
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000);
    return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return parseDate(Number(text));
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
    return month ? isoOf(Number(match[3]), month, Number(match[1])) : undefined;
  }
  return undefined;
}

const TREATY_BODY_SYMBOL_PREFIXES: [RegExp, Mechanism][] = [
  [/^CCPR\//i, "CCPR"],
  [/^E\/C\.12\//i, "CESCR"],
  [/^CAT\//i, "CAT"],
  [/^CRC\//i, "CRC"],
  [/^CEDAW\//i, "CEDAW"],
  [/^CERD\//i, "CERD"],
  [/^CRPD\//i, "CRPD"],
  [/^CMW\//i, "CMW"],
  [/^CED\//i, "CED"],
];

export interface BodyReading {
  mechanism?: Mechanism;
  /** The specific body, kept for special procedures and regional bodies. */
  body?: string;
}

/**
 * Which mechanism a "Reccomending Body" value names: "UPR" or "Universal Periodic Review",
 * a treaty body by acronym or name ("CRC", "Committee on the Rights of the Child"), a special
 * procedure ("Special Rapporteur on …", "Working Group on …", "Independent Expert on …").
 * Without a body, the document symbol tells a treaty body (`CRC/C/…`).
 */
export function parseBody(bodyValue: string | undefined, documentSymbol?: string): BodyReading {
  const body = normalizeLabel(bodyValue ?? "");
  if (body) {
    const lower = body.toLowerCase();
    if (/\bupr\b|universal periodic review/.test(lower)) return { mechanism: "UPR" };
    for (const mechanism of MECHANISMS) {
      if (lower === mechanism.toLowerCase() || lower === MECHANISM_NAMES[mechanism].toLowerCase()) {
        return mechanism === "SPECIAL_PROCEDURES" || mechanism === "REGIONAL" ? { mechanism, body } : { mechanism };
      }
    }
    for (const treaty of TREATY_BODIES) {
      if (new RegExp(`\\b${treaty}\\b`).test(body)) return { mechanism: treaty };
    }
    for (const treaty of TREATY_BODIES) {
      if (lower.includes(MECHANISM_NAMES[treaty].toLowerCase())) return { mechanism: treaty };
    }
    if (/special rapporteur|independent expert|working group|special procedure/.test(lower)) return { mechanism: "SPECIAL_PROCEDURES", body };
    if (/african commission|inter-american|council of europe|european committee|regional/.test(lower)) return { mechanism: "REGIONAL", body };
  }
  if (documentSymbol) {
    for (const [prefix, mechanism] of TREATY_BODY_SYMBOL_PREFIXES) if (prefix.test(documentSymbol)) return { mechanism };
  }
  return {};
}
