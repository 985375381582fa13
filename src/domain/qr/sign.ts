import { bytesToBase64url, textToBase64url } from './base64url.ts'
import { ES256_SIGN } from './keys.ts'
import { claimsProblem, SITE_TOKEN_PREFIX, type SiteTokenClaims } from './token.ts'

/** Seconds in a day, for validity periods given in days. */
export const DAY_S = 86_400

/**
 * Claims for a site code valid from `from` for `validDays` days (86,400 s each), with a random
 * 16-byte jti. Times are truncated to whole seconds since the epoch.
 */
export function siteTokenClaims(options: {
  kid: string
  site: string
  from: Date
  validDays: number
}): SiteTokenClaims {
  if (!(options.validDays > 0)) throw new Error(`validDays must be positive, not ${options.validDays}`)
  const nbf = Math.floor(options.from.getTime() / 1000)
  const jti = bytesToBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)))
  return {
    v: 1,
    kid: options.kid,
    site: options.site,
    nbf,
    exp: nbf + Math.round(options.validDays * DAY_S),
    jti,
  }
}

/** Signs claims with an ES256 private key into an `HT1.…` token (format: token.ts). Throws on invalid claims. */
export async function signSiteToken(claims: SiteTokenClaims, privateKey: CryptoKey): Promise<string> {
  const problem = claimsProblem(claims)
  if (problem) throw new Error(`cannot sign these claims: ${problem}`)
  const signingInput = `${SITE_TOKEN_PREFIX}.${textToBase64url(JSON.stringify(claims))}`
  const signature = await globalThis.crypto.subtle.sign(
    ES256_SIGN,
    privateKey,
    new TextEncoder().encode(signingInput),
  )
  return `${signingInput}.${bytesToBase64url(new Uint8Array(signature))}`
}
