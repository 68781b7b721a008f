/**
 * Validates bearer tokens: Entra ID tokens in tenant mode, the local issuer's in local mode,
 * with the same code. The signing keys come from the issuer's JWKS endpoint, cached and
 * fetched again when a token names a key id not seen yet (jose's remote key set).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { UnauthenticatedError } from "../../core/errors";

export interface TokenValidatorOptions {
  jwksUrl: string;
  issuers: string[];
  audiences: string[];
  /** Tenants (`tid`) accepted; empty accepts any tenant whose issuer is accepted. */
  tenants: string[];
  /** Signature algorithms accepted: Entra ID signs with RS256. */
  algorithms?: string[];
  /** Leeway for `exp`/`nbf` between clocks, in seconds. Default 60. */
  clockToleranceSeconds?: number;
  /** The current time, for tests. */
  now?: () => Date;
  /** An unknown key id fetches the key set again at most this often. Default 30 s. */
  refetchCooldownMs?: number;
}

/** What the server reads from a valid token. */
export interface VerifiedIdentity {
  /** The user's object id (`oid`), stable across apps: the user id everywhere in the product. */
  userId: string;
  tenantId: string;
  displayName: string;
  email?: string;
  /** The app roles (`roles` claim) as given; the caller keeps those it knows. */
  roles: string[];
  expiresAt?: Date;
}

export class TokenValidator {
  private readonly keys: JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: TokenValidatorOptions) {
    // cooldownDuration: an unknown `kid` refreshes the key set at most every 30 s (key rollover);
    // cacheMaxAge: keys are fetched again at least every 12 h.
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: options.refetchCooldownMs ?? 30_000, cacheMaxAge: 12 * 60 * 60_000, timeoutDuration: 10_000 });
    this.algorithms = options.algorithms ?? ["RS256"];
  }

  /** The identity in a token, or UnauthenticatedError saying why it is refused. */
  async verify(token: string): Promise<VerifiedIdentity> {
    if (!token || token.length > 16_384 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) {
      throw new UnauthenticatedError("the bearer token is not a JSON Web Token");
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuers,
        audience: this.options.audiences,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 60,
        currentDate: this.options.now?.(),
        requiredClaims: ["exp", "iat"],
      }));
    } catch (error) {
      throw new UnauthenticatedError(reasonOf(error));
    }
    const tenantId = stringClaim(payload, "tid");
    if (this.options.tenants.length && (!tenantId || !this.options.tenants.includes(tenantId))) {
      throw new UnauthenticatedError("the token is from a tenant this mechanism does not accept");
    }
    const userId = stringClaim(payload, "oid");
    if (!userId) throw new UnauthenticatedError("the token names no user (no oid claim): sign in as a person, not as an app");
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === "string") : [];
    return {
      userId,
      tenantId: tenantId ?? "",
      displayName: stringClaim(payload, "name") ?? stringClaim(payload, "preferred_username") ?? userId,
      email: stringClaim(payload, "preferred_username") ?? stringClaim(payload, "email") ?? stringClaim(payload, "upn"),
      roles,
      expiresAt: typeof payload.exp === "number" ? new Date(payload.exp * 1000) : undefined,
    };
  }
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value.length > 0 && value.length <= 512 ? value : undefined;
}

/** Why jose refused a token, in words that do not help an attacker much and help a developer enough. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired: sign in again";
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "nbf":
        return "the token is not valid yet";
      case "aud":
        return "the token was issued for another application (audience)";
      case "iss":
        return "the token was issued by an issuer this mechanism does not accept";
      default:
        return `the token's ${error.claim} claim is not valid`;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token is signed with an algorithm that is not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not verify";
  if (error instanceof errors.JWKSNoMatchingKey) return "the token is signed with a key the issuer does not publish";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError && error.code === "ERR_JWKS_INVALID") return "the sign-in keys could not be fetched; try again";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "the bearer token is malformed";
  return "the token could not be verified";
}
