import { isUnanswered } from "../../core/requests/request-lifecycle";
import { sectionPurpose } from "../../core/requests/section-purpose";
import type { Attachment, ContributionFields } from "../../core/contributions/contribution";
import type { Stored } from "../../core/records/common";
import { MECHANISM_NAMES, type ImplementationStatus, IMPLEMENTATION_STATUSES } from "../../core/records/taxonomy";
import { addDays, calendarDateAt, daysBetween } from "../../core/calendar/calendar";
import { LIMITS } from "../../core/records/common";
import type { Translator } from "../i18n/translate";
import type { MessageKey } from "../i18n/translate";
import type { RequestView } from "../../core/requests/read-requests";
import {
  adaptiveCard,
  banner,
  choiceInput,
  dateInput,
  execute,
  facts,
  heading,
  section,
  shorten,
  subtle,
  textBlock,
  textInput,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from "./adaptive";

export interface CardContext {
  tr: Translator;
  now: Date;
}

/** Reminder and escalation banners count the days from the due date as it is when the card is shown. */
export type RequestBanner =
  | { kind: "reminder" }
  | { kind: "escalation"; technicalNames?: string }
  | { kind: "error"; text: string }
  | { kind: "info"; text: string };

export interface RequestCardOptions {
  /** The viewer may answer (an active focal point of the request's ministry). */
  canAnswer: boolean;
  /** `form` shows the form even when answered (Edit). */
  mode?: "auto" | "form";
  banner?: RequestBanner;
  /** What the form shows instead of the latest answer (an answer refused, files sent in the chat). */
  draft?: { text?: string; status?: ImplementationStatus; attachments?: Attachment[] };
  /** Who Teams refreshes the card for when they look at it. */
  refreshUserIds?: string[];
  /** Shown under the title, e.g. "Answered by ... version 2". */
  done?: string;
}

export function statusLabel(tr: Translator, status: ImplementationStatus): string {
  return tr.t(`status.${status}` as MessageKey);
}

export function requestStatusLabel(tr: Translator, status: string): string {
  return tr.t(`requestStatus.${status}` as MessageKey);
}

/** How a person names the request in a list: "A/HRC/59/15, para. 140.7", "Question 12", a section's title. */
export function subjectLabel(view: RequestView, tr: Translator): string {
  const subject = view.subject;
  switch (subject.kind) {
    case "recommendation":
      return tr.t("subject.recommendation", { symbol: subject.documentSymbol, paragraph: subject.paragraph });
    case "question":
      return tr.t("subject.question", { number: subject.number });
    case "section": {
      const purpose = sectionPurpose(subject.section);
      return tr.t(purpose === "visit-meeting" ? "subject.visitMeeting" : purpose === "communication-reply" ? "subject.communicationReply" : "subject.section", { title: subject.title });
    }
    case "unknown":
      return tr.t("subject.unknown", { id: view.request.id });
  }
}

/** The first words of what a request is about (the recommendation's or the question's text), cut at a word. */
export function firstWords(view: RequestView, limit = 90): string | undefined {
  const text = view.subject.kind === "recommendation" || view.subject.kind === "question" ? view.subject.text : undefined;
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A request in a list or a choice, in words: its subject, its first words, its report, its due
 * date ("A/HRC/59/15, para. 148.12 — Ratify the Optional Protocol… · UPR national report · 1 December 2026 (in 5 days)").
 */
export function requestLine(view: RequestView, ctx: CardContext, limit = 60): string {
  const words = firstWords(view, limit);
  return [`${subjectLabel(view, ctx.tr)}${words ? ` — ${words}` : ""}`, view.report?.title, dueText(view, ctx)].filter(Boolean).join(" · ");
}

/** Days from today to the due date in the mechanism's calendar (negative when late). */
export function daysToDue(view: RequestView, now: Date): number {
  return daysBetween(calendarDateAt(now, view.report?.timeZone ?? "UTC"), view.request.dueDate);
}

/** "1 December 2026 (in 5 days)", "(today)", "(2 days late)", in the mechanism's calendar. */
export function dueText(view: RequestView, ctx: CardContext): string {
  const days = daysToDue(view, ctx.now);
  const relative = days > 0 ? ctx.tr.t("due.inDays", { count: days }) : days === 0 ? ctx.tr.t("due.today") : ctx.tr.t("due.late", { count: -days });
  return `${ctx.tr.date(view.request.dueDate)} (${relative})`;
}

/** The request card's mode: the form, the answer (with Edit), or closed. */
export function requestCardMode(view: RequestView, options: Pick<RequestCardOptions, "mode">): "form" | "answered" | "closed" {
  if (view.request.status === "closed") return "closed";
  if (options.mode === "form") return "form";
  if (view.request.status === "answered" && view.latest) return "answered";
  return "form";
}

function attachmentLines(tr: Translator, attachments: Attachment[]): CardElement | undefined {
  if (!attachments.length) return undefined;
  return textBlock(attachments.map((a) => `- [${a.name}](${a.webUrl})`).join("\n"), { spacing: "Small" });
}

function subjectBlock(view: RequestView, tr: Translator, full: boolean): CardElement[] {
  const subject = view.subject;
  const items: CardElement[] = [textBlock(`**${subjectLabel(view, tr)}**`)];
  if (subject.kind === "recommendation") {
    const details = [
      subject.recommendingStates.length ? tr.t("subject.recommendedBy", { states: subject.recommendingStates.join(", ") }) : undefined,
      subject.position ? tr.t("subject.position", { position: tr.t(`position.${subject.position}` as MessageKey) }) : undefined,
    ].filter(Boolean);
    if (details.length) items.push(subtle(details.join(" · ")));
    items.push(textBlock(full ? shorten(subject.text, tr) : shorten(subject.text, tr, 400)));
  } else if (subject.kind === "question" && subject.text) {
    items.push(textBlock(full ? shorten(subject.text, tr) : shorten(subject.text, tr, 400)));
  }
  return items;
}

function headerBlock(view: RequestView, tr: Translator, title: string): CardElement[] {
  const context = [view.mechanism ? MECHANISM_NAMES[view.mechanism] : undefined, view.report?.title].filter(Boolean).join(" · ");
  return [heading(title), ...(context ? [subtle(context)] : [])];
}

function bannerElement(view: RequestView, ctx: CardContext, value: RequestBanner | undefined): CardElement | undefined {
  if (!value) return undefined;
  const { tr } = ctx;
  const days = daysToDue(view, ctx.now);
  switch (value.kind) {
    case "reminder":
      if (days < 0) return banner(tr.t("banner.escalation", { count: -days }), "attention");
      return banner(days === 0 ? tr.t("banner.reminderToday") : tr.t("banner.reminder", { count: days }), "warning");
    case "escalation":
      return banner(
        [days < 0 ? tr.t("banner.escalation", { count: -days }) : tr.t("banner.reminderToday"), value.technicalNames ? tr.t("banner.escalationTechnical", { names: value.technicalNames }) : ""]
          .filter(Boolean)
          .join(" "),
        "attention",
      );
    case "error":
      return banner(value.text, "attention");
    case "info":
      return banner(value.text, "emphasis");
  }
}

/** "Answered by Tess Justice on 2 Mar 2026, 10:15, version 2". */
export function answeredLine(tr: Translator, contribution: Pick<ContributionFields, "authorName" | "answeredAt" | "version">): string {
  return tr.t("request.answeredBy", { name: contribution.authorName, at: tr.dateTime(contribution.answeredAt), version: contribution.version });
}

function answerBlock(tr: Translator, contribution: Stored<ContributionFields>, title: string, full: boolean): CardElement {
  return section(title, [
    subtle(answeredLine(tr, contribution)),
    textBlock(full ? shorten(contribution.text, tr) : shorten(contribution.text, tr, 1_000)),
    contribution.reportedStatus ? subtle(tr.t("request.reportedStatus", { status: statusLabel(tr, contribution.reportedStatus) })) : undefined,
    attachmentLines(tr, contribution.attachments),
  ]);
}

function refreshFor(view: RequestView, options: RequestCardOptions): AdaptiveCard["refresh"] | undefined {
  if (!options.refreshUserIds?.length) return undefined;
  const bannerData = options.banner?.kind === "reminder" || options.banner?.kind === "escalation" ? { banner: options.banner.kind } : {};
  return {
    action: execute("refresh", "refresh", { view: "request", requestId: view.request.id, ...bannerData }),
    userIds: options.refreshUserIds.slice(0, 60),
  };
}

/** The status question applies to recommendations the ministry leads (its answer updates the recommendation). */
function asksStatus(view: RequestView): boolean {
  return view.subject.kind === "recommendation" && view.request.ministryRole === "lead";
}

export function statusChoices(tr: Translator): { title: string; value: string }[] {
  return [
    { title: tr.t("form.statusUnchanged"), value: "" },
    ...IMPLEMENTATION_STATUSES.filter((status) => status !== "not-assessed").map((status) => ({ title: statusLabel(tr, status), value: status })),
  ];
}

/** The card of a request for input, as the viewer should see it now. */
export function requestCard(view: RequestView, ctx: CardContext, options: RequestCardOptions): AdaptiveCard {
  const { tr } = ctx;
  const mode = requestCardMode(view, options);
  const request = view.request;
  const infoFacts = facts([
    [tr.t("request.ministry"), view.ministry ? `${view.ministry.name}${request.ministryRole === "supporting" ? ` (${tr.t("request.supporting")})` : ""}` : undefined],
    [tr.t("request.due"), dueText(view, ctx)],
    [tr.t("request.status"), requestStatusLabel(tr, request.status)],
  ]);

  if (mode === "closed") {
    return adaptiveCard(
      tr,
      [
        banner(tr.t("request.closed"), "emphasis"),
        ...headerBlock(view, tr, tr.t("request.title")),
        ...subjectBlock(view, tr, false),
        infoFacts,
        view.latest && answerBlock(tr, view.latest, tr.t("request.lastAnswer"), false),
      ],
      { refresh: refreshFor(view, options), fallbackText: tr.t("request.closed") },
    );
  }

  if (mode === "answered" && view.latest) {
    const latest = view.latest;
    return adaptiveCard(
      tr,
      [
        banner(options.done ?? answeredLine(tr, latest), "good"),
        ...headerBlock(view, tr, tr.t("request.title")),
        ...subjectBlock(view, tr, false),
        infoFacts,
        answerBlock(tr, latest, tr.t("request.yourAnswer"), true),
      ],
      {
        actions: [options.canAnswer && execute(tr.t("action.edit"), "editAnswer", { requestId: request.id })],
        refresh: refreshFor(view, options),
        fallbackText: answeredLine(tr, latest),
      },
    );
  }

  const draft = options.draft ?? {};
  const attachments = draft.attachments ?? [];
  const editing = options.mode === "form" && view.latest;
  const value = draft.text ?? (editing ? view.latest?.text : undefined);
  const stateBanner =
    request.status === "declined"
      ? tr.t("banner.declined", { reason: request.declinedReason ?? "" })
      : request.moreTimeRequestedUntil
        ? tr.t("banner.moreTimeAsked", { date: tr.date(request.moreTimeRequestedUntil) })
        : undefined;
  const body: (CardElement | undefined)[] = [
    bannerElement(view, ctx, options.banner),
    stateBanner && !options.banner ? banner(stateBanner, "emphasis") : undefined,
    ...headerBlock(view, tr, editing ? tr.t("request.editTitle") : tr.t("request.title")),
    ...subjectBlock(view, tr, true),
    section(tr.t("request.asked"), [textBlock(request.ask)]),
    infoFacts,
    view.latest && !editing ? answerBlock(tr, view.latest, tr.t("request.previousAnswer"), false) : undefined,
  ];
  const actions: CardAction[] = [];
  if (options.canAnswer) {
    body.push(
      section(tr.t("form.title"), [
        textInput("answer", tr.t("form.answer"), {
          value,
          multiline: true,
          maxLength: LIMITS.contributionText,
          required: true,
          errorMessage: tr.t("form.answerRequired"),
          placeholder: tr.t("form.answerPlaceholder"),
        }),
        asksStatus(view)
          ? choiceInput("status", tr.t("form.status"), statusChoices(tr), { value: draft.status ?? (editing ? view.latest?.reportedStatus : undefined) ?? "" })
          : undefined,
        attachments.length ? subtle(tr.t("form.attachments")) : undefined,
        attachmentLines(tr, attachments),
      ]),
    );
    actions.push(execute(tr.t("action.submit"), "submitAnswer", { requestId: request.id, ...(attachments.length ? { attachments } : {}) }, { style: "positive" }));
    if (request.status !== "declined") {
      actions.push(execute(tr.t("action.askMoreTime"), "askMoreTime", { requestId: request.id }, { associatedInputs: "none" }));
      actions.push(execute(tr.t("action.notOurMinistry"), "notOurMinistry", { requestId: request.id }, { associatedInputs: "none" }));
    }
    if (editing) actions.push(execute(tr.t("action.cancel"), "showRequest", { requestId: request.id }, { associatedInputs: "none" }));
  }
  return adaptiveCard(tr, body, { actions, refresh: refreshFor(view, options), fallbackText: `${tr.t("request.title")}: ${subjectLabel(view, tr)}` });
}

/** Asking for a later due date: the date and why. */
export function moreTimeCard(view: RequestView, ctx: CardContext, options: { error?: string; until?: string; reason?: string } = {}): AdaptiveCard {
  const { tr } = ctx;
  return adaptiveCard(
    tr,
    [
      options.error ? banner(options.error, "attention") : undefined,
      heading(tr.t("moreTime.title")),
      textBlock(`**${subjectLabel(view, tr)}**`),
      facts([[tr.t("request.due"), dueText(view, ctx)]]),
      textBlock(tr.t("moreTime.explain")),
      dateInput("until", tr.t("moreTime.until"), { min: addDays(view.request.dueDate, 1), value: options.until ?? addDays(view.request.dueDate, 1), required: true, errorMessage: tr.t("moreTime.untilRequired") }),
      textInput("reason", tr.t("moreTime.reason"), { value: options.reason, multiline: true, maxLength: LIMITS.comment, required: true, errorMessage: tr.t("moreTime.reasonRequired") }),
    ],
    {
      actions: [
        execute(tr.t("action.send"), "confirmMoreTime", { requestId: view.request.id }, { style: "positive" }),
        execute(tr.t("action.back"), "showRequest", { requestId: view.request.id }, { associatedInputs: "none" }),
      ],
    },
  );
}

/** Telling the secretariat the request belongs to another ministry. */
export function notOurMinistryCard(view: RequestView, ctx: CardContext, options: { error?: string; reason?: string } = {}): AdaptiveCard {
  const { tr } = ctx;
  return adaptiveCard(
    tr,
    [
      options.error ? banner(options.error, "attention") : undefined,
      heading(tr.t("decline.title")),
      textBlock(`**${subjectLabel(view, tr)}**`),
      textBlock(tr.t("decline.explain")),
      textInput("reason", tr.t("decline.reason"), { value: options.reason, multiline: true, maxLength: LIMITS.comment, required: true, errorMessage: tr.t("decline.reasonRequired") }),
    ],
    {
      actions: [
        execute(tr.t("action.send"), "confirmNotOurMinistry", { requestId: view.request.id }, { style: "positive" }),
        execute(tr.t("action.back"), "showRequest", { requestId: view.request.id }, { associatedInputs: "none" }),
      ],
    },
  );
}

/** After asking for more time or declining: what happens next. */
export function requestChangedCard(view: RequestView, ctx: CardContext, text: string, options: { canAnswer: boolean; refreshUserIds?: string[] }): AdaptiveCard {
  return requestCard(view, ctx, { canAnswer: options.canAnswer, banner: { kind: "info", text }, refreshUserIds: options.refreshUserIds });
}

export interface ChatAnswer {
  text: string;
  messageId: string;
  attachments: Attachment[];
}

/**
 * A text typed in the chat: confirm it as the answer to the one open request, or choose which of
 * several it answers. The text stays editable.
 */
export function chatAnswerCard(candidates: RequestView[], answer: ChatAnswer, ctx: CardContext, options: { error?: string } = {}): AdaptiveCard {
  const { tr } = ctx;
  const single = candidates.length === 1 ? candidates[0] : undefined;
  const anyAsksStatus = candidates.some(asksStatus);
  return adaptiveCard(
    tr,
    [
      options.error ? banner(options.error, "attention") : undefined,
      heading(single ? tr.t("chatAnswer.confirmTitle") : tr.t("chatAnswer.chooseTitle")),
      single
        ? textBlock(tr.t("chatAnswer.confirmFor", { subject: `${subjectLabel(single, tr)}${firstWords(single, 80) ? ` — ${firstWords(single, 80)}` : ""}${single.report ? ` (${single.report.title})` : ""}`, due: dueText(single, ctx) }))
        : choiceInput(
            "requestId",
            tr.t("chatAnswer.which"),
            candidates.map((view) => ({ title: requestLine(view, ctx), value: view.request.id })),
            { expanded: true, required: true, errorMessage: tr.t("chatAnswer.whichRequired") },
          ),
      textInput("text", tr.t("form.answer"), { value: answer.text, multiline: true, maxLength: LIMITS.contributionText, required: true, errorMessage: tr.t("form.answerRequired") }),
      anyAsksStatus ? choiceInput("status", tr.t("form.status"), statusChoices(tr), { value: "" }) : undefined,
      answer.attachments.length ? subtle(tr.t("form.attachments")) : undefined,
      attachmentLines(tr, answer.attachments),
    ],
    {
      actions: [
        execute(
          tr.t("action.saveAnswer"),
          "confirmChatAnswer",
          { messageId: answer.messageId, ...(single ? { requestId: single.request.id } : {}), ...(answer.attachments.length ? { attachments: answer.attachments } : {}) },
          { style: "positive" },
        ),
        execute(tr.t("action.notNow"), "myRequests", {}, { associatedInputs: "none" }),
      ],
    },
  );
}

/** Files sent in the chat while several requests are open: which one are they for? */
export function chooseEvidenceCard(candidates: RequestView[], messageId: string, attachments: Attachment[], ctx: CardContext): AdaptiveCard {
  const { tr } = ctx;
  return adaptiveCard(
    tr,
    [
      heading(tr.t("evidence.chooseTitle")),
      attachmentLines(tr, attachments),
      choiceInput(
        "requestId",
        tr.t("chatAnswer.which"),
        candidates.map((view) => ({ title: requestLine(view, ctx), value: view.request.id })),
        { expanded: true, required: true, errorMessage: tr.t("chatAnswer.whichRequired") },
      ),
    ],
    {
      actions: [
        execute(tr.t("action.attach"), "attachEvidence", { messageId, attachments }, { style: "positive" }),
        execute(tr.t("action.notNow"), "myRequests", {}, { associatedInputs: "none" }),
      ],
    },
  );
}

/** "my requests": the person's open requests, the most urgent first, each opening its card. */
export function myRequestsCard(views: RequestView[], ctx: CardContext, options: { limit?: number; needsAttention?: number } = {}): AdaptiveCard {
  const { tr } = ctx;
  const limit = options.limit ?? 25;
  // Requests a person left unusable in SharePoint are not listed: the card says so, the secretariat fixes them.
  const hidden = options.needsAttention ? subtle(tr.t("myRequests.needsAttention", { count: options.needsAttention })) : undefined;
  if (!views.length) {
    return adaptiveCard(tr, [heading(tr.t("myRequests.title")), textBlock(tr.t("myRequests.none")), hidden], {
      actions: [execute(tr.t("action.help"), "help", {})],
    });
  }
  const shown = views.slice(0, limit);
  const items: CardElement[] = shown.map((view) => ({
    type: "Container",
    separator: true,
    items: [
      textBlock(`**${subjectLabel(view, tr)}**${view.ministry ? ` · ${view.ministry.name}` : ""}`),
      firstWords(view, 140) ? textBlock(firstWords(view, 140)!, { spacing: "Small" }) : textBlock(shorten(view.request.ask, tr, 200), { spacing: "Small" }),
      subtle([`${tr.t("request.due")} ${dueText(view, ctx)}`, requestStatusLabel(tr, view.request.status), view.report?.title].filter(Boolean).join(" · ")),
      { type: "ActionSet", actions: [execute(tr.t("action.open"), "showRequest", { requestId: view.request.id })] },
    ],
  }));
  return adaptiveCard(tr, [
    heading(tr.t("myRequests.title")),
    // The greeting's figure is the first one here: the requests waiting for an answer; answered ones stay open for revision.
    subtle(`${tr.t("myRequests.waiting", { count: views.filter((v) => isUnanswered(v.request.status)).length })} · ${tr.t("myRequests.count", { count: views.length })}`),
    ...items,
    views.length > limit ? subtle(tr.t("myRequests.more", { count: views.length - limit })) : undefined,
    hidden,
  ]);
}
