import { ConfigError, configFromEnvironment } from "./config";
import { parseEnvFile } from "./env-files";

const TENANT = {
  NMIRF_MODE: "tenant",
  AAD_TENANT_ID: "11111111-2222-4333-8444-555555555555",
  AAD_CLIENT_ID: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  AAD_CLIENT_SECRET: "s3cr3t-value",
  TAB_DOMAIN: "nmirf.example.gov",
  GRAPH_SITE_HOSTNAME: "contoso.sharepoint.com",
  GRAPH_SITE_PATH: "/sites/nmirf",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    configFromEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test("local mode is the default: loopback, port 3978, the emulator's data in .data, demo seeded", () => {
  const config = configFromEnvironment({}, "/srv/nmirf");
  expect(config).toMatchObject({ mode: "local", host: "127.0.0.1", port: 3978, seedDemo: true, dataDir: "/srv/nmirf/.data" });
  expect(config.graph.emulatorDataFile).toBe("/srv/nmirf/.data/graph.sqlite");
  expect(config.signIn.audiences[0]).toMatch(/^api:\/\/localhost\//);
});

test("each ministry reads only its own requests and answers unless the mechanism lets focal points read every ministry's", () => {
  expect(configFromEnvironment({}).rules).toEqual({ focalPointsRead: "own-ministry" });
  expect(configFromEnvironment({ NMIRF_FOCAL_POINTS_READ: "all-ministries" }).rules).toEqual({ focalPointsRead: "all-ministries" });
});

test("tenant mode: Entra ID v2 issuers of the allowed tenants, audience api://{host}/{client id}", () => {
  const config = configFromEnvironment({ ...TENANT, AAD_ALLOWED_TENANTS: "99999999-2222-4333-8444-555555555555" });
  expect(config.host).toBe("0.0.0.0");
  expect(config.signIn.issuers).toEqual([
    "https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/v2.0",
    "https://login.microsoftonline.com/99999999-2222-4333-8444-555555555555/v2.0",
  ]);
  expect(config.signIn.audiences).toEqual(["api://nmirf.example.gov/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"]);
  expect(config.signIn.jwksUrl).toBe("https://login.microsoftonline.com/common/discovery/v2.0/keys");
  expect(config.seedDemo).toBe(false);
  expect(config.publicBaseUrl).toBe("https://nmirf.example.gov");
});

test("a missing value stops the start with a message naming it", () => {
  const { AAD_CLIENT_SECRET: _secret, GRAPH_SITE_PATH: _path, ...partial } = TENANT;
  const problems = problemsOf(partial);
  expect(problems).toContainEqual(expect.stringMatching(/^AAD_CLIENT_SECRET: required in tenant mode/));
  expect(problems).toContainEqual(expect.stringMatching(/GRAPH_SITE_PATH/));
});

test.each([
  ["PORT", "eighty", /PORT/],
  ["NMIRF_MODE", "cloud", /NMIRF_MODE/],
  ["LOG_LEVEL", "loud", /LOG_LEVEL/],
  ["NMIRF_TIME_ZONE", "Europe/Atlantis", /NMIRF_TIME_ZONE.*IANA/],
  ["RATE_LIMIT_PER_MINUTE", "-1", /RATE_LIMIT_PER_MINUTE/],
  ["AAD_TENANT_ID", "contoso", /AAD_TENANT_ID.*GUID/],
  ["GRAPH_SITE_PATH", "sites/nmirf", /GRAPH_SITE_PATH/],
  ["SEED_DEMO", "perhaps", /SEED_DEMO/],
  ["NMIRF_FOCAL_POINTS_READ", "everything", /NMIRF_FOCAL_POINTS_READ/],
])("a malformed %s is named", (key, value, message) => {
  expect(problemsOf({ [key]: value })).toContainEqual(expect.stringMatching(message));
});

test("a secret is never echoed in a message", () => {
  const error = (() => {
    try {
      configFromEnvironment({ ...TENANT, AAD_CLIENT_SECRET: "", BOT_PASSWORD: "" , AAD_TENANT_ID: "not-a-guid" });
    } catch (e) {
      return e as Error;
    }
    return undefined;
  })();
  expect(error?.message).toMatch(/AAD_TENANT_ID/);
  expect(error?.message).not.toMatch(/s3cr3t/);
});

test("local mode refuses to listen beyond loopback (it serves the local sign-in)", () => {
  expect(problemsOf({ HOST: "0.0.0.0" })).toContainEqual(expect.stringMatching(/^HOST: local mode .* loopback/));
  expect(configFromEnvironment({ HOST: "::1" }).host).toBe("::1");
});

test("env files: comments, quotes, export, and values with #", () => {
  expect(parseEnvFile('# comment\nPORT=4000\nexport HOST=127.0.0.1\nA="quoted # not a comment"\nB=\'single\'\nC=value # trailing\n\nnot a line\n')).toEqual({
    PORT: "4000",
    HOST: "127.0.0.1",
    A: "quoted # not a comment",
    B: "single",
    C: "value",
  });
});

describe("tenant mode's endpoints", () => {
  test("Microsoft Graph and Entra ID only in Microsoft's clouds", () => {
    expect(problemsOf({ ...TENANT, GRAPH_ENDPOINT: "https://graph.example.com" })).toEqual([expect.stringMatching(/^GRAPH_ENDPOINT: Microsoft Graph in one of Microsoft's clouds/)]);
    expect(problemsOf({ ...TENANT, AAD_AUTHORITY_HOST: "https://login.example.com" })).toEqual([expect.stringMatching(/^AAD_AUTHORITY_HOST: an Entra ID authority/)]);
    expect(configFromEnvironment({ ...TENANT, GRAPH_ENDPOINT: "https://graph.microsoft.us" }).graph.endpoint).toBe("https://graph.microsoft.us");
  });

  test("test stand-ins (NMIRF_TEST_*) on loopback only, in tenant mode only, Graph's endpoint with its token", () => {
    const standIns = { NMIRF_TEST_GRAPH_ENDPOINT: "https://127.0.0.1:8443", NMIRF_TEST_GRAPH_TOKEN: "t", NMIRF_TEST_JWKS_URL: "http://127.0.0.1:9000/keys" };
    const config = configFromEnvironment({ ...TENANT, ...standIns });
    expect(config.testEndpoints).toEqual({ graph: { endpoint: "https://127.0.0.1:8443", token: "t", caFile: undefined }, jwksUrl: "http://127.0.0.1:9000/keys" });
    expect(config.signIn.jwksUrl).toBe("http://127.0.0.1:9000/keys");
    expect(problemsOf({ ...TENANT, ...standIns, NMIRF_TEST_GRAPH_ENDPOINT: "https://graph.evil.example" })).toEqual([expect.stringMatching(/NMIRF_TEST_GRAPH_ENDPOINT: a test stand-in must be on loopback/)]);
    expect(problemsOf({ ...TENANT, NMIRF_TEST_JWKS_URL: "http://10.0.0.5/keys" })).toEqual([expect.stringMatching(/NMIRF_TEST_JWKS_URL: a test stand-in must be on loopback/)]);
    expect(problemsOf({ ...TENANT, NMIRF_TEST_GRAPH_ENDPOINT: "https://127.0.0.1:8443" })).toEqual([expect.stringMatching(/give both/)]);
    expect(problemsOf({ NMIRF_TEST_GRAPH_TOKEN: "t" })).toEqual([expect.stringMatching(/tenant mode's test stand-ins/)]);
    expect(configFromEnvironment(TENANT).testEndpoints).toBeUndefined();
  });

  test("the Storage account, the lease and the telemetry are read and checked", () => {
    const config = configFromEnvironment({ ...TENANT, AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5", WEBSITE_INSTANCE_ID: "abc123", APPLICATIONINSIGHTS_CONNECTION_STRING: "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://x/" });
    expect(config).toMatchObject({ instanceId: "abc123", leader: { leaseSeconds: 30 }, telemetry: { exporter: "azure-monitor" }, background: true });
    expect(config.storage?.connectionString).toMatch(/AccountName=a/);
    expect(problemsOf({ ...TENANT, LEADER_LEASE_SECONDS: "90" })[0]).toMatch(/^LEADER_LEASE_SECONDS/);
    expect(config.sendingInstances).toBe(1);
    expect(configFromEnvironment({ ...TENANT, NMIRF_SENDING_INSTANCES: "3" }).sendingInstances).toBe(3);
    expect(problemsOf({ ...TENANT, NMIRF_SENDING_INSTANCES: "0" })[0]).toMatch(/^NMIRF_SENDING_INSTANCES/);
    expect(problemsOf({ ...TENANT, NMIRF_SENDING_INSTANCES: "two" })[0]).toMatch(/^NMIRF_SENDING_INSTANCES/);
    expect(config.outbox).toEqual({ ratePerSecond: 30, claimLeaseSeconds: 120 });
    expect(configFromEnvironment({ ...TENANT, NMIRF_SEND_RATE_PER_SECOND: "20", NMIRF_OUTBOX_CLAIM_LEASE_SECONDS: "15" }).outbox).toEqual({ ratePerSecond: 20, claimLeaseSeconds: 15 });
    expect(problemsOf({ ...TENANT, NMIRF_SEND_RATE_PER_SECOND: "80" })[0]).toMatch(/^NMIRF_SEND_RATE_PER_SECOND/);
    expect(problemsOf({ ...TENANT, NMIRF_OUTBOX_CLAIM_LEASE_SECONDS: "5" })[0]).toMatch(/^NMIRF_OUTBOX_CLAIM_LEASE_SECONDS/);
    expect(problemsOf({ ...TENANT, NMIRF_TELEMETRY: "azure-monitor" })).toEqual([expect.stringMatching(/APPLICATIONINSIGHTS_CONNECTION_STRING: required/)]);
    const bad = problemsOf({ ...TENANT, AZURE_STORAGE_CONNECTION_STRING: "not a connection string" });
    expect(bad).toEqual([expect.stringMatching(/^AZURE_STORAGE_CONNECTION_STRING: an Azure Storage connection string/)]);
    expect(bad[0]).not.toMatch(/not a connection string/); // a secret is never echoed
  });
});

describe("changes made outside the app", () => {
  const SECRET = "a-random-client-state-0123456789";

  test("the timer reads the lists' changes every minute unless told otherwise (5 s to an hour)", () => {
    expect(configFromEnvironment({}).changes).toEqual({ pollSeconds: 60, notifications: undefined });
    expect(configFromEnvironment({ NMIRF_CHANGES_POLL_SECONDS: "15" }).changes.pollSeconds).toBe(15);
    expect(problemsOf({ NMIRF_CHANGES_POLL_SECONDS: "1" })[0]).toMatch(/^NMIRF_CHANGES_POLL_SECONDS/);
    expect(problemsOf({ NMIRF_CHANGES_POLL_SECONDS: "often" })[0]).toMatch(/^NMIRF_CHANGES_POLL_SECONDS/);
  });

  test("Graph's notifications: a clientState turns them on, to {PUBLIC_BASE_URL}/api/graph/notifications over HTTPS in tenant mode", () => {
    expect(configFromEnvironment({ ...TENANT, GRAPH_NOTIFICATION_CLIENT_STATE: SECRET }).changes.notifications).toEqual({ clientState: SECRET, url: "https://nmirf.example.gov/api/graph/notifications" });
    expect(configFromEnvironment({ GRAPH_NOTIFICATION_CLIENT_STATE: SECRET }).changes.notifications).toEqual({ clientState: SECRET, url: undefined });
    expect(problemsOf({ ...TENANT, GRAPH_NOTIFICATION_CLIENT_STATE: SECRET, GRAPH_NOTIFICATION_URL: "http://nmirf.example.gov/hook" })).toEqual([expect.stringMatching(/^GRAPH_NOTIFICATION_URL: Microsoft Graph sends notifications to HTTPS URLs only/)]);
    expect(problemsOf({ ...TENANT, GRAPH_NOTIFICATION_URL: "https://nmirf.example.gov/hook" })).toEqual([expect.stringMatching(/^GRAPH_NOTIFICATION_URL: set GRAPH_NOTIFICATION_CLIENT_STATE too/)]);
    const short = problemsOf({ ...TENANT, GRAPH_NOTIFICATION_CLIENT_STATE: "short" });
    expect(short).toEqual([expect.stringMatching(/^GRAPH_NOTIFICATION_CLIENT_STATE: at least 16 characters/)]);
    expect(short[0]).not.toMatch(/'short'/); // a secret is never echoed
  });
});
