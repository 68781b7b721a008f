import type { Command } from "../command";
import type * as StartModule from "./start";
import type * as DraftModule from "./draft";
import type * as ImportModule from "./import";
import type * as EmulatorModule from "./emulator";
import type * as ProvisionModule from "./provision";
import type * as SeedModule from "./seed";
import type * as PackageModule from "./package";

/**
 * A command as `nmirf --help` lists it; its module (and everything it imports: the server,
 * Microsoft Graph, botbuilder, docx…) is loaded only when the command runs, so that `--help`
 * and `--version` start in a fraction of a second. tests/cli checks that each entry's summary
 * is its module's.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Command;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand (see above); a dynamic import() of a path without its extension does not resolve in compiled CommonJS */
/** Every `nmirf` command, in the order `--help` lists them. */
export const COMMANDS: CommandEntry[] = [
  { name: "start", summary: "run the product: locally (emulator, server, bot, tab, Agents Playground) or in tenant mode", load: () => (require("./start") as typeof StartModule).startCommand },
  { name: "draft", summary: "write a Word draft (--demo, or --content from JSON) or check a template, without a server", load: () => (require("./draft") as typeof DraftModule).draftCommand },
  { name: "import", summary: "import recommendations from an OHCHR thematic list (.docx), a UHRI export (.xlsx/.csv) or a mapped CSV", load: () => (require("./import") as typeof ImportModule).importCommand },
  { name: "emulator", summary: "run the local Microsoft Graph emulator (HTTPS, SQLite) until Ctrl-C", load: () => (require("./emulator") as typeof EmulatorModule).emulatorCommand },
  { name: "provision", summary: "create the site's lists, libraries, columns and indexes (idempotent)", load: () => (require("./provision") as typeof ProvisionModule).provisionCommand },
  { name: "seed", summary: "seed the local demo data once (local mode only)", load: () => (require("./seed") as typeof SeedModule).seedCommand },
  { name: "package", summary: "build the Teams app package (build/appPackage.<env>.zip) from manifest/ and env/.env.<env>", load: () => (require("./package") as typeof PackageModule).packageCommand },
];
/* eslint-enable @typescript-eslint/no-require-imports */
