/**
 * What the Word task pane shows beside a draft open in Word: which draft it is (from the
 * document's custom properties, or else its address), whether it is the latest version and the
 * one sent for approval, the file version, the word count against the limit, the requests
 * still unanswered, the ministries that contributed, the earlier rounds of review, and what
 * the person may do. The same rules as the tab and the chair's card (core/auth/policy.ts).
 */
import { z } from "zod";
import { accessToDraft, authorize, can, requireAccess, type Actor } from "../auth/policy";
import { queryAll } from "../ports/repository";
import { parseOrThrow } from "../records/validate";
import { rulesOf, type UseCaseDeps } from "../ports/use-case-deps";
import { recordIdSchema, type Stored } from "../records/common";
import type { ReportFields } from "../reports/report";
import { draftLocation } from "./compile-draft";
import type { CompiledDraft, DraftFields, ReviewFields, WordCount } from "./draft";
import { canReview, isCompiled } from "./draft-review";
import { countedParts, type CountedParts } from "./word-limits";

type Deps = Pick<UseCaseDeps, "repos" | "documents" | "rules" | "views">;

/** How the pane names the document open: its custom properties (any of them), or its address. */
export const wordPaneLocatorSchema = z
  .object({
    draftId: recordIdSchema.optional(),
    reportId: recordIdSchema.optional(),
    draftVersion: z.coerce.number().int().min(1).optional(),
    site: z.string().min(1).max(500).optional(),
    /** `Office.context.document.url`: used when the document carries no draft id. */
    url: z.string().min(1).max(2000).optional(),
  })
  .refine((locator) => locator.draftId !== undefined || locator.url !== undefined, { message: "name the draft (draftId, from the document's NMIRF.DraftId property) or the document's address (url)", path: ["draftId"] });
export type WordPaneLocator = z.input<typeof wordPaneLocatorSchema>;

/** Why a document is not one of our drafts: the pane says it in the person's words. */
export const NOT_A_DRAFT_REASONS = ["unknown-draft", "other-site", "properties-disagree", "unknown-address", "no-file"] as const;
export type NotADraftReason = (typeof NOT_A_DRAFT_REASONS)[number];

/**
 * Why the pane offers no action: the chair has no draft of the report waiting (or another version
 * is the one sent); the secretariat's draft is not the latest, waits for the chair, or is in a state
 * that cannot be sent (approved, submitted); the others neither decide nor send.
 */
export const READ_ONLY_REASONS = ["nothing-to-decide", "other-version-in-review", "newer-version", "waiting-for-chair", "not-sendable", "not-yours-to-decide"] as const;
export type ReadOnlyReason = (typeof READ_ONLY_REASONS)[number];

export interface MinistryCount {
  ministryId: string;
  ministryName: string;
  count: number;
  /** The earliest due date of the ministry's requests still unanswered (for contributors: absent). */
  firstDue?: string;
}

export interface WordPaneDraft {
  kind: "draft";
  /** "full": every figure; "shared": the draft as shared with observers (no requests, no reviews). */
  access: "full" | "shared";
  report: Pick<Stored<ReportFields>, "id" | "title" | "mechanism" | "type" | "dueDate" | "status">;
  draft: Pick<Stored<CompiledDraft>, "id" | "eTag" | "version" | "reviewState" | "fileName" | "compiledAt" | "webUrl"> & {
    /** SharePoint's version label of the file now (the chair's decision is refused on any other). */
    fileVersion: string;
    /** The version label when the draft was compiled (its word count is of that version). */
    compiledFileVersion: string;
  };
  /** The newest compiled draft of the report, when this is not it. */
  newer?: { draftId: string; version: number; webUrl: string };
  /** The draft version waiting for the chair's decision (this one, or another), with its round. */
  inReview?: { draftId: string; version: number; webUrl: string; reviewId: string; requestedAt: string; message?: string };
  wordCount: WordCount & { parts: CountedParts };
  /** Requests still without an answer that the draft left as placeholders, one line per ministry. */
  stillUnanswered: MinistryCount[];
  /** How many the draft left as placeholders when it was compiled. */
  unansweredAtCompile: number;
  /** The ministries whose answers are in the draft (answered before it was compiled). */
  contributors: MinistryCount[];
  /** Every round of review of the report's drafts, newest first. */
  reviews: (Pick<Stored<ReviewFields>, "id" | "draftVersion" | "requestedAt" | "message" | "decision" | "comment" | "decidedByName" | "decidedAt" | "decidedFileVersion">)[];
  /** What the person may do here; a refusal says why. */
  actions: { decide: boolean; sendForApproval: boolean; readOnlyReason?: ReadOnlyReason };
}

