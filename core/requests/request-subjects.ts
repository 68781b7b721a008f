/**
 * What each request is about, for the requests the API answers (values, not words: the tab and
 * the bot name the subject in the person's language): a recommendation's
 * document symbol and paragraph and the first words of its text, a question's number and text,
 * a section's title. The lookups are batched: the recommendations come from their read model
 * (one refresh over SharePoint, whatever the number of rows) and the reports are read once.
 */
import type { RequestSubjectView } from "../api/requests";
import { can, type Actor } from "../auth/policy";
import { queryAll } from "../ports/repository";
import type { Stored } from "../records/common";
import type { RecommendationFields } from "../recommendations/recommendation";
import type { ReportFields } from "../reports/report";
import type { RequestSubject } from "./request";
import { viewsOf, type UseCaseDeps } from "../ports/use-case-deps";

type Deps = Pick<UseCaseDeps, "repos" | "views">;


type Recommendation = Pick<Stored<RecommendationFields>, "id" | "documentSymbol" | "paragraph" | "text" | "sharedWithObservers">;
type Report = Pick<Stored<ReportFields>, "id" | "questions">;

/** How much of a recommendation's text the label carries, and of a question's. */
export const RECOMMENDATION_TEXT_CHARS = 140;
export const QUESTION_TEXT_CHARS = 300;

/** The first words of a text, at most `max` characters, cut between words and marked with "…". */
export function firstWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const words = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : flat.slice(0, max)).replace(/[\s,;:.\-–—]+$/, "");
  return `${words}…`;
}

export interface SubjectLookups {
  recommendation(id: string): Recommendation | undefined;
  report(id: string): Report | undefined;
}

/** The words for one subject; a recommendation the actor may not read is named by its id only. */
export function describeSubject(subject: RequestSubject, reportId: string, lookups: SubjectLookups, actor: Actor): RequestSubjectView {
  switch (subject.kind) {
    case "recommendation": {
      const recommendation = lookups.recommendation(subject.recommendationId);
      if (!recommendation || !can(actor, { kind: "read-record", sharedWithObservers: recommendation.sharedWithObservers })) {
        return {};
      }
      return {
        subjectText: firstWords(recommendation.text, RECOMMENDATION_TEXT_CHARS),
        subjectReference: { documentSymbol: recommendation.documentSymbol, paragraph: recommendation.paragraph },
      };
    }
    case "question": {
      const question = lookups.report(reportId)?.questions.find((q) => q.number === subject.number);
      return question ? { subjectText: firstWords(question.text, QUESTION_TEXT_CHARS) } : {};
    }
    case "section":
      // The subject itself carries the section's title.
      return {};
  }
}

export interface Preloaded {
  /** Recommendations already read (e.g. the dashboard's); read from the read model otherwise. */
  recommendations?: readonly Recommendation[];
  /** Reports already read; read otherwise, and only when a request is about a question. */
  reports?: readonly Report[];
}

/** Everything needed to describe these requests' subjects, read in at most two batched reads. */
export async function subjectLookups(deps: Deps, requests: readonly { reportId: string; subject: RequestSubject }[], preloaded: Preloaded = {}): Promise<SubjectLookups> {
  const recommendationIds = new Set(requests.flatMap((r) => (r.subject.kind === "recommendation" ? [r.subject.recommendationId] : [])));
  const questionReports = new Set(requests.filter((r) => r.subject.kind === "question").map((r) => r.reportId));
  const [recommendations, reports] = await Promise.all([
    recommendationIds.size === 0
      ? []
      : (preloaded.recommendations ??
        // One recommendation (one request's page): read it; more: the read model, one read for the whole page.
        (recommendationIds.size === 1 ? readRecommendation(deps, [...recommendationIds][0]!) : viewsOf(deps).recommendations.all())),
    questionReports.size === 0 ? [] : (preloaded.reports ?? (questionReports.size === 1 ? readOne(deps, [...questionReports][0]!) : queryAll(deps.repos.reports))),
  ]);
  const byRecommendation = new Map(recommendations.map((r) => [r.id, r]));
  const byReport = new Map(reports.map((r) => [r.id, r]));
  return { recommendation: (id) => byRecommendation.get(id), report: (id) => byReport.get(id) };
}

async function readRecommendation(deps: Deps, id: string): Promise<Recommendation[]> {
  const recommendation = await deps.repos.recommendations.get(id).catch(notFoundAsNothing);
  return recommendation ? [recommendation] : [];
}

function notFoundAsNothing(error: unknown): undefined {
  const code = (error as { code?: string }).code;
  if (code === "not_found" || code === "needs_attention") return undefined;
  throw error;
}

async function readOne(deps: Deps, reportId: string): Promise<Report[]> {
  const report = await deps.repos.reports.get(reportId).catch(notFoundAsNothing);
  return report ? [report] : [];
}

/** The requests with their subjects in words. */
export async function withSubjects<R extends { reportId: string; subject: RequestSubject }>(deps: Deps, actor: Actor, requests: readonly R[], preloaded: Preloaded = {}): Promise<(R & RequestSubjectView)[]> {
  if (requests.length === 0) return [];
  const lookups = await subjectLookups(deps, requests, preloaded);
  return requests.map((request) => ({ ...request, ...describeSubject(request.subject, request.reportId, lookups, actor) }));
}

/** One request with its subject in words. */
export async function withSubject<R extends { reportId: string; subject: RequestSubject }>(deps: Deps, actor: Actor, request: R, preloaded: Preloaded = {}): Promise<R & RequestSubjectView> {
  const [described] = await withSubjects(deps, actor, [request], preloaded);
  return described!;
}
