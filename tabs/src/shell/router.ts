/**
 * The tab's own routes, in the URL's path (the server falls back to index.html for them), so
 * that a link to a recommendation or a report opens it, in a browser as in a host.
 */
import { useSyncExternalStore } from "react";

export type ViewName = "overview" | "recommendations" | "reports" | "requests" | "drafts" | "actions" | "visits" | "consultations" | "ministries" | "import" | "audit" | "data-quality" | "config";

export interface Route {
  view: ViewName;
  /** The record the path names: `/recommendations/42`, `/reports/3`. */
  id?: string;
  params: URLSearchParams;
}

const VIEWS: readonly ViewName[] = ["overview", "recommendations", "reports", "requests", "drafts", "actions", "visits", "consultations", "ministries", "import", "audit", "data-quality", "config"];

export function parseRoute(pathname: string, search: string): Route {
  const [first, second] = pathname.split("/").filter(Boolean);
  const view = (VIEWS as readonly string[]).includes(first ?? "") ? (first as ViewName) : "overview";
  return { view, id: second ? decodeURIComponent(second) : undefined, params: new URLSearchParams(search) };
}

/** Keeps what the host or the launcher put in the query (host, persona, lang) across navigation. */
const STICKY_PARAMS = ["host", "persona", "lang", "theme"];

export function hrefOf(path: string, current: string = typeof window === "undefined" ? "" : window.location.search): string {
  const [base, query = ""] = path.split("?");
  const next = new URLSearchParams(query);
  const previous = new URLSearchParams(current);
  for (const name of STICKY_PARAMS) {
    const value = previous.get(name);
    if (value !== null && !next.has(name)) next.set(name, value);
  }
  const text = next.toString();
  return text ? `${base}?${text}` : (base ?? "/");
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const href = hrefOf(path);
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  for (const listener of listeners) listener();
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot, () => "/");
  const queryStart = location.indexOf("?");
  return queryStart < 0 ? parseRoute(location, "") : parseRoute(location.slice(0, queryStart), location.slice(queryStart));
}

/** A Teams deep link's `subPageId` (`recommendation:42`, `report:3`, `request:9`, `draft:3`) → the tab's path. */
export function pathOfSubPage(subPageId: string | undefined): string | undefined {
  if (!subPageId) return undefined;
  const [kind, id] = subPageId.split(":");
  if (!id || !/^[A-Za-z0-9._:-]+$/.test(id)) return undefined;
  switch (kind) {
    case "recommendation":
      return `/recommendations/${encodeURIComponent(id)}`;
    case "report":
      return `/reports/${encodeURIComponent(id)}`;
    case "request":
      return `/requests?request=${encodeURIComponent(id)}`;
    case "draft":
      return `/drafts?report=${encodeURIComponent(id)}`;
    default:
      return undefined;
  }
}
