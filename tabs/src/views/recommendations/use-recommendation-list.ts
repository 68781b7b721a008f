/**
 * Loads every recommendation the person may see, page by page (the API's largest page), so the
 * grid shows the first rows as soon as the first page arrives and filters the whole list in the
 * browser once it is in.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import type { Api } from "../../api/client";
import { takeBoot, takeSettledBoot } from "../../api/boot";
import { isAbort } from "../../api/client";

export const RECOMMENDATION_PAGE_SIZE = 200;

export interface RecommendationList {
  items: RecommendationDto[];
  /** How many the server has; `items.length` until every page is in. */
  total: number;
  complete: boolean;
  loading: boolean;
  error: unknown;
  reload(): void;
  /** Puts records returned by a write in place of the old ones. */
  replace(records: RecommendationDto[]): void;
}

/** `personaId`: the local persona signed in, whose first page public/boot.js may have started. */
export function useRecommendationList(api: Api, personaId?: string): RecommendationList {
  // The first page, when the page's boot script already has it: the grid's first render shows its rows.
  const [firstPage] = useState(() => takeSettledBoot("firstRecommendations", personaId));
  const [state, setState] = useState<{ items: RecommendationDto[]; total: number; complete: boolean; error: unknown }>(() =>
    firstPage
      ? { items: firstPage.items, total: firstPage.total ?? firstPage.items.length, complete: !firstPage.nextPageToken, error: undefined }
      : { items: [], total: 0, complete: false, error: undefined },
  );
  const [generation, setGeneration] = useState(0);
  const continueFrom = useRef(firstPage);

  useEffect(() => {
    const controller = new AbortController();
    // The first run after a boot-fetched first page goes on from its second page.
    const resumed = continueFrom.current;
    continueFrom.current = undefined;
    if (resumed && !resumed.nextPageToken) return;
    if (!resumed) setState((s) => ({ ...s, complete: false, error: undefined }));
    void (async () => {
      let items: RecommendationDto[] = resumed?.items ?? [];
      let pageToken: string | undefined = resumed?.nextPageToken;
      try {
        do {
          const started = pageToken === undefined ? takeBoot("firstRecommendations", personaId) : undefined;
          const page = (await started?.catch(() => undefined)) ?? (await api.call("listRecommendations", { query: { pageSize: RECOMMENDATION_PAGE_SIZE, pageToken, sort: "paragraph" }, signal: controller.signal }));
          items = items.concat(page.items);
          pageToken = page.nextPageToken;
          if (controller.signal.aborted) return;
          setState({ items, total: page.total ?? items.length, complete: !pageToken, error: undefined });
        } while (pageToken);
      } catch (error) {
        if (!isAbort(error) && !controller.signal.aborted) setState((s) => ({ ...s, error }));
      }
    })();
    return () => controller.abort();
  }, [api, generation, personaId]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((records: RecommendationDto[]) => {
    const byId = new Map(records.map((r) => [r.id, r]));
    setState((s) => ({ ...s, items: s.items.map((r) => byId.get(r.id) ?? r) }));
  }, []);

  return { ...state, loading: !state.complete && !state.error, reload, replace };
}
