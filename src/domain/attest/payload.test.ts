import { describe, expect, it } from 'vitest'
import { AttestationPayloadV1 } from '../records/kinds.ts'
import { attestationPayload, payloadMismatch } from './payload.ts'
import type { AttestClaims } from './token.ts'

const claims: AttestClaims = {
  v: 1,
  kid: 'cls-demo-yanan-class-1',
  cls: 'demo-yanan-class',
  step: 59_000_000,
  at: { lesson: 'zaoyuan-lesson' },
  by: 'demo-trainer1',
  n: 'AAECAwQFBgcICQoLDA0ODw',
}
const token = `HA1.${'x'.repeat(40)}.${'y'.repeat(86)}`

describe('attestationPayload', () => {
  it('copies class, key, step and place out of the claims into a payload the record schema accepts', () => {
    const p = attestationPayload(token, claims, 'link')
    expect(AttestationPayloadV1.parse(p)).toEqual({
      classId: 'demo-yanan-class',
      token,
      kid: 'cls-demo-yanan-class-1',
      step: 59_000_000,
      lessonId: 'zaoyuan-lesson',
      method: 'link',
    })
    expect(payloadMismatch(p, claims)).toBeUndefined()
  })

  it('the schema wants exactly one of siteId and lessonId', () => {
    const p = attestationPayload(token, claims, 'scan')
    expect(AttestationPayloadV1.safeParse({ ...p, siteId: 'zaoyuan' }).success).toBe(false)
    expect(AttestationPayloadV1.safeParse({ ...p, lessonId: undefined }).success).toBe(false)
  })
})

describe('payloadMismatch', () => {
  it('names the first copied field that disagrees with the signed claims', () => {
    const p = attestationPayload(token, claims, 'scan')
    expect(payloadMismatch({ ...p, step: p.step + 1 }, claims)).toBe('step')
    expect(payloadMismatch({ ...p, classId: 'other' }, claims)).toBe('classId')
    expect(payloadMismatch({ ...p, lessonId: undefined, siteId: 'zaoyuan' }, claims)).toBe('siteId')
  })
})
