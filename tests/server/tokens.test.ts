/**
 * Token validation: the validator against keys made in the test (served as a JWKS on
 * loopback), and the real server refusing forged, tampered and unsigned tokens.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from "jose";
import { TokenValidator } from "../../server/auth/token-validator";
import { startApiServer, PEOPLE, type ApiClient } from "./support/api-server";

const TENANT = "11111111-2222-4333-8444-555555555555";
const OTHER_TENANT = "99999999-2222-4333-8444-555555555555";
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const AUDIENCE = "api://nmirf.example.gov/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

let jwksServer: Server;
let jwksUrl: string;
let published: JWK[] = [];
let fetches = 0;
let key: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  key = await makeKey("key-1");
  stranger = await makeKey("key-stranger");
  published = [key.jwk];
  jwksServer = createServer((_req, res) => {
    fetches += 1;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
});

function validator(options: { refetchCooldownMs?: number } = {}): TokenValidator {
  return new TokenValidator({ jwksUrl, issuers: [ISSUER], audiences: [AUDIENCE], tenants: [TENANT], ...options });
}

interface Claims {
  iss?: string;
  aud?: string;
  tid?: string;
  oid?: string;
  roles?: string[];
  exp?: number | string;
  nbf?: number | string;
}

async function sign(claims: Claims = {}, signer: TestKey = key): Promise<string> {
  const jwt = new SignJWT({ tid: claims.tid ?? TENANT, oid: "oid" in claims ? claims.oid : "user-1", name: "Maja Novak", preferred_username: "maja@gov.example", roles: claims.roles ?? ["Secretariat"] })
    .setProtectedHeader({ alg: "RS256", kid: signer.kid, typ: "JWT" })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? "1h");
  if (claims.nbf !== undefined) jwt.setNotBefore(claims.nbf);
  return jwt.sign(signer.privateKey);
}

describe("the token validator (keys made in the test)", () => {
  test("accepts a token of the tenant for the API and reads who it is", async () => {
    const identity = await validator().verify(await sign());
    expect(identity).toMatchObject({ userId: "user-1", tenantId: TENANT, displayName: "Maja Novak", email: "maja@gov.example", roles: ["Secretariat"] });
  });

  test.each([
    ["an expired token", { exp: Math.floor(Date.now() / 1000) - 3600 }, /expired/],
    ["a token not valid yet", { nbf: Math.floor(Date.now() / 1000) + 3600 }, /not valid yet/],
    ["a token for another application", { aud: "api://elsewhere.example/other" }, /another application/],
    ["a token from another issuer", { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }, /issuer/],
    ["a token from another tenant", { tid: OTHER_TENANT }, /tenant/],
    ["a token naming no user", { oid: undefined }, /no user/],
  ])("refuses %s", async (_what, claims, reason) => {
    await expect(validator().verify(await sign(claims as Claims))).rejects.toMatchObject({ code: "unauthenticated", reason: expect.stringMatching(reason) });
  });

  test("refuses an unsigned token (alg: none)", async () => {
    const unsigned = new UnsecuredJWT({ tid: TENANT, oid: "user-1", roles: ["Secretariat"] }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime("1h").encode();
    await expect(validator().verify(unsigned)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  test("refuses a tampered token (roles added after signing)", async () => {
    const [header, payload, signature] = (await sign({ roles: ["Observer"] })).split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ["Secretariat", "Admin"] })).toString("base64url");
    await expect(validator().verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ reason: expect.stringMatching(/signature/) });
  });

  test("refuses a token signed with a key the issuer does not publish", async () => {
    await expect(validator().verify(await sign({}, { ...stranger, kid: key.kid }))).rejects.toMatchObject({ reason: expect.stringMatching(/signature/) });
    await expect(validator().verify(await sign({}, stranger))).rejects.toMatchObject({ reason: expect.stringMatching(/key the issuer does not publish/) });
  });

  test("refuses an HMAC token made with the public key as its secret (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.jwk));
    const hmac = await new SignJWT({ tid: TENANT, oid: "user-1" }).setProtectedHeader({ alg: "HS256", kid: key.kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime("1h").sign(secret);
    await expect(validator().verify(hmac)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  test("refuses what is not a JWT at all", async () => {
    for (const junk of ["", "abc", "a.b", "a.b.c.d", "x".repeat(20_000)]) {
      await expect(validator().verify(junk)).rejects.toMatchObject({ code: "unauthenticated" });
    }
  });

  test("keeps the keys, and fetches them again when a token names a new key (rollover)", async () => {
    const v = validator({ refetchCooldownMs: 0 });
    await v.verify(await sign());
    const before = fetches;
    await v.verify(await sign());
    expect(fetches).toBe(before);
    const next = await makeKey("key-2");
    published = [key.jwk, next.jwk];
    await expect(v.verify(await sign({}, next))).resolves.toMatchObject({ userId: "user-1" });
    expect(fetches).toBe(before + 1);
  });
});

describe("the server refuses tokens it did not issue", () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await startApiServer();
  }, 120_000);
  afterAll(async () => {
    await api?.server.stop();
  });

  async function me(token: string): Promise<{ status: number; body: { error?: { code: string; message: string } }; challenge: string | null }> {
    const response = await api.call<{ error?: { code: string; message: string } }>("GET", "/api/me", { token });
    return { status: response.status, body: response.body, challenge: response.headers.get("www-authenticate") };
  }

  test("a local sign-in token is accepted, and names the persona", async () => {
    const response = await api.call<{ userId: string; roles: string[] }>("GET", "/api/me", { token: await api.tokenFor("observer") });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: PEOPLE.observer.id, roles: ["Observer"] });
  });

  test("a token signed with another key, with the right issuer and audience, is refused", async () => {
    const local = JSON.parse(Buffer.from((await api.tokenFor("observer"))!.split(".")[1]!, "base64url").toString("utf8")) as { iss: string; aud: string; tid: string };
    const forged = await new SignJWT({ tid: local.tid, oid: PEOPLE.secretariat.id, name: "Forger", roles: ["Secretariat"] })
      .setProtectedHeader({ alg: "RS256", kid: stranger.kid })
      .setIssuer(local.iss)
      .setAudience(local.aud)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(stranger.privateKey);
    const result = await me(forged);
    expect(result.status).toBe(401);
    expect(result.body.error?.code).toBe("unauthenticated");
    expect(result.challenge).toMatch(/^Bearer error="invalid_token"/);
  });

  test("an observer's token whose roles were edited is refused", async () => {
    const [header, payload, signature] = (await api.tokenFor("observer"))!.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ["Secretariat"] })).toString("base64url")}.${signature}`;
    expect((await me(forged)).status).toBe(401);
  });

  test("an unsigned token (alg: none) with the server's own claims is refused", async () => {
    const local = JSON.parse(Buffer.from((await api.tokenFor("observer"))!.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
    const unsigned = new UnsecuredJWT({ ...local, roles: ["Secretariat"] }).encode();
    expect((await me(unsigned)).status).toBe(401);
  });

  test("no token, or not a bearer token, is 401 with a challenge", async () => {
    const none = await api.call("GET", "/api/recommendations");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    const basic = await api.call("GET", "/api/recommendations", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.status).toBe(401);
  });
});
