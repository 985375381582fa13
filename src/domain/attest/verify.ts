import { ES256_SIGN, importSitePublicKey } from '../qr/keys.ts'
import { type ClassPublicKey, signedAfterRetirement } from './keys.ts'
import { type AttestClaims, parseAttestToken } from './token.ts'
import { attestStep, withinAttestWindow } from './window.ts'

/**
 * Offline verification of a trainer's attestation code on the member's device, against the
 * public keys of the member's classes that the device downloaded. The order matters, as for site
 * codes: nothing from the claims is reported (the place, the step) until the signature is
 * known to be good, so a forged code can never make the app say anything.
 *
 * Replay by another member is not decided here: it needs what this device has already
 * accepted (replay.ts).
 */

export type AttestVerdict =
  | { readonly ok: true; readonly claims: AttestClaims }
  /** Not an HA1 token at all (or damaged). */
  | { readonly ok: false; readonly reason: 'malformed' }
  /**
   * The device holds no keys for the class the code names: the member is not in that class, or
   * has not downloaded it. `classId` is unverified: use it only to look the class up.
   */
  | { readonly ok: false; readonly reason: 'other-class'; readonly classId: string }
  /**
   * unknown-key: the class has no such key on this device (it was rotated since the download);
   * bad-signature: tampered or forged; retired-key: signed after its class retired the key (a
   * lost trainer phone, or one that has not fetched the class's new key yet).
   */
  | {
      readonly ok: false
      readonly reason: 'unknown-key' | 'bad-signature' | 'retired-key'
      readonly kid: string
    }
  /** Authentic, but more than 2 steps from this device's clock (an old screenshot, or a wrong clock). */
  | {
      readonly ok: false
      readonly reason: 'expired'
      readonly claims: AttestClaims
      /** The verifier's step: later than the code's when the code is old, earlier when the phone's clock is behind. */
      readonly nowStep: number
    }

export type AttestRefusal = Extract<AttestVerdict, { ok: false }>

export interface AttestVerifyOptions {
  /** The public keys of a class on this device, or undefined when the device has none for it. */
  readonly classKeys: (classId: string) => readonly ClassPublicKey[] | undefined
  /** The verifier's clock, ms since the epoch. */
  readonly nowMs: number
}

// Imported keys per key object (a class's key list lives as long as its cache entry).
const imported = new WeakMap<ClassPublicKey, Promise<CryptoKey>>()
function publicKeyOf(key: ClassPublicKey): Promise<CryptoKey> {
  let k = imported.get(key)
  if (!k) {
    k = importSitePublicKey(key.publicJwk)
    imported.set(key, k)
  }
  return k
}

/** True when `signature` over `signingInput` verifies with `key`; false also for a key that is not a curve point. */
export async function signatureValid(
  key: ClassPublicKey,
  signingInput: string,
  signature: Uint8Array,
): Promise<boolean> {
  let publicKey: CryptoKey
  try {
    publicKey = await publicKeyOf(key)
  } catch {
    imported.delete(key)
    return false
  }
  return globalThis.crypto.subtle.verify(
    ES256_SIGN,
    publicKey,
    signature as Uint8Array<ArrayBuffer>,
    new TextEncoder().encode(signingInput),
  )
}

export async function verifyAttestToken(token: string, options: AttestVerifyOptions): Promise<AttestVerdict> {
  const parsed = parseAttestToken(token)
  if (!parsed) return { ok: false, reason: 'malformed' }
  const { claims, signingInput, signature } = parsed
  const keys = options.classKeys(claims.cls)
  if (!keys) return { ok: false, reason: 'other-class', classId: claims.cls }
  // A key only vouches for its own class: a key of class A cannot sign a code "of class B".
  const key = keys.find((k) => k.kid === claims.kid && k.classId === claims.cls)
  if (!key) return { ok: false, reason: 'unknown-key', kid: claims.kid }
  if (!(await signatureValid(key, signingInput, signature)))
    return { ok: false, reason: 'bad-signature', kid: claims.kid }
  if (signedAfterRetirement(key, claims.step)) return { ok: false, reason: 'retired-key', kid: claims.kid }
  if (!withinAttestWindow(claims.step, options.nowMs))
    return { ok: false, reason: 'expired', claims, nowStep: attestStep(options.nowMs) }
  return { ok: true, claims }
}
