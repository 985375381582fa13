import { ES256_SIGN, importSitePublicKey, type KeyRingEntry } from './keys.ts'
import { parseSiteToken, type SiteTokenClaims } from './token.ts'

/**
 * Offline verification of a site QR token (notes/reliability.md P22, fault row 30) against the
 * key ring that ships with the content. The order matters: claims are only reported back
 * (for "expired", "other site") once the signature is known to be good, so a forged token
 * can never make the app say anything about a site or a date.
 */

export type SiteTokenVerdict =
  | { readonly ok: true; readonly claims: SiteTokenClaims }
  | {
      readonly ok: false
      /**
       * malformed: not an HT1 token; unknown-key: no key with its kid (the content may be older
       * than the code); key-not-allowed: the key is not an ES256 site key; bad-signature:
       * tampered or forged.
       */
      readonly reason: 'malformed' | 'unknown-key' | 'key-not-allowed' | 'bad-signature'
      readonly kid?: string
    }
  | {
      readonly ok: false
      /** Authentic, but not valid now or not for this site. */
      readonly reason: 'not-yet-valid' | 'expired' | 'wrong-site'
      readonly claims: SiteTokenClaims
    }

export type SiteTokenRefusal = Extract<SiteTokenVerdict, { ok: false }>['reason']

export interface VerifyOptions {
  /** The site being checked in at, when known (a site's check-in screen); any site otherwise. */
  readonly siteId?: string
  readonly now: Date
  /** Tolerated clock difference between the device and the signer, seconds; default 120. */
  readonly skewS?: number
}

export const DEFAULT_SKEW_S = 120
const ALLOWED = { use: 'site', alg: 'ES256', kty: 'EC', crv: 'P-256' } as const

// Imported keys, per key ring entry object (the pack's entries live as long as the pack).
const imported = new WeakMap<KeyRingEntry, Promise<CryptoKey>>()
function publicKeyOf(entry: KeyRingEntry): Promise<CryptoKey> {
  let key = imported.get(entry)
  if (!key) {
    key = importSitePublicKey(entry.publicKey)
    imported.set(entry, key)
  }
  return key
}

function isAllowed(entry: KeyRingEntry): boolean {
  return (
    entry.use === ALLOWED.use &&
    entry.alg === ALLOWED.alg &&
    entry.publicKey.kty === ALLOWED.kty &&
    entry.publicKey.crv === ALLOWED.crv
  )
}

export async function verifySiteToken(
  token: string,
  keyring: readonly KeyRingEntry[],
  options: VerifyOptions,
): Promise<SiteTokenVerdict> {
  const parsed = parseSiteToken(token)
  if (!parsed) return { ok: false, reason: 'malformed' }
  const { claims, signingInput, signature } = parsed
  const entry = keyring.find((k) => k.kid === claims.kid)
  if (!entry) return { ok: false, reason: 'unknown-key', kid: claims.kid }
  if (!isAllowed(entry)) return { ok: false, reason: 'key-not-allowed', kid: claims.kid }

  let key: CryptoKey
  try {
    key = await publicKeyOf(entry)
  } catch {
    // Not a point on the curve: the key file is broken, so nothing it "signed" can be trusted.
    return { ok: false, reason: 'key-not-allowed', kid: claims.kid }
  }
  const good = await globalThis.crypto.subtle.verify(
    ES256_SIGN,
    key,
    signature as Uint8Array<ArrayBuffer>,
    new TextEncoder().encode(signingInput),
  )
  if (!good) return { ok: false, reason: 'bad-signature', kid: claims.kid }

  const nowS = Math.floor(options.now.getTime() / 1000)
  const skewS = options.skewS ?? DEFAULT_SKEW_S
  if (nowS < claims.nbf - skewS) return { ok: false, reason: 'not-yet-valid', claims }
  if (nowS > claims.exp + skewS) return { ok: false, reason: 'expired', claims }
  if (options.siteId !== undefined && claims.site !== options.siteId)
    return { ok: false, reason: 'wrong-site', claims }
  return { ok: true, claims }
}
