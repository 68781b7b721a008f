import { TurnContext } from "botbuilder";
import { welcomeCard } from "../cards/welcome-card";
import { clientSettings } from "../people/identity";
import { openRequestsOf } from "../../core/requests/read-requests";
import { isUnanswered } from "../../core/requests/request-lifecycle";
import { sendCard } from "./replies";
import type { Turn } from "./turn-context";

/**
 * The app installed for someone (installationUpdate), or the bot added to their chat
 * (conversationUpdate): remember how to reach them, and greet them once, according to who they are.
 */
export async function onInstall(turn: Turn): Promise<void> {
  const { context, activity, persona, tr, deps } = turn;
  if (activity.type === "installationUpdate" && typeof activity.action === "string" && activity.action.startsWith("remove")) {
    deps.logger.info({ userId: persona.userId }, "the app was removed for a person");
    return;
  }
  if (activity.type === "conversationUpdate") {
    const added = activity.membersAdded ?? [];
    if (!added.length) return;
  }
  // An upgrade of the app ("add-upgrade") refreshes the reference but greets nobody.
  const install = !(activity.type === "installationUpdate" && activity.action !== "add");
  const reference = TurnContext.getConversationReference(activity);
  const { firstContact } = await deps.conversations.remember(persona.userId, reference, { ...clientSettings(activity), install });
  deps.logger.info({ userId: persona.userId, firstContact, action: activity.action }, "conversation stored");
  if (!firstContact || !install) return;
  // Those waiting for an answer: the figure "my requests" shows first.
  const openRequests = persona.focalPoints.length ? (await openRequestsOf(deps, persona.actor)).filter((view) => isUnanswered(view.request.status)).length : 0;
  const secretariat = await deps.directory.usersWithRole("Secretariat");
  await sendCard(context, welcomeCard(persona, tr, { openRequests, secretariat }));
}
