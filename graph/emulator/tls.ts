/**
 * The emulator's certificate: self-signed, made at start, for `localhost` and 127.0.0.1. Only a
 * client given `caCertificate` trusts it; nothing disables TLS checks process-wide.
 */
import { generate } from "selfsigned";

export interface TlsMaterial {
  cert: string;
  key: string;
}

export async function selfSignedCertificate(now: number): Promise<TlsMaterial> {
  const notBeforeDate = new Date(now - 60_000);
  const notAfterDate = new Date(now + 365 * 24 * 60 * 60 * 1000);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    curve: "P-256",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", digitalSignature: true, keyCertSign: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
