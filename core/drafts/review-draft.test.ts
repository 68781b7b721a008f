import { ConcurrencyError, ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { COMPILE_LEASE_MS, compileDraft } from "./compile-draft";
import { createRequests } from "../requests/create-requests";
import { recordContribution } from "../contributions/record-contribution";
import { decideDraft, sendDraftForApproval } from "./review-draft";

async function setUp() {
  const world = await buildWorld();
  const [justice, education] = world.ministries;
  const report = await world.addReport({ title: "UPR national report: cycle 5" });
  const answered = await world.addRecommendation({ leadMinistryId: justice!.id, paragraph: "140.2" });
  const open = await world.addRecommendation({ leadMinistryId: education!.id, paragraph: "140.10" });
  const { created } = await createRequests(
    world.deps,
    { reportId: report.id, subjects: [answered, open].map((r) => ({ kind: "recommendation" as const, recommendationId: r.id })), ask: "Update?", dueDate: "2026-04-05" },
    world.secretariat,
  );
  await world.deliverCards();
  await recordContribution(world.deps, { requestId: created[0]!.id, text: "The Child Protection Act was adopted.", submissionId: "a", via: "card" }, world.focalPoints[justice!.id]!.technical);
  return { world, report, requests: created };
}

describe("compiling, sending and deciding on a draft", () => {
  it("compiles the next version into the Drafts library, with the word count and the unanswered requests", async () => {
    const { world, report, requests } = await setUp();
    const first = await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    expect(first.draft).toMatchObject({ version: 1, reviewState: "drafting", fileName: "UPR national report cycle 5 — draft v1.docx", unansweredRequestIds: [requests[1]!.id] });
    expect(first.wordCount).toEqual({ counted: 6, excluded: 0, limit: 10_700 });
    expect(first.webUrl).toContain("UPR%20national%20report%20cycle%205");
    expect(first.unanswered).toEqual([expect.objectContaining({ ministryName: "Ministry of Education", dueDate: "2026-04-05" })]);
    const content = world.renderer.rendered[0]!;
    expect(content.items.map((i) => i.subject.kind === "recommendation" && i.subject.paragraph)).toEqual(["140.2", "140.10"]);
    expect(content.items[0]!.answers[0]).toMatchObject({ ministryName: "Ministry of Justice", version: 1 });

    const second = await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    expect(second.draft.version).toBe(2);
    expect((await world.repos.reports.get(report.id)).status).toBe("drafting");
  });

  it("two compiles at once take two versions, and each draft points at its own file", async () => {
    const { world, report } = await setUp();
    const [a, b] = await Promise.all([compileDraft(world.deps, { reportId: report.id }, world.secretariat), compileDraft(world.deps, { reportId: report.id }, world.secretariat)]);
    expect([a.draft.version, b.draft.version].sort()).toEqual([1, 2]);
    for (const { draft } of [a, b]) {
      const { file, content } = await world.documents.get("Drafts", draft.fileId);
      expect(file.name).toBe(`UPR national report cycle 5 — draft v${draft.version}.docx`);
      expect((JSON.parse(new TextDecoder().decode(content)) as { version: number }).version).toBe(draft.version);
    }
  });

  it("records the draft before its file: a compile that stopped is marked interrupted by the next one, which takes the next version", async () => {
    const { world, report } = await setUp();
    const put = world.documents.put.bind(world.documents);
    world.documents.put = async () => {
      throw new Error("process killed");
    };
    await expect(compileDraft(world.deps, { reportId: report.id }, world.secretariat)).rejects.toThrow("process killed");
    world.documents.put = put;
    const [stopped] = await queryAll(world.repos.drafts);
    expect(stopped).toMatchObject({ version: 1, reviewState: "compiling" });
    expect(stopped!.fileId).toBeUndefined();
    await expect(sendDraftForApproval(world.deps, { draftId: stopped!.id, eTag: stopped!.eTag }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);

    world.clock.advance(COMPILE_LEASE_MS);
    const next = await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    expect(next.draft).toMatchObject({ version: 2, reviewState: "drafting" });
    expect((await world.repos.drafts.get(stopped!.id)).reviewState).toBe("interrupted");
  });

  it("records the template a draft was patched into", async () => {
    const { world, report } = await setUp();
    const templateFile = { fileId: "01LETTERHEAD", name: "Letterhead.docx", version: "2.0" };
    const { draft } = await compileDraft(world.deps, { reportId: report.id, template: new Uint8Array([80, 75]), templateFile }, world.secretariat);
    expect((await world.repos.drafts.get(draft.id)).template).toEqual(templateFile);
    const plain = await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    expect(plain.draft.template).toBeUndefined();
  });

  it("lets only the secretariat compile", async () => {
    const { world, report } = await setUp();
    await expect(compileDraft(world.deps, { reportId: report.id }, world.chair)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await queryAll(world.repos.drafts)).toEqual([]);
  });

  it("sends the latest draft to the chair, with a copy to the sender", async () => {
    const { world, report } = await setUp();
    const v1 = (await compileDraft(world.deps, { reportId: report.id }, world.secretariat)).draft;
    const v2 = (await compileDraft(world.deps, { reportId: report.id }, world.secretariat)).draft;
    await expect(sendDraftForApproval(world.deps, { draftId: v1.id, eTag: v1.eTag }, world.secretariat)).rejects.toThrow("draft v2 is newer");
    await expect(sendDraftForApproval(world.deps, { draftId: v2.id, eTag: '"stale,0"' }, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);

    const { draft, review } = await sendDraftForApproval(world.deps, { draftId: v2.id, eTag: v2.eTag, message: "Please approve." }, world.secretariat);
    expect(draft.reviewState).toBe("in-review");
    expect(review).toMatchObject({ draftId: v2.id, draftVersion: 2, requestedBy: "sec-1" });
    const cards = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "approval");
    expect(cards.map((c) => c.recipientId).sort()).toEqual(["chair-1", "sec-1"]);
    expect((await world.repos.reports.get(report.id)).status).toBe("in-review");
  });

  it("lets only the chair decide, records the file version and updates every copy of the card", async () => {
    const { world, report } = await setUp();
    const compiled = (await compileDraft(world.deps, { reportId: report.id }, world.secretariat)).draft;
    // The secretariat edits the draft in Word after compiling: SharePoint keeps a new version.
    await world.documents.put("Drafts", "UPR national report cycle 5 (1)", compiled.fileName, new Uint8Array([1, 2, 3]));
    const { review } = await sendDraftForApproval(world.deps, { draftId: compiled.id, eTag: compiled.eTag }, world.secretariat);

    await expect(decideDraft(world.deps, { reviewId: review.id, decision: "approved" }, world.secretariat)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideDraft(world.deps, { reviewId: review.id, decision: "returned" }, world.chair)).rejects.toBeInstanceOf(ValidationError);
    // The chair read file version 1.0 (in Word, before the secretariat's edit): refused, and nothing changes.
    await expect(decideDraft(world.deps, { reviewId: review.id, decision: "approved", openFileVersion: "1.0" }, world.chair)).rejects.toThrow(
      "you have file version 1.0 of draft v1 open, but the file is now at version 2.0: reopen the draft to read the latest text, then decide",
    );
    expect((await world.repos.reviews.get(review.id)).decision).toBeUndefined();
    expect((await world.repos.drafts.get(compiled.id)).reviewState).toBe("in-review");

    const decided = await decideDraft(world.deps, { reviewId: review.id, decision: "approved", openFileVersion: "2.0" }, world.chair);
    expect(decided.review).toMatchObject({ decision: "approved", decidedBy: "chair-1", decidedFileVersion: "2.0" });
    expect(decided.draft.reviewState).toBe("approved");
    const updates = (await queryAll(world.repos.outbox)).filter((e) => e.notification.kind === "decision");
    expect(updates.map((u) => [u.recipientId, u.updatesKey]).sort()).toEqual([
      ["chair-1", `approval:${review.id}:chair-1`],
      ["sec-1", `approval:${review.id}:sec-1`],
    ]);
    expect((await world.repos.reports.get(report.id)).status).toBe("approved");

    await expect(decideDraft(world.deps, { reviewId: review.id, decision: "approved" }, world.chair)).resolves.toMatchObject({ replayed: true });
    await expect(decideDraft(world.deps, { reviewId: review.id, decision: "returned", comment: "No." }, world.chair)).rejects.toBeInstanceOf(InvalidStateError);
  });

  it("returns a draft with the chair's comment, and it can be sent again", async () => {
    const { world, report } = await setUp();
    const compiled = (await compileDraft(world.deps, { reportId: report.id }, world.secretariat)).draft;
    const { review } = await sendDraftForApproval(world.deps, { draftId: compiled.id, eTag: compiled.eTag }, world.secretariat);
    const returned = await decideDraft(world.deps, { reviewId: review.id, decision: "returned", comment: "Shorten part III." }, world.chair);
    expect(returned.draft.reviewState).toBe("returned");
    expect(returned.review.comment).toBe("Shorten part III.");
    const again = await sendDraftForApproval(world.deps, { draftId: compiled.id, eTag: returned.draft.eTag }, world.secretariat);
    expect(again.draft.reviewState).toBe("in-review");
  });
});

describe("the answer dates in a draft", () => {
  it("are the dates in the mechanism's time zone, not in UTC", async () => {
    const world = await buildWorld({ start: "2026-03-02T23:30:00.000Z" }); // 3 March, 00:30 in Ljubljana
    const justice = world.ministries[0]!;
    const report = await world.addReport({ timeZone: "Europe/Ljubljana" });
    const rec = await world.addRecommendation({ leadMinistryId: justice.id });
    const { created } = await createRequests(world.deps, { reportId: report.id, subjects: [{ kind: "recommendation", recommendationId: rec.id }], ask: "Update?", dueDate: "2026-04-05" }, world.secretariat);
    await recordContribution(world.deps, { requestId: created[0]!.id, text: "Done.", submissionId: "late-night", via: "card" }, world.focalPoints[justice.id]!.technical);
    await compileDraft(world.deps, { reportId: report.id }, world.secretariat);
    expect(world.renderer.rendered[0]!.items[0]!.answers[0]).toMatchObject({ answeredAt: "2026-03-02T23:30:00.000Z", answeredOn: "2026-03-03" });
  });
});
