import { RateLimiter } from "./rate-limit";

test("a burst is allowed, then one call per refill interval, per key", () => {
  let now = 0;
  const limiter = new RateLimiter({ perMinute: 60, burst: 3, now: () => now });
  expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([undefined, undefined, undefined]);
  expect(limiter.take("a")).toBe(1);
  expect(limiter.take("b")).toBeUndefined();
  now += 1000;
  expect(limiter.take("a")).toBeUndefined();
  expect(limiter.take("a")).toBe(1);
  now += 60_000;
  expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([undefined, undefined, undefined, 1]);
});

test("the wait it answers is how long until the next call is allowed", () => {
  let now = 0;
  const limiter = new RateLimiter({ perMinute: 6, burst: 1, now: () => now });
  expect(limiter.take("a")).toBeUndefined();
  expect(limiter.take("a")).toBe(10);
  now += 9_000;
  expect(limiter.take("a")).toBe(1);
  now += 1_000;
  expect(limiter.take("a")).toBeUndefined();
});
