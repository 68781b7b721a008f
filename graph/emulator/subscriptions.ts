/**
 * Change notifications on SharePoint lists (Microsoft Graph webhooks), as Microsoft's pages
 * describe them (docs/graph-emulator.md, "Change notifications"):
 *
 * - POST /subscriptions `{changeType, notificationUrl, lifecycleNotificationUrl?, resource,
 *   expirationDateTime, clientState?}` for `resource` = `sites/{site-id}/lists/{list-id}`; lists
 *   support only `changeType: updated`; expiry at most 42,300 minutes ahead. Before answering 201,
 *   each URL is validated: a POST with `?validationToken=…` that must answer 200 with the token
 *   as text/plain within 10 s, or the create fails with 400.
 * - PATCH /subscriptions/{id} `{expirationDateTime}` renews (200); DELETE answers 204; GET lists.
 * - After a change to a subscribed list, a POST of `{value: [changeNotification]}` to the
 *   notificationUrl (`subscriptionId, subscriptionExpirationDateTime, clientState, changeType,
 *   resource, tenantId`); the answer is not awaited beyond 3 s and a failure is not retried.
 * - Lifecycle notifications (`reauthorizationRequired`, `subscriptionRemoved`, `missed`) are sent
 *   when a test asks (`sendLifecycleNotification`), to the lifecycleNotificationUrl.
 *
 * Subscriptions live in memory (they do not survive the emulator's restart, as an expired one
 * would not). Real Graph needs HTTPS URLs; `allowHttpLoopback` lets a test server on loopback take them.
 */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import { GraphHttpError, invalidRequest, notFound } from "./errors";
import { jsonResponse, noContent, type EmulatorRequest, type EmulatorResponse } from "./http";

/** SharePoint list subscriptions: at most 42,300 minutes (under 30 days). */
export const MAX_LIST_SUBSCRIPTION_MINUTES = 42_300;
const VALIDATION_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 3_000;

export interface NotificationOptions {
  /** Accept `http://` notification URLs on loopback (127.0.0.1, localhost, ::1). Default false: HTTPS only, as Graph. */
  allowHttpLoopback?: boolean;
  /** Wait this long after a change before notifying, so that a burst of writes makes one notification per list. Default 50 ms. */
  batchDelayMs?: number;
  /** The tenant id in notifications. Default a fixed GUID. */
  tenantId?: string;
}

export interface EmulatedSubscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationDateTime: string;
  applicationId: string;
  listId: string;
}

export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

