import { describe, expect, it } from 'vitest'
import { coarse, parseRecord } from './record.ts'
import { uuidv7 } from './uuidv7.ts'

const envelope = (over: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  kind: 'checkin',
  v: 1,
  memberId: 'm1',
  deviceId: 'd1',
  seq: 1,
  occurredAt: '2026-11-21T08:00:00.000+08:00',
  clockOffsetMs: null,
  classId: null,
  contentVersion: 'abc',
  payload: {
    siteId: 'zaoyuan',
    method: 'gps',
    verdict: 'inside',
    gps: { lat: 36.623, lng: 109.431, accuracyM: 12, distanceM: 40 },
  },
  ...over,
})

describe('parseRecord', () => {
  it('accepts a valid check-in', () => {
    const r = parseRecord(envelope())
    expect(r.ok).toBe(true)
  })

  it('refuses coordinates finer than ≈ 100 m: raw fixes are never kept', () => {
    const r = parseRecord(
      envelope({
        payload: {
          siteId: 'z',
          method: 'gps',
          verdict: 'inside',
          gps: { lat: 36.62345, lng: 109.431, accuracyM: 1, distanceM: 1 },
        },
      }),
    )
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'payload.gps.lat' }] })
  })

  it('names the field of a bad envelope', () => {
    expect(parseRecord(envelope({ seq: 0 }))).toMatchObject({ ok: false, problems: [{ path: 'seq' }] })
    expect(parseRecord(envelope({ id: 'x' }))).toMatchObject({
      ok: false,
      problems: [{ path: 'id', message: 'is not a UUID' }],
    })
    expect(parseRecord(envelope({ kind: 'nope' }))).toMatchObject({ ok: false, problems: [{ path: 'kind' }] })
  })

  it('refuses a payload version newer than the app knows', () => {
    expect(parseRecord(envelope({ v: 2 }))).toMatchObject({ ok: false, problems: [{ path: 'v' }] })
  })

  it('accepts each kind at its current version', () => {
    const payloads = {
      'lesson.completed': { lessonId: 'l', siteId: 's', mode: 'remote', score: 0.8 },
      'quiz.submitted': {
        lessonId: 'l',
        attempt: 1,
        mode: 'onsite',
        answers: { q1: ['a'], q2: true },
        correct: 1,
        total: 2,
        passed: false,
      },
      reflection: { lessonId: 'l', text: '心得' },
    }
    for (const [kind, payload] of Object.entries(payloads))
      expect(parseRecord(envelope({ kind, payload })).ok, kind).toBe(true)
  })
})

describe('coarse', () => {
  it('rounds to 3 decimals', () => {
    expect(coarse(36.623519)).toBe(36.624)
    expect(coarse(-0.0004)).toBe(-0)
  })
})
