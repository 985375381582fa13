import fc from 'fast-check'
import { expect } from 'vitest'
import { type ERROR_CODES, ErrorBodySchema } from '../../server/http/errors.ts'
import type { Device, Reply } from '../server/driver.ts'

/**
 * What every fuzz suite shares: one seed per test file and run (printed, replayable), the run
 * counts, raw requests whose body is any bytes, and the checks every error answer must pass.
 *
 * Replay a failure with the seed fast-check prints (and, for the one failing property, its path):
 *   HONGTU_FUZZ_SEED=123 npx vitest run tests/fuzz/api-bodies.test.ts
 *   HONGTU_FUZZ_SEED=123 HONGTU_FUZZ_PATH="4:2:0" npx vitest run tests/fuzz/api-bodies.test.ts -t login
 * HONGTU_FUZZ_SCALE=5 multiplies every run count, for a longer hunt on a workstation.
 */

const envNumber = (name: string) => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, not ${raw}`)
  return n
}

/** Fixed by HONGTU_FUZZ_SEED, otherwise new each run (and printed once per file). */
export const FUZZ_SEED = envNumber('HONGTU_FUZZ_SEED') ?? (Date.now() ^ (Math.random() * 0x100000000)) | 0
const SCALE = envNumber('HONGTU_FUZZ_SCALE') ?? 1
const PATH = process.env.HONGTU_FUZZ_PATH

let announced = false
/** fast-check parameters for one property: the shared seed, `numRuns` scaled. */
export function fuzzParams<T>(numRuns: number): fc.Parameters<T> {
  if (!announced) {
    announced = true
    console.log(`fuzz seed ${FUZZ_SEED} (replay: HONGTU_FUZZ_SEED=${FUZZ_SEED})`)
  }
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(numRuns * SCALE)),
    ...(PATH ? { path: PATH } : {}),
  }
}

export type ErrorCode = (typeof ERROR_CODES)[number]

/** An HTTP request with any bytes as its body and any content type (or none). */
export async function rawRequest(
  device: Device,
  method: string,
  path: string,
  body: Uint8Array | string | undefined,
  contentType: string | undefined,
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (contentType !== undefined) headers['content-type'] = contentType
  if (device.cookies.size > 0) headers.cookie = [...device.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await fetch(`${device.server.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: body as BodyInit }),
  })
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = undefined
  }
  return { status: res.status, body: parsed, headers: res.headers, text }
}

/**
 * The error contract (server/http/errors.ts): a 4xx whose body is exactly
 * `{ error: { code, message, path? } }` with a code from the stable list, and a field path for
 * every `invalid`. Returns the error for further checks.
 */
export function expectErrorAnswer(
  r: Reply,
  allowed: readonly ErrorCode[],
): { code: ErrorCode; message: string; path?: string } {
  const context = `${r.status} ${r.text.slice(0, 300)}`
  expect(r.status, context).toBeGreaterThanOrEqual(400)
  expect(r.status, context).toBeLessThan(500)
  const parsed = ErrorBodySchema.safeParse(r.body)
  expect(parsed.success, `not the error shape: ${context}`).toBe(true)
  const error = (r.body as { error: { code: ErrorCode; message: string; path?: string } }).error
  expect(allowed, context).toContain(error.code)
  if (error.code === 'invalid') expect(typeof error.path, `invalid without a path: ${context}`).toBe('string')
  return error
}

/** Bytes that are not UTF-8: a lone continuation byte, an overlong form, a surrogate, 0xFF. */
export const BAD_UTF8_SEQUENCES: readonly (readonly number[])[] = [
  [0x80],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xff],
  [0xfe, 0xff],
  [0xe6, 0x97],
]

/** Put this inside a string value of a body; {@link spliceBadUtf8} replaces it with bad bytes. */
export const BAD_UTF8_MARK = 'BAD-UTF8-HERE'

/** The JSON text with its {@link BAD_UTF8_MARK} replaced by bytes that are not UTF-8. */
export function spliceBadUtf8(json: string, sequence: readonly number[]): Uint8Array {
  const at = json.indexOf(BAD_UTF8_MARK)
  if (at < 0) throw new Error('the body has no BAD_UTF8_MARK to replace')
  return Buffer.concat([
    Buffer.from(json.slice(0, at), 'utf8'),
    Buffer.from(sequence),
    Buffer.from(json.slice(at + BAD_UTF8_MARK.length), 'utf8'),
  ])
}

/** Content types that are not JSON, or not quite (a JSON body must say application/json). */
export const WRONG_CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/json-patch+json',
  'text/json',
  'application/xml',
  '',
] as const

/** Text that is not JSON at all, or almost JSON. */
export const notJsonArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '{',
    '}',
    '{"records":',
    "{'username':'a'}",
    '{"a":1,}',
    'undefined',
    'NaN',
    '[1,2',
    '{"a":01}',
    '\u0000',
    '<html>login</html>',
    '{"a":"\\x41"}',
    '{"a":"\\ud800"',
    'records=1&x=2',
  ),
  fc.string({ maxLength: 200 }).filter((s) => {
    try {
      JSON.parse(s)
      return false
    } catch {
      return true
    }
  }),
)

/** A value nested `depth` levels deep in arrays or objects. */
export function deeplyNested(depth: number, style: 'array' | 'object'): string {
  return style === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/** Sets an own enumerable property, also for `__proto__`, so JSON.stringify sends it as a key. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}
