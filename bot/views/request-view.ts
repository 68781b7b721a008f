import type { Stored } from "../../core/records/common";
import type { ContributionFields } from "../../core/contributions/contribution";
import type { MinistryFields } from "../../core/ministries/ministry";
import type { ReportFields } from "../../core/reports/report";
import type { RequestFields } from "../../core/requests/request";
import type { Mechanism, UprPosition } from "../../core/records/taxonomy";
import type { Repositories } from "../../core/ports/repository";
import { isDomainError } from "../../core/errors";

export type SubjectView =
  | { kind: "recommendation"; documentSymbol: string; paragraph: string; text: string; recommendingStates: string[]; position?: UprPosition }
  | { kind: "question"; number: string; text?: string }
  | { kind: "section"; section: string; title: string }
  /** The recommendation was not found (it should not happen: records are never deleted). */
  | { kind: "unknown" };

/** A request with what a card shows about it, read once. */
export interface RequestView {
  request: Stored<RequestFields>;
  report?: Stored<ReportFields>;
  mechanism?: Mechanism;
  ministry?: Stored<MinistryFields>;
  subject: SubjectView;
  latest?: Stored<ContributionFields>;
}

async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") return undefined;
    throw error;
  }
}

export async function loadRequestView(repos: Repositories, requestOrId: string | Stored<RequestFields>): Promise<RequestView> {
  const request = typeof requestOrId === "string" ? await repos.requests.get(requestOrId) : requestOrId;
  const [report, ministry, latest, subject] = await Promise.all([
    orUndefined(repos.reports.get(request.reportId)),
    orUndefined(repos.ministries.get(request.ministryId)),
    request.latestContributionId ? orUndefined(repos.contributions.get(request.latestContributionId)) : Promise.resolve(undefined),
    subjectOf(repos, request),
  ]);
  const resolvedSubject: SubjectView =
    subject.kind === "question" && report ? { ...subject, text: report.questions.find((q) => q.number === subject.number)?.text } : subject;
  return { request, report, mechanism: report?.mechanism, ministry, subject: resolvedSubject, latest };
}

async function subjectOf(repos: Repositories, request: RequestFields): Promise<SubjectView> {
  const subject = request.subject;
  switch (subject.kind) {
    case "recommendation": {
      const recommendation = await orUndefined(repos.recommendations.get(subject.recommendationId));
      if (!recommendation) return { kind: "unknown" };
      return {
        kind: "recommendation",
        documentSymbol: recommendation.documentSymbol,
        paragraph: recommendation.paragraph,
        text: recommendation.text,
        recommendingStates: recommendation.recommendingStates,
        position: recommendation.position,
      };
    }
    case "question":
      return { kind: "question", number: subject.number };
    case "section":
      return { kind: "section", section: subject.section, title: subject.title };
  }
}
