import { recordContribution } from "../contributions/record-contribution";
import { compileDraft } from "../drafts/compile-draft";
import { decideDraft, sendDraftForApproval } from "../drafts/review-draft";
import { ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { askMinistriesAboutCommunication, listCommunications, receiveCommunication, recordReplySent } from "./communications";

const letter = { reference: "AL SVN 1/2026", kind: "allegation-letter" as const, mandates: ["Special Rapporteur on the situation of human rights defenders"], receivedOn: "2026-03-02", summary: "Alleged arrest of a journalist.", timeZone: "Europe/Ljubljana" };

describe("a communication from special procedures", () => {
  it("is due 60 days after it arrived, asks ministries through the bot, and is sent once the chair approved the reply", async () => {
    const world = await buildWorld();
    const [justice] = world.ministries;
    const received = await receiveCommunication(world.deps, letter, world.secretariat);
    expect(received).toMatchObject({ replyDueDate: "2026-05-01", status: "received" });
    const report = await world.repos.reports.get(received.reportId!);
    expect(report).toMatchObject({ title: "Reply to communication AL SVN 1/2026", mechanism: "SPECIAL_PROCEDURES", dueDate: "2026-05-01" });

    const asked = await askMinistriesAboutCommunication(world.deps, received.id, { ministryIds: [justice!.id], ask: "What happened to the journalist?", dueDate: "2026-04-10" }, world.secretariat);
    expect(asked.created.map((r) => [r.ministryId, r.subject])).toEqual([[justice!.id, { kind: "section", section: "communication-reply", title: "AL SVN 1/2026" }]]);
    const [request] = await world.delivered(asked.created);
    await recordContribution(world.deps, { requestId: request!.id, text: "He was released the next day; the prosecutor opened an inquiry.", submissionId: "s-1", via: "card" }, world.focalPoints[justice!.id]!.technical);

    await expect(recordReplySent(world.deps, received.id, { eTag: received.eTag, on: "2026-04-20" }, world.secretariat)).rejects.toThrow("The chair has not approved a reply to AL SVN 1/2026 yet");
    const { draft } = await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    const { review } = await sendDraftForApproval(world.deps, { draftId: draft.id, eTag: draft.eTag }, world.secretariat);
    // Listed, the letter says no draft of its reply is approved until the chair decides.
    expect((await listCommunications(world.deps, world.secretariat))[0]?.approvedReply).toBeUndefined();
    await decideDraft(world.deps, { reviewId: review.id, decision: "approved" }, world.chair);
    expect((await listCommunications(world.deps, world.secretariat))[0]?.approvedReply).toEqual({ draftId: draft.id, version: draft.version });

    const sent = await recordReplySent(world.deps, received.id, { eTag: received.eTag, on: "2026-04-20" }, world.secretariat);
    expect(sent).toMatchObject({ status: "replied", sentOn: "2026-04-20", sentDraftId: draft.id });
    expect((await world.repos.reports.get(report.id)).status).toBe("submitted");
    // Once sent, it is no longer listed as waiting with an approved reply.
    expect((await listCommunications(world.deps, world.secretariat))[0]).toMatchObject({ status: "replied", sentOn: "2026-04-20" });
    expect((await listCommunications(world.deps, world.secretariat))[0]?.approvedReply).toBeUndefined();
    await expect(recordReplySent(world.deps, received.id, { eTag: sent.eTag, on: "2026-04-21" }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
    await expect(askMinistriesAboutCommunication(world.deps, received.id, { ministryIds: [justice!.id], ask: "More?", dueDate: "2026-04-25" }, world.secretariat)).rejects.toThrow("it takes no more input");
  });

  it("keeps a reply date the letter sets, refuses bad input and a reference recorded twice, and writes nothing", async () => {
    const world = await buildWorld();
    const urgent = await receiveCommunication(world.deps, { ...letter, reference: "UA SVN 2/2026", kind: "urgent-appeal", replyDueDate: "2026-03-09" }, world.secretariat);
    expect(urgent.replyDueDate).toBe("2026-03-09");
    await expect(receiveCommunication(world.deps, { ...letter, replyDueDate: "2026-02-01" }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(receiveCommunication(world.deps, { ...letter, mandates: [] }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(receiveCommunication(world.deps, { ...letter, reference: "UA SVN 2/2026" }, world.secretariat)).rejects.toMatchObject({ code: "conflict" });
    await expect(askMinistriesAboutCommunication(world.deps, urgent.id, { ministryIds: [world.ministries[0]!.id], ask: "Facts?", dueDate: "2026-03-20" }, world.secretariat)).rejects.toThrow("The input is due after the reply is (2026-03-09)");
    await expect(receiveCommunication(world.deps, { ...letter, reference: "AL SVN 9/2026" }, world.chair)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCommunications(world.deps, world.observer)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCommunications(world.deps, world.chair)).map((c) => c.reference)).toEqual(["UA SVN 2/2026"]);
    expect(await queryAll(world.repos.requests)).toEqual([]);
  });
});
