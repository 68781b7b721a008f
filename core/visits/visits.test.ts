import { ConcurrencyError, ForbiddenError, InvalidStateError, ValidationError } from "../errors";
import { queryAll } from "../ports/repository";
import { recommendationKey } from "../recommendations/recommendation";
import { buildWorld } from "../testing/world";
import { DEFAULT_VISIT_STEPS } from "./visit";
import {
  agreeVisitDates,
  askMinistriesForMeeting,
  configureVisitChecklist,
  listVisits,
  readVisit,
  recordEndOfVisitStatement,
  recordVisitReport,
  recordVisitRequest,
  replyToVisitRequest,
  setVisitProgramme,
  tickVisitStep,
} from "./visits";

const request = { mandate: "Special Rapporteur on the right to education", holder: "Farida Shaheed", requestedOn: "2026-01-12", requestedFrom: "2026-05-11", requestedTo: "2026-05-22", timeZone: "Europe/Ljubljana" };

async function scheduledVisit() {
  const world = await buildWorld();
  let visit = await recordVisitRequest(world.deps, request, world.secretariat);
  visit = await replyToVisitRequest(world.deps, visit.id, { eTag: visit.eTag, reply: "propose-dates", on: "2026-02-02", proposedFrom: "2026-06-01", proposedTo: "2026-06-10" }, world.secretariat);
  visit = await agreeVisitDates(world.deps, visit.id, { eTag: visit.eTag, from: "2026-06-01", to: "2026-06-10" }, world.secretariat);
  return { world, visit };
}

