/**
 * Serves the built tab (tabs/dist, built by Vite) at `/`, with a fallback to index.html for
 * the tab's own routes. Hashed assets are cached for a year; index.html never, so a new build
 * shows at the next open. Until the tab is built, `/` says how to build it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Router } from "express";

export function tabRouter(distDir: string): Router {
  const router = express.Router();
  const index = path.join(distDir, "index.html");
  router.use(
    express.static(distDir, {
      index: false,
      fallthrough: true,
      setHeaders(res, file) {
        res.setHeader("Cache-Control", /[.-][A-Za-z0-9_]{8,}\.(js|css|woff2?|png|svg)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache");
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
