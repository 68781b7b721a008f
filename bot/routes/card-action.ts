import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIMITS } from "../../core/records/common";
import type { Attachment } from "../../core/contributions/contribution";
import { calendarDateSchema } from "../../core/records/common";
import { changeRequest } from "../../core/requests/change-request";
import { recordContribution } from "../../core/contributions/record-contribution";
import { decideDraft } from "../../core/drafts/review-draft";
import { approvalKey } from "../../core/drafts/review-draft";
import { queryAll } from "../../core/ports/repository";
import { ForbiddenError, InvalidStateError, isDomainError } from "../../core/errors";
import { isAwaitingDelivery } from "../../core/requests/request-lifecycle";
import { approvalCard } from "../cards/approval-card";
import type { AdaptiveCard } from "../cards/adaptive";
import { execute } from "../cards/adaptive";
import {
  chatAnswerCard,
  moreTimeCard,
  myRequestsCard,
  notOurMinistryCard,
  requestCard,
  requestChangedCard,
  type RequestBanner,
} from "../cards/request-card";
import { errorCard, helpCard } from "../cards/welcome-card";
import { isVerb, verbSchemas, type Verb, type VerbData } from "../cards/verbs";
import { errorWords, type Attempt } from "../i18n/errors";
import { loadRequestView, type RequestView } from "../views/request-view";
import { loadReviewView } from "../views/review-view";
import { attachToRequest } from "./message";
import { answerCandidates, canAnswer, openRequestsOf } from "./open-requests";
import { respondWithCard } from "./replies";
import type { Turn } from "./turn-context";

/** The invoke's value, as Teams and the Playground send it for `Action.Execute`. */
const actionInvokeSchema = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional().default({}),
  }),
  trigger: z.enum(["manual", "automatic"]).optional(),
});

type Handler<V extends Verb> = (turn: Turn, data: VerbData<V>) => Promise<AdaptiveCard>;

/** `adaptiveCard/action`: one verb → one use case → the card that replaces the clicked one. */
export async function onCardAction(turn: Turn): Promise<void> {
  const { context, activity, tr, deps } = turn;
  const parsed = actionInvokeSchema.safeParse(activity.value);
  if (!parsed.success) {
    deps.logger.warn({ userId: turn.persona.userId }, "card action with a malformed value");
    await respondWithCard(context, errorCard(tr, tr.t("error.malformedAction")));
    return;
  }
  const { verb, data } = parsed.data.action;
  if (!isVerb(verb)) {
    deps.logger.warn({ userId: turn.persona.userId, verb }, "card action with an unknown verb");
    await respondWithCard(context, errorCard(tr, tr.t("error.unknownVerb", { verb: verb.slice(0, 40) })));
    return;
  }
  const input = verbSchemas[verb].safeParse(data);
  if (!input.success) {
    deps.logger.warn({ userId: turn.persona.userId, verb, issues: input.error.issues.slice(0, 3).map((i) => i.path.join(".")) }, "card action with invalid data");
    await respondWithCard(context, errorCard(tr, tr.t("error.invalidActionData")));
    return;
  }
  let card: AdaptiveCard;
  try {
    card = await (HANDLERS[verb] as Handler<typeof verb>)(turn, input.data as never);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    card = errorCard(tr, errorWords(error, tr, attemptOf(verb)));
  }
  await respondWithCard(context, card);
}

function attemptOf(verb: Verb): Attempt {
  if (verb === "submitAnswer" || verb === "confirmChatAnswer" || verb === "attachEvidence") return "answer";
  if (verb === "confirmMoreTime" || verb === "confirmNotOurMinistry") return "request-change";
  if (verb === "approveDraft" || verb === "returnDraft") return "decide";
  return "view";
}

function requestOptions(turn: Turn, view: RequestView) {
  return { canAnswer: canAnswer(turn.persona, view.request), refreshUserIds: [turn.persona.userId] };
}

/** The request card as the viewer should see it; marks it seen when its focal point opens it. */
async function showRequest(turn: Turn, requestId: string, banner?: RequestBanner): Promise<AdaptiveCard> {
  let view = await loadRequestView(turn.deps.repos, requestId);
  if ((view.request.status === "sent" || isAwaitingDelivery(view.request.status)) && canAnswer(turn.persona, view.request)) {
    const seen = await changeRequest(turn.deps, { requestId, change: { action: "see" } }, turn.persona.actor).catch((error: unknown) => {
      turn.deps.logger.warn({ requestId, error: String(error) }, "could not mark a request as seen");
      return undefined;
    });
    if (seen) view = { ...view, request: seen };
  }
  return requestCard(view, turn, { ...requestOptions(turn, view), banner });
}

function mergeAttachments(previous: Attachment[], added: Attachment[] | undefined): Attachment[] {
  return [...previous, ...(added ?? []).filter((a) => !previous.some((b) => b.fileId === a.fileId))];
}

