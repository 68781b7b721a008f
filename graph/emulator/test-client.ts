/**
 * A minimal HTTPS client for the emulator's own tests (and anyone poking at it): undici's fetch
 * with an Agent that trusts the emulator's certificate and nothing else.
 */
import { Agent, fetch } from "undici";
import type { RunningGraphEmulator } from "./index";

/** A parsed JSON body: tests read into it freely. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON body (undefined when empty or not JSON). */
  json: Json;
  bytes: Buffer;
}

export interface CallOptions {
  body?: unknown;
  /** Raw bytes instead of JSON. */
  bytes?: Buffer;
  headers?: Record<string, string>;
  /** Leave out the Authorization header. */
  anonymous?: boolean;
  redirect?: "follow" | "manual";
}

export interface EmulatorTestClient {
  agent: Agent;
  /** `path` is relative to `/v1.0` (`/sites/…`) or an absolute URL (a nextLink, an uploadUrl). */
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export function testClient(emulator: RunningGraphEmulator): EmulatorTestClient {
  const agent = new Agent({ connect: { ca: emulator.caCertificate } });
  return {
    agent,
    async call(method, path, options = {}) {
      const url = /^https:/.test(path) ? path : `${emulator.baseUrl}${path}`;
      const headers: Record<string, string> = { ...options.headers };
      if (!options.anonymous) headers.authorization = `Bearer ${emulator.accessToken}`;
      let body: string | Buffer | undefined;
      if (options.bytes !== undefined) body = options.bytes;
      else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers["content-type"] ??= "application/json";
      }
      const response = await fetch(url, { method, headers, body, dispatcher: agent, redirect: options.redirect ?? "manual" });
      const bytes = Buffer.from(await response.arrayBuffer());
      let json: unknown;
      if ((response.headers.get("content-type") ?? "").startsWith("application/json") && bytes.length > 0) json = JSON.parse(bytes.toString("utf8"));
      return { status: response.status, headers: response.headers as unknown as Headers, json, bytes };
    },
    close: () => agent.close(),
  };
}
