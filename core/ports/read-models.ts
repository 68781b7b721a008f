import type { RecommendationFields } from "../recommendations/recommendation";
import type { RequestFields } from "../requests/request";
import type { Stored } from "../records/common";
import { queryAll, type Repositories, type Repository } from "./repository";

/**
 * A whole list, read often (the recommendations grid, the requests of a dashboard). Over
 * SharePoint the server keeps it by the list's delta (server/api/records-view.ts); elsewhere
 * it reads every page.
 */
export interface RecordsView<Fields> {
  /** Every record, as of now. */
  all(): Promise<Stored<Fields>[]>;
}

/** The lists the read use cases read whole. */
export interface ReadModels {
  recommendations: RecordsView<RecommendationFields>;
  requests: RecordsView<RequestFields>;
}

/** Over any repository: reads every page each time. */
export class QueryRecordsView<Fields> implements RecordsView<Fields> {
  constructor(private readonly repository: Repository<Fields, unknown>) {}
  async all(): Promise<Stored<Fields>[]> {
    return queryAll(this.repository, { top: 5000 });
  }
}

export function queryReadModels(repos: Repositories): ReadModels {
  return { recommendations: new QueryRecordsView(repos.recommendations), requests: new QueryRecordsView(repos.requests) };
}
