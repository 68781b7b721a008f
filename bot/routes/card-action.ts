import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIMITS } from "../../core/records/common";
import type { Attachment } from "../../core/contributions/contribution";
import { changeRequest } from "../../core/requests/change-request";
import { recordContribution } from "../../core/contributions/record-contribution";
import { fileEvidenceUnder } from "../../core/contributions/evidence";
import { decideDraft } from "../../core/drafts/review-draft";
import { readReview } from "../../core/drafts/read-drafts";
import { answerCandidates, myOpenRequests, openRequest, openRequestsOf, readRequest, refusalToAnswer, type RequestView } from "../../core/requests/read-requests";
import { isDomainError, type ValidationError } from "../../core/errors";
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
import { attachToRequest } from "./message";
import { showProgress, submitProgress } from "./progress-action";
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
  if (verb === "submitAnswer" || verb === "confirmChatAnswer" || verb === "attachEvidence" || verb === "submitProgress") return "answer";
  if (verb === "confirmMoreTime" || verb === "confirmNotOurMinistry") return "request-change";
  if (verb === "approveDraft" || verb === "returnDraft") return "decide";
  return "view";
}

function requestOptions(turn: Turn, view: RequestView) {
  return { canAnswer: view.mayAnswer, refreshUserIds: [turn.persona.userId] };
}

/** The request card as the viewer may see it; opening it marks it seen when its focal point opens it. */
async function showRequest(turn: Turn, requestId: string, banner?: RequestBanner): Promise<AdaptiveCard> {
  const view = await openRequest(turn.deps, requestId, turn.persona.actor, (error) => turn.deps.logger.warn({ requestId, error: String(error) }, "could not mark a request as seen"));
  return requestCard(view, turn, { ...requestOptions(turn, view), banner });
}

function mergeAttachments(previous: Attachment[], added: Attachment[] | undefined): Attachment[] {
  return [...previous, ...(added ?? []).filter((a) => !previous.some((b) => b.fileId === a.fileId))];
}

/** The issue of a validation error about a field (the card's input of that name). */
function issueAbout(error: ValidationError, field: string) {
  return error.issues.find((issue) => issue.path === field || issue.path.endsWith(`.${field}`));
}

const submitAnswer: Handler<"submitAnswer"> = async (turn, data) => {
  const { deps, tr, persona, activity } = turn;
  const view = await readRequest(deps, data.requestId, persona.actor);
  const attachments = mergeAttachments(view.latest?.attachments ?? [], data.attachments);
  try {
    const result = await recordContribution(
      deps,
      { requestId: data.requestId, text: data.answer, reportedStatus: data.status, attachments, submissionId: activity.id ?? randomUUID(), via: "card" },
      persona.actor,
    );
    const updated = await readRequest(deps, result.request, persona.actor);
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
    // A file the evidence policy refused is not shown back (its name and link came from the card, not the library).
    const refusedFiles = error.code === "validation" && (error as ValidationError).issues.some((issue) => issue.path.startsWith("attachments."));
    return requestCard(view, turn, {
      ...options,
      mode: "form",
      banner: { kind: "error", text: words },
      draft: { text: data.answer.slice(0, LIMITS.contributionText * 2), status: data.status, attachments: refusedFiles ? undefined : data.attachments },
    });
  }
};

/** The form to ask for more time, or to decline: only for whoever may answer the request, while it is open. */
async function requestChangeForm(turn: Turn, requestId: string, form: (view: RequestView) => AdaptiveCard): Promise<AdaptiveCard> {
  const view = await readRequest(turn.deps, requestId, turn.persona.actor);
  const refusal = refusalToAnswer(turn.persona.actor, view.request);
  return refusal ? errorCard(turn.tr, errorWords(refusal, turn.tr, "request-change")) : form(view);
}

const confirmMoreTime: Handler<"confirmMoreTime"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const view = await readRequest(deps, data.requestId, persona.actor);
  try {
    // Core decides: a date after the due date, a reason, an open request of the person's ministry.
    const updated = await changeRequest(deps, { requestId: data.requestId, change: { action: "ask-more-time", until: data.until, reason: data.reason } }, persona.actor);
    deps.kick();
    const fresh = await readRequest(deps, updated, persona.actor);
    return requestChangedCard(fresh, turn, tr.t("moreTime.sent", { date: tr.date(updated.moreTimeRequestedUntil ?? data.until) }), requestOptions(turn, fresh));
  } catch (error) {
    if (!isDomainError(error) || error.code !== "validation") throw error;
    const until = issueAbout(error as ValidationError, "until");
    const reason = issueAbout(error as ValidationError, "reason");
    const words = until
      ? /after/.test(until.message) ? tr.t("moreTime.afterDue", { date: tr.date(view.request.dueDate) }) : tr.t("moreTime.untilRequired")
      : reason
        ? tr.t("moreTime.reasonRequired")
        : errorWords(error, tr, "request-change");
    return moreTimeCard(view, turn, { error: words, until: data.until || undefined, reason: data.reason });
  }
};

