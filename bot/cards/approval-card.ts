import { LIMITS } from "../../core/records/common";
import { MECHANISM_NAMES } from "../../core/records/taxonomy";
import type { Translator } from "../i18n/translate";
import type { ReviewView } from "../../core/drafts/read-drafts";
import { adaptiveCard, banner, execute, facts, heading, openUrl, section, subtle, textBlock, textInput, type AdaptiveCard, type CardElement } from "./adaptive";

export interface ApprovalCardOptions {
  /** The viewer holds the Chair role: only they see the decision's inputs and buttons. */
  viewerIsChair: boolean;
  /** Who Teams refreshes the card for (the chairs and the secretariat's copy). */
  refreshUserIds: string[];
  error?: string;
  comment?: string;
  /** Where "Open in Word" leads: the file's webUrl by default; in local mode the local stand-in for Word (no SharePoint there). */
  openInWordUrl?: string;
}

function wordCountText(tr: Translator, view: ReviewView): { text: string; over: boolean } {
  const { counted, limit } = view.draft.wordCount;
  if (!limit) return { text: tr.t("approval.words", { count: counted }), over: false };
  const over = counted > limit;
  return {
    text: over
      ? tr.t("approval.wordsOver", { counted: tr.number(counted), limit: tr.number(limit), over: tr.number(counted - limit) })
      : tr.t("approval.wordsWithin", { counted: tr.number(counted), limit: tr.number(limit) }),
    over,
  };
}

/** The outcome, as every copy of the card shows it once the chair decided. */
export function decisionLine(tr: Translator, view: ReviewView): string | undefined {
  const { review } = view;
  if (!review.decision || !review.decidedAt) return undefined;
  const params = { name: review.decidedByName ?? review.decidedBy ?? "", at: tr.dateTime(review.decidedAt), fileVersion: review.decidedFileVersion ?? view.draft.fileVersion };
  return review.decision === "approved" ? tr.t("approval.approvedBy", params) : tr.t("approval.returnedBy", params);
}

/** A draft sent to the chair: approve, or return with a comment. */
export function approvalCard(view: ReviewView, tr: Translator, options: ApprovalCardOptions): AdaptiveCard {
  const { review, draft, report } = view;
  const words = wordCountText(tr, view);
  const decided = decisionLine(tr, view);
  const undecided = !review.decision;
  const body: (CardElement | undefined)[] = [
    options.error ? banner(options.error, "attention") : undefined,
    decided ? banner(decided, review.decision === "approved" ? "good" : "warning") : undefined,
    heading(tr.t("approval.title", { report: report.title })),
    subtle(MECHANISM_NAMES[report.mechanism]),
    facts([
      [tr.t("approval.draftVersion"), tr.t("approval.versionValue", { version: review.draftVersion, fileVersion: draft.fileVersion })],
      [tr.t("approval.wordCount"), words.text],
      [tr.t("approval.unanswered"), draft.unansweredRequestIds.length ? tr.number(draft.unansweredRequestIds.length) : undefined],
      [tr.t("approval.reportDue"), tr.date(report.dueDate)],
      [tr.t("approval.sentBy"), tr.t("approval.sentByValue", { name: view.requestedByName, at: tr.dateTime(review.requestedAt) })],
    ]),
    words.over ? textBlock(tr.t("approval.overLimitWarning"), { color: "Attention" }) : undefined,
    review.message ? section(tr.t("approval.message"), [textBlock(review.message)]) : undefined,
    review.decision === "returned" && review.comment ? section(tr.t("approval.comment"), [textBlock(review.comment)]) : undefined,
  ];
  const actions = [openUrl(tr.t("action.openInWord"), options.openInWordUrl ?? draft.webUrl)];
  if (undecided && options.viewerIsChair) {
    body.push(
      textInput("comment", tr.t("approval.commentLabel"), { value: options.comment, multiline: true, maxLength: LIMITS.comment, placeholder: tr.t("approval.commentPlaceholder") }),
    );
    actions.push(
      execute(tr.t("action.approve"), "approveDraft", { reviewId: review.id }, { style: "positive" }),
      execute(tr.t("action.returnDraft"), "returnDraft", { reviewId: review.id }, { style: "destructive" }),
    );
  } else if (undecided) {
    body.push(subtle(tr.t("approval.waiting")));
  }
  return adaptiveCard(tr, body, {
    actions,
    refresh: { action: execute("refresh", "refresh", { view: "approval", reviewId: review.id }), userIds: options.refreshUserIds.slice(0, 60) },
    fallbackText: decided ?? tr.t("approval.title", { report: report.title }),
  });
}
