import { LIMITS } from "../../core/records/common";
import type { Attachment } from "../../core/contributions/contribution";
import { recordContribution } from "../../core/contributions/record-contribution";
import { chatAnswerCard, chooseEvidenceCard, myRequestsCard, requestCard } from "../cards/request-card";
import { helpCard, welcomeCard } from "../cards/welcome-card";
import { incomingFiles, storeChatEvidence, type IncomingFile } from "../files/evidence";
import { EVIDENCE_EXTENSIONS } from "../../core/contributions/evidence";
import { commandOf, plainText } from "../i18n/commands";
import { errorWords } from "../i18n/errors";
import { isKnown } from "../people/persona";
import { answerCandidates, myOpenRequests, openRequestsOf, readRequest, type RequestView } from "../../core/requests/read-requests";
import { sendCard, sendText } from "./replies";
import { openProgressAsks, progressWithFiles } from "./progress-action";
import type { Turn } from "./turn-context";

/** A message in the 1:1 chat: a command, an answer typed in the chat, or files. */
export async function onMessage(turn: Turn): Promise<void> {
  const { context, activity, persona, tr, deps } = turn;
  const text = plainText(activity.text);
  const files = incomingFiles(activity.attachments);
  if (files.length) return onFiles(turn, files, text);

  const command = commandOf(text);
  if (command === "help" || (!text && !command)) {
    await sendCard(context, helpCard(persona, tr, { secretariat: await deps.directory.usersWithRole("Secretariat") }));
    return;
  }
  if (command === "myRequests") {
    const mine = await myOpenRequests(deps, persona.actor);
    await sendCard(context, myRequestsCard(mine.views, turn, { needsAttention: mine.needsAttention }));
    return;
  }
  if (!isKnown(persona)) {
    const secretariat = await deps.directory.usersWithRole("Secretariat");
    await sendCard(context, welcomeCard(persona, tr, { openRequests: 0, secretariat }));
    return;
  }
  if (!persona.focalPoints.length) {
    await sendText(context, tr.t("chat.onlyFocalPointsAnswer"));
    return;
  }
  if (text.length > LIMITS.contributionText) {
    await sendText(context, tr.t("error.answerTooLong", { max: LIMITS.contributionText }));
    return;
  }
  const candidates = answerCandidates(await openRequestsOf(deps, persona.actor));
  if (!candidates.length) {
    await sendText(context, tr.t("chat.noOpenRequests"));
    await sendCard(context, helpCard(persona, tr, { secretariat: [] }));
    return;
  }
  await sendCard(context, chatAnswerCard(candidates, { text, messageId: activity.id ?? `${activity.conversation.id}:${turn.now.getTime()}`, attachments: [] }, turn));
}

function sizeText(bytes: number, tr: Turn["tr"]): string {
  return bytes >= 1024 * 1024 ? `${tr.number(Math.floor(bytes / (1024 * 1024)))} MB` : `${tr.number(Math.max(1, Math.floor(bytes / 1024)))} KB`;
}

/**
 * Files sent in the chat go to the Evidence library and are linked to the person's answer:
 * with one open request, a new version of the latest answer carries them (or the answer form
 * does, when there is no answer yet); with several, the person chooses.
 */
async function onFiles(turn: Turn, files: IncomingFile[], text: string): Promise<void> {
  const { context, activity, persona, tr, deps } = turn;
  if (!persona.focalPoints.length) {
    await sendText(context, tr.t("evidence.onlyFocalPoints"));
    return;
  }
  // Evidence usually backs an answer already given: every open request is a candidate.
  const candidates = await openRequestsOf(deps, persona.actor);
  // No request open: the files may back the progress of an action a follow-up round asked about.
  const progressAsks = candidates.length ? [] : await openProgressAsks(turn);
  if (!candidates.length && !progressAsks.length) {
    await sendText(context, tr.t("evidence.noOpenRequest"));
    return;
  }
  // With one open request the files go to its folder; with several, to the person's own until they choose.
  const single = candidates.length === 1 ? candidates[0] : undefined;
  const { maxBytes, downloadTimeoutMs, allowedHosts } = deps.config.files;
  const results = await storeChatEvidence(deps, files, single?.request.id, persona.actor, { maxBytes, timeoutMs: downloadTimeoutMs, allowedHosts, fetch: deps.fetch });
  const messages: string[] = [];
  for (const result of results) {
    if (result.ok) continue;
    if (result.problem === "type") messages.push(tr.t("evidence.refusedType", { name: result.name, types: EVIDENCE_EXTENSIONS.join(", ") }));
    else if (result.problem === "too-large") messages.push(tr.t("evidence.refusedSize", { name: result.name, max: sizeText(maxBytes, tr) }));
    else if (result.problem === "content") messages.push(tr.t("evidence.refusedContent", { name: result.name }));
    else if (result.problem === "name") messages.push(tr.t("evidence.refusedName", { name: result.name }));
    else if (result.problem === "insecure-url") messages.push(tr.t("evidence.refusedInsecure", { name: result.name }));
    else if (result.problem === "foreign-host") messages.push(tr.t("evidence.refusedHost", { name: result.name }));
    else messages.push(tr.t("evidence.refusedDownload", { name: result.name }));
  }
  const attachments = results.flatMap((result) => (result.ok ? [result.attachment] : []));
  if (messages.length) await sendText(context, messages.join("\n\n"));
  if (!attachments.length) return;
  deps.logger.info({ userId: persona.userId, files: attachments.map((a) => a.fileId) }, "evidence stored from the chat");

  if (progressAsks.length) {
    await sendCard(context, progressWithFiles(turn, progressAsks, attachments, text));
    return;
  }
  const messageId = activity.id ?? `${activity.conversation.id}:${turn.now.getTime()}`;
  if (text && !/^\s*$/.test(text)) {
    await sendCard(context, chatAnswerCard(candidates, { text, messageId, attachments }, turn));
    return;
  }
  if (!single) {
    await sendCard(context, chooseEvidenceCard(candidates, messageId, attachments, turn));
    return;
  }
  await sendCard(context, await attachToRequest(turn, single, messageId, attachments));
}

/**
 * Links files to a request's answer: a new version of the latest answer with the files added,
 * or, when nobody answered yet, the answer form carrying them.
 */
export async function attachToRequest(turn: Turn, view: RequestView, submissionId: string, attachments: Attachment[]) {
  const { persona, tr, deps } = turn;
  const refreshUserIds = [persona.userId];
  const latest = view.latest;
  if (!latest) {
    return requestCard(view, turn, {
      canAnswer: true,
      mode: "form",
      draft: { attachments },
      banner: { kind: "info", text: tr.t("evidence.savedWriteAnswer", { names: attachments.map((a) => a.name).join(", ") }) },
      refreshUserIds,
    });
  }
  const merged = [...latest.attachments, ...attachments.filter((a) => !latest.attachments.some((b) => b.fileId === a.fileId))];
  try {
    const result = await recordContribution(
      deps,
      { requestId: view.request.id, text: latest.text, reportedStatus: latest.reportedStatus, attachments: merged, submissionId, via: "chat" },
      persona.actor,
    );
    const updated = await readRequest(deps, result.request, persona.actor);
    return requestCard(updated, turn, {
      canAnswer: true,
      refreshUserIds,
      done: tr.t("evidence.attached", { names: attachments.map((a) => a.name).join(", "), version: result.contribution.version }),
    });
  } catch (error) {
    return requestCard(view, turn, { canAnswer: true, mode: "form", draft: { attachments }, banner: { kind: "error", text: errorWords(error, tr, "answer") }, refreshUserIds });
  }
}
