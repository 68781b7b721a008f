/**
 * What the bot's cards show to whom: the same rulebook as the API's (core's read use cases).
 * Anyone can chat with the bot; a card verb that reads a request, an answer or an approval
 * shows it only to those who may read it, as the API does.
 */
import { recordContribution } from "../../core/contributions/record-contribution";
import { changeRequest } from "../../core/requests/change-request";
import { queryAll } from "../../core/ports/repository";
import { visibleText } from "../cards/adaptive";
import { buildTestBot, verbsOf } from "../testing/bot-harness";
import { askJustice, draftSentForApproval } from "../testing/requests";

const SECRET_ANSWER = "The Ministry negotiated the budget line with the Treasury in confidence.";

async function answeredRequest(options: Parameters<typeof buildTestBot>[0] = {}) {
  const bot = await buildTestBot(options);
  const { requests, report, recommendations } = await askJustice(bot.world);
  const request = requests[0]!;
  const justice = bot.world.ministries[0]!;
  await recordContribution(bot.world.deps, { requestId: request.id, text: SECRET_ANSWER, submissionId: "answer-1", via: "card" }, bot.world.focalPoints[justice.id]!.technical);
  return { ...bot, request, report, recommendation: recommendations[0]! };
}

describe("the request card, by who looks at it", () => {
  const verbs = (requestId: string) => [
    ["showRequest", { requestId }],
    ["editAnswer", { requestId }],
    ["refresh", { view: "request", requestId }],
    ["askMoreTime", { requestId }],
    ["notOurMinistry", { requestId }],
  ] as const;

  it("shows an observer, a person with no role and another ministry's focal point nothing of a request not shared with them", async () => {
    const { send, action, invokeCard, request, recommendation } = await answeredRequest();
    for (const person of ["obs-1", "nobody-at-all", "fp-2-technical"]) {
      for (const [verb, data] of verbs(request.id)) {
        const text = visibleText(invokeCard(await send(action(person, verb, data))));
        expect({ person, verb, leaks: text.includes(SECRET_ANSWER) || text.includes(recommendation.text) }).toEqual({ person, verb, leaks: false });
        expect(text.length).toBeGreaterThan(10);
      }
    }
    const observer = visibleText(invokeCard(await send(action("obs-1", "showRequest", { requestId: request.id }))));
    expect(observer).toContain("not shared with observers");
    const otherMinistry = visibleText(invokeCard(await send(action("fp-2-technical", "showRequest", { requestId: request.id }))));
    expect(otherMinistry).toContain("another ministry's request");
  });

  it("shows a request shared with observers to an observer: what it is about and its status, never the answer, and nothing to act on", async () => {
    const { send, action, invokeCard, world, request, report, recommendation } = await answeredRequest();
    await world.repos.reports.update(report.id, { sharedWithObservers: true }, (await world.repos.reports.get(report.id)).eTag);
    await world.repos.recommendations.update(recommendation.id, { sharedWithObservers: true }, (await world.repos.recommendations.get(recommendation.id)).eTag);
    for (const person of ["obs-1", "fp-2-technical"]) {
      const card = invokeCard(await send(action(person, "showRequest", { requestId: request.id })));
      const text = visibleText(card);
      expect(text).toContain(recommendation.text);
      expect(text).not.toContain(SECRET_ANSWER);
      expect(verbsOf(card).filter((v) => ["submitAnswer", "editAnswer", "askMoreTime", "notOurMinistry"].includes(v))).toEqual([]);
    }
  });

  it("shows the request and its answer to its ministry's focal points, the secretariat, and every ministry's when the mechanism says so", async () => {
    const own = await answeredRequest();
    expect(visibleText(own.invokeCard(await own.send(own.action("fp-1-senior", "showRequest", { requestId: own.request.id }))))).toContain(SECRET_ANSWER);
    expect(visibleText(own.invokeCard(await own.send(own.action("sec-1", "showRequest", { requestId: own.request.id }))))).toContain(SECRET_ANSWER);

    const open = await answeredRequest({ rules: { focalPointsRead: "all-ministries" } });
    const card = open.invokeCard(await open.send(open.action("fp-2-technical", "showRequest", { requestId: open.request.id })));
    expect(visibleText(card)).toContain(SECRET_ANSWER);
    // Reading is not answering: another ministry's focal point still cannot answer it.
    expect(verbsOf(card)).not.toContain("editAnswer");
  });

  it("opening someone else's request does not mark it seen", async () => {
    const { send, action, world, requests } = await (async () => {
      const bot = await buildTestBot();
      return { ...bot, ...(await askJustice(bot.world)) };
    })();
    const before = await world.repos.requests.get(requests[0]!.id);
    await send(action("obs-1", "showRequest", { requestId: requests[0]!.id }));
    await send(action("fp-2-technical", "showRequest", { requestId: requests[0]!.id }));
    expect(await world.repos.requests.get(requests[0]!.id)).toMatchObject({ status: before.status, eTag: before.eTag });
    await send(action("fp-1-technical", "showRequest", { requestId: requests[0]!.id }));
    expect((await world.repos.requests.get(requests[0]!.id)).status).toBe("seen");
  });
});

describe("the approval card, by who looks at it", () => {
  it("shows a focal point, an observer and a person with no role neither the draft's link nor its word count nor the chair's message", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review } = await draftSentForApproval(world);
    for (const person of ["fp-1-technical", "obs-1", "nobody-at-all"]) {
      for (const verb of ["refresh", "approveDraft", "returnDraft"] as const) {
        const data = verb === "refresh" ? { view: "approval", reviewId: review.id } : { reviewId: review.id, comment: "No" };
        const card = invokeCard(await send(action(person, verb, data)));
        const text = visibleText(card);
        expect({ person, verb, leaks: /9,800|Please approve before Friday|sharepoint/.test(`${text} ${JSON.stringify(card?.actions ?? [])}`) }).toEqual({ person, verb, leaks: false });
        expect(text).toMatch(verb === "refresh" ? /only the chair, the secretariat and administrators see a draft's approval/i : /Only the chair can approve or return a draft/);
      }
    }
    expect((await world.repos.reviews.get(review.id)).decision).toBeUndefined();
    expect((await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "decision")).toEqual([]);
  });
});

describe("asking for more time: core's lifecycle decides, whichever door", () => {
  it("refuses a date on or before the due date, an empty reason and a closed request, changing nothing", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { requests } = await askJustice(world, { dueDate: "2026-03-30" });
    const id = requests[0]!.id;
    const before = await world.repos.requests.get(id);
    expect(visibleText(invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: id, until: "2026-03-30", reason: "Figures in April" }))))).toContain("Choose a date after the current due date (30 March 2026).");
    expect(visibleText(invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: id, until: "2026-04-20", reason: "  " }))))).toContain("Say why you need more time.");
    expect(visibleText(invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: id, until: "", reason: "Figures" }))))).toContain("Choose the date by which your ministry can answer.");
    expect((await world.repos.requests.get(id)).eTag).toBe(before.eTag);

    await changeRequest(world.deps, { requestId: id, change: { action: "close" } }, world.secretariat);
    const closed = await world.repos.requests.get(id);
    expect(visibleText(invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: id, until: "2026-04-20", reason: "Figures" }))))).toContain("closed");
    const after = await world.repos.requests.get(id);
    expect(after.eTag).toBe(closed.eTag);
    expect(after.moreTimeRequestedUntil).toBeUndefined();
  });
});