describe("a visit of a special procedure", () => {
  it("runs from the request to its report's recommendations, imported and assigned, and follows them up", async () => {
    const { world, visit: scheduled } = await scheduledVisit();
    expect(scheduled).toMatchObject({ status: "scheduled", reply: "propose-dates", agreedFrom: "2026-06-01", agreedTo: "2026-06-10" });
    const [justice, education] = world.ministries;

    let visit = await setVisitProgramme(world.deps, scheduled.id, {
      eTag: scheduled.eTag,
      meetings: [
        { key: "meeting-1", date: "2026-06-02", startTime: "09:30", endTime: "11:00", place: "Ministry of Education", with: "Minister of Education", ministryIds: [education!.id], role: "host" },
        { key: "meeting-2", date: "2026-06-03", with: "Prison administration", ministryIds: [justice!.id] },
      ],
    }, world.secretariat);
    const asked = await askMinistriesForMeeting(world.deps, visit.id, "meeting-1", { ask: "Please host the meeting and brief us on inclusive education.", dueDate: "2026-05-25" }, world.secretariat);
    expect(asked.created.map((r) => [r.ministryId, r.subject])).toEqual([[education!.id, { kind: "section", section: "visit-programme:meeting-1", title: "Minister of Education, 2026-06-02 09:30, Ministry of Education" }]]);
    const again = await askMinistriesForMeeting(world.deps, visit.id, "meeting-1", { ask: "Please host the meeting.", dueDate: "2026-05-25" }, world.secretariat);
    expect(again).toMatchObject({ created: [], alreadyExisting: 1 });
    visit = await world.repos.visits.get(visit.id);
    const report = await world.repos.reports.get(visit.reportId!);
    expect(report).toMatchObject({ type: "visit", mechanism: "SPECIAL_PROCEDURES", timeZone: "Europe/Ljubljana" });
    expect(await world.deliverCards()).toBe(1);

    visit = await recordEndOfVisitStatement(world.deps, visit.id, { eTag: visit.eTag, on: "2026-06-10", webUrl: "https://www.ohchr.org/en/statements/end-of-visit" }, world.secretariat);
    visit = await recordVisitReport(world.deps, visit.id, { eTag: visit.eTag, symbol: "A/HRC/62/31/Add.1" }, world.secretariat);
    expect(visit.status).toBe("reported");

    // The report's recommendations, imported like any others (they carry its symbol), one assigned.
    await world.addRecommendation({ documentSymbol: "A/HRC/62/31/Add.1", paragraph: "88", key: recommendationKey("A/HRC/62/31/Add.1", "88"), mechanism: "SPECIAL_PROCEDURES", leadMinistryId: education!.id, status: "in-progress" });
    await world.addRecommendation({ documentSymbol: "A/HRC/62/31/Add.1", paragraph: "89", key: recommendationKey("A/HRC/62/31/Add.1", "89"), mechanism: "SPECIAL_PROCEDURES", leadMinistryId: undefined, status: "not-assessed" });
    await world.addRecommendation({ documentSymbol: "A/HRC/59/15", paragraph: "140.1" });
    const view = await readVisit(world.deps, visit.id, world.chair);
    expect(view.followUp.recommendations.map((r) => [r.paragraph, r.status, r.leadMinistryId])).toEqual([["88", "in-progress", education!.id], ["89", "not-assessed", undefined]]);
    expect(view.followUp).toMatchObject({ byStatus: { "in-progress": 1, "not-assessed": 1 }, unassigned: 1 });
    expect((await queryAll(world.repos.audit)).map((e) => e.action)).toEqual(expect.arrayContaining(["visit.requested", "visit.propose-dates", "visit.dates-agreed", "visit.programme", "visit.statement", "visit.report"]));
  });

  it("refuses what cannot happen now, saying why, and changes nothing", async () => {
    const world = await buildWorld();
    const requested = await recordVisitRequest(world.deps, request, world.secretariat);
    await expect(agreeVisitDates(world.deps, requested.id, { eTag: requested.eTag, from: "2026-05-11", to: "2026-05-15" }, world.secretariat)).rejects.toThrow("You cannot agree the visit's dates now: the State has not replied to the request yet");
    await expect(recordEndOfVisitStatement(world.deps, requested.id, { eTag: requested.eTag, on: "2026-05-15" }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
    const declined = await replyToVisitRequest(world.deps, requested.id, { eTag: requested.eTag, reply: "decline", on: "2026-01-20", note: "Not this year." }, world.secretariat);
    await expect(replyToVisitRequest(world.deps, declined.id, { eTag: declined.eTag, reply: "accept", on: "2026-01-21" }, world.secretariat)).rejects.toThrow("the State declined this visit");
    await expect(setVisitProgramme(world.deps, declined.id, { eTag: declined.eTag, meetings: [] }, world.secretariat)).rejects.toBeInstanceOf(InvalidStateError);
    expect(await world.repos.visits.get(declined.id)).toEqual(declined);
  });

  it("refuses bad input with the field, a stale eTag, and anyone but the secretariat", async () => {
    const { world, visit } = await scheduledVisit();
    const outside = setVisitProgramme(world.deps, visit.id, { eTag: visit.eTag, meetings: [{ key: "meeting-1", date: "2026-06-20", with: "Ombudsman" }] }, world.secretariat);
    await expect(outside).rejects.toBeInstanceOf(ValidationError);
    await expect(outside).rejects.toThrow("A meeting is outside the visit's dates (2026-06-01 to 2026-06-10)");
    await expect(replyToVisitRequest(world.deps, visit.id, { eTag: visit.eTag, reply: "propose-dates", on: "2026-02-02" } as never, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(recordVisitRequest(world.deps, { ...request, requestedTo: "2026-05-01" }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(setVisitProgramme(world.deps, visit.id, { eTag: visit.eTag, meetings: [{ key: "meeting-1", date: "2026-06-02", with: "Ombudsman", ministryIds: ["999"] }] }, world.secretariat)).rejects.toThrow("The programme names ministries that do not exist");
    await expect(tickVisitStep(world.deps, visit.id, { eTag: visit.eTag, step: "send-reply", done: true }, world.chair)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listVisits(world.deps, world.observer)).rejects.toBeInstanceOf(ForbiddenError);
    const ticked = await tickVisitStep(world.deps, visit.id, { eTag: visit.eTag, step: "send-reply", done: true }, world.secretariat);
    await expect(tickVisitStep(world.deps, visit.id, { eTag: visit.eTag, step: "draft-programme", done: true }, world.secretariat)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await world.repos.visits.get(visit.id)).toEqual(ticked);
  });

  it("starts with the standard checklist; the secretariat ticks steps and configures its own, ticks kept", async () => {
    const { world, visit } = await scheduledVisit();
    expect(visit.checklist.map((s) => s.key)).toEqual([...DEFAULT_VISIT_STEPS]);
    const ticked = await tickVisitStep(world.deps, visit.id, { eTag: visit.eTag, step: "send-reply", done: true }, world.secretariat);
    expect(ticked.checklist.find((s) => s.key === "send-reply")).toMatchObject({ doneBy: "sec-1", doneByName: "Sara Secretariat", doneAt: "2026-03-02T09:00:00.000Z" });
    await expect(configureVisitChecklist(world.deps, visit.id, { eTag: ticked.eTag, steps: [{ key: "book-interpreters" }] }, world.secretariat)).rejects.toThrow("A step you add needs a title");
    const configured = await configureVisitChecklist(world.deps, visit.id, { eTag: ticked.eTag, steps: [{ key: "send-reply" }, { key: "book-interpreters", title: "Book interpreters" }] }, world.secretariat);
    expect(configured.checklist).toEqual([expect.objectContaining({ key: "send-reply", doneBy: "sec-1" }), { key: "book-interpreters", title: "Book interpreters" }]);
    const unticked = await tickVisitStep(world.deps, visit.id, { eTag: configured.eTag, step: "send-reply", done: false }, world.secretariat);
    expect(unticked.checklist[0]).toEqual({ key: "send-reply" });
    await expect(tickVisitStep(world.deps, visit.id, { eTag: unticked.eTag, step: "draft-programme", done: true }, world.secretariat)).rejects.toThrow("The checklist has no step draft-programme");
  });
});
