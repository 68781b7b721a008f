/**
 * Builds the tab into tabs/dist (served by the server at `/`). Vite compiles TSX itself (no
 * React plugin): the automatic JSX runtime. Views are split into chunks (React.lazy) so that
 * the first load stays small; the charts live only in the Overview's chunk.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  server: { port: 5173, proxy: { "/api": "http://127.0.0.1:3978", "/local-auth": "http://127.0.0.1:3978", "/healthz": "http://127.0.0.1:3978" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      // Fluent's packages start with "use client" (for React Server Components); meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
