export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. Heavy modules are imported inside, so `--help` stays fast. */
  run(args: string[]): Promise<number>;
}
