/** Every consultation the person may read (the server filters an observer's), newest first, page after page. */
import type { ConsultationDto } from "../../../../core/api";
import { useResource } from "../../api/use-resource";
import { useSession } from "../../shell/session";

export function useConsultations() {
  const { api } = useSession();
  return useResource<ConsultationDto[]>(async (signal) => {
    const items: ConsultationDto[] = [];
    let pageToken: string | undefined;
    do {
      const page = await api.call("listConsultations", { query: { pageSize: 200, pageToken }, signal });
      items.push(...page.items);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return items;
  }, [api]);
}
