import type { TurnContext } from "botbuilder";
import type { Activity } from "botbuilder";
import type { MechanismRules } from "../../core/auth/policy";
import type { AppInstaller } from "../../core/ports/app-installer";
import type { Clock } from "../../core/ports/clock";
import type { Directory } from "../../core/ports/directory";
import type { DocumentStore } from "../../core/ports/document-store";
import type { Repositories } from "../../core/ports/repository";
import type { BotConfig } from "../config";
import type { FetchLike } from "../files/download";
import type { Translator } from "../i18n/translate";
import type { BotLogger } from "../logger";
import type { ConversationStore } from "../people/conversations";
import type { Persona } from "../people/persona";

/** The ports and settings every route may use (each use case takes the ones it names). */
export interface BotDeps {
  repos: Repositories;
  clock: Clock;
  directory: Directory;
  documents: DocumentStore;
  installer: AppInstaller;
  config: BotConfig;
  logger: BotLogger;
  conversations: ConversationStore;
  /** Wakes the outbox sender: a route queued messages (notices, decisions). */
  kick(): void;
  /** Downloads files sent in the chat (tests pass their own). */
  fetch?: FetchLike;
  /** The mechanism's choices the authorization policy applies (core's defaults when absent). */
  rules?: MechanismRules;
  /** Where a draft's "Open in Word" leads (local mode: the stand-in for Word); its webUrl when absent. */
  draftLink?(draft: { id: string; webUrl: string }): string;
}

/** One turn, as a route sees it: who, in which language, when. */
export interface Turn {
  context: TurnContext;
  activity: Activity;
  persona: Persona;
  tr: Translator;
  now: Date;
  deps: BotDeps;
}
