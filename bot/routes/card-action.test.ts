import { queryAll } from "../../core/ports/repository";
import { changeRequest } from "../../core/requests/change-request";
import { visibleText } from "../cards/adaptive";
import { buildTestBot, inputsOf, verbsOf } from "../testing/bot-harness";
import { askJustice } from "../testing/requests";

async function setup() {
  const harness = await buildTestBot();
  const { requests } = await askJustice(harness.world);
  return { ...harness, request: requests[0]! };
}

describe("a request card: answering with Submit", () => {
  it("saves the answer as a new contribution version and shows the card as answered, with Edit", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const sent = await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "A law on child protection was adopted in 2025.", status: "in-progress" }));

    const card = invokeCard(sent);
    expect(visibleText(card)).toMatch(/Answered by Tess Justice on .*2 Mar 2026.*, version 1/);
    expect(visibleText(card)).toContain("A law on child protection was adopted in 2025.");
    expect(visibleText(card)).toContain("Implementation status reported: In progress");
    expect(verbsOf(card)).toEqual(["editAnswer"]);

    const [contribution] = await queryAll(world.repos.contributions);
    expect(contribution).toMatchObject({ requestId: request.id, version: 1, authorId: "fp-1-technical", via: "card", reportedStatus: "in-progress" });
    expect((await world.repos.requests.get(request.id)).status).toBe("answered");
  });

  it("saves a replayed submit (same activity id) once and says so", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const submit = action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "Our answer" }, { id: "f:replayed-1" });
    await send({ ...submit });
    const again = invokeCard(await send({ ...submit }));
    expect(visibleText(again)).toContain("already saved (version 1): nothing new was saved");
    expect(await queryAll(world.repos.contributions)).toHaveLength(1);
  });

  it("Edit shows the form filled with the latest answer, and a new submit makes version 2", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "First answer" }));
    const form = invokeCard(await send(action("fp-1-technical", "editAnswer", { requestId: request.id })));
    expect(inputsOf(form)).toEqual(["answer", "status"]);
    expect(JSON.stringify(form)).toContain('"value":"First answer"');
    const second = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "Better answer" })));
    expect(visibleText(second)).toContain("version 2");
    expect((await queryAll(world.repos.contributions)).map((c) => c.version)).toEqual([1, 2]);
  });
});

describe("a request card: what is refused changes nothing and says why", () => {
  it("an answer over the length limit keeps the form, says so, and saves nothing", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const card = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "x".repeat(20_001) })));
    expect(visibleText(card)).toContain("longer than 20,000 characters");
    expect(inputsOf(card)).toContain("answer");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("an empty answer is refused", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const card = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "   " })));
    expect(visibleText(card)).toContain("Your answer is empty");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("a submit for a closed request is refused", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    await changeRequest(world.deps, { requestId: request.id, change: { action: "close" } }, world.secretariat);
    const card = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "Late answer" })));
    expect(visibleText(card)).toContain("This request is closed");
    expect(inputsOf(card)).toEqual([]);
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("a focal point of another ministry cannot answer", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const card = invokeCard(await send(action("fp-2-technical", "submitAnswer", { requestId: request.id, answer: "Not ours but here" })));
    expect(visibleText(card)).toContain("Only an active focal point of the ministry this request is for can do this.");
    expect(visibleText(card)).toContain("Nothing was changed.");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("a card carrying a file that is not in the Evidence library is refused", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const forged = { name: "report.pdf", fileId: "file-999", webUrl: "https://evil.example/report.pdf", size: 10 };
    const card = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: request.id, answer: "See attached", attachments: [forged] })));
    expect(visibleText(card)).toContain("not in the Evidence library");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("an unknown verb gets a clear error card and changes nothing", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const auditBefore = (await queryAll(world.repos.audit)).length;
    const card = invokeCard(await send(action("fp-1-technical", "deleteEverything", { requestId: request.id })));
    expect(visibleText(card)).toContain("This button (deleteEverything) is not one I know");
    expect((await queryAll(world.repos.audit)).length).toBe(auditBefore);
  });

  it("a malformed invoke (no Action.Execute) and invalid data get error cards", async () => {
    const { send, from, action, invokeCard, world } = await setup();
    const malformed = invokeCard(await send(from("fp-1-technical", { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Submit" } } })));
    expect(visibleText(malformed)).toContain("something I do not understand");
    const invalid = invokeCard(await send(action("fp-1-technical", "submitAnswer", { requestId: "../../etc", answer: "x" })));
    expect(visibleText(invalid)).toContain("This button's data is not valid");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });
});

describe("a request card: asking for more time, saying it is not our ministry", () => {
  it("asks for a new date and a reason, records them and tells the secretariat", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const form = invokeCard(await send(action("fp-1-technical", "askMoreTime", { requestId: request.id })));
    expect(inputsOf(form)).toEqual(["until", "reason"]);
    expect(verbsOf(form)).toEqual(["confirmMoreTime", "showRequest"]);

    const early = invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: request.id, until: "2026-03-01", reason: "Elections" })));
    expect(visibleText(early)).toContain("Choose a date after the current due date");
    const noReason = invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: request.id, until: "2026-04-15", reason: " " })));
    expect(visibleText(noReason)).toContain("Say why you need more time.");
    expect((await world.repos.requests.get(request.id)).moreTimeRequestedUntil).toBeUndefined();

    const done = invokeCard(await send(action("fp-1-technical", "confirmMoreTime", { requestId: request.id, until: "2026-04-15", reason: "Data from the courts arrives in April" })));
    expect(visibleText(done)).toContain("Your request for more time (until 15 April 2026) was sent to the secretariat.");
    expect(await world.repos.requests.get(request.id)).toMatchObject({ moreTimeRequestedUntil: "2026-04-15", moreTimeReason: "Data from the courts arrives in April" });
    const notices = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "notice");
    expect(notices.map((e) => [e.recipientId, e.notification.kind === "notice" && e.notification.topic])).toEqual([["sec-1", "more-time-requested"]]);
  });

  it("declines with a reason and tells the secretariat", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const form = invokeCard(await send(action("fp-1-technical", "notOurMinistry", { requestId: request.id })));
    expect(inputsOf(form)).toEqual(["reason"]);
    const done = invokeCard(await send(action("fp-1-technical", "confirmNotOurMinistry", { requestId: request.id, reason: "The Ministry of Education leads this" })));
    expect(visibleText(done)).toContain("The secretariat was told");
    expect((await world.repos.requests.get(request.id)).status).toBe("declined");
    expect((await queryAll(world.repos.outbox)).some((e) => e.notification.kind === "notice" && e.notification.topic === "not-our-ministry")).toBe(true);
  });
});

describe("a request card refreshed when its focal point looks at it", () => {
  it("marks the request seen and shows the form to its focal point, read-only to others", async () => {
    const { send, action, invokeCard, world, request } = await setup();
    const mine = invokeCard(await send(action("fp-1-technical", "refresh", { view: "request", requestId: request.id })));
    expect(verbsOf(mine)).toEqual(["submitAnswer", "askMoreTime", "notOurMinistry"]);
    expect((await world.repos.requests.get(request.id)).status).toBe("seen");
    const theirs = invokeCard(await send(action("sec-1", "refresh", { view: "request", requestId: request.id })));
    expect(verbsOf(theirs)).toEqual([]);
    expect(inputsOf(theirs)).toEqual([]);
  });
});
