/**
 * What a Graph notification does (docs/graph.md): a change notification pulls the list's feeds
 * at once (on the leader, its audit too); `reauthorizationRequired` renews the subscription;
 * `missed` reads the list whole again (a change may have been lost); `subscriptionRemoved` reads
 * it whole again and creates its subscription anew. On an instance that does not lead, the
 * subscription work is left to the leader's next check.
 */
import type { Logger } from "pino";
import type { Leadership } from "../../core/ports/leadership";
import type { ListSubscriptions } from "../../graph/sharepoint/list-subscriptions";
import type { GraphNotification } from "../http/graph-notifications";
import type { ChangeTracking } from "./change-tracking";

export class ChangeNotifications {
  constructor(
    private readonly options: { tracking: ChangeTracking; subscriptions: ListSubscriptions; leadership: Leadership; logger: Logger },
  ) {}

  private listOf(notification: GraphNotification): string | undefined {
    const fromResource = /lists\/([^/?]+)\/?$/.exec(notification.resource ?? "")?.[1];
    return this.options.subscriptions.listOf(notification.subscriptionId) ?? (fromResource ? decodeURIComponent(fromResource) : undefined);
  }

  private readonly inFlight = new Set<Promise<void>>();

  /** Acts on notifications (after they were answered); `settled` waits for them. */
  handle(notifications: GraphNotification[]): Promise<void> {
    const work = this.act(notifications).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
    return work;
  }

  /** Resolves when every notification received so far was acted on (tests, a graceful stop). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async act(notifications: GraphNotification[]): Promise<void> {
    const { tracking, subscriptions, leadership, logger } = this.options;
    const changed = new Set<string>();
    for (const notification of notifications) {
      const listId = this.listOf(notification);
      switch (notification.lifecycleEvent) {
        case undefined:
          if (listId) changed.add(listId);
          break;
        case "reauthorizationRequired":
          logger.info({ subscriptionId: notification.subscriptionId }, "Graph asks to renew a change notification subscription");
          if (leadership.isLeader()) await subscriptions.renew(notification.subscriptionId);
          break;
        case "missed":
          logger.warn({ subscriptionId: notification.subscriptionId }, "Graph missed change notifications: reading the list whole again");
          await tracking.resync(listId ? [listId] : undefined);
          break;
        case "subscriptionRemoved":
          logger.warn({ subscriptionId: notification.subscriptionId }, "Graph removed a change notification subscription: reading the list whole again and subscribing anew");
          await tracking.resync(listId ? [listId] : undefined);
          if (leadership.isLeader()) await subscriptions.recreate(notification.subscriptionId);
          break;
        default:
          logger.info({ lifecycleEvent: notification.lifecycleEvent }, "a lifecycle notification this app does not act on");
      }
    }
    if (changed.size > 0) await tracking.pullAll([...changed]);
  }
}
