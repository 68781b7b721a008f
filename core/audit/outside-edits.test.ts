import { queryAll } from "../ports/repository";
import { buildWorld } from "../testing/world";
import { recordOutsideEdits, type OutsideEdit } from "./outside-edits";

const amina = { name: "Amina Diallo", email: "amina.diallo@contoso.example" };
const edit = (version: string, to: string): OutsideEdit => ({ entity: "recommendations", entityId: "7", kind: "changed", by: amina, at: "2026-12-04T20:57:29Z", version, changes: [{ field: "cluster", from: "A", to }] });

describe("edits made in SharePoint, in the audit log", () => {
  it("are written once each: the same edit handed on twice is one entry, two versions in the same second are two", async () => {
    const world = await buildWorld();
    await recordOutsideEdits(world.deps, [edit("2.0", "Edited in Lists")]);
    // A resync hands the same version on again, and a second edit of the same second comes with it.
    await recordOutsideEdits(world.deps, [edit("2.0", "Edited in Lists"), edit("3.0", "Edited again")]);
    const logged = (await queryAll(world.repos.audit)).filter((e) => e.action === "record.changedInSharePoint");
    expect(logged.map((e) => [e.summary, e.changes[0]!.to])).toEqual([
      ["Changed in SharePoint by Amina Diallo (version 2.0)", "Edited in Lists"],
      ["Changed in SharePoint by Amina Diallo (version 3.0)", "Edited again"],
    ]);
  });
});
