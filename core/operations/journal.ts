import type { Actor } from "../auth/policy";
import { isDomainError } from "../errors";
import type { Stored } from "../records/common";
import type { UseCaseDeps } from "../ports/use-case-deps";
import type { OperationFields, OperationInput } from "./operation";

type Deps = Pick<UseCaseDeps, "repos" | "clock">;

/**
 * How long a started operation may go without a heartbeat before it is taken to be abandoned
 * (its process died) and someone else finishes it. Operations beat at every chunk of work,
 * which takes seconds; the lease leaves room for a throttled SharePoint.
 */
export const OPERATION_LEASE_MS = 120_000;

/** Records the intent: nothing of the operation is written before this is stored. */
export async function startOperation(
  deps: Deps,
  actor: Actor,
  operation: Pick<OperationInput, "key" | "kind" | "reportId" | "planned" | "summary">,
): Promise<Stored<OperationFields>> {
  const now = deps.clock.now().toISOString();
  return deps.repos.operations.create({ ...operation, status: "started", actorId: actor.userId, actorName: actor.displayName.slice(0, 255), startedAt: now, heartbeatAt: now });
}

/** Says the operation is alive and how far it got; a write refused because someone took it over is not an error for the work already done. */
export async function heartbeat(deps: Deps, operation: Stored<OperationFields>, progress: Partial<Pick<OperationFields, "done">> = {}): Promise<Stored<OperationFields>> {
  try {
    return await deps.repos.operations.update(operation.id, { ...progress, heartbeatAt: deps.clock.now().toISOString() }, operation.eTag);
  } catch (error) {
    if (isDomainError(error) && error.code === "concurrency") return deps.repos.operations.get(operation.id);
    throw error;
  }
}

export async function completeOperation(deps: Deps, operation: Stored<OperationFields>): Promise<void> {
  const at = deps.clock.now().toISOString();
  let current = operation;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (current.status === "completed") return;
    try {
      await deps.repos.operations.update(current.id, { status: "completed", completedAt: at, heartbeatAt: at }, current.eTag);
      return;
    } catch (error) {
      if (!(isDomainError(error) && error.code === "concurrency")) throw error;
      current = await deps.repos.operations.get(operation.id);
    }
  }
}

export function isStale(operation: Pick<OperationFields, "status" | "heartbeatAt">, now: Date, leaseMs: number): boolean {
  return operation.status === "started" && now.getTime() - Date.parse(operation.heartbeatAt) >= leaseMs;
}

/**
 * Claims an abandoned operation to finish it: the heartbeat is written with the eTag read, so
 * that of two finishers only one goes on. Undefined when someone else claimed it first.
 */
export async function takeOver(deps: Deps, operation: Stored<OperationFields>): Promise<Stored<OperationFields> | undefined> {
  const now = deps.clock.now().toISOString();
  try {
    return await deps.repos.operations.update(operation.id, { heartbeatAt: now, recoveredAt: now }, operation.eTag);
  } catch (error) {
    if (isDomainError(error) && error.code === "concurrency") return undefined;
    throw error;
  }
}

/** The person an operation acts for: its effects are audited in their name. */
export function actorOfOperation(operation: Pick<OperationFields, "actorId" | "actorName">): Actor {
  return { userId: operation.actorId, displayName: operation.actorName, roles: [], ministryIds: [] };
}
