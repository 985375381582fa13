import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

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

/** ASVS 5.0 6.2.1 (≥ 8 characters) and 6.2.9 (≥ 64 allowed). */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128

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

/** A random password for a new account: 14–16 characters from a 55-letter unambiguous alphabet (≥ 80 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(16)
  let out = ''
  // 256 is not a multiple of 55, so take bytes below 220 (4 × 55) to avoid bias.
  for (const b of bytes) if (b < 220) out += alphabet[b % alphabet.length]
  return out.length >= 14 ? out : generatePassword()
}