const confirmNotOurMinistry: Handler<"confirmNotOurMinistry"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const view = await readRequest(deps, data.requestId, persona.actor);
  try {
    const updated = await changeRequest(deps, { requestId: data.requestId, change: { action: "decline", reason: data.reason } }, persona.actor);
    deps.kick();
    const fresh = await readRequest(deps, updated, persona.actor);
    return requestChangedCard(fresh, turn, tr.t("decline.sent"), requestOptions(turn, fresh));
  } catch (error) {
    if (!isDomainError(error) || error.code !== "validation") throw error;
    const words = issueAbout(error as ValidationError, "reason") ? tr.t("decline.reasonRequired") : errorWords(error, tr, "request-change");
    return notOurMinistryCard(view, turn, { error: words, reason: data.reason });
  }
};

const confirmChatAnswer: Handler<"confirmChatAnswer"> = async (turn, data) => {
  const { deps, tr, persona } = turn;
  const answer = { text: data.text, messageId: data.messageId, attachments: data.attachments ?? [] };
  if (!data.requestId) {
    const candidates = answerCandidates(await openRequestsOf(deps, persona.actor));
    return chatAnswerCard(candidates, answer, turn, { error: tr.t("chatAnswer.whichRequired") });
  }
  const view = await readRequest(deps, data.requestId, persona.actor);
  try {
    // Files sent before the request was chosen are filed under it now.
    const filed = data.attachments?.length ? await fileEvidenceUnder(deps, data.requestId, data.attachments, persona.actor) : [];
    const result = await recordContribution(
      deps,
      {
        requestId: data.requestId,
        text: data.text,
        reportedStatus: data.status,
        attachments: mergeAttachments(view.latest?.attachments ?? [], filed),
        submissionId: data.messageId,
        via: "chat",
      },
      persona.actor,
    );
    const updated = await readRequest(deps, result.request, persona.actor);
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
  const view = await readRequest(turn.deps, data.requestId, turn.persona.actor);
  const refusal = refusalToAnswer(turn.persona.actor, view.request);
  if (refusal) return errorCard(turn.tr, errorWords(refusal, turn.tr, "answer"));
  const filed = await fileEvidenceUnder(turn.deps, data.requestId, data.attachments, turn.persona.actor);
  return attachToRequest(turn, view, data.messageId, filed);
};

async function decide(turn: Turn, reviewId: string, decision: "approved" | "returned", comment: string | undefined): Promise<AdaptiveCard> {
  const { deps, tr, persona } = turn;
  const viewerIsChair = persona.roles.includes("Chair");
  try {
    const result = await decideDraft(deps, { reviewId, decision, comment: comment?.trim() || undefined }, persona.actor);
    deps.kick();
    deps.logger.info({ reviewId, decision, fileVersion: result.review.decidedFileVersion, replayed: result.replayed }, "draft decided");
    const view = await readReview(deps, reviewId, persona.actor);
    return approvalCard(view, tr, { viewerIsChair, refreshUserIds: view.viewerIds, openInWordUrl: deps.draftLink?.(view.draft) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const words = errorWords(error, tr, "decide");
    // The card again, with what went wrong, for those who may see the approval (the policy decides); the words alone for others.
    const view = await readReview(deps, reviewId, persona.actor).catch((refusal: unknown) => {
      if (isDomainError(refusal) && refusal.code === "forbidden") return undefined;
      throw refusal;
    });
    if (!view) return errorCard(tr, words);
    return approvalCard(view, tr, { viewerIsChair, refreshUserIds: view.viewerIds, error: words, comment, openInWordUrl: deps.draftLink?.(view.draft) });
  }
}

const HANDLERS: { [V in Verb]: Handler<V> } = {
  submitAnswer,
  editAnswer: async (turn, data) => {
    const view = await readRequest(turn.deps, data.requestId, turn.persona.actor);
    return requestCard(view, turn, { ...requestOptions(turn, view), mode: view.mayAnswer ? "form" : "auto" });
  },
  showRequest: (turn, data) => showRequest(turn, data.requestId),
  askMoreTime: (turn, data) => requestChangeForm(turn, data.requestId, (view) => moreTimeCard(view, turn)),
  confirmMoreTime,
  notOurMinistry: (turn, data) => requestChangeForm(turn, data.requestId, (view) => notOurMinistryCard(view, turn)),
  confirmNotOurMinistry,
  confirmChatAnswer,
  attachEvidence,
  myRequests: async (turn) => {
    const mine = await myOpenRequests(turn.deps, turn.persona.actor);
    return myRequestsCard(mine.views, turn, { needsAttention: mine.needsAttention });
  },
  help: async (turn) => helpCard(turn.persona, turn.tr, { secretariat: await turn.deps.directory.usersWithRole("Secretariat") }),
  submitProgress,
  showProgress,
  approveDraft: (turn, data) => decide(turn, data.reviewId, "approved", data.comment),
  returnDraft: (turn, data) => decide(turn, data.reviewId, "returned", data.comment),
  refresh: async (turn, data) => {
    if (data.view === "approval") {
      const view = await readReview(turn.deps, data.reviewId, turn.persona.actor);
      return approvalCard(view, turn.tr, { viewerIsChair: turn.persona.roles.includes("Chair"), refreshUserIds: view.viewerIds, openInWordUrl: turn.deps.draftLink?.(view.draft) });
    }
    const banner: RequestBanner | undefined = data.banner ? { kind: data.banner } : undefined;
    return showRequest(turn, data.requestId, banner);
  },
};
