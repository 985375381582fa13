import { describe, expect, it } from 'vitest'
import { type CoverageInput, type CoverageRecord, chinaDaysMs, computeCoverage } from './coverage.ts'

const base: CoverageInput = {
  period: { from: '2026-05-01', to: '2026-05-31' },
  branches: [
    { id: 'b1', name: '第一党支部' },
    { id: 'b2', name: '第二党支部' },
  ],
  members: [
    { id: 'm1', branchId: 'b1' },
    { id: 'm2', branchId: 'b1' },
    { id: 'm3', branchId: 'b2' },
    { id: 'm4', branchId: null },
  ],
  classes: [{ id: 'c1', startsOn: '2026-05-10', endsOn: '2026-05-11', memberIds: ['m1', 'm2'] }],
  routes: [{ id: 'r1', stopSiteIds: ['a', 'b'] }],
  records: [],
}

const checkin = (
  memberId: string,
  siteId: string,
  at: string,
  classId: string | null = null,
): CoverageRecord => ({
  kind: 'checkin',
  memberId,
  siteId,
  at,
  classId,
})
const vr = (memberId: string, at: string): CoverageRecord => ({
  kind: 'lesson.completed',
  memberId,
  mode: 'vr',
  at,
  classId: null,
})

describe('computeCoverage', () => {
  it('counts nobody when there are no records, every branch listed', () => {
    const c = computeCoverage(base)
    expect(c.branches.map((b) => [b.branchName, b.members, b.any])).toEqual([
      ['第二党支部', 1, 0],
      ['第一党支部', 2, 0],
    ])
    expect(c.noBranch).toEqual({ members: 1, attendedClass: 0, completedRoute: 0, vrLesson: 0, any: 0 })
    expect(c.totals.members).toBe(4)
  })

  it("an untagged record during the class's dates attends it; one outside them does not", () => {
    const during = computeCoverage({ ...base, records: [checkin('m1', 'a', '2026-05-10T01:00:00Z')] })
    expect(during.totals.attendedClass).toBe(1)
    const before = computeCoverage({ ...base, records: [checkin('m1', 'a', '2026-05-09T15:59:59Z')] })
    expect(before.totals.attendedClass).toBe(0)
    // 2026-05-09T16:00Z is 00:00 on 10 May in China: the class's first second.
    const first = computeCoverage({ ...base, records: [checkin('m1', 'a', '2026-05-09T16:00:00Z')] })
    expect(first.totals.attendedClass).toBe(1)
  })

  it('a record tagged with a class counts only for a member of that class', () => {
    const tagged = computeCoverage({
      ...base,
      records: [
        checkin('m1', 'a', '2026-05-20T01:00:00Z', 'c1'),
        checkin('m3', 'a', '2026-05-20T01:00:00Z', 'c1'),
      ],
    })
    expect(tagged.totals.attendedClass).toBe(1)
    expect(tagged.branches.find((b) => b.branchId === 'b2')?.attendedClass).toBe(0)
  })

  it('a route is complete only with every stop, attestations counting as presence', () => {
    const half = computeCoverage({ ...base, records: [checkin('m3', 'a', '2026-05-20T01:00:00Z')] })
    expect(half.totals.completedRoute).toBe(0)
    const whole = computeCoverage({
      ...base,
      records: [
        checkin('m3', 'a', '2026-05-20T01:00:00Z'),
        { kind: 'attestation', memberId: 'm3', siteId: 'b', at: '2026-05-21T01:00:00Z', classId: null },
      ],
    })
    expect(whole.branches.find((b) => b.branchId === 'b2')).toMatchObject({ completedRoute: 1, any: 1 })
    const across = computeCoverage({
      ...base,
      records: [checkin('m3', 'a', '2026-04-30T01:00:00Z'), checkin('m3', 'b', '2026-05-21T01:00:00Z')],
    })
    expect(across.totals.completedRoute).toBe(0)
  })

  it('VR lessons count; onsite ones do not; members without a branch are their own group', () => {
    const c = computeCoverage({
      ...base,
      records: [
        vr('m4', '2026-05-31T15:59:59Z'),
        vr('m4', '2026-05-31T16:00:00Z'),
        {
          kind: 'lesson.completed',
          memberId: 'm2',
          mode: 'onsite',
          at: '2026-05-20T00:00:00Z',
          classId: null,
        },
      ],
    })
    expect(c.noBranch).toEqual({ members: 1, attendedClass: 0, completedRoute: 0, vrLesson: 1, any: 1 })
    expect(c.totals).toEqual({ members: 4, attendedClass: 0, completedRoute: 0, vrLesson: 1, any: 1 })
  })

  it('counts a member once however many ways and times they were trained', () => {
    const c = computeCoverage({
      ...base,
      records: [
        checkin('m1', 'a', '2026-05-10T01:00:00Z'),
        checkin('m1', 'b', '2026-05-10T03:00:00Z'),
        vr('m1', '2026-05-12T01:00:00Z'),
        vr('m1', '2026-05-13T01:00:00Z'),
      ],
    })
    expect(c.totals).toEqual({ members: 4, attendedClass: 1, completedRoute: 1, vrLesson: 1, any: 1 })
    expect(c.branches.find((b) => b.branchId === 'b1')).toMatchObject({ members: 2, any: 1 })
  })

  it('ignores records of people who are not counted members', () => {
    const c = computeCoverage({ ...base, records: [vr('trainer', '2026-05-12T01:00:00Z')] })
    expect(c.totals.any).toBe(0)
  })
})

describe('chinaDaysMs', () => {
  it('spans whole China days, UTC+8', () => {
    const { from, to } = chinaDaysMs('2026-05-01', '2026-05-01')
    expect(new Date(from).toISOString()).toBe('2026-04-30T16:00:00.000Z')
    expect(to - from).toBe(86_400_000)
  })
})
