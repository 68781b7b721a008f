import { createRequests } from "../../core/use-cases/create-requests";
import type { World } from "../../core/testing/world";

/** Asks the Ministry of Justice (the world's first ministry) about new recommendations; returns the requests. */
export async function askJustice(world: World, options: { count?: number; dueDate?: string; ask?: string } = {}) {
  const report = await world.addReport();
  const recommendations = [];
  for (let i = 0; i < (options.count ?? 1); i += 1) recommendations.push(await world.addRecommendation());
  const result = await createRequests(
    world.deps,
    {
      reportId: report.id,
      subjects: recommendations.map((r) => ({ kind: "recommendation" as const, recommendationId: r.id })),
      ask: options.ask ?? "Describe the measures taken since the last review",
      dueDate: options.dueDate ?? "2026-03-30",
    },
    world.secretariat,
  );
  return { report, recommendations, requests: result.created };
}
