import { parseArgs, type ParseArgsConfig } from "node:util";

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. Heavy modules are imported inside, so `--help` stays fast. */
  run(args: string[]): Promise<number>;
}

/** Exit code of a command given arguments it does not take. */
export const USAGE_EXIT_CODE = 2;

/** Says what is wrong with the arguments, then how the command is used; returns the exit code to end with. */
export function usageProblem(message: string, usage: string, write: (text: string) => void = console.error): number {
  write(`${message}\n\nUsage: ${usage}`);
  return USAGE_EXIT_CODE;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * The command's arguments, strictly parsed (an unknown option or a missing value is refused);
 * undefined when they are wrong, after saying why with the usage.
 */
export function parseCommandArgs<const O extends Options, const P extends boolean = false>(
  args: string[],
  options: O,
  usage: string,
  more: { allowPositionals?: P; write?: (text: string) => void } = {},
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>> | undefined {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: (more.allowPositionals ?? false) as P });
  } catch (error) {
    usageProblem(error instanceof Error ? error.message : String(error), usage, more.write);
    return undefined;
  }
}
