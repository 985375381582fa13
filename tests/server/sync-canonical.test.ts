/**
 * Why: a record's payload_hash is stored, and every record a device sends again is compared with
 * it: an equal hash is a harmless duplicate, another one a conflict the member has to look at
 * (P12). So the canonical JSON behind the hash must never change, even when its code is made
 * faster (issue 4): rows stored by an earlier server would turn into conflicts. The reference
 * below is the first implementation, kept verbatim; random values must give the same text and
 * the same hash.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, contentHash } from '../../server/sync/canonical.ts'

function referenceCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++)
      out += (i > 0 ? ',' : '') + referenceCanonicalJson(value[i] ?? null)
    return `${out}]`
  }
  const obj = value as Record<string, unknown>
  let out = '{'
  let first = true
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key]
    if (v === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${referenceCanonicalJson(v)}`
    first = false
  }
  return `${out}}`
}
const referenceHash = (value: unknown) =>
  createHash('sha256').update(referenceCanonicalJson(value)).digest('hex')

/** JSON-like values with awkward keys (unicode, escapes, numeric-looking, many) and undefined members. */
const awkwardKey = fc.oneof(
  fc.string(),
  fc.constantFrom('', '10', '2', '__proto__x', 'a"b', 'é', '日期', '\u0000', 'Z', 'a', 'B'),
)
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(fc.oneof(tie('node'), fc.constant(undefined)), { maxLength: 6 }),
    fc.dictionary(awkwardKey, fc.oneof(tie('node'), fc.constant(undefined)), { maxKeys: 24 }),
  ),
})).node

describe('canonical JSON of records', () => {
  it('gives the same text and hash as the first implementation, for any JSON-like value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(referenceCanonicalJson(v))
        expect(contentHash(v)).toBe(referenceHash(v))
      }),
      { numRuns: 2000 },
    )
  })

  it('does not depend on the order keys were written in, at any depth', () => {
    const a = { b: 1, a: { d: [1, { z: 1, y: 2 }], c: '日' }, e: undefined }
    const b = { a: { c: '日', d: [1, { y: 2, z: 1 }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"c":"日","d":[1,{"y":2,"z":1}]},"b":1}')
    expect(contentHash(a)).toBe(contentHash(b))
  })

  it('keeps the hash a known record was stored with before this change', () => {
    const record = {
      id: '01890a5d-ac96-774b-bcce-b302099a8057',
      kind: 'reflection',
      v: 1,
      memberId: 'm1',
      deviceId: 'd1',
      seq: 1,
      occurredAt: '2026-05-10T02:00:00.000Z',
      clockOffsetMs: 0,
      classId: null,
      contentVersion: 'v1',
      payload: { text: '实事求是' },
    }
    // Computed with the first implementation when this test was written.
    expect(contentHash(record)).toBe('b858fe5f9c871b56a284b7c505399ccb293d8f4c05e7ce70951e303bb157d7e7')
  })
})
