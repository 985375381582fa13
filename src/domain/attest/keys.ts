import type { PublicSiteJwk } from '../qr/keys.ts'
import { stepStartMs } from './window.ts'

/**
 * A class's attestation keys (ES256, P-256), as the server hands them out: the public half to
 * the class's members and trainers, the private half only to its trainers. Import and key
 * generation are the site keys' (src/domain/qr/keys.ts): same curve, same JWK shape.
 */

/** One public key of a class, as GET /api/classes/:id/keys lists it. */
export interface ClassPublicKey {
  readonly kid: string
  readonly classId: string
  readonly publicJwk: PublicSiteJwk
  readonly createdAt: string
  /** A retired key still verifies the codes it signed; none is signed with it any more. */
  readonly retiredAt: string | null
}

/** The key id of a class's n-th key (n from 1): `cls-<classId>-<n>`. */
export function classKeyId(classId: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`key number must be 1 or more, not ${n}`)
  return `cls-${classId}-${n}`
}

/**
 * True when `key` was retired before the time step `step` began: a code of that step was signed
 * with a key its class had already given up (a trainer's phone lost or stolen, and the key
 * rotated), so it is not the trainer's. Codes signed before the retirement stay good: records
 * made with them, sent days later, are still the trainer's codes.
 */
export function signedAfterRetirement(key: Pick<ClassPublicKey, 'retiredAt'>, step: number): boolean {
  if (key.retiredAt === null) return false
  const retired = Date.parse(key.retiredAt)
  // Retired at a time that cannot be read: retired for every code, not for none.
  return !Number.isFinite(retired) || stepStartMs(step) >= retired
}
