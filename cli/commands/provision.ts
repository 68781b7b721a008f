import { describeProvisionReport, openBackend } from "../../server/wiring/backend";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE } from "../command";
import { readConfigOrExplain } from "../config-from-cli";

const USAGE = `nmirf provision

Creates what is missing on the mechanism's SharePoint site: the lists and libraries, their
columns and indexes. Never drops or rewrites data; a column whose definition differs is
reported, not changed. Running it twice changes nothing the second time. Tenant mode: the
site of GRAPH_SITE_HOSTNAME + GRAPH_SITE_PATH (or GRAPH_SITE_ID) with the app's credentials;
local mode: the Graph emulator's data in .data/ (or the emulator that is running on it).`;

export const provisionCommand: Command = {
  name: "provision",
  summary: "create the site's lists, libraries, columns and indexes (idempotent)",
  usage: USAGE,
  async run(args) {
    if (!parseCommandArgs(args, {}, USAGE)) return USAGE_EXIT_CODE;
    const config = readConfigOrExplain({ SEED_DEMO: "false" });
    if (!config) return 2;
    const backend = await openBackend(config, { provision: true });
    try {
      console.log(`Provisioned ${backend.description}.`);
      console.log(backend.provisioned ? describeProvisionReport(backend.provisioned) : "Nothing to do.");
      return backend.provisioned?.differences.length ? 1 : 0;
    } finally {
      await backend.close();
    }
  },
};
