/**
 * Sign-in in Word: nested app authentication (MSAL.js `createNestablePublicClientApplication`)
 * with the tab's Entra app; Word brokers the token for the signed-in person, asking only when
 * consent or a new sign-in is needed. The API validates it as it validates the tab's.
 * MSAL's code loads only here (tenant mode), never in local mode.
 */
import type { IPublicClientApplication } from "@azure/msal-browser";
import type { TokenSource } from "../api/client";

export interface EntraSignIn {
  clientId: string;
  tenantId: string;
  /** The API's resource (`api://{TAB_DOMAIN}/{clientId}`): the token's audience. */
  resource: string;
}

export function nestedAppTokens(signIn: EntraSignIn, loginHint?: string): TokenSource {
  const scopes = [`${signIn.resource}/access_as_user`];
  let client: Promise<IPublicClientApplication> | undefined;
  const app = () =>
    (client ??= import("@azure/msal-browser").then((msal) =>
      msal.createNestablePublicClientApplication({ auth: { clientId: signIn.clientId, authority: `https://login.microsoftonline.com/${signIn.tenantId}` } }),
    ));
  const acquire = async (forceRefresh: boolean): Promise<string> => {
    const pca = await app();
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    try {
      const result = account ? await pca.acquireTokenSilent({ scopes, account, forceRefresh }) : await pca.ssoSilent({ scopes, loginHint });
      return result.accessToken;
    } catch {
      // Consent or a new sign-in is needed: Word shows Microsoft's window for it.
      const result = await pca.acquireTokenPopup({ scopes, loginHint });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    }
  };
  let current: Promise<string> | undefined;
  return {
    token: () => (current ??= acquire(false).catch((error: unknown) => {
      current = undefined;
      throw error;
    })),
    refresh: async () => {
      current = acquire(true);
      await current;
    },
  };
}
