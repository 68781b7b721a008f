import { queryAll } from "../../core/ports/repository";
import { visibleText } from "../cards/adaptive";
import { buildTestBot, cardsOf, inputsOf, textsOf, verbsOf } from "../testing/bot-harness";
import { askJustice } from "../testing/requests";

describe("commands in the chat", () => {
  it("'my requests' lists the open requests with their due dates, each opening its card", async () => {
    const { send, from, action, invokeCard, world } = await buildTestBot();
    const { requests } = await askJustice(world, { count: 2, dueDate: "2026-03-09" });
    const [list] = cardsOf(await send(from("fp-1-technical", { text: "My requests" })));
    const text = visibleText(list);
    expect(text).toContain("2 open requests");
    expect(text).toContain("A/HRC/59/15, para. 140.1");
    expect(text).toContain("9 March 2026 (in 7 days)");
    expect(verbsOf(list)).toEqual(["showRequest", "showRequest"]);

    const opened = invokeCard(await send(action("fp-1-technical", "showRequest", { requestId: requests[1]!.id })));
    expect(visibleText(opened)).toContain("A/HRC/59/15, para. 140.2");
    expect(verbsOf(opened)).toEqual(["submitAnswer", "askMoreTime", "notOurMinistry"]);
  });

  it("'help' explains the commands, and dates follow the person's language", async () => {
    const { send, from, world } = await buildTestBot();
    await askJustice(world, { dueDate: "2026-03-09" });
    const help = visibleText(cardsOf(await send(from("fp-1-technical", { text: "help" })))[0]);
    expect(help).toContain("my requests");
    expect(help).toContain("up to 25 MB");
    const french = visibleText(cardsOf(await send(from("fp-1-technical", { text: "mes demandes", locale: "fr-FR" })))[0]);
    expect(french).toContain("9 mars 2026");
  });
});

describe("an answer typed in the chat", () => {
  it("with one open request: a confirm card with the text, and confirming saves it once", async () => {
    const { send, from, action, invokeCard, world } = await buildTestBot();
    const { requests } = await askJustice(world);
    const message = from("fp-1-technical", { text: "We trained 300 judges in 2025.", id: "msg-1" });
    const [confirm] = cardsOf(await send(message));
    expect(visibleText(confirm)).toContain("Save this as your answer?");
    expect(visibleText(confirm)).toContain("A/HRC/59/15, para. 140.1");
    expect(inputsOf(confirm)).toEqual(["text", "status"]);
    expect(verbsOf(confirm)).toEqual(["confirmChatAnswer", "myRequests"]);
    expect(await queryAll(world.repos.contributions)).toEqual([]);

    const data = { requestId: requests[0]!.id, messageId: "msg-1", text: "We trained 300 judges in 2025." };
    const saved = invokeCard(await send(action("fp-1-technical", "confirmChatAnswer", data)));
    expect(visibleText(saved)).toContain("version 1");
    await send(action("fp-1-technical", "confirmChatAnswer", data));
    const contributions = await queryAll(world.repos.contributions);
    expect(contributions).toHaveLength(1);
    expect(contributions[0]).toMatchObject({ via: "chat", submissionId: "msg-1", text: "We trained 300 judges in 2025." });
  });

  it("with several open requests: a choice, and choosing none is refused", async () => {
    const { send, from, action, invokeCard, world } = await buildTestBot();
    await askJustice(world, { count: 3 });
    const [choice] = cardsOf(await send(from("fp-1-technical", { text: "Some answer", id: "msg-2" })));
    expect(visibleText(choice)).toContain("Which request is this answer for?");
    expect(inputsOf(choice)).toEqual(["requestId", "text", "status"]);
    const refused = invokeCard(await send(action("fp-1-technical", "confirmChatAnswer", { messageId: "msg-2", text: "Some answer" })));
    expect(visibleText(refused)).toContain("Choose the request this is for.");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("with no open request: says so and saves nothing", async () => {
    const { send, from, world } = await buildTestBot();
    const sent = await send(from("fp-2-technical", { text: "Here is our answer" }));
    expect(textsOf(sent)[0]).toContain("no open request");
    expect(await queryAll(world.repos.contributions)).toEqual([]);
  });

  it("over the length limit: refused before anything", async () => {
    const { send, from, world } = await buildTestBot();
    await askJustice(world);
    const sent = await send(from("fp-1-technical", { text: "y".repeat(20_001) }));
    expect(textsOf(sent)[0]).toContain("longer than 20,000 characters");
    expect(cardsOf(sent)).toEqual([]);
  });

  it("from the chair or a stranger: no answer is taken", async () => {
    const { send, from } = await buildTestBot();
    expect(textsOf(await send(from("chair-1", { text: "Approved I think" })))[0]).toContain("Only ministries' focal points answer requests here");
    expect(visibleText(cardsOf(await send(from("stranger-9", { text: "hello?" })))[0])).toContain("Ask the secretariat for access");
  });

  it("in a group chat: the bot says it works in 1:1 chats only", async () => {
    const { send, from } = await buildTestBot();
    const sent = await send(from("fp-1-technical", { text: "my requests", conversation: { id: "19:group", conversationType: "groupChat", isGroup: true, name: "" } }));
    expect(textsOf(sent)[0]).toContain("1:1 chat only");
  });
});

describe("activities the bot does not act on", () => {
  it("ignores typing and reactions, and answers other invokes with 501", async () => {
    const { send, from } = await buildTestBot();
    expect(await send(from("fp-1-technical", { type: "typing" }))).toEqual([]);
    const other = await send(from("fp-1-technical", { type: "invoke", name: "composeExtension/query", value: {} }));
    expect(other).toEqual([expect.objectContaining({ type: "invokeResponse", value: { status: 501 } })]);
  });
});
