import type { AppInstaller, InstallOutcome } from "../../core/ports/app-installer";
import type { RunningPlayground } from "./playground";

/**
 * Local mode's stand-in for installing the Teams app for a person (Graph's installedApps in a
 * tenant): when a persona has a running Agents Playground, the app is installed there, the
 * Playground tells the bot, and the bot's send is retried. Others cannot be reached.
 */
export class PlaygroundInstaller implements AppInstaller {
  private readonly playgrounds = new Map<string, RunningPlayground>();

  register(playground: RunningPlayground): void {
    this.playgrounds.set(playground.persona.id, playground);
  }

  async installForUser(userId: string): Promise<InstallOutcome> {
    const playground = this.playgrounds.get(userId);
    if (!playground?.running) return "impossible";
    await playground.install();
    return "installed";
  }
}
