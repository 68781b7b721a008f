import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { receiveCommunication } from "../communications/communications";
import { agreeVisitDates, recordVisitRequest, replyToVisitRequest } from "../visits/visits";
import { runEngagementReminders } from "./engagement-reminders";

const timeZone = "Europe/Ljubljana";
const letter = { reference: "UA SVN 2/2026", kind: "urgent-appeal" as const, mandates: ["Special Rapporteur on the situation of human rights defenders"], receivedOn: "2026-03-02", replyDueDate: "2026-04-01", timeZone };

async function setUp() {
  const world = await buildWorld({ start: "2026-03-02T09:00:00.000Z" });
  const notices = async () => (await queryAll(world.repos.outbox)).flatMap((e) => (e.notification.kind === "engagement-due" ? [[e.recipientId, e.notification.subject, e.notification.date, e.notification.daysBefore]] : []));
  return { world, notices };
}

describe("the secretariat is reminded in Teams", () => {
  it("of a reply to a communication 14, 7 and 1 days before it is due, on the day and the day after, at 09:00 local time, each once", async () => {
    const { world, notices } = await setUp();
    await receiveCommunication(world.deps, letter, world.secretariat);
    const at = async (instant: string) => {
      world.clock.set(instant);
      return runEngagementReminders(world.deps, { timeZone });
    };
    expect(await at("2026-03-18T07:59:00.000Z")).toEqual({ communications: 0, visits: 0 }); // 08:59 in Ljubljana, 14 days before
    expect(await at("2026-03-18T08:00:00.000Z")).toEqual({ communications: 1, visits: 0 });
    expect(await at("2026-03-18T12:00:00.000Z")).toEqual({ communications: 0, visits: 0 });
    expect(await at("2026-03-25T08:00:00.000Z")).toEqual({ communications: 1, visits: 0 });
    // The timer was down for the day before and the day itself: only the latest goes out.
    expect(await at("2026-04-01T10:00:00.000Z")).toEqual({ communications: 1, visits: 0 });
    expect(await at("2026-04-02T07:00:00.000Z")).toEqual({ communications: 1, visits: 0 }); // summer time: 09:00 is 07:00 UTC
    expect((await notices()).map(([recipient, , date, days]) => [recipient, date, days])).toEqual([
      ["sec-1", "2026-04-01", 14],
      ["sec-1", "2026-04-01", 7],
      ["sec-1", "2026-04-01", 0],
      ["sec-1", "2026-04-01", -1],
    ]);
  });

  it("of nothing about a reply sent already, and of a visit 14 and 7 days before it starts", async () => {
    const { world, notices } = await setUp();
    const replied = await receiveCommunication(world.deps, { ...letter, reference: "AL SVN 3/2026" }, world.secretariat);
    await world.repos.communications.update(replied.id, { status: "replied", sentOn: "2026-03-10" }, replied.eTag);
    let visit = await recordVisitRequest(world.deps, { mandate: "Special Rapporteur on the right to education", holder: "Farida Shaheed", requestedOn: "2026-01-12", requestedFrom: "2026-05-11", requestedTo: "2026-05-22", timeZone }, world.secretariat);
    visit = await replyToVisitRequest(world.deps, visit.id, { eTag: visit.eTag, reply: "accept", on: "2026-02-02" }, world.secretariat);
    await agreeVisitDates(world.deps, visit.id, { eTag: visit.eTag, from: "2026-05-11", to: "2026-05-22" }, world.secretariat);
    world.clock.set("2026-04-27T07:00:00.000Z");
    expect(await runEngagementReminders(world.deps, { timeZone })).toEqual({ communications: 0, visits: 1 });
    world.clock.set("2026-05-04T07:00:00.000Z");
    expect(await runEngagementReminders(world.deps, { timeZone })).toEqual({ communications: 0, visits: 1 });
    expect((await notices()).map(([, subject, date, days]) => [subject, date, days])).toEqual([
      ["visit", "2026-05-11", 14],
      ["visit", "2026-05-11", 7],
    ]);
  });
});
