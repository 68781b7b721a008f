import type { DirectoryUser } from "../../core/ports/directory";
import type { Translator } from "../i18n/translate";
import { isKnown, type Persona } from "../people/persona";
import { adaptiveCard, banner, execute, heading, textBlock, type AdaptiveCard, type CardElement } from "./adaptive";

/** What the person does with the bot, according to who they are. */
function roleLines(persona: Persona, tr: Translator): string[] {
  const lines: string[] = [];
  for (const focalPoint of persona.focalPoints) {
    lines.push(
      focalPoint.role === "technical"
        ? tr.t("welcome.technical", { ministry: focalPoint.ministryName })
        : tr.t("welcome.senior", { ministry: focalPoint.ministryName }),
    );
  }
  if (persona.roles.includes("Chair")) lines.push(tr.t("welcome.chair"));
  if (persona.roles.includes("Secretariat")) lines.push(tr.t("welcome.secretariat"));
  if (persona.roles.includes("Observer")) lines.push(tr.t("welcome.observer"));
  if (persona.roles.includes("Admin")) lines.push(tr.t("welcome.admin"));
  return lines;
}

function whoToAsk(secretariat: DirectoryUser[], tr: Translator): string {
  if (!secretariat.length) return tr.t("welcome.askSecretariatNobody");
  const names = secretariat
    .slice(0, 5)
    .map((person) => (person.email ? `${person.displayName} (${person.email})` : person.displayName))
    .join(", ");
  return tr.t("welcome.askSecretariat", { names });
}

/** The greeting on install: who the bot thinks the person is, and what comes next. */
export function welcomeCard(persona: Persona, tr: Translator, context: { openRequests: number; secretariat: DirectoryUser[] }): AdaptiveCard {
  const known = isKnown(persona);
  const body: (CardElement | undefined)[] = [heading(tr.t("welcome.hello", { name: persona.displayName })), textBlock(tr.t("welcome.intro"))];
  if (!known) {
    body.push(banner(tr.t("welcome.unknown"), "warning"), textBlock(whoToAsk(context.secretariat, tr)));
  } else {
    for (const line of roleLines(persona, tr)) body.push(textBlock(line));
    if (persona.focalPoints.length) {
      body.push(textBlock(context.openRequests ? tr.t("welcome.openRequests", { count: context.openRequests }) : tr.t("welcome.noOpenRequests"), { weight: "Bolder" }));
      body.push(textBlock(tr.t("welcome.howToAnswer")));
    }
  }
  return adaptiveCard(tr, body, {
    actions: [persona.focalPoints.length > 0 && execute(tr.t("action.myRequests"), "myRequests", {}), execute(tr.t("action.help"), "help", {})],
    fallbackText: tr.t("welcome.hello", { name: persona.displayName }),
  });
}

/** "help": the commands and how to answer, for this person. */
export function helpCard(persona: Persona, tr: Translator, context: { secretariat: DirectoryUser[] }): AdaptiveCard {
  const body: (CardElement | undefined)[] = [heading(tr.t("help.title"))];
  if (!isKnown(persona)) {
    body.push(textBlock(tr.t("welcome.unknown")), textBlock(whoToAsk(context.secretariat, tr)));
  } else {
    for (const line of roleLines(persona, tr)) body.push(textBlock(line));
  }
  body.push(
    textBlock(tr.t("help.commands"), { weight: "Bolder" }),
    textBlock([`- **${tr.t("command.myRequests")}**: ${tr.t("help.myRequests")}`, `- **${tr.t("command.help")}**: ${tr.t("help.help")}`].join("\n")),
  );
  if (persona.focalPoints.length) {
    body.push(textBlock(tr.t("help.answering"), { weight: "Bolder" }), textBlock(tr.t("help.answeringText")), textBlock(tr.t("help.files")));
  }
  return adaptiveCard(tr, body, { actions: [persona.focalPoints.length > 0 && execute(tr.t("action.myRequests"), "myRequests", {})] });
}

/** Something went wrong with a button: what, in plain words; nothing was changed. */
export function errorCard(tr: Translator, message: string, options: { title?: string; actions?: ReturnType<typeof execute>[] } = {}): AdaptiveCard {
  return adaptiveCard(tr, [banner(options.title ?? tr.t("error.title"), "attention"), textBlock(message), textBlock(tr.t("error.nothingChanged"), { isSubtle: true })], {
    actions: options.actions,
    fallbackText: message,
  });
}

/** A short confirmation or information, as a card (the answer to a button that needs no other card). */
export function infoCard(tr: Translator, title: string, text: string): AdaptiveCard {
  return adaptiveCard(tr, [heading(title), textBlock(text)], { fallbackText: text });
}
