import { ActivityTypes, TurnContext } from "botbuilder";
import { createTranslator } from "../i18n/translate";
import { describeError } from "../logger";
import { clientSettings, identify, isPersonalConversation } from "../people/identity";
import { resolvePersona } from "../people/persona";
import { onCardAction } from "./card-action";
import { onInstall } from "./install";
import { onMessage } from "./message";
import { errorCard } from "../cards/welcome-card";
import { respondWithCard, sendText } from "./replies";
import type { BotDeps, Turn } from "./turn-context";

const ADAPTIVE_CARD_ACTION = "adaptiveCard/action";

/**
 * The bot's turn logic: resolves who is talking and in which language, then hands the activity
 * to its route. Works on any botbuilder adapter (CloudAdapter in the server, TestAdapter in tests).
 */
export function createTurnHandler(deps: BotDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const now = deps.clock.now();
    const fallback = createTranslator(deps.config.defaultLocale, deps.config.timeZone, deps.config.defaultLocale);
    const isCardAction = activity.type === ActivityTypes.Invoke && activity.name === ADAPTIVE_CARD_ACTION;
    try {
      if (activity.type === ActivityTypes.Invoke && !isCardAction) {
        // Other invokes (message extensions, file consent...) are not the bot's: "not implemented".
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 501 } });
        return;
      }
      if (![ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate, ActivityTypes.Invoke].includes(activity.type as ActivityTypes)) return;
      if (!activity.from?.id || !activity.conversation?.id) return;

      if (!isPersonalConversation(activity)) {
        if (activity.type === ActivityTypes.Message) await sendText(context, fallback.t("chat.personalOnly"));
        if (isCardAction) await respondWithCard(context, errorCard(fallback, fallback.t("chat.personalOnly")));
        return;
      }

      const identity = await identify(context);
      const persona = await resolvePersona(deps, identity);
      const settings = clientSettings(activity);
      const stored = activity.type === ActivityTypes.Message || isCardAction ? await deps.conversations.get(persona.userId) : undefined;
      const tr = createTranslator(settings.locale ?? stored?.locale ?? persona.locale, deps.config.timeZone, deps.config.defaultLocale);
      const turn: Turn = { context, activity, persona, tr, now, deps };

      switch (activity.type) {
        case ActivityTypes.InstallationUpdate:
        case ActivityTypes.ConversationUpdate:
          await onInstall(turn);
          return;
        case ActivityTypes.Message:
          // Keep the reference and the person's language fresh: proactive cards use them.
          await deps.conversations.remember(persona.userId, TurnContext.getConversationReference(activity), settings);
          await onMessage(turn);
          return;
        case ActivityTypes.Invoke:
          await onCardAction(turn);
          return;
      }
    } catch (error) {
      deps.logger.error({ type: activity.type, name: activity.name, error: describeError(error) }, "the bot could not handle an activity");
      if (isCardAction) await respondWithCard(context, errorCard(fallback, fallback.t("error.unexpected")));
      else if (activity.type === ActivityTypes.Message) await sendText(context, fallback.t("error.unexpected")).catch(() => undefined);
    }
  };
}
