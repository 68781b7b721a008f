/** The configuration as the command line reads it: the environment over env/.env.{NMIRF_ENV}[.user]. */
import { ConfigError, configFromEnvironment, type ServerConfig } from "../server/config/config";
import { environmentWithFiles } from "../server/config/env-files";

/** The configuration, or undefined after printing what is wrong (the caller exits with 2). */
export function readConfigOrExplain(overrides: Record<string, string | undefined> = {}): ServerConfig | undefined {
  try {
    return configFromEnvironment({ ...environmentWithFiles(), ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return undefined;
    }
    throw error;
  }
}
