/**
 * The benchmark's mechanism: 1,000 ministries, each with one technical focal point, a report,
 * one recommendation per ministry, and the 1,000 requests (one outbox entry each).
 */
import { StaticDirectory } from "../../core/in-memory/fakes";
import type { AppRole } from "../../core/ports/directory";
import type { Repositories } from "../../core/ports/repository";
import { recommendationKey } from "../../core/recommendations/recommendation";
import { createRequests } from "../../core/requests/create-requests";
import type { Actor } from "../../core/auth/policy";
import type { Clock } from "../../core/ports/clock";

export const FOCAL_POINTS = 1_000;

export function people(): { id: string; displayName: string; email: string; roles: AppRole[] }[] {
  return [
    { id: "sec-1", displayName: "Sara Secretariat", email: "sara@gov.example", roles: ["Secretariat"] },
    ...Array.from({ length: FOCAL_POINTS }, (_, i) => ({ id: `fp-${i + 1}`, displayName: `Focal Point ${i + 1}`, email: `fp-${i + 1}@gov.example`, roles: [] as AppRole[] })),
  ];
}

export function directory(): StaticDirectory {
  return new StaticDirectory(people());
}

const SECRETARIAT: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

/** Seeds the mechanism and queues the 1,000 request cards; every focal point has a chat with the bot at `serviceUrl`. */
export async function seed(repos: Repositories, clock: Clock, serviceUrl: string): Promise<number> {
  const now = clock.now().toISOString();
  const ministries = await repos.ministries.createMany(Array.from({ length: FOCAL_POINTS }, (_, i) => ({ name: `Ministry ${i + 1}` })));
  const ministryIds = ministries.map((result) => (result.ok ? result.record.id : ""));
  await repos.focalPoints.createMany(
    ministryIds.map((ministryId, i) => ({ ministryId, role: "technical" as const, userId: `fp-${i + 1}`, displayName: `Focal Point ${i + 1}`, email: `fp-${i + 1}@gov.example`, activeFrom: "2026-01-01T00:00:00.000Z" })),
  );
  const recommendations = await repos.recommendations.createMany(
    ministryIds.map((ministryId, i) => ({
      key: recommendationKey("A/HRC/59/15", `140.${i + 1}`),
      text: `Recommendation ${i + 1}: strengthen the national human rights institution`,
      mechanism: "UPR" as const,
      documentSymbol: "A/HRC/59/15",
      paragraph: `140.${i + 1}`,
      leadMinistryId: ministryId,
    })),
  );
  const report = await repos.reports.create({ title: "UPR national report", mechanism: "UPR", type: "upr-national", dueDate: "2026-12-01", timeZone: "UTC", createdAt: now });
  await repos.conversations.createMany(
    Array.from({ length: FOCAL_POINTS }, (_, i) => ({
      userId: `fp-${i + 1}`,
      reference: { channelId: "msteams", serviceUrl, bot: { id: "28:bot" }, user: { id: `29:fp-${i + 1}`, aadObjectId: `fp-${i + 1}` }, conversation: { id: `a:chat-fp-${i + 1}`, conversationType: "personal" } },
      locale: "en-GB",
      updatedAt: now,
    })),
  );
  const { created } = await createRequests(
    { repos, clock },
    {
      reportId: report.id,
      subjects: recommendations.map((result) => ({ kind: "recommendation" as const, recommendationId: result.ok ? result.record.id : "0" })),
      ask: "What has your ministry done to implement this recommendation?",
      dueDate: "2026-06-30",
    },
    SECRETARIAT,
  );
  return created.length;
}
