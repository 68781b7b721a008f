/**
 * A follow-up round's card: one action, what was reported and accepted so far, and a form to
 * report its progress (in words, the action's status, new indicator values, as of a date).
 */
import { ACTION_STATUSES, type ActionStatus } from "../../core/followup/action";
import type { ActionView, IndicatorView } from "../../core/followup/read-followup";
import type { ProgressUpdateFields } from "../../core/followup/progress-update";
import type { FollowUpRoundFields } from "../../core/followup/round";
import type { Attachment } from "../../core/contributions/contribution";
import { calendarDateAt } from "../../core/calendar/calendar";
import { LIMITS, type Stored } from "../../core/records/common";
import type { MessageKey, Translator } from "../i18n/translate";
import { adaptiveCard, banner, choiceInput, dateInput, execute, facts, heading, section, shorten, subtle, textBlock, textInput, type AdaptiveCard, type CardElement } from "./adaptive";

export interface ProgressCardOptions {
  /** The viewer may report (an active focal point of the action's lead ministry). */
  canReport: boolean;
  round?: Pick<Stored<FollowUpRoundFields>, "id" | "title" | "dueDate">;
  /** What was just saved: the card says so and shows it. */
  saved?: { update: Stored<ProgressUpdateFields>; replayed: boolean };
  error?: string;
  /** The card sent again: a reminder before the round's due date, or the escalation to the senior focal point after it. */
  nudge?: { kind: "reminder"; daysLeft: number } | { kind: "escalation"; daysLate: number; technicalNames?: string };
  /** What the form shows again after a refusal. */
  draft?: { text?: string; status?: ActionStatus; asOf?: string; values?: Record<string, string>; attachments?: Attachment[] };
  now: Date;
}

export function actionStatusLabel(tr: Translator, status: ActionStatus): string {
  return tr.t(`actionStatus.${status}` as MessageKey);
}

/** The input of an indicator's new value: `value_{indicatorId}` (Teams merges inputs into the submit's data by id). */
export function valueInputId(indicatorId: string): string {
  return `value_${indicatorId}`;
}

function indicatorLine(tr: Translator, view: IndicatorView): CardElement {
  const { indicator, latest } = view;
  const lines = [
    tr.t("progress.indicatorBaseline", { value: tr.number(indicator.baselineValue), unit: indicator.unit, date: tr.date(indicator.baselineDate) }),
    tr.t("progress.indicatorTarget", { value: tr.number(indicator.targetValue), unit: indicator.unit, date: tr.date(indicator.targetDate) }),
    latest ? tr.t("progress.indicatorLatest", { value: tr.number(latest.value), unit: indicator.unit, date: tr.date(latest.date) }) : tr.t("progress.indicatorNoValue"),
  ];
  return section(indicator.definition, [subtle(lines.join(" · "))], { separator: false });
}

function updateBlock(tr: Translator, update: Stored<ProgressUpdateFields>, title: string): CardElement {
  return section(title, [
    subtle(tr.t("progress.reportedBy", { name: update.authorName, at: tr.dateTime(update.reportedAt), version: update.version })),
    textBlock(shorten(update.text, tr, 1_500)),
    subtle(tr.t("progress.reportedStatus", { status: actionStatusLabel(tr, update.reportedStatus) })),
    update.attachments.length ? subtle(tr.t("progress.files", { names: update.attachments.map((a) => a.name).join(", ") })) : undefined,
  ]);
}

