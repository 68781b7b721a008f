import { z } from "zod";
import { authorize, type Actor } from "../auth/policy";
import { InvalidStateError } from "../errors";
import { recordIdSchema, type Stored } from "../records/common";
import { draftKey, templateUsedSchema, type CompiledDraft, type DraftFields, type WordCount } from "./draft";
import { parseOrThrow } from "../records/validate";
import type { DraftGap } from "./draft-content";
import { queryAll } from "../ports/repository";
import { wordLimitFor } from "./word-limits";
import { audit } from "../audit/audit";
import { withFreshRead } from "../ports/retry-on-conflict";
import { isCompiled, nextReviewState } from "./draft-review";
import { assembleDraftContent } from "./assemble-draft";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { DraftIdentity } from "./draft-identity";
import type { RowNeedingAttention } from "../records/needs-attention";

export const compileDraftInputSchema = z.object({
  reportId: recordIdSchema,
  /** A validated secretariat template (.docx with {{placeholders}}). */
  template: z.instanceof(Uint8Array).optional(),
  /** Which template file that is, recorded with the draft. */
  templateFile: templateUsedSchema.optional(),
});
export type CompileDraftInput = z.input<typeof compileDraftInputSchema>;

export interface CompileDraftResult {
  draft: Stored<CompiledDraft>;
  /** Opens the .docx in Word. */
  webUrl: string;
  wordCount: WordCount;
  /** Requests still waiting for an answer: highlighted placeholders in the draft. */
  unanswered: DraftGap[];
  /** Rows left out of the draft because a person left them in SharePoint in a state the app cannot use (fix them, then compile again). */
  leftOut: RowLeftOut[];
}

/** A row a compile left out: which list, which row, what is wrong (in words). */
export interface RowLeftOut {
  kind: string;
  list: string;
  id: string;
  title?: string;
  problems: string[];
}

/** Characters SharePoint refuses in file and folder names, and the ones it trims. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/["*:<>?/\\|#%~&{}]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  return (cleaned || "Report").slice(0, 120);
}

export function draftLocation(report: { id: string; title: string }, version: number): { folder: string; fileName: string } {
  const title = safeFileName(report.title);
  return { folder: `${title} (${report.id})`, fileName: `${title} — draft v${version}.docx` };
}

type Deps = Pick<UseCaseDeps, "repos" | "clock" | "documents" | "renderer">;

/** A compile that has not finished its draft within this time has stopped (its process died). */
export const COMPILE_LEASE_MS = 10 * 60_000;

/**
 * Compiles the report's next draft from the latest contributions, uploads it to the Drafts
 * library as `{report}/{title} — draft v{n}.docx` and records it.
 *
 * The draft's record comes first (`compiling`, under its version's unique key): of two compiles
 * at once, each takes its own version, and a file is only ever written by the compile that holds
 * its version. The record then gets the file and becomes `drafting`. A compile that died in
 * between leaves its record `compiling`; the next compile marks it `interrupted`.
 */
export async function compileDraft(deps: Deps, rawInput: CompileDraftInput, actor: Actor): Promise<CompileDraftResult> {
  authorize(actor, { kind: "compile-drafts" });
  const input = parseOrThrow(compileDraftInputSchema, rawInput, "The draft");
  const report = await deps.repos.reports.get(input.reportId);
  if (report.status === "submitted") throw new InvalidStateError("this report has been submitted: compile no more drafts of it", report.status, "compile");

  const started = deps.clock.now().toISOString();
  const reserved = await withFreshRead(async () => {
    const previous = await queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: report.id }] });
    await markInterrupted(deps, previous);
    const version = Math.max(0, ...previous.map((d) => d.version)) + 1;
    const { fileName } = draftLocation(report, version);
    return deps.repos.drafts.create({ key: draftKey(report.id, version), reportId: report.id, version, fileName, reviewState: "compiling", compiledAt: started, compiledBy: actor.userId });
  }, 20);

  const needingAttention: RowNeedingAttention[] = [];
  const content = await assembleDraftContent(deps, report.id, reserved.version, needingAttention);
  const leftOut: RowLeftOut[] = needingAttention.map((row) => ({
    kind: row.kind,
    list: row.list,
    id: row.id,
    ...(row.title ? { title: row.title } : {}),
    problems: row.problems.map((p) => `${p.column}: ${p.message}`),
  }));
  const identity: DraftIdentity = { site: deps.documents.siteId ?? "unknown", reportId: report.id, draftId: reserved.id, draftVersion: reserved.version };
  const rendered = await deps.renderer.render(content, { template: input.template, identity });
  const wordCount: WordCount = { ...rendered.wordCount, limit: rendered.wordCount.limit ?? wordLimitFor(report.type, report.wordLimit) };
  const { folder, fileName } = draftLocation(report, reserved.version);
  const file = await deps.documents.put("Drafts", folder, fileName, rendered.content, {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  const unanswered = content.items.flatMap((item) => item.gaps);
  const draft = await deps.repos.drafts.update(
    reserved.id,
    {
      fileId: file.id,
      webUrl: file.webUrl,
      fileVersion: file.version,
      wordCount,
      unansweredRequestIds: unanswered.map((gap) => gap.requestId),
      reviewState: nextReviewState(reserved.reviewState, "compiled"),
      compiledAt: content.compiledAt,
      template: input.template ? input.templateFile : undefined,
    },
    reserved.eTag,
  );
  if (!isCompiled(draft)) throw new InvalidStateError("the draft's file was not recorded", draft.reviewState, "compile");
  if (report.status === "planning" || report.status === "collecting") {
    await deps.repos.reports.update(report.id, { status: "drafting" }, report.eTag).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "concurrency") throw error;
    });
  }
  await audit(deps, actor, {
    action: "draft.compiled",
    entity: "drafts",
    entityId: draft.id,
    summary: `Compiled draft v${draft.version} of "${report.title}"${input.templateFile ? ` into ${input.templateFile.name}` : ""}: ${wordCount.counted} words${wordCount.limit ? ` of ${wordCount.limit}` : ""}, ${unanswered.length} unanswered${leftOut.length ? `, ${leftOut.length} rows needing attention left out (${leftOut.map((r) => `${r.list} ${r.id}`).join(", ")})` : ""}`,
  });
  return { draft, webUrl: file.webUrl, wordCount, unanswered, leftOut };
}

/** Drafts a crashed compile left `compiling` past the lease: their version stays unused, and says so. */
async function markInterrupted(deps: Deps, drafts: Stored<DraftFields>[]): Promise<void> {
  const now = deps.clock.now().getTime();
  for (const draft of drafts) {
    if (draft.reviewState !== "compiling" || now - Date.parse(draft.compiledAt) < COMPILE_LEASE_MS) continue;
    await deps.repos.drafts.update(draft.id, { reviewState: nextReviewState(draft.reviewState, "interrupt") }, draft.eTag).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "concurrency") throw error;
    });
  }
}
