/**
 * Serves the built tab (tabs/dist, built by Vite) at `/`, with a fallback to index.html for
 * the tab's own routes. Hashed assets are cached for a year; index.html never, so a new build
 * shows at the next open. Scripts and styles go gzip-compressed to browsers that take it (the
 * build writes a .gz next to each). Until the tab is built, `/` says how to build it.
 */
import { existsSync } from "node:fs";
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

export function tabRouter(distDir: string): Router {
  const router = express.Router();
  const index = path.join(distDir, "index.html");
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
    res.sendFile(index);
  });
  return router;
}
