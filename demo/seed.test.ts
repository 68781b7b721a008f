import { queryAll } from "../core/ports/repository";
import { nameKey } from "../core/records/normalize";
import { buildWorld } from "../core/testing/world";
import { seedDemo } from "./seed";

describe("the demo seed compares ministries' names as every door does", () => {
  it("finds a ministry typed in SharePoint with another spelling instead of creating it again", async () => {
    const world = await buildWorld();
    const justice = world.ministries[0]!;
    // Someone typed the name in SharePoint with a no-break space and a Cyrillic "е".
    await world.repos.ministries.update(justice.id, { name: "Ministry\u00a0of Justic\u0435" }, justice.eTag);
    const seeded = await seedDemo(world.deps, { timeZone: "Europe/Ljubljana" });
    expect(seeded.seeded).toBe(true);
    const same = (await queryAll(world.repos.ministries)).filter((m) => nameKey(m.name) === nameKey("Ministry of Justice"));
    expect(same.map((m) => m.id)).toEqual([justice.id]);
  });
});
