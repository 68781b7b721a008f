/**
 * follow-up-round-300-across-25: a quarterly follow-up round for 300 actions led by 25
 * ministries (a technical focal point each), against the Graph emulator: the Graph requests it
 * costs against the ideal (the cards written in batches of 20, plus the round, the operation
 * started and completed, and its audit entry), and the time until the last card is queued.
 */
import { queryAll } from "../core/ports/repository";
import { recommendationKey } from "../core/recommendations/recommendation";
import { startFollowUpRound } from "../core/followup/follow-up-round";
import { MAX_BATCH_SIZE } from "../graph/client/graph-client";
import { startEmulatedSite } from "../tests/support/emulated-site";
import { result, timed, type Benchmark } from "./harness";

const ACTIONS = 300;
const MINISTRIES = 25;

export const benchmarks: Benchmark[] = [
  {
    name: "follow-up-round",
    async run() {
      const site = await startEmulatedSite();
      try {
        const store = await site.open();
        const repos = store.repositories;
        const now = new Date().toISOString();
        const ministries = await repos.ministries.createMany(Array.from({ length: MINISTRIES }, (_, i) => ({ name: `Ministry ${i + 1}` })));
        const ministryIds = ministries.map((m) => (m.ok ? m.record.id : ""));
        await repos.focalPoints.createMany(
          ministryIds.map((ministryId, i) => ({ ministryId, role: "technical" as const, userId: `fp-${i + 1}`, displayName: `Focal Point ${i + 1}`, email: `fp-${i + 1}@gov.example`, activeFrom: "2026-01-01T00:00:00.000Z" })),
        );
        const recommendations = await repos.recommendations.createMany(
          Array.from({ length: ACTIONS }, (_, i) => ({ key: recommendationKey("A/HRC/59/15", `140.${i + 1}`), text: `Recommendation ${i + 1}`, mechanism: "UPR" as const, documentSymbol: "A/HRC/59/15", paragraph: `140.${i + 1}`, leadMinistryId: ministryIds[i % MINISTRIES]! })),
        );
        await repos.actions.createMany(
          recommendations.map((r, i) => ({ title: `Action ${i + 1}`, recommendationIds: [r.ok ? r.record.id : "0"], leadMinistryId: ministryIds[i % MINISTRIES]!, startDate: "2026-01-01", endDate: "2027-12-31", expectedOutput: "An output", status: i % 2 ? ("under-way" as const) : ("planned" as const), createdAt: now, createdBy: "sec-1" })),
        );
        const actor = { userId: "sec-1", displayName: "Secretariat", roles: ["Secretariat" as const], ministryIds: [] };
        const deps = { repos, clock: { now: () => new Date() } };

        site.emulator.resetCounters();
        const round = await timed(() => startFollowUpRound(deps, { title: "2026 Q2", mechanism: "UPR", dueDate: "2026-06-30" }, actor));
        const graphRequests = site.emulator.counters().requests;
        const cards = (await queryAll(repos.outbox)).filter((e) => e.notification.kind === "progress").length;
        if (cards !== ACTIONS || round.value.queued !== ACTIONS) throw new Error(`queued ${cards} cards`);
        const ideal = Math.ceil(ACTIONS / MAX_BATCH_SIZE) + 4;
        return [
          result("follow-up-round-300-across-25-graph-requests", graphRequests, "requests", { ideal, ministries: MINISTRIES, batch: MAX_BATCH_SIZE }),
          result("follow-up-round-300-across-25-last-card-queued", round.ms, "ms", { cards }),
        ];
      } finally {
        await site.stop();
      }
    },
  },
];
