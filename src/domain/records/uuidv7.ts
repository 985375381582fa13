/**
 * UUIDv7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, 74 random bits.
 * The id is identity only: its time part comes from the device clock and is never trusted
 * for ordering (DESIGN.md); records are ordered by (deviceId, seq).
 */
export type RandomBytes = (n: number) => Uint8Array

export const defaultRandom: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n))

export function uuidv7(nowMs: number = Date.now(), random: RandomBytes = defaultRandom): string {
  const bytes = random(16)
  const ms = Math.max(0, Math.floor(nowMs))
  // Big-endian 48-bit timestamp; division keeps it exact beyond 32 bits.
  for (let i = 5; i >= 0; i--) bytes[5 - i] = Math.floor(ms / 2 ** (8 * i)) & 0xff
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70 // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // variant 10
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
