/**
 * The local sign-in (local mode only): a token issuer with its own signing key, made at each
 * start, publishing its public key as a JWKS. Its tokens carry the same claims as Entra ID's
 * (iss, aud, tid, oid, name, preferred_username, roles) and are validated by the same
 * TokenValidator: only the issuer URL and the key set differ.
 */
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

export interface LocalIdentity {
  userId: string;
  displayName: string;
  email: string;
  roles: readonly string[];
}

export const LOCAL_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    private readonly audience: string,
    private readonly tenantId: string,
  ) {}

  /** `issuer` is the server's origin + `/local-auth`; it must be known before tokens are issued. */
  static async create(options: { issuer: string; audience: string; tenantId: string }): Promise<LocalIssuer> {
    const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
    const jwk = { ...(await exportJWK(publicKey)), kid: randomUUID(), alg: "RS256", use: "sig" };
    return new LocalIssuer(privateKey, jwk, options.issuer, options.audience, options.tenantId);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async issue(identity: LocalIdentity, lifetimeSeconds = LOCAL_TOKEN_LIFETIME_SECONDS): Promise<string> {
    return new SignJWT({
      tid: this.tenantId,
      oid: identity.userId,
      name: identity.displayName,
      preferred_username: identity.email,
      roles: [...identity.roles],
      ver: "2.0",
    })
      .setProtectedHeader({ alg: "RS256", kid: this.publicJwk.kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setSubject(identity.userId)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(`${lifetimeSeconds}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
