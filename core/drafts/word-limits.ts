import type { ReportType } from "../records/taxonomy";

/**
 * Word limits the mechanisms set (DOMAIN.md): the UPR national report 10,700 words (HRC
 * decision 17/119); treaty reports per General Assembly resolution 68/268: common core
 * 42,400, initial 31,800, periodic 21,200 (LOIPR replies are periodic reports). No limit is
 * set for the others; a report's own `wordLimit` overrides these.
 */
export const WORD_LIMITS: Record<ReportType, number | undefined> = {
  "upr-national": 10_700,
  "upr-midterm": undefined,
  "common-core": 42_400,
  "treaty-initial": 31_800,
  "treaty-periodic": 21_200,
  "loipr-replies": 21_200,
  "follow-up": undefined,
  visit: undefined,
  other: undefined,
};

export interface CountedParts {
  /** Body text: headings, paragraphs, tables in the body. Always counted. */
  body: true;
  footnotes: boolean;
  /** Annexes, e.g. the annexed matrix of recommendations. */
  annexes: boolean;
}

/**
 * Which parts count against the limit. For the UPR the annexed matrix of recommendations and
 * the endnotes do not count. For the treaty bodies annexes are not counted (they are not
 * translated) but footnotes are.
 */
export function countedParts(type: ReportType): CountedParts {
  switch (type) {
    case "upr-national":
    case "upr-midterm":
      return { body: true, footnotes: false, annexes: false };
    default:
      return { body: true, footnotes: true, annexes: false };
  }
}

export function wordLimitFor(type: ReportType, override?: number): number | undefined {
  return override ?? WORD_LIMITS[type];
}

// Scripts written without spaces between words: each character counts as a word, as Word counts them.
const ideographic = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/gu;

/**
 * Counts words as a word processor does: runs of non-space characters that hold a letter or a
 * digit (so "—" or "•" alone are not words), plus one word per ideographic character.
 */
export function countWords(text: string): number {
  const ideographs = text.match(ideographic)?.length ?? 0;
  const rest = text.replace(ideographic, " ");
  let words = 0;
  // Word counts a no-break space as part of a word ("1 200" in French, "10 700"): split at breaking spaces only.
  for (const token of rest.split(/[^\S\u00A0\u2007\u202F]+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) words += 1;
  }
  return words + ideographs;
}
