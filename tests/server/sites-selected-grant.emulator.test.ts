import { startEmulatedSite, type EmulatedSite } from "../support/emulated-site";
import { toHttpError } from "../../server/http/errors";
import { graphCheck } from "../../server/http/readiness";

describe("a site the app holds no Sites.Selected grant on (Graph answers 403 accessDenied)", () => {
  let site: EmulatedSite;
  beforeAll(async () => {
    site = await startEmulatedSite();
  });
  afterAll(() => site?.stop());

  it("readiness tells the administrator to grant the app Sites.Selected on the site", async () => {
    site.emulator.setFaults({ script: [{ status: 403, kind: "sites.get" }] });
    const check = graphCheck(() => site.client.api(`/sites/${site.siteId}`).get());

    const answer = await check.run();

    expect(answer.ok).toBe(false);
    expect(answer.ok ? "" : answer.problem).toMatch(/grant the app Sites\.Selected on the site/);
  });

  it("a read the site refuses reaches the caller as the server not being allowed on the site, not as the caller's fault", async () => {
    site.emulator.setFaults({});
    const store = await site.open();
    site.emulator.setFaults({ script: [{ status: 403, kind: "list-items.list" }] });

    const refusal = await store.repositories.ministries.query({}).catch((error: unknown) => error);
    const http = toHttpError(refusal);

    expect(http?.status).toBe(503);
    expect(http?.message).toMatch(/tell the administrator \(Sites\.Selected\)/);
    site.emulator.setFaults({});
  });
});
