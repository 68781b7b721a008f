import { SYSTEM_ACTOR } from "../auth/policy";
import type { Stored } from "../records/common";
import { queryAll } from "../ports/repository";
import { withFreshRead } from "../ports/retry-on-conflict";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { audit } from "../audit/audit";
import type { OutboxEntryFields } from "../outbox/outbox-entry";
import { requestCardKeyPrefix } from "./create-requests";
import type { RequestFields, UndeliverableReason } from "./request";
import { applyRequestEvent } from "./request-lifecycle";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

export type CardOutcome = { delivered: true; at: string } | { delivered: false; reason: UndeliverableReason; detail: string };

/**
 * What became of one of a request's cards, as the outbox learnt it: the request is `sent` once
 * Teams accepted any of its cards, and `undeliverable` once none is left that could still go out
 * and none went out. Other states (seen, answered...) are left as they are.
 */
export async function recordCardOutcome(deps: Deps, requestId: string, outcome: CardOutcome): Promise<Stored<RequestFields> | undefined> {
  return withFreshRead(async () => {
    const request = await deps.repos.requests.get(requestId);
    if (outcome.delivered) {
      const changes = applyRequestEvent(request, { type: "deliver", at: outcome.at });
      return Object.keys(changes).length ? deps.repos.requests.update(request.id, changes, request.eTag) : request;
    }
    const cards = await cardsOf(deps, request.id);
    if (cards.some((card) => card.status === "sent" || card.status === "pending" || card.status === "sending")) return request;
    const changes = applyRequestEvent(request, { type: "fail-delivery", reason: outcome.reason, detail: outcome.detail.slice(0, 4000) });
    if (Object.keys(changes).length === 0 || (request.status === "undeliverable" && request.undeliverableReason === outcome.reason)) return request;
    const updated = await deps.repos.requests.update(request.id, changes, request.eTag);
    await audit(deps, SYSTEM_ACTOR, {
      action: "request.undeliverable",
      entity: "requests",
      entityId: request.id,
      summary: `No card of request ${request.id} could be delivered (${outcome.reason}): ${outcome.detail}`,
      changes: [{ field: "status", from: request.status, to: updated.status }],
    });
    return updated;
  });
}

async function cardsOf(deps: Deps, requestId: string): Promise<Stored<OutboxEntryFields>[]> {
  return queryAll(deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: requestCardKeyPrefix(requestId) }] });
}

/**
 * Requests still `queued` whose cards were settled while nobody recorded it (the process died
 * between the outbox's write and the request's): brought in line with their cards. Run with the
 * recovery of operations.
 */
export async function reconcileQueuedRequests(deps: Deps): Promise<number> {
  const queued = await queryAll(deps.repos.requests, { where: [{ field: "status", op: "eq", value: "queued" }] });
  let changed = 0;
  for (const request of queued) {
    const cards = await cardsOf(deps, request.id);
    const sent = cards.filter((card) => card.status === "sent" && card.sentAt).sort((a, b) => a.sentAt!.localeCompare(b.sentAt!))[0];
    if (sent) {
      await recordCardOutcome(deps, request.id, { delivered: true, at: sent.sentAt! });
      changed += 1;
    } else if (cards.length > 0 && cards.every((card) => card.status === "undeliverable" || card.status === "cancelled")) {
      await recordCardOutcome(deps, request.id, { delivered: false, reason: "unreachable", detail: cards[0]!.lastError ?? "the card could not be delivered" });
      changed += 1;
    }
  }
  return changed;
}
