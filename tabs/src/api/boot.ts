/**
 * The answers public/boot.js started before the tab's code ran (the configuration, the local
 * persona's token, /api/me, the grid's first page). Each is taken once: a later load (a retry,
 * another persona) calls the API itself.
 */
import type { MeDto, PublicConfigDto, RecommendationDto } from "../../../core/api";

interface Boot {
  config?: Promise<PublicConfigDto>;
  persona?: string;
  token?: Promise<string>;
  me?: Promise<MeDto>;
  firstRecommendations?: Promise<{ items: RecommendationDto[]; nextPageToken?: string; total?: number }>;
}

function boot(): Boot {
  return (typeof window === "undefined" ? undefined : (window as unknown as { __nmirfBoot?: Boot }).__nmirfBoot) ?? {};
}

/** Takes a started answer once; for the persona's calls, only when it is the same persona. */
export function takeBoot<K extends Exclude<keyof Boot, "persona">>(key: K, persona?: string): Boot[K] | undefined {
  const started = boot();
  const value = started[key];
  if (!value) return undefined;
  if (key !== "config" && persona !== started.persona) return undefined;
  delete started[key];
  return value;
}
