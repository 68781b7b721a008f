import { ForbiddenError } from "../errors";
import type { AppRole } from "../ports/directory";

/**
 * The person acting: roles from the token's app roles, ministries from the FocalPoints list
 * (where they are an active focal point). Built at the edge (server, bot) for every call.
 */
export interface Actor {
  userId: string;
  displayName: string;
  email?: string;
  roles: readonly AppRole[];
  /** Ministries of which the person is an active focal point. */
  ministryIds: readonly string[];
}

/** What someone may try to do (DESIGN.md, "Authorization"). */
export type Action =
  | { kind: "read" }
  /** Reading a record that may or may not be shared with observers. */
  | { kind: "read-record"; sharedWithObservers: boolean }
  | { kind: "read-audit" }
  | { kind: "edit-lists" }
  | { kind: "import" }
  | { kind: "create-requests" }
  | { kind: "compile-drafts" }
  | { kind: "send-for-approval" }
  | { kind: "answer-request"; ministryId: string }
  | { kind: "update-status"; ministryId: string }
  | { kind: "decide-draft" }
  | { kind: "administer" };

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const refuse = (reason: string): Decision => ({ allowed: false, reason });

function has(actor: Actor, role: AppRole): boolean {
  return actor.roles.includes(role);
}

/** Secretariat, chair, admins and focal points read everything; observers what is shared with them. */
function readsEverything(actor: Actor): boolean {
  return has(actor, "Secretariat") || has(actor, "Chair") || has(actor, "Admin") || actor.ministryIds.length > 0;
}

/** The one authorization policy: every API route and every bot action asks it. */
export function decide(actor: Actor, action: Action): Decision {
  switch (action.kind) {
    case "read":
      return readsEverything(actor) || has(actor, "Observer") ? ALLOW : refuse("you have no role in the mechanism: ask the secretariat for access");
    case "read-record":
      if (readsEverything(actor)) return ALLOW;
      if (has(actor, "Observer") && action.sharedWithObservers) return ALLOW;
      return refuse(has(actor, "Observer") ? "this record is not shared with observers" : "you have no role in the mechanism: ask the secretariat for access");
    case "read-audit":
      return has(actor, "Secretariat") || has(actor, "Chair") || has(actor, "Admin") ? ALLOW : refuse("only the secretariat, the chair and administrators read the audit log");
    case "edit-lists":
    case "import":
    case "create-requests":
    case "compile-drafts":
    case "send-for-approval":
      return has(actor, "Secretariat") ? ALLOW : refuse("only the secretariat can do this");
    case "answer-request":
    case "update-status":
      return actor.ministryIds.includes(action.ministryId)
        ? ALLOW
        : refuse("only an active focal point of the ministry this concerns can do this");
    case "decide-draft":
      return has(actor, "Chair") ? ALLOW : refuse("only the chair can approve or return a draft");
    case "administer":
      return has(actor, "Admin") ? ALLOW : refuse("only an administrator can do this");
  }
}

export function can(actor: Actor, action: Action): boolean {
  return decide(actor, action).allowed;
}

/** Throws ForbiddenError with the reason when the policy refuses. */
export function authorize(actor: Actor, action: Action): void {
  const decision = decide(actor, action);
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
}

/** The actor the system itself acts as (the reminder scheduler, the outbox sender). */
export const SYSTEM_ACTOR: Actor = { userId: "system", displayName: "NMIRF (automatic)", roles: [], ministryIds: [] };
