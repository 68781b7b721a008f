/**
 * One visit's state apart from its render: the visit with its follow-up, ticking a step of its
 * checklist (with the eTag read: a stale view is refused and told, nothing is overwritten), and
 * which of the State's reply and the agreed dates the visit's status allows the secretariat now.
 */
import { useState } from "react";
import type { VisitViewDto } from "../../../../core/api";
import { canHappen } from "../../../../core/visits/visit-lifecycle";
import { useResource } from "../../api/use-resource";
import { useSession } from "../../shell/session";
import { repliesFor } from "./VisitReplyDialog";

export function useVisitDetail(visitId: string) {
  const { api, me, ministries } = useSession();
  const view = useResource<VisitViewDto>((signal) => api.call("getVisit", { params: { id: visitId }, signal }), [api, visitId]);
  const [saving, setSaving] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>();

  async function tick(step: string, done: boolean) {
    const visit = view.data?.visit;
    if (!visit) return;
    setSaving(step);
    setProblem(undefined);
    try {
      const updated = await api.call("tickVisitStep", { params: { id: visit.id }, body: { eTag: visit.eTag, step, done } });
      view.set((previous) => (previous ? { ...previous, visit: updated } : previous));
    } catch (error) {
      setProblem(error);
    } finally {
      setSaving(undefined);
    }
  }

  const ministryName = (id: string) => ministries.get(id)?.name ?? id;
  const visit = view.data?.visit;
  const canEdit = me.can.editLists;
  return {
    view,
    canEdit,
    canReply: canEdit && visit !== undefined && repliesFor(visit).length > 0,
    canAgreeDates: canEdit && visit !== undefined && canHappen(visit.status, "agree-dates"),
    tick,
    saving,
    problem,
    dismissProblem: () => setProblem(undefined),
    ministryName,
  };
}
