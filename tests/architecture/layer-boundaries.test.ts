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
    { filename: file("graph/emulator/store/x.ts"), code: `import { a } from "../ids"; import Database from "better-sqlite3";` },
    { filename: file("server/wiring/x.ts"), code: `import { startGraphEmulator } from "../../graph/emulator";` },
    { filename: file("graph/sharepoint/x.emulator.test.ts"), code: `import "../emulator"; import "../../tests/support/emulated-site"; import "./list-repository";` },
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
    // The emulator shares no rule with the product: it may not take core's (or graph's) code.
    { filename: file("graph/emulator/model/x.ts"), code: `import { startOfDate } from "../../../core/calendar/calendar";`, errors: [{ messageId: "layer" }] },
    { filename: file("graph/emulator/x.ts"), code: `import { a } from "../client/errors";`, errors: [{ messageId: "layer" }] },
    // Product code in graph/ never depends on the emulator nor on the tests' support.
    { filename: file("graph/sharepoint/x.ts"), code: `import { startGraphEmulator } from "../emulator";`, errors: [{ messageId: "layer" }] },
    { filename: file("graph/sharepoint/x.ts"), code: `import "../../tests/support/emulated-site";`, errors: [{ messageId: "layer" }] },
    { filename: file("graph/client/x.ts"), code: `import Database from "better-sqlite3";`, errors: [{ messageId: "confined" }] },
  ],
});
