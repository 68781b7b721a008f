import { ValidationError } from "../errors";
import { buildWorld } from "../testing/world";
import { receiveCommunication } from "../communications/communications";
import { agreeVisitDates, recordVisitRequest, replyToVisitRequest, setVisitProgramme } from "../visits/visits";
import { readCalendar } from "./due-calendar";

async function setUp() {
  const world = await buildWorld({ start: "2026-03-10T09:00:00.000Z" });
  const upr = await world.addReport({ dueDate: "2026-04-15", sharedWithObservers: true });
  await world.addReport({ title: "CRC periodic report", mechanism: "CRC", type: "treaty-periodic", dueDate: "2026-04-20" });
  await world.repos.consultations.create({ reportId: upr.id, stakeholder: "Human Rights Ombudsman", kind: "nhri", subject: "the draft national report", date: "2026-04-01", endDate: "2026-04-10" });
  const requested = await recordVisitRequest(world.deps, { mandate: "Working Group on Arbitrary Detention", requestedOn: "2026-02-01", requestedFrom: "2026-04-20", requestedTo: "2026-04-30" }, world.secretariat);
  let visit = await recordVisitRequest(world.deps, { mandate: "Special Rapporteur on the right to education", requestedOn: "2026-01-12" }, world.secretariat);
  visit = await replyToVisitRequest(world.deps, visit.id, { eTag: visit.eTag, reply: "accept", on: "2026-02-01" }, world.secretariat);
  visit = await agreeVisitDates(world.deps, visit.id, { eTag: visit.eTag, from: "2026-04-06", to: "2026-04-14" }, world.secretariat);
  await setVisitProgramme(world.deps, visit.id, { eTag: visit.eTag, meetings: [{ key: "meeting-1", date: "2026-04-07", with: "Minister of Education" }] }, world.secretariat);
  await receiveCommunication(world.deps, { reference: "UA SVN 2/2026", kind: "urgent-appeal", mandates: ["Special Rapporteur on torture"], receivedOn: "2026-03-01", replyDueDate: "2026-03-08" }, world.secretariat);
  await receiveCommunication(world.deps, { reference: "AL SVN 1/2026", kind: "allegation-letter", mandates: ["Special Rapporteur on human rights defenders"], receivedOn: "2026-02-20" }, world.secretariat);
  return { world, requested };
}

describe("the calendar of what is due", () => {
  it("lays out visits requested and agreed, their meetings, replies to communications, reports and consultations, in date order", async () => {
    const { world } = await setUp();
    const calendar = await readCalendar(world.deps, { from: "2026-03-01", to: "2026-04-30" }, world.secretariat);
    expect(calendar.items.map((e) => [e.date, e.kind, e.title, e.overdue])).toEqual([
      ["2026-03-08", "communication-reply", "UA SVN 2/2026", true],
      ["2026-04-01", "consultation", "Human Rights Ombudsman: the draft national report", false],
      ["2026-04-06", "visit", "Special Rapporteur on the right to education", false],
      ["2026-04-07", "visit-meeting", "Special Rapporteur on the right to education: Minister of Education", false],
      ["2026-04-15", "report", "UPR national report, cycle 5", false],
      ["2026-04-20", "visit-requested", "Working Group on Arbitrary Detention", false],
      ["2026-04-20", "report", "CRC periodic report", false],
      // Received 20 February: due 60 days later.
      ["2026-04-21", "communication-reply", "AL SVN 1/2026", false],
    ]);
  });

  it("counts what lasts several days in every period it overlaps", async () => {
    const { world } = await setUp();
    const calendar = await readCalendar(world.deps, { from: "2026-04-12", to: "2026-04-12" }, world.secretariat);
    expect(calendar.items.map((e) => e.kind)).toEqual(["visit"]);
  });

  it("shows an observer only shared reports and their consultations, no visits or communications", async () => {
    const { world } = await setUp();
    const calendar = await readCalendar(world.deps, { from: "2026-03-01", to: "2026-04-30" }, world.observer);
    expect(calendar.items.map((e) => e.kind)).toEqual(["consultation", "report"]);
  });

  it("refuses a period that ends before it starts, or is too long", async () => {
    const { world } = await setUp();
    await expect(readCalendar(world.deps, { from: "2026-04-30", to: "2026-04-01" }, world.secretariat)).rejects.toBeInstanceOf(ValidationError);
    await expect(readCalendar(world.deps, { from: "2026-01-01", to: "2028-01-01" }, world.secretariat)).rejects.toThrow("The period");
  });
});
