import { parseRetryAfter, retryDelayMs } from "./retry-policy";

describe("the retry policy", () => {
  const fixed = { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.5 };

  it("reads Retry-After in seconds or as an HTTP date", () => {
    expect(parseRetryAfter("10")).toBe(10_000);
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("Sun, 29 Nov 2026 10:00:05 GMT", Date.parse("2026-11-29T10:00:00Z"))).toBe(5000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("never waits less than Retry-After asks", () => {
    for (const random of [0, 0.5, 0.999]) {
      expect(retryDelayMs(1, 10_000, { ...fixed, random: () => random })).toBeGreaterThanOrEqual(10_000);
    }
  });

  it("backs off exponentially with jitter, up to a cap, without Retry-After", () => {
    expect(retryDelayMs(1, undefined, { ...fixed, random: () => 0 })).toBe(250);
    expect(retryDelayMs(1, undefined, { ...fixed, random: () => 1 })).toBe(500);
    expect(retryDelayMs(3, undefined, { ...fixed, random: () => 1 })).toBe(2000);
    expect(retryDelayMs(20, undefined, { ...fixed, random: () => 1 })).toBe(30_000);
  });
});
