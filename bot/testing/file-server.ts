/**
 * A loopback HTTP server standing in for the tenant's OneDrive, where Teams keeps a file sent
 * in a 1:1 chat: its `url(name)` is an https address on `contoso-my.sharepoint.com`, and its
 * `fetch` takes requests to that host to this server (nothing reaches the internet), so the bot's
 * host allow-list is the production one. It can also answer with a redirect. Not shipped.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchLike } from "../files/download";

/** The tenant's OneDrive host in the tests (bot-harness allows it, as the server allows the site's). */
export const TEST_ONEDRIVE_HOST = "contoso-my.sharepoint.com";

export class FileServer {
  private server: Server | undefined;
  readonly files = new Map<string, { content: Uint8Array; contentLength?: boolean; redirectTo?: string }>();
  readonly downloads: string[] = [];
  /** Every URL the bot asked the fetch for (after its own checks). */
  readonly fetched: string[] = [];
  base = "";

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? "/").replace(/^\/personal\/tess\/Documents\//, "").replace(/^\//, ""));
      this.downloads.push(name);
      const file = this.files.get(name);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      if (file.redirectTo) {
        res.writeHead(302, { Location: file.redirectTo }).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/octet-stream", ...(file.contentLength === false ? {} : { "Content-Length": String(file.content.byteLength) }) });
      res.end(Buffer.from(file.content));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** The file's address as Teams gives it: on the tenant's OneDrive host. */
  url(name: string): string {
    return `https://${TEST_ONEDRIVE_HOST}/personal/tess/Documents/${encodeURIComponent(name)}`;
  }

  /** The fetch the bot is given: the OneDrive host is this server; any other host fails as unreachable would. */
  readonly fetch: FetchLike = async (url, init) => {
    this.fetched.push(url);
    const target = new URL(url);
    if (target.hostname !== TEST_ONEDRIVE_HOST) throw new Error(`no route to ${target.hostname} in the tests`);
    return fetch(`${this.base}${target.pathname}${target.search}`, init);
  };

  async stop(): Promise<void> {
    this.server?.closeAllConnections?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
