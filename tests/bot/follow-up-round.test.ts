/**
 * A follow-up round through the real bot: core queues one card per action, createBot's sender
 * sends them through botbuilder's CloudAdapter to a loopback Bot Connector, and the focal
 * point's submit goes through the bot's adapter to reportProgress.
 */
import { queryAll } from "../../core/ports/repository";
import { createAction, createIndicator } from "../../core/followup/plan-actions";
import { startFollowUpRound } from "../../core/followup/follow-up-round";
import { recoverOperations } from "../../core/operations/recover";
import { createRequests } from "../../core/requests/create-requests";
import { setFollowUpSchedule } from "../../core/followup/follow-up-schedules";
import { visibleText, type AdaptiveCard } from "../../bot/cards/adaptive";
import { buildTestBot, cardsOf, inputsOf, verbsOf } from "../../bot/testing/bot-harness";
import { FakeConnector } from "../../bot/testing/fake-connector";
import { FileServer, PDF_BYTES } from "../../bot/testing/file-server";
import { TEAMS_FILE_DOWNLOAD_INFO } from "../../bot/files/evidence";
import { reviewProgress } from "../../core/followup/progress";
import { followUpFigures, readIndicator } from "../../core/followup/read-followup";
import { compileDraft } from "../../core/drafts/compile-draft";
import { DocxDraftRenderer } from "../../drafts/docx-draft-renderer";
import { readDocx } from "../../drafts/testing/read-docx";

const connector = new FakeConnector();
beforeAll(() => connector.start());
afterAll(() => connector.stop());
beforeEach(() => {
  connector.options = {};
  connector.sent.length = 0;
  connector.requests.length = 0;
});

