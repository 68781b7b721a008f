/**
 * A short, stable fingerprint of a value (two 32-bit FNV-1a hashes of its JSON, in hex): for
 * idempotency keys made from what a person asked, so that the same ask is the same key.
 * Not a security measure.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? "";
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
