import type { WordCount } from "../core/drafts/draft";
import type { ReportType } from "../core/records/taxonomy";
import { countedParts, wordLimitFor } from "../core/drafts/word-limits";
import type { WordTally } from "./word-tally";

/**
 * The draft's words against the mechanism's limit, counted as the mechanism counts: the body
 * always; footnotes and annexes only when `countedParts` says so (for the UPR neither the
 * annexed matrix nor the notes count).
 */
export function wordCountOf(type: ReportType, tally: WordTally, reportLimit?: number): WordCount {
  const parts = countedParts(type);
  const counted = tally.body + (parts.footnotes ? tally.footnotes : 0) + (parts.annexes ? tally.annex : 0);
  const excluded = (parts.footnotes ? 0 : tally.footnotes) + (parts.annexes ? 0 : tally.annex);
  const limit = wordLimitFor(type, reportLimit);
  return limit === undefined ? { counted, excluded } : { counted, excluded, limit };
}

/** `9,812 words of 10,700; 2,310 more not counted (the annex and the footnotes)`: the count as people read it. */
export function describeWordCount(type: ReportType, count: WordCount): string {
  // Thousands separated by commas, as toLocaleString("en-US") would, without loading Intl's data.
  const n = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const over = count.limit !== undefined && count.counted > count.limit ? `, ${n(count.counted - count.limit)} over the limit` : "";
  const limit = count.limit !== undefined ? ` of ${n(count.limit)}${over}` : " (no limit set)";
  const parts = countedParts(type);
  const notCounted = [parts.annexes ? "" : "the annex", parts.footnotes ? "" : "the footnotes"].filter(Boolean).join(" and ");
  const excluded = count.excluded > 0 ? `; ${n(count.excluded)} more not counted (${notCounted})` : "";
  return `${n(count.counted)} words${limit}${excluded}`;
}
