import { createHash } from 'node:crypto'

/**
 * JSON with object keys sorted at every level and undefined members left out, so equal data
 * always gives equal text whatever order the device wrote its keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i] ?? null)
    return `${out}]`
  }
  const obj = value as Record<string, unknown>
  let out = '{'
  let first = true
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key]
    if (v === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`
    first = false
  }
  return `${out}}`
}

/** sha256 (hex) of the canonical JSON: the identity of a record's content for idempotency. */
export const contentHash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex')
