import { StaticDirectory } from "../../core/in-memory/fakes";
import { systemClock } from "../../core/ports/clock";
import { DocxDraftRenderer } from "../../drafts";
import { DEMO_PERSONAS } from "../../demo/personas";
import { seedDemo } from "../../demo/seed";
import { openBackend } from "../../server/wiring/backend";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE } from "../command";
import { readConfigOrExplain } from "../config-from-cli";

const USAGE = `nmirf seed

Seeds the local demo data (ministries and their focal points, recommendations, a UPR report
with requests in every state, consultations, a first draft) into the local Graph emulator's
data, once: a second run finds the seed marker and changes nothing. Local mode only: demo data
never goes to a tenant's site.`;

export const seedCommand: Command = {
  name: "seed",
  summary: "seed the local demo data once (local mode only)",
  usage: USAGE,
  async run(args) {
    if (!parseCommandArgs(args, {}, USAGE)) return USAGE_EXIT_CODE;
    const config = readConfigOrExplain();
    if (!config) return 2;
    if (config.mode !== "local") {
      console.error("The demo data is for local mode only: it is never written to a tenant's site.");
      return 2;
    }
    const backend = await openBackend(config);
    try {
      const directory = new StaticDirectory(DEMO_PERSONAS.map((p) => ({ id: p.id, displayName: p.displayName, email: p.email, roles: p.roles })));
      const result = await seedDemo({ repos: backend.repos, documents: backend.documents, clock: systemClock, directory, renderer: new DocxDraftRenderer() }, { timeZone: config.timeZone });
      console.log(
        result.seeded
          ? `Seeded ${backend.description}: ${result.ministries} ministries, ${result.recommendations} recommendations, ${result.requests} requests.`
          : `${backend.description} already holds the demo data: nothing changed.`,
      );
      for (const warning of result.warnings) console.error(`Warning: ${warning}`);
      return 0;
    } finally {
      await backend.close();
    }
  },
};
