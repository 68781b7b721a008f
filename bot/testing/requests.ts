import { createRequests } from "../../core/requests/create-requests";
import { sendDraftForApproval } from "../../core/drafts/review-draft";
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

/** A compiled draft of a report, its file in the Drafts library, sent to the chair for approval. */
export async function draftSentForApproval(world: World, options: { counted?: number } = {}) {
  const report = await world.addReport();
  const file = await world.documents.put("Drafts", `Report ${report.id}`, "UPR national report.docx", new TextEncoder().encode("docx v1"));
  const draft = await world.repos.drafts.create({
    key: `${report.id}#1`,
    reportId: report.id,
    version: 1,
    fileName: file.name,
    fileId: file.id,
    webUrl: file.webUrl,
    fileVersion: file.version,
    wordCount: { counted: options.counted ?? 9_800, excluded: 1_200, limit: 10_700 },
    compiledAt: world.clock.now().toISOString(),
    compiledBy: "sec-1",
  });
  const { review } = await sendDraftForApproval(world.deps, { draftId: draft.id, eTag: draft.eTag, message: "Please approve before Friday" }, world.secretariat);
  return { report, draft, review, file };
}
