import path from "node:path";
import { RuleTester } from "eslint";
import rule from "../../eslint-rules/layer-boundaries";

// The import arrows of DESIGN.md, as the lint rule enforces them.
const root = path.resolve(__dirname, "../..");
const file = (relative: string) => path.join(root, relative);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: "module" } });

tester.run("layer-boundaries", rule, {
  valid: [
    { filename: file("core/requests/x.ts"), code: `import { z } from "zod"; import { a } from "../records/common";` },
    { filename: file("graph/x.ts"), code: `import { a } from "../core/errors"; import { Client } from "@microsoft/microsoft-graph-client";` },
    { filename: file("bot/x.ts"), code: `import { a } from "../core/errors"; import { CloudAdapter } from "botbuilder";` },
    { filename: file("drafts/x.ts"), code: `import { a } from "../core/errors"; import { Document } from "docx";` },
    { filename: file("server/main.ts"), code: `import "../graph/x"; import "../bot/x"; import "../drafts/x"; import "../core/x";` },
    { filename: file("tabs/src/App.tsx"), code: `import { a } from "../../core/records/common"; import { Button } from "@fluentui/react-components";` },
    { filename: file("tests/e2e/x.ts"), code: `import "../../server/main"; import "botbuilder";` },
    { filename: file("importers/x.ts"), code: `import { a } from "../core/import"; import JSZip from "jszip";` },
    { filename: file("cli/commands/x.ts"), code: `import "../../server/main"; import "../../importers"; import "../../demo/seed";` },
  ],
  invalid: [
    { filename: file("core/x.ts"), code: `import { a } from "../graph/client";`, errors: [{ messageId: "layer" }] },
    { filename: file("core/x.ts"), code: `import { readFileSync } from "node:fs";`, errors: [{ messageId: "corePackage" }] },
    { filename: file("core/x.ts"), code: `import { Client } from "@microsoft/microsoft-graph-client";`, errors: [{ messageId: "corePackage" }] },
    { filename: file("graph/x.ts"), code: `import { a } from "../bot/cards";`, errors: [{ messageId: "layer" }] },
    { filename: file("bot/x.ts"), code: `import { a } from "../drafts/renderer";`, errors: [{ messageId: "layer" }] },
    { filename: file("drafts/x.ts"), code: `export * from "../server/config";`, errors: [{ messageId: "layer" }] },
    { filename: file("graph/x.ts"), code: `import { CloudAdapter } from "botbuilder";`, errors: [{ messageId: "confined" }] },
    { filename: file("server/x.ts"), code: `const { Document } = require("docx");`, errors: [{ messageId: "confined" }] },
    { filename: file("tabs/src/x.ts"), code: `import "../../server/api";`, errors: [{ messageId: "layer" }] },
    { filename: file("importers/x.ts"), code: `import { a } from "../server/config";`, errors: [{ messageId: "layer" }] },
    { filename: file("demo/x.ts"), code: `import { a } from "../graph/client";`, errors: [{ messageId: "layer" }] },
    { filename: file("server/x.ts"), code: `import { a } from "../cli/main";`, errors: [{ messageId: "layer" }] },
  ],
});
