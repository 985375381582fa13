/**
 * ES256 keys for site QR tokens, through WebCrypto (`globalThis.crypto.subtle`: browsers and
 * Node ≥ 20). Public keys travel as JWK `{ kty: 'EC', crv: 'P-256', x, y }` (x, y: base64url of
 * the 32-byte curve coordinates); a private JWK adds `d`.
 */

export const ES256_IMPORT = { name: 'ECDSA', namedCurve: 'P-256' } as const
export const ES256_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const

/** A public key as the content pack ships it. */
export interface PublicSiteJwk {
  readonly kty: 'EC'
  readonly crv: 'P-256'
  readonly x: string
  readonly y: string
}

export interface PrivateSiteJwk extends PublicSiteJwk {
  readonly d: string
  /** The key id it belongs to, written by the keygen command for the admin's benefit. */
  readonly kid?: string
}

/** One trusted key of the key ring (routes-data/keys/<kid>.json, as validated by KeyFileSchema). */
export interface KeyRingEntry {
  readonly kid: string
  /** What the key may sign; only 'site' keys may sign site check-in codes. */
  readonly use: string
  /** Only 'ES256' is accepted (the algorithm allowlist). */
  readonly alg: string
  readonly publicKey: {
    readonly kty: string
    readonly crv?: string
    readonly x?: string
    readonly y?: string
  }
}

const subtle = () => globalThis.crypto.subtle

export function importSitePublicKey(jwk: KeyRingEntry['publicKey']): Promise<CryptoKey> {
  const { kty, crv, x, y } = jwk
  return subtle().importKey('jwk', { kty, crv, x, y }, ES256_IMPORT, false, ['verify'])
}

export function importSitePrivateKey(jwk: PrivateSiteJwk): Promise<CryptoKey> {
  const { kty, crv, x, y, d } = jwk
  return subtle().importKey('jwk', { kty, crv, x, y, d }, ES256_IMPORT, false, ['sign'])
}

/** A new key pair, exported as JWK: the public half for the content, the private half for the admin. */
export async function generateSiteKeyPair(): Promise<{
  publicJwk: PublicSiteJwk
  privateJwk: PrivateSiteJwk
}> {
  const pair = await subtle().generateKey(ES256_IMPORT, true, ['sign', 'verify'])
  const priv = await subtle().exportKey('jwk', pair.privateKey)
  if (priv.kty !== 'EC' || priv.crv !== 'P-256' || !priv.x || !priv.y || !priv.d)
    throw new Error('WebCrypto exported an unexpected private key')
  const publicJwk: PublicSiteJwk = { kty: 'EC', crv: 'P-256', x: priv.x, y: priv.y }
  return { publicJwk, privateJwk: { ...publicJwk, d: priv.d } }
}
