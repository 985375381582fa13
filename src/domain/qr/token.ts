import { CONTENT_ID_PATTERN } from '../ids.ts'
import { splitSignedToken } from './signed-token.ts'

/**
 * The site QR token: `HT1.<base64url(JSON claims)>.<base64url(signature)>`.
 *
 * The signature is ECDSA P-256 with SHA-256 (ES256) over the ASCII bytes of
 * `HT1.<base64url(JSON claims)>` (the token up to its second dot, as in JWS), in WebCrypto's raw
 * IEEE P1363 form: r‖s, 32 bytes each. The prefix names the format, so a token of another
 * format or version can never be read as this one. The algorithm is not written in the token:
 * it comes from the key ring entry, so a token cannot choose a weaker one.
 */

export const SITE_TOKEN_PREFIX = 'HT1'
/** Longer input is refused before any parsing; a real token is about 200 characters. */
export const MAX_SITE_TOKEN_LENGTH = 1024

export interface SiteTokenClaims {
  /** Claims format version. */
  readonly v: 1
  /** Key id: the public key is routes-data/keys/<kid>.json. */
  readonly kid: string
  /** The site the code is posted at (a content SiteId). */
  readonly site: string
  /** Not valid before: seconds since the Unix epoch, UTC. */
  readonly nbf: number
  /** Not valid after: seconds since the Unix epoch, UTC. */
  readonly exp: number
  /** Random token id (base64url, 8–64 characters), so the server can tell codes apart and revoke one. */
  readonly jti: string
}

export interface ParsedSiteToken {
  readonly claims: SiteTokenClaims
  /** What the signature covers: `HT1.<claims part>`. */
  readonly signingInput: string
  readonly signature: Uint8Array
}

const CLAIM_KEYS = ['v', 'kid', 'site', 'nbf', 'exp', 'jti'] as const
const JTI_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
const isSeconds = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** Why these claims cannot be in a token, or undefined when they can. */
export function claimsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'claims are not an object'
  const c = value as Record<string, unknown>
  const extra = Object.keys(c).filter((k) => !(CLAIM_KEYS as readonly string[]).includes(k))
  if (extra.length > 0) return `unknown claims: ${extra.join(', ')}`
  if (c.v !== 1) return 'v is not 1'
  if (typeof c.kid !== 'string' || c.kid.length > 64 || !CONTENT_ID_PATTERN.test(c.kid))
    return 'kid is not a kebab-case id'
  if (typeof c.site !== 'string' || c.site.length > 80 || !CONTENT_ID_PATTERN.test(c.site))
    return 'site is not a kebab-case id'
  if (!isSeconds(c.nbf) || !isSeconds(c.exp)) return 'nbf and exp must be whole seconds since the epoch'
  if (c.exp <= c.nbf) return 'exp is not after nbf'
  if (typeof c.jti !== 'string' || !JTI_PATTERN.test(c.jti)) return 'jti is not 8–64 base64url characters'
  return undefined
}

/**
 * Splits and decodes a token without checking its signature: undefined for anything that is
 * not a well-formed HT1 token (wrong prefix, bad base64url or JSON, invalid claims, a signature
 * of the wrong length). Callers must still verify the signature before trusting the claims.
 */
export function parseSiteToken(token: string): ParsedSiteToken | undefined {
  const split = splitSignedToken(token, SITE_TOKEN_PREFIX, MAX_SITE_TOKEN_LENGTH)
  if (!split || claimsProblem(split.claims) !== undefined) return undefined
  return { ...split, claims: split.claims as SiteTokenClaims }
}
