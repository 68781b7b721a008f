/** A loopback HTTP server that serves files by name, as Teams' download URLs do. Not shipped. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class FileServer {
  private server: Server | undefined;
  readonly files = new Map<string, { content: Uint8Array; contentLength?: boolean }>();
  readonly downloads: string[] = [];
  base = "";

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? "/").slice(1));
      this.downloads.push(name);
      const file = this.files.get(name);
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/octet-stream", ...(file.contentLength === false ? {} : { "Content-Length": String(file.content.byteLength) }) });
      res.end(Buffer.from(file.content));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.base;
  }

  url(name: string): string {
    return `${this.base}${encodeURIComponent(name)}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections?.();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