export type WordPaneView = WordPaneDraft | { kind: "not-a-draft"; reason: NotADraftReason };

const STILL_OPEN = new Set(["closed", "declined"]);

/** The address without query, fragment and case differences, its path decoded: what two spellings of one file share. */
function normalizedPath(address: string): string | undefined {
  try {
    const url = new URL(address);
    return `${url.host}${decodeURIComponent(url.pathname)}`.toLowerCase().replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

async function draftByAddress(deps: Deps, address: string): Promise<Stored<DraftFields> | undefined> {
  const wanted = normalizedPath(address);
  if (!wanted) return undefined;
  const drafts = await queryAll(deps.repos.drafts);
  const byWebUrl = drafts.find((d) => d.webUrl && (d.webUrl === address || normalizedPath(d.webUrl) === wanted));
  if (byWebUrl) return byWebUrl;
  // Word on the desktop gives the file's path in the library (…/Drafts/{folder}/{file name}).
  const reports = new Map<string, Stored<ReportFields>>();
  for (const draft of drafts) {
    if (!wanted.endsWith(`/${draft.fileName.toLowerCase()}`)) continue;
    const report = reports.get(draft.reportId) ?? (await deps.repos.reports.get(draft.reportId).catch(() => undefined));
    if (!report) continue;
    reports.set(report.id, report);
    if (wanted.endsWith(`/${draftLocation(report, draft.version).folder.toLowerCase()}/${draft.fileName.toLowerCase()}`)) return draft;
  }
  return undefined;
}

/**
 * The pane's read of the document open in Word. A document that is not one of our drafts (no
 * such draft, another mechanism's site, properties that disagree with the record, an address
 * no draft has) is a plain answer, not an error; a person who may not read the draft is refused.
 */
export async function readWordPane(deps: Deps, rawLocator: WordPaneLocator, actor: Actor): Promise<WordPaneView> {
  authorize(actor, { kind: "read" });
  const locator = parseOrThrow(wordPaneLocatorSchema, rawLocator, "The document", "query");
  if (locator.site !== undefined && deps.documents.siteId !== undefined && locator.site !== deps.documents.siteId) return { kind: "not-a-draft", reason: "other-site" };

  let draft: Stored<DraftFields> | undefined;
  if (locator.draftId !== undefined) {
    draft = await deps.repos.drafts.get(locator.draftId).catch((error: unknown) => {
      if ((error as { code?: string }).code === "not_found") return undefined;
      throw error;
    });
    if (!draft) return { kind: "not-a-draft", reason: "unknown-draft" };
    if ((locator.reportId !== undefined && locator.reportId !== draft.reportId) || (locator.draftVersion !== undefined && locator.draftVersion !== draft.version)) {
      return { kind: "not-a-draft", reason: "properties-disagree" };
    }
  } else {
    draft = await draftByAddress(deps, locator.url!);
    if (!draft) return { kind: "not-a-draft", reason: "unknown-address" };
  }

  const report = await deps.repos.reports.get(draft.reportId);
  const level = requireAccess(accessToDraft(actor, report, rulesOf(deps)));
  if (!isCompiled(draft)) return { kind: "not-a-draft", reason: "no-file" };

  const full = level === "full";
  // One round trip's worth of waiting: every read at once, the ministries' names read once.
  const names = full ? ministryNames(deps) : Promise.resolve(new Map<string, string>());
  const [drafts, reviews, versions, unanswered, contributed] = await Promise.all([
    queryAll(deps.repos.drafts, { where: [{ field: "reportId", op: "eq", value: report.id }] }),
    queryAll(deps.repos.reviews, { where: [{ field: "reportId", op: "eq", value: report.id }] }),
    deps.documents.versions("Drafts", draft.fileId),
    full ? stillUnanswered(deps, draft, names) : Promise.resolve([]),
    full ? contributors(deps, draft, names) : Promise.resolve([]),
  ]);
  const newest = drafts.filter((d): d is Stored<CompiledDraft> => isCompiled(d)).sort((a, b) => b.version - a.version)[0];
  const open = reviews.filter((r) => !r.decision).sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0];
  const openDraft = open && drafts.find((d) => d.id === open.draftId && d.reviewState === "in-review");

  const decide = can(actor, { kind: "decide-draft" }) && openDraft?.id === draft.id;
  const sendForApproval = can(actor, { kind: "send-for-approval" }) && canReview(draft.reviewState, "send-for-approval") && newest?.id === draft.id;
  const readOnlyReason = decide || sendForApproval ? undefined : readOnlyReasonOf(actor, draft, newest, openDraft);

  return {
    kind: "draft",
    access: level,
    report: { id: report.id, title: report.title, mechanism: report.mechanism, type: report.type, dueDate: report.dueDate, status: report.status },
    draft: {
      id: draft.id,
      eTag: draft.eTag,
      version: draft.version,
      reviewState: draft.reviewState,
      fileName: draft.fileName,
      compiledAt: draft.compiledAt,
      webUrl: draft.webUrl,
      fileVersion: versions[0]?.id ?? draft.fileVersion,
      compiledFileVersion: versions.length > 0 ? versions[versions.length - 1]!.id : draft.fileVersion,
    },
    newer: newest && newest.id !== draft.id && newest.version > draft.version ? { draftId: newest.id, version: newest.version, webUrl: newest.webUrl } : undefined,
    inReview: open && openDraft && isCompiled(openDraft) ? { draftId: openDraft.id, version: openDraft.version, webUrl: openDraft.webUrl, reviewId: open.id, requestedAt: open.requestedAt, message: full ? open.message : undefined } : undefined,
    wordCount: { ...draft.wordCount, parts: countedParts(report.type) },
    unansweredAtCompile: full ? draft.unansweredRequestIds.length : 0,
    stillUnanswered: unanswered,
    contributors: contributed,
    reviews: full
      ? reviews
          .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
          .map((r) => ({ id: r.id, draftVersion: r.draftVersion, requestedAt: r.requestedAt, message: r.message, decision: r.decision, comment: r.comment, decidedByName: r.decidedByName, decidedAt: r.decidedAt, decidedFileVersion: r.decidedFileVersion }))
      : [],
    actions: { decide, sendForApproval, readOnlyReason },
  };
}

function readOnlyReasonOf(actor: Actor, draft: Stored<DraftFields>, newest: Stored<DraftFields> | undefined, openDraft: Stored<DraftFields> | undefined): ReadOnlyReason {
  if (can(actor, { kind: "decide-draft" })) return openDraft ? "other-version-in-review" : "nothing-to-decide";
  if (can(actor, { kind: "send-for-approval" })) {
    if (newest && newest.id !== draft.id) return "newer-version";
    return draft.reviewState === "in-review" ? "waiting-for-chair" : "not-sendable";
  }
  return "not-yours-to-decide";
}

async function ministryNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await queryAll(deps.repos.ministries)).map((m) => [m.id, m.name]));
}

