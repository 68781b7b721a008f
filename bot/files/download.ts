/** Why a download was refused, in terms the chat can explain. */
export type DownloadRefusal = { reason: "too-large"; limit: number } | { reason: "unreachable"; detail: string } | { reason: "insecure-url" };

export class DownloadError extends Error {
  constructor(readonly refusal: DownloadRefusal) {
    super(refusal.reason);
    this.name = "DownloadError";
  }
}

export type FetchLike = (url: string, init: { signal: AbortSignal; redirect: "follow" | "error" }) => Promise<Response>;

/**
 * Downloads a file with a size limit: the body is read as a stream and the download stops as
 * soon as it passes the limit (a Content-Length over the limit stops it before reading).
 */
export async function downloadWithLimit(url: string, options: { maxBytes: number; timeoutMs: number; allowHttp: boolean; fetch?: FetchLike }): Promise<Uint8Array> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError({ reason: "unreachable", detail: "not a URL" });
  }
  if (parsed.protocol !== "https:" && !(options.allowHttp && parsed.protocol === "http:")) throw new DownloadError({ reason: "insecure-url" });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("the download took too long")), options.timeoutMs);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  try {
    let response: Response;
    try {
      response = await fetchImpl(parsed.toString(), { signal: controller.signal, redirect: "follow" });
    } catch (error) {
      throw new DownloadError({ reason: "unreachable", detail: error instanceof Error ? error.message : String(error) });
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
