/**
 * ask-1000-across-20: the secretariat selects 1,000 recommendations in the grid (20 lead
 * ministries, a technical focal point each) and asks their lead ministries in one go, as the
 * tab's "Ask the lead ministries about these N" does (one createRequests call). Against the
 * Graph emulator: the Graph requests it costs against the ideal (every write in batches of 20:
 * 1,000 requests, 1,000 cards, 1,000 audit entries), and the time until the last card is queued.
 */
import { queryAll } from "../core/ports/repository";
import { recommendationKey } from "../core/recommendations/recommendation";
import { createRequests } from "../core/requests/create-requests";
import { MAX_BATCH_SIZE } from "../graph/client/graph-client";
import { startEmulatedSite } from "../tests/support/emulated-site";
import { result, timed, type Benchmark } from "./harness";

const RECOMMENDATIONS = 1_000;
const MINISTRIES = 20;

export const benchmarks: Benchmark[] = [
  {
    name: "ask-by-selection",
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
          Array.from({ length: RECOMMENDATIONS }, (_, i) => ({
            key: recommendationKey("A/HRC/59/15", `140.${i + 1}`),
            text: `Recommendation ${i + 1}: strengthen the national human rights institution`,
            mechanism: "UPR" as const,
            documentSymbol: "A/HRC/59/15",
            paragraph: `140.${i + 1}`,
            leadMinistryId: ministryIds[i % MINISTRIES]!,
          })),
        );
        const report = await repos.reports.create({ title: "UPR national report", mechanism: "UPR", type: "upr-national", dueDate: "2027-12-01", timeZone: "UTC", createdAt: now });
        const subjects = recommendations.map((r) => ({ kind: "recommendation" as const, recommendationId: r.ok ? r.record.id : "0" }));
        const actor = { userId: "sec-1", displayName: "Secretariat", roles: ["Secretariat" as const], ministryIds: [] };
        const deps = { repos, clock: { now: () => new Date() } };

        site.emulator.resetCounters();
        const asked = await timed(() => createRequests(deps, { reportId: report.id, subjects, ministries: { mode: "lead" }, ask: "What was done since the review?", dueDate: "2027-09-30" }, actor));
        const graphRequests = site.emulator.counters().requests;
        if (asked.value.created.length !== RECOMMENDATIONS) throw new Error(`made ${asked.value.created.length} requests`);
        const cards = (await queryAll(repos.outbox)).filter((e) => e.notification.kind === "request").length;
        if (cards !== RECOMMENDATIONS) throw new Error(`queued ${cards} cards`);
        const ideal = 3 * Math.ceil(RECOMMENDATIONS / MAX_BATCH_SIZE);
        return [
          result("ask-1000-across-20-graph-requests", graphRequests, "requests", { ideal, ministries: MINISTRIES, batch: MAX_BATCH_SIZE }),
          result("ask-1000-across-20-last-card-queued", asked.ms, "ms", { cards }),
        ];
      } finally {
        await site.stop();
      }
    },
  },
];
