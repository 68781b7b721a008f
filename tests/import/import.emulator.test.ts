/**
 * The real thematic list imported through the Graph repositories on the local Graph emulator:
 * what is written survives the round trip through SharePoint list items (a re-import finds all
 * 254 unchanged), and the writes go out as $batch requests.
 */
import type { Actor } from "../../core/auth/policy";
import { FakeClock } from "../../core/in-memory/fakes";
import { queryAll, type Repositories } from "../../core/ports/repository";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import { StaticTokenProvider } from "../../graph/client/auth";
import { createGraphClient, type GraphClient } from "../../graph/client/graph-client";
import { startGraphEmulator, type RunningGraphEmulator } from "../../graph/emulator";
import { openSharePointStore } from "../../graph/sharepoint/open-store";
import { readImportFile } from "../../importers";
import { thematicListFixture } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

let emulator: RunningGraphEmulator;
let client: GraphClient;
let repos: Repositories;

beforeAll(async () => {
  emulator = await startGraphEmulator();
  client = createGraphClient({ endpoint: emulator.origin, auth: new StaticTokenProvider(emulator.accessToken), trustedCa: emulator.caCertificate, retry: { baseDelayMs: 5, maxDelayMs: 50, maxRetries: 12 } });
  const site = emulator.createSite();
  repos = (await openSharePointStore(client, { id: site.id }, { provision: true })).repositories;
}, 60_000);

afterAll(async () => {
  await client?.close();
  await emulator?.stop();
});

it("imports Slovenia's 254 recommendations in $batch requests, and a re-import finds them all unchanged", async () => {
  const parsed = await readImportFile(thematicListFixture(), { fileName: "svn.docx" });
  const deps = { repos, clock: new FakeClock() };
  emulator.resetCounters();
  const result = await commitImport(deps, secretariat, parsed);
  expect(result).toMatchObject({ created: 254, failed: 0, auditEntries: 1 });
  const counters = emulator.counters();
  // One read of the (empty) list, ceil(254/20) = 13 batches of recommendations and one of the import's audit entry.
  expect(counters.requests).toBe(15);
  expect(counters.byKind.batch).toBe(14);

  const again = await previewImport(deps, secretariat, await readImportFile(thematicListFixture()));
  expect(again).toMatchObject({ total: 254, new: 0, changed: 0, unchanged: 254 });

  const [stored] = await queryAll(repos.recommendations, { where: [{ field: "key", op: "eq", value: "A/HRC/59/15#140.7" }] });
  expect(stored).toMatchObject({
    recommendingStates: ["Maldives", "Portugal"],
    position: "supported",
    positionSource: "A/HRC/59/15/Add.1, para. 3",
    sdgGoals: [1, 2, 3, 4, 5, 6, 7, 8],
    status: "not-assessed",
  });
}, 120_000);
