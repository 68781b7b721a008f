import { calendarDateAt, daysBetween } from "../../core/calendar/calendar";
import type { Directory } from "../../core/ports/directory";
import type { Repositories } from "../../core/ports/repository";
import type { Stored } from "../../core/records/common";
import type { OutboxEntryFields } from "../../core/outbox/outbox-entry";
import { isAwaitingAnswer } from "../../core/requests/request-lifecycle";
import { activeFocalPoints } from "../../core/ministries/focal-points";
import type { Clock } from "../../core/ports/clock";
import { isDomainError } from "../../core/errors";
import type { AdaptiveCard } from "../cards/adaptive";
import { approvalCard } from "../cards/approval-card";
import { digestCard, noticeCard } from "../cards/notice-card";
import { requestCard } from "../cards/request-card";
import type { Translator } from "../i18n/translate";
import { readRequestForDelivery, type RequestView } from "../../core/requests/read-requests";
import { readReviewForDelivery } from "../../core/drafts/read-drafts";
import { readActionForDelivery } from "../../core/followup/read-followup";
import { progressCard } from "../cards/progress-card";
import { communicationDueCard, visitDueCard } from "../cards/engagement-card";

export interface RenderDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  /** Where a draft's "Open in Word" leads (local mode: the stand-in for Word); its webUrl when absent. */
  draftLink?(draft: { id: string; webUrl: string }): string;
}

/** What to send for an outbox entry, or why nothing should be sent any more. */
export type Rendered = { send: true; card: AdaptiveCard; summary: string } | { send: false; reason: string };

async function requestViewOrGone(deps: RenderDeps, requestId: string): Promise<RequestView | undefined> {
  try {
    return await readRequestForDelivery(deps, requestId);
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return undefined;
    throw error;
  }
}

/** Whether the recipient may answer the request (an active focal point of its ministry now). */
async function recipientCanAnswer(deps: RenderDeps, view: RequestView, recipientId: string): Promise<boolean> {
  if (view.request.status === "closed") return false;
  const focalPoints = await activeFocalPoints(deps, view.request.ministryId);
  return focalPoints.some((f) => f.userId === recipientId);
}

/**
 * Turns an outbox entry's notification into the card its recipient sees now, from the records
 * as they are at sending time (a reminder for a request answered meanwhile is not sent).
 */
