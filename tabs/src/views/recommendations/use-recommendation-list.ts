/**
 * Loads every recommendation the person may see, page by page (the API's largest page), so the
 * grid shows the first rows as soon as the first page arrives and filters the whole list in the
 * browser once it is in.
 */
import { useCallback, useEffect, useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import type { Api } from "../../api/client";
import { takeBoot } from "../../api/boot";
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
  const [state, setState] = useState<{ items: RecommendationDto[]; total: number; complete: boolean; error: unknown }>({ items: [], total: 0, complete: false, error: undefined });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, complete: false, error: undefined }));
    void (async () => {
      let items: RecommendationDto[] = [];
      let pageToken: string | undefined;
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
