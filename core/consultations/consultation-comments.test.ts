import { ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { answerConsultationComment, commentOnConsultation, listConsultationComments } from "./consultation-comments";

const methodology = { kind: "section", section: "methodology", title: "Methodology and consultation process" } as const;

async function setUp() {
  const world = await buildWorld({ start: "2026-03-10T09:00:00.000Z" });
  const report = await world.addReport();
  const recommendation = await world.addRecommendation();
  const consultation = await world.repos.consultations.create({
    reportId: report.id,
    stakeholder: "Human Rights Ombudsman",
    kind: "nhri",
    subject: "the draft national report",
    date: "2026-03-09",
    endDate: "2026-03-20",
    format: "written-comments",
    sharedItems: [methodology, { kind: "recommendation", recommendationId: recommendation.id }],
    invitedObserverIds: [world.observer.userId],
  });
  return { world, consultation, recommendation };
}

describe("observers commenting on a consultation", () => {
  it("takes an invited observer's comment on a shared draft section within the window, and the secretariat answers it and marks it taken up", async () => {
    const { world, consultation } = await setUp();
    const comment = await commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Name the regional hearings too." }, world.observer);
    expect(comment).toMatchObject({ itemKey: "section:methodology", authorName: "Omar Observer", takenUp: false });

    const answered = await answerConsultationComment(world.deps, comment.id, { answer: "Added in paragraph 4.", takenUp: true, eTag: comment.eTag }, world.secretariat);
    expect(answered).toMatchObject({ answer: "Added in paragraph 4.", answeredBy: "sec-1", takenUp: true });
    expect((await listConsultationComments(world.deps, consultation.id, world.secretariat)).map((c) => [c.text, c.takenUp])).toEqual([["Name the regional hearings too.", true]]);
    expect((await listConsultationComments(world.deps, consultation.id, world.observer)).map((c) => c.answer)).toEqual(["Added in paragraph 4."]);
  });

  it("accepts comments on the last day and refuses them the day after, saying when it closed, and writes nothing", async () => {
    const { world, consultation, recommendation } = await setUp();
    world.clock.set("2026-03-20T21:00:00.000Z"); // 22:00 in Ljubljana, still the 20th
    await commentOnConsultation(world.deps, consultation.id, { item: { kind: "recommendation", recommendationId: recommendation.id }, text: "No progress on the action plan." }, world.observer);
    world.clock.set("2026-03-20T23:30:00.000Z"); // the 21st in Ljubljana
    const late = commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Too late?" }, world.observer);
    await expect(late).rejects.toBeInstanceOf(InvalidStateError);
    await expect(late).rejects.toThrow("This consultation closed for comments on 2026-03-20");
    expect((await queryAll(world.repos.consultationComments)).map((c) => c.text)).toEqual(["No progress on the action plan."]);
  });

  it("refuses an observer who was not invited, an item the consultation does not share, and an empty comment", async () => {
    const { world, consultation } = await setUp();
    const stranger = { ...world.observer, userId: "obs-2", displayName: "Another observer" };
    await expect(commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Hello" }, stranger)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listConsultationComments(world.deps, consultation.id, stranger)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commentOnConsultation(world.deps, consultation.id, { item: { kind: "section", section: "introduction", title: "Introduction" }, text: "Hello" }, world.observer)).rejects.toBeInstanceOf(ValidationError);
    await expect(commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "   " }, world.observer)).rejects.toBeInstanceOf(ValidationError);
    expect(await queryAll(world.repos.consultationComments)).toEqual([]);
  });

  it("lets only the secretariat answer, and refuses an answer that says nothing", async () => {
    const { world, consultation } = await setUp();
    const comment = await commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Name the regional hearings." }, world.observer);
    await expect(answerConsultationComment(world.deps, comment.id, { answer: "Mine", eTag: comment.eTag }, world.observer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerConsultationComment(world.deps, comment.id, { eTag: comment.eTag }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    expect((await world.repos.consultationComments.get(comment.id)).answer).toBeUndefined();
  });

  it("shows an observer only their own comments", async () => {
    const { world, consultation } = await setUp();
    const colleague = { ...world.observer, userId: "obs-2", displayName: "Colleague" };
    await world.repos.consultations.update(consultation.id, { invitedObserverIds: [world.observer.userId, colleague.userId] }, consultation.eTag);
    await commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Mine" }, world.observer);
    await commentOnConsultation(world.deps, consultation.id, { item: methodology, text: "Theirs" }, colleague);
    expect((await listConsultationComments(world.deps, consultation.id, colleague)).map((c) => c.text)).toEqual(["Theirs"]);
    expect(await listConsultationComments(world.deps, consultation.id, world.secretariat)).toHaveLength(2);
  });
});
