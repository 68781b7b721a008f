/**
 * The chat commands, in every language the bot speaks (all are understood whatever the
 * person's language: people type what they know).
 */
import { defaultCatalogue } from "../../i18n/catalogue";

export type Command = "myRequests" | "help";

/** Short forms people type beside each language's own command words (command.myRequests, command.help in the catalogue). */
const MORE_WORDS: Record<Command, string[]> = {
  myRequests: ["my requests", "requests", "my request", "list", "mes demandes", "demandes", "mis solicitudes", "solicitudes", "طلباتي", "الطلبات", "meus pedidos", "pedidos"],
  help: ["help", "?", "aide", "ayuda", "مساعدة", "hi", "hello", "bonjour", "hola", "start", "olá", "ola"],
};

let commandWords: Record<Command, string[]> | undefined;

/** Every bot language's command words (a language added to the catalogue is understood at once), and the short forms. */
function wordsOf(): Record<Command, string[]> {
  if (commandWords) return commandWords;
  const catalogue = defaultCatalogue();
  const languages = catalogue.languagesFor("bot");
  const fromCatalogue = (key: string) => languages.map((language) => catalogue.messages(language, "bot")[key]?.toLocaleLowerCase().trim()).filter((word): word is string => Boolean(word));
  commandWords = {
    myRequests: [...new Set([...fromCatalogue("command.myRequests"), ...MORE_WORDS.myRequests])],
    help: [...new Set([...fromCatalogue("command.help"), ...MORE_WORDS.help])],
  };
  return commandWords;
}

/** A message's text as the person meant it: without the bot's @mention and without markup. */
export function plainText(text: string | undefined): string {
  if (!text) return "";
  return text
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

export function commandOf(text: string): Command | undefined {
  const normalized = text.toLocaleLowerCase().replace(/[.!\s]+$/u, "").replace(/^\/+/, "").replace(/\s+/g, " ").trim();
  for (const [command, words] of Object.entries(wordsOf()) as [Command, string[]][]) {
    if (words.includes(normalized)) return command;
  }
  return undefined;
}
