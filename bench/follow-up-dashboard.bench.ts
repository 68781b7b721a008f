/**
 * follow-up-dashboard: the dashboard (implementation status rolled up, the reports and their
 * requests, the follow-up figures: actions by status, overdue, indicators off track) over 5,000
 * recommendations, 1,500 actions, 1,000 indicators and 3,000 indicator values in SharePoint lists
 * on the Graph emulator, read as the secretariat through the server's read models (the lists'
 * delta, as server/wiring/backend.ts wires them); against a bare read of those lists in the same
 * run (every item of each, nothing computed). Medians of five, after one warm-up of each.
 */
import { queryAll } from "../core/ports/repository";
import { readDashboard } from "../core/dashboard/dashboard";
import { recommendationKey } from "../core/recommendations/recommendation";
import type { RecommendationFields } from "../core/recommendations/recommendation";
import type { RequestFields } from "../core/requests/request";
import type { SharePointListRepository } from "../graph/sharepoint/list-repository";
import { DeltaRecordsView, type RecordsView } from "../server/api/records-view";
import { startEmulatedSite } from "../tests/support/emulated-site";
import { median, result, timed, type Benchmark } from "./harness";

const RECOMMENDATIONS = 5_000;
const ACTIONS = 1_500;
const INDICATORS = 1_000;
const VALUES = 3_000;
const MINISTRIES = 25;
const RUNS = 5;

function must<T>(results: ({ ok: true; record: T } | { ok: false; error: unknown })[]): T[] {
  return results.map((r) => {
    if (!r.ok) throw r.error instanceof Error ? r.error : new Error(String(r.error));
    return r.record;
  });
}

export const benchmarks: Benchmark[] = [
  {
    name: "follow-up-dashboard",
    async run() {
      const site = await startEmulatedSite();
      try {
        const store = await site.open();
        const repos = store.repositories;
        const now = new Date().toISOString();
        const ministries = must(await repos.ministries.createMany(Array.from({ length: MINISTRIES }, (_, i) => ({ name: `Ministry ${i + 1}` }))));
        const statuses = ["not-started", "in-progress", "partially-implemented", "implemented"] as const;
        const recommendations = must(
          await repos.recommendations.createMany(
            Array.from({ length: RECOMMENDATIONS }, (_, i) => ({
              key: recommendationKey("A/HRC/59/15", `140.${i + 1}`),
              text: `Recommendation ${i + 1}`,
              mechanism: "UPR" as const,
              documentSymbol: "A/HRC/59/15",
              paragraph: `140.${i + 1}`,
              cycle: 4,
              position: "supported" as const,
              status: statuses[i % statuses.length]!,
              leadMinistryId: ministries[i % MINISTRIES]!.id,
            })),
          ),
        );
        const actions = must(
          await repos.actions.createMany(
            Array.from({ length: ACTIONS }, (_, i) => ({
              title: `Action ${i + 1}`,
              recommendationIds: [recommendations[(i * 3) % RECOMMENDATIONS]!.id, recommendations[(i * 3 + 1) % RECOMMENDATIONS]!.id],
              leadMinistryId: ministries[i % MINISTRIES]!.id,
              startDate: "2026-01-01",
              endDate: i % 10 === 0 ? "2026-03-31" : "2027-12-31",
              expectedOutput: "An output",
              status: (["planned", "under-way", "done"] as const)[i % 3]!,
              createdAt: now,
              createdBy: "sec-1",
            })),
          ),
        );
        const indicators = must(
          await repos.indicators.createMany(
            Array.from({ length: INDICATORS }, (_, i) => ({
              actionId: actions[i % ACTIONS]!.id,
              definition: `Indicator ${i + 1}`,
              unit: "%",
              baselineValue: 10,
              baselineDate: "2025-12-31",
              targetValue: 80,
              targetDate: "2027-12-31",
              dataSource: "Statistics office",
              createdAt: now,
              createdBy: "sec-1",
            })),
          ),
        );
        must(
          await repos.indicatorValues.createMany(
            Array.from({ length: VALUES }, (_, i) => ({
              key: `bench#${indicators[i % INDICATORS]!.id}#${i}`,
              indicatorId: indicators[i % INDICATORS]!.id,
              value: 10 + (i % 70),
              date: `2026-0${1 + (i % 9)}-28`,
              reportedById: "fp-1",
              reportedByName: "Focal Point",
              reportedAt: now,
            })),
          ),
        );

        const secretariat = { userId: "sec-1", displayName: "Secretariat", roles: ["Secretariat" as const], ministryIds: [] };
        const views = {
          recommendations: new DeltaRecordsView(site.client, repos.recommendations as unknown as SharePointListRepository<never>) as unknown as RecordsView<RecommendationFields>,
          requests: new DeltaRecordsView(site.client, repos.requests as unknown as SharePointListRepository<never>) as unknown as RecordsView<RequestFields>,
        };
        const deps = { repos, views, clock: { now: () => new Date() } };
        const query = { dimension: "mechanism" as const, dueItems: 10 };
        const dashboard = () => readDashboard(deps, query, secretariat, { timeZone: "Europe/Ljubljana" });
        const bareRead = () => Promise.all([queryAll(repos.recommendations), queryAll(repos.actions), queryAll(repos.indicators), queryAll(repos.indicatorValues)]);

        const warm = await dashboard();
        if (warm.followUp?.actions.total !== ACTIONS) throw new Error(`the dashboard counted ${String(warm.followUp?.actions.total)} actions`);
        await bareRead();
        const dashboardMs: number[] = [];
        const bareMs: number[] = [];
        let dashboardRequests = 0;
        let bareRequests = 0;
        for (let run = 0; run < RUNS; run += 1) {
          site.emulator.resetCounters();
          dashboardMs.push((await timed(dashboard)).ms);
          dashboardRequests = site.emulator.counters().requests;
          site.emulator.resetCounters();
          bareMs.push((await timed(bareRead)).ms);
          bareRequests = site.emulator.counters().requests;
        }
        const figures = { recommendations: RECOMMENDATIONS, actions: ACTIONS, indicators: INDICATORS, indicatorValues: VALUES, runs: RUNS };
        return [
          result("follow-up-dashboard-5000-1500-3000-time", median(dashboardMs), "ms", { ideal: median(bareMs), ...figures, note: "the dashboard as the secretariat reads it, against a bare read of the four lists in the same run" }),
          result("follow-up-dashboard-5000-1500-3000-graph-requests", dashboardRequests, "requests", { ideal: bareRequests, note: "Graph requests of one dashboard read, against those of the bare read" }),
        ];
      } finally {
        await site.stop();
      }
    },
  },
];
