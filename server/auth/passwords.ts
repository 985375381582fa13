import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { PASSWORD_MAX, PASSWORD_MIN } from '../../src/domain/accounts/password-rules.ts'

/**
 * Password hashing with scrypt (node:crypto; RFC 7914). Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can be raised later and old hashes
 * still verify. Default cost: N = 2^15, r = 8, p = 1 (32 MiB, ≈ 50–100 ms on one core here),
 * OWASP's minimum for scrypt. Tests use a cheaper cost for speed; it is read from the hash.
 */
export interface ScryptParams {
  readonly log2N: number
  readonly r: number
  readonly p: number
}
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 1 }

const KEY_BYTES = 32
const SALT_BYTES = 16

export { PASSWORD_MAX, PASSWORD_MIN } from '../../src/domain/accounts/password-rules.ts'

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, params)
  return ['scrypt', params.log2N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  )
}

/** Constant-time comparison; false for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const params = { log2N: Number(log2N), r: Number(r), p: Number(p) }
  if (![params.log2N, params.r, params.p].every((n) => Number.isInteger(n) && n > 0 && n < 32)) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), params)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A password no one knows, hashed at the same cost: unknown users are checked against it. */
export function dummyHash(params: ScryptParams): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64'), params)
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`
  return undefined
}

/**
 * A random password for a new account or a reset, as three groups of four such as
 * `k7mz-q3xh-t9wr`: lower-case letters and digits without look-alikes (0/o, 1/l/i), because an
 * older member types it on a phone from a printed slip. 12 characters of 31 are 59 bits: with
 * login throttling (login-limits.ts) and scrypt, ample; the member can change it once logged in.
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const picked: string[] = []
  // 256 is not a multiple of 31, so take bytes below 248 (8 × 31) to avoid bias.
  while (picked.length < 12)
    for (const b of randomBytes(16))
      if (b < 248 && picked.length < 12) picked.push(alphabet[b % 31] as string)
  return [0, 4, 8].map((at) => picked.slice(at, at + 4).join('')).join('-')
}
