import { visibleText } from "../cards/adaptive";
import { buildTestBot, cardsOf, verbsOf } from "../testing/bot-harness";
import { queryAll } from "../../core/ports/repository";

describe("installing the app: the bot remembers the chat and greets the person according to who they are", () => {
  it("greets a technical focal point with their ministry and their open requests, and stores the conversation", async () => {
    const { send, from, world } = await buildTestBot();
    const sent = await send(from("fp-1-technical", { type: "installationUpdate", action: "add", locale: "fr-FR" }));

    const [card] = cardsOf(sent);
    const text = visibleText(card);
    // Teams said the person reads French: the greeting is in French (the ministry's name is as the mechanism wrote it).
    expect(text).toContain("Bonjour Tess Justice.");
    expect(text).toContain("point focal technique du Ministry of Justice");
    expect(text).toContain("aucune demande en attente de réponse");
    expect(verbsOf(card)).toEqual(["myRequests", "help"]);

    const [conversation] = await queryAll(world.repos.conversations);
    expect(conversation).toMatchObject({ userId: "fp-1-technical", locale: "fr-FR" });
    expect(conversation!.reference).toMatchObject({ serviceUrl: "https://smba.example.test/teams/", conversation: { id: "a:chat-fp-1-technical" } });
    expect(conversation!.reference).not.toHaveProperty("activityId");
  });

  it("greets once when Teams sends both installationUpdate and conversationUpdate", async () => {
    const { send, from } = await buildTestBot();
    const first = await send(from("fp-1-senior", { type: "installationUpdate", action: "add" }));
    const second = await send(from("fp-1-senior", { type: "conversationUpdate", membersAdded: [{ id: "28:bot", name: "NMIRF" }] }));
    expect(cardsOf(first)).toHaveLength(1);
    expect(visibleText(cardsOf(first)[0])).toContain("senior focal point of the Ministry of Justice");
    expect(cardsOf(second)).toHaveLength(0);
  });

  it("greets again when the app is installed again long after", async () => {
    const { send, from, world } = await buildTestBot();
    await send(from("chair-1", { type: "installationUpdate", action: "add" }));
    world.clock.advanceDays(30);
    const again = await send(from("chair-1", { type: "installationUpdate", action: "add" }));
    expect(visibleText(cardsOf(again)[0])).toContain("You are the chair");
  });

  it("does not greet again when the app is upgraded", async () => {
    const { send, from, world } = await buildTestBot();
    await send(from("chair-1", { type: "installationUpdate", action: "add" }));
    world.clock.advanceDays(30);
    expect(cardsOf(await send(from("chair-1", { type: "installationUpdate", action: "add-upgrade" })))).toEqual([]);
  });

  it("tells the chair and the secretariat what will come to them", async () => {
    const { send, from } = await buildTestBot();
    const chair = visibleText(cardsOf(await send(from("chair-1", { type: "installationUpdate", action: "add" })))[0]);
    const secretariat = visibleText(cardsOf(await send(from("sec-1", { type: "installationUpdate", action: "add" })))[0]);
    expect(chair).toContain("drafts to approve");
    expect(secretariat).toContain("daily list of overdue requests");
  });

  it("tells an unknown person whom to ask for access", async () => {
    const { send, from } = await buildTestBot();
    const sent = await send(from("stranger-9", { type: "conversationUpdate", membersAdded: [{ id: "28:bot", name: "NMIRF" }] }));
    const text = visibleText(cardsOf(sent)[0]);
    expect(text).toContain("I do not know you yet");
    expect(text).toContain("Sara Secretariat (sara@gov.example)");
  });

  it("does nothing when the app is removed, and stores nothing from a group chat", async () => {
    const { send, from, world } = await buildTestBot();
    expect(await send(from("fp-1-technical", { type: "installationUpdate", action: "remove" }))).toEqual([]);
    await send(from("fp-1-technical", { type: "conversationUpdate", membersAdded: [{ id: "28:bot", name: "NMIRF" }], conversation: { id: "19:group", conversationType: "groupChat", isGroup: true, name: "" } }));
    expect(await queryAll(world.repos.conversations)).toEqual([]);
  });
});
