import type { Actor } from "../auth/policy";
import type { DraftContent, DraftRenderer, RenderedDraft } from "../drafts/draft-content";
import { FakeClock, InMemoryDocumentStore, StaticDirectory } from "../in-memory/fakes";
import { createInMemoryRepositories } from "../in-memory/in-memory-repositories";
import type { AppRole } from "../ports/directory";
import type { Stored } from "../records/common";
import type { MinistryFields } from "../ministries/ministry";
import type { RecommendationFields, RecommendationInput } from "../recommendations/recommendation";
import { recommendationKey } from "../recommendations/recommendation";
import type { ReportFields, ReportInput } from "../reports/report";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { countWords } from "../drafts/word-limits";
import { queryAll } from "../ports/repository";
import { recordCardOutcome } from "../requests/record-delivery";

/** A renderer for use-case tests: the "document" is the content as JSON, the count is real. */
export class JsonDraftRenderer implements DraftRenderer {
  readonly rendered: DraftContent[] = [];
  async render(content: DraftContent): Promise<RenderedDraft> {
    this.rendered.push(content);
    const text = content.items.flatMap((item) => item.answers.map((a) => a.text)).join(" ");
    return { content: new TextEncoder().encode(JSON.stringify(content)), wordCount: { counted: countWords(text), excluded: 0, limit: content.report.wordLimit } };
  }
}

export interface Person {
  actor: Actor;
}

/**
 * A small mechanism for tests: a secretariat officer, a chair, an observer, and three
 * ministries each with a technical and a senior focal point. Time starts on 2 March 2026, 09:00 UTC.
 */
export async function buildWorld(options: { start?: string } = {}) {
  const clock = new FakeClock(options.start ?? "2026-03-02T09:00:00.000Z");
  const repos = createInMemoryRepositories();
  const documents = new InMemoryDocumentStore(clock);
  const renderer = new JsonDraftRenderer();

  const people: { id: string; displayName: string; email: string; roles: AppRole[] }[] = [
    { id: "sec-1", displayName: "Sara Secretariat", email: "sara@gov.example", roles: ["Secretariat"] },
    { id: "chair-1", displayName: "Carla Chair", email: "carla@gov.example", roles: ["Chair"] },
    { id: "obs-1", displayName: "Omar Observer", email: "omar@nhri.example", roles: ["Observer"] },
    { id: "admin-1", displayName: "Ada Admin", email: "ada@gov.example", roles: ["Admin"] },
  ];
  const ministryNames = ["Ministry of Justice", "Ministry of Education", "Ministry of Women's Affairs"];
  const ministries: Stored<MinistryFields>[] = [];
  for (const name of ministryNames) ministries.push(await repos.ministries.create({ name }));
  const focalPoints: Record<string, { technical: Actor; senior: Actor }> = {};
  for (const [index, ministry] of ministries.entries()) {
    const pair = {} as { technical: Actor; senior: Actor };
    for (const role of ["technical", "senior"] as const) {
      const id = `fp-${index + 1}-${role}`;
      const displayName = `${role === "technical" ? "Tess" : "Sam"} ${ministry.name.split(" ").pop()}`;
      await repos.focalPoints.create({ ministryId: ministry.id, role, userId: id, displayName, email: `${id}@gov.example`, activeFrom: "2026-01-01T00:00:00.000Z" });
      people.push({ id, displayName, email: `${id}@gov.example`, roles: [] });
      pair[role] = { userId: id, displayName, roles: [], ministryIds: [ministry.id] };
    }
    focalPoints[ministry.id] = pair;
  }
  const directory = new StaticDirectory(people);
  const actorOf = (id: string): Actor => {
    const person = people.find((p) => p.id === id)!;
    return { userId: person.id, displayName: person.displayName, email: person.email, roles: person.roles, ministryIds: [] };
  };
  const deps: UseCaseDeps = { repos, clock, directory, documents, renderer };

  let paragraph = 0;
  async function addRecommendation(overrides: Partial<RecommendationInput> = {}): Promise<Stored<RecommendationFields>> {
    paragraph += 1;
    const documentSymbol = overrides.documentSymbol ?? "A/HRC/59/15";
    const para = overrides.paragraph ?? `140.${paragraph}`;
    return repos.recommendations.create({
      key: recommendationKey(documentSymbol, para),
      text: `Recommendation number ${paragraph} on the rights of the child`,
      mechanism: "UPR",
      documentSymbol,
      paragraph: para,
      cycle: 4,
      position: "supported",
      cluster: "Rights of the child",
      leadMinistryId: ministries[0]!.id,
      ...overrides,
    });
  }

  async function addReport(overrides: Partial<ReportInput> = {}): Promise<Stored<ReportFields>> {
    return repos.reports.create({
      title: "UPR national report, cycle 5",
      mechanism: "UPR",
      type: "upr-national",
      dueDate: "2026-12-01",
      timeZone: "Europe/Ljubljana",
      wordLimit: 10_700,
      cycle: 5,
      createdAt: clock.now().toISOString(),
      ...overrides,
    });
  }

  /**
   * What the bot's outbox does, for use-case tests: every pending card is sent, and a request
   * becomes `sent` once its card is. Returns how many cards went out.
   */
  async function deliverCards(): Promise<number> {
    const pending = await queryAll(repos.outbox, { where: [{ field: "status", op: "eq", value: "pending" }] });
    const at = clock.now().toISOString();
    for (const entry of pending) {
      await repos.outbox.update(entry.id, { status: "sent", sentAt: at, activityId: `activity-${entry.id}`, conversationId: `chat-${entry.recipientId}` }, entry.eTag);
      if (entry.notification.kind === "request") await recordCardOutcome(deps, entry.notification.requestId, { delivered: true, at });
    }
    return pending.length;
  }

  /** The requests as they are once the outbox sent their cards (`sent`, fresh eTags). */
  async function delivered<R extends { id: string }>(requests: R[]) {
    await deliverCards();
    return Promise.all(requests.map((request) => repos.requests.get(request.id)));
  }

  return {
    clock,
    repos,
    deliverCards,
    delivered,
    documents,
    renderer,
    directory,
    deps,
    ministries,
    focalPoints,
    secretariat: actorOf("sec-1"),
    chair: actorOf("chair-1"),
    observer: actorOf("obs-1"),
    admin: actorOf("admin-1"),
    addRecommendation,
    addReport,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
