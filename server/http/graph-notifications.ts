/**
 * POST /api/graph/notifications: where Microsoft Graph sends the lists' change notifications and
 * lifecycle notifications (docs/graph.md). Graph authenticates nothing but the `clientState` the
 * subscription was made with, so every notification must carry it (compared in constant time);
 * a request where one does not is refused with 403 and changes nothing. The validation handshake
 * (`?validationToken=…`) is answered with the token as text/plain. Notifications are answered 202
 * at once and worked on after answering: Graph waits 3 s at most.
 */
import { timingSafeEqual } from "node:crypto";
import express, { type RequestHandler } from "express";
import { z } from "zod";

export const LIFECYCLE_EVENTS = ["reauthorizationRequired", "subscriptionRemoved", "missed"] as const;

const notificationSchema = z.looseObject({
  subscriptionId: z.string().min(1).max(200),
  clientState: z.string().max(128).nullable().optional(),
  changeType: z.string().max(100).optional(),
  resource: z.string().max(2000).optional(),
  lifecycleEvent: z.string().max(100).optional(),
  subscriptionExpirationDateTime: z.string().max(64).optional(),
  tenantId: z.string().max(64).optional(),
});
const payloadSchema = z.object({ value: z.array(notificationSchema).min(1).max(1000) });

export type GraphNotification = z.infer<typeof notificationSchema>;

export const NOTIFICATIONS_PATH = "/api/graph/notifications";

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GraphNotificationsOptions {
  clientState: string;
  bodyLimitBytes: number;
  /** Works on the notifications after the answer was sent. */
  onNotifications(notifications: GraphNotification[]): Promise<void>;
  onRefused?(reason: string): void;
  onFailed?(error: unknown): void;
}

export function graphNotificationRoute(options: GraphNotificationsOptions): RequestHandler[] {
  const json = express.json({ limit: options.bodyLimitBytes, type: ["application/json", "application/*+json"] });
  const handle: RequestHandler = (req, res) => {
    const token = req.query.validationToken;
    if (token !== undefined) {
      if (typeof token !== "string" || token.length === 0 || token.length > 2048) {
        res.status(400).type("text/plain").send("validationToken must be one non-empty value of at most 2048 characters");
        return;
      }
      res.status(200).type("text/plain").send(token);
      return;
    }
    const parsed = payloadSchema.safeParse(req.body);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
      res.status(400).json({ error: { code: "bad_request", message: `not a change notification collection: ${problem}` } });
      return;
    }
    const wrong = parsed.data.value.filter((n) => !sameSecret(n.clientState, options.clientState));
    if (wrong.length > 0) {
      options.onRefused?.(`${wrong.length} of ${parsed.data.value.length} notifications carry a clientState that is not ours`);
      res.status(403).json({ error: { code: "forbidden", message: "the notification's clientState does not match this app's: nothing was done" } });
      return;
    }
    res.status(202).end();
    // After answering: reading the lists takes longer than Graph waits.
    setImmediate(() => {
      options.onNotifications(parsed.data.value).catch((error: unknown) => options.onFailed?.(error));
    });
  };
  return [json, handle];
}
