import type { Command } from "../command";

export const startCommand: Command = {
  name: "start",
  summary: "run the whole product locally (Graph emulator, server, bot, tab, Agents Playground)",
  usage: "nmirf start",
  async run() {
    console.log("The local run is not built yet: the server, the bot and the tab are still to come (see the open issues).");
    return 0;
  },
};
