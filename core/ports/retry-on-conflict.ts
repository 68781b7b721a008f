import { isDomainError } from "../errors";

/**
 * Optimistic concurrency: re-reads and re-applies a change when another writer got there
 * first (a ConcurrencyError, or a ConflictError on a unique key), a few times at most.
 */
export async function withFreshRead<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let remaining = tries; ; remaining -= 1) {
    try {
      return await attempt();
    } catch (error) {
      const retriable = isDomainError(error) && (error.code === "concurrency" || error.code === "conflict");
      if (!retriable || remaining <= 1) throw error;
    }
  }
}
