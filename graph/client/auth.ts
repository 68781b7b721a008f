import { ConfidentialClientApplication } from "@azure/msal-node";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { UnauthenticatedError } from "../../core/errors";

const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/** The local emulator's bearer token (local mode and tests). */
export class StaticTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string) {}
  async getAccessToken(): Promise<string> {
    return this.token;
  }
}

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra ID authority host; the public cloud by default. */
  authorityHost?: string;
}

function confidentialClient(credentials: AppCredentials): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: `${credentials.authorityHost ?? "https://login.microsoftonline.com"}/${credentials.tenantId}`,
    },
  });
}

/** App-only access (client credentials), e.g. with `Sites.Selected` granted on the mechanism's site. MSAL caches the token. */
export class ClientCredentialsProvider implements AuthenticationProvider {
  private readonly client: ConfidentialClientApplication;
  constructor(credentials: AppCredentials) {
    this.client = confidentialClient(credentials);
  }
  async getAccessToken(): Promise<string> {
    const result = await this.client.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
    if (!result?.accessToken) throw new UnauthenticatedError("Entra ID issued no Graph token for the app");
    return result.accessToken;
  }
}

/** Acts as the signed-in user (on-behalf-of their tab SSO token), where acting as the user matters. */
export class OnBehalfOfProvider implements AuthenticationProvider {
  private readonly client: ConfidentialClientApplication;
  constructor(
    credentials: AppCredentials,
    private readonly userAssertion: string,
  ) {
    this.client = confidentialClient(credentials);
  }
  async getAccessToken(): Promise<string> {
    const result = await this.client.acquireTokenOnBehalfOf({ oboAssertion: this.userAssertion, scopes: [GRAPH_SCOPE] });
    if (!result?.accessToken) throw new UnauthenticatedError("Entra ID issued no Graph token on behalf of the user");
    return result.accessToken;
  }
}
