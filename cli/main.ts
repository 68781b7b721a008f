/**
 * The `nmirf` administration command line (`npx nmirf <command>`). Each command is a module
 * that wires what it needs; this file only dispatches.
 */
import { packageVersion } from "../server/runtime/version";
import { COMMANDS } from "./commands";

const commands = COMMANDS;

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "nmirf: administer the NMIRF add-in",
    "",
    "Usage: nmirf <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --help     show this help (or a command's: nmirf <command> --help)",
    "  --version  show the version",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    console.log(help());
    return 0;
  }
  if (first === "--version" || first === "-v") {
    console.log(packageVersion());
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    console.error(`Unknown command '${first}'.\n\n${help()}`);
    return 2;
  }
  const loaded = command.load();
  if (rest.includes("--help")) {
    console.log(`${loaded.summary}\n\nUsage: ${loaded.usage}`);
    return 0;
  }
  return loaded.run(rest);
}
