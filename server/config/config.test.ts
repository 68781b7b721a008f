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
