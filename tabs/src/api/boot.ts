/**
 * The answers public/boot.js started before the tab's code ran (the configuration, the local
 * persona's token, /api/me, the ministries, the personas, the grid's first page). Each is taken
 * once: a later load (a retry, another persona) calls the API itself.
 *
 * main.tsx waits a little for them before the first render, so that the first screen is drawn
 * with its data (`takeSettledBoot`) rather than spinner by spinner.
 */
import type { MeDto, MinistryWithFocalPointsDto, PersonaDto, PublicConfigDto, RecommendationDto } from "../../../core/api";

interface Boot {
  config?: Promise<PublicConfigDto>;
  persona?: string;
  token?: Promise<string>;
  me?: Promise<MeDto>;
  ministries?: Promise<{ items: MinistryWithFocalPointsDto[] }>;
  personas?: Promise<{ items: PersonaDto[] }>;
  firstRecommendations?: Promise<{ items: RecommendationDto[]; nextPageToken?: string; total?: number }>;
}

type BootKey = Exclude<keyof Boot, "persona">;
type Answer<K extends BootKey> = Awaited<NonNullable<Boot[K]>>;

/** Calls that belong to the persona boot.js signed in (the others are the same for anyone). */
const PERSONAL: ReadonlySet<BootKey> = new Set(["token", "me", "ministries", "firstRecommendations"]);

function boot(): Boot {
  return (typeof window === "undefined" ? undefined : (window as unknown as { __nmirfBoot?: Boot }).__nmirfBoot) ?? {};
}

/** The answers already in, by key: filled as each of boot.js's calls succeeds. */
const settled = new Map<BootKey, unknown>();

function watch(): Promise<void>[] {
  const started = boot();
  return (Object.keys(started) as (keyof Boot)[]).flatMap((key) => {
    if (key === "persona") return [];
    const promise = started[key] as Promise<unknown> | undefined;
    if (!promise) return [];
    return [promise.then((value) => void settled.set(key, value), () => undefined)];
  });
}

let watching: Promise<void>[] | undefined;

/** Resolves once every call boot.js started has answered or failed. */
export async function bootSettled(): Promise<void> {
  watching ??= watch();
  await Promise.all(watching);
}

function mine(key: BootKey, persona: string | undefined): boolean {
  return !PERSONAL.has(key) || persona === boot().persona;
}

/** Takes a started answer once; for the persona's calls, only when it is the same persona. */
export function takeBoot<K extends BootKey>(key: K, persona?: string): Boot[K] | undefined {
  const started = boot();
  const value = started[key];
  if (!value || !mine(key, persona)) return undefined;
  delete started[key];
  settled.delete(key);
  return value;
}

/** Takes an answer that is already in (nothing when it is not in yet, failed, or was taken). */
export function takeSettledBoot<K extends BootKey>(key: K, persona?: string): Answer<K> | undefined {
  if (!settled.has(key) || !mine(key, persona)) return undefined;
  const value = settled.get(key) as Answer<K>;
  takeBoot(key, persona);
  return value;
}
