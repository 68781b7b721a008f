import { defaultCatalogue } from "../../i18n/catalogue";
import { commandOf } from "./commands";
import { createTranslator } from "./translate";

const catalogue = defaultCatalogue();
/** Every language the bot speaks, with its words for the commands. */
const BOT_LANGUAGES = catalogue.languagesFor("bot").filter((language) => language !== "en");

describe.each(BOT_LANGUAGES)("the bot in %s", (language) => {
  const tr = createTranslator(language);

  it("writes its command words so that the bot understands them, in the help and wherever a message names them", () => {
    expect(commandOf(tr.t("command.myRequests"))).toBe("myRequests");
    expect(commandOf(tr.t("command.help"))).toBe("help");
    const messages = catalogue.messages(language, "bot");
    const named = Object.entries(messages).flatMap(([key, text]) => [...text.matchAll(/\*\*([^*{}]+?)\*\*/g)].map((m) => ({ key, word: m[1]! })));
    expect(named.length).toBeGreaterThan(2);
    for (const { key, word } of named) expect({ key, word, understood: commandOf(word) !== undefined }).toEqual({ key, word, understood: true });
  });
});

describe("the Arabic bot", () => {
  it("chooses the singular, dual, plural and counted forms by the number, in Arabic digits", () => {
    const tr = createTranslator("ar-EG", "Africa/Cairo");
    expect(tr.rtl).toBe(true);
    expect(tr.t("myRequests.count", { count: 1 })).toBe("طلب واحد مفتوح");
    expect(tr.t("myRequests.count", { count: 2 })).toBe("طلبان مفتوحان");
    expect(tr.t("myRequests.count", { count: 5 })).toBe("٥ طلبات مفتوحة");
    expect(tr.t("myRequests.count", { count: 11 })).toBe("١١ طلبًا مفتوحًا");
    expect(tr.t("myRequests.count", { count: 100 })).toBe("١٠٠ طلب مفتوح");
    expect(tr.t("due.late", { count: 3 })).toBe("متأخر ٣ أيام");
  });
});

describe("a person's language chooses the messages", () => {
  it("French and Spanish fill in their parameters with their own number formats", () => {
    expect(createTranslator("fr-FR").t("digest.count", { count: 1200 })).toMatch(/^1\s200 demandes sont en retard\.$/);
    expect(createTranslator("fr-CA").t("due.inDays", { count: 1 })).toBe("dans 1 jour");
    expect(createTranslator("es-MX").t("subject.recommendation", { symbol: "A/HRC/59/15", paragraph: "140.7" })).toBe("A/HRC/59/15, párr. 140.7");
    expect(createTranslator("es-ES").t("myRequests.count", { count: 1 })).toBe("1 solicitud abierta");
  });

  it("a language the catalogue lacks is English; a number given to a plain {parameter} is in the locale's digits", () => {
    expect(createTranslator("xx-YY").t("request.title")).toBe("Request for input");
    expect(createTranslator("fr-FR").t("error.answerTooLong", { max: 20_000 })).toMatch(/20\s000/);
  });
});
