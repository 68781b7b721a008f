/**
 * The real server on a loopback port with the Graph emulator (in memory) behind it, seeded with
 * the demo data, and helpers to sign in as each kind of person and call the API.
 */
import type { Repositories } from "../../../core/ports/repository";
import { queryAll, readAll } from "../../../core/ports/repository";
import { localTestConfig, type ServerConfig } from "../../../server/config/config";
import { DEMO_PERSONAS, type Persona } from "../../../demo/personas";
import { startServer, type RunningServer } from "../../../server/main";

export type RoleName = "secretariat" | "chair" | "focalPoint" | "otherFocalPoint" | "observer" | "admin" | "anonymous";
export const ROLE_NAMES: RoleName[] = ["secretariat", "chair", "focalPoint", "otherFocalPoint", "observer", "admin", "anonymous"];

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (a file upload), with `contentType`. */
  raw?: Uint8Array | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export class ApiClient {
  private readonly tokens = new Map<string, string>();
  constructor(readonly server: RunningServer) {}

  get url(): string {
    return this.server.url;
  }

  get repos(): Repositories {
    return this.server.repos;
  }

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined;
    if (options.raw !== undefined) {
      body = typeof options.raw === "string" ? options.raw : Buffer.from(options.raw);
      headers["content-type"] ??= options.contentType ?? "application/octet-stream";
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${this.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  /** A token from the local sign-in for a persona. */
  async tokenOf(personaId: string): Promise<string> {
    const cached = this.tokens.get(personaId);
    if (cached) return cached;
    const response = await this.call<{ accessToken: string }>("POST", "/local-auth/token", { body: { persona: personaId } });
    if (response.status !== 200) throw new Error(`no token for ${personaId}: ${response.status} ${response.text}`);
    this.tokens.set(personaId, response.body.accessToken);
    return response.body.accessToken;
  }

  /** The token of a kind of person (undefined for anonymous). */
  async tokenFor(role: RoleName): Promise<string | undefined> {
    return role === "anonymous" ? undefined : this.tokenOf(PEOPLE[role].id);
  }

  async ministryId(name: string): Promise<string> {
    const ministries = await queryAll(this.repos.ministries);
    const found = ministries.find((m) => m.name === name);
    if (!found) throw new Error(`no ministry ${name}`);
    return found.id;
  }
}

function persona(predicate: (p: Persona) => boolean): Persona {
  const found = DEMO_PERSONAS.find(predicate);
  if (!found) throw new Error("no such persona");
  return found;
}

/** The ministry whose focal point is "the right one" in the tests. */
export const RIGHT_MINISTRY = "Ministry of Justice";
export const OTHER_MINISTRY = "Ministry of Health";

export const PEOPLE: Record<Exclude<RoleName, "anonymous">, Persona> = {
  secretariat: persona((p) => p.roles.includes("Secretariat")),
  chair: persona((p) => p.roles.includes("Chair")),
  observer: persona((p) => p.roles.includes("Observer")),
  admin: persona((p) => p.roles.includes("Admin")),
  focalPoint: persona((p) => p.focalPoint?.ministry === RIGHT_MINISTRY && p.focalPoint.role === "technical"),
  otherFocalPoint: persona((p) => p.focalPoint?.ministry === OTHER_MINISTRY && p.focalPoint.role === "technical"),
};

/** Starts the real server (local mode, emulator in memory, demo seeded, bot loops off). */
export async function startApiServer(overrides: Partial<ServerConfig> = {}): Promise<ApiClient> {
  const server = await startServer(localTestConfig(overrides), { background: false });
  return new ApiClient(server);
}

/** How many records each list holds, and the audit log's length: a read-back that nothing was written. */
export async function storeSnapshot(repos: Repositories): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const name of Object.keys(repos) as (keyof Repositories)[]) {
    // Rows needing attention too: a refused fix must leave them as they were.
    const { items, needsAttention } = await readAll(repos[name] as Repositories["audit"], { top: 5000 });
    snapshot[name] = [...items, ...needsAttention]
      .map((r) => `${r.id}:${r.eTag}`)
      .sort()
      .join(",");
  }
  return snapshot;
}
