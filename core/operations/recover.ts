import type { Stored } from "../records/common";
import { queryAll } from "../ports/repository";
import type { UseCaseDeps } from "../ports/use-case-deps";
import { finishCreateRequests } from "../requests/create-requests";
import { finishFollowUpRound } from "../followup/follow-up-round";
import { completeOperation, isStale, OPERATION_LEASE_MS, takeOver } from "./journal";
import type { OperationFields, OperationKind } from "./operation";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/** How each kind of operation is finished after a crash. */
const FINISHERS: Record<OperationKind, (deps: Deps, operation: Stored<OperationFields>) => Promise<number>> = {
  "create-requests": finishCreateRequests,
  "follow-up-round": finishFollowUpRound,
};

export interface RecoveryRun {
  /** Operations finished by this run. */
  finished: { key: string; kind: OperationKind; records: number }[];
  /** Operations still started whose owner seems alive (heartbeat within the lease). */
  inProgress: number;
}

/**
 * Finishes the operations a crash left started (their heartbeat older than the lease). Run at
 * start-up and from time to time by one instance (the leader); safe to run anywhere, since an
 * operation is claimed with its eTag before it is finished.
 */
export async function recoverOperations(deps: Deps, options: { leaseMs?: number } = {}): Promise<RecoveryRun> {
  const leaseMs = options.leaseMs ?? OPERATION_LEASE_MS;
  const now = deps.clock.now();
  const started = await queryAll(deps.repos.operations, { where: [{ field: "status", op: "eq", value: "started" }] });
  const run: RecoveryRun = { finished: [], inProgress: 0 };
  for (const operation of started) {
    if (!isStale(operation, now, leaseMs)) {
      run.inProgress += 1;
      continue;
    }
    const claimed = await takeOver(deps, operation);
    if (!claimed) continue;
    const records = await FINISHERS[claimed.kind](deps, claimed);
    await completeOperation(deps, claimed);
    run.finished.push({ key: claimed.key, kind: claimed.kind, records });
  }
  return run;
}
