/**
 * Who is signed in and how the tab reaches the API. In a Microsoft 365 host: the SSO token from
 * teams-js. In local mode in a browser: a persona of the demo, signed in by the server's local
 * issuer, switchable at any time.
 */
import { createContext, useContext } from "react";
import type { MeDto, MinistryWithFocalPointsDto, PersonaDto, PublicConfigDto } from "../../../core/api";
import type { Actor } from "../../../core/auth/policy";
import type { Api, TokenSource } from "../api/client";
import type { Host } from "../host/host";

export interface Session {
  api: Api;
  me: MeDto;
  /** The person as core's policy sees them, to hide what the server would refuse. */
  actor: Actor;
  config: PublicConfigDto;
  host: Host;
  /** Local mode: the personas and the one signed in. */
  personas?: PersonaDto[];
  personaId?: string;
  switchPersona?(personaId: string): void;
  /** Every ministry, by id (names for the grid, the filters, the requests). */
  ministries: Map<string, MinistryWithFocalPointsDto>;
  reloadMinistries(): void;
}

const SessionContext = createContext<Session | undefined>(undefined);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in tab");
  return session;
}

export function actorOf(me: MeDto): Actor {
  return { userId: me.userId, displayName: me.displayName, email: me.email, roles: me.roles, ministryIds: me.ministries.map((m) => m.id) };
}

export const PERSONA_STORAGE_KEY = "nmirf.persona";

/** Local sign-in: a token for the persona, fetched again when the server says it is no longer valid. */
export function localTokens(tokenUrl: string, personaId: string, fetchImpl: typeof fetch = (...a) => fetch(...a), started?: Promise<string>): TokenSource {
  let pending: Promise<string> | undefined = started?.catch(() => fetchToken());
  const fetchToken = async () => {
    const response = await fetchImpl(tokenUrl, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ persona: personaId }) });
    if (!response.ok) throw new Error(`the local sign-in refused persona ${personaId} (${response.status})`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  };
  return {
    token: () => (pending ??= fetchToken().catch((error: unknown) => {
      pending = undefined;
      throw error;
    })),
    refresh: async () => {
      pending = undefined;
      await (pending = fetchToken());
    },
  };
}

/** Teams SSO: teams-js caches and renews the token itself. */
export function hostTokens(host: Host): TokenSource {
  return {
    token: async () => {
      if (!host.getAuthToken) throw new Error("not in a Microsoft 365 host");
      return host.getAuthToken();
    },
  };
}
