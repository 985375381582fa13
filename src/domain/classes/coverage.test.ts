import { describe, expect, it } from 'vitest'
import {
  type CoverageInput,
  type CoverageRecord,
  chinaDaysMs,
  computeCoverage,
  coverageByMember,
} from './coverage.ts'

const base: CoverageInput = {
  period: { from: '2026-05-01', to: '2026-05-31' },
  branches: [
    { id: 'b1', name: '第一党支部' },
    { id: 'b2', name: '第二党支部' },
  ],
  members: [
    { id: 'm1', branchId: 'b1', displayName: '张三', username: 'zhang3', memberNumber: 'N-1' },
    { id: 'm2', branchId: 'b1', displayName: '李四', username: 'li4', memberNumber: null },
    { id: 'm3', branchId: 'b2', displayName: '王五', username: 'wang5', memberNumber: 'N-3' },
    { id: 'm4', branchId: null, displayName: '赵六', username: 'zhao6', memberNumber: null },
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
    expect(c.noBranch).toMatchObject({ members: 1, attendedClass: 0, completedRoute: 0, vrLesson: 0, any: 0 })
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
    expect(c.noBranch).toEqual({
      members: 1,
      attendedClass: 0,
      completedRoute: 0,
      vrLesson: 1,
      any: 1,
      untrained: [],
    })
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

  it('names the members of each branch reached by no measure, by name, for the follow-up', () => {
    const none = computeCoverage(base)
    const names = (c: typeof none, branchId: string) =>
      c.branches.find((b) => b.branchId === branchId)?.untrained.map((p) => p.displayName)
    // 李 (lǐ) before 张 (zhāng) in pinyin order.
    expect(names(none, 'b1')).toEqual(['李四', '张三'])
    expect(none.branches.find((b) => b.branchId === 'b2')?.untrained).toEqual([
      { displayName: '王五', username: 'wang5', memberNumber: 'N-3' },
    ])
    expect(none.noBranch.untrained).toEqual([{ displayName: '赵六', username: 'zhao6', memberNumber: null }])

    // Any one measure takes a member off the list: a class attended, a route walked, VR.
    const some = computeCoverage({
      ...base,
      records: [
        checkin('m1', 'a', '2026-05-10T01:00:00Z'),
        checkin('m3', 'a', '2026-05-20T01:00:00Z'),
        checkin('m3', 'b', '2026-05-20T02:00:00Z'),
        vr('m4', '2026-05-20T01:00:00Z'),
        // Outside the period: m2 stays on the list.
        vr('m2', '2026-06-01T01:00:00Z'),
      ],
    })
    expect(names(some, 'b1')).toEqual(['李四'])
    expect(names(some, 'b2')).toEqual([])
    expect(some.noBranch.untrained).toEqual([])
  })

  it('orders namesakes by username, and lists a branch with no members with nobody to follow up', () => {
    const c = computeCoverage({
      ...base,
      branches: [...base.branches, { id: 'b3', name: '空支部' }],
      members: [
        { id: 'x2', branchId: 'b1', displayName: '张三', username: 'zs2', memberNumber: null },
        { id: 'x1', branchId: 'b1', displayName: '张三', username: 'zs1', memberNumber: null },
      ],
    })
    expect(c.branches.find((b) => b.branchId === 'b1')?.untrained.map((p) => p.username)).toEqual([
      'zs1',
      'zs2',
    ])
    expect(c.branches.find((b) => b.branchId === 'b3')).toMatchObject({ members: 0, untrained: [] })
  })

  it('ignores records of people who are not counted members', () => {
    const c = computeCoverage({ ...base, records: [vr('trainer', '2026-05-12T01:00:00Z')] })
    expect(c.totals.any).toBe(0)
  })
})

describe('coverageByMember', () => {
  it('gives every member, in the input order, the measures that reached them', () => {
    const rows = coverageByMember({
      ...base,
      records: [checkin('m1', 'a', '2026-05-10T01:00:00Z'), vr('m1', '2026-05-12T01:00:00Z')],
    })
    expect(rows.map((r) => r.id)).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect(rows[0]).toEqual({
      id: 'm1',
      branchId: 'b1',
      displayName: '张三',
      username: 'zhang3',
      memberNumber: 'N-1',
      attendedClass: true,
      completedRoute: false,
      vrLesson: true,
      any: true,
    })
    expect(rows[1]).toMatchObject({
      id: 'm2',
      attendedClass: false,
      completedRoute: false,
      vrLesson: false,
      any: false,
    })
  })
})

describe('chinaDaysMs', () => {
  it('spans whole China days, UTC+8', () => {
    const { from, to } = chinaDaysMs('2026-05-01', '2026-05-01')
    expect(new Date(from).toISOString()).toBe('2026-04-30T16:00:00.000Z')
    expect(to - from).toBe(86_400_000)
  })
})