/**
 * Files a card carries back (sent in the chat before) must be in the Evidence library: card data
 * comes from the client, and a file id that is not there is refused (core's NotFoundError).
 */
async function assertInEvidence(turn: Turn, previous: Attachment[], added: Attachment[] | undefined): Promise<void> {
  for (const attachment of added ?? []) {
    if (previous.some((known) => known.fileId === attachment.fileId)) continue;
    await turn.deps.documents.versions("Evidence", attachment.fileId);
  }
}

const submitAnswer: Handler<"submitAnswer"> = async (turn, data) => {
  const { deps, tr, persona, activity } = turn;
  const view = await loadRequestView(deps.repos, data.requestId);
  const attachments = mergeAttachments(view.latest?.attachments ?? [], data.attachments);
  try {
    await assertInEvidence(turn, view.latest?.attachments ?? [], data.attachments);
    const result = await recordContribution(
      deps,
      { requestId: data.requestId, text: data.answer, reportedStatus: data.status, attachments, submissionId: activity.id ?? randomUUID(), via: "card" },
      persona.actor,
    );
    const updated = await loadRequestView(deps.repos, result.request);
    deps.logger.info({ requestId: data.requestId, version: result.contribution.version, replayed: result.replayed }, "answer from a card");
    return requestCard({ ...updated, latest: result.contribution }, turn, {
      ...requestOptions(turn, updated),
      done: result.replayed ? tr.t("request.alreadySaved", { version: result.contribution.version }) : undefined,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const options = requestOptions(turn, view);
    const words = errorWords(error, tr, "answer");
    if (error.code === "forbidden" || error.code === "not_found") {
      return errorCard(tr, words, { actions: [execute(tr.t("action.back"), "showRequest", { requestId: data.requestId })] });
    }
    return requestCard(view, turn, { ...options, mode: "form", banner: { kind: "error", text: words }, draft: { text: data.answer.slice(0, LIMITS.contributionText * 2), status: data.status, attachments: data.attachments } });
  }
};

const askMoreTime: Handler<"askMoreTime"> = async (turn, data) => {
  const view = await loadRequestView(turn.deps.repos, data.requestId);
  if (!canAnswer(turn.persona, view.request)) return errorCard(turn.tr, errorWords(forbiddenOrClosed(view), turn.tr, "request-change"));
  return moreTimeCard(view, turn);
};

const notOurMinistry: Handler<"notOurMinistry"> = async (turn, data) => {
  const view = await loadRequestView(turn.deps.repos, data.requestId);
  if (!canAnswer(turn.persona, view.request)) return errorCard(turn.tr, errorWords(forbiddenOrClosed(view), turn.tr, "request-change"));
  return notOurMinistryCard(view, turn);
};

/** Core's own errors, so that the words are the same as when core refuses. */
function forbiddenOrClosed(view: RequestView): Error {
  return view.request.status === "closed"
    ? new InvalidStateError("this request is closed: it no longer takes answers", "closed", "answer")
    : new ForbiddenError("only an active focal point of the ministry this concerns can do this");
}

const confirmMoreTime: Handler<"confirmMoreTime"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const view = await loadRequestView(deps.repos, data.requestId);
  const until = calendarDateSchema.safeParse(data.until);
  const reason = data.reason.trim();
  if (!until.success) return moreTimeCard(view, turn, { error: tr.t("moreTime.untilRequired"), reason: data.reason });
  if (until.data <= view.request.dueDate) return moreTimeCard(view, turn, { error: tr.t("moreTime.afterDue", { date: tr.date(view.request.dueDate) }), reason: data.reason });
  if (!reason) return moreTimeCard(view, turn, { error: tr.t("moreTime.reasonRequired"), until: until.data });
  try {
    const updated = await changeRequest(deps, { requestId: data.requestId, change: { action: "ask-more-time", until: until.data, reason } }, persona.actor);
    deps.kick();
    const fresh = await loadRequestView(deps.repos, updated);
    return requestChangedCard(fresh, turn, tr.t("moreTime.sent", { date: tr.date(until.data) }), requestOptions(turn, fresh));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "validation") return moreTimeCard(view, turn, { error: errorWords(error, tr, "request-change"), until: until.data, reason: data.reason });
    throw error;
  }
};

const confirmNotOurMinistry: Handler<"confirmNotOurMinistry"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const view = await loadRequestView(deps.repos, data.requestId);
  const reason = data.reason.trim();
  if (!reason) return notOurMinistryCard(view, turn, { error: tr.t("decline.reasonRequired") });
  try {
    const updated = await changeRequest(deps, { requestId: data.requestId, change: { action: "decline", reason } }, persona.actor);
    deps.kick();
    const fresh = await loadRequestView(deps.repos, updated);
    return requestChangedCard(fresh, turn, tr.t("decline.sent"), requestOptions(turn, fresh));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "validation") return notOurMinistryCard(view, turn, { error: errorWords(error, tr, "request-change"), reason: data.reason });
    throw error;
  }
};

