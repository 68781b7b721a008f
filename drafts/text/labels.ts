import type { ImplementationStatus, UprPosition } from "../../core/records/taxonomy";
import type { RequestStatus } from "../../core/requests/request";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2026-11-29` → `29 November 2026`, as United Nations documents write dates. */
export function formatDate(calendarDate: string): string {
  const [year, month, day] = calendarDate.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? "?"} ${year}`;
}

/** The calendar date (UTC) of an instant, as United Nations documents write dates. */
export function formatInstantDate(instant: string): string {
  return formatDate(instant.slice(0, 10));
}

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  "not-assessed": "Not assessed",
  "not-started": "Not started",
  "in-progress": "In progress",
  "partially-implemented": "Partially implemented",
  implemented: "Implemented",
  "no-longer-relevant": "No longer relevant",
};

export const POSITION_LABELS: Record<UprPosition, string> = {
  supported: "Supported",
  "supported-in-part": "Supported in part",
  noted: "Noted",
};

export const CONSULTATION_KIND_LABELS: Record<string, string> = {
  nhri: "national human rights institution",
  "civil-society": "civil society",
  parliament: "parliament",
  academia: "academia",
};

/** What a placeholder says about a request still waiting for its answer. */
export function gapNote(status: RequestStatus): string {
  switch (status) {
    case "overdue":
      return " (overdue)";
    case "escalated":
      return " (overdue; escalated to the senior focal point)";
    case "extended":
      return " (more time granted)";
    default:
      return "";
  }
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

/** 4 → `IV`: the numbers of a report's chapters. */
export function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** 1 → `A`, 27 → `AA`: the letters of a chapter's sections. */
export function letters(n: number): string {
  let rest = n;
  let out = "";
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

const MINOR_WORDS = new Set(["of", "the", "and", "for", "on", "in", "de", "la", "le", "des", "du", "et", "y", "del"]);

const initialsCache = new Map<string, string>();

/** `Ministry of Justice` → `MJ`: a comment's initials in Word. */
export function initialsOf(name: string): string {
  const cached = initialsCache.get(name);
  if (cached !== undefined) return cached;
  const initials = name
    .split(/\s+/u)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => [...word][0] ?? "")
    .join("")
    .toUpperCase();
  const result = [...initials].slice(0, 6).join("") || "?";
  // A mechanism has a few dozen ministries: the cache stays small, and is emptied if it ever is not.
  if (initialsCache.size > 1000) initialsCache.clear();
  initialsCache.set(name, result);
  return result;
}

/** `["A/HRC/59/15, 140.7", ...]` grouped: `A/HRC/59/15, paras. 140.7 and 140.9`. */
export function citeParagraphs(refs: { documentSymbol: string; paragraph: string }[]): string {
  const bySymbol = new Map<string, string[]>();
  for (const { documentSymbol, paragraph } of refs) {
    const list = bySymbol.get(documentSymbol) ?? [];
    list.push(paragraph);
    bySymbol.set(documentSymbol, list);
  }
  return [...bySymbol]
    .map(([symbol, paragraphs]) => {
      if (paragraphs.length === 1) return `${symbol}, para. ${paragraphs[0]}`;
      const last = paragraphs[paragraphs.length - 1];
      return `${symbol}, paras. ${paragraphs.slice(0, -1).join(", ")} and ${last}`;
    })
    .join("; ");
}
