/** A follow-up round's card: its submit goes to core's reportProgress, one use case, one card back. */
import { randomUUID } from "node:crypto";
import { isDomainError, type ValidationError } from "../../core/errors";
import type { ActionStatus } from "../../core/followup/action";
import { reportProgress } from "../../core/followup/progress";
import { readAction, type ActionView } from "../../core/followup/read-followup";
import type { FollowUpRoundFields } from "../../core/followup/round";
import type { Stored } from "../../core/records/common";
import type { AdaptiveCard } from "../cards/adaptive";
import { chooseActionCard, progressCard, valueInputId } from "../cards/progress-card";
import type { Attachment } from "../../core/contributions/contribution";
import { queryAll } from "../../core/ports/repository";
import type { VerbData } from "../cards/verbs";
import { errorCard } from "../cards/welcome-card";
import { errorWords } from "../i18n/errors";
import type { Turn } from "./turn-context";

async function roundOf(turn: Turn, roundId: string | undefined): Promise<Stored<FollowUpRoundFields> | undefined> {
  if (!roundId) return undefined;
  return turn.deps.repos.followUpRounds.get(roundId).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") return undefined;
    throw error;
  });
}

async function viewOf(turn: Turn, actionId: string): Promise<ActionView> {
  return readAction(turn.deps, actionId, turn.persona.actor, { timeZone: turn.tr.timeZone });
}

/** Core refused the person (not a focal point of a ministry of the action): said in the card's words, not a request's. */
async function orRefusal(turn: Turn, card: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
  try {
    return await card();
  } catch (error) {
    if (isDomainError(error) && error.code === "forbidden") return errorCard(turn.tr, turn.tr.t("progress.notYours"));
    throw error;
  }
}

/** A figure as a person types it: `95`, `12.5`, `12,5`, `1 200`; anything else is not a number. */
function parseFigure(typed: string): number | undefined {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^[-+]?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(",", "."));
}

export async function showProgress(turn: Turn, data: VerbData<"showProgress">): Promise<AdaptiveCard> {
  return orRefusal(turn, () => progressForm(turn, data));
}

async function progressForm(turn: Turn, data: VerbData<"showProgress">): Promise<AdaptiveCard> {
  const [view, round] = await Promise.all([viewOf(turn, data.actionId), roundOf(turn, data.roundId)]);
  return progressCard(view, turn.tr, { canReport: view.mayReport, round, now: turn.now, ...(data.attachments?.length ? { draft: { attachments: data.attachments } } : {}) });
}

/**
 * The actions the person was asked about in a follow-up round and may still report on (planned
 * or under way, a focal point of the lead ministry): where files sent in the chat can go when no
 * request is open. The latest round that asked about each.
 */
export async function openProgressAsks(turn: Turn): Promise<{ view: ActionView; round?: Stored<FollowUpRoundFields> }[]> {
  const { deps, persona } = turn;
  const cards = await queryAll(deps.repos.outbox, { where: [{ field: "recipientId", op: "eq", value: persona.userId }] });
  const latestRound = new Map<string, { roundId: string; at: string }>();
  for (const card of cards) {
    if (card.notification.kind !== "progress") continue;
    const seen = latestRound.get(card.notification.actionId);
    if (!seen || card.createdAt > seen.at) latestRound.set(card.notification.actionId, { roundId: card.notification.roundId, at: card.createdAt });
  }
  const asks: { view: ActionView; round?: Stored<FollowUpRoundFields> }[] = [];
  for (const [actionId, { roundId }] of latestRound) {
    const view = await viewOf(turn, actionId).catch((error: unknown) => {
      if (isDomainError(error) && (error.code === "not_found" || error.code === "forbidden")) return undefined;
      throw error;
    });
    if (!view || !view.mayReport || view.action.status === "done" || view.action.status === "dropped") continue;
    asks.push({ view, round: await roundOf(turn, roundId) });
  }
  return asks;
}

/** Files sent in the chat for an action's progress: its form with them, or, for several actions, which one. */
export function progressWithFiles(turn: Turn, asks: { view: ActionView; round?: Stored<FollowUpRoundFields> }[], attachments: Attachment[], text?: string): AdaptiveCard {
  const { tr } = turn;
  if (asks.length === 1) {
    const [{ view, round }] = asks as [(typeof asks)[number]];
    // What the person wrote with the files starts the progress in words.
    return progressCard(view, tr, { canReport: true, round, now: turn.now, draft: { attachments, ...(text?.trim() ? { text: text.trim() } : {}) } });
  }
  return chooseActionCard(tr, asks.map(({ view, round }) => ({ actionId: view.action.id, title: view.action.title, roundId: round?.id })), attachments);
}

export async function submitProgress(turn: Turn, data: VerbData<"submitProgress">): Promise<AdaptiveCard> {
  return orRefusal(turn, () => saveProgress(turn, data));
}

async function saveProgress(turn: Turn, data: VerbData<"submitProgress">): Promise<AdaptiveCard> {
  const { deps, tr, persona, activity } = turn;
  const [view, round] = await Promise.all([viewOf(turn, data.actionId), roundOf(turn, data.roundId)]);
  const typed: Record<string, string> = {};
  for (const { indicator } of view.indicators) {
    const raw = data[valueInputId(indicator.id)];
    if (typeof raw === "string" && raw.trim()) typed[indicator.id] = raw.trim().slice(0, 40);
    else if (typeof raw === "number") typed[indicator.id] = String(raw);
  }
  const draft = { text: data.progress, status: data.status as ActionStatus, asOf: data.asOf, values: typed, attachments: data.attachments };
  const refuse = (error: string) => progressCard(view, tr, { canReport: view.mayReport, round, now: turn.now, draft, error });
  const values: { indicatorId: string; value: number; date: string }[] = [];
  for (const [indicatorId, text] of Object.entries(typed)) {
    const value = parseFigure(text);
    const indicator = view.indicators.find((i) => i.indicator.id === indicatorId)!.indicator;
    if (value === undefined) return refuse(tr.t("progress.notANumber", { value: text, definition: indicator.definition }));
    values.push({ indicatorId, value, date: data.asOf });
  }
  if (values.length > 0 && !data.asOf) return refuse(tr.t("progress.asOfRequired"));
  try {
    const saved = await reportProgress(deps, { actionId: data.actionId, text: data.progress, status: data.status, values, attachments: data.attachments ?? [], submissionId: activity.id ?? randomUUID(), via: "card" }, persona.actor);
    deps.logger.info({ actionId: data.actionId, version: saved.update.version, replayed: saved.replayed }, "progress from a card");
    return progressCard(await viewOf(turn, data.actionId), tr, { canReport: true, round, now: turn.now, saved });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "forbidden") return errorCard(tr, tr.t("progress.notYours"));
    if (error.code === "not_found") return errorCard(tr, errorWords(error, tr, "answer"));
    if (error.code !== "validation") throw error;
    const issue = (error as ValidationError).issues[0];
    if (issue && /^text$/.test(issue.path) && !/at most/.test(issue.message)) return refuse(tr.t("progress.textRequired"));
    if (issue && /^values\.\d+\.date$/.test(issue.path)) return refuse(tr.t("progress.asOfRequired"));
    return refuse(errorWords(error, tr, "answer"));
  }
}