/** The requests the draft left as placeholders that still have no answer, one line per ministry. */
async function stillUnanswered(deps: Deps, draft: Stored<DraftFields>, ministries: Promise<Map<string, string>>): Promise<MinistryCount[]> {
  if (draft.unansweredRequestIds.length === 0) return [];
  // The server keeps the requests by delta: read from there when it does, one by one otherwise.
  const wanted = new Set(draft.unansweredRequestIds);
  const requests = deps.views
    ? (await deps.views.requests.all()).filter((r) => wanted.has(r.id))
    : await Promise.all(draft.unansweredRequestIds.map((id) => deps.repos.requests.get(id).catch(() => undefined)));
  const names = await ministries;
  const lines = new Map<string, MinistryCount>();
  for (const request of requests) {
    if (!request || request.latestVersion > 0 || STILL_OPEN.has(request.status)) continue;
    const line = lines.get(request.ministryId) ?? { ministryId: request.ministryId, ministryName: names.get(request.ministryId) ?? request.ministryId, count: 0, firstDue: request.dueDate };
    line.count += 1;
    if (line.firstDue === undefined || request.dueDate < line.firstDue) line.firstDue = request.dueDate;
    lines.set(request.ministryId, line);
  }
  return [...lines.values()].sort((a, b) => b.count - a.count || a.ministryName.localeCompare(b.ministryName));
}

/** The ministries that had answered when the draft was compiled, with how many answers each. */
async function contributors(deps: Deps, draft: Stored<DraftFields>, ministries: Promise<Map<string, string>>): Promise<MinistryCount[]> {
  const contributions = await queryAll(deps.repos.contributions, { where: [{ field: "reportId", op: "eq", value: draft.reportId }] });
  const names = await ministries;
  const answered = new Map<string, Set<string>>();
  for (const c of contributions) {
    if (c.answeredAt > draft.compiledAt) continue;
    answered.set(c.ministryId, (answered.get(c.ministryId) ?? new Set()).add(c.requestId));
  }
  return [...answered.entries()]
    .map(([ministryId, requests]) => ({ ministryId, ministryName: names.get(ministryId) ?? ministryId, count: requests.size }))
    .sort((a, b) => b.count - a.count || a.ministryName.localeCompare(b.ministryName));
}
