/**
 * To the secretariat: what is due beyond requests (core/engagement/engagement-reminders.ts): the
 * reply to a special procedures' communication, or a visit about to start.
 */
import type { CommunicationFields } from "../../core/communications/communication";
import type { Stored } from "../../core/records/common";
import type { VisitFields } from "../../core/visits/visit";
import type { MessageKey, Translator } from "../i18n/translate";
import { adaptiveCard, banner, facts, heading, type AdaptiveCard } from "./adaptive";

export function communicationDueCard(communication: Stored<CommunicationFields>, daysBefore: number, tr: Translator): AdaptiveCard {
  const title =
    daysBefore < 0 ? tr.t("engagement.replyOverdue", { count: -daysBefore }) : daysBefore === 0 ? tr.t("engagement.replyDueToday") : tr.t("engagement.replyDue", { count: daysBefore });
  return adaptiveCard(
    tr,
    [
      banner(title, daysBefore <= 0 ? "attention" : "warning"),
      heading(tr.t("engagement.communication", { reference: communication.reference })),
      facts([
        [tr.t("engagement.kind"), tr.t(`engagement.kind.${communication.kind}` as MessageKey)],
        [tr.t("engagement.mandates"), communication.mandates.join("; ")],
        [tr.t("engagement.received"), tr.date(communication.receivedOn)],
        [tr.t("engagement.replyDueOn"), tr.date(communication.replyDueDate)],
      ]),
    ],
    { fallbackText: `${title} ${communication.reference}` },
  );
}

export function visitDueCard(visit: Stored<VisitFields>, daysBefore: number, tr: Translator): AdaptiveCard {
  const title = tr.t("engagement.visitStarts", { count: daysBefore });
  return adaptiveCard(
    tr,
    [
      banner(title, "warning"),
      heading(visit.mandate),
      facts([
        [tr.t("engagement.holder"), visit.holder],
        [tr.t("engagement.visitDates"), visit.agreedFrom && visit.agreedTo ? `${tr.date(visit.agreedFrom)} – ${tr.date(visit.agreedTo)}` : visit.agreedFrom ? tr.date(visit.agreedFrom) : undefined],
        [tr.t("engagement.meetings"), String(visit.programme.length)],
      ]),
    ],
    { fallbackText: `${title} ${visit.mandate}` },
  );
}
