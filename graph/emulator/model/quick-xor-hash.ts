/**
 * OneDrive's QuickXorHash (the `file.hashes.quickXorHash` of SharePoint driveItems): each byte
 * is XORed into a 160-bit circular register at bit offset (index × 11) mod 160, then the
 * 64-bit little-endian length is XORed into the last 8 bytes; the result is base64.
 */
const WIDTH_BITS = 160;
const SHIFT = 11;

export function quickXorHash(data: Uint8Array): string {
  const state = new Uint8Array(WIDTH_BITS / 8);
  let offset = 0;
  for (let i = 0; i < data.length; i++) {
    const shifted = data[i]! << (offset & 7);
    const cell = offset >> 3;
    state[cell]! ^= shifted & 0xff;
    state[(cell + 1) % state.length]! ^= shifted >> 8;
    offset = (offset + SHIFT) % WIDTH_BITS;
  }
  let length = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    state[state.length - 8 + i]! ^= Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(state).toString("base64");
}