export class SubscriptionHub {
  private readonly subscriptions = new Map<string, EmulatedSubscription>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly deliveries = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly context: EmulatorContext,
    private readonly options: NotificationOptions = {},
  ) {}

  get tenantId(): string {
    return this.options.tenantId ?? "00000000-0000-0000-0000-0000000010ca";
  }

  list(): EmulatedSubscription[] {
    this.dropExpired();
    return [...this.subscriptions.values()].map((s) => ({ ...s }));
  }

  /** POST, PATCH, DELETE and GET on /subscriptions (async: creating one calls the notification URL). */
  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const parts = request.path.split("/").filter(Boolean);
    const id = parts[1];
    if (parts.length > 2) throw new GraphHttpError(400, "BadRequest", `Resource not found for the segment '${parts.slice(2).join("/")}'.`);
    this.dropExpired();
    if (!id && request.method === "POST") return this.create(bodyOf(request));
    if (!id && request.method === "GET") return jsonResponse(200, { "@odata.context": `${this.context.baseUrl}/$metadata#subscriptions`, value: this.list().map((s) => this.json(s)) });
    if (id && request.method === "GET") return jsonResponse(200, this.json(this.find(id)));
    if (id && request.method === "PATCH") return this.renew(this.find(id), bodyOf(request));
    if (id && request.method === "DELETE") {
      this.find(id);
      this.subscriptions.delete(id);
      return noContent();
    }
    throw new GraphHttpError(405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
  }

  /** Called when a list's items changed: its subscribers are notified after the batch delay. */
  listChanged(listId: string): void {
    if (this.stopped || this.pending.has(listId)) return;
    if (![...this.subscriptions.values()].some((s) => s.listId === listId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(listId);
      this.dropExpired();
      for (const subscription of this.subscriptions.values()) {
        if (subscription.listId !== listId) continue;
        void this.deliver(subscription.notificationUrl, {
          value: [
            {
              subscriptionId: subscription.id,
              subscriptionExpirationDateTime: subscription.expirationDateTime,
              clientState: subscription.clientState ?? null,
              changeType: "updated",
              resource: subscription.resource,
              tenantId: this.tenantId,
            },
          ],
        });
      }
    }, this.options.batchDelayMs ?? 50);
    timer.unref();
    this.pending.set(listId, timer);
  }

  /** Sends a lifecycle notification for a subscription (a removed one is gone afterwards). */
  sendLifecycleNotification(subscriptionId: string, event: LifecycleEvent): Promise<void> {
    const subscription = this.subscriptions.get(subscriptionId);
    if (!subscription) throw new Error(`No subscription '${subscriptionId}'.`);
    if (event === "subscriptionRemoved") this.subscriptions.delete(subscriptionId);
    const url = subscription.lifecycleNotificationUrl ?? subscription.notificationUrl;
    return this.deliver(url, {
      value: [
        {
          subscriptionId,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          tenantId: this.tenantId,
          clientState: subscription.clientState ?? null,
          lifecycleEvent: event,
          resource: subscription.resource,
        },
      ],
    });
  }

  /** Waits for the notifications sent so far to be answered (tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0 || this.deliveries.size > 0) {
      await Promise.all([...this.deliveries]);
      if (this.pending.size > 0) await new Promise((resolve) => setTimeout(resolve, (this.options.batchDelayMs ?? 50) + 5));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private async create(body: Record<string, unknown>): Promise<EmulatorResponse> {
    const changeType = stringField(body, "changeType", true)!;
    const notificationUrl = this.checkUrl(stringField(body, "notificationUrl", true)!, "notificationUrl");
    const lifecycle = stringField(body, "lifecycleNotificationUrl", false);
    const lifecycleNotificationUrl = lifecycle ? this.checkUrl(lifecycle, "lifecycleNotificationUrl") : undefined;
    const resource = stringField(body, "resource", true)!.replace(/^\/+/, "");
    const clientState = stringField(body, "clientState", false);
    if (clientState !== undefined && clientState.length > 128) throw invalidRequest("clientState must be at most 128 characters.");
    const listId = this.listOf(resource);
    // Lists support only `updated` (subscription resource page: "list change notifications support only the updated changeType").
    if (changeType !== "updated") throw invalidRequest(`The changeType '${changeType}' is not supported for the resource '${resource}'. Lists support only 'updated'.`);
    const expirationDateTime = this.checkExpiry(stringField(body, "expirationDateTime", true)!);
    for (const url of [notificationUrl, lifecycleNotificationUrl]) if (url) await this.validate(url);
    const subscription: EmulatedSubscription = { id: randomUUID(), resource, changeType, notificationUrl, lifecycleNotificationUrl, clientState, expirationDateTime, applicationId: this.context.appId, listId };
    this.subscriptions.set(subscription.id, subscription);
    return jsonResponse(201, this.json(subscription));
  }

  private renew(subscription: EmulatedSubscription, body: Record<string, unknown>): EmulatorResponse {
    subscription.expirationDateTime = this.checkExpiry(stringField(body, "expirationDateTime", true)!);
    return jsonResponse(200, this.json(subscription));
  }

  private find(id: string): EmulatedSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw notFound(`The object was not found.`);
    return subscription;
  }

  private json(subscription: EmulatedSubscription): Record<string, unknown> {
    const { listId: _listId, ...json } = subscription;
    return { "@odata.context": `${this.context.baseUrl}/$metadata#subscriptions/$entity`, ...json, clientState: subscription.clientState ?? null, creatorId: this.context.appId, latestSupportedTlsVersion: "v1_2" };
  }

  private listOf(resource: string): string {
    const match = /^sites\/([^/]+)\/lists\/([^/]+)$/.exec(resource);
    const site = match ? this.context.store.siteById(decodeURIComponent(match[1]!)) : undefined;
    const list = match && site ? this.context.store.listById(decodeURIComponent(match[2]!)) : undefined;
    if (!list || list.site_id !== site!.id) throw new GraphHttpError(404, "ResourceNotFound", `The resource '${resource}' was not found, or is not a list of a site.`);
    return list.id;
  }

  private checkUrl(raw: string, name: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalidRequest(`${name} is not a URL.`);
    }
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (url.protocol === "https:" || (url.protocol === "http:" && loopback && this.options.allowHttpLoopback)) return raw;
    throw invalidRequest(`${name} must make use of the HTTPS protocol.`);
  }

  private checkExpiry(raw: string): string {
    const at = Date.parse(raw);
    const now = this.context.now();
    if (Number.isNaN(at)) throw invalidRequest("expirationDateTime is not a date and time.");
    if (at <= now) throw invalidRequest("Subscription expiration can only be in the future.");
    if (at > now + MAX_LIST_SUBSCRIPTION_MINUTES * 60_000) {
      throw invalidRequest(`Subscription expiration can only be ${MAX_LIST_SUBSCRIPTION_MINUTES} minutes in the future.`);
    }
    return new Date(at).toISOString();
  }

  private dropExpired(): void {
    const now = this.context.now();
    for (const [id, subscription] of this.subscriptions) if (Date.parse(subscription.expirationDateTime) <= now) this.subscriptions.delete(id);
  }

  /** The validation handshake: POST `?validationToken=…`, 200 with the token as text/plain within 10 s. */
  private async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = `${url}${url.includes("?") ? "&" : "?"}validationToken=${encodeURIComponent(token)}`;
    let ok = false;
    try {
      const response = await fetch(target, { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: "", signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) });
      const text = await response.text();
      ok = response.status === 200 && (response.headers.get("content-type") ?? "").startsWith("text/plain") && text === token;
    } catch {
      ok = false;
    }
    if (!ok) throw invalidRequest("Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
  }

  private deliver(url: string, payload: unknown): Promise<void> {
    const delivery = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) })
      .then(async (response) => void (await response.arrayBuffer()))
      .catch(() => undefined)
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
    return delivery;
  }
}

function bodyOf(request: EmulatorRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  try {
    const parsed = JSON.parse(request.body.toString("utf8")) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw invalidRequest("The request body is not a JSON object.");
}

function stringField(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw invalidRequest(`The property '${name}' is required.`);
    return undefined;
  }
  if (typeof value !== "string") throw invalidRequest(`The property '${name}' must be a string.`);
  return value;
}
