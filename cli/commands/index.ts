import type { Command } from "../command";
import { draftCommand } from "./draft";
import { emulatorCommand } from "./emulator";
import { importCommand } from "./import";
import { packageCommand } from "./package";
import { provisionCommand } from "./provision";
import { seedCommand } from "./seed";
import { startCommand } from "./start";

/** Every `nmirf` command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [startCommand, draftCommand, importCommand, emulatorCommand, provisionCommand, seedCommand, packageCommand];
