/**
 * The requests view's state, apart from its render: the report and filters (from the address and
 * the person's ministry), the requests of the report read page by page, the open request, the
 * creation dialog and its notice.
 */
import { useEffect, useMemo, useState } from "react";
import type { RequestDto } from "../../../../core/api";
import type { RequestStatus } from "../../../../core/requests/request";
import { useResource } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { navigate, useRoute } from "../../shell/router";
import { useSession } from "../../shell/session";
import type { CreateRequestsResult } from "./CreateRequestsDialog";

export function useRequestsView() {
  const { plural } = useI18n();
  const { api, me, ministries } = useSession();
  const route = useRoute();
  const reportId = route.params.get("report") ?? undefined;
  const openId = route.params.get("request") ?? undefined;
  const ownMinistry = me.ministries.length === 1 ? me.ministries[0]?.id : undefined;
  const [status, setStatus] = useState<RequestStatus>();
  const [ministryId, setMinistryId] = useState<string | undefined>(ownMinistry);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();

  const reports = useResource((signal) => api.call("listReports", { signal }).then((r) => r.items), [api]);
  const report = reports.data?.find((r) => r.id === reportId);

  // The secretariat works report by report: open the first report still in progress.
  useEffect(() => {
    if (reportId || !reports.data || me.ministries.length) return;
    const first = reports.data.find((r) => r.status !== "submitted") ?? reports.data[0];
    if (first) navigate(`/requests?report=${first.id}`, { replace: true });
  }, [reportId, reports.data, me.ministries.length]);

  const requests = useResource(
    reportId || ministryId
      ? async (signal) => {
          const items: RequestDto[] = [];
          let pageToken: string | undefined;
          do {
            const page = await api.call("listRequests", { query: { reportId, ministryId, status, pageSize: 200, pageToken }, signal });
            items.push(...page.items);
            pageToken = page.nextPageToken;
          } while (pageToken);
          return items;
        }
      : undefined,
    [api, reportId, ministryId, status],
  );
  const sorted = useMemo(() => [...(requests.data ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || Number(a.id) - Number(b.id)), [requests.data]);
  const open = (request: RequestDto) => navigate(`/requests?${new URLSearchParams({ ...(reportId ? { report: reportId } : {}), request: request.id }).toString()}`);
  const close = () => navigate(reportId ? `/requests?report=${reportId}` : "/requests");
  const replace = (updated: RequestDto) => requests.set((list) => list?.map((r) => (r.id === updated.id ? updated : r)));
  const ministryOptions = [...ministries.values()].sort((a, b) => a.name.localeCompare(b.name));
  const created = (result: CreateRequestsResult) => {
    setCreating(false);
    setNotice(
      [plural("requests.created", result.created.length), result.alreadyExisting ? plural("requests.alreadyExisting", result.alreadyExisting) : "", result.skipped.length ? plural("requests.skipped", result.skipped.length) : "", result.unaddressed.length ? plural("requests.unaddressed", result.unaddressed.length) : ""]
        .filter(Boolean)
        .join(" "),
    );
    requests.reload();
    reports.reload();
  };

  return { me, ministries, reportId, openId, reports, report, requests, sorted, status, setStatus, ministryId, setMinistryId, ministryOptions, creating, setCreating, notice, open, close, replace, created };
}