const sentCards = () => connector.sent.map((request) => (request.body.attachments as { content: AdaptiveCard }[])[0]!.content);
const evidence = { name: "detention-statistics.pdf", fileId: "01EV", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Evidence/detention-statistics.pdf", size: 2_048 };

async function setup() {
  const harness = await buildTestBot();
  const { world } = harness;
  const [justice, health] = world.ministries;
  for (const userId of ["fp-1-technical", "fp-2-technical"]) {
    await world.repos.conversations.create({
      userId,
      reference: { channelId: "msteams", serviceUrl: connector.url, bot: { id: "28:bot" }, user: { id: `29:${userId}`, aadObjectId: userId }, conversation: { id: `a:chat-${userId}` } },
      locale: "en-GB",
      updatedAt: world.clock.now().toISOString(),
    });
  }
  const recommendations = [await world.addRecommendation(), await world.addRecommendation(), await world.addRecommendation()];
  const base = { startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "A juvenile justice act in force" };
  const reform = await createAction(world.deps, { ...base, title: "Juvenile justice reform", recommendationIds: recommendations.map((r) => r.id), leadMinistryId: justice!.id }, world.secretariat);
  const training = await createAction(world.deps, { ...base, title: "Training of juvenile judges", recommendationIds: [recommendations[0]!.id], leadMinistryId: justice!.id }, world.secretariat);
  const clinics = await createAction(world.deps, { ...base, title: "Youth health clinics", recommendationIds: [recommendations[1]!.id], leadMinistryId: health!.id }, world.secretariat);
  const indicator = { actionId: reform.id, unit: "children", baselineDate: "2025-12-31", targetDate: "2027-12-31", dataSource: "Prison administration" };
  const detention = await createIndicator(world.deps, { ...indicator, definition: "Children in pre-trial detention", baselineValue: 120, targetValue: 40 }, world.secretariat);
  const diversion = await createIndicator(world.deps, { ...indicator, definition: "Diversion orders", unit: "orders", baselineValue: 10, targetValue: 200 }, world.secretariat);
  return { ...harness, reform, training, clinics, detention, diversion };
}

describe("a follow-up round", () => {
  it("sends each lead ministry's focal point one card per action, and starting it again sends nothing twice", async () => {
    const { world, bot, reform, training, clinics } = await setup();
    const round = { title: "2026 Q1", mechanism: "UPR" as const, dueDate: "2026-03-31" };
    const started = await startFollowUpRound(world.deps, round, world.secretariat);
    expect(started).toMatchObject({ actions: 3, queued: 3, alreadyQueued: 0, unaddressed: [] });
    await bot.sender.drain();
    const cards = sentCards();
    expect(connector.sent.map((r) => r.path).filter((p) => p.includes("chat-fp-1-technical"))).toHaveLength(2);
    const toJustice = connector.sent.flatMap((r, index) => (r.path.includes("chat-fp-1-technical") ? [visibleText(cards[index])] : []));
    expect(toJustice.map((text) => (text.includes(reform.title) ? reform.title : text.includes(training.title) ? training.title : "?")).sort()).toEqual([reform.title, training.title].sort());
    const reformCard = cards.find((c) => visibleText(c).includes(reform.title))!;
    expect(visibleText(reformCard)).toContain("Follow-up round 2026 Q1: please report by 31 March 2026");
    expect(visibleText(reformCard)).toContain("Baseline 120 children");
    expect(inputsOf(reformCard)).toEqual(expect.arrayContaining(["progress", "status", "asOf"]));
    expect(verbsOf(reformCard)).toEqual(["submitProgress"]);
    expect(cards.some((c) => visibleText(c).includes(clinics.title))).toBe(true);

    const again = await startFollowUpRound(world.deps, { ...round, title: " 2026  q1 " }, world.secretariat);
    expect(again).toMatchObject({ round: { id: started.round.id }, queued: 0, alreadyQueued: 3 });
    await bot.sender.drain();
    expect(connector.sent).toHaveLength(3);
  });

  it("takes the focal point's progress, status, values and evidence from the card, versioned, a replay saved once", async () => {
    const { world, bot, send, action, invokeCard, reform, detention, diversion } = await setup();
    const { round } = await startFollowUpRound(world.deps, { title: "2026 Q1", mechanism: "UPR", dueDate: "2026-03-31" }, world.secretariat);
    await bot.sender.drain();
    const submit = action(
      "fp-1-technical",
      "submitProgress",
      { actionId: reform.id, roundId: round.id, progress: "The draft act is before parliament.", status: "under-way", asOf: "2026-03-31", [`value_${detention.id}`]: "95", [`value_${diversion.id}`]: "", attachments: [evidence] },
      { id: "f:progress-1" },
    );
    const card = invokeCard(await send({ ...submit }));
    expect(visibleText(card)).toContain("Your update is saved (version 1): the secretariat will review it.");
    expect(visibleText(card)).toContain("The draft act is before parliament.");
    const replay = invokeCard(await send({ ...submit }));
    expect(visibleText(replay)).toContain("already saved (version 1)");
    const updates = await queryAll(world.repos.progressUpdates);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actionId: reform.id, version: 1, via: "card", reportedStatus: "under-way", authorId: "fp-1-technical", values: [{ indicatorId: detention.id, value: 95, date: "2026-03-31" }], attachments: [evidence] });
  });

  it("refuses a value that is not a figure, or progress without words, keeps what was typed, and saves nothing", async () => {
    const { world, send, action, invokeCard, reform, detention } = await setup();
    const notAFigure = invokeCard(await send(action("fp-1-technical", "submitProgress", { actionId: reform.id, progress: "Done a lot.", status: "under-way", asOf: "2026-03-31", [`value_${detention.id}`]: "about ninety" })));
    expect(visibleText(notAFigure)).toContain("“about ninety” is not a number");
    expect(JSON.stringify(notAFigure)).toContain('"value":"Done a lot."');
    const empty = invokeCard(await send(action("fp-1-technical", "submitProgress", { actionId: reform.id, progress: "  ", status: "under-way" })));
    expect(visibleText(empty)).toContain("Say what was done.");
    const otherMinistry = invokeCard(await send(action("fp-2-technical", "submitProgress", { actionId: reform.id, progress: "Not ours.", status: "done" })));
    expect(visibleText(otherMinistry)).toContain("Only a focal point of the lead ministry reports on this action.");
    expect(await queryAll(world.repos.progressUpdates)).toEqual([]);
  });

  it("interrupted by a crash, is finished by the recovery without sending a card twice", async () => {
    const { world, bot } = await setup();
    const createMany = world.repos.outbox.createMany.bind(world.repos.outbox);
    let calls = 0;
    world.repos.outbox.createMany = async (inputs) => {
      calls += 1;
      if (calls === 1) {
        await createMany(inputs.slice(0, 1));
        throw new Error("process killed");
      }
      return createMany(inputs);
    };
    await expect(startFollowUpRound(world.deps, { title: "2026 Q1", mechanism: "UPR", dueDate: "2026-03-31" }, world.secretariat)).rejects.toThrow("process killed");
    world.repos.outbox.createMany = createMany;
    world.clock.advance(5 * 60_000);
    const run = await recoverOperations(world.deps);
    expect(run.finished).toEqual([expect.objectContaining({ kind: "follow-up-round", records: 2 })]);
    await bot.sender.drain();
    expect(connector.sent).toHaveLength(3);
    expect(new Set((await queryAll(world.repos.outbox)).map((e) => e.key)).size).toBe(3);
  });

  it("end to end: the card's progress, accepted by the secretariat, moves the recommendations, the indicator and the dashboard, and writes the mid-term report's draft with its attribution", async () => {
    const { world, bot, send, action, reform, detention, diversion } = await setup();
    const { round } = await startFollowUpRound(world.deps, { title: "2026 Q1", mechanism: "UPR", dueDate: "2026-03-31" }, world.secretariat);
    await bot.sender.drain();
    const progress = "The draft juvenile justice act is before parliament; 25 children fewer are in pre-trial detention.";
    await send(action("fp-1-technical", "submitProgress", { actionId: reform.id, roundId: round.id, progress, status: "under-way", asOf: "2026-03-31", [`value_${detention.id}`]: "95", [`value_${diversion.id}`]: "", attachments: [evidence] }, { id: "f:journey" }));
    const [update] = await queryAll(world.repos.progressUpdates);
    const options = { timeZone: "Europe/Ljubljana" };
    expect((await followUpFigures(world.deps, world.secretariat, options, new Set(reform.recommendationIds))).actions.byStatus["under-way"]).toBe(0);

    await reviewProgress(world.deps, { updateId: update!.id, decision: "accepted" }, world.secretariat);
    for (const id of reform.recommendationIds) expect((await world.repos.recommendations.get(id)).status).toBe("in-progress");
    const indicator = await readIndicator(world.deps, detention.id, world.secretariat, options);
    expect(JSON.stringify(indicator)).toContain('"value":95');
    expect((await followUpFigures(world.deps, world.secretariat, options, new Set(reform.recommendationIds))).actions.byStatus["under-way"]).toBe(1);

    // The mid-term report compiled afterwards says it, attributed as a contribution is.
    const midterm = await world.addReport({ title: "UPR mid-term report", type: "upr-midterm", cycle: 4 });
    await createRequests(world.deps, { reportId: midterm.id, subjects: [{ kind: "recommendation", recommendationId: reform.recommendationIds[0]! }], ask: "Update?", dueDate: "2026-11-01" }, world.secretariat);
    const compiled = await compileDraft({ ...world.deps, renderer: new DocxDraftRenderer() }, { reportId: midterm.id }, world.secretariat);
    const docx = await readDocx((await world.documents.get("Drafts", compiled.draft.fileId)).content);
    expect(docx.paragraphs.map((p) => p.text)).toContain(progress);
    const comment = docx.comments.find((c) => c.text.includes(reform.title))!;
    expect(comment.text).toContain(`progress on the action “${reform.title}”, reported by`);
    expect(comment.text).toContain("Action status: Under way.");
    expect(comment.text).toContain(evidence.name);
  });

  it("on a schedule: the leader's reminder run starts the quarter's round by itself and the cards go out, once", async () => {
    const { world, bot } = await setup();
    await setFollowUpSchedule(world.deps, { mechanism: "UPR", everyMonths: 3, firstDueDate: "2026-06-30", startDaysBefore: 21 }, world.secretariat);
    world.clock.set("2026-06-08T22:30:00.000Z"); // 9 June in Ljubljana: the round's first day
    await bot.scheduler.tick();
    await bot.sender.drain();
    expect(sentCards().map((card) => visibleText(card)).filter((text) => text.includes("UPR follow-up due 2026-06-30"))).toHaveLength(3);
    await bot.scheduler.tick();
    await bot.sender.drain();
    expect(connector.sent).toHaveLength(3);
    expect((await queryAll(world.repos.followUpRounds)).map((r) => r.title)).toEqual(["UPR follow-up due 2026-06-30"]);
  });

  it("reminds the focal points who have not reported before the due date, in the same card with a reminder on top; an action reported on is not reminded of", async () => {
    const { world, bot, send, action, reform, training, clinics } = await setup();
    const { round } = await startFollowUpRound(world.deps, { title: "2026 Q4", mechanism: "UPR", dueDate: "2026-12-15" }, world.secretariat);
    await bot.sender.drain();
    await send(action("fp-1-technical", "submitProgress", { actionId: training.id, roundId: round.id, progress: "Forty judges trained.", status: "under-way" }, { id: "f:training" }));
    connector.sent.length = 0;

    world.clock.set("2026-12-08T08:00:00.000Z"); // 09:00 in Ljubljana, seven days before
    await bot.scheduler.tick();
    await bot.sender.drain();
    const reminders = sentCards().map((card) => visibleText(card));
    expect(reminders.filter((text) => text.includes("Reminder: the secretariat asks for this update within 7 days."))).toHaveLength(2);
    expect(reminders.join("\n")).toContain(reform.title);
    expect(reminders.join("\n")).toContain(clinics.title);
    expect(reminders.join("\n")).not.toContain(training.title);
  });

  it("files a focal point sends in the chat with no request open go with the progress of the action a round asked about", async () => {
    const files = new FileServer();
    await files.start();
    files.files.set("detention-figures.pdf", { content: PDF_BYTES });
    try {
      const harness = await buildTestBot({ fetch: files.fetch });
      const { world, bot, send, from, action } = harness;
      await world.repos.conversations.create({
        userId: "fp-2-technical",
        reference: { channelId: "msteams", serviceUrl: connector.url, bot: { id: "28:bot" }, user: { id: "29:fp-2-technical", aadObjectId: "fp-2-technical" }, conversation: { id: "a:chat-fp-2-technical" } },
        locale: "en-GB",
        updatedAt: world.clock.now().toISOString(),
      });
      const [, health] = world.ministries;
      const recommendation = await world.addRecommendation();
      const clinics = await createAction(world.deps, { title: "Youth health clinics", recommendationIds: [recommendation.id], leadMinistryId: health!.id, startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "Ten clinics open" }, world.secretariat);
      const { round } = await startFollowUpRound(world.deps, { title: "2026 Q1", mechanism: "UPR", dueDate: "2026-03-31" }, world.secretariat);
      await bot.sender.drain();

      const file = { contentType: TEAMS_FILE_DOWNLOAD_INFO, name: "detention-figures.pdf", content: { downloadUrl: files.url("detention-figures.pdf"), uniqueId: "df", fileType: "pdf" } };
      const [card] = cardsOf(await send(from("fp-2-technical", { text: "Three clinics opened in March.", attachments: [file] })));
      expect(visibleText(card)).toContain(clinics.title);
      expect(visibleText(card)).toContain("detention-figures.pdf");
      const submit = card!.actions!.find((a) => a.verb === "submitProgress")!;
      expect(submit.data).toMatchObject({ actionId: clinics.id, roundId: round.id, attachments: [expect.objectContaining({ name: "detention-figures.pdf" })] });
      await send(action("fp-2-technical", "submitProgress", { ...(submit.data as Record<string, unknown>), progress: "Three clinics opened in March.", status: "under-way" }, { id: "f:clinics" }));
      const [update] = (await queryAll(world.repos.progressUpdates)).filter((u) => u.actionId === clinics.id);
      expect(update).toMatchObject({ text: "Three clinics opened in March.", attachments: [expect.objectContaining({ name: "detention-figures.pdf" })] });
    } finally {
      await files.stop();
    }
  });
});
