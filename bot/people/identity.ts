import { TeamsInfo, type Activity, type TurnContext } from "botbuilder";

/** The client's language and time zone, from the activity (Teams sends a clientInfo entity). */
export function clientSettings(activity: Partial<Activity>): { locale?: string; timeZone?: string } {
  const info = (activity.entities ?? []).find((entity) => entity.type === "clientInfo") as { locale?: unknown; timezone?: unknown } | undefined;
  const locale = typeof activity.locale === "string" && activity.locale ? activity.locale : typeof info?.locale === "string" ? info.locale : undefined;
  const timeZone = typeof info?.timezone === "string" && info.timezone ? info.timezone : typeof activity.localTimezone === "string" ? activity.localTimezone : undefined;
  return { locale, timeZone };
}

/**
 * Who sent the activity: the Entra ID object id (the id our lists use), which Teams puts in
 * `from.aadObjectId`. When it is missing, Teams can tell it (TeamsInfo.getMember); failing that,
 * the channel's user id.
 */
export async function identify(context: TurnContext): Promise<{ userId: string; name?: string }> {
  const from = context.activity.from ?? { id: "" };
  if (from.aadObjectId) return { userId: from.aadObjectId, name: from.name };
  if (context.activity.channelId === "msteams" && from.id) {
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      if (member.aadObjectId) return { userId: member.aadObjectId, name: member.name ?? from.name };
    } catch {
      // not a Teams member we can look up: use the channel id
    }
  }
  return { userId: from.id, name: from.name };
}

export function isPersonalConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return !type || type === "personal";
}
