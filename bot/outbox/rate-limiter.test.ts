import { RateLimiter } from "./rate-limiter";

describe("the rate limiter", () => {
  it("spaces messages evenly at the global rate", () => {
    const limiter = new RateLimiter({ globalPerSecond: 30, perKeyPerSecond: 7, now: () => 0 });
    const slots = Array.from({ length: 4 }, (_, i) => limiter.reserve(`person-${i}`));
    expect(slots.map((at) => Math.round(at))).toEqual([0, 33, 67, 100]);
  });

  it("lets one conversation have at most 7 messages in any second", () => {
    const limiter = new RateLimiter({ globalPerSecond: 1000, perKeyPerSecond: 7, now: () => 0 });
    const slots = Array.from({ length: 9 }, () => limiter.reserve("one-person"));
    const inFirstSecond = slots.filter((at) => at < 1000);
    expect(inFirstSecond).toHaveLength(7);
    expect(slots[7]).toBeGreaterThanOrEqual(1000);
    for (let i = 7; i < slots.length; i += 1) expect(slots[i]! - slots[i - 7]!).toBeGreaterThanOrEqual(1000);
  });

  it("waits for its slot", async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter({ globalPerSecond: 10, perKeyPerSecond: 7, now: () => now, sleep: async (ms) => { waits.push(ms); now += ms; } });
    await limiter.acquire("a");
    await limiter.acquire("b");
    await limiter.acquire("c");
    expect(waits).toEqual([100, 100]);
  });
});