export function progressCard(view: ActionView, tr: Translator, options: ProgressCardOptions): AdaptiveCard {
  const action = view.action;
  const accepted = view.timeline.find((u) => u.review === "accepted");
  const nudge = options.nudge;
  const header: (CardElement | undefined)[] = [
    nudge?.kind === "reminder" ? banner(nudge.daysLeft <= 0 ? tr.t("progress.reminderToday") : tr.t("progress.reminder", { count: nudge.daysLeft }), "warning") : undefined,
    nudge?.kind === "escalation" ? banner(tr.t("progress.escalation", { count: nudge.daysLate }), "attention") : undefined,
    nudge?.kind === "escalation" && nudge.technicalNames ? subtle(tr.t("banner.escalationTechnical", { names: nudge.technicalNames })) : undefined,
    heading(tr.t("progress.title")),
    options.round ? subtle(tr.t("progress.round", { round: options.round.title, date: tr.date(options.round.dueDate) })) : undefined,
    textBlock(action.title, { weight: "Bolder" }),
    facts([
      [tr.t("progress.expectedOutput"), action.expectedOutput],
      [tr.t("progress.period"), `${tr.date(action.startDate)} – ${tr.date(action.endDate)}`],
      [tr.t("progress.status"), actionStatusLabel(tr, action.status)],
    ]),
    accepted ? updateBlock(tr, accepted, tr.t("progress.lastAccepted")) : undefined,
    view.indicators.length ? section(tr.t("progress.indicators"), view.indicators.map((i) => indicatorLine(tr, i))) : undefined,
  ];
  if (options.saved) {
    const { update, replayed } = options.saved;
    return adaptiveCard(tr, [banner(replayed ? tr.t("progress.alreadySaved", { version: update.version }) : tr.t("progress.saved", { version: update.version }), "good"), ...header, updateBlock(tr, update, tr.t("progress.yourUpdate"))], {
      actions: [options.canReport && execute(tr.t("progress.reportAgain"), "showProgress", { actionId: action.id, ...(options.round ? { roundId: options.round.id } : {}) })],
      fallbackText: tr.t("progress.saved", { version: update.version }),
    });
  }
  if (!options.canReport) return adaptiveCard(tr, [...header, banner(tr.t("progress.notYours"), "emphasis")], { fallbackText: tr.t("progress.title") });
  const draft = options.draft ?? {};
  const today = calendarDateAt(options.now, tr.timeZone);
  const form: (CardElement | undefined)[] = [
    section(tr.t("progress.form"), [
      textInput("progress", tr.t("progress.text"), { value: draft.text, multiline: true, maxLength: LIMITS.contributionText, required: true, errorMessage: tr.t("progress.textRequired") }),
      choiceInput("status", tr.t("progress.newStatus"), ACTION_STATUSES.map((status) => ({ title: actionStatusLabel(tr, status), value: status })), { value: draft.status ?? action.status, required: true }),
      ...view.indicators.map((i) => textInput(valueInputId(i.indicator.id), tr.t("progress.newValue", { definition: shorten(i.indicator.definition, tr, 120), unit: i.indicator.unit }), { value: draft.values?.[i.indicator.id], maxLength: 40 })),
      view.indicators.length ? dateInput("asOf", tr.t("progress.asOf"), { value: draft.asOf || today }) : undefined,
      draft.attachments?.length ? subtle(tr.t("progress.files", { names: draft.attachments.map((a) => a.name).join(", ") })) : undefined,
    ]),
  ];
  return adaptiveCard(tr, [options.error ? banner(options.error, "attention") : undefined, ...header, ...form], {
    actions: [execute(tr.t("progress.submit"), "submitProgress", { actionId: action.id, ...(options.round ? { roundId: options.round.id } : {}), ...(draft.attachments?.length ? { attachments: draft.attachments } : {}) })],
    fallbackText: tr.t("progress.title"),
  });
}

/** Files sent in the chat while several actions wait for the person's progress: which action they go with. */
export function chooseActionCard(tr: Translator, actions: { actionId: string; title: string; roundId?: string }[], attachments: Attachment[]): AdaptiveCard {
  return adaptiveCard(
    tr,
    [heading(tr.t("evidence.chooseAction")), subtle(tr.t("progress.files", { names: attachments.map((a) => a.name).join(", ") }))],
    {
      actions: actions.slice(0, 6).map((action) => execute(shorten(action.title, tr, 60), "showProgress", { actionId: action.actionId, ...(action.roundId ? { roundId: action.roundId } : {}), attachments })),
      fallbackText: tr.t("evidence.chooseAction"),
    },
  );
}
