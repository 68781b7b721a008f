/**
 * The real server in local mode (Graph emulator in memory, demo seeded) serving the built tab,
 * for the end-to-end tests and the tab benchmarks.
 */
import type { RunningServer, StartOptions } from "../../../server/main";
import { startServer } from "../../../server/main";
import { localTestConfig, type ServerConfig } from "../../../server/config/config";
import { DEMO_PERSONAS, type Persona } from "../../../demo/personas";
import { ensureTabBuilt, TAB_DIST } from "./tab-build";

export async function startTabServer(overrides: Partial<ServerConfig> = {}, options: StartOptions = {}): Promise<RunningServer> {
  ensureTabBuilt();
  const base = localTestConfig();
  return startServer(
    {
      ...base,
      tabDistDir: TAB_DIST,
      seedDemo: true,
      // The tab loads the grid page by page and a test clicks fast: the per-person limit is the production one times ten.
      limits: { ...base.limits, ratePerMinute: 3000, rateBurst: 600 },
      ...overrides,
    },
    { background: false, ...options },
  );
}

function persona(predicate: (p: Persona) => boolean): Persona {
  const found = DEMO_PERSONAS.find(predicate);
  if (!found) throw new Error("no such demo persona");
  return found;
}

export const PERSONAS = {
  secretariat: persona((p) => p.roles.includes("Secretariat")),
  chair: persona((p) => p.roles.includes("Chair")),
  observer: persona((p) => p.roles.includes("Observer")),
  justiceFocalPoint: persona((p) => p.focalPoint?.ministry === "Ministry of Justice" && p.focalPoint.role === "technical"),
};

/** A token of the local sign-in, for calls the test makes as a person (e.g. a focal point answering through the API). */
export async function tokenOf(server: RunningServer, personaId: string): Promise<string> {
  const response = await fetch(`${server.url}/local-auth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona: personaId }) });
  if (!response.ok) throw new Error(`no token for ${personaId}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
