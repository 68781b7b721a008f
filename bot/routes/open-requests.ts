import { queryAll, type Repositories } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { RequestFields } from "../../core/requests/request";
import { isOpen, isUnanswered } from "../../core/requests/request-lifecycle";
import type { Persona } from "../people/persona";
import { loadRequestView, type RequestView } from "../views/request-view";

/** The viewer may answer this request: an active focal point of its ministry, and it is open. */
export function canAnswer(persona: Persona, request: Pick<RequestFields, "ministryId" | "status">): boolean {
  return persona.actor.ministryIds.includes(request.ministryId) && isOpen(request.status);
}

/** The open requests of the person's ministries: those waiting for an answer first, the soonest due first. */
export async function openRequestsOf(repos: Repositories, persona: Persona): Promise<RequestView[]> {
  const requests: Stored<RequestFields>[] = [];
  for (const ministryId of persona.actor.ministryIds) {
    const ofMinistry = await queryAll(repos.requests, { where: [{ field: "ministryId", op: "eq", value: ministryId }] });
    requests.push(...ofMinistry.filter((request) => isOpen(request.status)));
  }
  requests.sort(
    (a, b) => Number(isUnanswered(b.status)) - Number(isUnanswered(a.status)) || a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id),
  );
  return Promise.all(requests.map((request) => loadRequestView(repos, request)));
}

/** What a typed answer or a file most likely belongs to: the requests still waiting, else every open one. */
export function answerCandidates(views: RequestView[]): RequestView[] {
  const waiting = views.filter((view) => isUnanswered(view.request.status));
  return waiting.length ? waiting : views;
}
