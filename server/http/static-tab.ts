/**
 * Serves the built tab (tabs/dist, built by Vite) at `/`, with a fallback to index.html for
 * the tab's own routes. Hashed assets are cached for a year; index.html never, so a new build
 * shows at the next open. Scripts and styles go gzip-compressed to browsers that take it (the
 * build writes a .gz next to each). Until the tab is built, `/` says how to build it.
 *
 * The page goes out with what public/boot.js would otherwise ask for first: the public
 * configuration (inline, as data) and preload links for the code of the view the address opens
 * on (from the build's view-chunks.json). The sign-in and the first data calls then start while
 * the page is still being parsed, not after two more round trips.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler, type Router } from "express";

const COMPRESSIBLE: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

function cacheControl(file: string): string {
  return /[.-][A-Za-z0-9_]{8,}\.(js|css|woff2?|png|svg)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Sends `file.gz` for `file` when the build made one and the browser takes gzip. */
function precompressed(distDir: string): RequestHandler {
  const root = path.resolve(distDir);
  return (req, res, next) => {
    const type = COMPRESSIBLE[path.extname(req.path)];
    if ((req.method !== "GET" && req.method !== "HEAD") || !type || !req.acceptsEncodings("gzip")) return next();
    const file = path.resolve(root, `.${decodeURIComponent(req.path)}`);
    if (!file.startsWith(`${root}${path.sep}`) || !existsSync(`${file}.gz`)) return next();
    res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Type", type);
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("Cache-Control", cacheControl(file));
    res.sendFile(`${file}.gz`, (error) => error && next(error));
  };
}

export interface TabPageOptions {
  /** What `/api/config` answers; written into the page so that boot.js need not ask. */
  publicConfig?: unknown;
  /**
   * The Word task pane (/word/pane.html): the Office.js it loads (Microsoft's in a tenant, the
   * local stand-in in local mode), and whether the local stand-in for Word (/word/local.html) is served.
   */
  word?: { officeScript: string; localStandIn: boolean };
}

/** The pane's page with its Office.js first in the head: Office.js must be in before the pane's code asks for it. */
export function panePage(html: string, officeScript: string): string {
  const tag = `<script src="${officeScript.replace(/"/g, "&quot;")}"></script>`;
  return html.includes("<head>") ? html.replace("<head>", () => `<head>\n    ${tag}`) : `${tag}\n${html}`;
}

/** JSON safe inside a `<script type="application/json">` element: no `<` can close it. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function readViewChunks(distDir: string): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(distDir, "view-chunks.json"), "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

/**
 * The page for an address of the tab: the built index.html with the public configuration and
 * preload links for the view at `urlPath` (its first segment; the Overview at `/`). Exported for tests.
 */
export function tabPage(html: string, urlPath: string, viewChunks: Record<string, string[]>, options: TabPageOptions): string {
  // Only a view the build knows: the address is the visitor's and must not reach the page.
  const named = urlPath.split("/").filter(Boolean)[0] ?? "overview";
  const view = Object.hasOwn(viewChunks, named) ? named : "overview";
  const files = (Object.hasOwn(viewChunks, view) && Array.isArray(viewChunks[view]) ? viewChunks[view] : []).filter((file) => /^\/assets\/[\w.-]+\.js$/.test(file) && !html.includes(`"${file}"`));
  const config = options.publicConfig === undefined ? "" : `<script id="nmirf-config" type="application/json">${inlineJson(options.publicConfig)}</script>`;
  const preloads = files.map((file) => `<link rel="modulepreload" crossorigin href="${file}" data-view="${view}">`).join("\n    ");
  let page = html;
  // The configuration before boot.js (which reads it as it runs); the view's code after the shell's.
  if (config) {
    const boot = page.indexOf('<script src="/boot.js"');
    page = boot >= 0 ? `${page.slice(0, boot)}${config}\n    ${page.slice(boot)}` : `${config}\n${page}`;
  }
  if (preloads) page = page.includes("</head>") ? page.replace("</head>", () => `  ${preloads}\n  </head>`) : `${page}\n${preloads}`;
  return page;
}

export function tabRouter(distDir: string, options: TabPageOptions = {}): Router {
  const router = express.Router();
  const index = path.join(distDir, "index.html");
  const word = options.word;
  if (word) {
    router.get("/word/pane.html", (_req, res, next) => {
      const file = path.join(distDir, "word", "pane.html");
      if (!existsSync(file)) return next();
      res.setHeader("Cache-Control", "no-cache");
      res.type("html").send(panePage(readFileSync(file, "utf8"), word.officeScript));
    });
  }
  // The local stand-in for Word exists in local mode only.
  if (!word?.localStandIn) router.get(["/word/local.html", "/word/office-standin.js"], (_req, res) => void res.status(404).type("text/plain").send("Local mode only."));
  router.use(precompressed(distDir));
  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders(res, file) {
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader("Cache-Control", cacheControl(file));
      },
    }),
  );
  router.get(/^\/(?!api\/|local-auth\/|healthz$).*/, (req, res, next) => {
    if (!req.accepts("html")) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type("text/plain")
        .send("The tab is not built yet. Build it (tabs/, Vite) to serve it here; the API is at /api and described at /api/openapi.json.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(tabPage(readFileSync(index, "utf8"), req.path, readViewChunks(distDir), options));
  });
  return router;
}
