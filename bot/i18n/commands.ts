/**
 * The chat commands, in every language the bot speaks (all are understood whatever the
 * person's language: people type what they know).
 */
export type Command = "myRequests" | "help";

const COMMAND_WORDS: Record<Command, string[]> = {
  myRequests: ["my requests", "requests", "my request", "list", "mes demandes", "demandes", "mis solicitudes", "solicitudes", "طلباتي", "الطلبات"],
  help: ["help", "?", "aide", "ayuda", "مساعدة", "hi", "hello", "bonjour", "hola", "start"],
};

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
  for (const [command, words] of Object.entries(COMMAND_WORDS) as [Command, string[]][]) {
    if (words.includes(normalized)) return command;
  }
  return undefined;
}
