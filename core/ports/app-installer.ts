export type InstallOutcome = "installed" | "already-installed" | "impossible";

/**
 * Installs the Teams app for a person so that the bot can write to them first (Microsoft Graph:
 * a user's installed apps). The messenger calls it when someone has no conversation with the bot.
 */
export interface AppInstaller {
  installForUser(userId: string): Promise<InstallOutcome>;
}
