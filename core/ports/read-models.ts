import type { RecommendationFields } from "../recommendations/recommendation";
import type { RequestFields } from "../requests/request";
import type { Stored } from "../records/common";
import type { RowNeedingAttention } from "../records/needs-attention";
import { readAll, type Repositories, type Repository } from "./repository";

/**
 * A whole list, read often (the recommendations grid, the requests of a dashboard). Over
 * SharePoint the server keeps it by the list's delta (server/api/records-view.ts); elsewhere
 * it reads every page.
 */
export interface RecordsView<Fields> {
  /** Every valid record, as of now. */
  all(): Promise<Stored<Fields>[]>;
  /** Every valid record and the rows kept out because they need attention, as of now. */
  read(): Promise<{ items: Stored<Fields>[]; needsAttention: RowNeedingAttention[] }>;
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
    return (await this.read()).items;
  }
  async read(): Promise<{ items: Stored<Fields>[]; needsAttention: RowNeedingAttention[] }> {
    return readAll(this.repository, { top: 5000 });
  }
}

export function queryReadModels(repos: Repositories): ReadModels {
  return { recommendations: new QueryRecordsView(repos.recommendations), requests: new QueryRecordsView(repos.requests) };
}
