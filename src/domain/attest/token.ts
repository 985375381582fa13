import { CONTENT_ID_PATTERN } from '../ids.ts'
import { splitSignedToken } from '../qr/signed-token.ts'

/**
 * The trainer's attestation token: `HA1.<base64url(JSON claims)>.<base64url(signature)>`.
 *
 * Same conventions as the site token (src/domain/qr/token.ts): ES256 (ECDSA P-256, SHA-256) over
 * the ASCII bytes of `HA1.<claims part>`, the signature in WebCrypto's raw r‖s form (64 bytes),
 * no algorithm in the token. The distinct prefix means a site plaque's token can never be read
 * as an attestation and the other way round, even though both are signed with P-256 keys.
 *
 * The claims say: in class `cls`, trainer `by` saw whoever scans this, at stop `at.site` or
 * lesson `at.lesson`, during 30-second step `step` (window.ts). `n` is a random nonce, so two
 * codes of the same step (two trainers, or the screen reopened) are different codes.
 */

export const ATTEST_TOKEN_PREFIX = 'HA1'
/** Longer input is refused before any parsing; a real token is about 300 characters. */
export const MAX_ATTEST_TOKEN_LENGTH = 1024

/** Where the trainer is: a stop of the class's route (a content SiteId) or a lesson (LessonId). */
export type AttestPlace = { readonly site: string } | { readonly lesson: string }

export interface AttestClaims {
  /** Claims format version. */
  readonly v: 1
  /** Key id of the class key that signed it, e.g. `cls-demo-yanan-class-1`. */
  readonly kid: string
  /** The class id. */
  readonly cls: string
  /** floor(Unix seconds / 30) on the trainer's device when the code was made. */
  readonly step: number
  readonly at: AttestPlace
  /** The trainer's user id. */
  readonly by: string
  /** Random nonce, base64url, 8–64 characters. */
  readonly n: string
}

export interface ParsedAttestToken {
  readonly claims: AttestClaims
  /** What the signature covers: `HA1.<claims part>`. */
  readonly signingInput: string
  readonly signature: Uint8Array
}

const CLAIM_KEYS = ['v', 'kid', 'cls', 'step', 'at', 'by', 'n'] as const
/** Class, user and key ids are made by the server: ASCII letters, digits, - and _. */
const SERVER_ID = /^[A-Za-z0-9_-]+$/
const NONCE = /^[A-Za-z0-9_-]{8,64}$/

const isServerId = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max && SERVER_ID.test(v)
const isContentId = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 80 && CONTENT_ID_PATTERN.test(v)

function placeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'at is not an object'
  const keys = Object.keys(value)
  if (keys.length !== 1 || (keys[0] !== 'site' && keys[0] !== 'lesson'))
    return 'at must name exactly one of site and lesson'
  const id = (value as Record<string, unknown>)[keys[0]]
  return isContentId(id) ? undefined : `at.${keys[0]} is not a kebab-case id`
}

/** Why these claims cannot be in a token, or undefined when they can. */
export function attestClaimsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'claims are not an object'
  const c = value as Record<string, unknown>
  const extra = Object.keys(c).filter((k) => !(CLAIM_KEYS as readonly string[]).includes(k))
  if (extra.length > 0) return `unknown claims: ${extra.join(', ')}`
  if (c.v !== 1) return 'v is not 1'
  if (!isServerId(c.kid, 120)) return 'kid is not a key id'
  if (!isServerId(c.cls, 80)) return 'cls is not a class id'
  if (typeof c.step !== 'number' || !Number.isSafeInteger(c.step) || c.step < 0)
    return 'step is not a whole number of 30-second steps'
  const place = placeProblem(c.at)
  if (place) return place
  if (!isServerId(c.by, 80)) return 'by is not a user id'
  if (typeof c.n !== 'string' || !NONCE.test(c.n)) return 'n is not 8–64 base64url characters'
  return undefined
}

/**
 * Splits and decodes a token without checking its signature: undefined for anything that is
 * not a well-formed HA1 token. Callers must verify the signature before trusting the claims.
 */
export function parseAttestToken(token: string): ParsedAttestToken | undefined {
  const split = splitSignedToken(token, ATTEST_TOKEN_PREFIX, MAX_ATTEST_TOKEN_LENGTH)
  if (!split || attestClaimsProblem(split.claims) !== undefined) return undefined
  return { ...split, claims: split.claims as AttestClaims }
}

/**
 * What identifies one code, for replay checks: its key, step and nonce. Not the token text:
 * ECDSA signatures are malleable ((r, s) and (r, n − s) both verify), so the same code can be
 * re-spelt as another valid string, while its signed claims cannot change.
 */
export function attestTokenId(claims: Pick<AttestClaims, 'kid' | 'step' | 'n'>): string {
  return `${claims.kid}:${claims.step}:${claims.n}`
}

/** The stop or lesson of a code as record payload fields. */
export function placeIds(at: AttestPlace): { siteId?: string; lessonId?: string } {
  return 'site' in at ? { siteId: at.site } : { lessonId: at.lesson }
}
