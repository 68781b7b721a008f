/**
 * Builds the tab into tabs/dist (served by the server at `/`). Vite compiles TSX itself (no
 * React plugin): the automatic JSX runtime. Views are split into chunks (React.lazy) so that
 * the first load stays small; the charts live only in the Overview's chunk.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

/** Writes a gzip copy next to each script, style and document: the server sends it to browsers that take gzip. */
function precompress(): Plugin {
  return {
    name: "nmirf-precompress",
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|json|html|svg)$/.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const content = readFileSync(file);
        if (content.byteLength > 1024) writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * Writes `view-chunks.json`: for each view (the folder under src/views/), the files of its lazy
 * chunk and of every chunk that chunk imports. public/boot.js reads it to preload the view the
 * page opens on while the shell's code is still starting, instead of after it.
 */
function viewChunks(): Plugin {
  return {
    name: "nmirf-view-chunks",
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === "chunk" ? [[item.fileName, item] as const] : [])));
      const closure = (fileName: string, seen = new Set<string>()): string[] => {
        if (seen.has(fileName)) return [];
        seen.add(fileName);
        return [fileName, ...(chunks.get(fileName)?.imports ?? []).flatMap((child) => closure(child, seen))];
      };
      const views: Record<string, string[]> = {};
      for (const chunk of chunks.values()) {
        const view = chunk.isDynamicEntry ? /\/src\/views\/([^/]+)\/[^/]+View\.tsx$/.exec(chunk.facadeModuleId ?? "")?.[1] : undefined;
        if (view) views[view] = closure(chunk.fileName).map((file) => `/${file}`);
      }
      this.emitFile({ type: "asset", fileName: "view-chunks.json", source: JSON.stringify(views) });
    },
  };
}

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  plugins: [viewChunks(), precompress()],
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
      // The tab, the Word task pane (/word/pane.html) and local mode's stand-in for Word (/word/local.html).
      input: { index: path.join(root, "index.html"), pane: path.join(root, "word", "pane.html"), local: path.join(root, "word", "local.html") },
      // Fluent's packages start with "use client" (for React Server Components); meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
