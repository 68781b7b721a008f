/**
 * The drafts view's state, apart from its render: the report (from the address), the templates
 * offered for compiling; per report, its drafts and the compile; per draft, its reviews, the word
 * count against the limit, sending for approval and the chair's decision.
 */
import { useEffect, useState } from "react";
import { openInWordHref } from "../../word/open-in-word";
import type { DraftDto, ReportDto, TemplateDto } from "../../../../core/api";
import type { DraftGap } from "../../../../core/drafts/draft-content";
import type { CompiledDraft } from "../../../../core/drafts/draft";
import { isCompiled } from "../../../../core/drafts/draft-review";
import type { ResponseOf } from "../../api/routes";
import { useAction, useResource, type Resource } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { navigate, useRoute } from "../../shell/router";
import { useSession } from "../../shell/session";

export function useDraftsView() {
  const { api, me } = useSession();
  const route = useRoute();
  const reportId = route.params.get("report") ?? undefined;
  const reports = useResource((signal) => api.call("listReports", { signal }).then((r) => r.items), [api]);
  const report = reports.data?.find((r) => r.id === reportId);
  // The templates serve every report: listed once, and a new upload is offered at once for compiling.
  const templates = useResource(me.can.compileDrafts ? (signal) => api.call("listTemplates", { signal }).then((r) => r.items) : undefined, [api, me.can.compileDrafts]);
  const [templateId, setTemplateId] = useState<string>();
  const uploaded = (template: TemplateDto) => {
    templates.set((list) => [...(list ?? []).filter((x) => x.id !== template.id), template].sort((a, b) => a.name.localeCompare(b.name)));
    setTemplateId(template.id);
  };

  useEffect(() => {
    if (reportId || !reports.data) return;
    const first = reports.data.find((r) => r.status !== "submitted") ?? reports.data[0];
    if (first) navigate(`/drafts?report=${first.id}`, { replace: true });
  }, [reportId, reports.data]);

  return { me, reportId, reports, report, templates, templateId, setTemplateId, uploaded };
}

export interface ReportDraftsProps {
  report: ReportDto;
  templates: Resource<TemplateDto[]>;
  templateId: string | undefined;
  onTemplateChange(id: string | undefined): void;
}

type CompileResult = ResponseOf<"compileDraft">;

export function useReportDrafts({ report, templates, templateId: chosen }: ReportDraftsProps) {
  const { t } = useI18n();
  const { api, me } = useSession();
  const drafts = useResource((signal) => api.call("listDrafts", { params: { id: report.id }, signal }).then((r) => r.items), [api, report.id]);
  // A template that is no longer listed is not offered (nor sent).
  const templateId = templates.data?.some((x) => x.id === chosen) ? chosen : undefined;
  const [gaps, setGaps] = useState<DraftGap[]>();
  const [compiled, setCompiled] = useState<string>();
  const [leftOut, setLeftOut] = useState<NonNullable<CompileResult["leftOut"]>>([]);
  const compile = useAction(async () => {
    setCompiled(undefined);
    setLeftOut([]);
    const result = await api.call("compileDraft", { params: { id: report.id }, body: templateId ? { templateId } : {} });
    setGaps(result.unanswered);
    setLeftOut(result.leftOut ?? []);
    drafts.set((list) => [result.draft, ...(list ?? []).filter((d) => d.id !== result.draft.id)]);
    setCompiled(
      result.template
        ? t("drafts.compiledWithTemplate", { version: result.draft.version, name: result.template.name, templateVersion: result.template.version })
        : t("drafts.compiledPlain", { version: result.draft.version }),
    );
  });
  // The newest draft with a file; a compile under way or interrupted is listed with the others.
  const latest = drafts.data?.find(isCompiled);
  return { me, drafts, templateId, gaps, compiled, leftOut, compile, latest };
}

/** One ministry's unanswered requests, counted once each, by status, with the earliest due date. */
export interface MinistryGaps {
  ministryId: string;
  ministryName: string;
  requestIds: string[];
  byStatus: { status: DraftGap["status"]; count: number }[];
  firstDue: string;
}

/** The unanswered requests one line per ministry (most first), not one line per request: 20 "Ministry of Justice · Sent" lines become one. */
export function gapsByMinistry(gaps: readonly DraftGap[]): MinistryGaps[] {
  const groups = new Map<string, { name: string; requests: Map<string, DraftGap> }>();
  for (const gap of gaps) {
    const group = groups.get(gap.ministryId) ?? { name: gap.ministryName, requests: new Map<string, DraftGap>() };
    group.requests.set(gap.requestId, gap);
    groups.set(gap.ministryId, group);
  }
  return [...groups.entries()]
    .map(([ministryId, { name, requests }]) => {
      const counts = new Map<DraftGap["status"], number>();
      for (const gap of requests.values()) counts.set(gap.status, (counts.get(gap.status) ?? 0) + 1);
      return {
        ministryId,
        ministryName: name,
        requestIds: [...requests.keys()],
        byStatus: [...counts.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count),
        firstDue: [...requests.values()].map((g) => g.dueDate).sort()[0]!,
      };
    })
    .sort((a, b) => b.requestIds.length - a.requestIds.length || a.ministryName.localeCompare(b.ministryName));
}

export interface DraftCardProps {
  draft: DraftDto & CompiledDraft;
  report: ReportDto;
  gaps?: DraftGap[];
  onChanged(d: DraftDto): void;
}

export function useDraftCard({ draft, report, gaps, onChanged }: DraftCardProps) {
  const { api, me, config, personaId } = useSession();
  const detail = useResource((signal) => api.call("getDraft", { params: { id: draft.id }, signal }), [api, draft.id, draft.reviewState]);
  const [message, setMessage] = useState("");
  const [comment, setComment] = useState("");
  const send = useAction(async () => {
    const result = await api.call("sendDraftForApproval", { params: { id: draft.id }, body: { eTag: draft.eTag, ...(message.trim() ? { message } : {}) } });
    onChanged(result.draft);
  });
  const decide = useAction(async (decision: "approved" | "returned") => {
    const review = openReview;
    if (!review) return;
    const result = await api.call("decideDraft", { params: { id: review.id }, body: { decision, ...(comment.trim() ? { comment } : {}) } });
    onChanged(result.draft);
  });

  const limit = draft.wordCount.limit ?? report.wordLimit;
  const counted = draft.wordCount.counted;
  const share = limit ? counted / limit : undefined;
  const over = limit !== undefined && counted > limit;
  const reviews = [...(detail.data?.reviews ?? [])].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  const openReview = reviews.find((r) => !r.decision);
  const unanswered = gapsByMinistry(gaps ?? []);
  const wordHref = openInWordHref(config.mode, draft, personaId);
  return { me, message, setMessage, comment, setComment, send, decide, limit, counted, share, over, reviews, openReview, unanswered, wordHref };
}
