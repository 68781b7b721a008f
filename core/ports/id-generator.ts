/** Fresh identifiers (submission ids, idempotency keys) where the store does not assign one. */
export interface IdGenerator {
  next(): string;
}
