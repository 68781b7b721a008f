/**
 * What waits for the secretariat's decision on a request: a ministry's ask for more time, a
 * ministry saying the request is not theirs, a card that reached nobody, an escalation, an answer
 * not yet accepted. Pure: the tab shows the same words the API lists.
 */
import type { RequestFields } from "./request";
import { isOpen } from "./request-lifecycle";

export const DECISION_KINDS = ["more-time", "declined", "undeliverable", "escalated", "answer-to-review"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** The decisions a request waits for, most pressing first (none for a closed request). */
export function decisionsWaiting(request: Pick<RequestFields, "status" | "moreTimeRequestedUntil" | "latestVersion" | "acceptedVersion">): DecisionKind[] {
  if (!isOpen(request.status)) return [];
  const kinds: DecisionKind[] = [];
  if (request.status === "declined") kinds.push("declined");
  if (request.status === "undeliverable") kinds.push("undeliverable");
  if (request.moreTimeRequestedUntil && request.status !== "answered") kinds.push("more-time");
  if (request.status === "escalated") kinds.push("escalated");
  if (request.status === "answered" && request.latestVersion > 0 && (request.acceptedVersion ?? 0) < request.latestVersion) kinds.push("answer-to-review");
  return kinds;
}
