import { z } from "zod";
import { attachmentSchema } from "../../core/contributions/contribution";
import { calendarDateSchema, LIMITS, recordIdSchema } from "../../core/records/common";
import { IMPLEMENTATION_STATUSES } from "../../core/records/taxonomy";
import { ACTION_STATUSES } from "../../core/followup/action";

/**
 * The verbs of our cards' `Action.Execute` buttons and the data each carries (Teams merges the
 * card's inputs into `data`). Every submit is parsed with these schemas: what does not parse
 * changes nothing and gets a plain-words error card.
 *
 * Texts are bounded a little above core's limits so that "too long" reaches core's own check
 * and its own words, while absurd payloads stop here.
 */
const boundedText = z.string().max(LIMITS.contributionText * 2);
const optionalStatus = z
  .union([z.enum(IMPLEMENTATION_STATUSES), z.literal("")])
  .optional()
  .transform((value) => (value ? value : undefined));
const attachmentsField = z.array(attachmentSchema).max(20).optional();

const requestRef = { requestId: recordIdSchema };

export const verbSchemas = {
  /** The answer form: text, status, files sent in the chat before. */
  submitAnswer: z.object({ ...requestRef, answer: boundedText.default(""), status: optionalStatus, attachments: attachmentsField }),
  /** Shows the form again, filled with the latest answer. */
  editAnswer: z.object(requestRef),
  /** Shows the request's card (from "my requests", or back from a sub-form). */
  showRequest: z.object(requestRef),
  askMoreTime: z.object(requestRef),
  confirmMoreTime: z.object({ ...requestRef, until: z.string().max(20).default(""), reason: z.string().max(LIMITS.comment * 2).default("") }),
  notOurMinistry: z.object(requestRef),
  confirmNotOurMinistry: z.object({ ...requestRef, reason: z.string().max(LIMITS.comment * 2).default("") }),
  /**
   * A text typed in the chat, confirmed as the answer to a request (chosen among several when
   * needed). `messageId` is the chat message's activity id: confirming twice saves once.
   */
  confirmChatAnswer: z.object({
    requestId: z.string().max(64).default(""),
    messageId: z.string().min(1).max(255),
    text: boundedText.default(""),
    status: optionalStatus,
    attachments: attachmentsField,
  }),
  /** Files sent in the chat, attached to the latest answer of the request chosen. */
  attachEvidence: z.object({ requestId: z.string().max(64).default(""), messageId: z.string().min(1).max(255), attachments: z.array(attachmentSchema).min(1).max(20) }),
  myRequests: z.object({}),
  help: z.object({}),
  approveDraft: z.object({ reviewId: recordIdSchema, comment: z.string().max(LIMITS.comment * 2).optional() }),
  returnDraft: z.object({ reviewId: recordIdSchema, comment: z.string().max(LIMITS.comment * 2).default("") }),
  /**
   * A follow-up round's card: progress in words, the action's status, and each indicator's new
   * value in the input `value_{indicatorId}` (figures as typed; the handler reads them), as of `asOf`.
   */
  submitProgress: z
    .object({
      actionId: recordIdSchema,
      roundId: recordIdSchema.optional(),
      progress: boundedText.default(""),
      status: z.enum(ACTION_STATUSES),
      asOf: z.string().max(20).default(""),
      attachments: attachmentsField,
    })
    .catchall(z.unknown()),
  /** The progress form again (after a saved update), or with files sent in the chat to go with it. */
  showProgress: z.object({ actionId: recordIdSchema, roundId: recordIdSchema.optional(), attachments: attachmentsField }),
  /** Teams asks for the card's current state when someone looks at it (`refresh`). */
  refresh: z.discriminatedUnion("view", [
    z.object({ view: z.literal("request"), requestId: recordIdSchema, banner: z.enum(["reminder", "escalation"]).optional() }),
    z.object({ view: z.literal("approval"), reviewId: recordIdSchema }),
  ]),
} as const;

export type Verb = keyof typeof verbSchemas;
export type VerbData<V extends Verb> = z.output<(typeof verbSchemas)[V]>;

export function isVerb(value: string): value is Verb {
  return Object.prototype.hasOwnProperty.call(verbSchemas, value);
}

/** A date a focal point picked as the new deadline. */
export const untilSchema = calendarDateSchema;
