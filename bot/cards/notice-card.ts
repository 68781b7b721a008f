import type { Notification } from "../../core/outbox/notification";
import type { MessageKey } from "../i18n/translate";
import type { RequestView } from "../../core/requests/read-requests";
import { adaptiveCard, facts, heading, subtle, textBlock, type AdaptiveCard, type CardElement } from "./adaptive";
import { dueText, requestStatusLabel, subjectLabel, type CardContext } from "./request-card";

type NoticeNotification = Extract<Notification, { kind: "notice" }>;

/** The secretariat's decisions a focal point hears of: said in the reader's language, with the secretariat's own words. */
const DECISION_TOPICS = new Set<NoticeNotification["topic"]>(["more-time-granted", "more-time-refused", "reassigned", "answer-accepted", "answer-returned"]);

/**
 * Something the secretariat should know (more time asked, not our ministry, a message that could
 * not be delivered), or a decision of the secretariat a focal point should hear.
 */
export function noticeCard(notice: NoticeNotification, view: RequestView | undefined, ctx: CardContext): AdaptiveCard {
  const { tr } = ctx;
  const title = tr.t(`notice.${notice.topic}` as MessageKey);
  const decision = DECISION_TOPICS.has(notice.topic);
  const date = notice.until ?? view?.request.dueDate;
  const body = decision
    ? tr.t(`notice.body.${notice.topic}` as MessageKey, { date: date ? tr.date(date) : "", ministry: notice.ministryName ?? "" })
    : notice.text;
  return adaptiveCard(
    tr,
    [
      heading(title),
      textBlock(body),
      decision && notice.comment ? facts([[tr.t("notice.comment"), notice.comment]]) : undefined,
      view
        ? facts([
            [tr.t("notice.request"), subjectLabel(view, tr)],
            [tr.t("request.ministry"), view.ministry?.name],
            [tr.t("request.due"), dueText(view, ctx)],
            [tr.t("request.status"), requestStatusLabel(tr, view.request.status)],
            [tr.t("notice.report"), view.report?.title],
          ])
        : undefined,
    ],
    { fallbackText: `${title}: ${body}` },
  );
}

/** The secretariat's daily list of overdue requests. */
export function digestCard(date: string, views: RequestView[], totalIds: number, ctx: CardContext, options: { limit?: number } = {}): AdaptiveCard {
  const { tr } = ctx;
  const limit = options.limit ?? 30;
  const rows: CardElement[] = views.slice(0, limit).map((view) => ({
    type: "Container",
    separator: true,
    items: [
      textBlock(`**${subjectLabel(view, tr)}** · ${view.ministry?.name ?? view.request.ministryId}`),
      subtle(`${tr.t("request.due")} ${dueText(view, ctx)} · ${requestStatusLabel(tr, view.request.status)}${view.report ? ` · ${view.report.title}` : ""}`),
    ],
  }));
  return adaptiveCard(
    tr,
    [
      heading(tr.t("digest.title", { date: tr.date(date) })),
      textBlock(tr.t("digest.count", { count: totalIds })),
      ...rows,
      totalIds > rows.length ? subtle(tr.t("digest.more", { count: totalIds - rows.length })) : undefined,
    ],
    { fallbackText: tr.t("digest.count", { count: totalIds }) },
  );
}
