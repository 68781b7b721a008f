import type { DeliveryError } from "../../core/ports/messenger";
import type { BotConfig } from "../config";

type OutboxConfig = BotConfig["outbox"];

/**
 * When an entry is tried again: jittered exponential backoff from `baseBackoffMs` up to
 * `maxBackoffMs`; a throttled send waits what Teams said (Retry-After) with up to 20% more,
 * spreading the retries; a transient failure waits at least its Retry-After.
 */
export function backoffMs(config: OutboxConfig, attempts: number, random: () => number): number {
  const ceiling = Math.min(config.maxBackoffMs, config.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

export function retryDelayMs(config: OutboxConfig, delivery: DeliveryError, attempts: number, random: () => number): number {
  if (delivery.reason === "throttled") return (delivery.retryAfterMs ?? backoffMs(config, attempts, random)) * (1 + random() * 0.2);
  return Math.max(delivery.retryAfterMs ?? 0, backoffMs(config, attempts, random));
}

/** Whether a failed send is given up: the person cannot be reached, or it failed too often. */
export function givesUp(config: OutboxConfig, delivery: DeliveryError, attempts: number): boolean {
  const limit = delivery.reason === "throttled" ? config.maxThrottledAttempts : config.maxAttempts;
  return delivery.reason === "unreachable" || delivery.reason === "permanent" || attempts >= limit;
}
