/** What the bot logs through: pino's `(object, message)` shape, so the server can pass its pino logger. */
export interface BotLogger {
  debug(data: object, message: string): void;
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export const silentLogger: BotLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** The error's message and code, for a log line (never the whole object: it may hold tokens). */
export function describeError(error: unknown): { message: string; code?: string; statusCode?: number } {
  if (error instanceof Error) {
    const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
    return {
      message: error.message.slice(0, 500),
      code: typeof code === "string" ? code : undefined,
      statusCode: typeof statusCode === "number" ? statusCode : undefined,
    };
  }
  return { message: String(error).slice(0, 500) };
}
