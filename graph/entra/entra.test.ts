/**
 * GraphDirectory and GraphAppInstaller against a loopback HTTPS fake of the few Microsoft Graph
 * endpoints they call (the Graph emulator serves SharePoint only). The fake answers as the
 * Microsoft Graph documentation shows, and records the requests so their shapes can be checked.
 */
import { createServer, type Server } from "node:https";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StaticTokenProvider } from "../client/auth";
import { createGraphClient, type GraphClient } from "../client/graph-client";
import { selfSignedCertificate } from "../emulator/tls";
import { GraphAppInstaller } from "./app-installer";
import { GraphDirectory } from "./directory";

const CLIENT_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const SP = "sp-0001";
const ROLE = { secretariat: "r-sec", chair: "r-chair", observer: "r-obs", disabled: "r-old" };

interface Recorded {
  method: string;
  url: string;
  body?: unknown;
}

const USERS: Record<string, { id: string; displayName: string; mail: string | null; userPrincipalName: string; preferredLanguage?: string; accountEnabled?: boolean }> = {
  "u-1": { id: "u-1", displayName: "Maja Novak", mail: "maja@gov.example", userPrincipalName: "maja@gov.example", preferredLanguage: "sl-SI" },
  "u-2": { id: "u-2", displayName: "Irena Kralj", mail: null, userPrincipalName: "irena@gov.example" },
  "u-3": { id: "u-3", displayName: "Aleš Horvat", mail: "ales@gov.example", userPrincipalName: "ales@gov.example" },
  "u-4": { id: "u-4", displayName: "Gone Person", mail: "gone@gov.example", userPrincipalName: "gone@gov.example", accountEnabled: false },
};

let server: Server;
let client: GraphClient;
let requests: Recorded[] = [];
const installed = new Set<string>();