const confirmChatAnswer: Handler<"confirmChatAnswer"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const answer = { text: data.text, messageId: data.messageId, attachments: data.attachments ?? [] };
  if (!data.requestId) {
    const candidates = answerCandidates(await openRequestsOf(deps.repos, persona));
    return chatAnswerCard(candidates, answer, turn, { error: tr.t("chatAnswer.whichRequired") });
  }
  const view = await loadRequestView(deps.repos, data.requestId);
  try {
    await assertInEvidence(turn, view.latest?.attachments ?? [], data.attachments);
    const result = await recordContribution(
      deps,
      {
        requestId: data.requestId,
        text: data.text,
        reportedStatus: data.status,
        attachments: mergeAttachments(view.latest?.attachments ?? [], data.attachments),
        submissionId: data.messageId,
        via: "chat",
      },
      persona.actor,
    );
    const updated = await loadRequestView(deps.repos, result.request);
    return requestCard({ ...updated, latest: result.contribution }, turn, {
      ...requestOptions(turn, updated),
      done: result.replayed ? tr.t("request.alreadySaved", { version: result.contribution.version }) : undefined,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "validation") {
      return chatAnswerCard([view], { ...answer, text: data.text.slice(0, LIMITS.contributionText * 2) }, turn, { error: errorWords(error, tr, "answer") });
    }
    throw error;
  }
};

const attachEvidence: Handler<"attachEvidence"> = async (turn, data) => {
  if (!data.requestId) {
    return errorCard(turn.tr, turn.tr.t("chatAnswer.whichRequired"), { actions: [execute(turn.tr.t("action.myRequests"), "myRequests", {})] });
  }
  const view = await loadRequestView(turn.deps.repos, data.requestId);
  if (!canAnswer(turn.persona, view.request)) return errorCard(turn.tr, errorWords(forbiddenOrClosed(view), turn.tr, "answer"));
  await assertInEvidence(turn, view.latest?.attachments ?? [], data.attachments);
  return attachToRequest(turn, view, data.messageId, data.attachments);
};

async function reviewRecipients(turn: Turn, reviewId: string): Promise<string[]> {
  const cards = await queryAll(turn.deps.repos.outbox, { where: [{ field: "key", op: "startswith", value: approvalKey(reviewId, "") }] });
  const chairs = await turn.deps.directory.usersWithRole("Chair");
  return [...new Set([...chairs.map((c) => c.id), ...cards.map((c) => c.recipientId)])];
}

async function decide(turn: Turn, reviewId: string, decision: "approved" | "returned", comment: string | undefined): Promise<AdaptiveCard> {
  const { deps, tr, persona } = turn;
  const viewerIsChair = persona.roles.includes("Chair");
  const refreshUserIds = await reviewRecipients(turn, reviewId);
  try {
    const result = await decideDraft(deps, { reviewId, decision, comment: comment?.trim() || undefined }, persona.actor);
    deps.kick();
    deps.logger.info({ reviewId, decision, fileVersion: result.review.decidedFileVersion, replayed: result.replayed }, "draft decided");
    return approvalCard(await loadReviewView(deps, reviewId), tr, { viewerIsChair, refreshUserIds });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const view = await loadReviewView(deps, reviewId);
    return approvalCard(view, tr, { viewerIsChair, refreshUserIds, error: errorWords(error, tr, "decide"), comment });
  }
}

const HANDLERS: { [V in Verb]: Handler<V> } = {
  submitAnswer,
  editAnswer: async (turn, data) => {
    const view = await loadRequestView(turn.deps.repos, data.requestId);
    return requestCard(view, turn, { ...requestOptions(turn, view), mode: canAnswer(turn.persona, view.request) ? "form" : "auto" });
  },
  showRequest: (turn, data) => showRequest(turn, data.requestId),
  askMoreTime,
  confirmMoreTime,
  notOurMinistry,
  confirmNotOurMinistry,
  confirmChatAnswer,
  attachEvidence,
  myRequests: async (turn) => myRequestsCard(await openRequestsOf(turn.deps.repos, turn.persona), turn),
  help: async (turn) => helpCard(turn.persona, turn.tr, { secretariat: await turn.deps.directory.usersWithRole("Secretariat") }),
  approveDraft: (turn, data) => decide(turn, data.reviewId, "approved", data.comment),
  returnDraft: (turn, data) => decide(turn, data.reviewId, "returned", data.comment),
  refresh: async (turn, data) => {
    if (data.view === "approval") {
      const view = await loadReviewView(turn.deps, data.reviewId);
      return approvalCard(view, turn.tr, { viewerIsChair: turn.persona.roles.includes("Chair"), refreshUserIds: await reviewRecipients(turn, data.reviewId) });
    }
    const banner: RequestBanner | undefined = data.banner ? { kind: data.banner } : undefined;
    return showRequest(turn, data.requestId, banner);
  },
};
