/**
 * One consultation's state apart from its render: the consultation (from the list the person
 * may read), the items it shares with the recommendations' words, its comments (all of them for
 * the secretariat, the chair and administrators; an invited observer's own), and the two
 * writes: an invited observer's comment, the secretariat's answer (with the comment's eTag: a
 * stale page is refused and told, nothing is overwritten).
 */
import type { ConsultationCommentDto, ConsultationDto, RecommendationDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";
import { commentWindowOf, itemKeyOf } from "./consultation-window";
import { useConsultations } from "./use-consultations";

export type SharedItem = ConsultationDto["sharedItems"][number];

export interface AnswerChanges {
  answer?: string;
  takenUp: boolean;
}

/** The items a consultation shares, then those it no longer shares but was commented on, each with its comments. */
function itemsWithComments(consultation: ConsultationDto, comments: readonly ConsultationCommentDto[]): { key: string; item: SharedItem; comments: ConsultationCommentDto[] }[] {
  const items = new Map<string, { key: string; item: SharedItem; comments: ConsultationCommentDto[] }>();
  for (const item of consultation.sharedItems) items.set(itemKeyOf(item), { key: itemKeyOf(item), item, comments: [] });
  for (const comment of comments) {
    const entry = items.get(comment.itemKey) ?? { key: comment.itemKey, item: comment.item, comments: [] };
    entry.comments.push(comment);
    items.set(comment.itemKey, entry);
  }
  return [...items.values()];
}

export function useConsultationDetail(consultationId: string) {
  const { api, me, config } = useSession();
  const consultations = useConsultations();
  const consultation = consultations.data?.find((c) => c.id === consultationId);
  const invited = consultation?.invitedObserverIds.includes(me.userId) ?? false;
  // The secretariat, the chair and administrators read every comment (as they read the audit log); an invited observer their own.
  const readsEveryComment = me.can.readAudit;
  const readsComments = consultation !== undefined && (readsEveryComment || invited);
  const comments = useResource<ConsultationCommentDto[]>(
    readsComments ? (signal) => api.call("listConsultationComments", { params: { id: consultationId }, signal }).then((page) => page.items) : undefined,
    [api, consultationId, readsComments],
  );

  const recommendationIds = (consultation?.sharedItems ?? []).flatMap((item) => (item.kind === "recommendation" ? [item.recommendationId] : []));
  const recommendations = useResource<Map<string, RecommendationDto>>(
    recommendationIds.length > 0
      ? async (signal) => {
          // A recommendation the person may not read (not shared with observers) keeps a plain title.
          const settled = await Promise.allSettled(recommendationIds.map((id) => api.call("getRecommendation", { params: { id }, signal })));
          return new Map(settled.flatMap((result) => (result.status === "fulfilled" ? [[result.value.id, result.value] as const] : [])));
        }
      : undefined,
    [api, recommendationIds.join(",")],
  );

  async function addComment(item: SharedItem, text: string): Promise<ConsultationCommentDto> {
    const created = await api.call("commentOnConsultation", { params: { id: consultationId }, body: { item, text } });
    comments.set((previous) => [...(previous ?? []), created]);
    return created;
  }

  async function answer(comment: ConsultationCommentDto, changes: AnswerChanges): Promise<ConsultationCommentDto> {
    const updated = await api.call("answerConsultationComment", { params: { id: comment.id }, body: { ...changes, eTag: comment.eTag } });
    comments.set((previous) => previous?.map((c) => (c.id === updated.id ? updated : c)));
    return updated;
  }

  return {
    consultations,
    consultation,
    comments,
    items: consultation ? itemsWithComments(consultation, comments.data ?? []) : [],
    recommendations: recommendations.data ?? new Map<string, RecommendationDto>(),
    commentWindow: consultation ? commentWindowOf(consultation, todayIn(config.timeZone)) : undefined,
    readsComments,
    readsEveryComment,
    invited,
    canAnswer: me.can.editLists,
    addComment,
    answer,
  };
}
