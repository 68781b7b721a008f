/** Why a download was refused, in terms the chat can explain. */
export type DownloadRefusal = { reason: "too-large"; limit: number } | { reason: "unreachable"; detail: string } | { reason: "insecure-url" } | { reason: "foreign-host"; host: string };

export class DownloadError extends Error {
  constructor(readonly refusal: DownloadRefusal) {
    super(refusal.reason);
    this.name = "DownloadError";
  }
}

export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: "follow" | "error" | "manual" }) => Promise<Response>;

/** Redirects followed at most (each to an allowed host). */
const MAX_REDIRECTS = 5;

/**
 * Whether a host is one files may come from: a name of the list, or under a `*.` entry
 * (`*.sharepoint.com` allows `contoso.sharepoint.com`, not `sharepoint.com.evil.example`).
 */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    return pattern.startsWith("*.") ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern;
  });
}

function allowedUrl(raw: string, base: string | undefined, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new DownloadError({ reason: "unreachable", detail: "not a URL" });
  }
  // https only, to the hosts Teams keeps files on (the tenant's SharePoint and OneDrive, Teams' own): never loopback, never elsewhere.
  if (url.protocol !== "https:" || url.username || url.password) throw new DownloadError({ reason: "insecure-url" });
  if (!isAllowedHost(url.hostname, allowedHosts)) throw new DownloadError({ reason: "foreign-host", host: url.hostname });
  return url;
}

/**
 * Downloads a file sent in the chat, from an allowed host only, following a redirect only to
 * another allowed host, with a size limit: the body is read as a stream and the download stops
 * as soon as it passes the limit (a Content-Length over the limit stops it before reading).
 */
export async function downloadWithLimit(url: string, options: { maxBytes: number; timeoutMs: number; allowedHosts: readonly string[]; fetch?: FetchLike }): Promise<Uint8Array> {
  let target = allowedUrl(url, undefined, options.allowedHosts);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("the download took too long")), options.timeoutMs);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  try {
    let response: Response | undefined;
    for (let hop = 0; ; hop += 1) {
      try {
        response = await fetchImpl(target.toString(), { signal: controller.signal, redirect: "manual" });
      } catch (error) {
        throw new DownloadError({ reason: "unreachable", detail: error instanceof Error ? error.message : String(error) });
      }
      if (response.status < 300 || response.status >= 400) break;
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      if (!location || hop >= MAX_REDIRECTS) throw new DownloadError({ reason: "unreachable", detail: `HTTP ${response.status} without a usable Location` });
      target = allowedUrl(location, target.toString(), options.allowedHosts);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new DownloadError({ reason: "unreachable", detail: `HTTP ${response.status}` });
    }
    const declared = Number(response.headers.get("content-length") ?? "");
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new DownloadError({ reason: "too-large", limit: options.maxBytes });
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new DownloadError({ reason: "unreachable", detail: error instanceof Error ? error.message : String(error) });
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        controller.abort();
        throw new DownloadError({ reason: "too-large", limit: options.maxBytes });
      }
      chunks.push(chunk.value);
    }
    const content = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      content.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return content;
  } finally {
    clearTimeout(timer);
  }
}

/** Teams' own host for files pasted in a message (the Bot Connector's attachments). */
export const TEAMS_FILE_HOSTS = ["smba.trafficmanager.net"] as const;

/**
 * The hosts files sent in the chat come from, for a mechanism on a SharePoint site: the site's
 * host and its OneDrive counterpart (`contoso.sharepoint.com` → `contoso-my.sharepoint.com`,
 * where Teams keeps a file sent in a 1:1 chat), and Teams' own.
 */
export function fileHostsFor(siteHostname: string | undefined, extra: readonly string[] = []): string[] {
  const hosts = new Set<string>([...TEAMS_FILE_HOSTS, ...extra.map((h) => h.toLowerCase())]);
  const site = siteHostname?.toLowerCase();
  if (site) {
    hosts.add(site);
    const tenant = /^([a-z0-9-]+)\.(sharepoint\.[a-z.]+)$/.exec(site);
    if (tenant && !tenant[1]!.endsWith("-my")) hosts.add(`${tenant[1]}-my.${tenant[2]}`);
  }
  return [...hosts];
}
