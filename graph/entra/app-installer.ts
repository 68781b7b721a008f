/**
 * core's `AppInstaller` over Microsoft Graph: installs the Teams app in a person's personal
 * scope (POST /users/{id}/teamwork/installedApps with `teamsApp@odata.bind` to the app in the
 * organization's catalog), so that the bot can open a chat with someone who never talked to it.
 * Needs TeamsAppInstallation.ReadWriteSelfForUser.All (application). 409: already installed.
 */
import type { AppInstaller, InstallOutcome } from "../../core/ports/app-installer";
import { failureOf, translate } from "../client/errors";
import type { GraphClient } from "../client/graph-client";

export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly client: GraphClient,
    /** The app's id in the organization's app catalog (not the manifest id): GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'. */
    private readonly catalogAppId: string,
  ) {}

  async installForUser(userId: string): Promise<InstallOutcome> {
    const body = { "teamsApp@odata.bind": `${this.client.endpoint}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(this.catalogAppId)}` };
    try {
      await this.client.api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`).post(body);
      return "installed";
    } catch (error) {
      const failure = failureOf(error);
      if (failure?.status === 409) return "already-installed";
      // No such person, no Teams licence, or the app is blocked for them: nothing will change on a retry.
      if (failure && (failure.status === 404 || failure.status === 403 || failure.status === 400)) return "impossible";
      return translate(error, { entity: "Teams app installation", id: userId });
    }
  }
}
