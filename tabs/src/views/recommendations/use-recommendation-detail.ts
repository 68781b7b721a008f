/**
 * One recommendation's state, apart from its render: the record (the grid's copy until the
 * fresh one is read), whether it is read, edited or its status reported, and what the person
 * may do with it.
 */
import { useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import { can } from "../../../../core/auth/policy";
import { useResource } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

export function useRecommendationDetail({ id, known, onChanged }: { id: string; known?: RecommendationDto; onChanged(record: RecommendationDto): void }) {
  const { t } = useI18n();
  const { api, me, actor, ministries } = useSession();
  const fresh = useResource((signal) => api.call("getRecommendation", { params: { id }, signal }), [api, id]);
  const [mode, setMode] = useState<"view" | "edit" | "status">("view");
  const r = fresh.data ?? known;
  const ministryName = (ministryId: string | undefined) => (ministryId ? (ministries.get(ministryId)?.name ?? ministryId) : t("grid.noLead"));
  const canReport = Boolean(r?.leadMinistryId && can(actor, { kind: "update-status", ministryId: r.leadMinistryId }));
  const saved = (record: RecommendationDto) => {
    fresh.set(() => record);
    onChanged(record);
    setMode("view");
  };
  return { me, fresh, mode, setMode, r, ministryName, canReport, saved };
}