function json(res: ServerResponse, status: number, body?: unknown): void {
  // A 201 without a body (installedApps) carries no content type, as Graph answers it.
  res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

beforeAll(async () => {
  const tls = await selfSignedCertificate(Date.now());
  server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const url = decodeURIComponent(req.url ?? "");
      requests.push({ method: req.method ?? "", url, body: raw ? JSON.parse(raw) : undefined });
      if (req.headers.authorization !== "Bearer test-token") return json(res, 401, { error: { code: "InvalidAuthenticationToken" } });
      const origin = `https://localhost:${(server.address() as AddressInfo).port}`;
      let match: RegExpExecArray | null;
      if (url.startsWith(`/v1.0/servicePrincipals(appId='${CLIENT_ID}')`)) {
        return json(res, 200, {
          id: SP,
          appRoles: [
            { id: ROLE.secretariat, value: "Secretariat", isEnabled: true },
            { id: ROLE.chair, value: "Chair", isEnabled: true },
            { id: ROLE.observer, value: "Observer", isEnabled: true },
            { id: ROLE.disabled, value: "Admin", isEnabled: false },
            { id: "r-other", value: "Reader", isEnabled: true },
          ],
        });
      }
      if (url === `/v1.0/servicePrincipals/${SP}/appRoleAssignedTo?$top=999`) {
        return json(res, 200, {
          value: [
            { appRoleId: ROLE.secretariat, principalId: "u-1", principalType: "User", resourceId: SP },
            { appRoleId: ROLE.chair, principalId: "u-2", principalType: "User", resourceId: SP },
          ],
          "@odata.nextLink": `${origin}/v1.0/servicePrincipals/${SP}/appRoleAssignedTo?$skiptoken=page2`,
        });
      }
      if (url === `/v1.0/servicePrincipals/${SP}/appRoleAssignedTo?$skiptoken=page2`) {
        return json(res, 200, {
          value: [
            { appRoleId: ROLE.secretariat, principalId: "g-1", principalType: "Group", resourceId: SP },
            { appRoleId: ROLE.secretariat, principalId: "u-4", principalType: "User", resourceId: SP },
            { appRoleId: ROLE.secretariat, principalId: "sp-x", principalType: "ServicePrincipal", resourceId: SP },
          ],
        });
      }
      if (url.startsWith("/v1.0/groups/g-1/transitiveMembers/microsoft.graph.user")) return json(res, 200, { value: [{ id: "u-3" }, { id: "u-1" }] });
      if ((match = /^\/v1\.0\/users\/([^/?]+)\/appRoleAssignments\?\$filter=resourceId eq (.+)$/.exec(url))) {
        const byUser: Record<string, string[]> = { "u-1": [ROLE.secretariat, ROLE.observer], "u-2": [ROLE.chair, "r-other"] };
        if (!USERS[match[1]!]) return json(res, 404, { error: { code: "Request_ResourceNotFound" } });
        return json(res, 200, { value: (byUser[match[1]!] ?? []).map((appRoleId) => ({ appRoleId, principalId: match![1], resourceId: match![2] })) });
      }
      if ((match = /^\/v1\.0\/users\/([^/?]+)\/teamwork\/installedApps$/.exec(url)) && req.method === "POST") {
        if (!USERS[match[1]!]) return json(res, 404, { error: { code: "NotFound" } });
        if (installed.has(match[1]!)) return json(res, 409, { error: { code: "Conflict", message: "App is already installed." } });
        installed.add(match[1]!);
        return json(res, 201);
      }
      if ((match = /^\/v1\.0\/users\/([^/?]+)\?/.exec(url))) {
        const user = USERS[match[1]!];
        return user ? json(res, 200, user) : json(res, 404, { error: { code: "Request_ResourceNotFound" } });
      }
      return json(res, 500, { error: { code: "unexpected", message: url } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = createGraphClient({ endpoint: `https://localhost:${(server.address() as AddressInfo).port}`, auth: new StaticTokenProvider("test-token"), trustedCa: tls.cert, retry: { maxRetries: 0 } });
});

afterAll(async () => {
  await client.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests = [];
});

describe("GraphDirectory", () => {
  test("reads a person by object id: name, e-mail (mail, else the UPN) and preferred language", async () => {
    const directory = new GraphDirectory(client, { clientId: CLIENT_ID });
    expect(await directory.getUser("u-1")).toEqual({ id: "u-1", displayName: "Maja Novak", email: "maja@gov.example", locale: "sl-SI" });
    expect(await directory.getUser("u-2")).toEqual({ id: "u-2", displayName: "Irena Kralj", email: "irena@gov.example" });
    expect(await directory.getUser("nobody")).toBeUndefined();
    expect(await directory.getUser("u-4")).toBeUndefined();
    expect(requests[0]).toMatchObject({ method: "GET", url: "/v1.0/users/u-1?$select=id,displayName,mail,userPrincipalName,preferredLanguage,accountEnabled" });
  });

  test("the holders of a role: direct assignments and a group's members, across pages, without disabled accounts", async () => {
    const directory = new GraphDirectory(client, { clientId: CLIENT_ID });
    const secretariat = await directory.usersWithRole("Secretariat");
    expect(secretariat.map((u) => u.id)).toEqual(["u-3", "u-1"]);
    expect((await directory.usersWithRole("Chair")).map((u) => u.displayName)).toEqual(["Irena Kralj"]);
    // Admin exists in the app only as a disabled role: nobody holds it.
    expect(await directory.usersWithRole("Admin")).toEqual([]);
  });

  test("a person's roles come from their assignments on the app's service principal", async () => {
    const directory = new GraphDirectory(client, { clientId: CLIENT_ID });
    expect((await directory.rolesOf("u-1")).sort()).toEqual(["Observer", "Secretariat"]);
    expect(await directory.rolesOf("u-2")).toEqual(["Chair"]);
    expect(await directory.rolesOf("u-3")).toEqual([]);
    expect(await directory.rolesOf("nobody")).toEqual([]);
    expect(requests.some((r) => r.url === `/v1.0/users/u-1/appRoleAssignments?$filter=resourceId eq ${SP}`)).toBe(true);
  });

  test("remembers what it read for a while, and reads the service principal once", async () => {
    let now = 0;
    const directory = new GraphDirectory(client, { clientId: CLIENT_ID, cacheMs: 1000, now: () => now });
    await directory.rolesOf("u-1");
    await directory.rolesOf("u-1");
    await directory.rolesOf("u-2");
    expect(requests.filter((r) => r.url.includes("servicePrincipals(appId")).length).toBe(1);
    expect(requests.filter((r) => r.url.includes("/users/u-1/appRoleAssignments")).length).toBe(1);
    now = 2000;
    await directory.rolesOf("u-1");
    expect(requests.filter((r) => r.url.includes("/users/u-1/appRoleAssignments")).length).toBe(2);
  });
});

describe("GraphAppInstaller", () => {
  test("installs the catalog app for a person, binding it by its catalog id", async () => {
    const installer = new GraphAppInstaller(client, "catalog-app-42");
    expect(await installer.installForUser("u-3")).toBe("installed");
    const [post] = requests;
    expect(post).toMatchObject({ method: "POST", url: "/v1.0/users/u-3/teamwork/installedApps" });
    expect(post!.body).toEqual({ "teamsApp@odata.bind": `${client.endpoint}/v1.0/appCatalogs/teamsApps/catalog-app-42` });
  });

  test("409 is already installed; an unknown person is impossible", async () => {
    const installer = new GraphAppInstaller(client, "catalog-app-42");
    installed.add("u-1");
    expect(await installer.installForUser("u-1")).toBe("already-installed");
    expect(await installer.installForUser("nobody")).toBe("impossible");
  });
});
