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
  /** A round of approval of a draft (the chair's card): its draft link, word count and comments. */
  | { kind: "read-review" }
  /** Focal points' names and e-mail addresses. */
  | { kind: "read-people" }
  /** The ministries' answers (at least their own ministry's): not observers, who read them only in drafts shared with them. */
  | { kind: "read-answers" }
  /** Visits and communications of special procedures: confidential until the mandate holders publish them, so not observers. */
  | { kind: "read-special-procedures" }
  | { kind: "edit-lists" }
  | { kind: "import" }
  | { kind: "create-requests" }
  | { kind: "compile-drafts" }
  | { kind: "send-for-approval" }
  | { kind: "answer-request"; ministryId: string }
  | { kind: "update-status"; ministryId: string }
  | { kind: "decide-draft" }
  /** Commenting on what a consultation shares: only the observers it invites. */
  | { kind: "comment-on-consultation"; invited: boolean }
  | { kind: "administer" }
  /** The rows people left in SharePoint that the app cannot use (data needing attention). */
  | { kind: "read-data-quality" }
  /** Fixing such a row's broken columns. */
  | { kind: "fix-data" };

export type Decision = { allowed: true } | { allowed: false; reason: string };

/**
 * The mechanism's own choices that the policy applies (a setting of the server, docs/server.md).
 * Many governments want each ministry to see only its own requests and answers; others let
 * every ministry read what the others said.
 */
export interface MechanismRules {
  /** Whose requests and answers a ministry's focal points read: their own ministry's (default), or every ministry's. */
  focalPointsRead: "own-ministry" | "all-ministries";
}
export const FOCAL_POINTS_READ = ["own-ministry", "all-ministries"] as const;
export const DEFAULT_RULES: MechanismRules = { focalPointsRead: "own-ministry" };

/**
 * How much of a record a person reads: all of it, only what is shared with observers (the
 * record's status and what it is about, without answers, reasons or people's names), or nothing.
 */
export type Access = { level: "full" } | { level: "shared" } | { level: "none"; reason: string };

const FULL: Access = { level: "full" };
const SHARED: Access = { level: "shared" };

const ALLOW: Decision = { allowed: true };
const refuse = (reason: string): Decision => ({ allowed: false, reason });

function has(actor: Actor, role: AppRole): boolean {
  return actor.roles.includes(role);
}

/** The secretariat, the chair and administrators: they run the mechanism and read all of it. */
function runsTheMechanism(actor: Actor): boolean {
  return has(actor, "Secretariat") || has(actor, "Chair") || has(actor, "Admin");
}

const NO_ROLE = "you have no role in the mechanism: ask the secretariat for access";
const NOT_SHARED = "this record is not shared with observers";
const OTHER_MINISTRY = "this is another ministry's request: each ministry reads only its own requests and answers";

/**
 * A ministry's request and its answers: the secretariat, the chair and administrators read all
 * of them, a focal point those of their own ministry (every ministry's when the mechanism lets
 * them); what is shared with observers (a shared report, about a shared subject) anyone with a
 * role reads at the "shared" level.
 */
export function accessToRequest(actor: Actor, request: { ministryId: string; sharedWithObservers: boolean }, rules: MechanismRules = DEFAULT_RULES): Access {
  if (runsTheMechanism(actor) || actor.ministryIds.includes(request.ministryId)) return FULL;
  const focalPoint = actor.ministryIds.length > 0;
  if (focalPoint && rules.focalPointsRead === "all-ministries") return FULL;
  if (request.sharedWithObservers && (focalPoint || has(actor, "Observer"))) return SHARED;
  if (focalPoint) return { level: "none", reason: OTHER_MINISTRY };
  return { level: "none", reason: has(actor, "Observer") ? NOT_SHARED : NO_ROLE };
}

/**
 * An action (a measure) and what is reported on it: the secretariat, the chair and
 * administrators read all; a focal point those its ministry leads or supports (every ministry's
 * when the mechanism lets them); an action shared with observers anyone with a role reads at the
 * "shared" level (what is done and how it is measured, not who wrote what).
 */
