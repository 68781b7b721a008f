// Enforces the import arrows of ../shared/DESIGN.md:
//
//             core            (imports nothing of ours, and no SDK)
//    ┌──────┬───┴───┬────────┬──────┐
//  graph   bot   drafts  importers  demo  storage  (import core only; never each other)
//    └──────┴───┬───┴────────┴──────┘
//             server           (wires them: the only place that knows them all)
//              cli             (the command line: a door of its own, wired from server's parts)
//  tabs  → core (types and pure rules only) and the server's HTTP API
//  i18n            (the catalogue of words and its formatter: imports nothing of ours; bot,
//                   drafts, manifest, tabs and the server read it)
//  graph/emulator   (a Graph of its own, the layer "graph-emulator": imports nothing of ours, so it
//                   shares no rule with the product; server and cli start it in local mode)
//  tests            (tests/support starts the emulator for tests; a test file in any layer may
//                   import tests/ and graph/emulator/, product code never)
//
// A layer is the first folder of a file's path inside the repository (graph/emulator/ excepted).
const path = require("node:path");
const { builtinModules } = require("node:module");

const repositoryRoot = path.resolve(__dirname, "..");

/** Which of our layers each layer may import (besides itself). */
const allowedLayers = {
  core: [],
  i18n: [],
  graph: ["core"],
  "graph-emulator": [],
  bot: ["core", "i18n"],
  drafts: ["core", "i18n"],
  importers: ["core"],
  demo: ["core"],
  storage: ["core"],
  manifest: ["i18n"],
  server: ["core", "i18n", "graph", "graph-emulator", "bot", "drafts", "importers", "demo", "storage", "manifest"],
  cli: ["core", "i18n", "graph", "graph-emulator", "bot", "drafts", "importers", "demo", "storage", "server", "manifest"],
  tabs: ["core", "i18n"],
  tests: ["core", "i18n", "graph", "graph-emulator", "bot", "drafts", "importers", "demo", "storage", "server", "cli", "manifest"],
  bench: ["core", "i18n", "graph", "graph-emulator", "bot", "drafts", "importers", "demo", "storage", "server", "cli", "manifest", "tests"],
};

/** Packages core may use: it is pure, so no SDK and no I/O. */
const corePackages = ["zod"];

/** Packages confined to one layer (tests and benchmarks may use them too). */
const confinedPackages = [
  { pattern: /^(botbuilder|botframework-)/, layer: "bot" },
  { pattern: /^docx$/, layer: "drafts" },
  { pattern: /^intl-messageformat$|^@formatjs\//, layer: "i18n" },
  { pattern: /^@azure\/storage-blob$/, layer: "storage" },
  { pattern: /^@microsoft\/microsoft-graph-client$|^@azure\/msal-node$/, layer: "graph" },
  { pattern: /^better-sqlite3$/, layer: "graph-emulator" },
  { pattern: /^@fluentui\/|^@microsoft\/teams-js$|^react(-dom)?$/, layer: "tabs" },
];

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function layerOf(absolutePath) {
  const relative = path.relative(repositoryRoot, absolutePath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const [first, second] = relative.split(path.sep);
  if (first === "graph" && second === "emulator") return "graph-emulator";
  return first in allowedLayers ? first : undefined;
}

/** The folder a layer is, for messages. */
const folderOf = (layer) => (layer === "graph-emulator" ? "graph/emulator" : layer);

/** Test files (of any layer) may also use the emulator and the tests' support. */
const TEST_FILE = /\.(test|live)\.tsx?$/;
const testOnlyLayers = ["graph-emulator", "tests"];

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

module.exports = {
  meta: {
    type: "problem",
    docs: { description: "keep imports along the arrows of DESIGN.md" },
    schema: [],
    messages: {
      layer: "'{{from}}/' may not import from '{{to}}/' (see the import arrows in DESIGN.md).",
      corePackage: "core/ is pure: it may not import '{{name}}' (allowed: {{allowed}}).",
      confined: "'{{name}}' may only be imported in {{layer}}/.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const fromLayer = layerOf(filename);
    if (!fromLayer) return {};

    function check(node, specifier) {
      if (typeof specifier !== "string") return;
      if (specifier.startsWith(".")) {
        const toLayer = layerOf(path.resolve(path.dirname(filename), specifier));
        const allowed = allowedLayers[fromLayer].includes(toLayer) || (TEST_FILE.test(filename) && testOnlyLayers.includes(toLayer));
        if (toLayer && toLayer !== fromLayer && !allowed) {
          context.report({ node, messageId: "layer", data: { from: folderOf(fromLayer), to: folderOf(toLayer) } });
        }
        return;
      }
      const name = packageName(specifier);
      if (fromLayer === "core") {
        if (!corePackages.includes(name)) {
          context.report({ node, messageId: "corePackage", data: { name, allowed: corePackages.join(", ") } });
        }
        return;
      }
      if (nodeBuiltins.has(specifier) || fromLayer === "tests" || fromLayer === "bench" || TEST_FILE.test(filename)) return;
      const confinement = confinedPackages.find(({ pattern }) => pattern.test(name));
      if (confinement && confinement.layer !== fromLayer) {
        context.report({ node, messageId: "confined", data: { name, layer: confinement.layer } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal") {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
