/**
 * Microsoft Graph change notification subscriptions on the site's lists (docs/graph.md): one per
 * list, resource `sites/{site-id}/lists/{list-id}`, changeType `updated` (the only one lists
 * take), the notification and lifecycle URLs the server answers, and the configured clientState.
 * A list subscription lives at most 42,300 minutes; each is renewed (PATCH) once less than
 * `renewBeforeMs` is left, and one that is gone (removed, expired, never made) is created again at
 * the next check. The subscriptions the app already has (an earlier leader's) are reused.
 */
import type { GraphClient } from "../client/graph-client";
import { failureOf, translate } from "../client/errors";

/** SharePoint lists: at most 42,300 minutes (Graph's subscription resource page). */
export const LIST_SUBSCRIPTION_MAX_MINUTES = 42_300;

interface GraphSubscription {
  id: string;
  resource: string;
  notificationUrl: string;
  expirationDateTime: string;
}

export interface ListSubscriptionOptions {
  siteId: string;
  listIds: readonly string[];
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  clientState: string;
  now(): Date;
  /** How long a new or renewed subscription lives. Default a little under the maximum. */
  lifetimeMs?: number;
  /** Renew once less than this is left. Default 3 days. */
  renewBeforeMs?: number;
}

export class ListSubscriptions {
  /** Our subscriptions by list id. */
  private readonly byList = new Map<string, GraphSubscription>();

  constructor(
    private readonly client: GraphClient,
    private readonly options: ListSubscriptionOptions,
  ) {}

  private get lifetimeMs(): number {
    return this.options.lifetimeMs ?? (LIST_SUBSCRIPTION_MAX_MINUTES - 60) * 60_000;
  }

  private resourceOf(listId: string): string {
    return `sites/${this.options.siteId}/lists/${listId}`;
  }

  /** The list a subscription of ours watches. */
  listOf(subscriptionId: string): string | undefined {
    for (const [listId, subscription] of this.byList) if (subscription.id === subscriptionId) return listId;
    return undefined;
  }

  /** The subscriptions held, by list id (for messages and tests). */
  held(): { listId: string; id: string; expirationDateTime: string }[] {
    return [...this.byList].map(([listId, s]) => ({ listId, id: s.id, expirationDateTime: s.expirationDateTime }));
  }

  /**
   * Makes sure every list has a live subscription: reads the app's subscriptions, creates the
   * missing ones, renews those close to expiry. Returns what it did.
   */
  async check(): Promise<{ created: number; renewed: number }> {
    const existing = await this.existing();
    let created = 0;
    let renewed = 0;
    for (const listId of this.options.listIds) {
      const found = existing.find((s) => s.resource.replace(/^\/+/, "") === this.resourceOf(listId) && s.notificationUrl === this.options.notificationUrl);
      if (!found) {
        await this.create(listId);
        created += 1;
        continue;
      }
      this.byList.set(listId, found);
      if (Date.parse(found.expirationDateTime) - this.options.now().getTime() < (this.options.renewBeforeMs ?? 3 * 24 * 60 * 60_000)) {
        await this.renew(found.id);
        renewed += 1;
      }
    }
    return { created, renewed };
  }

  /** Renews one subscription now (a `reauthorizationRequired` lifecycle notification); one that is gone is created again. */
  async renew(subscriptionId: string): Promise<void> {
    const expirationDateTime = new Date(this.options.now().getTime() + this.lifetimeMs).toISOString();
    try {
      const renewed = (await this.client.api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).patch({ expirationDateTime })) as GraphSubscription;
      const listId = this.listOf(subscriptionId) ?? this.listOfResource(renewed.resource);
      if (listId) this.byList.set(listId, { ...renewed, expirationDateTime: renewed.expirationDateTime ?? expirationDateTime });
    } catch (error) {
      if (failureOf(error)?.status !== 404) return translate(error, { entity: "Change notification subscription", id: subscriptionId });
      const listId = this.listOf(subscriptionId);
      if (listId) await this.create(listId);
    }
  }

  /** Forgets a subscription Graph removed (`subscriptionRemoved`) and creates its list's again. */
  async recreate(subscriptionId: string): Promise<void> {
    const listId = this.listOf(subscriptionId);
    if (!listId) return;
    this.byList.delete(listId);
    await this.create(listId);
  }

  private listOfResource(resource: string | undefined): string | undefined {
    return this.options.listIds.find((id) => resource?.replace(/^\/+/, "") === this.resourceOf(id));
  }

  private async existing(): Promise<GraphSubscription[]> {
    try {
      const page = (await this.client.api("/subscriptions").get()) as { value?: GraphSubscription[] };
      return (page.value ?? []).filter((s) => Date.parse(s.expirationDateTime) > this.options.now().getTime());
    } catch (error) {
      return translate(error, { entity: "Change notification subscriptions" });
    }
  }

  private async create(listId: string): Promise<void> {
    const body = {
      changeType: "updated",
      notificationUrl: this.options.notificationUrl,
      lifecycleNotificationUrl: this.options.lifecycleNotificationUrl,
      resource: this.resourceOf(listId),
      expirationDateTime: new Date(this.options.now().getTime() + this.lifetimeMs).toISOString(),
      clientState: this.options.clientState,
    };
    try {
      this.byList.set(listId, (await this.client.api("/subscriptions").post(body)) as GraphSubscription);
    } catch (error) {
      return translate(error, { entity: "Change notification subscription" });
    }
  }
}