export function accessToAction(actor: Actor, action: { leadMinistryId: string; supportingMinistryIds: readonly string[]; sharedWithObservers: boolean }, rules: MechanismRules = DEFAULT_RULES): Access {
  if (runsTheMechanism(actor) || [action.leadMinistryId, ...action.supportingMinistryIds].some((id) => actor.ministryIds.includes(id))) return FULL;
  const focalPoint = actor.ministryIds.length > 0;
  if (focalPoint && rules.focalPointsRead === "all-ministries") return FULL;
  if (action.sharedWithObservers && (focalPoint || has(actor, "Observer"))) return SHARED;
  if (focalPoint) return { level: "none", reason: "this is another ministry's action: each ministry reads only the actions it leads or supports" };
  return { level: "none", reason: has(actor, "Observer") ? NOT_SHARED : NO_ROLE };
}

/**
 * A report's Word draft: its internal file holds every ministry's answers, unshared
 * recommendations and the names of focal points. Those who read all of that get it; others
 * (observers, and focal points when each ministry reads only its own) get the draft as it is
 * shared with observers, once the report is.
 */
export function accessToDraft(actor: Actor, report: { sharedWithObservers: boolean }, rules: MechanismRules = DEFAULT_RULES): Access {
  if (runsTheMechanism(actor)) return FULL;
  const focalPoint = actor.ministryIds.length > 0;
  if (focalPoint && rules.focalPointsRead === "all-ministries") return FULL;
  if (report.sharedWithObservers && (focalPoint || has(actor, "Observer"))) return SHARED;
  if (focalPoint) return { level: "none", reason: "a draft holds every ministry's answers: a focal point reads it once the report is shared with observers" };
  return { level: "none", reason: has(actor, "Observer") ? NOT_SHARED : NO_ROLE };
}

/** Throws ForbiddenError with the reason when the access is none; returns the level otherwise. */
export function requireAccess(access: Access): "full" | "shared" {
  if (access.level === "none") throw new ForbiddenError(access.reason);
  return access.level;
}

/** Secretariat, chair, admins and focal points read everything; observers what is shared with them. */
function readsEverything(actor: Actor): boolean {
  return runsTheMechanism(actor) || actor.ministryIds.length > 0;
}

/** The one authorization policy: every API route and every bot action asks it. */
export function decide(actor: Actor, action: Action): Decision {
  switch (action.kind) {
    case "read":
      return readsEverything(actor) || has(actor, "Observer") ? ALLOW : refuse(NO_ROLE);
    case "read-record":
      if (readsEverything(actor)) return ALLOW;
      if (has(actor, "Observer") && action.sharedWithObservers) return ALLOW;
      return refuse(has(actor, "Observer") ? NOT_SHARED : NO_ROLE);
    case "read-audit":
      return runsTheMechanism(actor) ? ALLOW : refuse("only the secretariat, the chair and administrators read the audit log");
    case "read-review":
      return runsTheMechanism(actor) ? ALLOW : refuse("only the chair, the secretariat and administrators see a draft's approval");
    case "read-people":
    case "read-answers":
      return readsEverything(actor) ? ALLOW : refuse(has(actor, "Observer") ? (action.kind === "read-people" ? "the names of focal points are not shared with observers" : "the ministries' answers are not shared with observers") : NO_ROLE);
    case "read-special-procedures":
      return readsEverything(actor) ? ALLOW : refuse(has(actor, "Observer") ? "visits and communications of special procedures are not shared with observers" : NO_ROLE);
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
    case "comment-on-consultation":
      if (!readsEverything(actor) && !has(actor, "Observer")) return refuse(NO_ROLE);
      return action.invited ? ALLOW : refuse("only the observers invited to this consultation comment on it");
    case "administer":
      return has(actor, "Admin") ? ALLOW : refuse("only an administrator can do this");
    case "read-data-quality":
      return runsTheMechanism(actor) ? ALLOW : refuse("only the secretariat, the chair and administrators see the data needing attention");
    case "fix-data":
      return has(actor, "Secretariat") || has(actor, "Admin") ? ALLOW : refuse("only the secretariat and administrators fix data needing attention");
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
