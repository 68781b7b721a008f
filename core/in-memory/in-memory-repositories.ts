import { RECORD_KINDS } from "../records/kinds";
import type { Repositories } from "../ports/repository";
import { InMemoryRepository } from "./in-memory-repository";

export function createInMemoryRepositories(): Repositories {
  return {
    ministries: new InMemoryRepository(RECORD_KINDS.ministries),
    focalPoints: new InMemoryRepository(RECORD_KINDS.focalPoints),
    recommendations: new InMemoryRepository(RECORD_KINDS.recommendations),
    reports: new InMemoryRepository(RECORD_KINDS.reports),
    milestones: new InMemoryRepository(RECORD_KINDS.milestones),
    requests: new InMemoryRepository(RECORD_KINDS.requests),
    contributions: new InMemoryRepository(RECORD_KINDS.contributions),
    drafts: new InMemoryRepository(RECORD_KINDS.drafts),
    reviews: new InMemoryRepository(RECORD_KINDS.reviews),
    consultations: new InMemoryRepository(RECORD_KINDS.consultations),
    outbox: new InMemoryRepository(RECORD_KINDS.outbox),
    conversations: new InMemoryRepository(RECORD_KINDS.conversations),
    audit: new InMemoryRepository(RECORD_KINDS.audit),
  };
}
