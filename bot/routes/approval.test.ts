import { queryAll } from "../../core/ports/repository";
import { visibleText } from "../cards/adaptive";
import { buildTestBot, inputsOf, verbsOf } from "../testing/bot-harness";
import { draftSentForApproval } from "../testing/requests";

describe("the chair's approval card", () => {
  it("shows the chair the report, version, word count and Word link, with Approve and Return", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review } = await draftSentForApproval(world);
    const card = invokeCard(await send(action("chair-1", "refresh", { view: "approval", reviewId: review.id })));
    const text = visibleText(card);
    expect(text).toContain("Draft for approval: UPR national report, cycle 5");
    expect(text).toContain("version 1 (file version 1.0)");
    expect(text).toContain("9,800 of 10,700 words");
    expect(text).toContain("Please approve before Friday");
    expect(card!.actions!.map((a) => a.type === "Action.OpenUrl" ? `open:${String(a.url)}` : String(a.verb))).toEqual([
      expect.stringMatching(/^open:https:\/\/contoso\.sharepoint\.com\/.*UPR%20national%20report\.docx$/),
      "approveDraft",
      "returnDraft",
    ]);
    expect(inputsOf(card)).toEqual(["comment"]);
    expect(card!.refresh!.userIds).toEqual(["chair-1", "sec-1"]);
  });

  it("warns when the draft is over the word limit", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review } = await draftSentForApproval(world, { counted: 11_000 });
    const text = visibleText(invokeCard(await send(action("chair-1", "refresh", { view: "approval", reviewId: review.id }))));
    expect(text).toContain("11,000 words: 300 over the limit of 10,700");
  });

  it("is read-only for anyone but the chair, who alone can decide", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review } = await draftSentForApproval(world);
    const secretariatView = invokeCard(await send(action("sec-1", "refresh", { view: "approval", reviewId: review.id })));
    expect(verbsOf(secretariatView)).toEqual([]);
    expect(inputsOf(secretariatView)).toEqual([]);
    expect(visibleText(secretariatView)).toContain("Waiting for the chair's decision.");

    const attempt = invokeCard(await send(action("sec-1", "approveDraft", { reviewId: review.id })));
    expect(visibleText(attempt)).toContain("Only the chair can approve or return a draft.");
    expect(verbsOf(attempt)).toEqual([]);
    expect((await world.repos.reviews.get(review.id)).decision).toBeUndefined();
  });

  it("approving records the exact file version and queues the update of every copy of the card", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review, draft, file } = await draftSentForApproval(world);
    await world.documents.put("Drafts", file.folder, file.name, new TextEncoder().encode("docx v2, edited in Word"));

    const card = invokeCard(await send(action("chair-1", "approveDraft", { reviewId: review.id })));
    expect(visibleText(card)).toMatch(/Approved by Carla Chair on .* \(file version 2\.0\)/);
    expect(verbsOf(card)).toEqual([]);
    expect(await world.repos.reviews.get(review.id)).toMatchObject({ decision: "approved", decidedBy: "chair-1", decidedFileVersion: "2.0" });
    expect((await world.repos.drafts.get(draft.id)).reviewState).toBe("approved");
    const decisions = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "decision");
    expect(decisions.map((e) => [e.recipientId, e.updatesKey])).toEqual([
      ["chair-1", `approval:${review.id}:chair-1`],
      ["sec-1", `approval:${review.id}:sec-1`],
    ]);
  });

  it("returning needs a comment; with one, the draft goes back to drafting", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review, draft } = await draftSentForApproval(world);
    const refused = invokeCard(await send(action("chair-1", "returnDraft", { reviewId: review.id, comment: "  " })));
    expect(visibleText(refused)).toContain("Say what should change when you return a draft.");
    expect(inputsOf(refused)).toEqual(["comment"]);
    expect((await world.repos.reviews.get(review.id)).decision).toBeUndefined();

    const returned = invokeCard(await send(action("chair-1", "returnDraft", { reviewId: review.id, comment: "Shorten part III" })));
    expect(visibleText(returned)).toContain("Returned by Carla Chair");
    expect(visibleText(returned)).toContain("Shorten part III");
    expect((await world.repos.drafts.get(draft.id)).reviewState).toBe("returned");
  });

  it("a second, different decision is refused and the card shows the first", async () => {
    const { send, action, invokeCard, world } = await buildTestBot();
    const { review } = await draftSentForApproval(world);
    await send(action("chair-1", "approveDraft", { reviewId: review.id }));
    const card = invokeCard(await send(action("chair-1", "returnDraft", { reviewId: review.id, comment: "Changed my mind" })));
    expect(visibleText(card)).toContain("already approved by Carla Chair");
    expect(visibleText(card)).toContain("Approved by Carla Chair");
    expect((await world.repos.reviews.get(review.id)).decision).toBe("approved");
  });
});
