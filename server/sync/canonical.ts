import { hash } from 'node:crypto'

/**
 * JSON with object keys sorted at every level and undefined members left out, so equal data
 * always gives equal text whatever order the device wrote its keys in.
 *
 * The text is the identity of a record's content (its payload_hash is stored, and a resent record
 * is compared with it), so its exact output must never change: tests/server/canonical.test.ts
 * checks it against the plain reference implementation on random values. This version only
 * computes the same text faster: one output string, key quoting cached, small key lists sorted
 * by insertion (the same UTF-16 code unit order as Array.prototype.sort's default).
 */
export function canonicalJson(value: unknown): string {
  return write(value, '')
}

/** Quoted keys: record envelopes and payloads reuse a few dozen names. Bounded, keys are input. */
const quotedKeys = new Map<string, string>()
const QUOTED_KEYS_MAX = 2000

function quoted(key: string): string {
  let q = quotedKeys.get(key)
  if (q === undefined) {
    q = JSON.stringify(key)
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, q)
  }
  return q
}

function sortedKeys(obj: object): string[] {
  const keys = Object.keys(obj)
  if (keys.length > 16) return keys.sort()
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string
    let j = i - 1
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string
      j--
    }
    keys[j + 1] = k
  }
  return keys
}

function write(value: unknown, out: string): string {
  if (value === null || typeof value !== 'object') return out + JSON.stringify(value)
  if (Array.isArray(value)) {
    out += '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      out = write(value[i] ?? null, out)
    }
    return `${out}]`
  }
  const obj = value as Record<string, unknown>
  out += '{'
  let first = true
  for (const key of sortedKeys(obj)) {
    const v = obj[key]
    if (v === undefined) continue
    out += first ? quoted(key) : `,${quoted(key)}`
    out = write(v, `${out}:`)
    first = false
  }
  return `${out}}`
}

/** sha256 (hex) of a text. */
export const sha256Hex = (text: string) => hash('sha256', text, 'hex')

/** sha256 (hex) of the canonical JSON: the identity of a record's content for idempotency. */
export const contentHash = (value: unknown) => sha256Hex(canonicalJson(value))