export async function renderNotification(deps: RenderDeps, entry: Stored<OutboxEntryFields>, tr: Translator): Promise<Rendered> {
  const notification = entry.notification;
  const ctx = { tr, now: deps.clock.now() };
  switch (notification.kind) {
    case "request":
    case "reminder":
    case "escalation": {
      const view = await requestViewOrGone(deps, notification.requestId);
      if (!view) return { send: false, reason: `request ${notification.requestId} no longer exists` };
      if (view.request.status === "closed") return { send: false, reason: "the request is closed" };
      if (notification.kind !== "request" && !isAwaitingAnswer(view.request.status)) {
        return { send: false, reason: `the request is ${view.request.status}: no ${notification.kind} needed` };
      }
      const canAnswer = await recipientCanAnswer(deps, view, entry.recipientId);
      // Re-nominated meanwhile: the card is for the ministry's focal points in office.
      if (!canAnswer) return { send: false, reason: "the recipient is no longer a focal point of the request's ministry" };
      let technicalNames: string | undefined;
      if (notification.kind === "escalation") {
        technicalNames = (await activeFocalPoints(deps, view.request.ministryId, "technical")).map((f) => f.displayName).join(", ") || undefined;
      }
      const banner = notification.kind === "reminder" ? { kind: "reminder" as const } : notification.kind === "escalation" ? { kind: "escalation" as const, technicalNames } : undefined;
      return {
        send: true,
        card: requestCard(view, ctx, { canAnswer, banner, refreshUserIds: [entry.recipientId] }),
        summary: `${notification.kind} for request ${view.request.id}`,
      };
    }
    case "progress": {
      const found = await Promise.all([readActionForDelivery(deps, notification.actionId, { timeZone: tr.timeZone }), deps.repos.followUpRounds.get(notification.roundId)]).catch((error: unknown) => {
        if (isDomainError(error) && error.code === "not_found") return undefined;
        throw error;
      });
      if (!found) return { send: false, reason: `action ${notification.actionId} or round ${notification.roundId} no longer exists` };
      const [view, round] = found;
      if (view.action.status === "done" || view.action.status === "dropped") return { send: false, reason: `the action is ${view.action.status}: no progress to ask for` };
      const focalPoints = await activeFocalPoints(deps, view.action.leadMinistryId);
      if (!focalPoints.some((f) => f.userId === entry.recipientId)) return { send: false, reason: "the recipient is no longer a focal point of the action's lead ministry" };
      const nudge = notification.nudge;
      if (!nudge) return { send: true, card: progressCard(view, tr, { canReport: true, round, now: ctx.now }), summary: `progress on action ${view.action.id} (round ${round.id})` };
      // Reported meanwhile (whatever the review says): no reminder, no escalation.
      if (view.timeline.some((update) => update.reportedAt >= round.startedAt)) return { send: false, reason: `progress on action ${view.action.id} was reported since the round started` };
      const today = calendarDateAt(ctx.now, tr.timeZone);
      const technicalNames = nudge.kind === "escalation" ? focalPoints.filter((f) => f.role === "technical").map((f) => f.displayName).join(", ") || undefined : undefined;
      const cardNudge = nudge.kind === "reminder" ? { kind: "reminder" as const, daysLeft: daysBetween(today, round.dueDate) } : { kind: "escalation" as const, daysLate: Math.max(1, daysBetween(round.dueDate, today)), technicalNames };
      return { send: true, card: progressCard(view, tr, { canReport: true, round, now: ctx.now, nudge: cardNudge }), summary: `${nudge.kind} of progress on action ${view.action.id} (round ${round.id})` };
    }
    case "overdue-digest": {
      const views = (await Promise.all(notification.requestIds.slice(0, 200).map((id) => requestViewOrGone(deps, id)))).filter(
        (view): view is RequestView => Boolean(view && isAwaitingAnswer(view.request.status)),
      );
      if (!views.length) return { send: false, reason: "no request is overdue any more" };
      const total = notification.requestIds.length > 200 ? notification.requestIds.length : views.length;
      return { send: true, card: digestCard(notification.date, views, total, ctx), summary: `overdue digest of ${notification.date}` };
    }
    case "approval":
    case "decision": {
      const view = await readReviewForDelivery(deps, notification.reviewId).catch((error: unknown) => {
        if (isDomainError(error) && error.code === "not_found") return undefined;
        throw error;
      });
      if (!view) return { send: false, reason: `review ${notification.reviewId} no longer exists` };
      const roles = await deps.directory.rolesOf(entry.recipientId);
      return {
        send: true,
        card: approvalCard(view, tr, { viewerIsChair: roles.includes("Chair"), refreshUserIds: view.viewerIds, openInWordUrl: deps.draftLink?.(view.draft) }),
        summary: `${notification.kind} of review ${notification.reviewId}`,
      };
    }
    case "notice": {
      const view = notification.requestId ? await requestViewOrGone(deps, notification.requestId) : undefined;
      return { send: true, card: noticeCard(notification, view, ctx), summary: `notice ${notification.topic}` };
    }
    case "engagement-due": {
      const gone = (error: unknown) => {
        if (isDomainError(error) && error.code === "not_found") return undefined;
        throw error;
      };
      if (notification.subject === "communication") {
        const communication = await deps.repos.communications.get(notification.id).catch(gone);
        // Replied meanwhile, or its due date moved: this notice is not the one due.
        if (!communication || communication.status !== "received" || communication.replyDueDate !== notification.date) return { send: false, reason: `the reply to communication ${notification.id} is no longer due on ${notification.date}` };
        return { send: true, card: communicationDueCard(communication, notification.daysBefore, tr), summary: `reply due to communication ${communication.reference}` };
      }
      const visit = await deps.repos.visits.get(notification.id).catch(gone);
      if (!visit || (visit.status !== "accepted" && visit.status !== "scheduled") || visit.agreedFrom !== notification.date) return { send: false, reason: `visit ${notification.id} no longer starts on ${notification.date}` };
      return { send: true, card: visitDueCard(visit, notification.daysBefore, tr), summary: `visit ${visit.id} starts on ${visit.agreedFrom}` };
    }
  }
}
