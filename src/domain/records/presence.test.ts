import { describe, expect, it } from 'vitest'
import { record } from '../testing/fixtures.ts'
import { presenceAt, presentAt } from './presence.ts'
import { projectProgress } from './progress.ts'

const checkin = (siteId: string, at: string) =>
  record('checkin', { siteId, method: 'gps', verdict: 'inside' }, at)
const confirmed = (at: { siteId: string } | { lessonId: string }, when: string) =>
  record(
    'attestation',
    { classId: 'c1', token: 'x'.repeat(20), kid: 'k1', step: 1, method: 'scan', ...at },
    when,
  )

describe('presenceAt', () => {
  it('counts a presence the trainer confirmed as being at the site, without a check-in', () => {
    const p = projectProgress([confirmed({ siteId: 'zaoyuan' }, '2026-11-23T09:15:00Z')])
    expect(presenceAt(p, 'zaoyuan')).toMatchObject({
      kind: 'confirmed',
      attended: { at: '2026-11-23T09:15:00Z' },
    })
    expect(presentAt(p, 'zaoyuan')).toBe(true)
    expect(presentAt(p, 'yangjialing')).toBe(false)
  })

  it("names the member's own check-in when there are both, whichever came first", () => {
    const p = projectProgress([
      confirmed({ siteId: 'zaoyuan' }, '2026-11-23T09:00:00Z'),
      checkin('zaoyuan', '2026-11-23T09:30:00Z'),
    ])
    expect(presenceAt(p, 'zaoyuan')).toMatchObject({ kind: 'checked-in', stamp: { method: 'gps' } })
  })

  it('does not count a confirmation that names a lesson, not a site', () => {
    const p = projectProgress([confirmed({ lessonId: 'zaoyuan-lesson' }, '2026-11-23T09:00:00Z')])
    expect(presenceAt(p, 'zaoyuan')).toEqual({ kind: 'absent' })
  })
})
